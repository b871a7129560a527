// The dashboard's data (GET /api/v1/dashboard, schema Dashboard) and the pure
// pieces the page shows: status counts largest first, overdue children most
// overdue first, and one continuous monthly series of separations and
// reunifications.

import { daysBetween, type ChildStatus } from './family';

export interface MonthCount {
  month: string; // YYYY-MM
  count: number;
}

export interface Dashboard {
  as_of: string;
  counts_by_status: Record<string, number>;
  overdue: Array<ChildStatus & { name?: string; family_unit?: string }>;
  separations_by_month: MonthCount[];
  reunifications_by_month: MonthCount[];
}

/** GET /api/v1/dashboard as served (schema Dashboard, service::DashboardJson). */
export interface ServedDashboard {
  as_of: string;
  by_status: Record<string, number>;
  overdue: Array<{ child_id: string; name: string; family_unit: string; status: string; order_id: string; due_date: string; days_overdue: number }>;
  by_month: Array<{ month: string; separations: number; reunifications: number }>;
}

/** The page's Dashboard from the served one (an overdue child's clock is its order's reunify deadline). */
export function dashboardOf(d: ServedDashboard): Dashboard {
  return {
    as_of: d.as_of,
    counts_by_status: d.by_status,
    overdue: d.overdue.map((o) => ({
      person_id: o.child_id,
      name: o.name,
      family_unit: o.family_unit,
      status: o.status,
      next_deadline: { order: o.order_id, clock: 'reunify', due: o.due_date, met: false, overdue: true },
      deadlines: [{ order: o.order_id, clock: 'reunify', due: o.due_date, met: false, overdue: true }],
    })),
    separations_by_month: d.by_month.filter((m) => m.separations > 0).map((m) => ({ month: m.month, count: m.separations })),
    reunifications_by_month: d.by_month.filter((m) => m.reunifications > 0).map((m) => ({ month: m.month, count: m.reunifications })),
  };
}

export interface StatusCount {
  status: string;
  count: number;
}

export interface MonthPoint {
  month: string;
  separations: number;
  reunifications: number;
}

/** Status counts largest first (ties by name). */
export function statusCounts(d: Pick<Dashboard, 'counts_by_status'>): StatusCount[] {
  return Object.entries(d.counts_by_status)
    .map(([status, count]) => ({ status, count }))
    .sort((a, b) => b.count - a.count || a.status.localeCompare(b.status));
}

/** Overdue children with their days overdue as of `asOf`, most overdue first (ties by id). */
export function orderOverdue<T extends ChildStatus>(list: readonly T[], asOf: string): Array<T & { days_overdue: number }> {
  return list
    .map((c) => ({ ...c, days_overdue: c.next_deadline ? Math.max(0, daysBetween(c.next_deadline.due, asOf)) : 0 }))
    .sort((a, b) => b.days_overdue - a.days_overdue || a.person_id.localeCompare(b.person_id));
}

function nextMonth(ym: string): string {
  let [y, m] = ym.split('-').map(Number) as [number, number];
  m += 1;
  if (m === 13) {
    m = 1;
    y += 1;
  }
  return `${y}-${String(m).padStart(2, '0')}`;
}

/** Both series on one continuous month axis (months with no events count 0). */
export function monthSeries(separations: readonly MonthCount[], reunifications: readonly MonthCount[]): MonthPoint[] {
  const all = [...separations, ...reunifications].map((x) => x.month).sort();
  if (all.length === 0) return [];
  const sep = new Map(separations.map((x) => [x.month, x.count]));
  const reu = new Map(reunifications.map((x) => [x.month, x.count]));
  const out: MonthPoint[] = [];
  const last = all[all.length - 1]!;
  for (let m = all[0]!, guard = 0; guard < 1200; m = nextMonth(m), guard++) {
    out.push({ month: m, separations: sep.get(m) ?? 0, reunifications: reu.get(m) ?? 0 });
    if (m === last) break;
  }
  return out;
}
