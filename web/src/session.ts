// The signed-in session. The server keeps it: an HttpOnly, SameSite=Strict
// session cookie that scripts cannot read, and a readable CSRF cookie the UI
// echoes in X-CSRF-Token on every state-changing request. The UI only caches
// the account (name, role) for this tab; on start it asks the server
// (GET /auth/me) whether the cookie is still a session.

import type { Role, User } from './api';

export interface Session {
  user: User;
  csrf_token: string;
}

const KEY = 'reunite.session';
const CSRF_COOKIE = 'reunite_csrf';
type Reason = 'login' | 'logout' | 'expired';
type Listener = (s: Session | null, reason: Reason) => void;

/** The value of cookie `name` in a document.cookie string. */
export function cookieValue(cookies: string, name: string): string | null {
  for (const part of cookies.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

class SessionStore {
  private listeners: Listener[] = [];

  current(): Session | null {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    try {
      return JSON.parse(raw) as Session;
    } catch {
      return null;
    }
  }

  role(): Role | null {
    return this.current()?.user.role ?? null;
  }

  /** The CSRF token: the cookie (current after any re-login in another tab), else the login reply's. */
  csrf(): string {
    return cookieValue(document.cookie, CSRF_COOKIE) || this.current()?.csrf_token || '';
  }

  start(user: User, csrf_token: string, reason: Reason = 'login'): void {
    const s: Session = { user, csrf_token };
    sessionStorage.setItem(KEY, JSON.stringify(s));
    this.emit(s, reason);
  }

  end(): void {
    sessionStorage.removeItem(KEY);
    this.emit(null, 'logout');
  }

  /** The server refused the session (expired, idle, revoked, disabled). */
  expire(): void {
    sessionStorage.removeItem(KEY);
    this.emit(null, 'expired');
  }

  onChange(l: Listener): void {
    this.listeners.push(l);
  }

  private emit(s: Session | null, reason: Reason): void {
    for (const l of this.listeners) l(s, reason);
  }
}

export const session = new SessionStore();
