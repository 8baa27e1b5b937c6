// The incident map, offline: country boundaries from the world-atlas package (Natural Earth,
// public domain), province (admin1) boundaries and town names built by scripts/build-map.ts into
// /map-data/, drawn as SVG in a plain longitude/latitude projection scaled for the latitude of
// the view. No tile server, no network. Markers are clustered by the server with supercluster
// (GET /api/map/clusters: only the view's clusters travel, not every incident; a count per
// cluster, a click zooms into it), coloured by event type and sized by fatalities; a density view
// shades a grid by the number of incidents; hovering shows a card; a scale bar gives distances.
// Provinces appear as one zooms in, then town names (capitals first, smaller towns deeper).

import feature from '/vendor/topojson-client/feature.js';
import { api } from './api.js';
import { clear, colourOf, fmtNum, h, s, TYPE_COLOURS } from './dom.js';

let worldPromise = null;
function loadWorld() {
  // The 1:110m outlines (a seventh of the 1:50m's bytes and points): the provinces' own outlines
  // give the detail when zoomed in.
  worldPromise ??= fetch('/vendor/world-atlas/countries-110m.json')
    .then((r) => r.json())
    .then((topo) => feature(topo, topo.objects.countries).features);
  return worldPromise;
}

let admin1Promise = null;
function loadAdmin1() {
  admin1Promise ??= fetch('/map-data/admin1.topo.json')
    .then((r) => r.json())
    .then((topo) => feature(topo, topo.objects.admin1).features.map((f) => ({ ...f, box: boxOf(f.geometry) })));
  return admin1Promise;
}

let citiesPromise = null;
function loadCities() {
  citiesPromise ??= fetch('/map-data/cities.json')
    .then((r) => r.json())
    .then((j) => j.cities);
  return citiesPromise;
}

function polysOf(g) {
  return g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? g.coordinates : [];
}

/** [minLon, minLat, maxLon, maxLat] of a geometry (rings across the antimeridian skipped). */
function boxOf(g) {
  let b = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of polysOf(g)) {
    let pb = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [lon, lat] of p[0] ?? []) pb = [Math.min(pb[0], lon), Math.min(pb[1], lat), Math.max(pb[2], lon), Math.max(pb[3], lat)];
    if (pb[2] - pb[0] > 180) continue;
    b = [Math.min(b[0], pb[0]), Math.min(b[1], pb[1]), Math.max(b[2], pb[2]), Math.max(b[3], pb[3])];
  }
  return b;
}

/** Rings that cross the antimeridian (Russia, Fiji) are drawn east of it, not across the map. */
function ringPath(ring, project) {
  let shift = 0;
  for (let i = 1; i < ring.length; i++) if (Math.abs(ring[i][0] - ring[i - 1][0]) > 180) shift = 360;
  let d = '';
  ring.forEach(([lon, lat], i) => {
    const [x, y] = project(lon < 0 ? lon + shift : lon, lat);
    d += `${i ? 'L' : 'M'}${x.toFixed(3)},${y.toFixed(3)}`;
  });
  return d + 'Z';
}

function geomPath(g, project) {
  return polysOf(g)
    .map((p) => p.map((r) => ringPath(r, project)).join(''))
    .join('');
}

/** 1, 2, 5, 10, 20, 50 … the largest at most x. */
function niceBelow(x) {
  const mag = 10 ** Math.floor(Math.log10(x));
  return [5, 2, 1].map((m) => m * mag).find((v) => v <= x) ?? mag;
}

export class IncidentMap {
  constructor(container, { onSelect, onBbox, query = '' }) {
    this.container = container;
    this.query = query;
    this.onSelect = onSelect;
    this.onBbox = onBbox;
    this.k = Math.cos((30 * Math.PI) / 180);
    this.project = (lon, lat) => [lon * this.k, -lat];
    this.unproject = (x, y) => [x / this.k, -y];
    this.mode = sessionStorage.getItem('sitrep-map-mode') ?? 'clusters';
    this.svg = s('svg', { class: 'map-svg', role: 'img', 'aria-label': 'map of incidents' });
    this.land = s('g', { class: 'land' });
    this.admin1 = s('g', { class: 'admin1' });
    this.labels = s('g', { class: 'labels' });
    this.provLabels = s('g', { class: 'prov-labels' });
    this.towns = s('g', { class: 'towns' });
    this.density = s('g', { class: 'density' });
    this.dots = s('g', { class: 'dots' });
    this.svg.append(this.land, this.admin1, this.labels, this.density, this.provLabels, this.towns, this.dots);
    this.card = h('div', { class: 'hovercard', hidden: true, role: 'tooltip' });
    this.scale = h('div', { class: 'scalebar' }, h('div', { class: 'scale-line' }), h('span', { class: 'scale-text' }));
    const modeBtn = h('button', { type: 'button', class: 'mode', title: 'markers clustered by place, or a shaded grid of how many incidents', onclick: () => this.setMode(this.mode === 'density' ? 'clusters' : 'density') }, this.mode === 'density' ? 'markers' : 'density');
    this.modeBtn = modeBtn;
    const tools = h(
      'div',
      { class: 'map-tools' },
      h('button', { type: 'button', title: 'zoom in', 'aria-label': 'zoom in', onclick: () => this.zoom(0.6) }, '+'),
      h('button', { type: 'button', title: 'zoom out', 'aria-label': 'zoom out', onclick: () => this.zoom(1 / 0.6) }, '−'),
      h('button', { type: 'button', title: 'fit the incidents', onclick: () => this.fit() }, 'fit'),
      modeBtn,
      h('button', { type: 'button', title: 'show only the incidents in this area', onclick: () => this.onBbox?.(this.bbox()) }, 'filter to view'),
    );
    const legend = h(
      'div',
      { class: 'legend' },
      Object.entries(TYPE_COLOURS).map(([t, c]) => h('span', {}, swatch(c), t)),
      h('span', { class: 'muted' }, 'size: fatalities · number: incidents in a cluster'),
    );
    clear(container).append(h('div', { class: 'map-wrap' }, this.svg, tools, this.scale, this.card), legend);
    this.view = { x: 40, y: -45, w: 40, h: 25 };
    this.provPaths = new Map();
    this.bindPanZoom();
  }

  setMode(m) {
    this.mode = m;
    sessionStorage.setItem('sitrep-map-mode', m);
    this.modeBtn.textContent = m === 'density' ? 'markers' : 'density';
    this.apply();
  }

  async draw({ country, admin1 } = {}) {
    // The filter's extent first: the view's markers are asked for as soon as the view is known,
    // and the country outlines are drawn while they come (the outlines are needed first only to
    // fit a country).
    const worldP = loadWorld();
    const first = await api(`/map/clusters?${this.query}${this.query ? '&' : ''}zoom=0`);
    this.total = first.total;
    this.extent = first.extent;
    let fitted = false;
    this.selected = admin1 ?? null;
    this.placed = true;
    if (admin1) fitted = await this.fitProvince(admin1, country);
    if (!fitted && country && !country.includes(',')) {
      this.world = await worldP;
      fitted = this.fitCountry(country);
    }
    if (!fitted) this.fit();
    this.world = await worldP;
    if (!this.land.firstChild) {
      for (const f of this.world) {
        this.land.append(s('path', { d: geomPath(f.geometry, this.project), class: 'country', 'data-name': f.properties?.name ?? '' }));
        const at = labelPoint(f.geometry, this.project);
        if (at && f.properties?.name) this.labels.append(s('text', { x: at.x.toFixed(2), y: at.y.toFixed(2), 'data-w': at.w.toFixed(2), 'text-anchor': 'middle' }, f.properties.name));
      }
      this.showLabels();
    }
    await this.markersDrawn;
  }

  fit() {
    if (!this.extent) this.view = { x: 40 * this.k, y: -45, w: 40, h: 25 };
    else {
      const [x0, y0] = this.project(this.extent[0], this.extent[3]);
      const [x1, y1] = this.project(this.extent[2], this.extent[1]);
      const pad = Math.max(2, (x1 - x0) * 0.15, (y1 - y0) * 0.15);
      this.view = { x: x0 - pad, y: y0 - pad, w: x1 - x0 + 2 * pad, h: y1 - y0 + 2 * pad };
    }
    this.apply();
  }

  /** Show a box [minLon, minLat, maxLon, maxLat] with a margin. */
  fitBox(b) {
    const [x0, y0] = this.project(b[0], b[3]);
    const [x1, y1] = this.project(b[2], b[1]);
    const pad = Math.max(0.05, (x1 - x0) * 0.08, (y1 - y0) * 0.08);
    this.view = { x: x0 - pad, y: y0 - pad, w: x1 - x0 + 2 * pad, h: y1 - y0 + 2 * pad };
    this.apply();
  }

  /** The country filter shows the whole country (not just where its incidents are). */
  fitCountry(name) {
    const f = this.world?.find((c) => (c.properties?.name ?? '').toLowerCase() === name.toLowerCase());
    if (!f) return false;
    const b = boxOf(f.geometry);
    if (!Number.isFinite(b[0])) return false;
    this.fitBox(b);
    return true;
  }

  async fitProvince(name, country) {
    const all = await loadAdmin1();
    const fs = all.filter((f) => f.properties.name.toLowerCase() === name.toLowerCase() && (!country || f.properties.country.toLowerCase() === country.toLowerCase()));
    if (fs.length === 0) return false;
    const b = fs.map((f) => f.box).reduce((a, x) => [Math.min(a[0], x[0]), Math.min(a[1], x[1]), Math.max(a[2], x[2]), Math.max(a[3], x[3])]);
    this.fitBox(b);
    return true;
  }

  /** The visible area as [minLon, minLat, maxLon, maxLat]. */
  bbox() {
    const [lon0, lat1] = this.unproject(this.view.x, this.view.y);
    const [lon1, lat0] = this.unproject(this.view.x + this.view.w, this.view.y + this.view.h);
    const r = (v) => Math.round(v * 1000) / 1000;
    return [r(Math.max(-180, lon0)), r(Math.max(-90, lat0)), r(Math.min(180, lon1)), r(Math.min(90, lat1))];
  }

  /** Degrees of longitude across the view. */
  span() {
    return this.view.w / this.k;
  }

  zoom(f, cx, cy) {
    const v = this.view;
    cx ??= v.x + v.w / 2;
    cy ??= v.y + v.h / 2;
    const w = Math.min(400, Math.max(0.05, v.w * f));
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
    this.unit = this.view.w / (rect.width || 800);
    const unit = this.unit;
    this.land.setAttribute('stroke-width', String(unit * 0.8));
    this.admin1.setAttribute('stroke-width', String(unit * 0.6));
    this.showLabels();
    this.drawMarkers();
    this.drawScale(rect.width || 800);
    // Boundaries and town names after the markers: the incidents come first.
    this.markersDrawn.then(() => {
      this.drawProvinces();
      this.drawTowns();
    });
  }

  /** Country names where the country is wide enough on screen to hold one. */
  showLabels() {
    const unit = this.unit;
    this.labels.setAttribute('font-size', String(unit * 11));
    for (const t of this.labels.children) t.setAttribute('visibility', Number(t.getAttribute('data-w')) / unit > 70 ? 'visible' : 'hidden');
  }

  /** Clusters and single incidents for the view's zoom, or the density grid, from the server. */
  drawMarkers() {
    this.markersDrawn = this.fetchMarkers().catch(() => {});
  }

  async fetchMarkers() {
    const gen = (this.markerGen = (this.markerGen ?? 0) + 1);
    const unit = this.unit;
    const [w, sth, e, n] = this.bbox();
    const view = `view=${w},${sth},${e},${n}`;
    const q = `${this.query}${this.query ? '&' : ''}${view}`;
    if (this.mode === 'density') {
      // Cells of about 18 pixels.
      const cell = Math.max(0.001, Math.min(45, (unit * 18) / this.k));
      const grid = await api(`/map/clusters?${q}&mode=density&cell=${cell.toFixed(4)}`);
      if (gen !== this.markerGen) return;
      clear(this.dots);
      clear(this.density);
      return this.drawDensity(grid);
    }
    // supercluster's zoom z has 512·2^z pixels round the world; match the screen's pixels.
    const pxPerDeg = 1 / (unit / this.k);
    const z = Math.max(0, Math.min(15, Math.floor(Math.log2((pxPerDeg * 360) / 512))));
    const r = await api(`/map/clusters?${q}&zoom=${z}`);
    if (gen !== this.markerGen) return;
    clear(this.dots);
    clear(this.density);
    const items = r.items;
    // Biggest first, so small markers stay clickable on top.
    items.sort((a, b) => (b.count ?? 1) - (a.count ?? 1) || (b.fatalities ?? 0) - (a.fatalities ?? 0));
    for (const it of items) {
      const [x, y] = this.project(it.lon, it.lat);
      if (it.cluster !== undefined) {
        const rad = unit * (10 + 4 * Math.log2(it.count));
        const top = Object.entries(it.types).sort((a, b) => b[1] - a[1])[0]?.[0];
        const g = s('g', { class: 'cluster', tabindex: 0, 'data-count': it.count, 'data-cluster': it.cluster });
        g.append(
          s('circle', { cx: x, cy: y, r: rad, fill: colourOf(top), 'stroke-width': unit * 1.5 }),
          s('text', { x, y: y + unit * 4, 'font-size': unit * 11, 'text-anchor': 'middle' }, fmtNum(it.count)),
        );
        const open = () => {
          // The zoom at which the cluster comes apart, as a view width: 512·2^z pixels round the world.
          const zz = Math.min(it.expansion_zoom, 16);
          const px = this.svg.getBoundingClientRect().width || 800;
          const nw = Math.max(0.05, Math.min(this.view.w * 0.9, ((px * 360) / (512 * 2 ** zz)) * this.k));
          const nh = (nw * this.view.h) / this.view.w;
          this.view = { x: x - nw / 2, y: y - nh / 2, w: nw, h: nh };
          this.apply();
        };
        g.addEventListener('click', open);
        g.addEventListener('keydown', (ev) => ev.key === 'Enter' && open());
        this.hover(g, () => this.clusterCard(it));
        this.dots.append(g);
      } else {
        const c = s('circle', {
          cx: x.toFixed(4),
          cy: y.toFixed(4),
          r: unit * (4 + 2.2 * Math.sqrt(it.fatalities ?? 0)),
          'stroke-width': unit,
          fill: colourOf(it.event_type),
          class: `dot${it.disputed ? ' disputed' : ''}`,
          'data-id': it.id,
          'data-f': it.fatalities ?? 0,
          tabindex: 0,
          'aria-label': `${it.event_date ?? '?'} ${it.sub_event_type ?? it.event_type ?? ''} ${it.place ?? ''}`,
        });
        c.addEventListener('click', () => this.onSelect?.(it.id));
        c.addEventListener('keydown', (ev) => ev.key === 'Enter' && this.onSelect?.(it.id));
        this.hover(c, () => this.pointCard(it));
        this.dots.append(c);
      }
    }
  }

  /** The server's grid of counts, each cell shaded by its share of the busiest. */
  drawDensity(grid) {
    const max = Math.max(1, ...grid.cells.map((c) => c.count));
    for (const cell of grid.cells) {
      const [x0, y0] = this.project(cell.lon, cell.lat + grid.cell);
      const n = cell.count;
      const r = s('rect', { x: x0, y: y0, width: grid.cell * this.k, height: grid.cell, class: 'cell', 'fill-opacity': (0.25 + 0.7 * Math.sqrt(n / max)).toFixed(2), 'data-n': n });
      this.hover(r, () => [h('strong', {}, `${fmtNum(n)} incident${n === 1 ? '' : 's'}`), h('div', { class: 'muted' }, 'in this cell')]);
      this.density.append(r);
    }
  }

  /** Provinces where the view is narrower than 40° of longitude; their names below 20°; the filter's province shaded. */
  async drawProvinces() {
    const span = this.span();
    if (span > 40) {
      this.admin1.setAttribute('visibility', 'hidden');
      this.provLabels.setAttribute('visibility', 'hidden');
      return;
    }
    this.admin1.setAttribute('visibility', 'visible');
    const gen = (this.provGen = (this.provGen ?? 0) + 1);
    // The boundaries (2 MB) load once the page has drawn its incidents, not before.
    if (!admin1Promise && document.body.dataset.ready !== 'true') {
      setTimeout(() => gen === this.provGen && this.drawProvinces(), 250);
      return;
    }
    const all = await loadAdmin1();
    // A later redraw started while the boundaries loaded: it draws, not this one.
    if (gen !== this.provGen) return;
    const [w, sth, e, n] = this.bbox();
    clear(this.provLabels);
    this.provLabels.setAttribute('visibility', span < 20 ? 'visible' : 'hidden');
    this.provLabels.setAttribute('font-size', String(this.unit * 11));
    for (const f of all) {
      const b = f.box;
      if (b[2] < w || b[0] > e || b[3] < sth || b[1] > n) continue;
      const key = `${f.properties.country}|${f.properties.name}|${b.join(',')}`;
      if (!this.provPaths.has(key)) {
        const p = s('path', { d: geomPath(f.geometry, this.project), class: 'province', 'data-name': f.properties.name, 'data-country': f.properties.country });
        this.provPaths.set(key, p);
        this.admin1.append(p);
      }
      const sel = this.selected && f.properties.name.toLowerCase() === this.selected.toLowerCase();
      this.provPaths.get(key).classList.toggle('selected', !!sel);
      if (span < 20 && (b[2] - b[0]) / span > 0.08) {
        const [x, y] = this.project((b[0] + b[2]) / 2, (b[1] + b[3]) / 2);
        this.provLabels.append(s('text', { x, y, 'text-anchor': 'middle', class: 'prov-label' }, f.properties.name));
      }
    }
  }

  /** Town names by zoom: capitals and big cities first, provincial seats and smaller towns deeper in. */
  async drawTowns() {
    const span = this.span();
    const level = span < 6 ? 2 : span < 20 ? 1 : span < 70 ? 0 : -1;
    const gen = (this.townGen = (this.townGen ?? 0) + 1);
    clear(this.towns);
    if (level < 0) return;
    // Town names load once the page has drawn its incidents, not before.
    if (!citiesPromise && document.body.dataset.ready !== 'true') {
      setTimeout(() => gen === this.townGen && this.drawTowns(), 250);
      return;
    }
    const cities = await loadCities();
    if (gen !== this.townGen) return;
    clear(this.towns);
    const [w, sth, e, n] = this.bbox();
    this.towns.setAttribute('font-size', String(this.unit * 11));
    let shown = 0;
    for (const [name, lon, lat, min] of cities) {
      if (min > level || lon < w || lon > e || lat < sth || lat > n) continue;
      const [x, y] = this.project(lon, lat);
      this.towns.append(s('circle', { cx: x, cy: y, r: this.unit * 2.2, class: 'town-dot' }), s('text', { x: x + this.unit * 4, y: y - this.unit * 3, class: 'town' }, name));
      if (++shown >= 80) break;
    }
  }

  drawScale(widthPx) {
    const [lon0, lat0] = this.unproject(this.view.x + this.view.w / 2, this.view.y + this.view.h / 2);
    void lon0;
    const kmPerPx = (this.unit / this.k) * 111.32 * Math.cos((lat0 * Math.PI) / 180);
    const km = niceBelow(kmPerPx * Math.min(120, widthPx / 4));
    const px = km / kmPerPx;
    this.scale.querySelector('.scale-line').style.width = `${px.toFixed(0)}px`;
    this.scale.querySelector('.scale-text').textContent = `${fmtNum(km)} km`;
  }

  hover(el, content) {
    el.addEventListener('pointerenter', (e) => this.showCard(e, content()));
    el.addEventListener('focus', () => {
      const r = el.getBoundingClientRect();
      this.showCard({ clientX: r.right, clientY: r.bottom }, content());
    });
    el.addEventListener('pointerleave', () => (this.card.hidden = true));
    el.addEventListener('blur', () => (this.card.hidden = true));
  }

  showCard(e, content) {
    const wrap = this.card.parentElement.getBoundingClientRect();
    clear(this.card).append(...[content].flat());
    this.card.hidden = false;
    const x = Math.min(e.clientX - wrap.left + 12, wrap.width - 240);
    const y = Math.min(e.clientY - wrap.top + 12, wrap.height - 120);
    this.card.style.left = `${Math.max(4, x)}px`;
    this.card.style.top = `${Math.max(4, y)}px`;
  }

  pointCard(p) {
    return [
      h('div', { class: 'card-type' }, swatch(colourOf(p.event_type)), ' ', p.sub_event_type ?? p.event_type ?? 'incident'),
      h('div', { class: 'card-place' }, p.place ?? [p.location, p.admin1, p.country].filter(Boolean).join(', ')),
      h('div', {}, `${p.event_date ?? 'date unknown'} · ${p.fatalities ?? '?'} killed`),
      h('div', { class: 'muted' }, `review: ${p.status}${p.disputed ? ' · accounts disputed' : ''}`),
      h('div', { class: 'muted' }, 'click to open'),
    ];
  }

  clusterCard(p) {
    const types = Object.entries(p.types).sort((a, b) => b[1] - a[1]);
    return [
      h('strong', {}, `${fmtNum(p.count)} incidents · ${fmtNum(p.fatalities)} killed`),
      ...types.map(([t, n]) => h('div', {}, swatch(colourOf(t)), ` ${t}: ${fmtNum(n)}`)),
      h('div', { class: 'muted' }, 'click to zoom in'),
    ];
  }

  bindPanZoom() {
    const toView = (e) => {
      const r = this.svg.getBoundingClientRect();
      return [this.view.x + ((e.clientX - r.left) / r.width) * this.view.w, this.view.y + ((e.clientY - r.top) / r.height) * this.view.h];
    };
    let wheelTimer = null;
    this.svg.addEventListener(
      'wheel',
      (e) => {
        e.preventDefault();
        const [x, y] = toView(e);
        const v = this.view;
        const f = e.deltaY > 0 ? 1.25 : 0.8;
        const w = Math.min(400, Math.max(0.05, v.w * f));
        const k = w / v.w;
        this.view = { x: x - (x - v.x) * k, y: y - (y - v.y) * k, w, h: v.h * k };
        this.svg.setAttribute('viewBox', `${this.view.x} ${this.view.y} ${this.view.w} ${this.view.h}`);
        // Redraw the layers once the wheel rests, not on every step.
        clearTimeout(wheelTimer);
        wheelTimer = setTimeout(() => this.apply(), 120);
      },
      { passive: false },
    );
    let drag = null;
    this.svg.addEventListener('pointerdown', (e) => {
      if (e.target.closest('.dot, .cluster')) return;
      drag = { x: e.clientX, y: e.clientY, v: { ...this.view }, moved: false };
      this.svg.setPointerCapture(e.pointerId);
    });
    this.svg.addEventListener('pointermove', (e) => {
      if (!drag) return;
      const r = this.svg.getBoundingClientRect();
      const dx = ((e.clientX - drag.x) / r.width) * drag.v.w;
      const dy = ((e.clientY - drag.y) / r.height) * drag.v.h;
      drag.moved = true;
      this.view = { ...drag.v, x: drag.v.x - dx, y: drag.v.y - dy };
      this.svg.setAttribute('viewBox', `${this.view.x} ${this.view.y} ${this.view.w} ${this.view.h}`);
    });
    this.svg.addEventListener('pointerup', () => {
      if (drag?.moved) this.apply();
      drag = null;
    });
    // A resize redraws the view; the first observation (the map laid out) comes before draw() has
    // the view to show, and would ask for the markers of a placeholder view.
    new ResizeObserver(() => this.placed && this.apply()).observe(this.svg);
  }
}

/** Where to write a country's name: the middle of its largest polygon's box, and that box's width. */
function labelPoint(g, project) {
  let best = null;
  for (const p of polysOf(g)) {
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [lon, lat] of p[0] ?? []) {
      const [x, y] = project(lon, lat);
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
    }
    // Rings across the antimeridian would give a box around the world: not a place for a name.
    if (x1 - x0 > 180) continue;
    const area = (x1 - x0) * (y1 - y0);
    if (!best || area > best.area) best = { area, x: (x0 + x1) / 2, y: (y0 + y1) / 2, w: x1 - x0 };
  }
  return best;
}

function swatch(c) {
  return s('svg', { width: 12, height: 12, class: 'swatch' }, s('circle', { cx: 6, cy: 6, r: 5, fill: c }));
}
