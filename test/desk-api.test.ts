/**
 * The API the desk's table, map and stats stand on, against a real SQLite store with the
 * hand-coded fixtures and 300 synthetic incidents: every sort key orders as it says (unknown
 * values last), min_confidence filters, confidence is in every row, bulk review changes exactly
 * the incidents named (all or none), the map's columns hold what the GeoJSON holds, and the
 * stats over coded columns equal the plain computation over rows.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createToken } from '../src/api/auth.js';
import { SORT_KEYS } from '../src/api/list-index.js';
import { stats } from '../src/api/routes.js';
import { buildServer, type Desk } from '../src/api/server.js';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/store.js';
import { seedIncidents } from '../scripts/bench-api.js';
import { seed } from './api-fixtures.js';

const here = '[desk-api] ';
let dir = '';
let store: Store;
let app: FastifyInstance;
let desk: Desk;
let viewer = '';
let analyst = '';

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-desk-api-'));
  store = await openStore(join(dir, 'd.db'));
  await seed(store);
  await seedIncidents(store, 300);
  ({ app, desk } = await buildServer({ store, rateLimit: false }));
  viewer = (await createToken(store, 'viewer', 'V')).token;
  analyst = (await createToken(store, 'analyst', 'A')).token;
});

after(async () => {
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Row = { id: string; event_date: string | null; sub_event_type: string | null; event_type: string | null; country: string | null; admin1: string | null; location: string | null; fatalities: number | null; confidence: number | null; n_articles: number; status: string };

async function get<T>(url: string, token = viewer): Promise<T> {
  const r = await app.inject({ url, headers: { authorization: `Bearer ${token}` } });
  assert.equal(r.statusCode, 200, r.body);
  return r.json() as T;
}

const rowsOf = async (q: string) => (await get<{ total: number; items: Row[] }>(`/api/incidents?limit=500&${q}`)).items;

test(here + 'every sort key orders the whole list as it says, unknown values last, ties newest first', async () => {
  const keyOf: Record<string, (r: Row) => string | number | null> = {
    date: (r) => r.event_date,
    type: (r) => r.sub_event_type ?? r.event_type ?? null,
    place: (r) => [r.country, r.admin1, r.location].map((x) => x ?? '').join('\u0000') || null,
    fatalities: (r) => r.fatalities,
    confidence: (r) => r.confidence,
    sources: (r) => r.n_articles,
    status: (r) => r.status,
  };
  for (const sort of SORT_KEYS) {
    const rows = await rowsOf(`sort=${sort}`);
    assert.equal(rows.length, 303, sort);
    const [col, dir] = sort.split('_') as [string, 'asc' | 'desc'];
    const vals = rows.map(keyOf[col]!);
    const known = vals.filter((v) => v !== null);
    // Unknown values come after every known one.
    assert.ok(vals.slice(known.length).every((v) => v === null), `${sort}: unknown last`);
    for (let i = 1; i < known.length; i++) {
      const a = known[i - 1]!;
      const b = known[i]!;
      const cmp = typeof a === 'number' ? a - (b as number) : String(a).localeCompare(String(b));
      assert.ok(dir === 'asc' ? cmp <= 0 : cmp >= 0, `${sort} at ${i}: ${String(a)} then ${String(b)}`);
    }
  }
  const bad = await app.inject({ url: '/api/incidents?sort=confidence', headers: { authorization: `Bearer ${viewer}` } });
  assert.equal(bad.statusCode, 400);
});

test(here + 'confidence is in every row; min_confidence keeps those at or above it and leaves out the unknown', async () => {
  const all = await rowsOf('');
  assert.ok(all.every((r) => 'confidence' in r));
  assert.ok(all.some((r) => r.confidence === null), 'the hand-coded fixtures have none');
  const high = await rowsOf('min_confidence=0.75');
  assert.equal(high.length, all.filter((r) => r.confidence !== null && r.confidence >= 0.75).length);
  assert.ok(high.length > 30 && high.length < 120, String(high.length));
  assert.equal((await app.inject({ url: '/api/incidents?min_confidence=2', headers: { authorization: `Bearer ${viewer}` } })).statusCode, 400);
  // The map and the stats use the same filter.
  const map = await get<{ n: number }>('/api/map?format=columns&min_confidence=0.75');
  assert.equal(map.n, high.filter((r) => (r as unknown as { latitude: number | null }).latitude !== null).length);
});

test(here + 'bulk review: accepts the named incidents in one request, each an edit with its author; a stale id refuses the whole batch; a viewer gets 403', async () => {
  const ids = (await rowsOf('status=new')).slice(0, 4).map((r) => r.id);
  const post = (body: unknown, token = analyst) => app.inject({ method: 'POST', url: '/api/incidents/review', headers: { authorization: `Bearer ${token}` }, payload: body as object });
  assert.equal((await post({ ids, action: 'accept' }, viewer)).statusCode, 403);
  const stale = await post({ ids: [ids[0], 'no-such-incident'], action: 'reject' });
  assert.equal(stale.statusCode, 404);
  assert.equal((await store.incident(ids[0]!))!.status, 'new', 'nothing changed');
  const r = await post({ ids, action: 'accept', note: 'checked against the provincial report' });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal((r.json() as { updated: number }).updated, 4);
  for (const id of ids) {
    const v = (await store.incident(id))!;
    assert.equal(v.status, 'reviewed');
    assert.equal(v.edits.at(-1)!.note, 'checked against the provincial report');
  }
  // The list sees it at once.
  const reviewed = new Set((await rowsOf('status=reviewed')).map((x) => x.id));
  for (const id of ids) assert.ok(reviewed.has(id));
  assert.equal((await post({ ids: [], action: 'accept' })).statusCode, 400);
  assert.equal((await post({ ids, action: 'delete' })).statusCode, 400);
});

test(here + "the map's columns hold what its GeoJSON holds", async () => {
  const geo = await get<{ features: Array<{ id: string; geometry: { coordinates: [number, number] }; properties: Record<string, unknown> }> }>('/api/map?country=Pakistan');
  const c = await get<{ n: number; ids: string[]; lon: number[]; lat: number[]; fatalities: number[]; date: number[]; type: number[]; sub: number[]; place: number[]; status: number[]; disputed: number[]; dicts: Record<string, string[]> }>('/api/map?country=Pakistan&format=columns');
  assert.equal(c.n, geo.features.length);
  assert.ok(c.n > 100);
  geo.features.forEach((f, i) => {
    assert.equal(c.ids[i], f.id);
    assert.ok(Math.abs(c.lon[i]! - f.geometry.coordinates[0]) < 1e-4 && Math.abs(c.lat[i]! - f.geometry.coordinates[1]) < 1e-4);
    assert.equal(c.fatalities[i] === -1 ? null : c.fatalities[i], f.properties.fatalities);
    assert.equal(c.dicts.sub![c.sub[i]!] || null, f.properties.sub_event_type);
    assert.equal(c.dicts.status![c.status[i]!], f.properties.status);
    assert.equal(c.disputed[i] === 1, f.properties.disputed);
    assert.equal(String(c.date[i]), String(f.properties.event_date).replace(/-/g, ''));
    assert.equal(c.dicts.place![c.place[i]!], [f.properties.location, f.properties.admin1, f.properties.country].filter(Boolean).join(', '));
  });
});

test(here + 'stats over the coded columns equal the plain computation over rows, for several filters', async () => {
  const norm = (x: unknown) => JSON.stringify(x, (_k, v: unknown) => (Array.isArray(v) ? [...v].map((e) => JSON.stringify(e)).sort() : v));
  for (const q of [{}, { country: ['Pakistan'] }, { event_type: ['Battles'], from: '2020-01-01' }, { min_confidence: 0.5 }, { status: ['new', 'reviewed', 'rejected'] }]) {
    const fast = desk.index.stats(q);
    const slow = stats(desk.index.filter(q));
    assert.deepEqual(fast.total, slow.total, JSON.stringify(q));
    for (const k of ['by_month', 'by_day', 'by_month_admin1', 'by_admin1', 'by_type', 'by_month_type', 'by_day_type', 'by_month_actor'] as const) {
      assert.equal(norm(fast[k]), norm(slow[k]), `${k} ${JSON.stringify(q)}`);
    }
    // Top actors: the same counts (names tied at the cut may differ in order).
    assert.deepEqual(fast.by_actor.map((a) => a.incidents), slow.by_actor.map((a) => a.incidents));
  }
});

test(here + "stats?only=timeline holds the timeline's parts, equal to the full answer's (counted alone, and taken from a kept full answer)", async () => {
  // The timeline first: counted on its own; then the full tally; then the timeline again, from it.
  const alone = await get<Record<string, unknown>>('/api/stats?country=Pakistan&only=timeline');
  const full = await get<Record<string, unknown>>('/api/stats?country=Pakistan');
  const kept = await get<Record<string, unknown>>('/api/stats?country=Pakistan&only=timeline');
  for (const tl of [alone, kept]) {
    assert.deepEqual(Object.keys(tl).sort(), ['by_day', 'by_day_type', 'by_month', 'by_month_type', 'total']);
    for (const k of Object.keys(tl)) assert.deepEqual(tl[k], full[k], k);
  }
});

test(here + 'kept answers (stats, timeline, filter options, map clusters) follow an edit at once', async () => {
  const before = await get<{ total: { incidents: number } }>('/api/stats?status=new');
  const tlBefore = await get<{ total: { incidents: number } }>('/api/stats?status=new&only=timeline');
  const mapBefore = await get<{ total: number }>('/api/map/clusters?status=new&zoom=0');
  const optsBefore = await get<{ countries: Array<{ name: string; n: number }> }>('/api/options');
  const page = await get<{ items: Array<{ id: string; country: string | null; latitude: number | null }> }>('/api/incidents?status=new&limit=500');
  const row = page.items.find((r) => r.latitude !== null && r.country)!;
  const r = await app.inject({ method: 'POST', url: `/api/incidents/${encodeURIComponent(row.id)}/review`, headers: { authorization: `Bearer ${analyst}` }, payload: { action: 'reject' } });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal((await get<{ total: { incidents: number } }>('/api/stats?status=new')).total.incidents, before.total.incidents - 1);
  assert.equal((await get<{ total: { incidents: number } }>('/api/stats?status=new&only=timeline')).total.incidents, tlBefore.total.incidents - 1);
  assert.equal((await get<{ total: number }>('/api/map/clusters?status=new&zoom=0')).total, mapBefore.total - 1);
  // Options count new, reviewed and rejected alike: a rejection keeps the country's count.
  const optsAfter = await get<{ countries: Array<{ name: string; n: number }> }>('/api/options');
  assert.deepEqual(optsAfter.countries, optsBefore.countries);
  const back = await app.inject({ method: 'POST', url: `/api/incidents/${encodeURIComponent(row.id)}/review`, headers: { authorization: `Bearer ${analyst}` }, payload: { action: 'reopen' } });
  assert.equal(back.statusCode, 200, back.body);
  assert.equal((await get<{ total: { incidents: number } }>('/api/stats?status=new')).total.incidents, before.total.incidents);
});

test(here + "each map cluster's counts by type add up to its size, at every zoom", async () => {
  for (const zoom of [0, 2, 4, 6, 8, 10]) {
    const r = await get<{ items: Array<{ count?: number; types?: Record<string, number> }> }>(`/api/map/clusters?zoom=${zoom}`);
    for (const c of r.items.filter((x) => x.count !== undefined)) {
      assert.equal(Object.values(c.types!).reduce((a, b) => a + b, 0), c.count, `zoom ${zoom}: ${JSON.stringify(c)}`);
    }
  }
});
