// The family page's data (GET /api/v1/families/{id}, schema Family) and the
// pure pieces of its layout: each side's members, each member's events, the
// family's next deadline, and the body of each caseworker action
// (POST /families/{id}/children/{child_id}/actions, schema CaseAction).

export interface Deadline {
  order: string;
  clock: string;
  due: string;
  met: boolean | null;
  overdue: boolean;
}

export interface ChildStatus {
  person_id: string;
  status: string;
  reason?: string;
  next_deadline?: Deadline | null;
  deadlines: Deadline[];
}

/** A child's status as the server encodes it (schema ChildStatus, cases::ChildStatusToJson). */
export interface ServedChildStatus {
  child: string;
  status: string;
  reason?: string;
  due_date?: string | null;
  due_order?: string;
  orders?: Array<{ order: string; in_class?: boolean; clocks?: Array<{ clock: string; due_date: string; state: string }> }>;
}

/** The page's ChildStatus from the served one: every clock of an order the child is in, the next unmet one first due. */
export function childStatusOf(s: ServedChildStatus): ChildStatus {
  const deadlines: Deadline[] = [];
  for (const o of s.orders ?? []) {
    if (o.in_class === false) continue;
    for (const c of o.clocks ?? []) {
      const met = c.state === 'met' || c.state === 'met_late' ? true : c.state === 'pending' || c.state === 'overdue' ? false : null;
      deadlines.push({ order: o.order, clock: c.clock, due: c.due_date, met, overdue: c.state === 'overdue' });
    }
  }
  const open = deadlines.filter((d) => d.met === false).sort((a, b) => a.due.localeCompare(b.due));
  return { person_id: s.child, status: s.status, reason: s.reason || undefined, next_deadline: open[0] ?? null, deadlines };
}

export interface PersonSummary {
  id: string;
  display_name: string;
  dob?: string | null;
  sex?: string | null;
  nationality?: string | null;
  kind: 'child' | 'adult' | 'unknown';
  family_units: string[];
  sources: Array<{ source: string; record_key: string }>;
  score?: number;
  redacted?: string[];
  [k: string]: unknown;
}

export interface Evidence {
  kind: string;
  source?: string;
  detail?: string;
}

export interface Relationship {
  parent_id: string;
  child_id: string;
  kind: string;
  status: string;
  evidence: Evidence[];
  status_since?: string | null;
}

export interface EventSource {
  source?: string;
  record_key?: string;
  file_id?: number;
  line?: number;
}

export interface TimelineEvent {
  seq: number;
  type: string;
  occurred_at: string;
  recorded_at?: string;
  subjects: string[];
  family_unit?: string | null;
  custodian?: string | null;
  reason?: string | null;
  actor?: string;
  authority?: string | null;
  sources?: Array<EventSource | string>;
  payload?: Record<string, unknown>;
  redacted?: string[];
}

export interface Family {
  id: string;
  members: PersonSummary[];
  relationships: Relationship[];
  children: ChildStatus[]; // from the served ServedChildStatus (childStatusOf)
  timeline: TimelineEvent[];
  redacted?: string[];
}

/** Whole days from date `from` to date `to` (ISO dates; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = Date.parse(`${from.slice(0, 10)}T00:00:00Z`);
  const b = Date.parse(`${to.slice(0, 10)}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}

export function sides(f: Pick<Family, 'members'>): { adults: PersonSummary[]; children: PersonSummary[] } {
  return {
    adults: f.members.filter((m) => m.kind !== 'child'),
    children: f.members.filter((m) => m.kind === 'child'),
  };
}

/** "orr/UAC0000012" for each agency record of the person. */
export function recordRefs(m: Pick<PersonSummary, 'sources'>): string[] {
  return m.sources.map((s) => `${s.source}/${s.record_key}`);
}

/** The events about `m`: those naming the person or one of their records, in time order (ties in log order). */
export function eventsOf(m: Pick<PersonSummary, 'id' | 'sources'>, timeline: readonly TimelineEvent[]): TimelineEvent[] {
  const keys = new Set([m.id, ...recordRefs(m)]);
  return timeline
    .filter((e) => e.subjects.some((s) => keys.has(s)))
    .slice()
    .sort((a, b) => a.occurred_at.localeCompare(b.occurred_at) || a.seq - b.seq);
}

/** The agency records an event came from, as refs. */
export function eventSources(e: TimelineEvent): string[] {
  return (e.sources ?? [])
    .map((x) => (typeof x === 'string' ? x : x.source && x.record_key ? `${x.source}/${x.record_key}` : ''))
    .filter(Boolean);
}

/** The agency that recorded an event: its source records' source, else the actor's "source:x". */
export function eventAgency(e: TimelineEvent): string | null {
  const first = e.sources?.find((x) => typeof x !== 'string' && x.source) as EventSource | undefined;
  if (first?.source) return first.source;
  const m = /^source:(\w+)$/.exec(e.actor ?? '');
  return m ? m[1]! : null;
}

/** The family's next open deadline: the earliest unmet due date among the children. */
export function nextDeadline(f: Pick<Family, 'children'>): (Deadline & { person_id: string }) | null {
  let best: (Deadline & { person_id: string }) | null = null;
  for (const c of f.children) {
    const d = c.next_deadline;
    if (!d || d.met === true) continue;
    if (!best || d.due < best.due) best = { ...d, person_id: c.person_id };
  }
  return best;
}

export type ActionKind = 'contact_attempt' | 'preference' | 'eligibility' | 'parentage_verification' | 'reunification';
export const ACTIONS: readonly ActionKind[] = ['contact_attempt', 'preference', 'eligibility', 'parentage_verification', 'reunification'];

/** Which inputs each action needs (src/cases/commands.h). */
export const ACTION_FIELDS: Record<ActionKind, { parent: boolean; extra: Array<{ name: string; options?: string[]; required: boolean }> }> = {
  contact_attempt: {
    parent: true,
    extra: [
      { name: 'channel', options: ['phone', 'whatsapp', 'video', 'in_person', 'letter', 'email'], required: true },
      { name: 'outcome', options: ['reached', 'no_answer', 'wrong_number', 'message_left'], required: true },
    ],
  },
  preference: { parent: true, extra: [{ name: 'wish', options: ['reunify', 'waive', 'decline', 'undecided'], required: true }] },
  eligibility: {
    parent: false,
    extra: [
      { name: 'eligible', options: ['true', 'false'], required: true },
      { name: 'reason', required: false },
    ],
  },
  parentage_verification: { parent: true, extra: [{ name: 'method', options: ['documents', 'dna'], required: true }] },
  reunification: { parent: true, extra: [{ name: 'where', options: ['in_country', 'abroad'], required: true }] },
};

/** The CaseAction body from the form's values (only the action's fields; empty strings dropped, booleans parsed). */
export function actionBody(kind: ActionKind, values: Record<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = { kind, on: values.on };
  if (ACTION_FIELDS[kind].parent && values.parent_id) body.parent_id = values.parent_id;
  for (const f of ACTION_FIELDS[kind].extra) {
    const v = values[f.name];
    if (v === undefined || v === '') continue;
    body[f.name] = f.name === 'eligible' ? v === 'true' : v;
  }
  if (values.override_reason) body.override_reason = values.override_reason;
  return body;
}
