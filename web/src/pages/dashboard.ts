import { request } from '../api';
import { h } from '../dom';
import { formatDate, formatNumber, t, tOr } from '../i18n';
import { href, path } from '../router';
import { pageTitle, statusBadge, table } from '../components/ui';
import { lineChart } from '../components/chart';
import { dashboardOf, monthSeries, orderOverdue, statusCounts, type ServedDashboard } from '../model/dashboard';
import type { ChildStatus } from '../model/family';
import type { Page } from './page';

export const dashboardPage: Page = {
  action: 'dashboard.read',
  title: () => t('dashboard.title'),
  async render() {
    const d = dashboardOf(await request<ServedDashboard>('/dashboard'));
    const counts = statusCounts(d);
    const total = counts.reduce((n, c) => n + c.count, 0);
    const overdue = orderOverdue(d.overdue, d.as_of);
    const months = monthSeries(d.separations_by_month, d.reunifications_by_month);
    return h(
      'div',
      { class: 'dashboard' },
      pageTitle(t('dashboard.title'), h('p', { class: 'muted' }, t('dashboard.as_of', { date: formatDate(d.as_of) }))),
      h(
        'section',
        { 'aria-labelledby': 'counts-h', class: 'card' },
        h('h2', { id: 'counts-h' }, t('dashboard.counts', { count: total })),
        h(
          'ul',
          { class: 'tiles', 'data-testid': 'status-counts' },
          counts.map((c) => h('li', { class: 'tile', 'data-status': c.status }, h('span', { class: 'tile-n' }, formatNumber(c.count)), statusBadge(c.status))),
        ),
      ),
      h(
        'section',
        { 'aria-labelledby': 'deadlines-h', class: 'card', 'data-testid': 'overdue' },
        h('h2', { id: 'deadlines-h' }, t('dashboard.deadlines')),
        table<ChildStatus & { name?: string; family_unit?: string; days_overdue: number }>(
          t('dashboard.deadlines_caption'),
          [
            {
              label: t('col.child'),
              cell: (x) => h('a', { href: x.family_unit ? href(path('families', x.family_unit), { person: x.person_id }) : href(path('persons', x.person_id)), 'data-child': x.person_id }, x.name || x.person_id),
            },
            { label: t('col.status'), cell: (x) => statusBadge(x.status) },
            { label: t('col.clock'), cell: (x) => (x.next_deadline ? tOr(`clock.${x.next_deadline.clock}`, x.next_deadline.clock) : '—') },
            { label: t('col.due'), cell: (x) => formatDate(x.next_deadline?.due) },
            { label: t('col.days'), numeric: true, cell: (x) => h('span', { class: 'overdue' }, t('deadline.overdue', { count: x.days_overdue })) },
          ],
          overdue,
          t('dashboard.no_deadlines'),
        ),
      ),
      h(
        'section',
        { 'aria-labelledby': 'chart-h', class: 'card' },
        h('h2', { id: 'chart-h' }, t('dashboard.chart')),
        months.length
          ? lineChart(
              t('dashboard.chart'),
              months.map((m) => m.month),
              [
                { name: t('dashboard.separations'), className: 'series-a', values: months.map((m) => m.separations) },
                { name: t('dashboard.reunifications'), className: 'series-b', values: months.map((m) => m.reunifications) },
              ],
              'chart-separations',
            )
          : h('p', { class: 'muted' }, t('common.none')),
      ),
    );
  },
};
