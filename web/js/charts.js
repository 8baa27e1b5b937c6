// Small SVG charts: the timeline (incidents as bars, fatalities as a line, by month or by day)
// and horizontal bar lists for the stats page.

import { clear, fmtNum, h, s } from './dom.js';

/**
 * The timeline of the filtered incidents. `buckets` is [{key: 'YYYY-MM' or 'YYYY-MM-DD',
 * incidents, fatalities}]; clicking a bar calls onPick(from, to) with its dates.
 */
export function timeline(container, buckets, { onPick } = {}) {
  clear(container);
  const known = buckets.filter((b) => b.key !== 'unknown');
  if (known.length === 0) {
    container.append(h('p', { class: 'muted' }, 'No dated incidents for these filters.'));
    return;
  }
  const W = 900;
  const H = 150;
  const pad = { l: 34, r: 40, t: 10, b: 22 };
  const iw = W - pad.l - pad.r;
  const ih = H - pad.t - pad.b;
  const maxN = Math.max(...known.map((b) => b.incidents), 1);
  const maxF = Math.max(...known.map((b) => b.fatalities), 1);
  const bw = iw / known.length;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'timeline-svg', role: 'img', 'aria-label': 'incidents and fatalities over time' });
  svg.append(s('text', { x: 2, y: pad.t + 8, class: 'axis' }, fmtNum(maxN)), s('text', { x: W - pad.r + 4, y: pad.t + 8, class: 'axis fat' }, fmtNum(maxF)));
  let line = '';
  const every = Math.ceil(known.length / 12);
  known.forEach((b, i) => {
    const x = pad.l + i * bw;
    const bh = (b.incidents / maxN) * ih;
    const bar = s(
      'rect',
      { x: x + bw * 0.1, y: pad.t + ih - bh, width: Math.max(1, bw * 0.8), height: bh, class: 'bar', 'data-key': b.key },
      s('title', {}, `${b.key}: ${fmtNum(b.incidents)} incidents, ${fmtNum(b.fatalities)} fatalities`),
    );
    bar.addEventListener('click', () => onPick?.(...range(b.key)));
    svg.append(bar);
    const fy = pad.t + ih - (b.fatalities / maxF) * ih;
    line += `${i ? 'L' : 'M'}${(x + bw / 2).toFixed(1)},${fy.toFixed(1)}`;
    if (i % every === 0) svg.append(s('text', { x: x + bw / 2, y: H - 6, class: 'axis', 'text-anchor': 'middle' }, b.key));
  });
  svg.append(s('path', { d: line, class: 'fat-line' }));
  container.append(svg, h('div', { class: 'legend' }, h('span', {}, h('i', { class: 'key bar' }), 'incidents'), h('span', {}, h('i', { class: 'key fat' }), 'fatalities'), h('span', { class: 'muted' }, 'click a bar to filter to it')));
}

/** 'YYYY-MM' → its first and last day; 'YYYY-MM-DD' → that day twice. */
function range(key) {
  if (key.length === 10) return [key, key];
  const [y, m] = key.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return [`${key}-01`, `${key}-${String(last).padStart(2, '0')}`];
}

/** A list of labelled horizontal bars: [{label, value, extra}] */
export function barList(items, { max } = {}) {
  const m = max ?? Math.max(1, ...items.map((i) => i.value));
  return h(
    'table',
    { class: 'bars' },
    h('tbody', {}, items.map((i) => {
      const bar = h('div', { class: 'hbar' });
      bar.style.width = `${Math.max(0.5, (i.value / m) * 100)}%`;
      return h('tr', {}, h('th', {}, i.label), h('td', { class: 'num' }, fmtNum(i.value)), h('td', { class: 'num muted' }, i.extra ?? ''), h('td', { class: 'barcell' }, bar));
    })),
  );
}
