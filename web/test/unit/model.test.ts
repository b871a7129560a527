import { describe, expect, it } from 'vitest';
import { continuousMonths, orderDeadlines, statusCounts } from '../../src/model/dashboard';
import { actionBody, nextDeadline, orderedTimeline, sides, type Family } from '../../src/model/family';
import { extent, probability, steps } from '../../src/model/waterfall';
import { intakeBody, intakeProblems } from '../../src/model/tracing';
import { linePath, niceTicks } from '../../src/components/chart';

describe('dashboard', () => {
  it('orders overdue deadlines first, most overdue on top, then pending by due date', () => {
    const out = orderDeadlines([
      { child_id: 'a', due_date: '2018-07-30', days_remaining: 3 },
      { child_id: 'b', due_date: '2018-07-10', days_overdue: 2 },
      { child_id: 'c', due_date: '2018-07-01', days_overdue: 11 },
      { child_id: 'd', due_date: '2018-07-20', days_remaining: 0 },
    ]);
    expect(out.map((x) => x.child_id)).toEqual(['c', 'b', 'd', 'a']);
  });
  it('reads counts as a list or a map, largest first', () => {
    expect(statusCounts({ counts_by_status: { reunified: 3, parent_removed: 7, ineligible: 3 } }).map((c) => c.status)).toEqual([
      'parent_removed',
      'ineligible',
      'reunified',
    ]);
  });
  it('fills missing months across a year end', () => {
    const m = continuousMonths([
      { month: '2018-01', separations: 2, reunifications: 0 },
      { month: '2017-11', separations: 1, reunifications: 1 },
    ]);
    expect(m.map((x) => x.month)).toEqual(['2017-11', '2017-12', '2018-01']);
    expect(m[1]).toEqual({ month: '2017-12', separations: 0, reunifications: 0 });
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
  const f: Family = {
    family_unit_id: 'FU-1',
    members: [
      { person_id: 'P1', role: 'adult' },
      { person_id: 'C1', role: 'child', status: { status: 'parent_removed', due_date: '2018-07-26', days_overdue: 40 } },
      { person_id: 'C2', role: 'child', status: { status: 'parent_removed', due_date: '2018-07-10', days_overdue: 56 } },
      { person_id: 'C3', role: 'child', status: { status: 'reunified', due_date: '2018-07-01' } },
    ],
    relationships: [],
  };
  it('puts adults on one side and children on the other', () => {
    const s = sides(f);
    expect(s.adults.map((m) => m.person_id)).toEqual(['P1']);
    expect(s.children.map((m) => m.person_id)).toEqual(['C1', 'C2', 'C3']);
  });
  it('finds the earliest open deadline when the server names none', () => {
    expect(nextDeadline(f)?.child_id).toBe('C2');
    expect(nextDeadline({ ...f, next_deadline: { child_id: 'C1', status: 'x', due_date: '2018-07-26' } })?.child_id).toBe('C1');
  });
  it('keeps log order for same-day events', () => {
    const tl = orderedTimeline([
      { occurred_at: '2018-06-02', type: 'b', seq: 5 },
      { occurred_at: '2018-06-01', type: 'a', seq: 9 },
      { occurred_at: '2018-06-02', type: 'c', seq: 2 },
    ]);
    expect(tl.map((e) => e.type)).toEqual(['a', 'c', 'b']);
  });
  it('builds an action body with only the fields the action takes', () => {
    expect(actionBody('eligibility', { child_id: 'C1', parent_id: 'P1', on: '2018-08-01', eligible: 'false', reason: 'safety' })).toEqual({
      action: 'eligibility',
      child_id: 'C1',
      on: '2018-08-01',
      eligible: false,
      reason: 'safety',
    });
    expect(actionBody('reunification', { child_id: 'C1', parent_id: 'P1', on: '2018-08-01', where: 'in_country', override_reason: '' })).toEqual({
      action: 'reunification',
      child_id: 'C1',
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
  it('reads the place from either custodian shape and marks a withheld one', async () => {
    const { eventPlace, eventSources } = await import('../../src/model/family');
    expect(eventPlace({ occurred_at: '2018-06-01', type: 'detained', custodian: { agency: 'immigration', facility: 'Port Isabel' } })).toEqual({
      agency: 'immigration',
      facility: 'Port Isabel',
      withheld: false,
    });
    expect(eventPlace({ occurred_at: '2018-06-01', type: 'detained', agency: 'shelter', redacted: ['custodian'] })).toEqual({
      agency: 'shelter',
      facility: null,
      withheld: true,
    });
    expect(eventSources({ occurred_at: '2018-06-01', type: 'x', sources: ['orr/UAC1', { ref: 'e3/EID2' }, { source: 'ngo' }] })).toEqual(['orr/UAC1', 'e3/EID2']);
  });
});

describe('session cookie', () => {
  it('finds the CSRF cookie among others', async () => {
    const { cookieValue } = await import('../../src/session');
    expect(cookieValue('a=1; reunite_csrf=ab%3Dc; b=2', 'reunite_csrf')).toBe('ab=c');
    expect(cookieValue('a=1', 'reunite_csrf')).toBeNull();
  });
});
