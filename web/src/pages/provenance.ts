import { request } from '../api';
import { h } from '../dom';
import { formatDate, formatNumber, t, tOr } from '../i18n';
import { href, path } from '../router';
import { facts, pageTitle, table } from '../components/ui';
import type { Page } from './page';

export interface DirectiveSummary {
  id: string;
  title: string;
  decisions: number;
  children_affected: number;
}

export interface Decision {
  event_seq: number;
  type: string;
  decided_by: string;
  occurred_at: string;
  children: string[];
}

export interface Directive {
  id: string;
  title: string;
  issued_at?: string;
  issued_by?: string;
  decisions: Decision[];
}

// The Inspector General's question, directive → the decisions made under it
// (who, when) → the children each affected, and from a child to their family
// page with the whole custody timeline (GET /directives, /directives/{id}).
export const provenancePage: Page = {
  action: 'provenance.read',
  title: () => t('provenance.title'),
  async render(route) {
    const id = route.query.get('directive');
    const crumbs = (current: string | null) =>
      h(
        'nav',
        { 'aria-label': t('provenance.path'), class: 'crumbs' },
        h('ol', null, h('li', null, h('a', { href: href('/provenance'), 'aria-current': current ? null : 'page' }, t('provenance.directives'))), current ? h('li', null, h('span', { 'aria-current': 'page' }, current)) : null),
      );
    if (!id) {
      const list = await request<{ directives: DirectiveSummary[] }>('/directives');
      return h(
        'div',
        { class: 'provenance' },
        pageTitle(t('provenance.title')),
        crumbs(null),
        h(
          'section',
          { 'data-table': 'directives' },
          table<DirectiveSummary>(
            t('provenance.directives'),
            [
              { label: t('col.directive'), cell: (d) => h('a', { href: href('/provenance', { directive: d.id }) }, d.id) },
              { label: t('col.title'), cell: (d) => d.title },
              { label: t('col.decisions'), numeric: true, cell: (d) => formatNumber(d.decisions) },
              { label: t('col.children_affected'), numeric: true, cell: (d) => formatNumber(d.children_affected) },
            ],
            list.directives,
          ),
        ),
      );
    }
    const d = await request<Directive>(path('directives', id));
    const children = [...new Set(d.decisions.flatMap((x) => x.children))];
    return h(
      'div',
      { class: 'provenance' },
      pageTitle(`${d.id}: ${d.title}`),
      crumbs(d.id),
      facts([
        [t('provenance.issued_by'), d.issued_by ?? '—'],
        [t('provenance.issued_at'), formatDate(d.issued_at)],
        [t('col.decisions'), formatNumber(d.decisions.length)],
        [t('col.children_affected'), formatNumber(children.length)],
      ]),
      h(
        'section',
        { 'data-table': 'decisions' },
        table<Decision>(
          t('provenance.decisions'),
          [
            { label: t('col.when'), cell: (x) => formatDate(x.occurred_at) },
            { label: t('col.kind'), cell: (x) => tOr(`event.${x.type}`, x.type) },
            { label: t('provenance.decided_by'), cell: (x) => x.decided_by },
            { label: t('provenance.children'), cell: (x) => (x.children.length ? x.children.map((c, i) => [i ? ', ' : '', h('a', { href: href(path('persons', c)), 'data-child': c }, c)]) : h('span', { class: 'overdue' }, t('provenance.no_children'))) },
          ],
          d.decisions,
        ),
      ),
    );
  },
};
