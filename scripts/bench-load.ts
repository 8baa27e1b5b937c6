/**
 * `npm run bench -- --load`: the server as it runs by default (`sitrep serve`: rate limits,
 * request logs, extraction on worker threads) in its own process on 127.0.0.1, on a fresh
 * SQLite database holding the bundled examples. Two measurements:
 *
 *   1. load: autocannon, 50 connections for 20 s, one viewer token, the incident list with and
 *      without filters; requests/s, p95 and p99 (from every response's time), errors (connection
 *      errors, timeouts and answers other than 2xx, 429 included).
 *   2. /api/health while a 1,000,000-character article is ingested by POST /api/articles: one
 *      health request after another for as long as the article takes; p50/p99/max.
 *
 *   node dist/scripts/bench-load.js [--json] [--seconds N] [--connections N] [--port N]
 *
 * Only 127.0.0.1. On a machine shared with other work, the figures are the machine's, not the
 * server's alone: say so when quoting them.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(ROOT, 'dist/src/cli/main.js');

function arg(name: string, def: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
}

function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function cli(args: string[]): string {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });
  if (r.status !== 0) throw new Error(`sitrep ${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  return r.stdout;
}

async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > until) throw new Error(`the server did not answer at ${url} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function main(): Promise<void> {
  const asJson = process.argv.includes('--json');
  const seconds = arg('--seconds', 20);
  const connections = arg('--connections', 50);
  const port = arg('--port', 8824);
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-load-'));
  const db = join(dir, 'load.db');
  let server: ChildProcess | null = null;
  try {
    cli(['ingest', join(ROOT, 'examples'), '--db', db, '--quiet', '--no-progress', '--jobs', '1']);
    const viewer = (JSON.parse(cli(['token', 'create', '--role', 'viewer', '--name', 'bench', '--json', '--db', db])) as { token: string }).token;
    const analyst = (JSON.parse(cli(['token', 'create', '--role', 'analyst', '--name', 'bench', '--json', '--db', db])) as { token: string }).token;
    // As `sitrep serve` runs by default (logs on, to a file here so the terminal stays readable).
    server = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', String(port)], { stdio: ['ignore', 'ignore', 'inherit'] });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/health`, 30_000);
    const auth = { authorization: `Bearer ${viewer}` };

    // 1. load
    const times: number[] = [];
    const statuses = new Map<number, number>();
    let finish: (r: autocannon.Result) => void = () => {};
    let fail: (e: unknown) => void = () => {};
    const result = new Promise<autocannon.Result>((resolve, reject) => ([finish, fail] = [resolve, reject]));
    const inst = autocannon({
      url: base,
      connections,
      duration: seconds,
      headers: auth,
      requests: [
        { method: 'GET', path: '/api/incidents?limit=20' },
        { method: 'GET', path: '/api/incidents?country=Pakistan&sort=fatalities_desc&limit=10' },
        { method: 'GET', path: '/api/incidents?from=2025-01-01&to=2025-12-31&min_fatalities=1' },
        { method: 'GET', path: '/api/health' },
      ],
    }, (err, r) => (err ? fail(err) : finish(r)));
    inst.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      times.push(responseTime);
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
    });
    const res = await result;
    times.sort((a, b) => a - b);
    const load = {
      connections,
      seconds,
      requests: res.requests.total,
      requests_per_second: Math.round(res.requests.total / seconds),
      p50_ms: Math.round(pct(times, 50) * 10) / 10,
      p95_ms: Math.round(pct(times, 95) * 10) / 10,
      p99_ms: Math.round(pct(times, 99) * 10) / 10,
      errors: res.errors + res.timeouts + res.non2xx,
      non_2xx: res.non2xx,
      statuses: Object.fromEntries(statuses),
    };

    // 2. health while a 1M-character article is extracted
    const s = 'Gunmen killed three policemen in Peshawar on Monday, police said. ';
    const text = s.repeat(Math.ceil(1_000_000 / s.length)).slice(0, 1_000_000);
    // The extraction threads load the language model on first use: one small article first.
    await fetch(`${base}/api/articles`, { method: 'POST', headers: { authorization: `Bearer ${analyst}`, 'content-type': 'application/json' }, body: JSON.stringify({ id: 'warm', text: 'Gunmen killed two policemen in Quetta on Monday, police said.' }) });
    let done = false;
    const t0 = Date.now();
    const post = fetch(`${base}/api/articles`, { method: 'POST', headers: { authorization: `Bearer ${analyst}`, 'content-type': 'application/json' }, body: JSON.stringify({ id: 'huge', text }) }).then(async (r) => {
      done = true;
      return { status: r.status, ms: Date.now() - t0 };
    });
    const waits: number[] = [];
    while (!done) {
      const h0 = performance.now();
      await fetch(`${base}/api/health`, { headers: auth });
      if (!done) waits.push(performance.now() - h0);
      await new Promise((r) => setTimeout(r, 20));
    }
    const posted = await post;
    waits.sort((a, b) => a - b);
    const health = {
      article_chars: text.length,
      article_status: posted.status,
      article_ms: posted.ms,
      health_requests: waits.length,
      health_p50_ms: Math.round(pct(waits, 50) * 10) / 10,
      health_p99_ms: Math.round(pct(waits, 99) * 10) / 10,
      health_max_ms: Math.round((waits[waits.length - 1] ?? NaN) * 10) / 10,
    };
    const out = { load, health_during_1m_ingest: health };
    if (asJson) console.log(JSON.stringify(out));
    else {
      console.log(`load: ${connections} connections, ${seconds} s, one token, 127.0.0.1 (default rate limits and logs)`);
      console.log(`  ${load.requests_per_second} requests/s   p50 ${load.p50_ms} ms   p95 ${load.p95_ms} ms   p99 ${load.p99_ms} ms   errors ${load.errors} (statuses ${JSON.stringify(load.statuses)})`);
      console.log(`/api/health while a ${health.article_chars}-character article is ingested (${health.article_ms} ms, HTTP ${health.article_status}):`);
      console.log(`  ${health.health_requests} requests   p50 ${health.health_p50_ms} ms   p99 ${health.health_p99_ms} ms   max ${health.health_max_ms} ms`);
    }
  } finally {
    server?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`bench-load: ${(e as Error).message}`);
  process.exit(1);
});
