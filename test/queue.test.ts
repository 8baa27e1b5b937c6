/**
 * Many workers on one queue (Redis, BullMQ) and one PostgreSQL database, as real processes of the
 * CLI: three workers build the database one process builds, one of them killed with SIGKILL in
 * the middle; a Redis restart in the middle; a reprocess fanned out to the workers while two
 * analysts edit; a job that fails for good shown with its error; SIGTERM and health.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { openQueue, queueStatus } from '../src/run/queue.js';
import { openStore } from '../src/store/open-store.js';
import { CLI, ROOT } from './paths.js';
import { dropPrefix, REDIS_SKIP, REDIS_URL, spawnWorker, testPrefix, waitFor, type WorkerProc } from './queue-helpers.js';
import { generatedArticles, snapshot } from './scale-fixtures.js';
import { freshDb, PG_SKIP } from './store-fixtures.js';

const SKIP = PG_SKIP || REDIS_SKIP;
const dir = mkdtempSync(join(tmpdir(), 'sitrep-queue-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
}

/** The queue's state, as `sitrep queue status --json` prints it (read in this process: polling by the CLI costs a process start each time). */
async function status(url: string, prefix: string) {
  const q = openQueue({ url, prefix });
  try {
    return await queueStatus(q);
  } finally {
    await q.close();
  }
}

async function count(db: string, what: 'articles' | 'dirty_blocks'): Promise<number> {
  const s = await openStore(db);
  try {
    const r = await s.db.selectFrom(what).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  } finally {
    await s.close();
  }
}

/** The queue is empty and every dirty block fused. */
async function settled(url: string, prefix: string, db: string): Promise<boolean> {
  const s = await status(url, prefix);
  return s.waiting + s.active + s.delayed === 0 && (await count(db, 'dirty_blocks')) === 0;
}

async function stopAll(ws: WorkerProc[]): Promise<Array<number | null>> {
  for (const w of ws) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGTERM');
  return Promise.all(ws.map((w) => w.exited));
}

const done = (w: WorkerProc) => w.lines.filter((l) => l.msg === 'job done').length;

test('[queue] three workers, one killed with SIGKILL in the middle: every article once, the incidents of a single-process ingest', { skip: SKIP, timeout: 400_000 }, async () => {
  const N = 240;
  const input = join(dir, 'three.jsonl');
  writeFileSync(input, generatedArticles(N, 21).join('\n') + '\n');
  // The reference: one process, one thread, on SQLite.
  const ref = join(dir, 'ref.db');
  const one = cli(['ingest', input, '--db', ref, '--jobs', '1', '--no-progress']);
  assert.equal(one.status, 0, one.stderr);

  const db = await freshDb('postgres');
  const prefix = testPrefix();
  const ws: WorkerProc[] = [];
  try {
    const q = cli(['ingest', input, '--queue', REDIS_URL, '--queue-prefix', prefix]);
    assert.equal(q.status, 0, q.stderr);
    assert.match(q.stderr, new RegExp(`${N} queued, 0 on the queue already`));
    // Queued again: the same jobs, nothing new.
    const again = cli(['ingest', input, '--queue', REDIS_URL, '--queue-prefix', prefix]);
    assert.match(again.stderr, new RegExp(`0 queued, ${N} on the queue already`));

    for (let i = 0; i < 3; i++) ws.push(spawnWorker(db.target, REDIS_URL, prefix, i === 0 ? ['--health', '8830'] : []));
    await waitFor('the first worker to store 10 articles', () => done(ws[0]!) >= 10, 180_000);
    const health = await fetch('http://127.0.0.1:8830/health');
    assert.equal(health.status, 200);
    const h = (await health.json()) as { status: string; database: boolean; queue: boolean; done: number };
    assert.equal(h.status, 'ok');
    assert.ok(h.database && h.queue && h.done >= 10);

    ws[0]!.child.kill('SIGKILL');
    assert.notEqual(await count(db.target, 'articles'), N, 'killed before the end');
    await waitFor('the queue to empty and fusion to settle', () => settled(REDIS_URL, prefix, db.target), 300_000, 1000);

    const st = await status(REDIS_URL, prefix);
    assert.equal(st.failed, 0, JSON.stringify(st.failures));
    // A job the killed worker held ran again on another and is done once.
    assert.equal(st.done, N);
    // The two others shut down on SIGTERM, having finished their jobs.
    const codes = await stopAll(ws.slice(1));
    assert.deepEqual(codes, [0, 0], ws.map((w) => w.stderr).join('\n'));
    for (const w of ws.slice(1)) assert.ok(w.lines.some((l) => l.msg === 'stopped'));

    const got = await snapshot(db.target, { dupFlags: false });
    const want = await snapshot(ref, { dupFlags: false });
    assert.equal(got.articles.length, N);
    assert.equal(got.identities, N, 'no article stored twice');
    assert.equal(got.linked, got.reports, 'every report in one incident');
    assert.equal(got.distinctLinked, got.reports);
    assert.ok(want.incidents.length > 40 && want.incidents.some((i) => (JSON.parse(i) as string[][])[0]!.length > 1));
    assert.deepEqual(got.articles, want.articles);
    assert.deepEqual(got.clusters, want.clusters);
  } finally {
    await stopAll(ws);
    await db.drop();
    await dropPrefix(REDIS_URL, prefix);
  }

});

test('[queue] Redis restarted in the middle: the workers reconnect and finish', { skip: SKIP, timeout: 300_000 }, async () => {
  // A Redis of this test's own (port 8831), with its data on disk so the restart keeps the jobs.
  const port = 8831;
  const rdir = mkdtempSync(join(tmpdir(), 'sitrep-redis-'));
  const startRedis = () => {
    const p = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', rdir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', ''], { stdio: 'ignore' });
    return { p, exited: new Promise((r) => p.on('exit', r)) };
  };
  const url = `redis://127.0.0.1:${port}`;
  let redis = startRedis();
  // Enough articles that Redis goes away in the middle: each worker holds 16 jobs per thread, so
  // 100 could all be done in the half second between the check below and the kill.
  const N = 500;
  const input = join(dir, 'restart.jsonl');
  writeFileSync(input, generatedArticles(N, 33).join('\n') + '\n');
  const db = await freshDb('postgres');
  const prefix = testPrefix();
  const ws: WorkerProc[] = [];
  try {
    await waitFor(
      'redis to start',
      () =>
        status(url, prefix).then(
          () => true,
          () => false,
        ),
      20_000,
      200,
    );
    const q = cli(['ingest', input, '--queue', url, '--queue-prefix', prefix]);
    assert.equal(q.status, 0, q.stderr);
    ws.push(spawnWorker(db.target, url, prefix), spawnWorker(db.target, url, prefix));
    await waitFor('20 articles stored', async () => (await count(db.target, 'articles')) >= 20, 180_000, 500);
    redis.p.kill('SIGTERM');
    await redis.exited;
    const during = await count(db.target, 'articles');
    await new Promise((r) => setTimeout(r, 2000));
    redis = startRedis();
    await waitFor('the queue to empty and fusion to settle', () => settled(url, prefix, db.target), 240_000, 1000);
    assert.ok(during < N, `${during} stored before the restart`);
    assert.ok(ws.every((w) => w.child.exitCode === null), 'the workers survived the restart');
    assert.ok(ws.some((w) => w.lines.some((l) => l.msg === 'queue error')), 'the workers saw Redis go');
    const st = await status(url, prefix);
    assert.equal(st.failed, 0, JSON.stringify(st.failures));
    const snap = await snapshot(db.target);
    assert.equal(snap.articles.length, N);
    assert.equal(snap.identities, N);
    assert.equal(snap.linked, snap.reports);
  } finally {
    await stopAll(ws);
    await db.drop();
    redis.p.kill('SIGTERM');
    await redis.exited;
    rmSync(rdir, { recursive: true, force: true });
  }
});

test("[queue] a reprocess fanned out to two workers while two analysts edit: the edits survive it; a job that fails for good is listed with its error", { skip: SKIP, timeout: 300_000 }, async () => {
  const N = 120;
  const input = join(dir, 'reprocess.jsonl');
  writeFileSync(input, generatedArticles(N, 44).join('\n') + '\n');
  const db = await freshDb('postgres');
  const prefix = testPrefix();
  const ws: WorkerProc[] = [];
  try {
    const first = cli(['ingest', input, '--db', db.target, '--jobs', '1', '--no-progress']);
    assert.equal(first.status, 0, first.stderr);
    const store = await openStore(db.target);
    try {
      const views = (await store.incidents({ all: true })).filter((v) => v.articles.length > 1);
      assert.ok(views.length >= 3);
      const [a, b, c] = views;
      ws.push(spawnWorker(db.target, REDIS_URL, prefix, ['--budget', '2']), spawnWorker(db.target, REDIS_URL, prefix, ['--budget', '2']));
      // Two analysts, one before the reprocess and one while it runs.
      await store.edit({ incident: a!.id, author: 'ana', action: 'set', field: 'fatalities', value: 41 });
      const rp = cli(['reprocess', '--all', '--db', db.target, '--queue', REDIS_URL, '--queue-prefix', prefix]);
      assert.equal(rp.status, 0, rp.stderr);
      assert.match(rp.stderr, new RegExp(`${N} articles to extract again, queued in 3 jobs`));
      await waitFor('the first reprocess job to be done', () => ws.some((w) => w.lines.some((l) => l.msg === 'job done' && l.kind === 'reprocess')), 180_000);
      await Promise.all([
        store.edit({ incident: b!.id, author: 'bo', action: 'set', field: 'location', value: 'Edited Town' }),
        store.edit({ incident: c!.id, author: 'ana', action: 'review' }),
      ]);
      // A runaway article on the queue: over its budget, it fails for good and is listed. (Since
      // extraction is linear in the text, only an article near the 1,000,000-character limit
      // takes longer than the budget: about 7 s of CPU; 150,000 characters now take about 1.)
      const long = join(dir, 'long.jsonl');
      writeFileSync(long, JSON.stringify({ id: 'runaway', text: 'Gunmen killed three policemen in Peshawar on Monday, police said. '.repeat(15000).slice(0, 990_000) }) + '\n');
      assert.equal(cli(['ingest', long, '--queue', REDIS_URL, '--queue-prefix', prefix]).status, 0);
      await waitFor('the queue to empty and fusion to settle', () => settled(REDIS_URL, prefix, db.target), 240_000, 1000);
      const st = await status(REDIS_URL, prefix);
      assert.equal(st.failed, 1);
      assert.equal(st.failures[0]!.article, 'runaway');
      assert.match(st.failures[0]!.error, /extraction failed: over the time budget of 2 s/);
      assert.equal(st.done, 3);
      // Every article was extracted again (by the workers), and the edits are in the views.
      const reextracted = ws.flatMap((w) => w.lines.filter((l) => l.msg === 'job done' && l.kind === 'reprocess'));
      assert.equal(reextracted.reduce((n, l) => n + Number((l.result as { articles: number }).articles), 0), N);
      assert.equal((await store.incident(a!.id))!.fatalities, 41);
      assert.equal((await store.incident(b!.id))!.location, 'Edited Town');
      assert.equal((await store.incident(c!.id))!.status, 'reviewed');
      const asJson = cli(['queue', 'status', '--queue', REDIS_URL, '--queue-prefix', prefix, '--json']);
      assert.deepEqual(JSON.parse(asJson.stdout), st);
      const text = cli(['queue', 'status', '--queue', REDIS_URL, '--queue-prefix', prefix]);
      assert.match(text.stdout, /^waiting 0 {2}active 0 {2}delayed 0 {2}failed 1 {2}done 3$/m);
      assert.match(text.stdout, /failed a-[0-9a-f]+ \(article runaway, 1 attempts.*\): extraction failed: over the time budget/);
    } finally {
      await store.close();
    }
  } finally {
    await stopAll(ws);
    await db.drop();
    await dropPrefix(REDIS_URL, prefix);
  }
});
