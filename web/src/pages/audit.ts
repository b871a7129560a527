import { request } from '../api';
import { h } from '../dom';
import { formatDateTime, formatNumber, t } from '../i18n';
import { allows } from '../permissions';
import { href, navigate } from '../router';
import { session } from '../session';
import { errorBox, field, input, notice, pageTitle, select, table } from '../components/ui';
import type { Page } from './page';

export interface AuditEntry {
  seq: number;
  recorded_at: string;
  actor: string;
  role?: string;
  action: string;
  route?: string;
  target?: string;
  subjects?: string[];
  client_address?: string;
  outcome: string;
  detail?: string;
  hash?: string;
}

const FILTERS = ['actor', 'action', 'subject', 'outcome', 'from', 'to'] as const;

export const auditPage: Page = {
  action: 'audit.query',
  title: () => t('audit.title'),
  async render(route) {
    const q: Record<string, string> = {};
    for (const f of FILTERS) {
      const v = route.query.get(f);
      if (v) q[f] = v;
    }
    const before = route.query.get('before_seq') ?? undefined;
    const reply = await request<{ entries: AuditEntry[]; next_before_seq: number | null }>('/audit', { query: { ...q, before_seq: before, limit: 100 } });
    const controls = FILTERS.map((f) => {
      const el =
        f === 'outcome'
          ? select(f, [['', t('audit.any')], ['ok', 'ok'], ['permission_denied', 'permission_denied'], ['unauthenticated', 'unauthenticated'], ['not_found', 'not_found'], ['invalid_argument', 'invalid_argument']], q[f] ?? '')
          : input(f, f === 'from' || f === 'to' ? 'date' : 'text', q[f] ?? '');
      return field(t(`audit.filter.${f}`), el);
    });
    const form = h('form', { class: 'filters', 'aria-label': t('audit.filters') }, controls, h('button', { type: 'submit', class: 'btn btn-primary' }, t('audit.apply')));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const next: Record<string, string> = {};
      new FormData(form).forEach((v, k) => {
        if (String(v)) next[k] = String(v);
      });
      navigate('/audit', next);
    });
    let verify: HTMLElement | null = null;
    if (allows(session.role(), 'logs.verify')) {
      const out = h('div', { 'aria-live': 'polite' });
      verify = h(
        'div',
        { class: 'row' },
        h(
          'button',
          {
            type: 'button',
            class: 'btn',
            onclick: async () => {
              out.replaceChildren(t('common.loading'));
              try {
                const r = await request<{ ok: boolean; events?: { entries?: number }; audit?: { entries?: number } }>('/verify');
                out.replaceChildren(notice(r.ok ? t('audit.verify_ok') : t('audit.verify_broken'), r.ok ? 'ok' : 'info'));
              } catch (err) {
                out.replaceChildren(errorBox(err));
              }
            },
          },
          t('audit.verify'),
        ),
        out,
      );
    }
    return h(
      'div',
      null,
      pageTitle(t('audit.title')),
      h('p', { class: 'lede' }, t('audit.lede')),
      form,
      verify,
      table<AuditEntry>(
        t('audit.caption', { count: reply.entries.length }),
        [
          { label: t('col.seq'), numeric: true, cell: (e) => formatNumber(e.seq) },
          { label: t('col.when'), cell: (e) => h('time', { datetime: e.recorded_at }, formatDateTime(e.recorded_at)) },
          { label: t('col.who'), cell: (e) => [e.actor, e.role ? h('span', { class: 'muted' }, ` (${e.role})`) : null] },
          { label: t('col.action'), cell: (e) => h('code', null, e.action) },
          { label: t('col.target'), cell: (e) => h('code', { class: 'wrap' }, e.target ?? e.route ?? '') },
          { label: t('col.subjects'), cell: (e) => (e.subjects ?? []).join(', ') },
          { label: t('col.from'), cell: (e) => e.client_address ?? '' },
          { label: t('col.outcome'), cell: (e) => h('span', { class: e.outcome === 'ok' ? 'ok' : 'refused' }, e.outcome) },
        ],
        reply.entries,
        t('audit.empty'),
      ),
      reply.next_before_seq ? h('p', null, h('a', { href: href('/audit', { ...q, before_seq: reply.next_before_seq }) }, t('audit.older'))) : null,
    );
  },
};
