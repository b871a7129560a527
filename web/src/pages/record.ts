import { request } from '../api';
import { h } from '../dom';
import { formatNumber, t, tOr } from '../i18n';
import { path } from '../router';
import { facts, fieldValue, pageTitle, redactedMark, table } from '../components/ui';
import type { Page } from './page';

export interface SourceRecord {
  id: number;
  ref: string;
  source: string;
  record_key: string;
  file_id?: number;
  line?: number;
  raw_hash?: string;
  fields: Record<string, unknown> & { redacted?: string[] };
  raw?: string;
  redacted?: string[];
}

/** Every field of the record in order, with those the server withheld for this role marked redacted. */
export function recordRows(r: SourceRecord): Array<{ name: string; redacted: boolean }> {
  const withheld = new Set([...(r.redacted ?? []), ...(r.fields.redacted ?? [])]);
  withheld.delete('raw');
  const names = Object.keys(r.fields).filter((k) => k !== 'redacted');
  for (const w of withheld) if (!names.includes(w)) names.push(w);
  return names.map((name) => ({ name, redacted: withheld.has(name) }));
}

export const recordPage: Page = {
  action: 'records.read',
  title: (r) => t('record.title', { ref: [r.params.id, r.params.key].filter(Boolean).join('/') }),
  async render(route) {
    // #/records/12 (reunite's id) or #/records/orr/UAC0000012 (source and record key).
    const id = route.params.id ?? '';
    const key = route.params.key;
    const r = await request<SourceRecord>(key ? path('source-records', id, key) : path('source-records', id));
    const rows = recordRows(r);
    const rawWithheld = (r.redacted ?? []).includes('raw');
    return h(
      'div',
      { class: 'record', 'data-ref': r.ref },
      pageTitle(t('record.title', { ref: r.ref })),
      facts([
        [t('col.source'), tOr(`source.${r.source}`, r.source)],
        [t('col.record_key'), r.record_key],
        [t('col.line'), r.line != null ? formatNumber(r.line) : '—'],
        [t('col.hash'), h('code', null, r.raw_hash ?? '—')],
      ]),
      table(
        t('record.fields'),
        [
          { label: t('col.field'), cell: (x: { name: string; redacted: boolean }) => h('span', { 'data-field': x.name }, tOr(`field.${x.name}`, x.name)) },
          { label: t('col.value'), cell: (x) => (x.redacted ? redactedMark() : fieldValue(r.fields, x.name)) },
        ],
        rows,
      ),
      h(
        'section',
        { 'aria-labelledby': 'raw-h' },
        h('h2', { id: 'raw-h' }, t('record.raw')),
        rawWithheld ? redactedMark() : r.raw != null ? h('pre', { class: 'raw', tabindex: '0' }, r.raw) : '—',
      ),
    );
  },
};
