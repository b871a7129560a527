import { request } from '../api';
import { h } from '../dom';
import { formatDateTime, formatPercent, t, tOr } from '../i18n';
import { allows } from '../permissions';
import { href, path } from '../router';
import { session } from '../session';
import { announce, errorBox, facts, field, fieldValue, pageTitle, select, submitting, table } from '../components/ui';
import { waterfall } from '../components/waterfall';
import type { ComparisonPart } from '../model/waterfall';
import type { Page } from './page';

export interface TracingSummary {
  id: number;
  reference: string;
  received_at: string;
  language: string;
  status: string;
  assigned_to: string | null;
  candidate_count: number;
  best_probability: number | null;
  matched_at: string | null;
  resolution: string | null;
  updated_at: string;
  sought: Record<string, string>;
}

export interface TracingCandidate {
  record_id: number;
  ref: string;
  match_probability: number;
  match_weight: number;
  explanation: ComparisonPart[];
  record?: { source: string; record_key: string; fields: Record<string, unknown> & { redacted?: string[] } };
}

export interface TracingDetail extends TracingSummary {
  requester: Record<string, string> & { redacted?: string[] };
  notes: string;
  resolution_note: string | null;
  candidates: TracingCandidate[];
}

const STATUSES = ['', 'received', 'matched', 'assigned', 'closed'];

function soughtName(s: Record<string, string>): string {
  return [s.given_name, s.family_name].filter(Boolean).join(' ') || '—';
}

export const tracingQueuePage: Page = {
  action: 'tracing.list',
  title: () => t('tracing.title'),
  async render(route) {
    const status = route.query.get('status') ?? '';
    const reply = await request<{ requests: TracingSummary[] }>('/tracing-requests', { query: { status: status || undefined, limit: 100 } });
    return h(
      'div',
      null,
      pageTitle(t('tracing.title')),
      h(
        'nav',
        { class: 'tabs', 'aria-label': t('tracing.filter') },
        STATUSES.map((s) => h('a', { href: href('/tracing', { status: s || undefined }), 'aria-current': s === status ? 'page' : null }, s ? tOr(`tracing.status.${s}`, s) : t('tracing.all'))),
      ),
      table<TracingSummary>(
        t('tracing.caption', { count: reply.requests.length }),
        [
          { label: t('col.reference'), cell: (r) => h('a', { href: href(path('tracing', r.id)) }, r.reference) },
          { label: t('col.received'), cell: (r) => formatDateTime(r.received_at) },
          { label: t('col.sought'), cell: (r) => soughtName(r.sought) },
          { label: t('col.language'), cell: (r) => r.language },
          { label: t('col.status'), cell: (r) => tOr(`tracing.status.${r.status}`, r.status) },
          { label: t('col.assigned'), cell: (r) => r.assigned_to ?? '—' },
          { label: t('col.candidates'), numeric: true, cell: (r) => String(r.candidate_count) },
          { label: t('col.best'), numeric: true, cell: (r) => (r.best_probability != null ? formatPercent(r.best_probability) : '—') },
        ],
        reply.requests,
        t('tracing.empty'),
      ),
    );
  },
};

export const tracingItemPage: Page = {
  action: 'tracing.read',
  title: (r) => t('tracing.item_title', { id: r.params.id ?? '' }),
  async render(route) {
    const id = route.params.id ?? '';
    const d = await request<TracingDetail>(path('tracing-requests', id));
    const container = h('div', { class: 'tracing-item', 'data-status': d.status });
    const rerender = async (): Promise<void> => {
      const n = await tracingItemPage.render(route);
      container.replaceWith(n);
      (n as HTMLElement).querySelector<HTMLElement>('h1')?.focus();
    };
    const base = path('tracing-requests', id);
    const role = session.role();
    const out = h('div', { 'aria-live': 'polite' });
    const act = (label: string, action: string, sub: string, body?: unknown) =>
      allows(role, action) && d.status !== 'closed'
        ? h('button', {
            type: 'button',
            class: 'btn',
            onclick: async () => {
              try {
                await request(`${base}/${sub}`, { method: 'POST', body });
                announce(label);
                await rerender();
              } catch (e) {
                out.replaceChildren(errorBox(e));
              }
            },
          }, label)
        : null;
    let closeForm: HTMLElement | null = null;
    if (allows(role, 'tracing.close') && d.status !== 'closed') {
      const resolution = select('resolution', ['found', 'not_found', 'duplicate', 'referred'].map((r) => [r, tOr(`tracing.resolution.${r}`, r)]));
      const note = h('textarea', { name: 'note', rows: 2 });
      const errors = h('div', { class: 'form-errors' });
      const form = h('form', { class: 'card', 'aria-labelledby': 'close-h' }, h('h2', { id: 'close-h' }, t('tracing.close')), field(t('tracing.resolution'), resolution), field(t('tracing.note'), note), errors, h('button', { type: 'submit', class: 'btn btn-primary' }, t('tracing.close')));
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        void submitting(form, errors, async () => {
          await request(`${base}/close`, { method: 'POST', body: { resolution: resolution.value, note: note.value } });
          announce(t('tracing.closed'));
          await rerender();
        });
      });
      closeForm = form;
    }
    container.append(
      pageTitle(t('tracing.item_title', { id: d.reference }), h('p', null, h('a', { href: href('/tracing') }, t('tracing.back')))),
      h(
        'div',
        { class: 'two-col' },
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'req-h' },
          h('h2', { id: 'req-h' }, t('tracing.request')),
          facts([
            [t('col.status'), h('span', { 'data-testid': 'tracing-status' }, tOr(`tracing.status.${d.status}`, d.status))],
            [t('col.received'), formatDateTime(d.received_at)],
            [t('col.language'), d.language],
            [t('col.assigned'), d.assigned_to ?? '—'],
            [t('tracing.requester'), [fieldValue(d.requester, 'name'), d.requester.relationship ? ` (${tOr(`relationship.${d.requester.relationship}`, d.requester.relationship)})` : '']],
            [t('trace.requester.phone'), fieldValue(d.requester, 'phone')],
            [t('trace.requester.email'), fieldValue(d.requester, 'email')],
            ...Object.keys(d.sought).map((k) => [tOr(`trace.sought.${k}`, k), fieldValue(d.sought, k)] as [string, ReturnType<typeof fieldValue>]),
            [t('trace.notes'), d.notes || '—'],
            ...(d.resolution ? ([[t('tracing.resolution'), [tOr(`tracing.resolution.${d.resolution}`, d.resolution), d.resolution_note ? ` — ${d.resolution_note}` : '']]] as Array<[string, ReturnType<typeof fieldValue>]>) : []),
          ]),
          h('div', { class: 'row' }, act(t('tracing.assign_me'), 'tracing.assign', 'assign', {}), act(t('tracing.rematch'), 'tracing.rematch', 'rematch')),
          out,
        ),
        closeForm,
      ),
      h(
        'section',
        { 'aria-labelledby': 'cand-h' },
        h('h2', { id: 'cand-h' }, t('tracing.candidates', { count: d.candidates.length })),
        d.candidates.length === 0
          ? h('p', { class: 'muted' }, t('tracing.no_candidates'))
          : d.candidates.map((c, i) =>
              h(
                'details',
                { class: 'card candidate', open: i === 0 ? true : null, 'data-ref': c.ref },
                h('summary', null, h('a', { href: href(path('records', c.record_id)) }, c.ref), ' · ', formatPercent(c.match_probability)),
                c.record
                  ? facts(Object.keys(c.record.fields).filter((k) => k !== 'redacted').concat(c.record.fields.redacted ?? []).map((k) => [tOr(`field.${k}`, k), fieldValue(c.record!.fields, k)]))
                  : null,
                waterfall({ comparisons: c.explanation, match_weight: c.match_weight }, `wf-${i}`),
              ),
            ),
      ),
    );
    return container;
  },
};
