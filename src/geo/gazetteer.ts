/**
 * The gazetteer: GeoNames places (cities500), admin1/admin2 units and countries, loaded once from
 * data/gazetteer.json.gz (built by scripts/build-gazetteer.ts) and indexed by two name keys
 * (see names.ts): the fold ('sar e pol') and the transliteration skeleton ('srpl').
 *
 * Every entry is one integer id: places first, then admin2 units, admin1 units, countries.
 * GazPlace objects are made on demand and cached; the name index and the skeleton index come
 * sorted in the data file (binary search), so loading is little more than parsing the file and no
 * index is built while texts are read.
 */
import { readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nameKey, skeleton } from './names.js';

export type GazKind = 'country' | 'admin1' | 'admin2' | 'place';

export interface GazPlace {
  name: string;
  /** English name as ACLED writes it. */
  country: string;
  countryCode: string;
  admin1: string | null;
  admin2: string | null;
  lat: number;
  lon: number;
  kind: GazKind;
  population: number;
  /** The entry's id in this gazetteer (stable for one data file only). */
  id: number;
  /** Ids of the admin1 / admin2 entries this one lies in (itself for an admin unit), or -1. */
  admin1Id: number;
  admin2Id: number;
  /** Capital (0), admin1 seat (1), admin2 seat (2), other (9); for places only. */
  seat: number;
  /** For an admin unit: the id of the place it is governed from (its PPLA/PPLA2), or -1. */
  seatId: number;
}

export interface Gazetteer {
  /** Ids of the entries whose name or alternate name has this fold key (see nameKey). */
  lookup(key: string): readonly number[];
  /**
   * Ids of the entries of one country whose skeleton key matches (a looser, transliteration-blind
   * match). Per country because a skeleton match is only trusted where the text says which
   * country it is about.
   */
  lookupSkeleton(skel: string, countryCode: string): readonly number[];
  /**
   * Ids of the entries with a fold key that starts with `prefix` (at most `limit` keys scanned;
   * a binary search in the sorted index, then a walk).
   */
  lookupPrefix(prefix: string, limit: number): readonly number[];
  /** Skeleton lookup over all countries. */
  lookupSkeletonAnywhere(skel: string): readonly number[];
  get(id: number): GazPlace;
  /**
   * For a place GeoNames gives no admin2: the nearest seat of a district (PPLA2, or a province or
   * national capital) in the same admin1 within `maxKm`. Districts are mostly named after their
   * seats (Syria, Lebanon, Libya), so this stands in for the district. Null if none.
   */
  nearestSeat(place: GazPlace, maxKm: number): GazPlace | null;
  /**
   * The district governed from this place (the admin2 unit whose seat it is), or null: a seat
   * GeoNames files in no district ('El Obeid' of Sheikan locality; Lebanon's caza seats) has its
   * district from places-supplement.json.
   */
  districtGovernedFrom(place: GazPlace): GazPlace | null;
  /** The ISO code of the country a demonym or country name names ('afghan', 'pakistani'), or null. */
  countryOfWord(key: string): string | null;
  countryName(code: string): string;
  /** The country's entry id, or -1. */
  countryId(code: string): number;
  /** Whether `outer` is or contains `inner` (country ⊃ admin1 ⊃ admin2 ⊃ place). */
  contains(outer: GazPlace, inner: GazPlace): boolean;
  /**
   * Words that are no place names but say where a text is (data/country-names.json, `context`):
   * a mission or a party found in one country only ('the OSCE SMM observed …' is eastern
   * Ukraine). Each clue has its precompiled pattern, its country and the admin1 ids it points at.
   */
  readonly contextClues: readonly ContextClue[];
  /** All clue patterns in one regex (one scan of a text): group k+1 is clue k. Null if none. */
  readonly contextRe: RegExp | null;
  /**
   * National news outlets (data/country-names.json, `outlets`), matched in an article's source
   * only ('El Nashra' → Lebanon): regions empty. outletRe as contextRe.
   */
  readonly outlets: readonly ContextClue[];
  readonly outletRe: RegExp | null;
  /** Longest name, in words, in the index: findPlaces tries no longer spans. */
  readonly maxWords: number;
  readonly size: number;
}

export interface ContextClue { pattern: string; country: string; regions: readonly number[] }

interface Table { code: string[]; name: string[]; lat: (number | null)[]; lon: (number | null)[]; seat: number[] }
interface DataFile {
  countries: { code: string[]; lat: (number | null)[]; lon: (number | null)[] };
  admin1: Table;
  admin2: Table;
  places: { name: string[]; lat: number[]; lon: number[]; cc: number[]; a1: number[]; a2: number[]; pop: number[]; seat: number[] };
  index: DataIndex;
  /** The skeleton index: keys sorted, for each its ids ascending without repeats; `check` holds
   * sample [key, skeleton] pairs that the running skeleton() must reproduce. */
  skel: DataIndex & { check: [string, string][] };
}
interface DataIndex { keys: string[]; ids: number[]; counts: number[]; maxWords?: number }
interface CountryNames {
  countries: Record<string, { name: string; alt: string[]; demonyms: string[] }>;
  context?: { pattern: string; country: string; admin1?: string[]; reason: string }[];
  outlets?: { pattern: string; country: string; reason: string }[];
}

/** data/ is found by walking up from this file, so it works from src/ (tsx) and dist/src/ (tsc). */
export function dataDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'data', 'gazetteer.json.gz'))) return join(dir, 'data');
    dir = dirname(dir);
  }
  throw new Error('data/gazetteer.json.gz not found: run `npx tsx scripts/build-gazetteer.ts`');
}

const EMPTY: readonly number[] = [];
/** Bits of an entry id in the packed (country, id) skeleton postings. */
const ID_BITS = 20;
const ID_MASK = (1 << ID_BITS) - 1;

class GazetteerImpl implements Gazetteer {
  readonly maxWords: number;
  readonly size: number;
  readonly contextClues: ContextClue[] = [];
  readonly contextRe: RegExp | null = null;
  readonly outlets: ContextClue[] = [];
  readonly outletRe: RegExp | null = null;
  private readonly offs: Int32Array;
  private readonly skelOffs: Int32Array;
  /** The skeleton index's ids, each key's ordered by country and then id, as (country+1) << ID_BITS | id. */
  private readonly skelCid: Int32Array;
  private readonly countryKeys = new Map<string, number | number[]>();
  private seatsByA1: Map<number, number[]> | null = null;
  private a2BySeat: Map<number, number> | null = null;
  /** The country index (into countries.code) of every entry, or -1. */
  private readonly ccIdx: Int32Array;
  private readonly ccByCode = new Map<string, number>();
  private readonly cache: (GazPlace | undefined)[];
  private readonly nP: number;
  private readonly nA2: number;
  private readonly nA1: number;
  private readonly a1OfA2: Int32Array;
  private readonly ccOfA1: Int32Array;
  private readonly ccCodes: string[];
  private readonly ccNames: string[];
  private readonly words = new Map<string, string>();

  constructor(private readonly d: DataFile, names: CountryNames) {
    const { places, admin1, admin2, countries } = d;
    this.nP = places.name.length;
    this.nA2 = admin2.code.length;
    this.nA1 = admin1.code.length;
    this.ccCodes = countries.code;
    this.ccNames = countries.code.map((c) => names.countries[c]?.name ?? c);
    this.size = this.nP + this.nA2 + this.nA1 + this.ccCodes.length;
    this.cache = new Array(this.size);
    const ccIndex = new Map(this.ccCodes.map((c, i) => [c, i]));
    const a1Index = new Map(admin1.code.map((c, i) => [c, i]));
    this.ccOfA1 = new Int32Array(this.nA1);
    for (let i = 0; i < this.nA1; i++) this.ccOfA1[i] = ccIndex.get(admin1.code[i]!.split('.')[0]!) ?? -1;
    this.a1OfA2 = new Int32Array(this.nA2);
    for (let i = 0; i < this.nA2; i++) {
      const [cc, a1] = admin2.code[i]!.split('.');
      this.a1OfA2[i] = a1Index.get(`${cc}.${a1}`) ?? -1;
    }

    // The name index comes sorted from the build (keys, and for each key its count of ids), so
    // loading only sums the counts into offsets: no hash map of 500,000 names to build.
    const { keys, counts } = d.index;
    this.offs = new Int32Array(keys.length + 1);
    for (let i = 0; i < keys.length; i++) this.offs[i + 1] = this.offs[i]! + counts[i]!;
    this.maxWords = d.index.maxWords ?? 6;
    // The skeleton index likewise; a file built with another skeleton() is refused.
    if (!d.skel) throw new Error('data/gazetteer.json.gz has no skeleton index: run `npx tsx scripts/build-gazetteer.ts`');
    for (const [k, sk] of d.skel.check) {
      if (skeleton(k) !== sk) throw new Error(`data/gazetteer.json.gz was built with another skeleton() ('${k}'): run \`npx tsx scripts/build-gazetteer.ts\``);
    }
    const sc = d.skel.counts;
    this.skelOffs = new Int32Array(sc.length + 1);
    for (let i = 0; i < sc.length; i++) this.skelOffs[i + 1] = this.skelOffs[i]! + sc[i]!;
    this.ccIdx = this.ccIndexOf();
    // Each key's ids grouped by country, so that a lookup in one country is a binary search, not
    // a scan of every namesake in the world (a typed-array sort per key: ~20 ms at load).
    if (this.size > 1 << ID_BITS || this.ccCodes.length + 1 >= 1 << (31 - ID_BITS)) throw new Error('gazetteer too large for its id packing');
    const sIds = d.skel.ids;
    this.skelCid = new Int32Array(sIds.length);
    for (let j = 0; j < sIds.length; j++) this.skelCid[j] = ((this.ccIdx[sIds[j]!]! + 1) << ID_BITS) | sIds[j]!;
    for (let i = 0; i < sc.length; i++) if (sc[i]! > 1) this.skelCid.subarray(this.skelOffs[i]!, this.skelOffs[i + 1]!).sort();
    for (let i = 0; i < this.ccCodes.length; i++) if (!this.ccByCode.has(this.ccCodes[i]!)) this.ccByCode.set(this.ccCodes[i]!, i);
    // Countries: their names and demonyms, from country-names.json (a few hundred).
    const cBase = this.nP + this.nA2 + this.nA1;
    for (let i = 0; i < this.ccCodes.length; i++) {
      const n = names.countries[this.ccCodes[i]!];
      if (!n) continue;
      for (const name of [n.name, ...n.alt]) {
        push(this.countryKeys, nameKey(name), cBase + i);
        this.words.set(nameKey(name), this.ccCodes[i]!);
      }
      for (const dem of n.demonyms) this.words.set(nameKey(dem), this.ccCodes[i]!);
    }
    // Context clues: a pattern each (case-sensitive: 'SMM', 'UNAMA' are acronyms), with the ids
    // of the admin1 units they name.
    for (const c of names.context ?? []) {
      const regions: number[] = [];
      for (const a of c.admin1 ?? []) {
        const id = this.lookup(nameKey(a)).find((x) => x >= this.nP + this.nA2 && x < cBase && this.ccCodes[this.ccOfA1[x - this.nP - this.nA2]!] === c.country);
        if (id === undefined) throw new Error(`country-names.json context: no admin1 ${a} in ${c.country}`);
        regions.push(id);
      }
      // Capturing groups inside a pattern would shift the group numbers of the combined regex.
      if (/\((?!\?)/.test(c.pattern)) throw new Error(`country-names.json context: capturing group in ${c.pattern}`);
      this.contextClues.push({ pattern: c.pattern, country: c.country, regions });
    }
    if (this.contextClues.length > 0) {
      this.contextRe = new RegExp(`\\b(?:${this.contextClues.map((c) => `(${c.pattern})`).join('|')})\\b`, 'g');
    }
    for (const o of names.outlets ?? []) {
      if (/\((?!\?)/.test(o.pattern)) throw new Error(`country-names.json outlets: capturing group in ${o.pattern}`);
      if (!this.ccByCode.has(o.country)) throw new Error(`country-names.json outlets: unknown country ${o.country}`);
      this.outlets.push({ pattern: o.pattern, country: o.country, regions: [] });
    }
    if (this.outlets.length > 0) {
      // Case-sensitive like the context clues: 'SANA' (Syria's agency) is no 'Sana' of "Sana'a".
      this.outletRe = new RegExp(`\\b(?:${this.outlets.map((c) => `(${c.pattern})`).join('|')})\\b`, 'g');
    }
  }

  /** The index of `key` in sorted `keys`, or -1. */
  private find(key: string, keys = this.d.index.keys): number {
    const i = lowerBound(keys, key);
    return keys[i] === key ? i : -1;
  }

  lookupPrefix(prefix: string, limit: number): readonly number[] {
    const keys = this.d.index.keys;
    const lo = lowerBound(keys, prefix);
    const out: number[] = [];
    for (let i = lo, n = 0; i < keys.length && n < limit && keys[i]!.startsWith(prefix); i++, n++) {
      for (let j = this.offs[i]!; j < this.offs[i + 1]!; j++) out.push(this.d.index.ids[j]!);
    }
    return out;
  }

  lookup(key: string): readonly number[] {
    const c = this.countryKeys.get(key);
    const i = this.find(key);
    if (i < 0) return c === undefined ? EMPTY : typeof c === 'number' ? [c] : c;
    const out = this.d.index.ids.slice(this.offs[i]!, this.offs[i + 1]!);
    if (c !== undefined) out.push(...(typeof c === 'number' ? [c] : c));
    return out;
  }

  /** The country index (into countries.code) of every entry, as a typed array over all ids. */
  private ccIndexOf(): Int32Array {
    const a = new Int32Array(this.size);
    const { places } = this.d;
    for (let i = 0; i < this.nP; i++) a[i] = places.cc[i]!;
    for (let i = 0; i < this.nA2; i++) { const a1 = this.a1OfA2[i]!; a[this.nP + i] = a1 >= 0 ? this.ccOfA1[a1]! : -1; }
    for (let i = 0; i < this.nA1; i++) a[this.nP + this.nA2 + i] = this.ccOfA1[i]!;
    for (let i = 0; i < this.ccCodes.length; i++) a[this.nP + this.nA2 + this.nA1 + i] = i;
    return a;
  }

  lookupSkeleton(s: string, countryCode: string): readonly number[] {
    if (s.length < 2) return EMPTY;
    const ci = this.ccByCode.get(countryCode);
    const i = ci === undefined ? -1 : this.find(s, this.d.skel.keys);
    if (i < 0) return EMPTY;
    // The country's run within the key, its ids ascending (places before districts before
    // provinces, as lookup lists them).
    const cid = this.skelCid;
    const from = (ci! + 1) << ID_BITS;
    const to = (ci! + 2) << ID_BITS;
    let lo = this.skelOffs[i]!;
    let hi = this.skelOffs[i + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cid[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    let out: number[] | null = null;
    for (let j = lo; j < this.skelOffs[i + 1]! && cid[j]! < to; j++) (out ??= []).push(cid[j]! & ID_MASK);
    return out ?? EMPTY;
  }
  lookupSkeletonAnywhere(s: string): readonly number[] {
    if (s.length < 3) return EMPTY;
    const i = this.find(s, this.d.skel.keys);
    return i < 0 ? EMPTY : this.d.skel.ids.slice(this.skelOffs[i]!, this.skelOffs[i + 1]!);
  }
  nearestSeat(place: GazPlace, maxKm: number): GazPlace | null {
    if (place.admin1Id < 0) return null;
    if (!this.seatsByA1) {
      const m = new Map<number, number[]>();
      const { places } = this.d;
      const a1Base = this.nP + this.nA2;
      for (let i = 0; i < this.nP; i++) {
        if (places.seat[i]! > 2 || places.a1[i]! < 0) continue;
        const k = a1Base + places.a1[i]!;
        const list = m.get(k);
        if (list) list.push(i);
        else m.set(k, [i]);
      }
      this.seatsByA1 = m;
    }
    let best: GazPlace | null = null;
    let bestKm = maxKm;
    for (const id of this.seatsByA1.get(place.admin1Id) ?? EMPTY) {
      const c = this.get(id);
      const d = km(place.lat, place.lon, c.lat, c.lon);
      if (d <= bestKm) { bestKm = d; best = c; }
    }
    return best;
  }
  districtGovernedFrom(place: GazPlace): GazPlace | null {
    if (place.kind !== 'place') return null;
    if (!this.a2BySeat) {
      const m = new Map<number, number>();
      const seats = this.d.admin2.seat;
      // (a town that governs two districts names neither)
      for (let i = 0; i < this.nA2; i++) if (seats[i]! >= 0) m.set(seats[i]!, m.has(seats[i]!) ? -1 : this.nP + i);
      this.a2BySeat = m;
    }
    const id = this.a2BySeat.get(place.id) ?? -1;
    return id < 0 ? null : this.get(id);
  }
  countryOfWord(key: string): string | null {
    return this.words.get(key) ?? null;
  }
  countryName(code: string): string {
    const i = this.ccByCode.get(code);
    return i === undefined ? code : this.ccNames[i]!;
  }
  countryId(code: string): number {
    const i = this.ccByCode.get(code);
    return i === undefined ? -1 : this.nP + this.nA2 + this.nA1 + i;
  }
  contains(outer: GazPlace, inner: GazPlace): boolean {
    if (outer.id === inner.id) return true;
    if (outer.countryCode !== inner.countryCode) return false;
    switch (outer.kind) {
      case 'country': return inner.kind !== 'country';
      case 'admin1': return inner.kind !== 'admin1' && inner.admin1Id === outer.id;
      case 'admin2': return inner.kind === 'place' && inner.admin2Id === outer.id;
      default: return false;
    }
  }

  get(id: number): GazPlace {
    const hit = this.cache[id];
    if (hit) return hit;
    const g = this.make(id);
    this.cache[id] = g;
    return g;
  }

  private make(id: number): GazPlace {
    const { places, admin1, admin2, countries } = this.d;
    const a1Base = this.nP + this.nA2;
    const cBase = a1Base + this.nA1;
    const coord = (t: { lat: (number | null)[]; lon: (number | null)[] }, i: number): [number, number] | null => {
      const la = t.lat[i];
      const lo = t.lon[i];
      return la == null || lo == null ? null : [la / 1e4, lo / 1e4];
    };
    const countryCoord = (ci: number): [number, number] => coord(countries, ci) ?? [0, 0];
    const a1Coord = (i: number): [number, number] => coord(admin1, i) ?? countryCoord(this.ccOfA1[i]!);
    if (id < this.nP) {
      const i = id;
      const a1 = places.a1[i]!;
      const a2 = places.a2[i]!;
      const cc = this.ccCodes[places.cc[i]!]!;
      return {
        name: places.name[i]!, country: this.ccNames[places.cc[i]!]!, countryCode: cc,
        admin1: a1 >= 0 ? admin1.name[a1]! : null, admin2: a2 >= 0 ? admin2.name[a2]! : null,
        lat: places.lat[i]! / 1e4, lon: places.lon[i]! / 1e4, kind: 'place', population: places.pop[i]!,
        id, admin1Id: a1 >= 0 ? a1Base + a1 : -1, admin2Id: a2 >= 0 ? this.nP + a2 : -1, seat: places.seat[i]!, seatId: -1,
      };
    }
    if (id < a1Base) {
      const i = id - this.nP;
      const a1 = this.a1OfA2[i]!;
      const ci = a1 >= 0 ? this.ccOfA1[a1]! : this.ccCodes.indexOf(admin2.code[i]!.split('.')[0]!);
      const [lat, lon] = coord(admin2, i) ?? (a1 >= 0 ? a1Coord(a1) : countryCoord(ci));
      return {
        name: admin2.name[i]!, country: this.ccNames[ci] ?? '', countryCode: this.ccCodes[ci] ?? '',
        admin1: a1 >= 0 ? admin1.name[a1]! : null, admin2: admin2.name[i]!, lat, lon, kind: 'admin2', population: 0,
        id, admin1Id: a1 >= 0 ? a1Base + a1 : -1, admin2Id: id, seat: 9, seatId: admin2.seat[i]!,
      };
    }
    if (id < cBase) {
      const i = id - a1Base;
      const ci = this.ccOfA1[i]!;
      const [lat, lon] = a1Coord(i);
      return {
        name: admin1.name[i]!, country: this.ccNames[ci] ?? '', countryCode: this.ccCodes[ci] ?? '',
        admin1: admin1.name[i]!, admin2: null, lat, lon, kind: 'admin1', population: 0,
        id, admin1Id: id, admin2Id: -1, seat: 9, seatId: admin1.seat[i]!,
      };
    }
    const ci = id - cBase;
    const [lat, lon] = countryCoord(ci);
    return {
      name: this.ccNames[ci]!, country: this.ccNames[ci]!, countryCode: this.ccCodes[ci]!,
      admin1: null, admin2: null, lat, lon, kind: 'country', population: 0,
      id, admin1Id: -1, admin2Id: -1, seat: 9, seatId: -1,
    };
  }
}

/** Great-circle distance in km. */
/** The index of the first of the sorted `keys` not below `key` (`keys.length` when none). */
function lowerBound(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function km(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const h = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function push(m: Map<string, number | number[]>, k: string, id: number) {
  const v = m.get(k);
  if (v === undefined) m.set(k, id);
  else if (typeof v === 'number') { if (v !== id) m.set(k, [v, id]); }
  else if (v[v.length - 1] !== id) v.push(id);
}

let cached: Gazetteer | null = null;

/** Loads data/gazetteer.json.gz once (about half a second); later calls return the same object. */
export function loadGazetteer(): Gazetteer {
  if (cached) return cached;
  const dir = dataDir();
  const d = JSON.parse(gunzipSync(readFileSync(join(dir, 'gazetteer.json.gz'))).toString('utf8')) as DataFile;
  const names = JSON.parse(readFileSync(join(dir, 'country-names.json'), 'utf8')) as CountryNames;
  cached = new GazetteerImpl(d, names);
  return cached;
}
