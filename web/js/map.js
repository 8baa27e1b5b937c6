// The incident map, offline: country boundaries from the world-atlas package (Natural Earth,
// public domain) served by this server, drawn as SVG in a plain longitude/latitude projection
// scaled for the latitude of the view. No tile server, no network. Markers are coloured by
// event type and sized by fatalities; the wheel zooms, a drag pans.

import { feature } from '/vendor/topojson-client/index.js';
import { clear, colourOf, h, s, TYPE_COLOURS } from './dom.js';

let worldPromise = null;
function loadWorld() {
  worldPromise ??= fetch('/vendor/world-atlas/countries-50m.json')
    .then((r) => r.json())
    .then((topo) => feature(topo, topo.objects.countries).features);
  return worldPromise;
}

/** Rings that cross the antimeridian (Russia, Fiji) are drawn east of it, not across the map. */
function ringPath(ring, project) {
  let shift = 0;
  for (let i = 1; i < ring.length; i++) if (Math.abs(ring[i][0] - ring[i - 1][0]) > 180) shift = 360;
  let d = '';
  ring.forEach(([lon, lat], i) => {
    const [x, y] = project(lon < 0 ? lon + shift : lon, lat);
    d += `${i ? 'L' : 'M'}${x.toFixed(2)},${y.toFixed(2)}`;
  });
  return d + 'Z';
}

function geomPath(g, project) {
  if (!g) return '';
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  return polys.map((p) => p.map((r) => ringPath(r, project)).join('')).join('');
}

export class IncidentMap {
  constructor(container, { onSelect, onBbox }) {
    this.container = container;
    this.onSelect = onSelect;
    this.onBbox = onBbox;
    this.k = Math.cos((30 * Math.PI) / 180);
    this.project = (lon, lat) => [lon * this.k, -lat];
    this.unproject = (x, y) => [x / this.k, -y];
    this.svg = s('svg', { class: 'map-svg', role: 'img', 'aria-label': 'map of incidents' });
    this.land = s('g', { class: 'land' });
    this.labels = s('g', { class: 'labels' });
    this.dots = s('g', { class: 'dots' });
    this.svg.append(this.land, this.labels, this.dots);
    const tools = h(
      'div',
      { class: 'map-tools' },
      h('button', { type: 'button', title: 'zoom in', onclick: () => this.zoom(0.6) }, '+'),
      h('button', { type: 'button', title: 'zoom out', onclick: () => this.zoom(1 / 0.6) }, '−'),
      h('button', { type: 'button', title: 'fit the incidents', onclick: () => this.fit() }, 'fit'),
      h('button', { type: 'button', title: 'show only the incidents in this area', onclick: () => this.onBbox?.(this.bbox()) }, 'filter to view'),
    );
    const legend = h(
      'div',
      { class: 'legend' },
      Object.entries(TYPE_COLOURS).map(([t, c]) => h('span', {}, swatch(c), t)),
      h('span', { class: 'muted' }, 'size: fatalities'),
    );
    clear(container).append(h('div', { class: 'map-wrap' }, this.svg, tools), legend);
    this.view = { x: 40, y: -45, w: 40, h: 25 };
    this.points = [];
    this.bindPanZoom();
  }

  async draw(geo) {
    const world = await loadWorld();
    if (!this.land.firstChild) {
      for (const f of world) {
        this.land.append(s('path', { d: geomPath(f.geometry, this.project), class: 'country' }, s('title', {}, f.properties?.name ?? '')));
        const at = labelPoint(f.geometry, this.project);
        if (at && f.properties?.name) this.labels.append(s('text', { x: at.x.toFixed(2), y: at.y.toFixed(2), 'data-w': at.w.toFixed(2), 'text-anchor': 'middle' }, f.properties.name));
      }
    }
    this.points = geo.features;
    clear(this.dots);
    // Biggest first, so small markers stay clickable on top.
    const sorted = [...geo.features].sort((a, b) => (b.properties.fatalities ?? 0) - (a.properties.fatalities ?? 0));
    for (const f of sorted) {
      const [lon, lat] = f.geometry.coordinates;
      const [x, y] = this.project(lon, lat);
      const p = f.properties;
      const c = s(
        'circle',
        { cx: x.toFixed(3), cy: y.toFixed(3), fill: colourOf(p.event_type), class: `dot${p.disputed ? ' disputed' : ''}`, 'data-id': f.id, 'data-f': p.fatalities ?? 0, tabindex: 0 },
        s('title', {}, `${p.event_date ?? '?'} · ${p.sub_event_type ?? p.event_type ?? ''} · ${[p.location, p.admin1, p.country].filter(Boolean).join(', ')} · ${p.fatalities ?? '?'} killed${p.disputed ? ' · disputed' : ''}`),
      );
      c.addEventListener('click', () => this.onSelect?.(f.id));
      c.addEventListener('keydown', (e) => e.key === 'Enter' && this.onSelect?.(f.id));
      this.dots.append(c);
    }
    if (!this.fitted) {
      this.fit();
      this.fitted = true;
    } else this.apply();
  }

  fit() {
    const pts = this.points.map((f) => this.project(...f.geometry.coordinates));
    if (pts.length === 0) {
      this.view = { x: 40 * this.k, y: -45, w: 40, h: 25 };
    } else {
      let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const [x, y] of pts) {
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x);
        y1 = Math.max(y1, y);
      }
      const pad = Math.max(2, (x1 - x0) * 0.15, (y1 - y0) * 0.15);
      this.view = { x: x0 - pad, y: y0 - pad, w: x1 - x0 + 2 * pad, h: y1 - y0 + 2 * pad };
    }
    this.apply();
  }

  /** The visible area as [minLon, minLat, maxLon, maxLat]. */
  bbox() {
    const [lon0, lat1] = this.unproject(this.view.x, this.view.y);
    const [lon1, lat0] = this.unproject(this.view.x + this.view.w, this.view.y + this.view.h);
    const r = (v) => Math.round(v * 1000) / 1000;
    return [r(Math.max(-180, lon0)), r(Math.max(-90, lat0)), r(Math.min(180, lon1)), r(Math.min(90, lat1))];
  }

  zoom(f, cx, cy) {
    const v = this.view;
    cx ??= v.x + v.w / 2;
    cy ??= v.y + v.h / 2;
    const w = Math.min(400, Math.max(0.2, v.w * f));
    const k = w / v.w;
    this.view = { x: cx - (cx - v.x) * k, y: cy - (cy - v.y) * k, w, h: v.h * k };
    this.apply();
  }

  apply() {
    const rect = this.svg.getBoundingClientRect();
    const ratio = rect.width > 0 && rect.height > 0 ? rect.height / rect.width : 0.55;
    // Keep the aspect of the element: widen the view rather than distort it.
    const v = this.view;
    let { w, h: hh } = v;
    if (hh / w < ratio) hh = w * ratio;
    else w = hh / ratio;
    this.view = { x: v.x - (w - v.w) / 2, y: v.y - (hh - v.h) / 2, w, h: hh };
    this.svg.setAttribute('viewBox', `${this.view.x} ${this.view.y} ${this.view.w} ${this.view.h}`);
    const unit = this.view.w / (rect.width || 800);
    this.land.setAttribute('stroke-width', String(unit * 0.7));
    // Country names where the country is wide enough on screen to hold one.
    this.labels.setAttribute('font-size', String(unit * 11));
    for (const t of this.labels.children) t.setAttribute('visibility', Number(t.getAttribute('data-w')) / unit > 70 ? 'visible' : 'hidden');
    for (const c of this.dots.children) {
      const f = Number(c.getAttribute('data-f')) || 0;
      c.setAttribute('r', String(unit * (4 + 2.2 * Math.sqrt(f))));
      c.setAttribute('stroke-width', String(unit * 1));
    }
  }

  bindPanZoom() {
    const toView = (e) => {
      const r = this.svg.getBoundingClientRect();
      return [this.view.x + ((e.clientX - r.left) / r.width) * this.view.w, this.view.y + ((e.clientY - r.top) / r.height) * this.view.h];
    };
    this.svg.addEventListener(
      'wheel',
      (e) => {
        e.preventDefault();
        const [x, y] = toView(e);
        this.zoom(e.deltaY > 0 ? 1.25 : 0.8, x, y);
      },
      { passive: false },
    );
    let drag = null;
    this.svg.addEventListener('pointerdown', (e) => {
      if (e.target.tagName === 'circle') return;
      drag = { x: e.clientX, y: e.clientY, v: { ...this.view } };
      this.svg.setPointerCapture(e.pointerId);
    });
    this.svg.addEventListener('pointermove', (e) => {
      if (!drag) return;
      const r = this.svg.getBoundingClientRect();
      const dx = ((e.clientX - drag.x) / r.width) * drag.v.w;
      const dy = ((e.clientY - drag.y) / r.height) * drag.v.h;
      this.view = { ...drag.v, x: drag.v.x - dx, y: drag.v.y - dy };
      this.svg.setAttribute('viewBox', `${this.view.x} ${this.view.y} ${this.view.w} ${this.view.h}`);
    });
    this.svg.addEventListener('pointerup', () => (drag = null));
    new ResizeObserver(() => this.apply()).observe(this.svg);
  }
}

/** Where to write a country's name: the middle of its largest polygon's box, and that box's width. */
function labelPoint(g, project) {
  const polys = g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? g.coordinates : [];
  let best = null;
  for (const p of polys) {
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [lon, lat] of p[0] ?? []) {
      const [x, y] = project(lon, lat);
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
    // Rings across the antimeridian would give a box around the world: not a place for a name.
    if (x1 - x0 > 180) continue;
    const area = (x1 - x0) * (y1 - y0);
    if (!best || area > best.area) best = { area, x: (x0 + x1) / 2, y: (y0 + y1) / 2, w: x1 - x0 };
  }
  return best;
}

function swatch(c) {
  const el = s('svg', { width: 12, height: 12, class: 'swatch' }, s('circle', { cx: 6, cy: 6, r: 5, fill: c }));
  return el;
}
