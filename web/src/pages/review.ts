import { ApiError, request } from '../api';
import { h } from '../dom';
import { formatDateTime, formatPercent, t, tOr } from '../i18n';
import { allows } from '../permissions';
import { href, navigate, path } from '../router';
import { session } from '../session';
import { announce, field, fieldValue, pageTitle, submitting, table } from '../components/ui';
import { waterfall } from '../components/waterfall';
import type { ComparisonPart } from '../model/waterfall';
import { recordLink } from './family';
import type { Page } from './page';

export interface ReviewRecord {
  id?: number;
  ref: string;
  source?: string;
  record_key?: string;
  fields: Record<string, unknown> & { redacted?: string[] };
  redacted?: string[];
}

/** One pair the linkage left for a person to decide (schema ReviewItem). */
export interface ReviewItem {
  id: string; // "SOURCE:KEY,SOURCE:KEY" of the two records
  status: 'pending' | 'accepted' | 'rejected';
  left: ReviewRecord;
  right: ReviewRecord;
  match_probability: number;
  match_weight: number;
  prior_weight?: number;
  explanation: ComparisonPart[];
  decided_by?: string | null;
  decided_at?: string | null;
  redacted?: string[];
}

const PAGE = 100; // the route's largest page

async function queue(): Promise<ReviewItem[]> {
  return (await request<{ items: ReviewItem[]; next_cursor: string | null }>('/review-queue', { query: { limit: PAGE } })).items;
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
  async render() {
    const items = await queue();
    const pending = items.filter((x) => x.status === 'pending');
    return h(
      'div',
      null,
      pageTitle(t('review.title')),
      table<ReviewItem>(
        t('review.caption', { count: pending.length }),
        [
          { label: t('col.pair'), cell: (x) => h('a', { href: href(path('review', x.id)) }, `${x.left.ref} ↔ ${x.right.ref}`) },
          { label: t('col.match'), numeric: true, cell: (x) => formatPercent(x.match_probability) },
          { label: t('col.status'), cell: (x) => tOr(`review.status.${x.status}`, x.status) },
        ],
        pending,
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
    let item: ReviewItem;
    try {
      item = await request<ReviewItem>(path('review-queue', id));
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) throw new ApiError(404, 'not_found', t('review.gone', { id }), err.route);
      throw err;
    }
    const names = pairedFields(item.left, item.right);
    const L = withRedactions(item.left);
    const R = withRedactions(item.right);
    const canDecide = allows(session.role(), 'review.decide') && item.status === 'pending';
    const side = h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'side-by-side', 'data-testid': 'pair' },
        h('caption', null, t('review.side_by_side')),
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('col.field')), h('th', { scope: 'col' }, recordLink(item.left.ref)), h('th', { scope: 'col' }, recordLink(item.right.ref)))),
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
          await request(`${path('review-queue', id)}/decision`, { method: 'POST', body: note.value ? { decision, note: note.value } : { decision } });
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
      pageTitle(t('review.item_title', { id: String(item.id) }), h('p', null, h('a', { href: href('/review') }, t('review.back')))),
      h('p', null, t('review.status_line', { status: tOr(`review.status.${item.status}`, item.status) }), item.decided_by ? ` · ${item.decided_by} · ${formatDateTime(item.decided_at)}` : ''),
      h('div', { class: 'two-col' }, h('section', { class: 'card' }, side), h('section', { class: 'card' }, h('h2', null, t('waterfall.title')), waterfall({ comparisons: item.explanation, prior_weight: item.prior_weight, match_weight: item.match_weight }, 'waterfall'))),
      decide,
    );
  },
};
