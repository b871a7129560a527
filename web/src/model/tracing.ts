// The public tracing intake (POST /api/v1/tracing-requests): the form's
// values as the request body the server validates (src/service/tracing_service).

export const RELATIONSHIPS = ['mother', 'father', 'parent', 'grandparent', 'sibling', 'aunt_uncle', 'other_relative', 'legal_guardian', 'other'] as const;
export const SOUGHT_FIELDS = ['given_name', 'family_name', 'other_names', 'dob', 'birth_year', 'sex', 'nationality', 'place_of_birth', 'last_seen_place', 'last_seen_date', 'a_number'] as const;
export const REQUESTER_FIELDS = ['name', 'relationship', 'phone', 'email'] as const;

export interface IntakeBody {
  language: string;
  requester: Record<string, string>;
  sought: Record<string, string>;
  notes?: string;
  consent: boolean;
}

/** Empty values are left out; the prefix says which group a form field is in (requester.x, sought.x). */
export function intakeBody(values: Record<string, string>, language: string, consent: boolean): IntakeBody {
  const body: IntakeBody = { language, requester: {}, sought: {}, consent };
  for (const [k, raw] of Object.entries(values)) {
    const v = raw.trim();
    if (!v) continue;
    const [group, name] = k.split('.');
    if (group === 'requester' && name) body.requester[name] = v;
    else if (group === 'sought' && name) body.sought[name] = v;
    else if (k === 'notes') body.notes = v;
  }
  return body;
}

/** What the form checks before sending (the server checks the same and more). */
export type IntakeProblem = 'requester.name' | 'requester.contact' | 'sought.name' | 'consent';

export function intakeProblems(b: IntakeBody): IntakeProblem[] {
  const out: IntakeProblem[] = [];
  if (!b.requester.name) out.push('requester.name');
  if (!b.requester.phone && !b.requester.email) out.push('requester.contact');
  if (!b.sought.given_name && !b.sought.family_name) out.push('sought.name');
  if (!b.consent) out.push('consent');
  return out;
}
