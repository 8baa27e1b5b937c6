/**
 * The MCP server with the SDK's own client, over Streamable HTTP on the API server (port 8854) and
 * over stdio (`sitrep mcp`, a child process): it lists the tools, calls each, and gets what the
 * HTTP API gives for the same query; a viewer's token cannot ingest, a missing one cannot connect.
 * Also here, since it too runs the real extractor (loaded once per file): alert rules made through
 * the API fire exactly once on an article ingested through the API, and its webhook arrives.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { Dispatcher } from '../src/alerts/deliver.js';
import { createToken } from '../src/api/auth.js';
import { startServer } from '../src/api/server.js';
import { INCIDENT_FIELDS, toReportIncident } from '../src/core/report.js';
import { extractArticle } from '../src/pipeline.js';
import { seed } from './api-fixtures.js';
import { CLI } from './paths.js';
import { withStore } from './store-fixtures.js';

const TOOLS = ['extract', 'get_incident', 'ingest_article', 'search_incidents', 'stats'];

// Written for this test.
const ARTICLE = {
  id: 'mcp-parachinar',
  url: 'https://example.org/news/parachinar-market-bombing',
  source: 'Example Wire',
  title: 'Suicide bomber kills 12 in Parachinar market',
  published: '2025-05-04',
  text: 'A suicide bomber blew himself up in a crowded market in Parachinar, the main town of Kurram district, on Saturday, killing 12 people and wounding 30, police said.',
};

type Result = { structuredContent?: Record<string, unknown>; isError?: boolean; content: Array<{ type: string; text?: string }> };

async function connect(url: string, token?: string): Promise<Client> {
  const client = new Client({ name: 'sitrep-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), token ? { requestInit: { headers: { authorization: `Bearer ${token}` } } } : {}));
  return client;
}

async function call(c: Client, name: string, args: Record<string, unknown>): Promise<Result> {
  return (await c.callTool({ name, arguments: args })) as Result;
}

test('[mcp] Streamable HTTP: the tools answer as the API does, with sources and evidence; a viewer cannot ingest', async () => {
  await withStore('sqlite', async (store, target) => {
    await seed(store);
    const viewer = (await createToken(store, 'viewer', 'Vic Viewer')).token;
    const analyst = (await createToken(store, 'analyst', 'Ann Analyst')).token;
    const { app, url } = await startServer({ store, port: 8854, rateLimit: false, mcp: true });
    const api = async (path: string, token = viewer) => {
      const r = await fetch(url + path, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(r.status, 200, path);
      return (await r.json()) as Record<string, unknown>;
    };
    try {
      // Without a token: the same 401 as the API.
      await assert.rejects(connect(`${url}/mcp`), /401|unauthorized/i);
      const c = await connect(`${url}/mcp`, viewer);
      const tools = await c.listTools();
      assert.deepEqual(tools.tools.map((t) => t.name).sort(), TOOLS);
      const search = tools.tools.find((t) => t.name === 'search_incidents')!;
      assert.ok(Object.keys((search.inputSchema as { properties: object }).properties).includes('min_fatalities'), "the API's filters are the tool's inputs");

      // search_incidents = GET /api/incidents, plus sources and evidence.
      for (const q of [{}, { country: 'Pakistan' }, { admin1: 'Balochistan', min_fatalities: 1 }, { q: 'drone' }, { disputed: true }, { country: 'Nowhere' }]) {
        const qs = new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)])).toString();
        const fromApi = (await api(`/api/incidents?${qs}`)) as { total: number; items: Array<Record<string, unknown>> };
        const r = await call(c, 'search_incidents', q);
        assert.ok(!r.isError, JSON.stringify(r.content));
        const got = r.structuredContent as { total: number; items: Array<Record<string, unknown> & { sources: Array<{ article: string }>; evidence: Array<{ article: string; start: number; end: number; text: string }> }> };
        assert.equal(got.total, fromApi.total, qs);
        assert.deepEqual(got.items.map((i) => i.id), fromApi.items.map((i) => i.id), qs);
        for (const [i, item] of got.items.entries()) {
          for (const [k, v] of Object.entries(fromApi.items[i]!)) assert.deepEqual(item[k], v, `${qs} ${k}`);
          assert.ok(item.sources.length >= 1 && item.evidence.length >= 1, 'each incident carries its sources and evidence');
        }
        // The text content is the same answer, for clients that read only text.
        assert.deepEqual(JSON.parse(r.content[0]!.text!), got);
      }

      // get_incident = GET /api/incidents/:id: the same values, each with its evidence quotes.
      const first = ((await api('/api/incidents?admin1=Balochistan')) as { items: Array<{ id: string }> }).items[0]!.id;
      const one = (await api(`/api/incidents/${first}`)) as { incident: Record<string, unknown> & { articles: string[] }; articles: Array<{ id: string; url: string | null; source: string | null; text: string }> };
      const g = (await call(c, 'get_incident', { id: first })).structuredContent as { id: string; fields: Record<string, { value: unknown; evidence?: Array<{ article: string; start: number; end: number; text: string }> }>; sources: Array<{ article: string; url: string | null; source: string | null }>; link: string };
      assert.equal(g.id, first);
      assert.equal(g.link, `${url}/#/incident/${first}`);
      for (const f of INCIDENT_FIELDS) assert.deepEqual(g.fields[f]?.value ?? null, one.incident[f] ?? null, f);
      assert.deepEqual(g.sources.map((s) => [s.article, s.url, s.source]), one.articles.map((a) => [a.id, a.url, a.source]));
      const texts = new Map(one.articles.map((a) => [a.id, a.text]));
      let quoted = 0;
      for (const fv of Object.values(g.fields))
        for (const e of fv.evidence ?? []) {
          assert.equal(texts.get(e.article)!.slice(e.start, e.end), e.text, 'an evidence quote is the article text at its offsets');
          quoted++;
        }
      assert.ok(quoted >= 3);
      const missing = await call(c, 'get_incident', { id: 'no-such-incident' });
      assert.equal(missing.isError, true);

      // stats = GET /api/stats.
      for (const q of [{}, { country: 'Pakistan' }] as Array<Record<string, string>>) {
        const qs = new URLSearchParams(q).toString();
        assert.deepEqual((await call(c, 'stats', q)).structuredContent, await api(`/api/stats?${qs}`));
      }

      // extract: the pipeline's own answer, nothing stored.
      const before = await store.articleCount();
      const ex = (await call(c, 'extract', { text: ARTICLE.text, published: ARTICLE.published })).structuredContent as { incidents: Array<{ trace: Record<string, { evidence: Array<{ start: number; end: number; text: string }> }> }> };
      const direct = extractArticle({ id: 'text', text: ARTICLE.text, published: ARTICLE.published });
      assert.deepEqual(ex.incidents, JSON.parse(JSON.stringify(direct.incidents.map(toReportIncident))));
      assert.ok(ex.incidents.length >= 1);
      for (const inc of ex.incidents) for (const t of Object.values(inc.trace)) for (const e of t.evidence) assert.equal(ARTICLE.text.slice(e.start, e.end), e.text);
      assert.equal(await store.articleCount(), before);

      // ingest_article: refused to a viewer, done for an analyst, and then the API sees it.
      const refused = await call(c, 'ingest_article', ARTICLE);
      assert.equal(refused.isError, true);
      assert.match(refused.content[0]!.text!, /needs the role analyst; this connection's role is viewer/);
      assert.equal(await store.articleCount(), before);
      await c.close();
      const a = await connect(`${url}/mcp`, analyst);
      const ing = (await call(a, 'ingest_article', ARTICLE)).structuredContent as { article: string; status: string; incidents: string[] };
      assert.deepEqual([ing.article, ing.status], ['mcp-parachinar', 'inserted']);
      assert.equal(await store.articleCount(), before + 1);
      const art = (await api('/api/articles/mcp-parachinar')) as { reports: Array<{ incident: string | null }> };
      assert.deepEqual([...new Set(art.reports.map((r) => r.incident))].sort(), [...ing.incidents].sort());
      const again = (await call(a, 'ingest_article', ARTICLE)).structuredContent as { status: string };
      assert.equal(again.status, 'unchanged');
      await a.close();

      // stdio: `sitrep mcp --db` over the same database, the same answers.
      const s = new Client({ name: 'sitrep-test-stdio', version: '1.0.0' });
      await s.connect(new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp', '--db', target], stderr: 'pipe' }));
      try {
        assert.deepEqual((await s.listTools()).tools.map((t) => t.name).sort(), TOOLS);
        const viaStdio = (await call(s, 'search_incidents', { country: 'Pakistan' })).structuredContent as { total: number; items: Array<{ id: string; link: string | null }> };
        const viaHttp = (await api('/api/incidents?country=Pakistan')) as { total: number; items: Array<{ id: string }> };
        assert.equal(viaStdio.total, viaHttp.total);
        assert.deepEqual(viaStdio.items.map((i) => i.id), viaHttp.items.map((i) => i.id));
        assert.equal(viaStdio.items[0]!.link, null, 'no desk address given: no links');
        assert.deepEqual((await call(s, 'stats', {})).structuredContent, await api('/api/stats'));
        const no = await call(s, 'ingest_article', { ...ARTICLE, id: 'other', text: ARTICLE.text + ' More later.' });
        assert.equal(no.isError, true, 'stdio is a viewer unless --role analyst');
      } finally {
        await s.close();
      }
    } finally {
      await app.close();
    }
  });
});

test('[alerts/api] rules made through the API fire once on an article ingested through the API; the webhook arrives signed; unrelated rules stay silent', async () => {
  const got: Array<{ body: string; sig: string }> = [];
  const rx = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      got.push({ body: Buffer.concat(parts).toString('utf8'), sig: String(req.headers['x-sitrep-signature']) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => rx.listen(8855, '127.0.0.1', r));
  await withStore('sqlite', async (store) => {
    const viewer = (await createToken(store, 'viewer', 'Vic Viewer')).token;
    const analyst = (await createToken(store, 'analyst', 'Ann Analyst')).token;
    const { app, url } = await startServer({ store, port: 8856, rateLimit: false });
    const dispatcher = new Dispatcher(store, { publicUrl: url, backoffMs: 20, pollMs: 100 });
    dispatcher.start();
    const send = async (method: string, path: string, token: string, body?: unknown) => {
      const r = await fetch(url + path, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
      return { status: r.status, body: (await r.json()) as Record<string, unknown> };
    };
    try {
      // A viewer may keep a feed rule, not a webhook; a bad filter is a 400 that says why.
      assert.equal((await send('POST', '/api/alerts', viewer, { name: 'x', filter: 'country=Pakistan', webhook_url: 'http://127.0.0.1:8855/' })).status, 403);
      const bad = await send('POST', '/api/alerts', analyst, { name: 'x', filter: 'min_fatalities=lots' });
      assert.deepEqual([bad.status, bad.body.error], [400, 'bad_request']);
      const feedRule = await send('POST', '/api/alerts', viewer, { name: 'Pakistan feed', filter: 'country=Pakistan' });
      assert.equal(feedRule.status, 201);
      const hook = await send('POST', '/api/alerts', analyst, { name: 'Bombings in Pakistan', filter: '#/?country=Pakistan&event_type=Explosions/Remote violence', webhook_url: 'http://127.0.0.1:8855/hook' });
      assert.equal(hook.status, 201);
      const secret = hook.body.webhook_secret as string;
      const other = await send('POST', '/api/alerts', analyst, { name: 'Protests in Nigeria', filter: { country: ['Nigeria'], event_type: ['Protests'] }, webhook_url: 'http://127.0.0.1:8855/other' });
      assert.equal(other.status, 201);
      // Each sees their own rules.
      assert.deepEqual(((await send('GET', '/api/alerts', viewer)).body.rules as Array<{ name: string }>).map((r) => r.name), ['Pakistan feed']);

      const ing = await send('POST', '/api/articles', analyst, ARTICLE);
      assert.equal(ing.status, 201);
      const incidents = ing.body.incidents as string[];
      assert.ok(incidents.length >= 1, 'the extractor finds the bombing');
      // The same article again: nothing new, nothing fired.
      assert.equal((await send('POST', '/api/articles', analyst, ARTICLE)).status, 200);
      for (let i = 0; i < 100 && got.length < incidents.length; i++) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(got.length, incidents.length, 'one webhook per incident, sent once');
      for (const g of got) assert.equal(g.sig, 'sha256=' + createHmac('sha256', secret).update(g.body).digest('hex'));
      const alert = JSON.parse(got[0]!.body).alert;
      assert.equal(alert.rule.name, 'Bombings in Pakistan');
      assert.deepEqual(alert.sources.map((x: { url: string }) => x.url), [ARTICLE.url]);
      assert.ok(alert.evidence.every((e: { start: number; end: number; text: string }) => ARTICLE.text.slice(e.start, e.end) === e.text));
      // The delivery log, and the feed (public under its key only).
      const log = (await send('GET', `/api/alerts/${hook.body.id}/deliveries`, analyst)).body.deliveries as Array<{ status: string; log: unknown[] }>;
      assert.deepEqual(log.map((d) => [d.status, d.log.length]), incidents.map(() => ['delivered', 1]));
      assert.equal(((await send('GET', `/api/alerts/${other.body.id}/deliveries`, analyst)).body.deliveries as unknown[]).length, 0, 'the unrelated rule never fired');
      const feedUrl = feedRule.body.feed_url as string;
      const feed = await fetch(feedUrl);
      assert.equal(feed.status, 200);
      assert.match(feed.headers.get('content-type')!, /application\/atom\+xml/);
      assert.equal(((await feed.text()).match(/<entry>/g) ?? []).length, incidents.length);
      assert.equal((await fetch(feedUrl.replace(/key=.*/, 'key=wrong'))).status, 404);
      // Only the owner (or an admin) removes a rule.
      assert.equal((await send('DELETE', `/api/alerts/${hook.body.id}`, viewer)).status, 404);
      assert.equal((await send('DELETE', `/api/alerts/${hook.body.id}`, analyst)).status, 200);
    } finally {
      await dispatcher.stop();
      await app.close();
    }
  });
  await new Promise<void>((r) => rx.close(() => r()));
});
