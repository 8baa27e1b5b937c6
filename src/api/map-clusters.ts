/**
 * The desk's map, clustered on the server: for a filter, one supercluster index over its located
 * incidents (built once, kept while the data do not change), asked for the clusters of the view
 * at the view's zoom. The page then loads a few hundred markers, not 100,000 points, and the
 * density view a grid of counts. Each cluster carries its incidents' summed fatalities and their
 * count by type, for its marker and its hover card.
 */
import Supercluster, { type PointFeature } from 'supercluster';
import type { Columns, ListFilter, ListIndex } from './list-index.js';

interface PointProps {
  i: number;
}
/**
 * A cluster's summed fatalities (f) and its count of incidents by type code (0, 1, …), all plain
 * numbers: supercluster copies a cluster's properties shallowly when it merges it into a larger
 * one, so a nested object of counts would be shared, and the finer cluster's counts would grow
 * with the larger one's (they did: at zoom 8, a quarter of the clusters' counts by type did not
 * add up to their size).
 */
type ClusterProps = { f: number } & Record<number, number>;

interface Entry {
  stamp: number;
  /** Positions in `cols` of the located incidents, in supercluster's point order. */
  pos: Int32Array;
  cols: Readonly<Columns>;
  idAt: (i: number) => string;
  types: string[];
  sc: Supercluster<PointProps, ClusterProps>;
  extent: [number, number, number, number] | null;
}

const MAX_ENTRIES = 8;

export class MapClusters {
  private cache = new Map<string, Entry>();

  constructor(private readonly index: ListIndex) {}

  private entry(key: string, f: ListFilter): Entry {
    const hit = this.cache.get(key);
    if (hit && hit.stamp === this.index.stamp) return hit;
    const { n, pos, cols, idAt } = this.index.located(f);
    const types = [...cols.dicts.type.keys()];
    const NT = types.length;
    const fat = cols.fat;
    const type = cols.type;
    const sc = new Supercluster<PointProps, ClusterProps>({
      radius: 48,
      maxZoom: 14,
      map: (p) => {
        const i = pos[p.i]!;
        const o: ClusterProps = { f: fat[i]! < 0 ? 0 : fat[i]! };
        for (let t = 0; t < NT; t++) o[t] = 0;
        o[type[i]!] = 1;
        return o;
      },
      reduce: (a, b) => {
        a.f += b.f;
        for (let t = 0; t < NT; t++) a[t]! += b[t]!;
      },
    });
    const points = new Array<PointFeature<PointProps>>(n);
    let extent: Entry['extent'] = null;
    for (let k = 0; k < n; k++) {
      const i = pos[k]!;
      const lon = cols.lon[i]!;
      const lat = cols.lat[i]!;
      points[k] = { type: 'Feature', properties: { i: k }, geometry: { type: 'Point', coordinates: [lon, lat] } };
      if (!extent) extent = [lon, lat, lon, lat];
      else {
        if (lon < extent[0]) extent[0] = lon;
        if (lat < extent[1]) extent[1] = lat;
        if (lon > extent[2]) extent[2] = lon;
        if (lat > extent[3]) extent[3] = lat;
      }
    }
    sc.load(points);
    const e: Entry = { stamp: this.index.stamp, pos, cols, idAt, types, sc, extent };
    this.cache.delete(key);
    if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, e);
    return e;
  }

  /** The clusters and single incidents in `view` ([w, s, e, n]) at supercluster's `zoom`. */
  clusters(key: string, f: ListFilter, view: [number, number, number, number], zoom: number) {
    const e = this.entry(key, f);
    const c = e.cols;
    const d = c.dicts;
    const subs = [...d.sub.keys()];
    const statuses = [...d.status.keys()];
    const day = (x: number) => (x > 0 ? `${String(x).slice(0, 4)}-${String(x).slice(4, 6)}-${String(x).slice(6, 8)}` : null);
    const items = e.sc.getClusters(view, zoom).map((it) => {
      const [lon, lat] = it.geometry.coordinates as [number, number];
      const p = it.properties as (ClusterProps & { cluster: true; cluster_id: number; point_count: number }) | PointProps;
      if ('cluster' in p) {
        const types: Record<string, number> = {};
        e.types.forEach((name, t) => {
          if (p[t]) types[name || 'unknown'] = (types[name || 'unknown'] ?? 0) + p[t]!;
        });
        return { cluster: p.cluster_id, count: p.point_count, lon, lat, fatalities: p.f, types, expansion_zoom: e.sc.getClusterExpansionZoom(p.cluster_id) };
      }
      const i = e.pos[(p as PointProps).i]!;
      return {
        id: e.idAt(i),
        lon: Math.round(lon * 1e4) / 1e4,
        lat: Math.round(lat * 1e4) / 1e4,
        event_date: day(c.date[i]!),
        event_type: e.types[c.type[i]!] || null,
        sub_event_type: subs[c.sub[i]!] || null,
        place: c.names.place[c.place[i]!] ?? '',
        fatalities: c.fat[i]! < 0 ? null : c.fat[i]!,
        status: statuses[c.status[i]!]!,
        disputed: c.disputed[i] === 1,
      };
    });
    return { total: e.pos.length, extent: e.extent, zoom, items };
  }

  /** Counts of incidents in a grid of `cell`-degree squares over `view`: the density view. */
  density(key: string, f: ListFilter, view: [number, number, number, number], cell: number) {
    const { pos, cols: c } = this.entry(key, f);
    const counts = new Map<number, number>();
    const [w, s, e, n] = view;
    const cols = Math.ceil((e - w) / cell) + 1;
    for (let j = 0; j < pos.length; j++) {
      const i = pos[j]!;
      const lon = c.lon[i]!;
      const lat = c.lat[i]!;
      if (lon < w || lon > e || lat < s || lat > n) continue;
      const k = Math.floor((lat - s) / cell) * cols + Math.floor((lon - w) / cell);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const cells = [...counts].map(([k, count]) => ({ lon: w + (k % cols) * cell, lat: s + Math.floor(k / cols) * cell, count }));
    return { total: pos.length, cell, cells };
  }
}
