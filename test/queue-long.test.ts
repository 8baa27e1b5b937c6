/**
 * The acceptance run of the queue at full size: three worker processes ingest the ACLED-2020 dev
 * set (5,566 texts) and news-dev (202 articles) through the queue into PostgreSQL; every article
 * is stored once and the fused incidents (by their articles) are those of a single-process
 * ingest of the same files. It takes minutes, so it runs only with SITREP_LONG=1, and only where
 * ../shared is (the texts are not the project's to ship).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openQueue, queueStatus } from '../src/run/queue.js';
import { openStore } from '../src/store/open-store.js';
import { CLI, EVAL, ROOT } from './paths.js';
import { dropPrefix, REDIS_SKIP, REDIS_URL, spawnWorker, testPrefix, waitFor, type WorkerProc } from './queue-helpers.js';
import { snapshot } from './scale-fixtures.js';
import { freshDb, PG_SKIP } from './store-fixtures.js';

const FILES = [join(EVAL, 'dev/acled-2020/articles.jsonl'), join(EVAL, 'dev/news-dev/articles.jsonl')];
const SKIP = !process.env.SITREP_LONG
  ? 'skipped: takes minutes; set SITREP_LONG=1 to run it'
  : !FILES.every(existsSync)
    ? 'skipped: ../shared/eval (acled-2020, news-dev) is not on this machine'
    : PG_SKIP || REDIS_SKIP;

test('[queue/long] three workers ingest acled-2020 and news-dev through the queue: each article once, the incidents of a single-process ingest', { skip: SKIP, timeout: 3_600_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-queue-long-'));
  const ref = join(dir, 'ref.db');
  const t0 = Date.now();
  const one = spawnSync(process.execPath, [CLI, 'ingest', ...FILES, '--db', ref, '--jobs', '1', '--no-progress'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(one.status, 0, one.stderr);
  const single = (Date.now() - t0) / 1000;
  const db = await freshDb('postgres');
  const prefix = testPrefix();
  const ws: WorkerProc[] = [];
  const queue = openQueue({ url: REDIS_URL, prefix });
  try {
    const t1 = Date.now();
    const q = spawnSync(process.execPath, [CLI, 'ingest', ...FILES, '--queue', REDIS_URL, '--queue-prefix', prefix], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(q.status, 0, q.stderr);
    for (let i = 0; i < 3; i++) ws.push(spawnWorker(db.target, REDIS_URL, prefix, ['--lock', '30']));
    await waitFor(
      'the queue to empty and fusion to settle',
      async () => {
        const s = await queueStatus(queue);
        if (s.waiting + s.active + s.delayed > 0) return false;
        const st = await openStore(db.target);
        try {
          return Number((await st.db.selectFrom('dirty_blocks').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n) === 0;
        } finally {
          await st.close();
        }
      },
      3_000_000,
      2000,
    );
    const queued = (Date.now() - t1) / 1000;
    const s = await queueStatus(queue);
    assert.equal(s.failed, 0, JSON.stringify(s.failures));
    const got = await snapshot(db.target, { dupFlags: false });
    const want = await snapshot(ref, { dupFlags: false });
    process.stderr.write(`# single process: ${single.toFixed(0)} s; 3 queue workers: ${queued.toFixed(0)} s; ${got.articles.length} articles, ${got.incidents.length} incidents (single: ${want.incidents.length}); jobs per worker ${ws.map((w) => w.lines.filter((l) => l.msg === 'job done').length).join(', ')}\n`);
    const fieldsDiffer = got.incidents.filter((i) => !new Set(want.incidents).has(i)).length;
    process.stderr.write(`# near-duplicates: ${got.duplicates} (single: ${want.duplicates}); incidents whose fused fields differ: ${fieldsDiffer}\n`);
    assert.equal(got.articles.length, want.articles.length);
    assert.equal(got.identities, got.articles.length, 'no article stored twice');
    assert.deepEqual(got.articles, want.articles);
    assert.equal(got.linked, got.reports);
    assert.equal(got.distinctLinked, got.reports);
    assert.deepEqual(got.clusters, want.clusters);
  } finally {
    for (const w of ws) w.child.kill('SIGTERM');
    await Promise.all(ws.map((w) => w.exited));
    await queue.close();
    await db.drop();
    await dropPrefix(REDIS_URL, prefix);
    rmSync(dir, { recursive: true, force: true });
  }
});
