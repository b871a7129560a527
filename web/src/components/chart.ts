// A line chart of monthly counts, drawn as SVG by this code (no library):
// axes with "nice" ticks, one line per series, and the same numbers in a
// table for screen readers and for anyone who prefers figures.

import { h, s } from '../dom';
import { formatMonth, formatNumber } from '../i18n';

/** Round tick values from 0 covering `max`: steps of 1, 2 or 5 × 10^k, about `target` of them. */
export function niceTicks(max: number, target = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  const step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * mag;
  const ticks: number[] = [];
  for (let v = 0; v < max + step; v += step) {
    ticks.push(Math.round(v * 1e9) / 1e9);
    if (v >= max) break;
  }
  return ticks;
}

export interface Series {
  name: string;
  className: string;
  values: number[];
}

export interface Layout {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const LAYOUT: Layout = { width: 640, height: 260, left: 48, right: 36, top: 16, bottom: 40 };

/** The SVG path "M x y L x y ..." of `values` scaled into the plot area. */
export function linePath(values: readonly number[], yMax: number, layout: Layout = LAYOUT): string {
  const w = layout.width - layout.left - layout.right;
  const hgt = layout.height - layout.top - layout.bottom;
  const n = values.length;
  return values
    .map((v, i) => {
      const x = layout.left + (n === 1 ? w / 2 : (i * w) / (n - 1));
      const y = layout.top + hgt - (yMax > 0 ? (v / yMax) * hgt : 0);
      return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`;
    })
    .join(' ');
}

export function lineChart(title: string, months: string[], series: Series[], id: string): HTMLElement {
  const L = LAYOUT;
  const max = Math.max(0, ...series.flatMap((x) => x.values));
  const ticks = niceTicks(max);
  const yMax = ticks[ticks.length - 1] ?? 1;
  const plotH = L.height - L.top - L.bottom;
  const plotW = L.width - L.left - L.right;
  const every = Math.max(1, Math.ceil(months.length / 8));
  const svg = s(
    'svg',
    { viewBox: `0 0 ${L.width} ${L.height}`, role: 'img', 'aria-labelledby': `${id}-title`, class: 'chart', focusable: 'false' },
    s('title', { id: `${id}-title` }, title),
    ticks.map((tk) => {
      const y = L.top + plotH - (tk / yMax) * plotH;
      return [
        s('line', { x1: L.left, x2: L.width - L.right, y1: y, y2: y, class: 'grid' }),
        s('text', { x: L.left - 6, y: y + 4, class: 'tick', 'text-anchor': 'end' }, formatNumber(tk)),
      ];
    }),
    months.map((m, i) =>
      i % every === 0
        ? s(
            'text',
            { x: L.left + (months.length === 1 ? plotW / 2 : (i * plotW) / (months.length - 1)), y: L.height - L.bottom + 18, class: 'tick', 'text-anchor': 'middle' },
            formatMonth(m),
          )
        : null,
    ),
    series.map((x) => s('path', { d: linePath(x.values, yMax), class: `line ${x.className}` })),
  );
  const legend = h(
    'ul',
    { class: 'legend', 'aria-hidden': 'true' },
    series.map((x) => h('li', null, h('span', { class: `swatch ${x.className}` }), x.name)),
  );
  const tableEl = h(
    'details',
    { class: 'chart-data' },
    h('summary', null, title),
    h(
      'table',
      null,
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, ''), series.map((x) => h('th', { scope: 'col', class: 'num' }, x.name)))),
      h(
        'tbody',
        null,
        months.map((m, i) => h('tr', null, h('th', { scope: 'row' }, formatMonth(m)), series.map((x) => h('td', { class: 'num' }, formatNumber(x.values[i] ?? 0))))),
      ),
    ),
  );
  return h('figure', { class: 'chart-figure', 'data-testid': id }, svg, legend, tableEl);
}
