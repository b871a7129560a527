import { describe, expect, it } from 'vitest';
import { dashboardOf, monthSeries, orderOverdue, statusCounts } from '../../src/model/dashboard';
import { actionBody, daysBetween, eventAgency, eventSources, eventsOf, nextDeadline, sides } from '../../src/model/family';
import { extent, probability, steps } from '../../src/model/waterfall';
import { intakeBody, intakeProblems } from '../../src/model/tracing';
import { linePath, niceTicks } from '../../src/components/chart';

describe('dashboard', () => {
  const child = (id: string, due: string) => ({ person_id: id, status: 'parent_removed', deadlines: [], next_deadline: { order: 'O', clock: 'reunify_5_to_17', due, met: false, overdue: true } });
  it('orders overdue children most overdue first, counting days to the as-of date', () => {
    const out = orderOverdue([child('a', '2018-07-26'), child('b', '2018-07-10'), child('c', '2018-07-26')], '2018-08-01');
    expect(out.map((x) => [x.person_id, x.days_overdue])).toEqual([
      ['b', 22],
      ['a', 6],
      ['c', 6],
    ]);
  });
  it('lists counts largest first', () => {
    expect(statusCounts({ counts_by_status: { reunified: 3, parent_removed: 7, ineligible: 3 } }).map((c) => c.status)).toEqual([
      'parent_removed',
      'ineligible',
      'reunified',
    ]);
  });
  it('puts both series on one continuous month axis across a year end', () => {
    const m = monthSeries([{ month: '2018-01', count: 2 }, { month: '2017-11', count: 1 }], [{ month: '2018-02', count: 4 }]);
    expect(m).toEqual([
      { month: '2017-11', separations: 1, reunifications: 0 },
      { month: '2017-12', separations: 0, reunifications: 0 },
      { month: '2018-01', separations: 2, reunifications: 0 },
      { month: '2018-02', separations: 0, reunifications: 4 },
    ]);
  });
});

describe('dashboardOf', () => {
  it('keeps each overdue child’s name, family and status, and splits the month series', () => {
    const d = dashboardOf({
      as_of: '2018-08-01',
      by_status: { reunified: 2, parent_removed: 1 },
      overdue: [{ child_id: 'PC1', name: 'ana tum', family_unit: 'RGV1', status: 'parent_removed', order_id: 'O', due_date: '2018-07-26', days_overdue: 6 }],
      by_month: [
        { month: '2018-06', separations: 3, reunifications: 0 },
        { month: '2018-07', separations: 0, reunifications: 2 },
      ],
    });
    expect(d.overdue[0]).toMatchObject({ person_id: 'PC1', name: 'ana tum', family_unit: 'RGV1', status: 'parent_removed' });
    expect(d.overdue[0]!.next_deadline).toMatchObject({ due: '2018-07-26', overdue: true });
    expect(d.separations_by_month).toEqual([{ month: '2018-06', count: 3 }]);
    expect(d.reunifications_by_month).toEqual([{ month: '2018-07', count: 2 }]);
  });
});

describe('chart', () => {
  it('picks round ticks covering the maximum', () => {
    expect(niceTicks(37)).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(4)).toEqual([0, 1, 2, 3, 4]);
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(1200).at(-1)).toBeGreaterThanOrEqual(1200);
  });
  it('scales values into the plot area, top = max', () => {
    const layout = { width: 110, height: 110, left: 10, right: 0, top: 10, bottom: 0 };
    expect(linePath([0, 50, 100], 100, layout)).toBe('M10.0 110.0 L60.0 60.0 L110.0 10.0');
  });
});

describe('waterfall', () => {
  const ex = {
    prior_weight: -10,
    comparisons: [
      { name: 'given_name', label: 'exact', weight: 6, tf_adjustment: 1 },
      { name: 'dob', label: 'day/month swapped', weight: 2 },
      { name: 'sex', label: 'different', weight: -3 },
    ],
    match_weight: -4,
  };
  it('runs a total from the prior through each comparison (TF adjustment included)', () => {
    const s = steps(ex);
    expect(s.map((x) => [x.start, x.end])).toEqual([
      [0, -10],
      [-10, -3],
      [-3, -1],
      [-1, -4],
      [0, -4],
    ]);
    expect(s.at(-1)?.kind).toBe('total');
    expect(extent(s)).toEqual([-10, 0]);
  });
  it('reads the review queue contributions', () => {
    const s = steps({ comparisons: [{ comparison: 'dob', level: 3, level_label: 'exact', left_value: '2016-08-08', right_value: '2016-08-08', m: 0.9, u: 0.001, weight: 9.8, tf_adjustment: 0.2 }], prior_weight: -12 });
    expect(s[1]).toMatchObject({ label: 'dob', level: 'exact', left: '2016-08-08', weight: 10, end: -2 });
  });
  it('accepts the short form of tracing candidates', () => {
    const s = steps([{ comparison: 'family_name', level: 'jaro_winkler>0.9', weight: 4.5 }]);
    expect(s[0]).toMatchObject({ label: 'family_name', level: 'jaro_winkler>0.9', end: 4.5 });
  });
  it('recovers the prior from the match weight when only comparisons are given', () => {
    const s = steps({ comparisons: [{ comparison: 'dob', level: 'exact', weight: 14 }], match_weight: -6 });
    expect(s[0]).toMatchObject({ kind: 'prior', weight: -20 });
    expect(s.at(-1)).toMatchObject({ kind: 'total', end: -6 });
  });
  it('converts a weight to a probability', () => {
    expect(probability(0)).toBe(0.5);
    expect(probability(10)).toBeCloseTo(1024 / 1025, 12);
  });
});

describe('family', () => {
  const person = (id: string, kind: 'adult' | 'child', sources: Array<{ source: string; record_key: string }> = []) => ({ id, display_name: id, kind, family_units: ['FU1'], sources });
  const dl = (due: string, met: boolean | null = false) => ({ order: 'O', clock: 'reunify_under_5', due, met, overdue: false });
  const f = {
    members: [person('P1', 'adult'), person('C1', 'child', [{ source: 'orr', record_key: 'UAC1' }]), person('C2', 'child')],
    children: [
      { person_id: 'C1', status: 'parent_removed', deadlines: [], next_deadline: dl('2018-07-26') },
      { person_id: 'C2', status: 'parent_removed', deadlines: [], next_deadline: dl('2018-07-10') },
      { person_id: 'C3', status: 'reunified', deadlines: [], next_deadline: dl('2018-07-01', true) },
    ],
  };
  it('puts adults on one side and children on the other', () => {
    const s = sides(f);
    expect(s.adults.map((m) => m.id)).toEqual(['P1']);
    expect(s.children.map((m) => m.id)).toEqual(['C1', 'C2']);
  });
  it('finds the earliest unmet deadline', () => {
    expect(nextDeadline(f)).toMatchObject({ person_id: 'C2', due: '2018-07-10' });
  });
  it('counts whole days between dates', () => {
    expect(daysBetween('2018-06-26', '2018-07-10')).toBe(14);
    expect(daysBetween('2018-07-10', '2018-06-26')).toBe(-14);
  });
  it('gives each member the events naming them or their records, in time then log order', () => {
    const ev = (seq: number, at: string, subjects: string[]) => ({ seq, type: `t${seq}`, occurred_at: at, subjects });
    const tl = [ev(5, '2018-06-02', ['C1']), ev(9, '2018-06-01', ['orr/UAC1']), ev(2, '2018-06-02', ['orr/UAC1', 'P1']), ev(3, '2018-06-03', ['P1'])];
    expect(eventsOf(f.members[1]!, tl).map((e) => e.seq)).toEqual([9, 2, 5]);
    expect(eventsOf(f.members[0]!, tl).map((e) => e.seq)).toEqual([2, 3]);
  });
  it('builds an action body with only the fields the action takes', () => {
    expect(actionBody('eligibility', { child_id: 'C1', parent_id: 'P1', on: '2018-08-01', eligible: 'false', reason: 'safety' })).toEqual({
      kind: 'eligibility',
      on: '2018-08-01',
      eligible: false,
      reason: 'safety',
    });
    expect(actionBody('reunification', { child_id: 'C1', parent_id: 'P1', on: '2018-08-01', where: 'in_country', override_reason: '' })).toEqual({
      kind: 'reunification',
      parent_id: 'P1',
      on: '2018-08-01',
      where: 'in_country',
    });
  });
});

describe('tracing intake', () => {
  it('groups the fields, drops blanks and says what is missing', () => {
    const b = intakeBody({ 'requester.name': ' Ana ', 'requester.phone': '', 'sought.given_name': 'Yeni', notes: '' }, 'es', true);
    expect(b).toEqual({ language: 'es', requester: { name: 'Ana' }, sought: { given_name: 'Yeni' }, consent: true });
    expect(intakeProblems(b)).toEqual(['requester.contact']);
    expect(intakeProblems(intakeBody({}, 'en', false))).toEqual(['requester.name', 'requester.contact', 'sought.name', 'consent']);
  });
});

describe('timeline events', () => {
  it('names the agency and the source records of an event', () => {
    const e = { seq: 1, type: 'detained', occurred_at: '2018-06-01', subjects: ['x'], actor: 'source:ice', sources: [{ source: 'orr', record_key: 'UAC1', file_id: 2, line: 5 }, 'e3/EID2', { file_id: 3 }] };
    expect(eventSources(e)).toEqual(['orr/UAC1', 'e3/EID2']);
    expect(eventAgency(e)).toBe('orr');
    expect(eventAgency({ ...e, sources: [] })).toBe('ice');
    expect(eventAgency({ ...e, sources: [], actor: 'caseworker' })).toBeNull();
  });
});

describe('session cookie', () => {
  it('finds the CSRF cookie among others', async () => {
    const { cookieValue } = await import('../../src/session');
    expect(cookieValue('a=1; reunite_csrf=ab%3Dc; b=2', 'reunite_csrf')).toBe('ab=c');
    expect(cookieValue('a=1', 'reunite_csrf')).toBeNull();
  });
});
