/**
 * The REST API against a real store (SQLite, and PostgreSQL where it is reachable), seeded with
 * the hand-coded fixture articles of api-fixtures.ts: auth and roles, filters, one incident with
 * its evidence, edits kept as overlays, review actions, validation errors, limits, security
 * headers, exports, stats and the OpenAPI document.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { createToken } from '../src/api/auth.js';
import { buildServer, startServer } from '../src/api/server.js';
import type { Store } from '../src/store/store.js';
import { ARTICLES, seed } from './api-fixtures.js';
import { DIALECTS, skipFor, withStore } from './store-fixtures.js';

const here = '[api] ';

interface Ctx {
  app: FastifyInstance;
  store: Store;
  viewer: string;
  analyst: string;
  admin: string;
}

async function withDesk(dialect: (typeof DIALECTS)[number], fn: (c: Ctx) => Promise<void>): Promise<void> {
  await withStore(dialect, async (store) => {
    await seed(store);
    const { app } = await buildServer({ store, logger: false, rateLimit: false });
    const viewer = (await createToken(store, 'viewer', 'Vic Viewer')).token;
    const analyst = (await createToken(store, 'analyst', 'Ann Analyst')).token;
    const admin = (await createToken(store, 'admin', 'Ada Admin')).token;
    try {
      await fn({ app, store, viewer, analyst, admin });
    } finally {
      await app.close();
    }
  });
}

const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

async function get(c: Ctx, url: string, token = c.viewer) {
  const r = await c.app.inject({ url, headers: bearer(token) });
  return { status: r.statusCode, body: r.headers['content-type']?.toString().includes('json') ? r.json() : r.body, headers: r.headers };
}

type Row = { id: string; country: string; admin1: string; location: string; fatalities: number | null; n_articles: number; disputed: boolean; status: string };

async function list(c: Ctx, query = ''): Promise<{ total: number; items: Row[] }> {
  const r = await get(c, `/api/incidents${query ? `?${query}` : ''}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body as { total: number; items: Row[] };
}

async function quetta(c: Ctx): Promise<Row> {
  const r = (await list(c, 'admin1=Balochistan')).items;
  assert.equal(r.length, 1);
  return r[0]!;
}

for (const dialect of DIALECTS) {
  const opts = { skip: skipFor(dialect) };

  test(`${here}${dialect}: reading needs a token; an anonymous write gets 401, a viewer's 403`, opts, () =>
    withDesk(dialect, async (c) => {
      assert.equal((await c.app.inject({ url: '/api/incidents' })).statusCode, 401);
      const anon = await c.app.inject({ method: 'PATCH', url: '/api/incidents/x', payload: { field: 'fatalities', value: 1 } });
      assert.equal(anon.statusCode, 401);
      assert.match(anon.headers['www-authenticate']?.toString() ?? '', /^Bearer/);
      const bad = await c.app.inject({ url: '/api/incidents', headers: bearer('st_' + 'x'.repeat(32)) });
      assert.equal(bad.statusCode, 401);
      const q = await quetta(c);
      const asViewer = await c.app.inject({ method: 'PATCH', url: `/api/incidents/${q.id}`, headers: bearer(c.viewer), payload: { field: 'fatalities', value: 1 } });
      assert.equal(asViewer.statusCode, 403);
      assert.match(asViewer.json().message, /analyst/);
      const review = await c.app.inject({ method: 'POST', url: `/api/incidents/${q.id}/review`, headers: bearer(c.viewer), payload: { action: 'accept' } });
      assert.equal(review.statusCode, 403);
      // Token management is an admin's.
      assert.equal((await get(c, '/api/tokens', c.analyst)).status, 403);
      // Public: health, the OpenAPI document, the UI.
      assert.equal((await c.app.inject({ url: '/api/health' })).statusCode, 200);
      assert.equal((await c.app.inject({ url: '/openapi.json' })).statusCode, 200);
      assert.equal((await c.app.inject({ url: '/' })).statusCode, 200);
    }));

  test(`${here}${dialect}: the list, fused across articles, and its filters`, opts, () =>
    withDesk(dialect, async (c) => {
      const all = await list(c);
      // Four fixture articles, two of which report the Quetta bombing: three incidents.
      assert.equal(all.total, 3);
      const q = await quetta(c);
      assert.equal(q.n_articles, 2);
      assert.equal((await list(c, 'country=Pakistan')).total, 2);
      assert.equal((await list(c, 'country=pakistan,afghanistan')).total, 3, 'a comma-separated list is any of them, without case');
      assert.equal((await list(c, 'country=Afghanistan&disputed=true')).total, 1);
      assert.equal((await list(c, 'disputed=false')).total, 2);
      assert.equal((await list(c, 'event_type=Protests')).items[0]!.location, 'Lahore');
      assert.equal((await list(c, 'sub_event_type=Air%2Fdrone%20strike')).items[0]!.admin1, 'Khost');
      assert.equal((await list(c, 'from=2025-03-01&to=2025-03-31')).items[0]!.location, 'Quetta');
      assert.equal((await list(c, 'actor=police%20forces')).items[0]!.location, 'Quetta');
      // Khost is near 33.4N 69.98E; the box 69,33 – 71,34 holds it and nothing else.
      assert.deepEqual((await list(c, 'bbox=69,33,71,34')).items.map((r) => r.location), ['Sabari']);
      // Full-text search over the articles: "placard" is only in the Lahore article.
      assert.deepEqual((await list(c, 'q=placard')).items.map((r) => r.location), ['Lahore']);
      assert.equal((await list(c, 'q=zzzunknownword')).total, 0);
      assert.equal((await list(c, 'min_fatalities=1')).total, 2);
      const page = await list(c, 'limit=1&offset=1');
      assert.equal(page.total, 3);
      assert.equal(page.items.length, 1);
      assert.equal(page.items[0]!.location, 'Quetta', 'newest first: Khost (April), Quetta (March), Lahore (February)');
    }));

  test(`${here}${dialect}: one incident with every field's evidence, its articles and its sources`, opts, () =>
    withDesk(dialect, async (c) => {
      const q = await quetta(c);
      const r = await get(c, `/api/incidents/${q.id}`);
      assert.equal(r.status, 200);
      const { incident, articles } = r.body as { incident: { trace: Record<string, { evidence: Array<{ article: string; start: number; end: number; text: string }> }>; sources: Array<{ article: string; fatalities: number }> }; articles: Array<{ id: string; text: string }> };
      assert.deepEqual(articles.map((a) => a.id).sort(), ['t-quetta-1', 't-quetta-2']);
      // Every piece of evidence is the exact slice of its article's text.
      const textOf = new Map(articles.map((a) => [a.id, a.text]));
      let n = 0;
      for (const t of Object.values(incident.trace)) {
        for (const e of t.evidence) {
          assert.equal(textOf.get(e.article)!.slice(e.start, e.end), e.text);
          n++;
        }
      }
      assert.ok(n > 5);
      // Each source keeps its own toll: four in the first report, five in the follow-up.
      assert.deepEqual(incident.sources.map((s) => [s.article, s.fatalities]).sort(), [['t-quetta-1', 4], ['t-quetta-2', 5]]);
      assert.equal((await get(c, '/api/incidents/nope')).status, 404);
    }));

  test(`${here}${dialect}: an edit is kept as an overlay with its author, and the list follows it`, opts, () =>
    withDesk(dialect, async (c) => {
      const q = await quetta(c);
      const r = await c.app.inject({ method: 'PATCH', url: `/api/incidents/${q.id}`, headers: bearer(c.analyst), payload: { field: 'fatalities', value: 6, note: 'hospital confirmed a sixth death' } });
      assert.equal(r.statusCode, 200, r.body);
      const d = (await get(c, `/api/incidents/${q.id}`)).body as { incident: { fatalities: number; edited: Record<string, { author: string; extracted: unknown }> }; history: Array<{ field: string; author: string; note: string }> };
      assert.equal(d.incident.fatalities, 6);
      assert.match(d.incident.edited.fatalities!.author, /Ann Analyst/);
      assert.equal(d.history[0]!.note, 'hospital confirmed a sixth death');
      assert.equal((await quetta(c)).fatalities, 6, 'the list shows the edit at once');
      // Clearing a field: value null.
      const cl = await c.app.inject({ method: 'PATCH', url: `/api/incidents/${q.id}`, headers: bearer(c.analyst), payload: { field: 'admin2', value: null } });
      assert.equal(cl.statusCode, 200, cl.body);
      // Review states.
      const acc = await c.app.inject({ method: 'POST', url: `/api/incidents/${q.id}/review`, headers: bearer(c.analyst), payload: { action: 'accept' } });
      assert.equal(acc.json().incident.status, 'reviewed');
      assert.equal((await list(c, 'status=reviewed')).total, 1);
      await c.app.inject({ method: 'POST', url: `/api/incidents/${q.id}/review`, headers: bearer(c.analyst), payload: { action: 'reject' } });
      assert.equal((await list(c, 'status=rejected')).items[0]!.id, q.id);
      // Merge: Lahore into Khost (an analyst's call); the merged one leaves the default list.
      const [kh, la] = [(await list(c, 'admin1=Khost')).items[0]!, (await list(c, 'admin1=Punjab')).items[0]!];
      const m = await c.app.inject({ method: 'POST', url: `/api/incidents/${kh.id}/merge`, headers: bearer(c.analyst), payload: { other: la.id } });
      assert.equal(m.statusCode, 200, m.body);
      assert.equal((await list(c)).total, 2);
      assert.equal((await list(c, 'status=merged')).items[0]!.id, la.id);
      const again = await c.app.inject({ method: 'POST', url: `/api/incidents/${kh.id}/merge`, headers: bearer(c.analyst), payload: { other: la.id } });
      assert.equal(again.statusCode, 400);
      // Split: the follow-up article's report leaves the Quetta incident for a new one.
      const sp = await c.app.inject({ method: 'POST', url: `/api/incidents/${q.id}/split`, headers: bearer(c.analyst), payload: { articles: ['t-quetta-2'] } });
      assert.equal(sp.statusCode, 200, sp.body);
      const rows = (await list(c, 'admin1=Balochistan&status=new,reviewed,rejected')).items;
      assert.deepEqual(rows.map((r) => r.n_articles).sort(), [1, 1]);
      const bad = await c.app.inject({ method: 'POST', url: `/api/incidents/${q.id}/split`, headers: bearer(c.analyst), payload: { articles: ['t-khost'] } });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().message, /not reported by t-khost/);
    }));

  test(`${here}${dialect}: invalid input gets a 400 that says what is wrong; big bodies 413`, opts, () =>
    withDesk(dialect, async (c) => {
      const q = await quetta(c);
      const cases: Array<[string, RegExp]> = [
        ['/api/incidents?bogus=1', /additional properties/],
        ['/api/incidents?limit=1000', /limit/],
        ['/api/incidents?from=2025-02-30', /from is not a date/],
        ['/api/incidents?from=2025-05-01&to=2025-04-01', /after/],
        ['/api/incidents?bbox=1,2,3', /bbox/],
        ['/api/incidents?status=lost', /unknown status lost/],
        ['/api/incidents?disputed=maybe', /disputed/],
      ];
      for (const [url, msg] of cases) {
        const r = await get(c, url);
        assert.equal(r.status, 400, url);
        assert.match((r.body as { message: string }).message, msg, url);
      }
      const patch = (payload: unknown) => c.app.inject({ method: 'PATCH', url: `/api/incidents/${q.id}`, headers: bearer(c.analyst), payload: payload as object });
      let r = await patch({ field: 'nonsense', value: 1 });
      assert.equal(r.statusCode, 400);
      assert.match(r.json().message, /field/);
      r = await patch({ field: 'fatalities', value: 'many' });
      assert.equal(r.statusCode, 400);
      assert.match(r.json().message, /fatalities/);
      r = await patch({ field: 'inter1', value: 9 });
      assert.equal(r.statusCode, 400);
      r = await patch({ value: 3 });
      assert.equal(r.statusCode, 400);
      r = await c.app.inject({ method: 'PATCH', url: `/api/incidents/${q.id}`, headers: { ...bearer(c.analyst), 'content-type': 'application/json' }, payload: '{"field": ' });
      assert.equal(r.statusCode, 400);
      r = await c.app.inject({ method: 'PATCH', url: '/api/incidents/nope', headers: bearer(c.analyst), payload: { field: 'fatalities', value: 1 } });
      assert.equal(r.statusCode, 404);
      // An edit body is small; an article may be large, but not without limit.
      r = await patch({ field: 'location', value: 'x', note: 'y'.repeat(100_000) });
      assert.equal(r.statusCode, 413);
      r = await c.app.inject({ method: 'POST', url: '/api/articles', headers: bearer(c.analyst), payload: { text: 'z '.repeat(2_600_000) } });
      assert.equal(r.statusCode, 413);
    }));

  test(`${here}${dialect}: stats, exports and an article's text as stored`, opts, () =>
    withDesk(dialect, async (c) => {
      const all = (await list(c)).items;
      const st = (await get(c, '/api/stats')).body as { total: { incidents: number; fatalities: number }; by_month: Array<{ month: string; incidents: number }>; by_admin1: Array<{ admin1: string; incidents: number }> };
      assert.equal(st.total.incidents, 3);
      assert.equal(st.total.fatalities, all.reduce((s, r) => s + (r.fatalities ?? 0), 0));
      assert.deepEqual(st.by_month.map((m) => [m.month, m.incidents]), [['2025-02', 1], ['2025-03', 1], ['2025-04', 1]]);
      assert.deepEqual(st.by_admin1.map((a) => a.admin1).sort(), ['Balochistan', 'Khost', 'Punjab']);
      assert.equal(((await get(c, '/api/stats?country=Afghanistan')).body as { total: { incidents: number } }).total.incidents, 1);

      const csv = await get(c, '/api/export/acled.csv?country=Pakistan');
      assert.equal(csv.status, 200);
      assert.match(String(csv.headers['content-type']), /text\/csv/);
      const lines = String(csv.body).trim().split(/\r?\n/);
      assert.match(lines[0]!, /^event_id_cnty,event_date,year,/);
      assert.equal(lines.length, 3, 'header and the two Pakistani incidents');
      const geo = await get(c, '/api/export/incidents.geojson');
      assert.match(String(geo.headers["content-type"]), /geo\+json/);
      const fc = geo.body as { type: string; features: unknown[] };
      assert.equal(fc.type, 'FeatureCollection');
      assert.equal(fc.features.length, 3);
      const map = (await get(c, '/api/map?country=Afghanistan')).body as { features: Array<{ geometry: { coordinates: number[] } }> };
      assert.deepEqual(map.features.map((f) => f.geometry.coordinates), [[69.98, 33.4]]);

      const xss = ARTICLES.find((a) => a.id === 't-xss')!;
      const a = (await get(c, '/api/articles/t-xss')).body as { text: string; title: string; reports: Array<{ incident: string | null }> };
      assert.equal(a.text, xss.text, 'the text comes back exactly as stored, markup included');
      assert.equal(a.title, xss.title);
      assert.equal(a.reports.length, 1);
      assert.equal((await get(c, '/api/articles/none')).status, 404);
      const arts = (await get(c, '/api/articles?q=drone')).body as { items: Array<{ id: string }> };
      assert.deepEqual(arts.items.map((x) => x.id), ['t-khost']);
    }));

  test(`${here}${dialect}: tokens: an admin makes and revokes them; a revoked token stops working`, opts, () =>
    withDesk(dialect, async (c) => {
      const r = await c.app.inject({ method: 'POST', url: '/api/tokens', headers: bearer(c.admin), payload: { role: 'viewer', name: 'Guest' } });
      assert.equal(r.statusCode, 201);
      const { token, id } = r.json() as { token: string; id: string };
      assert.equal((await get(c, '/api/incidents', token)).status, 200);
      const listed = (await get(c, '/api/tokens', c.admin)).body as { tokens: Array<{ id: string; name: string; token?: string }> };
      assert.ok(listed.tokens.some((t) => t.id === id && t.name === 'Guest'));
      assert.ok(listed.tokens.every((t) => t.token === undefined), 'secrets are never listed');
      assert.equal((await c.app.inject({ method: 'POST', url: '/api/tokens', headers: bearer(c.admin), payload: { role: 'root', name: 'x' } })).statusCode, 400);
      assert.equal((await c.app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: bearer(c.admin) })).statusCode, 200);
      assert.equal((await get(c, '/api/incidents', token)).status, 401);
      const me = (await get(c, '/api/me', c.analyst)).body as { role: string; name: string };
      assert.deepEqual([me.role, me.name], ['analyst', 'Ann Analyst']);
    }));
}

test(`${here}a feed URL is ingested: its items extracted, stored, fused, listed`, () =>
  withStore('sqlite', async (store) => {
    const rss = `<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Fixture Feed</title>
<item><title>Gunmen kill two policemen in Bannu</title><link>http://127.0.0.1:PORT/bannu</link><pubDate>Tue, 10 Jun 2025 08:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>Gunmen shot dead two policemen at a checkpoint in Bannu district of Khyber Pakhtunkhwa on Monday, police said.</p><p>The attackers fled on motorcycles, and a search operation was launched in the area.</p>]]></content:encoded></item>
</channel></rss>`;
    const http = await import('node:http');
    // The item is short, so its page is fetched from its link (a teaser is never the article).
    const page = `<html><head><title>Bannu</title></head><body><article><p>Gunmen shot dead two policemen at a checkpoint in Bannu district of Khyber Pakhtunkhwa on Monday, police said.</p><p>The attackers fled on motorcycles, and a search operation was launched in the area.</p></article></body></html>`;
    const feed = http.createServer((req, res) => {
      if (req.url === '/bannu') {
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end(page);
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(rss.replace('PORT', String(port)));
    });
    await new Promise<void>((r) => feed.listen(0, '127.0.0.1', () => r()));
    const port = (feed.address() as { port: number }).port;
    // A server started as it is by default refuses the loopback address (SSRF): the feed is a
    // problem of the request, nothing is stored.
    const strict = await buildServer({ store, logger: false, rateLimit: false });
    const analyst0 = (await createToken(store, 'analyst', 'Ann')).token;
    const refused = await strict.app.inject({ method: 'POST', url: '/api/feeds', headers: bearer(analyst0), payload: { url: `http://127.0.0.1:${port}/feed` } });
    await strict.app.close();
    assert.equal(refused.statusCode, 200, refused.body);
    assert.equal(refused.json().inserted, 0);
    assert.match(JSON.stringify(refused.json().problemList), /refused: 127\.0\.0\.1 is a private, loopback/);
    const { app } = await buildServer({ store, logger: false, rateLimit: false, allowPrivateFetch: ['127.0.0.1'] });
    const analyst = (await createToken(store, 'analyst', 'Ann')).token;
    try {
      const bad = await app.inject({ method: 'POST', url: '/api/feeds', headers: bearer(analyst), payload: { url: 'file:///etc/passwd' } });
      assert.equal(bad.statusCode, 400);
      const r = await app.inject({ method: 'POST', url: '/api/feeds', headers: bearer(analyst), payload: { url: `http://127.0.0.1:${port}/feed` } });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().inserted, 1);
      const viewer = (await createToken(store, 'viewer', 'V')).token;
      const arts = (await app.inject({ url: '/api/articles', headers: bearer(viewer) })).json() as { items: Array<{ title: string; source: string }> };
      assert.deepEqual(arts.items.map((a) => [a.title, a.source]), [['Gunmen kill two policemen in Bannu', 'Fixture Feed']]);
      const again = await app.inject({ method: 'POST', url: '/api/feeds', headers: bearer(analyst), payload: { url: `http://127.0.0.1:${port}/feed` } });
      assert.equal(again.json().inserted, 0, 'the same feed again stores nothing new');
    } finally {
      await app.close();
      feed.close();
    }
  }));

test(`${here}security headers, the OpenAPI document, and a server bound to 127.0.0.1`, () =>
  withStore('sqlite', async (store) => {
    const { app, url } = await startServer({ store, logger: false, port: 0 });
    try {
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const r = await fetch(`${url}/`);
      assert.equal(r.status, 200);
      const csp = r.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /script-src 'self'/);
      assert.doesNotMatch(csp, /unsafe-inline/);
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
      assert.ok(r.headers.get('x-frame-options'));
      const api = (await (await fetch(`${url}/openapi.json`)).json()) as { openapi: string; paths: Record<string, Record<string, { parameters?: Array<{ name: string }> }>> };
      assert.match(api.openapi, /^3\./);
      for (const p of ['/api/incidents', '/api/incidents/{id}', '/api/stats', '/api/articles', '/api/export/acled.csv', '/api/incidents/{id}/review', '/api/incidents/{id}/merge']) assert.ok(api.paths[p], p);
      const params = api.paths['/api/incidents']!.get!.parameters!.map((x) => x.name);
      for (const n of ['from', 'to', 'country', 'admin1', 'event_type', 'sub_event_type', 'actor', 'q', 'bbox', 'disputed', 'status', 'offset', 'limit']) assert.ok(params.includes(n), n);
      const docs = await fetch(`${url}/docs`, { redirect: 'follow' });
      assert.equal(docs.status, 200);
    } finally {
      await app.close();
    }
  }));
