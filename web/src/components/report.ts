// A report document as the server returns it in JSON (src/report: one shape
// for every format): {report, title, meta, tables: [{id, title, note,
// columns: [{id, label}], rows: [{column id: value}]}]}. Column and table
// titles are translated when the catalogue knows the id, else the server's
// English label is shown.

import { h, type Child } from '../dom';
import { formatDate, formatNumber, tOr } from '../i18n';

export interface ReportColumn {
  id: string;
  label: string;
}
export interface ReportTable {
  id: string;
  title: string;
  note?: string;
  columns: ReportColumn[];
  rows: Array<Record<string, unknown>>;
}
export interface ReportDocument {
  report: string;
  title: string;
  meta: Record<string, string>;
  tables: ReportTable[];
}

export function cellText(v: unknown): Child {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'number') return Number.isInteger(v) ? formatNumber(v) : new Intl.NumberFormat(document.documentElement.lang || 'en', { maximumFractionDigits: 1 }).format(v);
  if (Array.isArray(v)) return v.join(', ');
  const s = String(v);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) ? formatDate(s) : s;
}

export function reportTable(tbl: ReportTable, opts: { cell?: (col: string, v: unknown, row: Record<string, unknown>) => Child; limit?: number } = {}): HTMLElement {
  const rows = opts.limit ? tbl.rows.slice(0, opts.limit) : tbl.rows;
  return h(
    'section',
    { class: 'report-table', 'data-table': tbl.id, 'aria-labelledby': `rt-${tbl.id}` },
    h('h2', { id: `rt-${tbl.id}` }, tOr(`report.table.${tbl.id}`, tbl.title)),
    tbl.note ? h('p', { class: 'muted' }, tbl.note) : null,
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        null,
        h('thead', null, h('tr', null, tbl.columns.map((c) => h('th', { scope: 'col' }, tOr(`report.col.${c.id}`, c.label))))),
        h(
          'tbody',
          null,
          rows.map((r) =>
            h(
              'tr',
              null,
              tbl.columns.map((c) => {
                const v = r[c.id];
                return h('td', { class: typeof v === 'number' ? 'num' : null }, opts.cell ? opts.cell(c.id, v, r) : cellText(v));
              }),
            ),
          ),
        ),
      ),
    ),
    opts.limit && tbl.rows.length > opts.limit ? h('p', { class: 'muted' }, `${formatNumber(opts.limit)} / ${formatNumber(tbl.rows.length)}`) : null,
  );
}

export function metaList(meta: Record<string, string>): HTMLElement {
  return h(
    'dl',
    { class: 'facts' },
    Object.entries(meta).map(([k, v]) => [h('dt', null, tOr(`report.meta.${k}`, k)), h('dd', null, cellText(v))]),
  );
}
