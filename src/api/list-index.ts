/**
 * The incident list the desk filters on every keystroke: one compact row per incident, held in
 * memory in date order and mirrored in typed columns of codes, so a filtered page of 100,000
 * incidents is one pass over typed arrays (about a millisecond) instead of a scan of the stored
 * JSON views. Rows are read from the store's `incidents` table (its flat columns, plus the
 * coordinates, admin2 and the dispute flag read out of the view) and kept up to date: the
 * server's own writes are applied at once, and a background look every second picks up what
 * another process (a `sitrep ingest` beside the server) has committed.
 */
import { sql } from 'kysely';
import type { Store } from '../store/store.js';
import type { IncidentView } from '../store/overlay.js';

export interface ListRow {
  id: string;
  status: string;
  merged_into: string | null;
  event_date: string | null;
  event_type: string | null;
  sub_event_type: string | null;
  country: string | null;
  admin1: string | null;
  admin2: string | null;
  location: string | null;
  actor1: string | null;
  actor2: string | null;
  fatalities: number | null;
  latitude: number | null;
  longitude: number | null;
  disputed: boolean;
  n_articles: number;
  /** The chance the incident is real and told where and when it says (0-1); null where unknown. */
  confidence: number | null;
  updated_at: string;
}

export interface ListFilter {
  from?: string;
  to?: string;
  country?: string[];
  admin1?: string[];
  event_type?: string[];
  sub_event_type?: string[];
  /** Part of an actor's name, either side. */
  actor?: string;
  /** Only incidents with these ids (the result of a full-text search). */
  ids?: Set<string>;
  /** [minLon, minLat, maxLon, maxLat]; a box across the antimeridian has minLon > maxLon. */
  bbox?: [number, number, number, number];
  disputed?: boolean;
  /** Default: every state but 'merged' and 'orphaned' (those live on inside other incidents). */
  status?: string[];
  min_fatalities?: number;
  /** At least this confidence (an incident without one is left out). */
  min_confidence?: number;
}

/** The columns the desk's table sorts on. */
export const SORT_COLUMNS = ['date', 'type', 'place', 'fatalities', 'confidence', 'sources', 'status'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortKey = `${SortColumn}_${'asc' | 'desc'}`;

type Agg = { incidents: number; fatalities: number };
export interface DeskStats {
  total: Agg;
  by_month: Array<{ month: string } & Agg>;
  by_day: Array<{ day: string } & Agg> | null;
  by_month_admin1: Array<{ month: string; country: string; admin1: string } & Agg>;
  by_admin1: Array<{ country: string; admin1: string } & Agg>;
  by_type: Array<{ event_type: string } & Agg>;
  by_actor: Array<{ actor: string } & Agg>;
  by_month_type: Array<{ month: string; event_type: string } & Agg>;
  by_day_type: Array<{ day: string; event_type: string } & Agg> | null;
  by_month_actor: Array<{ month: string; actor: string } & Agg>;
}

/** What the desk's timeline draws: the totals, and incidents by month and day, overall and by type. */
export type DeskTimeline = Pick<DeskStats, 'total' | 'by_month' | 'by_day' | 'by_month_type' | 'by_day_type'>;

export interface MapColumns {
  n: number;
  ids: string[];
  lon: number[];
  lat: number[];
  /** -1: unknown. */
  fatalities: number[];
  /** YYYYMMDD; 0: undated. */
  date: number[];
  type: number[];
  sub: number[];
  place: number[];
  status: number[];
  disputed: number[];
  dicts: { type: string[]; sub: string[]; place: string[]; status: string[] };
}
export const SORT_KEYS: SortKey[] = SORT_COLUMNS.flatMap((c) => [`${c}_desc`, `${c}_asc`] as SortKey[]);

interface Entry extends ListRow {
  /** Lower-cased fields for case-free comparison, computed once per row. */
  k_country: string;
  k_admin1: string;
}

/** The states listed unless asked for: 'merged' and 'orphaned' live on inside other incidents. */
const VISIBLE = ['new', 'reviewed', 'rejected'];

export interface Columns {
  n: number;
  version: number;
  dicts: { country: Map<string, number>; admin1: Map<string, number>; type: Map<string, number>; sub: Map<string, number>; status: Map<string, number>; actor: Map<string, number> };
  actor1: Uint32Array;
  actor2: Uint32Array;
  /** Row position of each incident id. */
  pos: Map<string, number>;
  /** YYYYMMDD as a number; -1 when undated (sorted last). */
  date: Float64Array;
  country: Uint32Array;
  admin1: Uint32Array;
  type: Uint32Array;
  sub: Uint32Array;
  status: Uint32Array;
  disputed: Uint8Array;
  fat: Float64Array;
  lat: Float64Array;
  lon: Float64Array;
  /** Confidence; -1 when unknown (sorted last). */
  conf: Float64Array;
  nArt: Uint32Array;
  /** A place's display label ('location, admin1, country'), coded. */
  place: Uint32Array;
  /** Each code's value as first written (the dictionaries' keys are lower-cased for matching). */
  names: { country: string[]; admin1: string[]; actor: string[]; place: string[] };
  placeDict: Map<string, number>;
  /** Ranks of each row's shown type and place in alphabetical order, made when first sorted on. */
  ranks: Partial<Record<'type' | 'place' | 'status', Uint32Array>>;
}

function dateNum(d: string): number {
  return Number(d.slice(0, 4)) * 10000 + Number(d.slice(5, 7)) * 100 + Number(d.slice(8, 10));
}

/** In a descending array: the first index whose value is at most x. */
function firstAtMost(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! > x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** In a descending array: the first index whose value is below x. */
function firstBelow(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! >= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The code of a value in a column's dictionary, numbering a new value. */
function code(d: Map<string, number>, v: string): number {
  let x = d.get(v);
  if (x === undefined) d.set(v, (x = d.size));
  return x;
}

/** As code(), keeping the value as first written for a new code. */
function named(d: Map<string, number>, key: string, shown: string, names: string[]): number {
  let x = d.get(key);
  if (x === undefined) {
    d.set(key, (x = d.size));
    names[x] = shown;
  }
  return x;
}

/** Row i of the columns, from its row. */
function fillColumns(c: Columns, i: number, r: Entry): void {
  const d = c.dicts;
  c.pos.set(r.id, i);
  c.date[i] = r.event_date ? dateNum(r.event_date) : -1;
  c.country[i] = named(d.country, r.k_country, r.country ?? '', c.names.country);
  c.admin1[i] = named(d.admin1, r.k_admin1, r.admin1 ?? '', c.names.admin1);
  const label = [r.location, r.admin1, r.country].filter(Boolean).join(', ');
  c.place[i] = named(c.placeDict, label, label, c.names.place);
  c.type[i] = code(d.type, r.event_type ?? '');
  c.sub[i] = code(d.sub, r.sub_event_type ?? '');
  c.status[i] = code(d.status, r.status);
  c.actor1[i] = named(d.actor, (r.actor1 ?? '').toLowerCase(), r.actor1 ?? '', c.names.actor);
  c.actor2[i] = named(d.actor, (r.actor2 ?? '').toLowerCase(), r.actor2 ?? '', c.names.actor);
  c.disputed[i] = r.disputed ? 1 : 0;
  c.fat[i] = r.fatalities ?? -1;
  c.lat[i] = r.latitude ?? NaN;
  c.lon[i] = r.longitude ?? NaN;
  c.conf[i] = r.confidence ?? -1;
  c.nArt[i] = r.n_articles;
  // A patched row may change its type, place or state: ranks are made again when next needed.
  c.ranks = {};
}

function entry(r: ListRow): Entry {
  return {
    ...r,
    k_country: (r.country ?? '').toLowerCase(),
    k_admin1: (r.admin1 ?? '').toLowerCase(),
  };
}

/** Newest first; undated incidents last; ties by id so a page is stable. */
function byDateDesc(a: ListRow, b: ListRow): number {
  const da = a.event_date ?? '';
  const db = b.event_date ?? '';
  if (da !== db) return da < db ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export class ListIndex {
  private rows: Entry[] = [];
  private byId = new Map<string, Entry>();
  private sorted = true;
  private lastVersion: string | null = null;
  private lastCheck = 0;
  private maxUpdated = '';
  private loading: Promise<void> | null = null;
  private cols: Columns | null = null;
  private buf = new Int32Array(0);
  private timer: NodeJS.Timeout | null = null;
  /** Changes patched into the columns in place (they count for the stamp, not for a rebuild). */
  private stampOnly = 0;
  /** Bumped on every change of the rows, so the columns are rebuilt. */
  private version_ = 0;
  private listeners = new Set<() => void>();

  constructor(
    private readonly store: Store,
    /** How often at most to ask the database whether another process changed it. */
    private readonly checkEveryMs = 1000,
  ) {}

  get size(): number {
    return this.rows.length;
  }

  /** Changes whenever the rows change (answers derived from the data may be kept while it holds). */
  get stamp(): number {
    return this.version_ * 1_000_003 + this.stampOnly;
  }

  /** Call `fn` after each change of the rows (the server's writes, another process's commits); returns the unsubscriber. */
  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private changed(): void {
    for (const fn of this.listeners) fn();
  }

  async load(): Promise<void> {
    const rows = await this.read(null);
    this.byId = new Map(rows.map((r) => [r.id, entry(r)]));
    // The database hands them over in order (sorting in JavaScript took a fifth of the start on
    // 100,000 incidents); its collation may still differ on ids, so check, and sort if it does.
    this.rows = [...this.byId.values()];
    if (!this.rows.every((r, i) => i === 0 || byDateDesc(this.rows[i - 1]!, r) <= 0)) this.rows.sort(byDateDesc);
    this.version_++;
    this.maxUpdated = rows.reduce((m, r) => (r.updated_at > m ? r.updated_at : m), '');
    this.lastVersion = await this.version();
    this.lastCheck = Date.now();
    // Built now, so the first request does not wait for it.
    this.columns();
    this.changed();
  }

  /**
   * Look for other processes' changes every `ms` in the background, so no request waits for the
   * look (a `sitrep ingest` beside the server shows up within that time).
   */
  watch(ms = this.checkEveryMs): void {
    this.unwatch();
    this.timer = setInterval(() => void this.fresh().catch(() => {}), ms);
    this.timer.unref();
  }

  unwatch(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Bring the index up to date if the database changed since the last look (cheap when it did not). */
  async fresh(force = false): Promise<void> {
    if (this.loading && !force) return this.loading;
    while (this.loading) await this.loading;
    const t = Date.now();
    if (!force && t - this.lastCheck < this.checkEveryMs) return;
    this.lastCheck = t;
    this.loading = (async () => {
      const v = await this.version();
      if (!force && v === this.lastVersion) return;
      this.lastVersion = v;
      await this.reloadChanged();
    })().finally(() => (this.loading = null));
    return this.loading;
  }

  /** The server changed these incidents itself: take their new views at once. */
  update(views: IncidentView[]): void {
    for (const v of views) {
      const r = entry(rowOfView(v, new Date().toISOString()));
      const old = this.byId.get(r.id);
      this.byId.set(r.id, r);
      if (old) {
        const i = this.rows.indexOf(old);
        if (i >= 0) this.rows[i] = r;
        if (old.event_date !== r.event_date) {
          this.sorted = false;
          this.version_++;
        } else if (i >= 0 && this.cols && this.cols.version === this.version_) {
          // An edit that keeps the date keeps the row's place: patch its column entries, and
          // the next request does not rebuild the columns of 100,000 rows.
          fillColumns(this.cols, i, r);
          this.stampOnly++;
        } else this.version_++;
      } else {
        this.rows.push(r);
        this.version_++;
        this.sorted = false;
      }
    }
    if (views.length) this.changed();
  }

  get(id: string): ListRow | undefined {
    return this.byId.get(id);
  }

  /** The rows that pass the filter, in the order asked for. */
  filter(f: ListFilter, sort: SortKey = 'date_desc'): ListRow[] {
    const order = this.ordered(f, sort);
    const out: ListRow[] = new Array(order.length);
    for (let k = 0; k < order.length; k++) out[k] = this.rows[order[k]!]!;
    return out;
  }

  /** One page of the filtered rows and their total: only the page's rows are touched. */
  page(f: ListFilter, sort: SortKey, offset: number, limit: number): { total: number; rows: ListRow[] } {
    const order = this.ordered(f, sort);
    const rows: ListRow[] = [];
    for (let k = offset; k < Math.min(order.length, offset + limit); k++) rows.push(this.rows[order[k]!]!);
    return { total: order.length, rows };
  }

  /**
   * Counts and fatalities of the matching rows by month, day, province, type and actor (the
   * stats page and the timeline), over the coded columns: integer keys, no string per row.
   * `only: 'timeline'` counts only what the desk's timeline draws (totals, by month and day, by
   * type): the province and actor tallies are most of the work.
   */
  stats(f: ListFilter): DeskStats;
  stats(f: ListFilter, only: 'timeline'): DeskTimeline;
  stats(f: ListFilter, only?: 'timeline'): DeskStats | DeskTimeline {
    const all = only !== 'timeline';
    const { idx, n } = this.match(f);
    const c = this.cols!;
    type Agg = { incidents: number; fatalities: number };
    const add = (m: Map<number, Agg>, k: number, x: number) => {
      const e = m.get(k);
      if (e) {
        e.incidents++;
        e.fatalities += x;
      } else m.set(k, { incidents: 1, fatalities: x });
    };
    const typeNames = [...c.dicts.type.keys()];
    const NT = typeNames.length + 1;
    const NA = c.names.admin1.length + 1;
    const NC = c.names.country.length + 1;
    const NX = c.names.actor.length + 1;
    const month = new Map<number, Agg>();
    const day = new Map<number, Agg>();
    const admin = new Map<number, Agg>();
    const monthAdmin = new Map<number, Agg>();
    const type = new Map<number, Agg>();
    const monthType = new Map<number, Agg>();
    const dayType = new Map<number, Agg>();
    const actor = new Map<number, Agg>();
    const monthActor = new Map<number, Agg>();
    let fatalities = 0;
    const emptyActor = c.dicts.actor.get('') ?? -1;
    for (let k = 0; k < n; k++) {
      const i = idx[k]!;
      const fv = c.fat[i]! < 0 ? 0 : c.fat[i]!;
      fatalities += fv;
      const d = c.date[i]!;
      // Months as YYYYMM; 0 for undated.
      const m = d < 0 ? 0 : Math.floor(d / 100);
      const place = c.country[i]! * NA + c.admin1[i]!;
      add(month, m, fv);
      if (d >= 0) {
        add(day, d, fv);
        add(dayType, d * NT + c.type[i]!, fv);
      }
      add(monthType, m * NT + c.type[i]!, fv);
      if (!all) continue;
      add(admin, place, fv);
      add(monthAdmin, m * NA * NC + place, fv);
      add(type, c.type[i]!, fv);
      const a1 = c.actor1[i]!;
      const a2 = c.actor2[i]!;
      if (a1 !== emptyActor) {
        add(actor, a1, fv);
        add(monthActor, m * NX + a1, fv);
      }
      if (a2 !== emptyActor && a2 !== a1) {
        add(actor, a2, fv);
        add(monthActor, m * NX + a2, fv);
      }
    }
    const ym = (m: number) => (m === 0 ? 'unknown' : `${Math.floor(m / 100)}-${String(m % 100).padStart(2, '0')}`);
    const ymd = (d: number) => `${Math.floor(d / 10000)}-${String(Math.floor(d / 100) % 100).padStart(2, '0')}-${String(d % 100).padStart(2, '0')}`;
    const typeName = (t: number) => typeNames[t] || 'unknown';
    const countryName = (x: number) => c.names.country[x] || 'unknown';
    const adminName = (x: number) => c.names.admin1[x] || 'unknown';
    const list = <T>(m: Map<number, Agg>, key: (k: number) => T) => [...m].map(([k, v]) => ({ ...key(k), ...v }));
    const timeline: DeskTimeline = {
      total: { incidents: n, fatalities },
      by_month: list(month, (k) => ({ month: ym(k) })).sort((a, b) => a.month.localeCompare(b.month)),
      by_day: day.size <= 400 ? list(day, (k) => ({ day: ymd(k) })).sort((a, b) => a.day.localeCompare(b.day)) : null,
      by_month_type: list(monthType, (k) => ({ month: ym(Math.floor(k / NT)), event_type: typeName(k % NT) })).sort((a, b) => a.month.localeCompare(b.month)),
      by_day_type: day.size <= 400 ? list(dayType, (k) => ({ day: ymd(Math.floor(k / NT)), event_type: typeName(k % NT) })).sort((a, b) => a.day.localeCompare(b.day)) : null,
    };
    if (!all) return timeline;
    const topActors = [...actor].sort((a, b) => b[1].incidents - a[1].incidents || b[1].fatalities - a[1].fatalities);
    const top8 = new Set(topActors.slice(0, 8).map(([k]) => k));
    // Provinces written alike in several cases ('Khost', 'khost') are one: the columns fold case.
    return {
      ...timeline,
      by_month_admin1: list(monthAdmin, (k) => ({ month: ym(Math.floor(k / (NA * NC))), country: countryName(Math.floor((k % (NA * NC)) / NA)), admin1: adminName(k % NA) })),
      by_admin1: list(admin, (k) => ({ country: countryName(Math.floor(k / NA)), admin1: adminName(k % NA) })).sort((a, b) => b.fatalities - a.fatalities || b.incidents - a.incidents),
      by_type: list(type, (k) => ({ event_type: typeName(k) })).sort((a, b) => b.incidents - a.incidents),
      by_actor: topActors.slice(0, 25).map(([k, v]) => ({ actor: c.names.actor[k]!, ...v })),
      by_month_actor: [...monthActor]
        .filter(([k]) => top8.has(k % NX))
        .map(([k, v]) => ({ month: ym(Math.floor(k / NX)), actor: c.names.actor[k % NX]!, ...v }))
        .sort((a, b) => a.month.localeCompare(b.month)),
    };
  }

  /**
   * The map's points as columns (ids, coordinates, toll, date as YYYYMMDD, coded type, sub-type,
   * place and state, dispute flag), read off the coded columns: no object per point.
   */
  mapColumns(f: ListFilter): MapColumns {
    const { idx, n: all } = this.match(f);
    const c = this.cols!;
    const keep: number[] = [];
    for (let k = 0; k < all; k++) {
      const i = idx[k]!;
      if (!Number.isNaN(c.lat[i]!) && !Number.isNaN(c.lon[i]!)) keep.push(i);
    }
    const n = keep.length;
    const out: MapColumns = {
      n,
      ids: new Array(n),
      lon: new Array(n),
      lat: new Array(n),
      fatalities: new Array(n),
      date: new Array(n),
      type: new Array(n),
      sub: new Array(n),
      place: new Array(n),
      status: new Array(n),
      disputed: new Array(n),
      dicts: { type: [...c.dicts.type.keys()], sub: [...c.dicts.sub.keys()], place: c.names.place, status: [...c.dicts.status.keys()] },
    };
    keep.forEach((i, k) => {
      out.ids[k] = this.rows[i]!.id;
      out.lon[k] = Math.round(c.lon[i]! * 1e4) / 1e4;
      out.lat[k] = Math.round(c.lat[i]! * 1e4) / 1e4;
      out.fatalities[k] = c.fat[i]!;
      out.date[k] = c.date[i]! < 0 ? 0 : c.date[i]!;
      out.type[k] = c.type[i]!;
      out.sub[k] = c.sub[i]!;
      out.place[k] = c.place[i]!;
      out.status[k] = c.status[i]!;
      out.disputed[k] = c.disputed[i]!;
    });
    return out;
  }

  /**
   * The located incidents that pass the filter: their positions in the coded columns, and the
   * columns (read-only; valid while the stamp holds). What the map's clusters are built from,
   * without a copy of each column.
   */
  located(f: ListFilter): { n: number; pos: Int32Array; cols: Readonly<Columns>; idAt: (i: number) => string } {
    const { idx, n: all } = this.match(f);
    const c = this.cols!;
    const pos = new Int32Array(all);
    let n = 0;
    for (let k = 0; k < all; k++) {
      const i = idx[k]!;
      if (!Number.isNaN(c.lat[i]!) && !Number.isNaN(c.lon[i]!)) pos[n++] = i;
    }
    const rows = this.rows;
    return { n, pos: pos.subarray(0, n), cols: c, idAt: (i) => rows[i]!.id };
  }

  /** The filter bar's choices: countries and provinces with their counts, and the date span (coded columns). */
  choices(f: ListFilter): { countries: Array<{ name: string; n: number }>; admin1: Array<{ country: string; admin1: string; n: number }>; dates: { min: string | null; max: string | null } } {
    const { idx, n } = this.match(f);
    const c = this.cols!;
    const NA = c.names.admin1.length + 1;
    const countries = new Map<number, number>();
    const admins = new Map<number, number>();
    let min = Infinity;
    let max = -Infinity;
    for (let k = 0; k < n; k++) {
      const i = idx[k]!;
      countries.set(c.country[i]!, (countries.get(c.country[i]!) ?? 0) + 1);
      admins.set(c.country[i]! * NA + c.admin1[i]!, (admins.get(c.country[i]! * NA + c.admin1[i]!) ?? 0) + 1);
      const d = c.date[i]!;
      if (d >= 0) {
        if (d < min) min = d;
        if (d > max) max = d;
      }
    }
    const ymd = (d: number) => `${Math.floor(d / 10000)}-${String(Math.floor(d / 100) % 100).padStart(2, '0')}-${String(d % 100).padStart(2, '0')}`;
    return {
      countries: [...countries].filter(([x]) => c.names.country[x]).map(([x, n]) => ({ name: c.names.country[x]!, n })).sort((a, b) => a.name.localeCompare(b.name)),
      admin1: [...admins]
        .filter(([k]) => c.names.admin1[k % NA])
        .map(([k, n]) => ({ country: c.names.country[Math.floor(k / NA)] ?? '', admin1: c.names.admin1[k % NA]!, n }))
        .sort((a, b) => a.country.localeCompare(b.country) || a.admin1.localeCompare(b.admin1)),
      dates: { min: Number.isFinite(min) ? ymd(min) : null, max: Number.isFinite(max) ? ymd(max) : null },
    };
  }

  /** Positions of the matching rows in the order asked for (sorted as numbers, not as objects). */
  private ordered(f: ListFilter, sort: SortKey): Int32Array {
    const { idx, n } = this.match(f);
    const order = idx.slice(0, n);
    if (sort === 'date_desc') return order;
    if (sort === 'date_asc') return order.reverse();
    const [col, dir] = sort.split('_') as [SortColumn, 'asc' | 'desc'];
    const c = this.cols!;
    const key: ArrayLike<number> =
      col === 'fatalities' ? c.fat : col === 'confidence' ? c.conf : col === 'sources' ? c.nArt : this.rank(col as 'type' | 'place' | 'status');
    // Unknown values (-1) go last either way; ties keep the date order (newest first), since
    // positions are in date order.
    const s = dir === 'desc' ? -1 : 1;
    order.sort((a, b) => {
      const x = key[a]!;
      const y = key[b]!;
      if (x === y) return a - b;
      if (x < 0) return 1;
      if (y < 0) return -1;
      return (x - y) * s;
    });
    return order;
  }

  /** Each row's rank in the alphabetical order of its shown type, place or review state. */
  private rank(col: 'type' | 'place' | 'status'): Uint32Array {
    const c = this.cols!;
    const have = c.ranks[col];
    if (have) return have;
    const label = (r: ListRow): string =>
      col === 'type' ? (r.sub_event_type ?? r.event_type ?? '') : col === 'status' ? r.status : [r.country, r.admin1, r.location].map((x) => x ?? '').join('\u0000');
    const labels = this.rows.map(label);
    const distinct = [...new Set(labels)].sort((a, b) => a.localeCompare(b));
    const at = new Map(distinct.map((l, i) => [l, i]));
    const out = new Uint32Array(labels.length);
    // An empty label ranks last: an unknown type or place is not 'A'.
    labels.forEach((l, i) => (out[i] = l.replace(/\u0000/g, '') === '' ? 0xffffffff : at.get(l)!));
    c.ranks[col] = out;
    return out;
  }

  /** Indices of the matching rows, in date order (newest first), in a buffer reused by the next call. */
  private match(f: ListFilter): { idx: Int32Array; n: number } {
    const c = this.columns();
    if (this.buf.length < c.n) this.buf = new Int32Array(c.n);
    const buf = this.buf;
    const mask = (dict: Map<string, number>, values: string[] | undefined, lower: boolean): Uint8Array | null => {
      if (!values?.length) return null;
      const m = new Uint8Array(dict.size + 1);
      for (const v of values) {
        const code = dict.get(lower ? v.toLowerCase() : v);
        if (code !== undefined) m[code] = 1;
      }
      return m;
    };
    const countries = mask(c.dicts.country, f.country, true);
    const admins = mask(c.dicts.admin1, f.admin1, true);
    const types = mask(c.dicts.type, f.event_type, false);
    const subs = mask(c.dicts.sub, f.sub_event_type, false);
    const statuses = mask(c.dicts.status, f.status?.length ? f.status : VISIBLE, false)!;
    // An actor is matched on the few distinct names once, not on every row.
    let actors: Uint8Array | null = null;
    if (f.actor) {
      const q = f.actor.toLowerCase();
      actors = new Uint8Array(c.dicts.actor.size + 1);
      for (const [name, code] of c.dicts.actor) if (name.includes(q)) actors[code] = 1;
    }
    // A set of ids (a full-text search's answer) becomes a mask over the rows' positions.
    let only: Uint8Array | null = null;
    if (f.ids) {
      only = new Uint8Array(c.n);
      for (const id of f.ids) {
        const at = c.pos.get(id);
        if (at !== undefined) only[at] = 1;
      }
    }
    const bb = f.bbox;
    const dated = f.from !== undefined || f.to !== undefined;
    // Rows are in date order, newest first: a date range is a slice, found by binary search.
    const lo = f.to ? firstAtMost(c.date, dateNum(f.to)) : 0;
    const hi = f.from ? firstBelow(c.date, dateNum(f.from)) : c.n;
    const disputed = f.disputed === undefined ? -1 : f.disputed ? 1 : 0;
    const minF = f.min_fatalities ?? -1;
    const minC = f.min_confidence ?? -1;
    let n = 0;
    for (let i = lo; i < hi; i++) {
      if (only && !only[i]) continue;
      if (!statuses[c.status[i]!]) continue;
      if (dated && c.date[i]! < 0) continue;
      if (countries && !countries[c.country[i]!]) continue;
      if (admins && !admins[c.admin1[i]!]) continue;
      if (types && !types[c.type[i]!]) continue;
      if (subs && !subs[c.sub[i]!]) continue;
      if (disputed >= 0 && c.disputed[i] !== disputed) continue;
      if (minF > 0 && c.fat[i]! < minF) continue;
      if (minC >= 0 && c.conf[i]! < minC) continue;
      if (actors && !actors[c.actor1[i]!] && !actors[c.actor2[i]!]) continue;
      if (bb) {
        const lat = c.lat[i]!;
        const lon = c.lon[i]!;
        if (Number.isNaN(lat) || Number.isNaN(lon) || lat < bb[1] || lat > bb[3]) continue;
        if (bb[0] <= bb[2] ? lon < bb[0] || lon > bb[2] : lon < bb[0] && lon > bb[2]) continue;
      }
      buf[n++] = i;
    }
    return { idx: buf, n };
  }

  /**
   * The rows as columns of small integer codes (each distinct country, province, type, state
   * numbered once), rebuilt after a change: a filter over 100,000 incidents is then a loop over
   * typed arrays, about a millisecond, where comparing strings on objects took tens.
   */
  private columns(): Columns {
    this.ensureSorted();
    if (this.cols && this.cols.n === this.rows.length && this.cols.version === this.version_) return this.cols;
    const n = this.rows.length;
    const dicts = { country: new Map<string, number>(), admin1: new Map<string, number>(), type: new Map<string, number>(), sub: new Map<string, number>(), status: new Map<string, number>(), actor: new Map<string, number>() };
    const c: Columns = {
      n,
      version: this.version_,
      dicts,
      date: new Float64Array(n),
      country: new Uint32Array(n),
      admin1: new Uint32Array(n),
      type: new Uint32Array(n),
      sub: new Uint32Array(n),
      status: new Uint32Array(n),
      pos: new Map(),
      actor1: new Uint32Array(n),
      actor2: new Uint32Array(n),
      disputed: new Uint8Array(n),
      fat: new Float64Array(n),
      lat: new Float64Array(n),
      lon: new Float64Array(n),
      conf: new Float64Array(n),
      nArt: new Uint32Array(n),
      place: new Uint32Array(n),
      names: { country: [], admin1: [], actor: [], place: [] },
      placeDict: new Map(),
      ranks: {},
    };
    for (const v of VISIBLE) code(dicts.status, v);
    this.rows.forEach((r, i) => fillColumns(c, i, r));
    this.cols = c;
    return c;
  }

  private ensureSorted(): void {
    if (this.sorted) return;
    this.rows.sort(byDateDesc);
    this.sorted = true;
    this.version_++;
  }

  /**
   * A token that changes whenever the incidents change. SQLite's `data_version` changes when
   * another connection commits (our own writes call update()); in PostgreSQL it is the table's
   * statistics counters of inserted, updated and deleted rows (reported within about a second).
   */
  private async version(): Promise<string> {
    if (this.store.dialect === 'sqlite') {
      const r = await sql<{ data_version: number }>`pragma data_version`.execute(this.store.db);
      return String(r.rows[0]?.data_version ?? '');
    }
    // The table's write counters: no scan (count and max(updated_at) scanned 100,000 rows).
    const st = await sql<{ n: string }>`
      select (n_tup_ins + n_tup_upd + n_tup_del)::text as n from pg_stat_user_tables
      where relid = to_regclass('incidents')`.execute(this.store.db);
    if (st.rows[0]) return st.rows[0].n;
    const r = await this.store.db
      .selectFrom('incidents')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('m')])
      .executeTakeFirstOrThrow();
    return `${r.n}|${r.m ?? ''}`;
  }

  private async reloadChanged(): Promise<void> {
    // Ids first (an index-only read): incidents that fusion removed leave the list.
    const ids = new Set((await this.store.db.selectFrom('incidents').select('id').execute()).map((r) => r.id));
    let changed = false;
    for (const id of [...this.byId.keys()]) {
      if (!ids.has(id)) {
        this.byId.delete(id);
        changed = true;
      }
    }
    const rows = await this.read(this.maxUpdated);
    for (const r of rows) {
      this.byId.set(r.id, entry(r));
      if (r.updated_at > this.maxUpdated) this.maxUpdated = r.updated_at;
      changed = true;
    }
    if (changed) {
      this.rows = [...this.byId.values()];
      this.version_++;
      this.sorted = false;
      this.changed();
    }
  }

  /** Rows updated at or after `since` (all rows when null). */
  private async read(since: string | null): Promise<ListRow[]> {
    // Plain columns (migration 3): no view is parsed. In SQLite a covering index holds them all, so
    // the read does not walk the long rows' pages either.
    const rows = await this.store.db
      .selectFrom('incidents')
      .select(['id', 'status', 'merged_into', 'event_date', 'event_type', 'sub_event_type', 'country', 'admin1', 'admin2', 'location'])
      .select(['actor1', 'actor2', 'fatalities', 'latitude', 'longitude', 'disputed', 'n_articles', 'updated_at', 'confidence'])
      .$if(since !== null, (q) => q.where('updated_at', '>=', since!))
      .orderBy('event_date', (o) => o.desc().nullsLast())
      .orderBy('id')
      .execute();
    const num = (x: unknown): number | null => (x === null || x === undefined ? null : Number(x));
    return rows.map((row) => ({
      ...row,
      fatalities: num(row.fatalities),
      latitude: num(row.latitude),
      longitude: num(row.longitude),
      disputed: Number(row.disputed) === 1,
      n_articles: Number(row.n_articles),
      confidence: num(row.confidence),
    }));
  }
}

export function rowOfView(v: IncidentView, updated_at: string): ListRow {
  return {
    id: v.id,
    status: v.status,
    merged_into: v.merged_into,
    event_date: v.event_date,
    event_type: v.event_type,
    sub_event_type: v.sub_event_type,
    country: v.country,
    admin1: v.admin1,
    admin2: v.admin2,
    location: v.location,
    actor1: v.actor1,
    actor2: v.actor2,
    fatalities: v.fatalities,
    latitude: v.latitude,
    longitude: v.longitude,
    disputed: v.disputed !== null && v.disputed !== undefined,
    n_articles: v.articles.length,
    confidence: v.confidence ?? null,
    updated_at,
  };
}
