/**
 * `sitrep worker`: takes jobs from the queue (queue.ts), extracts on its own thread pool and
 * stores into the database; fuses the blocks its writes (and others') left dirty every few
 * seconds, each under the block's advisory lock. Logs one JSON line per event (pino), answers
 * GET /health on a port of its own, and on SIGTERM or SIGINT stops taking jobs, finishes those it
 * has, fuses what they changed and exits 0. A worker killed outright (kill -9) leaves its jobs
 * active until their lock expires; then another worker takes them again, and the article they
 * stored meanwhile (if any) is found and skipped.
 */
import { createServer, type Server } from 'node:http';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import { pino, type Logger } from 'pino';
import type { Article } from '../core/types.js';
import { identify } from '../ingest/dedupe.js';
import { EXTRACTOR_VERSION, preparePooled } from '../store/ingest-run.js';
import { openStore } from '../store/open-store.js';
import type { PreparedArticle, SaveResult, Store } from '../store/store.js';
import { ExtractPool } from './pool.js';
import { DEFAULT_PREFIX, QUEUE_NAME, redactRedis, redisOptions, type ArticleJob, type QueueTarget, type ReprocessJob } from './queue.js';

/**
 * Jobs in hand per extraction thread. Many, so that the writes of many jobs go to the database
 * in one transaction (GroupWriter): with 16 rather than 4, one worker spent 3.0 ms of CPU per
 * article (its threads and PostgreSQL's) instead of 3.8 (bench-scale).
 */
const JOBS_PER_THREAD = 16;

export interface WorkerOptions extends QueueTarget {
  db: string;
  /** Extraction threads (default 2); the worker holds up to 16 jobs per thread. */
  concurrency?: number;
  /** Time budget of one article's extraction, ms. */
  budgetMs?: number;
  /** How long a job is locked to this worker without a renewal, ms (BullMQ's lockDuration). */
  lockMs?: number;
  /** How often dirty blocks are fused, ms. */
  fuseEveryMs?: number;
  /** Answer GET /health on 127.0.0.1:port (0: a free port; undefined: no server). */
  healthPort?: number;
  healthHost?: string;
  logger?: Logger;
}

export interface RunningWorker {
  /** Stop taking jobs, finish those in hand, fuse, close everything. */
  close(): Promise<void>;
  /** The health server's port, if any. */
  healthPort: number | null;
  readonly closed: Promise<void>;
}

/**
 * Writes that arrive together from concurrent jobs go to the database in one transaction (a
 * group commit): one process, one writer, fewer round trips.
 */
class GroupWriter {
  private pending: Array<{ item: PreparedArticle; done: (r: SaveResult) => void; fail: (e: unknown) => void }> = [];
  private running: Promise<void> | null = null;
  constructor(private readonly store: Store) {}

  save(item: PreparedArticle): Promise<SaveResult> {
    return new Promise((done, fail) => {
      this.pending.push({ item, done, fail });
      this.running ??= this.drain();
    });
  }

  private async drain(): Promise<void> {
    // Let the jobs that finish in the same moment join the batch.
    await new Promise((r) => setImmediate(r));
    while (this.pending.length) {
      // One article per identity in a batch: a second version of it waits for the next one.
      const seen = new Set<string>();
      const batch: typeof this.pending = [];
      const rest: typeof this.pending = [];
      for (const p of this.pending) (seen.has(p.item.identity) ? rest : batch).push(p), seen.add(p.item.identity);
      this.pending = rest;
      try {
        const r = await this.store.saveBatch(batch.map((b) => b.item));
        for (const b of batch) b.done(r);
      } catch (e) {
        for (const b of batch) b.fail(e);
      }
    }
    this.running = null;
  }
}

/**
 * Look-ups of stored identities that arrive together from concurrent jobs go in one query: the
 * check that lets a job run twice skip an article already stored costs one round trip per group
 * of jobs, not per job.
 */
class GroupLookup {
  private pending: Array<{ identity: string; done: (hash: string | undefined) => void; fail: (e: unknown) => void }> = [];
  private scheduled = false;
  constructor(private readonly store: Store) {}

  storedHash(identity: string): Promise<string | undefined> {
    return new Promise((done, fail) => {
      this.pending.push({ identity, done, fail });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    this.scheduled = false;
    try {
      const known = await this.store.knownIdentities(batch.map((b) => b.identity));
      for (const b of batch) b.done(known.get(b.identity));
    } catch (e) {
      for (const b of batch) b.fail(e);
    }
  }
}

export async function startWorker(o: WorkerOptions): Promise<RunningWorker> {
  const log = o.logger ?? pino({ name: 'sitrep-worker' });
  const concurrency = Math.max(1, o.concurrency ?? 2);
  const store = await openStore(o.db);
  const pool = new ExtractPool({ threads: concurrency, ...(o.budgetMs ? { budgetMs: o.budgetMs } : {}) });
  const writer = new GroupWriter(store);
  const lookup = new GroupLookup(store);
  const stats = { done: 0, failed: 0, articles: 0, reprocessed: 0, fusions: 0, started: new Date().toISOString() };
  let state: 'running' | 'closing' | 'closed' = 'running';

  const processArticle = async (job: Job<ArticleJob>) => {
    const { article, file, line } = job.data;
    const ids = identify(article);
    if ((await lookup.storedHash(ids.identity)) === ids.content_hash) return { status: 'already stored' };
    const prepared = await preparePooled(pool, article, ids, { file: file ?? 'queue', ...(line ? { line } : {}) });
    await writer.save(prepared);
    stats.articles++;
    // The article is stored (as failed, with its problem): running the job again would not help.
    if ('error' in prepared.outcome) throw new UnrecoverableError(`extraction failed: ${prepared.outcome.error}`);
    return { status: 'stored', incidents: prepared.wire?.reports?.length ?? prepared.outcome.incidents.length };
  };

  const processReprocess = async (job: Job<ReprocessJob>) => {
    const rows = await store.db.selectFrom('articles').select(['id', 'ext_id', 'url', 'title', 'source', 'published', 'text', 'content_hash']).where('id', 'in', job.data.ids).execute();
    const items = await Promise.all(
      rows.map(async (r) => {
        const article: Article = { id: r.ext_id, text: r.text, ...(r.url ? { url: r.url } : {}), ...(r.title ? { title: r.title } : {}), ...(r.source ? { source: r.source } : {}), ...(r.published ? { published: r.published } : {}) };
        const p = await preparePooled(pool, article, { identity: '', canonical_url: null, content_hash: r.content_hash });
        return { id: Number(r.id), content_hash: r.content_hash, version: EXTRACTOR_VERSION, outcome: p.outcome, ...(p.wire ? { wire: p.wire } : {}) };
      }),
    );
    const reports = await store.replaceReports(items);
    stats.reprocessed += items.length;
    return { articles: items.length, reports };
  };

  const worker = new Worker(
    QUEUE_NAME,
    async (job: Job) => {
      if (job.name === 'article') return processArticle(job as Job<ArticleJob>);
      if (job.name === 'reprocess') return processReprocess(job as Job<ReprocessJob>);
      throw new UnrecoverableError(`unknown job kind ${job.name}`);
    },
    {
      connection: redisOptions(o.url),
      prefix: o.prefix ?? DEFAULT_PREFIX,
      // More jobs in hand than threads: while some wait on the database, others extract, and
      // the writes of several jobs go in one transaction (GroupWriter).
      concurrency: concurrency * JOBS_PER_THREAD,
      lockDuration: o.lockMs ?? 30_000,
      stalledInterval: Math.min(30_000, o.lockMs ?? 30_000),
      // A job whose worker died twice in a row is still taken again once more before it fails.
      maxStalledCount: 2,
      autorun: false,
    },
  );
  worker.on('completed', (job, result) => {
    stats.done++;
    log.info({ job: job.id, kind: job.name, ...(job.name === 'article' ? { article: (job.data as ArticleJob).article.id } : {}), result, ms: job.finishedOn && job.processedOn ? job.finishedOn - job.processedOn : undefined }, 'job done');
  });
  worker.on('failed', (job, err) => {
    stats.failed++;
    log.warn({ job: job?.id, kind: job?.name, attempt: job?.attemptsMade, err: err.message }, 'job failed');
  });
  worker.on('stalled', (jobId) => log.warn({ job: jobId }, 'job stalled (its worker stopped); taken again'));
  let redisUp = true;
  worker.on('error', (err) => {
    redisUp = false;
    log.error({ err: err.message }, 'queue error');
  });
  worker.on('ready', () => {
    if (!redisUp) log.info('queue connection back');
    redisUp = true;
  });

  // Fusion rounds: every few seconds, the dirty blocks no other worker is fusing. A round fuses
  // whole blocks (a country's reports), so its cost grows with the database; N workers each
  // fusing every few seconds would do N times the work for the same result. The rounds are
  // paced across the workers by a key in Redis: a round starts only where none started within
  // the interval, and a long round spaces the next by three times its length, so fusion keeps
  // to about a quarter of one worker's time. Without Redis, a worker fuses on its own clock.
  const fuseEvery = o.fuseEveryMs ?? 2000;
  const paceKey = `${o.prefix ?? DEFAULT_PREFIX}:${QUEUE_NAME}:fusion-pace`;
  const pacer = new Redis({ ...redisOptions(o.url), maxRetriesPerRequest: 1, enableOfflineQueue: false } as RedisOptions);
  pacer.on('error', () => {});
  let fusing: Promise<void> = Promise.resolve();
  const fuseRound = async (paced = true) => {
    try {
      if (paced && (await pacer.set(paceKey, String(process.pid), 'PX', fuseEvery, 'NX').catch(() => 'OK')) !== 'OK') return;
      const t0 = Date.now();
      const r = await store.fuseDirty({ skipBusy: true });
      const ms = Date.now() - t0;
      if (paced && ms * 3 > fuseEvery) await pacer.set(paceKey, String(process.pid), 'PX', ms * 3).catch(() => {});
      if (r.blocks > 0) {
        stats.fusions += r.blocks;
        log.info({ blocks: r.blocks, incidents: r.incidents, busy: r.busy }, 'fused');
      }
    } catch (e) {
      log.error({ err: (e as Error).message }, 'fusion failed; the blocks stay marked for the next round');
    }
  };
  const timer = setInterval(() => {
    fusing = fusing.then(() => fuseRound());
  }, fuseEvery);

  // Health: the database answers, the queue is connected, the worker runs.
  let health: Server | null = null;
  // Its own connection for the health check: a ping that fails at once while Redis is away.
  const pinger = o.healthPort !== undefined ? new Redis({ ...redisOptions(o.url), maxRetriesPerRequest: 1, enableOfflineQueue: false } as RedisOptions) : null;
  pinger?.on('error', () => {});
  if (o.healthPort !== undefined) {
    health = createServer((req, res) => {
      if (req.method !== 'GET' || (req.url !== '/health' && req.url !== '/')) {
        res.writeHead(404).end();
        return;
      }
      void (async () => {
        const within = <T>(p: Promise<T>) => Promise.race([p.then(() => true, () => false), new Promise<boolean>((r) => setTimeout(() => r(false), 2000).unref())]);
        const [dbOk, queueOk] = await Promise.all([within(store.articleCount()), within(pinger!.ping())]);
        redisUp = queueOk;
        const ok = dbOk && queueOk && state === 'running' && worker.isRunning();
        res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: ok ? 'ok' : 'unhealthy', state, database: dbOk, queue: queueOk, pid: process.pid, concurrency, ...stats, overBudget: pool.overBudget }) + '\n');
      })();
    });
    await new Promise<void>((resolve, reject) => {
      health!.once('error', reject);
      health!.listen(o.healthPort, o.healthHost ?? '127.0.0.1', () => resolve());
    });
  }
  const addr = health?.address();
  const healthPort = addr && typeof addr === 'object' ? addr.port : null;

  void worker.run().catch((e) => log.error({ err: (e as Error).message }, 'worker stopped'));
  log.info({ queue: redactRedis(o.url), prefix: o.prefix ?? DEFAULT_PREFIX, concurrency, health: healthPort }, 'worker started');

  let resolveClosed!: () => void;
  const closed = new Promise<void>((r) => (resolveClosed = r));
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      state = 'closing';
      log.info('stopping: finishing the jobs in hand');
      // BullMQ's close waits for the jobs being processed; no new one is taken.
      await worker.close();
      clearInterval(timer);
      await fusing;
      await fuseRound(false);
      await pool.close();
      await store.close();
      await new Promise<void>((r) => (health ? health.close(() => r()) : r()));
      pinger?.disconnect();
      pacer.disconnect();
      state = 'closed';
      log.info(stats, 'stopped');
      resolveClosed();
    })());
  return { close, healthPort, closed };
}
