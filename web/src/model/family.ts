// The family page's data (GET /api/v1/families/{id}) and the pure pieces of
// its layout: which side each member is on, the family's next deadline, and
// the form fields each caseworker action needs.

export interface ChildStatus {
  status: string;
  reason?: string | null;
  due_date?: string | null;
  due_order?: string | null;
  days_remaining?: number | null;
  days_overdue?: number | null;
  set_by_event?: string | number | null;
}

export interface TimelineEvent {
  seq?: number;
  event_id?: string;
  occurred_at: string;
  type: string;
  custodian?: string | { agency?: string; facility?: string } | null;
  agency?: string | null;
  facility?: string | null;
  sources?: Array<string | { ref?: string; source?: string }> | null;
  actor?: string | null;
  authority?: string | null;
  reason?: string | null;
  redacted?: string[];
  [k: string]: unknown;
}

/** Where an event happened, whichever shape the server used (custodian text or {agency, facility}). */
export function eventPlace(e: TimelineEvent): { agency: string | null; facility: string | null; withheld: boolean } {
  const c = e.custodian;
  const withheld = (e.redacted ?? []).some((k) => k === 'custodian' || k === 'facility');
  let agency = e.agency ?? null;
  let facility = e.facility ?? null;
  if (c && typeof c === 'object') {
    agency ??= c.agency ?? null;
    facility ??= c.facility ?? null;
  } else if (typeof c === 'string' && c) {
    facility ??= c;
  }
  return { agency, facility: withheld ? null : facility, withheld };
}

/** The agency records an event came from, as refs ("orr/UAC0000012"). */
export function eventSources(e: TimelineEvent): string[] {
  return (e.sources ?? []).map((x) => (typeof x === 'string' ? x : (x.ref ?? ''))).filter(Boolean);
}

export interface Member {
  person_id: string;
  given_name?: string;
  family_name?: string;
  dob?: string;
  sex?: string;
  role: 'adult' | 'child' | string;
  a_number?: string;
  records?: Array<{ ref: string; source?: string }>;
  custody?: { state?: string; agency?: string; custodian?: string; since?: string; redacted?: string[] } | null;
  status?: ChildStatus | null;
  timeline?: TimelineEvent[];
  redacted?: string[];
  [k: string]: unknown;
}

export interface Evidence {
  kind: string;
  source?: string | null;
  ref?: string | null;
  note?: string | null;
}

export interface Relationship {
  relationship_id: string;
  parent_id: string;
  child_id: string;
  kind: string;
  status: string;
  evidence?: Evidence[];
}

export interface Family {
  family_unit_id: string;
  status?: string;
  apprehended_on?: string | null;
  sector?: string | null;
  station?: string | null;
  agency_numbers?: string[];
  members: Member[];
  relationships: Relationship[];
  next_deadline?: (ChildStatus & { child_id: string }) | null;
  redacted?: string[];
}

export function sides(f: Family): { adults: Member[]; children: Member[] } {
  return {
    adults: f.members.filter((m) => m.role !== 'child'),
    children: f.members.filter((m) => m.role === 'child'),
  };
}

/** The server's next deadline, else the earliest open one among the children (overdue before pending). */
export function nextDeadline(f: Family): (ChildStatus & { child_id: string }) | null {
  if (f.next_deadline) return f.next_deadline;
  let best: (ChildStatus & { child_id: string }) | null = null;
  for (const m of f.members) {
    const s = m.status;
    if (m.role !== 'child' || !s?.due_date) continue;
    if (s.days_overdue == null && s.days_remaining == null) continue;
    if (!best || (s.due_date < (best.due_date ?? '9999'))) best = { ...s, child_id: m.person_id };
  }
  return best;
}

/** Events in time order (ties keep the log order). */
export function orderedTimeline(events: readonly TimelineEvent[]): TimelineEvent[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.occurred_at.localeCompare(b.e.occurred_at) || (a.e.seq ?? a.i) - (b.e.seq ?? b.i))
    .map((x) => x.e);
}

export type ActionKind = 'contact' | 'preference' | 'eligibility' | 'verification' | 'reunification';
export const ACTIONS: readonly ActionKind[] = ['contact', 'preference', 'eligibility', 'verification', 'reunification'];

/** Which inputs each action needs (src/cases/commands.h). */
export const ACTION_FIELDS: Record<ActionKind, { parent: boolean; extra: Array<{ name: string; options?: string[]; required: boolean }> }> = {
  contact: {
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
  verification: { parent: true, extra: [{ name: 'method', options: ['documents', 'dna'], required: true }] },
  reunification: { parent: true, extra: [{ name: 'where', options: ['in_country', 'abroad'], required: true }] },
};

/** The request body of an action from the form's values (empty strings dropped, booleans parsed). */
export function actionBody(kind: ActionKind, values: Record<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = { action: kind, child_id: values.child_id, on: values.on };
  if (ACTION_FIELDS[kind].parent) body.parent_id = values.parent_id;
  for (const f of ACTION_FIELDS[kind].extra) {
    const v = values[f.name];
    if (v === undefined || v === '') continue;
    body[f.name] = f.name === 'eligible' ? v === 'true' : v;
  }
  if (values.override_reason) body.override_reason = values.override_reason;
  return body;
}
