import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { es } from '../../src/i18n/es';
import { detectLocale, interpolate, translate } from '../../src/i18n';

describe('catalogues', () => {
  it('Spanish has exactly the English keys, none empty', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries(es)) expect(v.trim(), k).not.toBe('');
  });
  it('every placeholder of an English message is in its Spanish message', () => {
    const names = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const k of Object.keys(en) as Array<keyof typeof en>) expect(names(es[k]), k).toEqual(names(en[k]));
  });
  it('plural keys come in _one/_other pairs', () => {
    for (const k of Object.keys(en)) {
      if (k.endsWith('_one')) expect(Object.keys(en)).toContain(k.replace(/_one$/, '_other'));
    }
  });
});

describe('translate', () => {
  it('chooses the plural form by count and formats the number for the locale', () => {
    expect(translate('en', 'deadline.overdue', { count: 1 })).toBe('1 day overdue');
    expect(translate('en', 'deadline.overdue', { count: 1234 })).toBe('1,234 days overdue');
    expect(translate('es', 'deadline.overdue', { count: 1 })).toBe('1 día de retraso');
    // Spanish groups thousands with a dot from 10 000 on (CLDR minimumGroupingDigits 2).
    expect(translate('es', 'deadline.overdue', { count: 12345 })).toBe('12.345 días de retraso');
  });
  it('falls back to English, then to the key', () => {
    expect(translate('es', 'no.such.key')).toBe('no.such.key');
  });
  it('leaves unknown placeholders visible', () => {
    expect(interpolate('a {x} b {y}', { x: 'X' }, 'en')).toBe('a X b {y}');
  });
});

describe('detectLocale', () => {
  it('prefers a stored choice, then the browser languages, then English', () => {
    expect(detectLocale('es', ['en-US'])).toBe('es');
    expect(detectLocale(null, ['es-MX', 'en'])).toBe('es');
    expect(detectLocale(null, ['fr-FR', 'en-GB'])).toBe('en');
    expect(detectLocale('xx', ['de'])).toBe('en');
  });
});
