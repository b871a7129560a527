// Hash routes (#/families/F-12?tab=x): the server only serves static files,
// so the route lives in the fragment and a reload keeps the page.

export interface Route {
  name: RouteName;
  params: Record<string, string>;
  query: URLSearchParams;
}

export type RouteName =
  | 'login'
  | 'dashboard'
  | 'search'
  | 'family'
  | 'person'
  | 'record'
  | 'review'
  | 'review-item'
  | 'compliance'
  | 'provenance'
  | 'audit'
  | 'trace'
  | 'tracing'
  | 'tracing-item'
  | 'users'
  | 'not-found';

const PATTERNS: Array<[RouteName, RegExp, string[]]> = [
  ['login', /^\/login$/, []],
  ['dashboard', /^\/$/, []],
  ['search', /^\/search$/, []],
  ['family', /^\/families\/([^/]+)$/, ['id']],
  ['person', /^\/persons\/([^/]+)$/, ['id']],
  ['record', /^\/records\/([^/]+)(?:\/([^/]+))?$/, ['id', 'key']],
  ['review', /^\/review$/, []],
  ['review-item', /^\/review\/([^/]+)$/, ['id']],
  ['compliance', /^\/reports\/compliance$/, []],
  ['provenance', /^\/provenance$/, []],
  ['audit', /^\/audit$/, []],
  ['trace', /^\/trace$/, []],
  ['tracing', /^\/tracing$/, []],
  ['tracing-item', /^\/tracing\/([^/]+)$/, ['id']],
  ['users', /^\/users$/, []],
];

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const query = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  for (const [name, re, keys] of PATTERNS) {
    const m = re.exec(path);
    if (!m) continue;
    const params: Record<string, string> = {};
    keys.forEach((k, i) => {
      if (m[i + 1] !== undefined) params[k] = decodeURIComponent(m[i + 1]!);
    });
    return { name, params, query };
  }
  return { name: 'not-found', params: { path }, query };
}

/** A path from segments, each encoded: path('families', 'F 12') = "/families/F%2012". */
export function path(...segments: Array<string | number>): string {
  return `/${segments.map((s) => encodeURIComponent(String(s))).join('/')}`;
}

/** "#/families/F%2012?tab=a"; `p` is built with path(). */
export function href(p: string, query?: Record<string, string | number | undefined>): string {
  let out = `#${p}`;
  if (query) {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') qs.set(k, String(v));
    const s = qs.toString();
    if (s) out += `?${s}`;
  }
  return out;
}

export function navigate(p: string, query?: Record<string, string | number | undefined>): void {
  const target = href(p, query);
  if (location.hash === target) {
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = target;
  }
}
