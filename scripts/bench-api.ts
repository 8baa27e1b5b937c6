/**
 * The desk's incident list under load: a database of 100,000 synthetic incidents (each with an
 * article, a report and a realistic stored view), the server started on it, then a mix of
 * filtered list requests (country, province, dates, type, actor, bounding box, disputed, review
 * state, full-text search, sort, deep pages) over real HTTP. Prints the latency percentiles
 * (target: p95 under 50 ms), per filter and overall, and the time to build the list index.
 *
 *   node dist/scripts/bench-api.js                  a table (100,000 incidents, SQLite)
 *   node dist/scripts/bench-api.js --json           one JSON object
 *   node dist/scripts/bench-api.js --n 20000        another size
 *   node dist/scripts/bench-api.js --db postgres://…/db   in PostgreSQL (the database must be empty)
 *
 * The incidents are written straight into the store's tables (extracting 100,000 articles would
 * take the bench many minutes and measure the extractor, not the list).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createToken } from '../src/api/auth.js';
import { startServer } from '../src/api/server.js';
import { SUB_EVENT_TYPES, type SubEventType } from '../src/core/types.js';
import { isPostgresUrl, openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/store.js';
import type { DB } from '../src/store/schema.js';
import type { Insertable } from 'kysely';

export interface ApiBenchResult {
  incidents: number;
  dialect: string;
  seed_seconds: number;
  index_load_ms: number;
  requests: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
  by_query: Record<string, { p50_ms: number; p95_ms: number; total: number }>;
}

/** A small deterministic generator: the same database on every run. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    s ^= s + Math.imul(s ^ (s >>> 7), 61);
    return ((s ^ (s >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES: Array<[string, string, string, number, number]> = [
  ['Pakistan', 'Balochistan', 'Quetta', 30.18, 67.0],
  ['Pakistan', 'Balochistan', 'Turbat', 26.0, 63.04],
  ['Pakistan', 'Khyber Pakhtunkhwa', 'Peshawar', 34.01, 71.58],
  ['Pakistan', 'Khyber Pakhtunkhwa', 'Bannu', 32.99, 70.6],
  ['Pakistan', 'Khyber Pakhtunkhwa', 'Miran Shah', 33.0, 70.07],
  ['Pakistan', 'Punjab', 'Lahore', 31.55, 74.34],
  ['Pakistan', 'Sindh', 'Karachi', 24.86, 67.01],
  ['Afghanistan', 'Kabul', 'Kabul', 34.53, 69.17],
  ['Afghanistan', 'Nangarhar', 'Jalalabad', 34.43, 70.45],
  ['Afghanistan', 'Khost', 'Khost', 33.34, 69.92],
  ['Afghanistan', 'Helmand', 'Lashkar Gah', 31.59, 64.37],
  ['Afghanistan', 'Kandahar', 'Kandahar', 31.61, 65.71],
  ['India', 'Jammu and Kashmir', 'Srinagar', 34.08, 74.8],
  ['India', 'Chhattisgarh', 'Sukma', 18.39, 81.66],
  ['Iran', 'Sistan and Baluchestan', 'Zahedan', 29.5, 60.86],
  ['Bangladesh', 'Dhaka', 'Dhaka', 23.81, 90.41],
];
const ACTORS = [
  'Military Forces of Pakistan', 'Police Forces of Pakistan', 'TTP: Tehreek-i-Taliban Pakistan', 'BLA: Balochistan Liberation Army',
  'Unidentified Armed Group (Pakistan)', 'Taliban', 'Islamic State (Afghanistan)', 'Military Forces of India', 'Communist Party of India (Maoist)',
  'Protesters (Pakistan)', 'Civilians (Pakistan)', 'Civilians (Afghanistan)', 'Rioters (India)', 'Jaish al-Adl',
];
const WORDS = ['checkpoint', 'convoy', 'market', 'mosque', 'school', 'border', 'highway', 'village', 'camp', 'bazaar', 'bridge', 'hospital', 'office', 'tribal', 'elder', 'patrol', 'raid', 'curfew', 'pipeline', 'railway'];
const SUBS = Object.keys(SUB_EVENT_TYPES) as SubEventType[];

function ev(article: string, text: string) {
  return [{ article, start: 0, end: Math.min(text.length, 40), text: text.slice(0, 40) }];
}

/** Write `n` incidents, each with one article and one report, in batches. */
export async function seedIncidents(store: Store, n: number): Promise<void> {
  const r = rng(20251125);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const day0 = Date.UTC(2018, 0, 1);
  const t = new Date().toISOString();
  const B = 500;
  for (let b = 0; b < n; b += B) {
    const arts: Array<Insertable<DB['articles']>> = [];
    const incs: Array<Insertable<DB['incidents']>> = [];
    const size = Math.min(B, n - b);
    for (let i = 0; i < size; i++) {
      const k = b + i;
      const [country, admin1, location, lat0, lon0] = pick(PLACES);
      const sub = pick(SUBS);
      const date = new Date(day0 + Math.floor(r() * 2920) * 86_400_000).toISOString().slice(0, 10);
      const a1 = pick(ACTORS);
      const a2 = r() < 0.6 ? pick(ACTORS) : null;
      const fat = r() < 0.4 ? 0 : Math.floor(-Math.log(1 - r()) * 4);
      const status = r() < 0.9 ? 'new' : r() < 0.7 ? 'reviewed' : 'rejected';
      const lat = +(lat0 + (r() - 0.5) * 0.6).toFixed(4);
      const lon = +(lon0 + (r() - 0.5) * 0.6).toFixed(4);
      const id = `b${k.toString(36).padStart(6, '0')}`;
      const ext = `bench-${k}`;
      const text = `${location}, ${country} – An incident near the ${pick(WORDS)} in ${location} on ${date} left ${fat} people dead, officials said. ${a1} was blamed${a2 ? ` for an attack on ${a2}` : ''}. Residents described the ${pick(WORDS)} and the ${pick(WORDS)} as calm afterwards.`;
      arts.push({
        identity: `sha256:bench-${k}`, ext_id: ext, url: null, canonical_url: null, content_hash: `bench-${k}`, title: `Incident in ${location}`, source: 'Bench Wire',
        published: date, text, chars: text.length, minhash: null, duplicate_of: null, similarity: null, ingested_at: t, extracted_version: 'bench', status: 'ok', error: null, extras: null,
      });
      const fields = { event_date: date, time_precision: 1, disorder_type: 'Political violence', event_type: SUB_EVENT_TYPES[sub], sub_event_type: sub, actor1: a1, inter1: 3, actor2: a2, inter2: a2 ? 1 : null, country, admin1, admin2: null, location, latitude: lat, longitude: lon, geo_precision: 1, fatalities: fat, fatalities_low: fat, fatalities_high: fat, injuries: null };
      const trace = Object.fromEntries(Object.keys(fields).map((f) => [f, { rule: 'bench', evidence: ev(ext, text) }]));
      const disputed = r() < 0.05 ? { summary: 'accounts differ', claims: [{ source: 'police', says: `${fat} killed`, evidence: ev(ext, text) }, { source: 'residents', says: `${fat + 3} killed`, evidence: ev(ext, text) }] } : null;
      // A confidence spread over 0-1 without drawing from the generator (the data stay as they were).
      const confidence = ((k * 7919) % 101) / 100;
      const view = { ...fields, confidence, articles: [ext], background: false, disputed, evidence: [{ article: ext, start: 0, end: text.length, text }], trace, reports: [`bench-${k}#0`], sources: [{ report: `bench-${k}#0`, article: ext, fatalities: fat, fatalities_low: fat, fatalities_high: fat, evidence: ev(ext, text) }], id, status, merged_into: null, edited: {}, edits: [] };
      const json = JSON.stringify(view);
      incs.push({ id, block: country, origin: 'fusion', created_at: t, updated_at: t, base: json, view: json, status, merged_into: null, event_date: date, event_type: SUB_EVENT_TYPES[sub], sub_event_type: sub, country, admin1, location, actor1: a1, actor2: a2, fatalities: fat, n_articles: 1, latitude: lat, longitude: lon, admin2: null, disputed: disputed ? 1 : 0, confidence });
    }
    await store.db.transaction().execute(async (trx) => {
      const ids = await trx.insertInto('articles').values(arts).returning('id').execute();
      const reps = await trx
        .insertInto('reports')
        .values(ids.map((x, i) => ({ article_id: Number(x.id), idx: 0, key: `bench-${b + i}#0`, block: incs[i]!.block, data: '{}' })))
        .returning('id')
        .execute();
      for (let i = 0; i < incs.length; i += 100) await trx.insertInto('incidents').values(incs.slice(i, i + 100)).execute();
      await trx.insertInto('incident_reports').values(reps.map((x, i) => ({ incident_id: incs[i]!.id, report_id: Number(x.id) }))).execute();
    });
  }
}

const QUERIES: Array<[string, string]> = [
  ['first page', ''],
  ['country', 'country=Pakistan'],
  ['country+dates', 'country=Afghanistan&from=2021-01-01&to=2021-06-30'],
  ['admin1+type', 'admin1=Balochistan&event_type=Battles'],
  ['sub-type+sort', 'sub_event_type=Suicide%20bomb&sort=fatalities_desc'],
  ['actor', 'actor=police'],
  ['bbox', 'bbox=66,29,69,31'],
  ['disputed', 'disputed=true'],
  ['reviewed', 'status=reviewed'],
  ['min fatalities', 'min_fatalities=10&country=Pakistan'],
  ['deep page', 'country=Pakistan&offset=20000'],
  // A new query each round (nothing cached), and the same one again (as the map, timeline and table ask it at once).
  ['text search', 'q=@'],
  ['text search again', 'q=pipeline%20railway'],
];

/** The round's query: distinct word pairs for the uncached full-text search. */
function queryOf(q: string, round: number): string {
  return q === 'q=@' ? `q=${WORDS[round % WORDS.length]}%20${WORDS[(round * 7 + 3) % WORDS.length]}` : q;
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return +(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0).toFixed(2);
}

export async function benchApi(opts: { n?: number; db?: string; rounds?: number } = {}): Promise<ApiBenchResult> {
  const n = opts.n ?? 100_000;
  const tmp = mkdtempSync(join(tmpdir(), 'sitrep-bench-api-'));
  const target = opts.db ?? join(tmp, 'bench.db');
  const store = await openStore(target);
  try {
    const held = await store.db.selectFrom('articles').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(held.n) > 0) throw new Error(`bench-api writes its own ${n} incidents: give it an empty database (${target} already holds ${held.n} articles)`);
    const t0 = performance.now();
    await seedIncidents(store, n);
    const seedSeconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    const server = await startServer({ store, logger: false, port: 0, rateLimit: false });
    const indexMs = performance.now() - t1;
    const token = (await createToken(store, 'viewer', 'bench')).token;
    const headers = { authorization: `Bearer ${token}` };
    const times: number[] = [];
    const by: Record<string, number[]> = {};
    try {
      // Warm up: the first requests compile the routes' schemas and fill caches.
      for (const [, q] of QUERIES) if (q !== 'q=@') await (await fetch(`${server.url}/api/incidents?${q}`, { headers })).arrayBuffer();
      const rounds = opts.rounds ?? 40;
      for (let i = 0; i < rounds; i++) {
        for (const [name, q] of QUERIES) {
          const s = performance.now();
          const res = await fetch(`${server.url}/api/incidents?${queryOf(q, i)}&limit=50`, { headers });
          const body = (await res.json()) as { total: number };
          const ms = performance.now() - s;
          if (res.status !== 200) throw new Error(`${q}: HTTP ${res.status}`);
          times.push(ms);
          (by[name] ??= []).push(ms);
          if (i === 0) (by[name] as number[] & { total?: number }).total = body.total;
        }
      }
    } finally {
      await server.app.close();
    }
    return {
      incidents: n,
      dialect: store.dialect,
      seed_seconds: +seedSeconds.toFixed(1),
      index_load_ms: Math.round(indexMs),
      requests: times.length,
      p50_ms: pct(times, 50),
      p95_ms: pct(times, 95),
      p99_ms: pct(times, 99),
      max_ms: pct(times, 100),
      by_query: Object.fromEntries(Object.entries(by).map(([k, v]) => [k, { p50_ms: pct(v, 50), p95_ms: pct(v, 95), total: (v as number[] & { total?: number }).total ?? 0 }])),
    };
  } finally {
    await store.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const db = arg('--db');
  if (db && !isPostgresUrl(db)) throw new Error('--db takes a postgres:// URL (SQLite uses a fresh temporary file)');
  const r = await benchApi({ n: Number(arg('--n') ?? 100_000), ...(db ? { db } : {}) });
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(r));
    return;
  }
  console.log(`incident list, ${r.incidents.toLocaleString('en')} incidents (${r.dialect}), ${r.requests} requests over HTTP`);
  console.log(`  seeding ${r.seed_seconds} s; list index built in ${r.index_load_ms} ms at server start`);
  console.log(`  p50 ${r.p50_ms} ms   p95 ${r.p95_ms} ms   p99 ${r.p99_ms} ms   max ${r.max_ms} ms   (target: p95 < 50 ms)`);
  for (const [k, v] of Object.entries(r.by_query)) console.log(`  ${k.padEnd(16)} p50 ${String(v.p50_ms).padStart(6)} ms   p95 ${String(v.p95_ms).padStart(6)} ms   ${v.total.toLocaleString('en')} matching`);
}

// Run as a script (not when the lead's bench imports benchApi).
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  await main().catch((e: unknown) => {
    console.error(`bench-api: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 2;
  });
}
