/**
 * The desk's map, clustered on the server: for a filter, one supercluster index over its located
 * incidents (built once, kept while the data do not change), asked for the clusters of the view
 * at the view's zoom. The page then loads a few hundred markers, not 100,000 points, and the
 * density view a grid of counts. Each cluster carries its incidents' summed fatalities and their
 * count by type, for its marker and its hover card.
 */
import Supercluster from 'supercluster';
import type { ListFilter, ListIndex, MapColumns } from './list-index.js';

interface PointProps {
  i: number;
}
interface ClusterProps {
  f: number;
  t: Record<string, number>;
}

interface Entry {
  stamp: number;
  cols: MapColumns;
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
    const cols = this.index.mapColumns(f);
    const types = cols.dicts.type;
    const sc = new Supercluster<PointProps, ClusterProps>({
      radius: 48,
      maxZoom: 14,
      map: (p) => ({ f: Math.max(0, cols.fatalities[p.i]!), t: { [types[cols.type[p.i]!] || 'unknown']: 1 } }),
      reduce: (a, b) => {
        a.f += b.f;
        for (const [k, v] of Object.entries(b.t)) a.t[k] = (a.t[k] ?? 0) + v;
      },
    });
    const points = new Array(cols.n);
    let extent: Entry['extent'] = null;
    for (let i = 0; i < cols.n; i++) {
      const lon = cols.lon[i]!;
      const lat = cols.lat[i]!;
      points[i] = { type: 'Feature', properties: { i }, geometry: { type: 'Point', coordinates: [lon, lat] } };
      extent = extent ? [Math.min(extent[0], lon), Math.min(extent[1], lat), Math.max(extent[2], lon), Math.max(extent[3], lat)] : [lon, lat, lon, lat];
    }
    sc.load(points);
    const e: Entry = { stamp: this.index.stamp, cols, sc, extent };
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
    const day = (x: number) => (x ? `${String(x).slice(0, 4)}-${String(x).slice(4, 6)}-${String(x).slice(6, 8)}` : null);
    const items = e.sc.getClusters(view, zoom).map((it) => {
      const [lon, lat] = it.geometry.coordinates as [number, number];
      const p = it.properties as (ClusterProps & { cluster: true; cluster_id: number; point_count: number }) | PointProps;
      if ('cluster' in p) {
        return { cluster: p.cluster_id, count: p.point_count, lon, lat, fatalities: p.f, types: p.t, expansion_zoom: e.sc.getClusterExpansionZoom(p.cluster_id) };
      }
      const i = p.i;
      return {
        id: c.ids[i]!,
        lon,
        lat,
        event_date: day(c.date[i]!),
        event_type: d.type[c.type[i]!] || null,
        sub_event_type: d.sub[c.sub[i]!] || null,
        place: d.place[c.place[i]!] ?? '',
        fatalities: c.fatalities[i]! < 0 ? null : c.fatalities[i]!,
        status: d.status[c.status[i]!]!,
        disputed: c.disputed[i] === 1,
      };
    });
    return { total: c.n, extent: e.extent, zoom, items };
  }

  /** Counts of incidents in a grid of `cell`-degree squares over `view`: the density view. */
  density(key: string, f: ListFilter, view: [number, number, number, number], cell: number) {
    const c = this.entry(key, f).cols;
    const counts = new Map<number, number>();
    const [w, s, e, n] = view;
    const cols = Math.ceil((e - w) / cell) + 1;
    for (let i = 0; i < c.n; i++) {
      const lon = c.lon[i]!;
      const lat = c.lat[i]!;
      if (lon < w || lon > e || lat < s || lat > n) continue;
      const k = Math.floor((lat - s) / cell) * cols + Math.floor((lon - w) / cell);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const cells = [...counts].map(([k, count]) => ({ lon: w + (k % cols) * cell, lat: s + Math.floor(k / cols) * cell, count }));
    return { total: c.n, cell, cells };
  }
}
