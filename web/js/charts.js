// Small SVG charts: the timeline (incidents stacked by event type, fatalities as a line, both
// with axes and ticks; drag across it to set the date filter), small multiples of monthly trends,
// horizontal bar lists, and the downloads of a table (CSV) or a chart (SVG, PNG).

import { clear, fmtNum, h, s, TYPE_COLOURS, colourOf } from './dom.js';
import { saveBlob } from './api.js';

/** Round tick values from 0 to at least max: 0, 5, 10 … or 0, 20, 40 … (4-6 ticks). */
export function ticks(max, n = 4) {
  if (max <= 0) return [0, 1];
  const raw = max / n;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((x) => x >= raw) ?? raw;
  const out = [];
  for (let v = 0; v < max + step * 0.999; v += step) out.push(Math.round(v * 1000) / 1000);
  return out;
}

/**
 * The timeline of the filtered incidents. `buckets` is [{key: 'YYYY-MM' or 'YYYY-MM-DD',
 * incidents, fatalities, types: {event_type: n}}]. Clicking a bar, or dragging across bars,
 * calls onPick(from, to) with the first and last day covered.
 */
export function timeline(container, buckets, { onPick } = {}) {
  clear(container);
  const known = buckets.filter((b) => b.key !== 'unknown');
  if (known.length === 0) {
    container.append(h('p', { class: 'muted' }, 'No dated incidents for these filters.'));
    return;
  }
  const W = 900;
  const H = 170;
  const pad = { l: 40, r: 44, t: 10, b: 26 };
  const iw = W - pad.l - pad.r;
  const ih = H - pad.t - pad.b;
  const yt = ticks(Math.max(...known.map((b) => b.incidents), 1));
  const ft = ticks(Math.max(...known.map((b) => b.fatalities), 1));
  const maxN = yt[yt.length - 1];
  const maxF = ft[ft.length - 1];
  const bw = iw / known.length;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'timeline-svg', role: 'img', 'aria-label': 'incidents by type and fatalities over time; drag to choose dates', xmlns: 'http://www.w3.org/2000/svg' });
  const y = (v) => pad.t + ih - (v / maxN) * ih;
  const fy = (v) => pad.t + ih - (v / maxF) * ih;
  // Axes: incidents on the left, fatalities on the right, each with its ticks and grid lines.
  for (const t of yt) {
    svg.append(s('line', { x1: pad.l, x2: W - pad.r, y1: y(t), y2: y(t), class: 'grid', stroke: '#e3e7ec' }));
    svg.append(s('text', { x: pad.l - 5, y: y(t) + 4, class: 'axis ytick', 'text-anchor': 'end', fill: '#6b7480', 'font-size': 11 }, fmtNum(t)));
  }
  for (const t of ft) svg.append(s('text', { x: W - pad.r + 5, y: fy(t) + 4, class: 'axis fat ftick', fill: '#b3261e', 'font-size': 11 }, fmtNum(t)));
  svg.append(s('line', { x1: pad.l, x2: pad.l, y1: pad.t, y2: pad.t + ih, stroke: '#9aa3ad' }), s('line', { x1: pad.l, x2: W - pad.r, y1: pad.t + ih, y2: pad.t + ih, stroke: '#9aa3ad' }));
  let line = '';
  const every = Math.ceil(known.length / 10);
  const types = Object.keys(TYPE_COLOURS);
  known.forEach((b, i) => {
    const x = pad.l + i * bw;
    // Stacked by event type, in the legend's order; a bucket without a breakdown is one bar.
    const parts = b.types ? [...types, ...Object.keys(b.types).filter((t) => !types.includes(t))].filter((t) => b.types[t]).map((t) => [t, b.types[t]]) : [['', b.incidents]];
    let acc = 0;
    const g = s('g', { class: 'bucket', 'data-key': b.key }, s('title', {}, `${b.key}: ${fmtNum(b.incidents)} incidents, ${fmtNum(b.fatalities)} fatalities${b.types ? '\n' + parts.map(([t, n]) => `${t}: ${n}`).join('\n') : ''}`));
    for (const [t, n] of parts) {
      g.append(s('rect', { x: x + bw * 0.1, y: y(acc + n), width: Math.max(1, bw * 0.8), height: Math.max(0, y(acc) - y(acc + n)), class: 'bar', fill: t ? colourOf(t) : '#7a9cc6', 'data-type': t }));
      acc += n;
    }
    svg.append(g);
    line += `${i ? 'L' : 'M'}${(x + bw / 2).toFixed(1)},${fy(b.fatalities).toFixed(1)}`;
    if (i % every === 0) {
      svg.append(s('line', { x1: x + bw / 2, x2: x + bw / 2, y1: pad.t + ih, y2: pad.t + ih + 4, stroke: '#9aa3ad' }));
      svg.append(s('text', { x: x + bw / 2, y: H - 6, class: 'axis xtick', 'text-anchor': 'middle', fill: '#6b7480', 'font-size': 11 }, b.key));
    }
  });
  svg.append(s('path', { d: line, class: 'fat-line', fill: 'none', stroke: '#b3261e', 'stroke-width': 2 }));
  // The brush: drag across the plot to choose a span of buckets.
  const brush = s('rect', { class: 'brush', x: 0, y: pad.t, width: 0, height: ih, visibility: 'hidden' });
  svg.append(brush);
  const bucketAt = (e) => {
    const r = svg.getBoundingClientRect();
    const vx = ((e.clientX - r.left) / r.width) * W;
    return Math.max(0, Math.min(known.length - 1, Math.floor((vx - pad.l) / bw)));
  };
  let start = null;
  svg.addEventListener('pointerdown', (e) => {
    start = bucketAt(e);
    svg.setPointerCapture(e.pointerId);
    draw(start, start);
  });
  const draw = (a, b) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    brush.setAttribute('x', String(pad.l + lo * bw));
    brush.setAttribute('width', String((hi - lo + 1) * bw));
    brush.setAttribute('visibility', 'visible');
  };
  svg.addEventListener('pointermove', (e) => start !== null && draw(start, bucketAt(e)));
  svg.addEventListener('pointerup', (e) => {
    if (start === null) return;
    const end = bucketAt(e);
    const [lo, hi] = start <= end ? [start, end] : [end, start];
    start = null;
    onPick?.(range(known[lo].key)[0], range(known[hi].key)[1]);
  });
  container.append(
    svg,
    h(
      'div',
      { class: 'legend' },
      types.filter((t) => known.some((b) => b.types?.[t])).map((t) => h('span', {}, h('i', { class: 'key', 'data-colour': t }, swatchOf(t)), t)),
      h('span', {}, h('i', { class: 'key fat' }), 'fatalities (right axis)'),
      h('span', { class: 'muted' }, 'drag across bars, or click one, to filter to those dates'),
    ),
  );
}

function swatchOf(t) {
  return s('svg', { width: 10, height: 10 }, s('rect', { width: 10, height: 10, fill: colourOf(t) }));
}

/** 'YYYY-MM' → its first and last day; 'YYYY-MM-DD' → that day twice. */
export function range(key) {
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

/**
 * Small multiples: one small line chart per series, on one shared month axis and each with its
 * own peak, as the think tanks' monthly reports draw trends. series: [{name, values: {month: n}}].
 */
export function smallMultiples(months, series, { colour = () => '#1f5fa8', label = 'incidents' } = {}) {
  const W = 220;
  const H = 70;
  const pad = { l: 4, r: 4, t: 16, b: 12 };
  const svg = s('svg', { viewBox: `0 0 ${W * Math.min(3, series.length)} ${H * Math.ceil(series.length / 3)}`, class: 'multiples', role: 'img', 'aria-label': `monthly ${label}, one chart each`, xmlns: 'http://www.w3.org/2000/svg' });
  series.forEach((ser, k) => {
    const ox = (k % 3) * W;
    const oy = Math.floor(k / 3) * H;
    const vals = months.map((m) => ser.values[m] ?? 0);
    const max = Math.max(1, ...vals);
    const iw = W - pad.l - pad.r - 10;
    const ih = H - pad.t - pad.b;
    const x = (i) => ox + pad.l + (months.length <= 1 ? iw / 2 : (i / (months.length - 1)) * iw);
    const y = (v) => oy + pad.t + ih - (v / max) * ih;
    const d = vals.map((v, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join('');
    const g = s('g', { class: 'multiple', 'data-name': ser.name });
    g.append(
      s('text', { x: ox + pad.l, y: oy + 11, 'font-size': 11, fill: '#1d2430' }, `${ser.name.length > 30 ? ser.name.slice(0, 29) + '…' : ser.name} · peak ${fmtNum(max)}`),
      s('line', { x1: ox + pad.l, x2: ox + pad.l + iw, y1: oy + pad.t + ih, y2: oy + pad.t + ih, stroke: '#c9cfd6' }),
      s('path', { d, fill: 'none', stroke: colour(ser.name), 'stroke-width': 1.8 }),
      s('title', {}, `${ser.name}: ${months.map((m, i) => `${m} ${vals[i]}`).join(', ')}`),
    );
    svg.append(g);
  });
  return svg;
}

// --- downloads -----------------------------------------------------------------------------------

/** OWASP's rule for CSV injection: a text cell that a spreadsheet would run gets an apostrophe. */
export function csvCell(v) {
  if (v === null || v === undefined) return '';
  let t = typeof v === 'number' ? String(v) : String(v);
  if (typeof v !== 'number' && /^[=+\-@\t\r]/.test(t)) t = `'${t}`;
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

export function toCsv(header, rows) {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}


export function saveCsv(filename, header, rows) {
  saveBlob(new Blob([toCsv(header, rows)], { type: 'text/csv;charset=utf-8' }), filename);
}

export function saveSvg(svg, filename) {
  const text = new XMLSerializer().serializeToString(svg);
  saveBlob(new Blob([text], { type: 'image/svg+xml' }), filename);
}

/** The chart drawn on a canvas at twice its size, as a PNG. */
export function savePng(svg, filename) {
  const vb = svg.viewBox.baseVal;
  const text = new XMLSerializer().serializeToString(svg);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  const img = new Image();
  img.onload = () => {
    const c = document.createElement('canvas');
    c.width = vb.width * 2;
    c.height = vb.height * 2;
    const ctx = c.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, c.width, c.height);
    ctx.drawImage(img, 0, 0, c.width, c.height);
    URL.revokeObjectURL(url);
    c.toBlob((b) => saveBlob(b, filename), 'image/png');
  };
  img.src = url;
}

/** The buttons under a table or a chart. */
export function downloads({ csv, svg, name }) {
  return h(
    'div',
    { class: 'downloads' },
    csv ? h('button', { type: 'button', 'data-download': 'csv', onclick: () => saveCsv(`${name}.csv`, ...csv()) }, 'CSV') : null,
    svg ? h('button', { type: 'button', 'data-download': 'svg', onclick: () => saveSvg(svg(), `${name}.svg`) }, 'SVG') : null,
    svg ? h('button', { type: 'button', 'data-download': 'png', onclick: () => savePng(svg(), `${name}.png`) }, 'PNG') : null,
  );
}
