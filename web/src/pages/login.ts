import { request, type LoginReply } from '../api';
import { h } from '../dom';
import { t } from '../i18n';
import { href, navigate } from '../router';
import { session } from '../session';
import { field, input, notice, submitting } from '../components/ui';
import type { Page } from './page';

export const loginPage: Page = {
  public: true,
  title: () => t('login.title'),
  render(route) {
    const username = input('username');
    username.autocomplete = 'username';
    const password = input('password', 'password');
    password.autocomplete = 'current-password';
    const errors = h('div', { class: 'form-errors', tabindex: '-1' });
    const form = h(
      'form',
      { class: 'card narrow', 'aria-labelledby': 'page-title', novalidate: true },
      field(t('login.username'), username, { required: true }),
      field(t('login.password'), password, { required: true }),
      errors,
      h('button', { type: 'submit', class: 'btn btn-primary' }, t('login.submit')),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (!username.value || !password.value) {
        errors.replaceChildren(notice(t('login.missing')));
        (username.value ? password : username).focus();
        return;
      }
      void submitting(form, errors, async () => {
        const reply = await request<LoginReply>('/auth/login', {
          method: 'POST',
          body: { username: username.value, password: password.value },
        });
        session.start(reply.user, reply.csrf_token);
        const next = route.query.get('next');
        // Only an in-app route (never another origin) is a valid place to return to.
        if (next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login')) location.hash = `#${next}`;
        else navigate('/');
      }, { 401: t('login.failed') });
    });
    return h(
      'div',
      { class: 'login' },
      h('h1', { id: 'page-title' }, t('login.title')),
      route.query.get('expired') ? notice(t('login.expired')) : null,
      h('p', { class: 'lede' }, t('login.lede')),
      form,
      h('p', { class: 'trace-link' }, t('login.looking_for_family'), ' ', h('a', { href: href('/trace') }, t('login.trace_link'))),
    );
  },
};
