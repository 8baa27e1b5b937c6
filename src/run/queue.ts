/**
 * Many machines: a job queue on Redis (BullMQ) in front of one PostgreSQL database.
 *
 * `sitrep ingest|watch|reprocess --queue redis://…` put jobs on the queue and return; every
 * `sitrep worker` takes jobs, extracts on its own thread pool and stores into the database. A job
 * is idempotent: an article's job id is made from its identity and content, so the same article
 * queued twice is one job, and a job run twice (its worker died mid-way) finds the article stored
 * and skips it. Jobs are retried with exponential backoff; one that fails for good stays in the
 * failed set with its error (`sitrep queue status`).
 *
 * Fusion is not a job: each worker fuses the blocks marked dirty every few seconds, each block
 * under a PostgreSQL advisory lock (Store.fuseDirty), so two workers never fuse one block at
 * once, and a mark set while a fusion runs stays for the next round.
 */
import { createHash } from 'node:crypto';
import { Queue, type JobsOptions } from 'bullmq';
import type { RedisOptions } from 'bullmq';
import type { Article } from '../core/types.js';
import { identify } from '../ingest/dedupe.js';
import { EXTRACTOR_VERSION, readAll, type IngestOptions } from '../store/ingest-run.js';
import type { ProblemInput, Store } from '../store/store.js';

export const QUEUE_NAME = 'sitrep';
export const DEFAULT_PREFIX = 'sitrep';

export interface QueueTarget {
  /** redis:// or rediss:// URL. */
  url: string;
  /** Key prefix in Redis (BullMQ's `prefix`): several deployments may share one Redis. */
  prefix?: string;
}

export type ArticleJob = { article: Article; file?: string; line?: number };
export type ReprocessJob = { ids: number[]; version: string };

export function isRedisUrl(v: string): boolean {
  return /^rediss?:\/\//i.test(v);
}

/** ioredis options from a redis:// URL (user, password, host, port, /db). */
export function redisOptions(url: string): RedisOptions {
  const u = new URL(url);
  const db = u.pathname.replace(/^\//, '');
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(db ? { db: Number(db) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    // BullMQ's workers block on Redis and must retry for ever while it is away (a restart).
    maxRetriesPerRequest: null,
  };
}

/** A redis:// URL without its password, for messages and logs. */
export function redactRedis(url: string): string {
  return url.replace(/(rediss?:\/\/[^:/@]*):[^@]*@/i, '$1:***@');
}

/** Retries of a job that failed for a reason that may pass (the database away, a deadlock). */
export const JOB_OPTIONS: JobsOptions = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 2000 },
  // Done jobs are kept for a week (for `queue status`), failed ones until removed.
  removeOnComplete: { age: 7 * 24 * 3600, count: 1_000_000 },
  removeOnFail: false,
};

/** The queue, for putting jobs on it and reading its state: a call fails when Redis is away, it does not wait for it. */
export function openQueue(t: QueueTarget): Queue {
  const connection = { ...redisOptions(t.url), maxRetriesPerRequest: 2, connectTimeout: 5000 };
  const q = new Queue(QUEUE_NAME, { connection, prefix: t.prefix ?? DEFAULT_PREFIX, defaultJobOptions: JOB_OPTIONS });
  q.on('error', () => {}); // reported by the calls that fail
  return q;
}

/** An article's job id: its identity and content (the same article queued twice is one job). */
export function articleJobId(article: Article): string {
  const ids = identify(article);
  return 'a-' + createHash('sha256').update(`${ids.identity}\n${ids.content_hash}`).digest('hex').slice(0, 32);
}

export interface EnqueueSummary {
  read: number;
  /** New jobs; the rest were on the queue already (the same article, queued before). */
  queued: number;
  already: number;
  problems: ProblemInput[];
  seconds: number;
}

/** Read the inputs (files, feeds, URLs) and queue one job per article. */
export async function enqueueInputs(queue: Queue, inputs: string[], opts: IngestOptions & { store?: Store } = {}): Promise<EnqueueSummary> {
  const t0 = Date.now();
  const sum: EnqueueSummary = { read: 0, queued: 0, already: 0, problems: [], seconds: 0 };
  let batch: Array<{ name: string; data: ArticleJob; opts: JobsOptions }> = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const ids = batch.map((b) => b.opts.jobId!);
    // addBulk ignores a job whose id exists; count those by looking first.
    const existing = await Promise.all(ids.map((id) => queue.getJobState(id)));
    await queue.addBulk(batch);
    for (const s of existing) if (s === 'unknown') sum.queued++;
    else sum.already++;
    batch = [];
  };
  for await (const item of readAll(inputs, opts)) {
    if ('error' in item) {
      sum.problems.push({ file: item.error.file, ...(item.error.line ? { line: item.error.line } : {}), message: item.error.message });
      continue;
    }
    sum.read++;
    batch.push({ name: 'article', data: { article: item.article, file: item.file, ...(item.line ? { line: item.line } : {}) }, opts: { jobId: articleJobId(item.article) } });
    if (batch.length >= 500) await flush();
  }
  await flush();
  // Bad inputs never reach a worker: they are the database's problems now, as with a local ingest.
  if (opts.store && sum.problems.length) await opts.store.recordProblems(sum.problems);
  sum.seconds = (Date.now() - t0) / 1000;
  return sum;
}

/** Fan a reprocess out: the stored articles to extract again, in jobs of `per` articles. */
export async function enqueueReprocess(queue: Queue, store: Store, opts: { all?: boolean; per?: number } = {}): Promise<{ articles: number; jobs: number }> {
  const per = opts.per ?? 50;
  let q = store.db.selectFrom('articles').select('id').orderBy('id');
  if (!opts.all) q = q.where((eb) => eb.or([eb('extracted_version', 'is', null), eb('extracted_version', '!=', EXTRACTOR_VERSION), eb('status', '=', 'failed')]));
  const ids = (await q.execute()).map((r) => Number(r.id));
  const stamp = Date.now().toString(36);
  const jobs: Array<{ name: string; data: ReprocessJob; opts: JobsOptions }> = [];
  for (let i = 0; i < ids.length; i += per) {
    const part = ids.slice(i, i + per);
    jobs.push({ name: 'reprocess', data: { ids: part, version: EXTRACTOR_VERSION }, opts: { jobId: `r-${stamp}-${part[0]}` } });
  }
  for (let i = 0; i < jobs.length; i += 500) await queue.addBulk(jobs.slice(i, i + 500));
  return { articles: ids.length, jobs: jobs.length };
}

export interface QueueStatus {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  done: number;
  failures: Array<{ id: string; name: string; error: string; attempts: number; at: string | null; article?: string }>;
}

export async function queueStatus(queue: Queue, maxFailures = 20): Promise<QueueStatus> {
  const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized', 'waiting-children');
  const failed = await queue.getFailed(0, Math.max(0, maxFailures - 1));
  return {
    waiting: (c.waiting ?? 0) + (c.prioritized ?? 0) + (c['waiting-children'] ?? 0),
    active: c.active ?? 0,
    delayed: c.delayed ?? 0,
    failed: c.failed ?? 0,
    done: c.completed ?? 0,
    failures: failed.map((j) => ({
      id: String(j.id),
      name: j.name,
      error: j.failedReason ?? '',
      attempts: j.attemptsMade,
      at: j.finishedOn ? new Date(j.finishedOn).toISOString() : null,
      ...(j.name === 'article' ? { article: (j.data as ArticleJob).article?.id } : {}),
    })),
  };
}
