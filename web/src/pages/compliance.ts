import { download, request } from '../api';
import { h } from '../dom';
import { t } from '../i18n';
import { href, navigate, path } from '../router';
import { announce, errorBox, field, input, pageTitle } from '../components/ui';
import { cellText, metaList, reportTable, type ReportDocument, type ReportTable } from '../components/report';
import type { Page } from './page';

/** The API's compliance shape (schema ComplianceReport): rows of objects and totals. */
export interface ComplianceRows {
  as_of: string;
  orders?: Array<Record<string, unknown>>;
  rows: Array<Record<string, unknown>>;
  totals: Record<string, unknown>;
}

/** A report table from plain row objects: the columns are every key, in first-seen order. */
export function rowsTable(rows: Array<Record<string, unknown>>): ReportTable {
  const cols: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!cols.includes(k)) cols.push(k);
  return { id: 'rows', title: t('compliance.rows'), columns: cols.map((id) => ({ id, label: id })), rows };
}

function flat(o: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) out[k] = typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
  return out;
}

/** Saves a Blob under `filename` through a temporary object URL. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename, class: 'visually-hidden' });
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const compliancePage: Page = {
  action: 'reports.compliance',
  title: () => t('compliance.title'),
  async render(route) {
    const asOf = route.query.get('as_of') ?? '';
    const query = { as_of: asOf || undefined };
    const doc = await request<ReportDocument | ComplianceRows>('/reports/compliance', { query: { ...query, format: 'json' } });
    const date = input('as_of', 'date', asOf);
    const form = h('form', { class: 'row', 'aria-label': t('compliance.as_of') }, field(t('compliance.as_of'), date), h('button', { type: 'submit', class: 'btn' }, t('compliance.update')));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      navigate('/reports/compliance', { as_of: date.value });
    });
    const status = h('div', { 'aria-live': 'polite' });
    const dl = (format: 'csv' | 'xlsx') =>
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-primary',
          'data-download': format,
          onclick: async () => {
            status.replaceChildren();
            try {
              const { blob, filename } = await download('/reports/compliance', { ...query, format });
              saveBlob(blob, filename === 'download' ? `compliance.${format}` : filename);
              announce(t('compliance.downloaded', { file: filename }));
            } catch (err) {
              status.replaceChildren(errorBox(err));
            }
          },
        },
        t(`compliance.download_${format}`),
      );
    const isChildCol = (c: string): boolean => c === 'child' || c === 'parent';
    const cell = (c: string, v: unknown) => (isChildCol(c) && typeof v === 'string' && v ? h('a', { href: href(path('persons', v)) }, v) : cellText(v));
    const body =
      'tables' in doc
        ? [metaList(doc.meta), doc.tables.map((tbl) => reportTable(tbl, { limit: tbl.id === 'children' ? 200 : undefined, cell }))]
        : [metaList({ as_of: doc.as_of, ...flat(doc.totals) }), reportTable(rowsTable(doc.rows), { limit: 300, cell })];
    return h(
      'div',
      { class: 'report' },
      pageTitle('tables' in doc && doc.title ? doc.title : t('compliance.title')),
      h('div', { class: 'toolbar' }, form, h('div', { class: 'row' }, dl('csv'), dl('xlsx'))),
      status,
      body,
    );
  },
};

