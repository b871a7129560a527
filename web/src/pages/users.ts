import { request, type Role, type User } from '../api';
import { h } from '../dom';
import { t } from '../i18n';
import { path } from '../router';
import { announce, errorBox, field, input, pageTitle, select, submitting, table } from '../components/ui';
import type { Page } from './page';

const ROLES: Role[] = ['admin', 'caseworker', 'reviewer', 'monitor', 'counsel', 'auditor'];

function resetControl(u: User, guarded: (w: () => Promise<void>) => () => Promise<void>, reload: (m: string) => Promise<void>): HTMLElement {
  const pw = input('new_password', 'password');
  pw.autocomplete = 'new-password';
  const save = h('button', { type: 'button', class: 'btn' }, t('users.save'));
  save.addEventListener(
    'click',
    guarded(async () => {
      if (!pw.value) return;
      await request(`${path('users', u.username)}/password`, { method: 'POST', body: { password: pw.value } });
      await reload(t('users.password_set', { name: u.username }));
    }),
  );
  return h('details', { class: 'inline-form' }, h('summary', null, t('users.reset')), h('div', { class: 'row' }, field(t('users.new_password', { name: u.username }), pw), save));
}

// Accounts (administrators): create, change role, disable or enable, set a
// new password. The server hashes passwords (Argon2id) and ends the account's
// sessions when it is disabled or its password is reset.
export const usersPage: Page = {
  action: 'users.list',
  title: () => t('users.title'),
  async render() {
    const reply = await request<{ users: User[] }>('/users');
    const container = h('div', { class: 'users' });
    const out = h('div', { 'aria-live': 'polite' });
    const reload = async (message: string): Promise<void> => {
      announce(message);
      const n = await usersPage.render({ name: 'users', params: {}, query: new URLSearchParams() });
      container.replaceWith(n);
    };
    const guarded = (work: () => Promise<void>) => async () => {
      out.replaceChildren();
      try {
        await work();
      } catch (e) {
        out.replaceChildren(errorBox(e));
      }
    };

    const username = input('username');
    const name = input('display_name');
    const role = select('role', ROLES.map((r) => [r, t(`role.${r}`)]), 'caseworker');
    const password = input('password', 'password');
    password.autocomplete = 'new-password';
    const errors = h('div', { class: 'form-errors' });
    const form = h(
      'form',
      { class: 'card filters', 'aria-labelledby': 'add-h', novalidate: true },
      h('h2', { id: 'add-h' }, t('users.add')),
      field(t('login.username'), username, { required: true }),
      field(t('users.name'), name),
      field(t('col.role'), role, { required: true }),
      field(t('login.password'), password, { required: true, hint: t('users.password_hint') }),
      errors,
      h('button', { type: 'submit', class: 'btn btn-primary' }, t('users.create')),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void submitting(form, errors, async () => {
        await request('/users', { method: 'POST', body: { username: username.value.trim(), display_name: name.value.trim(), role: role.value, password: password.value } });
        await reload(t('users.created', { name: username.value.trim() }));
      });
    });

    container.append(
      pageTitle(t('users.title')),
      out,
      table<User>(
        t('users.caption', { count: reply.users.length }),
        [
          { label: t('login.username'), cell: (u) => u.username },
          { label: t('users.name'), cell: (u) => u.display_name },
          {
            label: t('col.role'),
            cell: (u) => {
              const sel = select('role', ROLES.map((r) => [r, t(`role.${r}`)]), u.role);
              sel.setAttribute('aria-label', t('users.role_of', { name: u.username }));
              sel.addEventListener(
                'change',
                guarded(async () => {
                  await request(path('users', u.username), { method: 'PATCH', body: { role: sel.value } });
                  await reload(t('users.updated', { name: u.username }));
                }),
              );
              return sel;
            },
          },
          { label: t('col.status'), cell: (u) => (u.disabled ? t('users.disabled') : t('users.active')) },
          {
            label: t('col.action'),
            cell: (u) => [
              h(
                'button',
                {
                  type: 'button',
                  class: 'btn',
                  onclick: guarded(async () => {
                    await request(path('users', u.username), { method: 'PATCH', body: { disabled: !u.disabled } });
                    await reload(t('users.updated', { name: u.username }));
                  }),
                },
                u.disabled ? t('users.enable') : t('users.disable'),
              ),
              ' ',
              resetControl(u, guarded, reload),
            ],
          },
        ],
        reply.users,
      ),
      form,
    );
    return container;
  },
};
