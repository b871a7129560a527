// The waterfall of a pair's match weight (docs/linkage.md): the prior's log2
// odds, then each comparison's log2 Bayes factor (plus its term-frequency
// adjustment), summing to the match weight; probability = 2^w / (1 + 2^w).
// Accepts the shape `reunite explain --json` prints, the review queue's
// contributions ({comparison, level_label, left_value, right_value, weight,
// tf_adjustment}) and the short form of tracing candidates ({comparison, level, weight}).

export interface ComparisonPart {
  name?: string;
  comparison?: string;
  label?: string;
  level?: string | number;
  level_label?: string;
  left?: unknown;
  right?: unknown;
  left_value?: unknown;
  right_value?: unknown;
  m?: number;
  u?: number;
  weight: number;
  tf_adjustment?: number;
}

export interface Explanation {
  prior?: number;
  prior_weight?: number;
  comparisons: ComparisonPart[];
  match_weight?: number;
  match_probability?: number;
}

export interface Step {
  label: string;
  level: string;
  left?: unknown;
  right?: unknown;
  weight: number; // this step's contribution
  start: number; // running total before
  end: number; // running total after
  kind: 'prior' | 'comparison' | 'total';
}

export function probability(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}

export function normalise(x: Explanation | ComparisonPart[]): Explanation {
  return Array.isArray(x) ? { comparisons: x } : x;
}

export function steps(x: Explanation | ComparisonPart[]): Step[] {
  const e = normalise(x);
  const out: Step[] = [];
  let total = 0;
  // A short form without the prior still carries the match weight: the prior
  // is what the comparisons leave unexplained (match weight = prior + Σ).
  const sum = e.comparisons.reduce((n, c) => n + c.weight + (c.tf_adjustment ?? 0), 0);
  const prior = e.prior_weight ?? (e.match_weight !== undefined ? e.match_weight - sum : undefined);
  if (prior !== undefined) {
    out.push({ label: 'prior', level: '', weight: prior, start: 0, end: prior, kind: 'prior' });
    total = prior;
  }
  for (const c of e.comparisons) {
    const w = c.weight + (c.tf_adjustment ?? 0);
    out.push({
      label: c.name ?? c.comparison ?? '?',
      level: String(c.label ?? c.level_label ?? c.level ?? ''),
      left: c.left ?? c.left_value,
      right: c.right ?? c.right_value,
      weight: w,
      start: total,
      end: total + w,
      kind: 'comparison',
    });
    total += w;
  }
  const final = e.match_weight ?? total;
  out.push({ label: 'total', level: '', weight: final, start: 0, end: final, kind: 'total' });
  return out;
}

/** The x-axis range covering every bar (always including 0). */
export function extent(list: readonly Step[]): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const s of list) {
    lo = Math.min(lo, s.start, s.end);
    hi = Math.max(hi, s.start, s.end);
  }
  return [lo, hi === lo ? lo + 1 : hi];
}
