import { request } from '../api';
import { h } from '../dom';
import { t } from '../i18n';
import { href, path } from '../router';
import { facts, pageTitle } from '../components/ui';
import { cellText, metaList, reportTable, type ReportDocument, type ReportTable } from '../components/report';
import type { Page } from './page';

/** The rows of `tbl` whose `column` equals `value` (the drill-down from a directive). */
export function rowsWhere(tbl: ReportTable | undefined, column: string, value: string): ReportTable | undefined {
  if (!tbl) return undefined;
  return { ...tbl, rows: tbl.rows.filter((r) => String(r[column] ?? '') === value) };
}

// The Inspector General's question as three steps: directive → the decisions
// made under it (by whom, where) → the children they affected, and for one
// child the whole chain from apprehension to today's status.
export const provenancePage: Page = {
  action: 'provenance.read',
  title: () => t('provenance.title'),
  async render(route) {
    const directive = route.query.get('directive');
    const child = route.query.get('child');
    const doc = await request<ReportDocument>('/reports/provenance', { query: { format: 'json', child: child ?? undefined } });
    const find = (id: string): ReportTable | undefined => doc.tables.find((x) => x.id === id);
    const linkDirective = (col: string, v: unknown): ReturnType<typeof cellText> =>
      col === 'directive' && typeof v === 'string' ? h('a', { href: href('/provenance', { directive: v || '-' }) }, v || t('provenance.none_cited')) : cellText(v);
    const linkChild = (col: string, v: unknown): ReturnType<typeof cellText> =>
      col === 'child' && typeof v === 'string' ? h('a', { href: href('/provenance', { directive: directive ?? undefined, child: v }) }, v) : linkDirective(col, v);
    const parts: Node[] = [pageTitle(t('provenance.title')), metaList(doc.meta)];
    const crumbs = h(
      'nav',
      { 'aria-label': t('provenance.path'), class: 'crumbs' },
      h('ol', null,
        h('li', null, h('a', { href: href('/provenance') }, t('provenance.directives'))),
        directive ? h('li', null, h('a', { href: href('/provenance', { directive }), 'aria-current': child ? null : 'page' }, directive === '-' ? t('provenance.none_cited') : directive)) : null,
        child ? h('li', null, h('span', { 'aria-current': 'page' }, child)) : null,
      ),
    );
    parts.push(crumbs);
    const dirs = find('directives');
    if (dirs) parts.push(reportTable(directive ? rowsWhere(dirs, 'directive', directive === '-' ? '' : directive)! : dirs, { cell: linkDirective }));
    if (directive) {
      const key = directive === '-' ? '' : directive;
      for (const id of ['deciders', 'decisions', 'children']) {
        const tb = rowsWhere(find(id), 'directive', key);
        if (tb) parts.push(reportTable(tb, { cell: linkChild, limit: 300 }));
      }
    } else {
      const missing = find('missing');
      if (missing) parts.push(reportTable(missing, { cell: linkChild, limit: 100 }));
      const still = find('still_separated');
      if (still) parts.push(reportTable(still, { cell: linkDirective }));
    }
    const chain = find('chain');
    if (child && chain) {
      parts.push(facts([[t('provenance.child'), h('a', { href: href(path('persons', child)) }, child)]]));
      parts.push(reportTable(chain, { cell: linkDirective }));
    }
    return h('div', { class: 'report provenance' }, parts);
  },
};
