// Message catalogues and locale-aware formatting. Every string the UI shows
// comes from a catalogue (en.ts, es.ts); the Spanish catalogue is typed
// against the English one, so a missing key fails the type check.
// Placeholders are {name}; a key with _one/_other variants is chosen by
// Intl.PluralRules from params.count.

import { en, type MessageKey } from './en';
import { es } from './es';

export type Locale = 'en' | 'es';
export const LOCALES: readonly Locale[] = ['en', 'es'];
export type { MessageKey };

const catalogues: Record<Locale, Record<string, string>> = { en, es };
const STORAGE_KEY = 'reunite.locale';

let current: Locale = 'en';
const listeners: Array<(l: Locale) => void> = [];

export function detectLocale(stored: string | null, navigatorLanguages: readonly string[]): Locale {
  if (stored === 'en' || stored === 'es') return stored;
  for (const lang of navigatorLanguages) {
    const base = lang.toLowerCase().split('-')[0];
    if (base === 'es') return 'es';
    if (base === 'en') return 'en';
  }
  return 'en';
}

export function initLocale(): void {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    stored = null;
  }
  current = detectLocale(stored, navigator.languages ?? [navigator.language]);
  document.documentElement.lang = current;
}

export function locale(): Locale {
  return current;
}

export function setLocale(l: Locale): void {
  current = l;
  try {
    localStorage.setItem(STORAGE_KEY, l);
  } catch {
    // private mode: the choice lasts for this page only
  }
  document.documentElement.lang = l;
  for (const fn of listeners) fn(l);
}

export function onLocaleChange(fn: (l: Locale) => void): void {
  listeners.push(fn);
}

export type Params = Record<string, string | number>;

/** Fills {name} placeholders; numbers are formatted for the locale. */
export function interpolate(template: string, params: Params | undefined, loc: Locale): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? formatNumber(v, loc) : v;
  });
}

/** The message for `key` in locale `loc` (plural variant chosen by params.count). */
export function translate(loc: Locale, key: string, params?: Params): string {
  const cat = catalogues[loc];
  let template: string | undefined;
  if (params && typeof params.count === 'number') {
    const form = new Intl.PluralRules(loc).select(params.count);
    template = cat[`${key}_${form}`] ?? cat[`${key}_other`];
  }
  template ??= cat[key] ?? en[key as MessageKey] ?? key;
  return interpolate(template, params, loc);
}

type PluralBase<K> = K extends `${infer B}_one` ? B : K extends `${infer B}_other` ? B : never;
export type TKey = MessageKey | PluralBase<MessageKey>;

export function t(key: TKey, params?: Params): string {
  return translate(current, key, params);
}

/** A message key built at run time (status names, event types): falls back to the raw value. */
export function tOr(key: string, fallback: string, params?: Params): string {
  const cat = catalogues[current];
  return key in cat || key in en ? translate(current, key, params) : fallback;
}

// ---- formatting ----

export function formatNumber(n: number, loc: Locale = current): string {
  return new Intl.NumberFormat(loc).format(n);
}

export function formatPercent(fraction: number, loc: Locale = current): string {
  return new Intl.NumberFormat(loc, { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
}

/** An ISO date (YYYY-MM-DD) or timestamp, shown as a calendar date in UTC. */
export function formatDate(iso: string | null | undefined, loc: Locale = current): string {
  if (!iso) return '—';
  const d = parseIso(iso);
  if (!d) return iso;
  return new Intl.DateTimeFormat(loc, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

/** A timestamp shown with time, in the browser's time zone. */
export function formatDateTime(iso: string | null | undefined, loc: Locale = current): string {
  if (!iso) return '—';
  const d = parseIso(iso);
  if (!d) return iso;
  return new Intl.DateTimeFormat(loc, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** "2018-06" → "Jun 2018" / "jun 2018". */
export function formatMonth(ym: string, loc: Locale = current): string {
  const d = parseIso(`${ym}-01`);
  if (!d) return ym;
  return new Intl.DateTimeFormat(loc, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);
}

export function parseIso(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}
