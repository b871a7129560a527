// The application shell: skip link, header with navigation for the signed-in
// role, language switch and sign-out, the <main> region each page renders
// into, and the live region for announcements. Routes are in router.ts,
// pages in pages/.

import './styles.css';
import { h, mount } from './dom';
import { initLocale, locale, LOCALES, onLocaleChange, setLocale, t, type TKey } from './i18n';
import { allows } from './permissions';
import { href, navigate, parseHash, type Route, type RouteName } from './router';
import { session } from './session';
import { errorBox } from './components/ui';
import { request, type MeReply } from './api';
import type { Page } from './pages/page';
import { loginPage } from './pages/login';
import { dashboardPage } from './pages/dashboard';
import { searchPage } from './pages/search';
import { familyPage, personPage } from './pages/family';
import { recordPage } from './pages/record';
import { reviewItemPage, reviewPage } from './pages/review';
import { compliancePage } from './pages/compliance';
import { provenancePage } from './pages/provenance';
import { auditPage } from './pages/audit';
import { traceIntakePage } from './pages/trace-intake';
import { tracingItemPage, tracingQueuePage } from './pages/tracing';
import { notFoundPage } from './pages/not-found';
import { usersPage } from './pages/users';

const PAGES: Record<RouteName, Page> = {
  login: loginPage,
  dashboard: dashboardPage,
  search: searchPage,
  family: familyPage,
  person: personPage,
  record: recordPage,
  review: reviewPage,
  'review-item': reviewItemPage,
  compliance: compliancePage,
  provenance: provenancePage,
  audit: auditPage,
  trace: traceIntakePage,
  tracing: tracingQueuePage,
  'tracing-item': tracingItemPage,
  users: usersPage,
  'not-found': notFoundPage,
};

/** Navigation: label, route, the role-matrix action that must be allowed. */
const NAV: Array<{ label: TKey; path: string; action: string; route: RouteName[] }> = [
  { label: 'nav.dashboard', path: '/', action: 'dashboard.read', route: ['dashboard'] },
  { label: 'nav.search', path: '/search', action: 'persons.search', route: ['search', 'family', 'person', 'record'] },
  { label: 'nav.review', path: '/review', action: 'review.list', route: ['review', 'review-item'] },
  { label: 'nav.compliance', path: '/reports/compliance', action: 'reports.compliance', route: ['compliance'] },
  { label: 'nav.provenance', path: '/provenance', action: 'provenance.read', route: ['provenance'] },
  { label: 'nav.tracing', path: '/tracing', action: 'tracing.list', route: ['tracing', 'tracing-item'] },
  { label: 'nav.audit', path: '/audit', action: 'audit.query', route: ['audit'] },
  { label: 'nav.users', path: '/users', action: 'users.list', route: ['users'] },
];

let renderSeq = 0;
let firstRender = true;

function header(route: Route): HTMLElement {
  const s = session.current();
  const langSelect = h(
    'select',
    {
      id: 'lang',
      'data-testid': 'language',
      onchange: (e: Event) => setLocale((e.target as HTMLSelectElement).value as 'en' | 'es'),
    },
    LOCALES.map((l) => h('option', { value: l, lang: l }, t(`lang.${l}`))),
  );
  langSelect.value = locale();
  const nav = s
    ? h(
        'nav',
        { 'aria-label': t('nav.label') },
        h(
          'ul',
          null,
          NAV.filter((n) => allows(s.user.role, n.action)).map((n) =>
            h('li', null, h('a', { href: href(n.path), 'aria-current': n.route.includes(route.name) ? 'page' : null }, t(n.label))),
          ),
        ),
      )
    : null;
  const account = s
    ? h(
        'div',
        { class: 'account' },
        h('span', { 'data-testid': 'whoami' }, s.user.display_name || s.user.username, ' · ', t(`role.${s.user.role}`)),
        h('button', { type: 'button', class: 'btn btn-link', onclick: signOut }, t('nav.sign_out')),
      )
    : h('div', { class: 'account' }, route.name === 'login' ? null : h('a', { href: href('/login') }, t('nav.sign_in')));
  return h(
    'header',
    { class: 'top' },
    h('div', { class: 'brand' }, h('a', { href: href(s ? '/' : '/login') }, 'reunite')),
    nav,
    h('div', { class: 'tools' }, h('label', { for: 'lang', class: 'visually-hidden' }, t('lang.label')), langSelect, account),
  );
}

async function signOut(): Promise<void> {
  try {
    await request('/auth/logout', { method: 'POST' });
  } catch {
    // the session may already be gone; sign out locally all the same
  }
  session.end();
  navigate('/login');
}

async function render(): Promise<void> {
  const seq = ++renderSeq;
  const route = parseHash(location.hash);
  const page = PAGES[route.name];
  const root = document.getElementById('app');
  if (!root) return;
  const s = session.current();
  if (!page.public && !s) {
    navigate('/login', { next: location.hash.replace(/^#/, '') || '/' });
    return;
  }
  const main = h('main', { id: 'main', tabindex: '-1', 'aria-labelledby': 'page-title' });
  mount(
    root,
    h('a', { class: 'skip-link', href: '#main', onclick: skipToMain }, t('nav.skip')),
    header(route),
    main,
    h('div', { id: 'announcer', class: 'visually-hidden', role: 'status', 'aria-live': 'polite' }),
  );
  document.title = `${page.title(route)} · reunite`;
  if (page.action && s && !allows(s.user.role, page.action)) {
    mount(
      main,
      h('h1', { id: 'page-title' }, page.title(route)),
      h('div', { class: 'alert alert-forbidden', role: 'alert', 'data-error-kind': 'forbidden' }, h('strong', null, t('error.forbidden_page'))),
    );
    return;
  }
  let content: Node;
  try {
    content = await page.render(route);
  } catch (e) {
    content = h('div', null, h('h1', { id: 'page-title' }, page.title(route)), errorBox(e));
  }
  if (seq !== renderSeq) return; // a newer navigation won
  mount(main, content);
  // After a navigation, move focus to the page so keyboard and screen-reader
  // users start at its heading. On the first load focus stays at the start of
  // the document, where the first Tab reaches the skip link.
  if (!firstRender && !main.contains(document.activeElement)) main.focus({ preventScroll: true });
  firstRender = false;
}

function skipToMain(e: Event): void {
  e.preventDefault();
  document.getElementById('main')?.focus();
}

initLocale();
window.addEventListener('hashchange', () => void render());
onLocaleChange(() => void render());
session.onChange((_s, reason) => {
  if (reason === 'expired') navigate('/login', { expired: 1 });
});

/** Whether the session cookie is (still) a session: a new tab, a reload, an expiry while away. */
async function resume(): Promise<void> {
  try {
    const me = await request<MeReply>('/auth/me');
    session.start(me.user, session.csrf(), 'login');
  } catch {
    // Not signed in (a 401 with a cached account already ended it in request()).
  }
}

void resume().then(render);
