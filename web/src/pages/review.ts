import { request } from '../api';
import { h } from '../dom';
import { formatDateTime, formatPercent, t, tOr } from '../i18n';
import { allows } from '../permissions';
import { href, navigate, path } from '../router';
import { session } from '../session';
import { announce, field, fieldValue, pageTitle, submitting, table } from '../components/ui';
import { waterfall } from '../components/waterfall';
import type { Explanation } from '../model/waterfall';
import type { Page } from './page';

export interface ReviewRecord {
  ref: string;
  source?: string;
  fields: Record<string, unknown> & { redacted?: string[] };
  redacted?: string[];
}

export interface ReviewItem {
  review_id: string | number;
  status: string; // open | accepted | rejected
  kind?: string; // same_person | parent_child
  left: ReviewRecord;
  right: ReviewRecord;
  match_probability?: number;
  match_weight?: number;
  explanation: Explanation;
  decided_by?: string | null;
  decided_at?: string | null;
  note?: string | null;
}

/** Field names of both records in one list, left's order first (the rows of the side-by-side table). */
export function pairedFields(a: ReviewRecord, b: ReviewRecord): string[] {
  const out: string[] = [];
  for (const r of [a, b]) {
    for (const k of [...Object.keys(r.fields), ...(r.redacted ?? []), ...(r.fields.redacted ?? [])]) {
      if (k !== 'redacted' && k !== 'raw' && !out.includes(k)) out.push(k);
    }
  }
  return out;
}

function withRedactions(r: ReviewRecord): Record<string, unknown> & { redacted?: string[] } {
  return { ...r.fields, redacted: [...(r.redacted ?? []), ...(r.fields.redacted ?? [])] };
}

export const reviewPage: Page = {
  action: 'review.list',
  title: () => t('review.title'),
  async render(route) {
    const status = route.query.get('status') ?? 'open';
    const reply = await request<{ items: ReviewItem[] }>('/review', { query: { status, limit: 100 } });
    const filter = h(
      'nav',
      { class: 'tabs', 'aria-label': t('review.filter') },
      ['open', 'accepted', 'rejected'].map((st) =>
        h('a', { href: href('/review', { status: st }), 'aria-current': st === status ? 'page' : null }, tOr(`review.status.${st}`, st)),
      ),
    );
    return h(
      'div',
      null,
      pageTitle(t('review.title')),
      filter,
      table<ReviewItem>(
        t('review.caption', { count: reply.items.length }),
        [
          { label: t('col.pair'), cell: (x) => h('a', { href: href(path('review', x.review_id)) }, `${x.left.ref} ↔ ${x.right.ref}`) },
          { label: t('col.kind'), cell: (x) => tOr(`review.kind.${x.kind ?? 'same_person'}`, x.kind ?? '') },
          { label: t('col.match'), numeric: true, cell: (x) => (x.match_probability != null ? formatPercent(x.match_probability) : '—') },
          { label: t('col.status'), cell: (x) => tOr(`review.status.${x.status}`, x.status) },
        ],
        reply.items,
        t('review.empty'),
      ),
    );
  },
};

export const reviewItemPage: Page = {
  action: 'review.list',
  title: (r) => t('review.item_title', { id: r.params.id ?? '' }),
  async render(route) {
    const id = route.params.id ?? '';
    const item = await request<ReviewItem>(path('review', id));
    const names = pairedFields(item.left, item.right);
    const L = withRedactions(item.left);
    const R = withRedactions(item.right);
    const canDecide = allows(session.role(), 'review.decide') && item.status === 'open';
    const side = h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'side-by-side', 'data-testid': 'pair' },
        h('caption', null, t('review.side_by_side')),
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('col.field')), h('th', { scope: 'col' }, item.left.ref), h('th', { scope: 'col' }, item.right.ref))),
        h(
          'tbody',
          null,
          names.map((n) => {
            const a = String(L[n] ?? '');
            const b = String(R[n] ?? '');
            const differ = a !== '' && b !== '' && a.toLowerCase() !== b.toLowerCase();
            return h('tr', { class: differ ? 'differ' : null }, h('th', { scope: 'row' }, tOr(`field.${n}`, n)), h('td', null, fieldValue(L, n)), h('td', null, fieldValue(R, n)));
          }),
        ),
      ),
    );
    let decide: HTMLElement | null = null;
    if (canDecide) {
      const note = h('textarea', { name: 'note', rows: 2 });
      const errors = h('div', { class: 'form-errors', tabindex: '-1' });
      const form = h('form', { class: 'decide', 'aria-labelledby': 'decide-h' }, field(t('review.note'), note), errors);
      const act = (decision: 'accept' | 'reject') => () =>
        void submitting(form, errors, async () => {
          await request(`${path('review', id)}/decision`, { method: 'POST', body: { decision, note: note.value } });
          announce(t(`review.done_${decision}`));
          navigate('/review');
        });
      form.append(
        h('div', { class: 'row' },
          h('button', { type: 'button', class: 'btn btn-primary', onclick: act('accept') }, t('review.accept')),
          h('button', { type: 'button', class: 'btn btn-danger', onclick: act('reject') }, t('review.reject')),
        ),
      );
      form.addEventListener('submit', (e) => e.preventDefault());
      decide = h('section', { class: 'card' }, h('h2', { id: 'decide-h' }, t('review.decide')), form);
    }
    return h(
      'div',
      { class: 'review-item' },
      pageTitle(t('review.item_title', { id: String(item.review_id) }), h('p', null, h('a', { href: href('/review') }, t('review.back')))),
      h('p', null, t('review.status_line', { status: tOr(`review.status.${item.status}`, item.status) }), item.decided_by ? ` · ${item.decided_by} · ${formatDateTime(item.decided_at)}` : ''),
      h('div', { class: 'two-col' }, h('section', { class: 'card' }, side), h('section', { class: 'card' }, h('h2', null, t('waterfall.title')), waterfall(item.explanation, 'waterfall'))),
      decide,
    );
  },
};
