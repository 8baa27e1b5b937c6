/**
 * Scaling: ingest throughput with `--jobs 1` and `--jobs 2` (worker threads, one writer, SQLite),
 * and with one and two `sitrep worker` processes on the queue (Redis, PostgreSQL), over the same
 * articles (the first --limit ACLED dev texts, 1,000 by default). Steady state: the thread pools
 * are warmed before timing (--warm texts, 300 by default, taken after the measured ones, go
 * through the same pool and writer into a scratch database: each thread's JIT compiles the
 * extractor's large functions over the first few thousand articles, seconds of CPU that a long
 * ingest amortises), and the queue figure is the rate between the 10th and the 90th percentile
 * of job completions, so a worker's start (it loads the language model) is left out; the
 * queue's end-to-end time (fusion included) is printed beside it.
 *
 * Beside each rate, the CPU time it took, per article, by thread: the writer (the main thread),
 * the extraction threads, and V8's helper threads (its optimising compiler and concurrent GC,
 * shared by all the isolates of the process), read from /proc; and the cores that adds up to
 * (CPU time over wall time). On a machine shared with other work the rates are noisy and the CPU
 * times much less so; `--jobs 1` already keeps more than one core busy (see the README).
 *
 *   node dist/scripts/bench-scale.js [--json] [--limit N] [--warm N] [--no-queue]
 *
 * Needs PostgreSQL ($SITREP_TEST_PG, a server where it may create a database) and Redis
 * ($SITREP_TEST_REDIS) for the queue rows; without them it says so and measures the threads only.
 * $SITREP_BENCH_PREFIX names its databases (default sitrep_bench), $SITREP_BENCH_REDIS_PREFIX its
 * Redis keys (default the same). --worker-args and --node-args pass arguments to the workers.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
const r2 = (x: number) => Math.round(x * 100) / 100;
const PREFIX = process.env.SITREP_BENCH_PREFIX ?? 'sitrep_bench';

/** CPU time (user + system, ms) of each thread of a process, from /proc (empty where there is none). */
function threadCpu(pid: number | 'self' = 'self'): Map<number, number> {
  const out = new Map<number, number>();
  let tids: string[] = [];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const t of tids) {
    try {
      const s = readFileSync(`/proc/${pid}/task/${t}/stat`, 'utf8');
      const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
      out.set(Number(t), ((Number(f[11]) + Number(f[12])) * 1000) / CLK_TCK);
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
}
/** Clock ticks per second of /proc's times (100 on every Linux this runs on). */
const CLK_TCK = 100;
const cpuDelta = (a: Map<number, number>, b: Map<number, number>, which: (tid: number) => boolean) => {
  let s = 0;
  for (const [t, v] of b) if (which(t)) s += v - (a.get(t) ?? 0);
  return s;
};

async function threads(input: string, n: number, jobs: number, tmp: string, warm: string | null) {
  const before = new Set(threadCpu().keys());
  const pool = new ExtractPool({ threads: jobs });
  // Warm every thread (each loads the language model, and its JIT compiles the extractor) and
  // the writer before the clock starts.
  await Promise.all(Array.from({ length: jobs * 2 }, (_, i) => pool.extract({ id: `warm${i}`, text: 'Gunmen killed two policemen in Quetta on Monday, officials said.' })));
  if (warm) {
    const w = await openStore(join(tmp, `warm${jobs}.db`));
    await ingest(w, [warm], { pool, fuse: true });
    await w.close();
  }
  // The threads the pool added are its extraction threads; the main thread's id is the pid; the rest are V8's and libuv's.
  const extraction = new Set([...threadCpu().keys()].filter((t) => !before.has(t)));
  const store = await openStore(join(tmp, `jobs${jobs}.db`));
  try {
    const c0 = threadCpu();
    const t0 = performance.now();
    const s = await ingest(store, [input], { pool, fuse: false });
    const ms = performance.now() - t0;
    const c1 = threadCpu();
    const tf = performance.now();
    await store.fuseDirty();
    const fuseMs = performance.now() - tf;
    if (s.read !== n) throw new Error(`read ${s.read} of ${n}`);
    const writer = cpuDelta(c0, c1, (t) => t === process.pid);
    const extract = cpuDelta(c0, c1, (t) => extraction.has(t));
    const helpers = cpuDelta(c0, c1, (t) => t !== process.pid && !extraction.has(t));
    return {
      articles_per_second: r1((1000 * n) / ms),
      seconds: r1(ms / 1000),
      fuse_seconds: r1(fuseMs / 1000),
      cpu_ms_per_article: { writer: r2(writer / n), extraction: r2(extract / n), v8_helpers: r2(helpers / n), total: r2((writer + extract + helpers) / n) },
      cores_busy: r2((writer + extract + helpers) / ms),
    };
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

async function queueRun(input: string, n: number, workers: number, warm: string | null) {
  const name = `${PREFIX}_${process.pid}_${workers}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  const db = u.toString();
  (await openStore(db)).close(); // migrate once, before the workers
  const prefix = `${process.env.SITREP_BENCH_REDIS_PREFIX ?? PREFIX + '-'}${randomBytes(4).toString('hex')}`;
  const queue = openQueue({ url: REDIS_URL, prefix });
  const procs: Array<{ p: ReturnType<typeof spawn>; times: number[]; exited: Promise<unknown> }> = [];
  // CPU time of the workers (main thread; the others: extraction and V8's helpers) and of this
  // database's PostgreSQL backends, sampled when the 10th and the 90th percentile of the jobs are
  // done: the steady part the rate is measured over.
  let done = 0;
  const samples: Array<Promise<{ main: number; threads: number; pg: number }>> = [];
  const sample = async () => {
    const per = procs.map((w) => threadCpu(w.p.pid!));
    const c = new pg.Client({ connectionString: PG_URL });
    let pgMs = 0;
    await c.connect();
    const rows = (await c.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name])).rows;
    await c.end();
    for (const r of rows) for (const v of threadCpu(r.pid).values()) pgMs += v;
    let main = 0;
    let threadsMs = 0;
    per.forEach((m, i) => {
      for (const [t, v] of m) if (t === procs[i]!.p.pid) main += v;
      else threadsMs += v;
    });
    return { main, threads: threadsMs, pg: pgMs };
  };
  try {
    for (let i = 0; i < workers; i++) {
      const p = spawn(process.execPath, [...(arg('--node-args')?.split(' ').filter(Boolean) ?? []), CLI, 'worker', '--db', db, '--queue', REDIS_URL, '--queue-prefix', prefix, '--concurrency', '1', ...(arg('--worker-args')?.split(' ').filter(Boolean) ?? [])], { stdio: ['ignore', 'pipe', 'ignore'] });
      const w = { p, times: [] as number[], exited: new Promise((r) => p.on('exit', r)) };
      let buf = '';
      p.stdout!.setEncoding('utf8').on('data', (d: string) => {
        buf += d;
        let nl;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, nl);
          buf = buf.slice(nl + 1);
          if (line.includes('"job done"')) {
            w.times.push((JSON.parse(line) as { time: number }).time);
            done++;
            if (done === Math.floor(n * 0.1) || done === Math.floor(n * 0.9)) samples.push(sample());
          }
        }
      });
      procs.push(w);
    }
    const drained = async () => {
      for (;;) {
        await new Promise((r) => setTimeout(r, 500));
        const s = await queueStatus(queue, 1);
        if (s.waiting + s.active + s.delayed === 0) return;
      }
    };
    if (warm) {
      // The workers read the warm texts first (into the same database): the language model
      // loaded, the JIT of each thread past its first articles.
      await enqueueInputs(queue, [warm]);
      await drained();
      await new Promise((r) => setTimeout(r, 500));
      for (const w of procs) w.times.length = 0;
      done = 0;
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
    const [a, b] = await Promise.all(samples);
    const k = Math.floor(n * 0.9) - Math.floor(n * 0.1);
    const cpu = a && b ? { worker_main: r2((b.main - a.main) / k), worker_threads: r2((b.threads - a.threads) / k), postgres: r2((b.pg - a.pg) / k) } : null;
    return {
      articles_per_second: r1(steady),
      end_to_end_seconds: r1(total),
      jobs: times.length,
      per_worker: procs.map((w) => w.times.length),
      ...(cpu ? { cpu_ms_per_article: { ...cpu, total: r2(cpu.worker_main + cpu.worker_threads + cpu.postgres) }, cores_busy: r2(((cpu.worker_main + cpu.worker_threads + cpu.postgres) * steady) / 1000) } : {}),
    };
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
    const all = readFileSync(src, 'utf8').split('\n').filter((l) => l.trim());
    const lines = all.slice(0, limit);
    const input = join(tmp, 'articles.jsonl');
    writeFileSync(input, lines.join('\n') + '\n');
    // Texts to warm the threads with: others than the measured ones.
    const warmLines = all.slice(limit, limit + Number(arg('--warm') ?? 300));
    const warm = warmLines.length ? join(tmp, 'warm.jsonl') : null;
    if (warm) writeFileSync(warm, warmLines.join('\n') + '\n');
    const n = lines.length;
    const load0 = loadavg()[0];
    const out: Record<string, unknown> = { articles: n, cores: availableParallelism(), load_average_before: r1(load0!) };
    out.warm_articles = warmLines.length;
    if (!process.argv.includes('--no-threads')) {
      out.jobs1 = await threads(input, n, 1, tmp, warm);
      out.jobs2 = await threads(input, n, 2, tmp, warm);
      out.jobs_speedup = r2((out.jobs2 as { articles_per_second: number }).articles_per_second / (out.jobs1 as { articles_per_second: number }).articles_per_second);
    }
    const why = process.argv.includes('--no-queue') ? 'left out (--no-queue)' : await reachable();
    if (why) out.queue = { skipped: why };
    else {
      out.queue1 = await queueRun(input, n, 1, warm);
      out.queue2 = await queueRun(input, n, 2, warm);
      out.queue_speedup = r2((out.queue2 as { articles_per_second: number }).articles_per_second / (out.queue1 as { articles_per_second: number }).articles_per_second);
    }
    out.load_average_after = r1(loadavg()[0]!);
    if (json) console.log(JSON.stringify(out));
    else {
      console.log(`scaling over ${n} ACLED dev texts (${out.cores} cores; load average ${out.load_average_before} before, ${out.load_average_after} after)`);
      console.log('mode                          articles/s   speed-up   CPU ms/article   cores busy');
      const row = (label: string, k: string, base?: string) => {
        const v = out[k] as { articles_per_second: number; cpu_ms_per_article?: { total: number }; cores_busy?: number } | undefined;
        if (!v) return;
        const b = base ? (out[base] as { articles_per_second: number }).articles_per_second : v.articles_per_second;
        const cpu = v.cpu_ms_per_article ? v.cpu_ms_per_article.total.toFixed(2) : '';
        console.log(`${label.padEnd(30)}${String(v.articles_per_second).padStart(10)}   ${(v.articles_per_second / b).toFixed(2).padStart(8)}   ${cpu.padStart(14)}   ${(v.cores_busy?.toFixed(2) ?? '').padStart(10)}`);
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
