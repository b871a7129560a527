import { request } from '../api';
import { h } from '../dom';
import { formatDate, formatPercent, t, tOr } from '../i18n';
import { href, navigate, path } from '../router';
import { errorBox, fieldValue, loading, pageTitle, statusBadge, table } from '../components/ui';
import type { Page } from './page';

export interface PersonHit {
  person_id: string;
  given_name?: string;
  family_name?: string;
  dob?: string;
  role?: string;
  a_number?: string;
  nationality?: string;
  status?: string | null;
  family_unit_id?: string | null;
  score?: number | null;
  matched_on?: string | null;
  redacted?: string[];
  [k: string]: unknown;
}

export function personName(p: { given_name?: string | null; family_name?: string | null; person_id?: string }): string {
  const n = [p.given_name, p.family_name].filter(Boolean).join(' ');
  return n || p.person_id || '—';
}

export const searchPage: Page = {
  action: 'persons.search',
  title: () => t('search.title'),
  async render(route) {
    const q = route.query.get('q') ?? '';
    const box = h('input', { type: 'search', name: 'q', id: 'search-q', autocomplete: 'off', 'aria-describedby': 'search-hint' });
    box.value = q;
    const form = h(
      'form',
      { role: 'search', class: 'search-form', 'aria-label': t('search.title') },
      h('label', { for: 'search-q' }, t('search.label')),
      h('div', { class: 'row' }, box, h('button', { type: 'submit', class: 'btn btn-primary' }, t('search.submit'))),
      h('p', { id: 'search-hint', class: 'hint' }, t('search.hint')),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      navigate('/search', { q: box.value.trim() });
    });
    const results = h('section', { 'aria-live': 'polite', 'aria-labelledby': 'results-h', class: 'results' });
    if (q) {
      results.append(loading());
      void (async () => {
        try {
          const reply = await request<{ persons: PersonHit[] }>('/persons', { query: { q, limit: 50 } });
          results.replaceChildren(
            h('h2', { id: 'results-h' }, t('search.results', { count: reply.persons.length })),
            table<PersonHit>(
              t('search.results_caption', { q }),
              [
                {
                  label: t('col.name'),
                  cell: (p) => h('a', { href: p.family_unit_id ? href(path('families', p.family_unit_id), { person: p.person_id }) : href(path('persons', p.person_id)) }, personName(p)),
                },
                { label: t('col.role'), cell: (p) => tOr(`person_role.${p.role ?? 'unknown'}`, p.role ?? '—') },
                { label: t('col.dob'), cell: (p) => formatDate(p.dob) },
                { label: t('col.a_number'), cell: (p) => fieldValue(p, 'a_number') },
                { label: t('col.status'), cell: (p) => (p.status ? statusBadge(p.status) : '—') },
                { label: t('col.match'), numeric: true, cell: (p) => (typeof p.score === 'number' ? formatPercent(p.score) : '—') },
              ],
              reply.persons,
              t('search.none'),
            ),
          );
        } catch (err) {
          results.replaceChildren(errorBox(err));
        }
      })();
    }
    // Focus the box so the next search is a keystroke away.
    window.setTimeout(() => box.focus(), 0);
    return h('div', null, pageTitle(t('search.title')), form, results);
  },
};
