// The waterfall chart of one pair (model/waterfall.ts): a horizontal bar per
// step from its running start to its end, green when it raises the weight,
// red when it lowers it, and a table with the same figures.

import { h, s } from '../dom';
import { formatNumber, formatPercent, t, tOr } from '../i18n';
import { extent, probability, steps, type ComparisonPart, type Explanation } from '../model/waterfall';

function num(n: number): string {
  return new Intl.NumberFormat(document.documentElement.lang || 'en', { maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(n);
}

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

export function waterfall(x: Explanation | ComparisonPart[], id: string): HTMLElement {
  const list = steps(x);
  const [lo, hi] = extent(list);
  const rowH = 26;
  const labelW = 170;
  const width = 640;
  const plotW = width - labelW - 60;
  const height = list.length * rowH + 24;
  const X = (v: number): number => labelW + ((v - lo) / (hi - lo)) * plotW;
  const label = (st: (typeof list)[number]): string =>
    st.kind === 'prior' ? t('waterfall.prior') : st.kind === 'total' ? t('waterfall.total') : tOr(`comparison.${st.label}`, st.label);
  const final = list[list.length - 1]!;
  const svg = s(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${id}-t`, class: 'waterfall', focusable: 'false' },
    s('title', { id: `${id}-t` }, t('waterfall.title')),
    s('line', { x1: X(0), x2: X(0), y1: 0, y2: height - 20, class: 'axis' }),
    list.map((st, i) => {
      const y = i * rowH + 4;
      const a = X(Math.min(st.start, st.end));
      const b = X(Math.max(st.start, st.end));
      const cls = st.kind === 'total' ? 'bar total' : st.weight >= 0 ? 'bar up' : 'bar down';
      return [
        s('text', { x: labelW - 8, y: y + 15, 'text-anchor': 'end', class: 'tick' }, label(st)),
        s('rect', { x: a, y, width: Math.max(1, b - a), height: rowH - 8, class: cls }),
        s('text', { x: b + 4, y: y + 15, class: 'tick' }, num(st.weight)),
      ];
    }),
  );
  return h(
    'figure',
    { class: 'waterfall-figure', 'data-testid': id },
    svg,
    h(
      'figcaption',
      null,
      t('waterfall.caption', { weight: num(final.end), probability: formatPercent(probability(final.end)) }),
    ),
    h(
      'table',
      { class: 'compact' },
      h('caption', { class: 'visually-hidden' }, t('waterfall.title')),
      h(
        'thead',
        null,
        h('tr', null, [t('waterfall.step'), t('waterfall.level'), t('waterfall.left'), t('waterfall.right'), t('waterfall.weight')].map((c) => h('th', { scope: 'col' }, c))),
      ),
      h(
        'tbody',
        null,
        list.map((st) =>
          h(
            'tr',
            { class: st.kind },
            h('th', { scope: 'row' }, label(st)),
            h('td', null, st.level ? tOr(`level.${st.level}`, st.level) : ''),
            h('td', null, st.kind === 'comparison' ? show(st.left) : ''),
            h('td', null, st.kind === 'comparison' ? show(st.right) : ''),
            h('td', { class: 'num' }, num(st.weight)),
          ),
        ),
      ),
    ),
    h('p', { class: 'muted small' }, t('waterfall.explain', { n: formatNumber(list.length - 1) })),
  );
}
