/**
 * Scaling: ingest throughput with `--jobs 1` and `--jobs 2` (worker threads, one writer, SQLite),
 * and with one and two `sitrep worker` processes on the queue (Redis, PostgreSQL), over the same
 * articles (the first --limit ACLED dev texts, 1,000 by default). Steady state: the thread pools
 * are warmed before timing, and the queue figure is the rate between the 10th and the 90th
 * percentile of job completions, so a worker's start (it loads the language model) is left out;
 * the queue's end-to-end time (fusion included) is printed beside it.
 *
 *   node dist/scripts/bench-scale.js [--json] [--limit N] [--no-queue]
 *
 * Needs PostgreSQL ($SITREP_TEST_PG, a server where it may create a database) and Redis
 * ($SITREP_TEST_REDIS) for the queue rows; without them it says so and measures the threads only.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import pg from 'pg';
import { ExtractPool } from '../src/run/pool.js';
import { enqueueInputs, openQueue, queueStatus } from '../src/run/queue.js';
import { ingest } from '../src/store/ingest-run.js';
import { openStore } from '../src/store/open-store.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const EVAL = resolve(ROOT, process.env.SITREP_EVAL_DIR ?? '../shared/eval');
const CLI = join(ROOT, 'dist/src/cli/main.js');
const PG_URL = process.env.SITREP_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.SITREP_TEST_REDIS ?? 'redis://127.0.0.1:6379';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const r1 = (x: number) => Math.round(x * 10) / 10;

async function threads(input: string, n: number, jobs: number, tmp: string) {
  const pool = new ExtractPool({ threads: jobs });
  // Warm every thread (each loads the language model) before the clock starts.
  await Promise.all(Array.from({ length: jobs * 2 }, (_, i) => pool.extract({ id: `warm${i}`, text: 'Gunmen killed two policemen in Quetta on Monday, officials said.' })));
  const store = await openStore(join(tmp, `jobs${jobs}.db`));
  try {
    const t0 = performance.now();
    const s = await ingest(store, [input], { pool, fuse: false });
    const ms = performance.now() - t0;
    const tf = performance.now();
    await store.fuseDirty();
    const fuseMs = performance.now() - tf;
    if (s.read !== n) throw new Error(`read ${s.read} of ${n}`);
    return { articles_per_second: r1((1000 * n) / ms), seconds: r1(ms / 1000), fuse_seconds: r1(fuseMs / 1000) };
  } finally {
    await store.close();
    await pool.close();
  }
}

async function reachable(): Promise<string | null> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
  } catch (e) {
    return `PostgreSQL at ${PG_URL.replace(/:[^:@/]*@/, ':***@')}: ${(e as Error).message}`;
  } finally {
    await c.end().catch(() => {});
  }
  const r = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  r.on('error', () => {});
  try {
    await r.connect();
    await r.ping();
    return null;
  } catch (e) {
    return `Redis at ${REDIS_URL}: ${(e as Error).message}`;
  } finally {
    r.disconnect();
  }
}

async function queueRun(input: string, n: number, workers: number) {
  const name = `sitrep_bench_${process.pid}_${workers}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  const db = u.toString();
  (await openStore(db)).close(); // migrate once, before the workers
  const prefix = `sitrep-bench-${randomBytes(4).toString('hex')}`;
  const queue = openQueue({ url: REDIS_URL, prefix });
  const procs: Array<{ p: ReturnType<typeof spawn>; times: number[]; exited: Promise<unknown> }> = [];
  try {
    for (let i = 0; i < workers; i++) {
      const p = spawn(process.execPath, [CLI, 'worker', '--db', db, '--queue', REDIS_URL, '--queue-prefix', prefix, '--concurrency', '1'], { stdio: ['ignore', 'pipe', 'ignore'] });
      const w = { p, times: [] as number[], exited: new Promise((r) => p.on('exit', r)) };
      let buf = '';
      p.stdout!.setEncoding('utf8').on('data', (d: string) => {
        buf += d;
        let nl;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, nl);
          buf = buf.slice(nl + 1);
          if (line.includes('"job done"')) w.times.push((JSON.parse(line) as { time: number }).time);
        }
      });
      procs.push(w);
    }
    const t0 = Date.now();
    await enqueueInputs(queue, [input]);
    let dirty = 1;
    for (;;) {
      await new Promise((r) => setTimeout(r, 1000));
      const s = await queueStatus(queue, 1);
      if (s.waiting + s.active + s.delayed > 0) continue;
      const store = await openStore(db);
      dirty = Number((await store.db.selectFrom('dirty_blocks').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      await store.close();
      if (dirty === 0) break;
    }
    const total = (Date.now() - t0) / 1000;
    const times = procs.flatMap((w) => w.times).sort((a, b) => a - b);
    const lo = times[Math.floor(times.length * 0.1)]!;
    const hi = times[Math.floor(times.length * 0.9)]!;
    const steady = ((Math.floor(times.length * 0.9) - Math.floor(times.length * 0.1)) * 1000) / Math.max(1, hi - lo);
    return { articles_per_second: r1(steady), end_to_end_seconds: r1(total), jobs: times.length, per_worker: procs.map((w) => w.times.length) };
  } finally {
    for (const w of procs) w.p.kill('SIGTERM');
    await Promise.all(procs.map((w) => w.exited));
    await queue.obliterate({ force: true }).catch(() => {});
    await queue.close();
    const a = new pg.Client({ connectionString: PG_URL });
    await a.connect();
    await a.query(`drop database if exists ${name} with (force)`);
    await a.end();
  }
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const src = join(EVAL, 'dev/acled-2020/articles.jsonl');
  if (!existsSync(src)) {
    const msg = `bench-scale: ${src} is not on this machine (../shared ships only with the development machines); nothing measured`;
    console.log(json ? JSON.stringify({ skipped: msg }) : msg);
    return;
  }
  const limit = Number(arg('--limit') ?? 1000);
  const tmp = mkdtempSync(join(tmpdir(), 'sitrep-bench-scale-'));
  try {
    const lines = readFileSync(src, 'utf8').split('\n').filter((l) => l.trim()).slice(0, limit);
    const input = join(tmp, 'articles.jsonl');
    writeFileSync(input, lines.join('\n') + '\n');
    const n = lines.length;
    const load0 = loadavg()[0];
    const out: Record<string, unknown> = { articles: n, cores: availableParallelism(), load_average_before: r1(load0!) };
    out.jobs1 = await threads(input, n, 1, tmp);
    out.jobs2 = await threads(input, n, 2, tmp);
    out.jobs_speedup = r1(((out.jobs2 as { articles_per_second: number }).articles_per_second / (out.jobs1 as { articles_per_second: number }).articles_per_second) * 100) / 100;
    const why = process.argv.includes('--no-queue') ? 'left out (--no-queue)' : await reachable();
    if (why) out.queue = { skipped: why };
    else {
      out.queue1 = await queueRun(input, n, 1);
      out.queue2 = await queueRun(input, n, 2);
      out.queue_speedup = r1(((out.queue2 as { articles_per_second: number }).articles_per_second / (out.queue1 as { articles_per_second: number }).articles_per_second) * 100) / 100;
    }
    out.load_average_after = r1(loadavg()[0]!);
    if (json) console.log(JSON.stringify(out));
    else {
      console.log(`scaling over ${n} ACLED dev texts (${out.cores} cores; load average ${out.load_average_before} before, ${out.load_average_after} after)`);
      console.log('mode                          articles/s   speed-up');
      const row = (label: string, k: string, base?: string) => {
        const v = out[k] as { articles_per_second: number } | undefined;
        if (!v) return;
        const b = base ? (out[base] as { articles_per_second: number }).articles_per_second : v.articles_per_second;
        console.log(`${label.padEnd(30)}${String(v.articles_per_second).padStart(10)}   ${(v.articles_per_second / b).toFixed(2).padStart(8)}`);
      };
      row('ingest --jobs 1 (SQLite)', 'jobs1');
      row('ingest --jobs 2 (SQLite)', 'jobs2', 'jobs1');
      row('1 queue worker (PostgreSQL)', 'queue1');
      row('2 queue workers (PostgreSQL)', 'queue2', 'queue1');
      if (out.queue) console.log(`queue: ${JSON.stringify(out.queue)}`);
      console.log(JSON.stringify(out));
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
