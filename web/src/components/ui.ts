// Small shared pieces of the pages: headings, errors, loading, badges,
// redacted values, tables, form fields, announcements.

import { ApiError } from '../api';
import { h, uid, type Child } from '../dom';
import { formatDate, formatNumber, t, tOr } from '../i18n';

export function pageTitle(text: string, ...extra: Child[]): HTMLElement {
  return h('header', { class: 'page-head' }, h('h1', { id: 'page-title' }, text), ...extra);
}

export function loading(): HTMLElement {
  return h('p', { class: 'loading', role: 'status' }, t('common.loading'));
}

/** A refusal or failure from the server, in the user's language, with the server's own message. */
export function errorBox(err: unknown, headlines: Partial<Record<number, string>> = {}): HTMLElement {
  let headline = t('error.generic');
  let detail = '';
  let kind = 'error';
  if (err instanceof ApiError) {
    detail = err.message;
    if (err.notServed) {
      headline = t('error.not_served', { route: err.route });
      kind = 'pending';
    } else if (err.status === 403) {
      headline = t('error.forbidden');
      kind = 'forbidden';
    } else if (err.status === 401) {
      headline = t('error.unauthenticated');
    } else if (err.status === 404) {
      headline = t('error.not_found');
    } else if (err.status === 429) {
      headline = t('error.throttled');
    } else if (err.status === 0) {
      headline = t('error.network');
    } else if (err.status === 400 || err.status === 409 || err.status === 422) {
      headline = t('error.invalid');
    }
    headline = headlines[err.status] ?? headline;
  } else if (err instanceof Error) {
    detail = err.message;
  }
  return h(
    'div',
    { class: `alert alert-${kind}`, role: 'alert', 'data-error-kind': kind },
    h('strong', null, headline),
    detail ? h('p', null, detail) : null,
  );
}

export function notice(text: string, kind: 'ok' | 'info' = 'info'): HTMLElement {
  return h('div', { class: `alert alert-${kind}`, role: 'status' }, text);
}

/** Tells a screen reader (and shows briefly) that something happened. */
export function announce(text: string): void {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  // A new text node after clearing makes screen readers repeat equal messages.
  window.setTimeout(() => {
    region.textContent = text;
  }, 30);
}

export function statusBadge(status: string | null | undefined): HTMLElement {
  const s = status ?? 'unknown';
  return h('span', { class: `badge status-${s.replace(/[^a-z_]/g, '')}`, 'data-status': s }, tOr(`status.${s}`, s));
}

/** The value of `field` in `record`, or a visible "redacted" marker when the server removed it for this role. */
export function fieldValue(record: { redacted?: string[] } & Record<string, unknown>, field: string): Child {
  if (record.redacted?.includes(field)) return redactedMark();
  const v = record[field];
  if (v === null || v === undefined || v === '') return h('span', { class: 'muted' }, '—');
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'object') return JSON.stringify(v);
  const str = String(v);
  return /^\d{4}-\d{2}-\d{2}$/.test(str) ? formatDate(str) : str;
}

export function redactedMark(): HTMLElement {
  return h('span', { class: 'redacted', 'data-redacted': 'true', title: t('redacted.why') }, t('redacted.label'));
}

/** A definition list of label → value. */
export function facts(rows: Array<[string, Child]>): HTMLElement {
  return h('dl', { class: 'facts' }, rows.map(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
}

export interface Column<T> {
  label: string;
  cell: (row: T) => Child;
  numeric?: boolean;
}

export function table<T>(caption: string, columns: Column<T>[], rows: T[], empty?: string): HTMLElement {
  if (rows.length === 0) return h('p', { class: 'muted empty' }, empty ?? t('common.none'));
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      null,
      h('caption', null, caption),
      h('thead', null, h('tr', null, columns.map((c) => h('th', { scope: 'col', class: c.numeric ? 'num' : null }, c.label)))),
      h(
        'tbody',
        null,
        rows.map((r) => h('tr', null, columns.map((c) => h('td', { class: c.numeric ? 'num' : null }, c.cell(r))))),
      ),
    ),
  );
}

export interface FieldOptions {
  hint?: string;
  required?: boolean;
}

/** A labelled form control; the label is wired by id, the hint by aria-describedby. */
export function field(label: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, opts: FieldOptions = {}): HTMLElement {
  const id = control.id || uid('f');
  control.id = id;
  if (opts.required) control.required = true;
  let hint: HTMLElement | null = null;
  if (opts.hint) {
    hint = h('span', { class: 'hint', id: `${id}-hint` }, opts.hint);
    control.setAttribute('aria-describedby', hint.id);
  }
  return h('div', { class: 'field' }, h('label', { for: id }, label, opts.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null), control, hint);
}

export function select(name: string, options: Array<[string, string]>, value?: string): HTMLSelectElement {
  const el = h('select', { name }, options.map(([v, label]) => h('option', { value: v }, label)));
  if (value !== undefined) el.value = value;
  return el;
}

export function input(name: string, type = 'text', value = ''): HTMLInputElement {
  const el = h('input', { name, type });
  el.value = value;
  return el;
}

export function button(label: string, onclick: (e: Event) => void, kind: 'primary' | 'secondary' | 'danger' = 'secondary', type: 'button' | 'submit' = 'button'): HTMLButtonElement {
  return h('button', { type, class: `btn btn-${kind}`, onclick }, label);
}

/** Runs `work` with the form's submit button disabled and shows its error inside the form. */
export async function submitting(form: HTMLFormElement, errorSlot: HTMLElement, work: () => Promise<void>, headlines: Partial<Record<number, string>> = {}): Promise<void> {
  const btns = Array.from(form.querySelectorAll('button'));
  btns.forEach((b) => (b.disabled = true));
  errorSlot.replaceChildren();
  try {
    await work();
  } catch (e) {
    errorSlot.replaceChildren(errorBox(e, headlines));
    errorSlot.querySelector<HTMLElement>('[role=alert]')?.focus();
  } finally {
    btns.forEach((b) => (b.disabled = false));
  }
}
