// The one place the UI talks to the server (/api/v1, same origin). Every
// route the UI calls is named here, as in the server's OpenAPI document
// (/api/v1/openapi.json, docs/api.md). Errors come back as ApiError with the
// server's stable code and message; nothing else in the UI calls fetch.

import { session } from './session';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly route: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
  /** The route is designed (OpenAPI) but this server does not serve it yet. */
  get notServed(): boolean {
    return this.status === 501 || (this.status === 404 && this.message.startsWith('no such route'));
  }
}

const BASE = '/api/v1';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
}

export function buildQuery(query: RequestOptions['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

function headers(method: string, hasBody: boolean): Headers {
  const hd = new Headers({ Accept: 'application/json' });
  if (hasBody) hd.set('Content-Type', 'application/json');
  // The session travels in its HttpOnly cookie; writes prove they come from this app.
  if (method !== 'GET') {
    const csrf = session.csrf();
    if (csrf) hd.set('X-CSRF-Token', csrf);
  }
  return hd;
}

async function errorFrom(resp: Response, route: string): Promise<ApiError> {
  let code = '';
  let message = resp.statusText || `HTTP ${resp.status}`;
  try {
    const body = (await resp.json()) as { error?: { code?: string; message?: string } };
    if (body.error) {
      code = body.error.code ?? '';
      message = body.error.message ?? message;
    }
  } catch {
    // not JSON: keep the status text
  }
  return new ApiError(resp.status, code, message, route);
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const hasBody = opts.body !== undefined;
  const route = `${method} ${BASE}${path}`;
  let resp: Response;
  try {
    resp = await fetch(`${BASE}${path}${buildQuery(opts.query)}`, {
      method,
      headers: headers(method, hasBody),
      body: hasBody ? JSON.stringify(opts.body) : undefined,
      credentials: 'same-origin',
    });
  } catch (e) {
    throw new ApiError(0, 'unavailable', e instanceof Error ? e.message : String(e), route);
  }
  if (resp.status === 401 && session.current()) {
    session.expire();
  }
  if (!resp.ok) throw await errorFrom(resp, route);
  if (resp.status === 204) return undefined as T;
  return (await resp.json()) as T;
}

/** A file download (CSV, XLSX) as a Blob, with the server's file name. */
export async function download(path: string, query: RequestOptions['query']): Promise<{ blob: Blob; filename: string }> {
  const route = `GET ${BASE}${path}`;
  const resp = await fetch(`${BASE}${path}${buildQuery(query)}`, {
    headers: headers('GET', false),
    credentials: 'same-origin',
  });
  if (!resp.ok) throw await errorFrom(resp, route);
  const cd = resp.headers.get('Content-Disposition') ?? '';
  const m = /filename="?([^";]+)"?/.exec(cd);
  return { blob: await resp.blob(), filename: m?.[1] ?? 'download' };
}

// ---- shapes (see the OpenAPI document) ----

export interface User {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  disabled?: boolean;
}

export type Role = 'admin' | 'caseworker' | 'reviewer' | 'monitor' | 'counsel' | 'auditor';

export interface LoginReply {
  token: string; // also set as the HttpOnly cookie; the UI does not keep it
  csrf_token: string;
  expires_at: string;
  user: User;
}

export interface MeReply {
  user: User;
  expires_at: string;
}

/** A record's fields as the server sent them; `redacted` names what was removed for the caller's role. */
export interface Redactable {
  redacted?: string[];
  [k: string]: unknown;
}
