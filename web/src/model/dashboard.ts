// The dashboard's data, as the server sends it (GET /api/v1/dashboard), and
// the pure ordering the page shows: overdue deadlines first (most overdue on
// top), then pending ones by due date.

export interface StatusCount {
  status: string;
  count: number;
}

export interface Deadline {
  child_id: string;
  family_unit_id?: string | null;
  name?: string | null;
  status?: string;
  due_date: string;
  due_order?: string;
  clock?: string;
  days_overdue?: number | null;
  days_remaining?: number | null;
}

export interface MonthPoint {
  month: string; // YYYY-MM
  separations: number;
  reunifications: number;
}

export interface Dashboard {
  as_of?: string;
  counts_by_status: StatusCount[] | Record<string, number>;
  deadlines: Deadline[];
  series: MonthPoint[];
  totals?: Record<string, number>;
}

/** Status counts as a list, largest first (ties by name), whatever shape the server used. */
export function statusCounts(d: Pick<Dashboard, 'counts_by_status'>): StatusCount[] {
  const list = Array.isArray(d.counts_by_status)
    ? d.counts_by_status.slice()
    : Object.entries(d.counts_by_status).map(([status, count]) => ({ status, count }));
  return list.sort((a, b) => b.count - a.count || a.status.localeCompare(b.status));
}

export function isOverdue(x: Deadline): boolean {
  return (x.days_overdue ?? 0) > 0;
}

/** Overdue first, most days overdue on top; then the rest by due date, soonest first. */
export function orderDeadlines(list: readonly Deadline[]): Deadline[] {
  return list.slice().sort((a, b) => {
    const ao = isOverdue(a);
    const bo = isOverdue(b);
    if (ao !== bo) return ao ? -1 : 1;
    if (ao && bo) return (b.days_overdue ?? 0) - (a.days_overdue ?? 0) || a.due_date.localeCompare(b.due_date);
    return a.due_date.localeCompare(b.due_date) || a.child_id.localeCompare(b.child_id);
  });
}

/** Fills months with no events so the chart's x axis is continuous. */
export function continuousMonths(points: readonly MonthPoint[]): MonthPoint[] {
  if (points.length === 0) return [];
  const sorted = points.slice().sort((a, b) => a.month.localeCompare(b.month));
  const byMonth = new Map(sorted.map((p) => [p.month, p]));
  const first = sorted[0]!.month;
  const last = sorted[sorted.length - 1]!.month;
  const out: MonthPoint[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (let guard = 0; guard < 1200; guard++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(byMonth.get(key) ?? { month: key, separations: 0, reunifications: 0 });
    if (key === last) break;
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  return out;
}
