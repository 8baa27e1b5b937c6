// The incident map, offline: country boundaries from the world-atlas package (Natural Earth,
// public domain), province (admin1) boundaries and town names built by scripts/build-map.ts into
// /map-data/, drawn as SVG in a plain longitude/latitude projection scaled for the latitude of
// the view. No tile server, no network. Markers are clustered with supercluster (a count per
// cluster; a click zooms into it), coloured by event type and sized by fatalities; a density view
// shades a grid by the number of incidents; hovering shows a card; a scale bar gives distances.
// Provinces appear as one zooms in, then town names (capitals first, smaller towns deeper).

import { feature } from '/vendor/topojson-client/index.js';
import { clear, colourOf, fmtNum, h, s, TYPE_COLOURS } from './dom.js';

let worldPromise = null;
function loadWorld() {
  worldPromise ??= fetch('/vendor/world-atlas/countries-50m.json')
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

/** The classic script /vendor/supercluster/supercluster.min.js sets window.Supercluster. */
let clusterLib = null;
function loadSupercluster() {
  clusterLib ??= new Promise((resolve, reject) => {
    if (window.Supercluster) return resolve(window.Supercluster);
    const el = document.createElement('script');
    el.src = '/vendor/supercluster/supercluster.min.js';
    el.onload = () => resolve(window.Supercluster);
    el.onerror = reject;
    document.head.append(el);
  });
  return clusterLib;
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
  constructor(container, { onSelect, onBbox }) {
    this.container = container;
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
    this.points = [];
    this.index = null;
    this.provPaths = new Map();
    this.bindPanZoom();
  }

  setMode(m) {
    this.mode = m;
    sessionStorage.setItem('sitrep-map-mode', m);
    this.modeBtn.textContent = m === 'density' ? 'markers' : 'density';
    this.apply();
  }

  async draw(geo, { country, admin1 } = {}) {
    const [world, Supercluster] = await Promise.all([loadWorld(), loadSupercluster()]);
    this.world = world;
    if (!this.land.firstChild) {
      for (const f of world) {
        this.land.append(s('path', { d: geomPath(f.geometry, this.project), class: 'country', 'data-name': f.properties?.name ?? '' }));
        const at = labelPoint(f.geometry, this.project);
        if (at && f.properties?.name) this.labels.append(s('text', { x: at.x.toFixed(2), y: at.y.toFixed(2), 'data-w': at.w.toFixed(2), 'text-anchor': 'middle' }, f.properties.name));
      }
    }
    this.points = geo.features;
    // Each cluster sums its incidents' fatalities and counts its types, for the marker and the card.
    this.index = new Supercluster({
      radius: 48,
      maxZoom: 14,
      map: (p) => ({ f: p.fatalities ?? 0, t: { [p.event_type ?? 'unknown']: 1 } }),
      reduce: (a, b) => {
        a.f += b.f;
        for (const [k, v] of Object.entries(b.t)) a.t[k] = (a.t[k] ?? 0) + v;
      },
    }).load(geo.features);
    let fitted = false;
    this.selected = admin1 ?? null;
    if (admin1) fitted = await this.fitProvince(admin1, country);
    if (!fitted && country && !country.includes(',')) fitted = this.fitCountry(country);
    if (!fitted) this.fit();
  }

  fit() {
    const pts = this.points.map((f) => this.project(...f.geometry.coordinates));
    if (pts.length === 0) this.view = { x: 40 * this.k, y: -45, w: 40, h: 25 };
    else {
      let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const [x, y] of pts) [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
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
    // Country names where the country is wide enough on screen to hold one.
    this.labels.setAttribute('font-size', String(unit * 11));
    for (const t of this.labels.children) t.setAttribute('visibility', Number(t.getAttribute('data-w')) / unit > 70 ? 'visible' : 'hidden');
    this.drawMarkers();
    this.drawScale(rect.width || 800);
    this.drawProvinces();
    this.drawTowns();
  }

  /** Clusters and single incidents for the view's zoom, or the density grid. */
  drawMarkers() {
    clear(this.dots);
    clear(this.density);
    if (!this.index) return;
    const unit = this.unit;
    const [w, sth, e, n] = this.bbox();
    if (this.mode === 'density') return this.drawDensity();
    // supercluster's zoom z has 512·2^z pixels round the world; match the screen's pixels.
    const pxPerDeg = 1 / (unit / this.k);
    const z = Math.max(0, Math.min(15, Math.floor(Math.log2((pxPerDeg * 360) / 512))));
    const items = this.index.getClusters([w, sth, e, n], z);
    // Biggest first, so small markers stay clickable on top.
    items.sort((a, b) => (b.properties.point_count ?? 1) - (a.properties.point_count ?? 1) || (b.properties.fatalities ?? 0) - (a.properties.fatalities ?? 0));
    for (const it of items) {
      const [lon, lat] = it.geometry.coordinates;
      const [x, y] = this.project(lon, lat);
      const p = it.properties;
      if (p.cluster) {
        const r = unit * (10 + 4 * Math.log2(p.point_count));
        const top = Object.entries(p.t).sort((a, b) => b[1] - a[1])[0]?.[0];
        const g = s('g', { class: 'cluster', tabindex: 0, 'data-count': p.point_count, 'data-cluster': p.cluster_id });
        g.append(
          s('circle', { cx: x, cy: y, r, fill: colourOf(top), 'stroke-width': unit * 1.5 }),
          s('text', { x, y: y + unit * 4, 'font-size': unit * 11, 'text-anchor': 'middle' }, fmtNum(p.point_count)),
        );
        const open = () => {
          // The zoom at which the cluster comes apart, as a view width: 512·2^z pixels round the world.
          const zz = Math.min(this.index.getClusterExpansionZoom(p.cluster_id), 16);
          const px = this.svg.getBoundingClientRect().width || 800;
          const nw = Math.max(0.05, Math.min(this.view.w * 0.9, ((px * 360) / (512 * 2 ** zz)) * this.k));
          const nh = (nw * this.view.h) / this.view.w;
          this.view = { x: x - nw / 2, y: y - nh / 2, w: nw, h: nh };
          this.apply();
        };
        g.addEventListener('click', open);
        g.addEventListener('keydown', (ev) => ev.key === 'Enter' && open());
        this.hover(g, () => this.clusterCard(p));
        this.dots.append(g);
      } else {
        const c = s('circle', {
          cx: x.toFixed(4),
          cy: y.toFixed(4),
          r: unit * (4 + 2.2 * Math.sqrt(p.fatalities ?? 0)),
          'stroke-width': unit,
          fill: colourOf(p.event_type),
          class: `dot${p.disputed ? ' disputed' : ''}`,
          'data-id': it.id,
          'data-f': p.fatalities ?? 0,
          tabindex: 0,
          'aria-label': `${p.event_date ?? '?'} ${p.sub_event_type ?? p.event_type ?? ''} ${p.location ?? ''}`,
        });
        c.addEventListener('click', () => this.onSelect?.(it.id));
        c.addEventListener('keydown', (ev) => ev.key === 'Enter' && this.onSelect?.(it.id));
        this.hover(c, () => this.pointCard(p));
        this.dots.append(c);
      }
    }
  }

  /** A grid of cells about 18 pixels wide, shaded by how many incidents fall in each. */
  drawDensity() {
    const cell = this.unit * 18;
    const counts = new Map();
    for (const f of this.points) {
      const [x, y] = this.project(...f.geometry.coordinates);
      if (x < this.view.x || x > this.view.x + this.view.w || y < this.view.y || y > this.view.y + this.view.h) continue;
      const key = `${Math.floor(x / cell)},${Math.floor(y / cell)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const max = Math.max(1, ...counts.values());
    for (const [key, n] of counts) {
      const [i, j] = key.split(',').map(Number);
      const r = s('rect', { x: i * cell, y: j * cell, width: cell, height: cell, class: 'cell', 'fill-opacity': (0.25 + 0.7 * Math.sqrt(n / max)).toFixed(2), 'data-n': n });
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
      h('div', { class: 'card-place' }, [p.location, p.admin1, p.country].filter(Boolean).join(', ')),
      h('div', {}, `${p.event_date ?? 'date unknown'} · ${p.fatalities ?? '?'} killed`),
      h('div', { class: 'muted' }, `review: ${p.status}${p.disputed ? ' · accounts disputed' : ''}`),
      h('div', { class: 'muted' }, 'click to open'),
    ];
  }

  clusterCard(p) {
    const types = Object.entries(p.t).sort((a, b) => b[1] - a[1]);
    return [
      h('strong', {}, `${fmtNum(p.point_count)} incidents · ${fmtNum(p.f)} killed`),
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
    new ResizeObserver(() => this.apply()).observe(this.svg);
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
