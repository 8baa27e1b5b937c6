/**
 * Alert latency: from an article posted to the API (POST /api/articles: extraction, storage,
 * fusion, rule evaluation) to its signed webhook received by a local HTTP server, with the
 * server's own dispatcher (as `sitrep serve` runs it). Reported as p50/p95/max over distinct
 * articles, each reporting a new incident that matches the rule; also the part after the API's
 * answer (what alerting adds on top of ingest). The extractor is loaded by one untimed article
 * first. An article ingested by another process (`sitrep ingest` beside the server) is picked
 * up by the dispatcher's poll, every 2 s, on top of this.
 *
 *   node dist/scripts/bench-alerts.js [--n 20] [--json]
 *
 * Ports 8850 (API) and 8858 (receiver); a fresh SQLite file in a temporary folder.
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Dispatcher } from '../src/alerts/deliver.js';
import { parseFilter } from '../src/alerts/rule.js';
import { addRule } from '../src/alerts/rules-store.js';
import { createToken } from '../src/api/auth.js';
import { startServer } from '../src/api/server.js';
import { openStore } from '../src/store/open-store.js';

export interface AlertBenchResult {
  articles: number;
  delivered: number;
  missed: number;
  ingest_to_webhook_p50_ms: number;
  ingest_to_webhook_p95_ms: number;
  ingest_to_webhook_max_ms: number;
  after_api_answer_p50_ms: number;
  after_api_answer_p95_ms: number;
  /** The API's answer time (extraction, storage, fusion, rule evaluation) with 1 rule, then with 100. */
  api_answer_p50_ms_1_rule: number;
  api_answer_p50_ms_100_rules: number;
}

const TOWNS = [
  ['Bannu', 'Khyber Pakhtunkhwa'],
  ['Turbat', 'Balochistan'],
  ['Kohat', 'Khyber Pakhtunkhwa'],
  ['Khuzdar', 'Balochistan'],
  ['Mardan', 'Khyber Pakhtunkhwa'],
  ['Gwadar', 'Balochistan'],
  ['Lakki Marwat', 'Khyber Pakhtunkhwa'],
  ['Zhob', 'Balochistan'],
  ['Tank', 'Khyber Pakhtunkhwa'],
  ['Sibi', 'Balochistan'],
] as const;

/** A short report written for this bench: a distinct town and day each, so each is a new incident. */
function article(i: number) {
  const [town, province] = TOWNS[i % TOWNS.length]!;
  const day = new Date(Date.UTC(2025, 0, 1 + i * 3)).toISOString().slice(0, 10);
  const n = 2 + (i % 7);
  return {
    id: `bench-alert-${i}`,
    url: `https://example.org/bench/${i}`,
    source: 'Bench Wire',
    published: day,
    text: `${town.toUpperCase()}: A roadside bomb killed ${n} soldiers in ${town}, ${province} province, Pakistan, on ${day}, the military said. No group claimed the attack.`,
  };
}

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! * 10) / 10;
};

export async function benchAlerts(n = 20): Promise<AlertBenchResult> {
  const tmp = mkdtempSync(join(tmpdir(), 'sitrep-bench-alerts-'));
  const store = await openStore(join(tmp, 'bench.db'));
  const arrived = new Map<string, number>();
  let secret = '';
  let bad = 0;
  const rx = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      const t = performance.now();
      const body = Buffer.concat(parts).toString('utf8');
      if (req.headers['x-sitrep-signature'] !== 'sha256=' + createHmac('sha256', secret).update(body).digest('hex')) bad++;
      const id = (JSON.parse(body) as { alert: { incident: string } }).alert.incident;
      if (!arrived.has(id)) arrived.set(id, t);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => rx.listen(8858, '127.0.0.1', r));
  const { app, url } = await startServer({ store, port: 8850, rateLimit: false });
  const dispatcher = new Dispatcher(store, { publicUrl: url });
  dispatcher.start();
  try {
    const token = (await createToken(store, 'analyst', 'bench')).token;
    const post = async (a: ReturnType<typeof article>) => {
      const r = await fetch(`${url}/api/articles`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(a) });
      return (await r.json()) as { incidents: string[] };
    };
    // Load the extractor before the rule exists: not part of any alert's latency.
    await post({ ...article(10_000), id: 'warm-up' });
    secret = (await addRule(store, { name: 'Pakistan', owner: 'bench', filter: parseFilter('country=Pakistan'), webhook_url: 'http://127.0.0.1:8858/hook' })).webhook_secret!;
    const total: number[] = [];
    const after: number[] = [];
    const answer: number[] = [];
    let missed = 0;
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      const r = await post(article(i));
      const t1 = performance.now();
      answer.push(t1 - t0);
      const id = r.incidents[0];
      const until = t1 + 5000;
      while (id && !arrived.has(id) && performance.now() < until) await new Promise((res) => setTimeout(res, 1));
      const t2 = id ? arrived.get(id) : undefined;
      if (t2 === undefined) {
        missed++;
        continue;
      }
      total.push(t2 - t0);
      after.push(Math.max(0, t2 - t1));
    }
    if (bad) throw new Error(`${bad} webhooks had a bad signature`);
    // The same with 99 more rules that do not match (other countries, types, tolls, words).
    const others = ['country=Nigeria', 'country=Mali&event_type=Battles', 'admin1=Punjab&min_fatalities=50', 'q=ceasefire talks', 'actor=Wagner', 'bbox=10,0,20,10', 'sub_event_type=Peaceful protest', 'country=Somalia&disputed=true', 'country=Syria&min_fatalities=10'];
    for (let k = 0; k < 99; k++) await addRule(store, { name: `other ${k}`, owner: 'bench', filter: parseFilter(others[k % others.length]!), webhook_url: 'http://127.0.0.1:8858/other' });
    const answer100: number[] = [];
    for (let i = n; i < 2 * n; i++) {
      const t0 = performance.now();
      await post(article(i));
      answer100.push(performance.now() - t0);
    }
    return {
      articles: n,
      delivered: total.length,
      missed,
      ingest_to_webhook_p50_ms: pct(total, 50),
      ingest_to_webhook_p95_ms: pct(total, 95),
      ingest_to_webhook_max_ms: pct(total, 100),
      after_api_answer_p50_ms: pct(after, 50),
      after_api_answer_p95_ms: pct(after, 95),
      api_answer_p50_ms_1_rule: pct(answer, 50),
      api_answer_p50_ms_100_rules: pct(answer100, 50),
    };
  } finally {
    await dispatcher.stop();
    await app.close();
    await new Promise<void>((r) => rx.close(() => r()));
    await store.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--n');
  const r = await benchAlerts(i >= 0 ? Number(process.argv[i + 1]) : 20);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(r));
    return;
  }
  console.log(`alert latency, ${r.delivered} of ${r.articles} articles alerted (POST /api/articles → signed webhook received)`);
  console.log(`  ingest to webhook: p50 ${r.ingest_to_webhook_p50_ms} ms   p95 ${r.ingest_to_webhook_p95_ms} ms   max ${r.ingest_to_webhook_max_ms} ms`);
  console.log(`  after the API's answer: p50 ${r.after_api_answer_p50_ms} ms   p95 ${r.after_api_answer_p95_ms} ms`);
  console.log(`  the API's answer (ingest with rule evaluation): p50 ${r.api_answer_p50_ms_1_rule} ms with 1 rule, ${r.api_answer_p50_ms_100_rules} ms with 100`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  await main().catch((e: unknown) => {
    console.error(`bench-alerts: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 2;
  });
}
