// The signed-in session of this browser tab: the bearer token and CSRF token
// the server gave at login, and the account. Kept in sessionStorage (this tab
// only, gone when it closes); never in localStorage, never in a URL.

import type { LoginReply, Role, User } from './api';

export interface Session {
  token: string;
  csrf_token: string;
  user: User;
}

const KEY = 'reunite.session';
type Listener = (s: Session | null, reason: 'login' | 'logout' | 'expired') => void;

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

  start(reply: LoginReply): void {
    const s: Session = { token: reply.token, csrf_token: reply.csrf_token, user: reply.user };
    sessionStorage.setItem(KEY, JSON.stringify(s));
    this.emit(s, 'login');
  }

  end(): void {
    sessionStorage.removeItem(KEY);
    this.emit(null, 'logout');
  }

  /** The server refused the token (expired, idle, revoked). */
  expire(): void {
    sessionStorage.removeItem(KEY);
    this.emit(null, 'expired');
  }

  onChange(l: Listener): void {
    this.listeners.push(l);
  }

  private emit(s: Session | null, reason: 'login' | 'logout' | 'expired'): void {
    for (const l of this.listeners) l(s, reason);
  }
}

export const session = new SessionStore();
