/**
 * Extraction off the main thread: a pool of worker threads (piscina), one article per task, each
 * task under a time budget. A task over budget is aborted, which stops its thread (piscina
 * terminates a worker whose running task is aborted) and starts a fresh one; the article's
 * outcome is then an error ("over the time budget"), recorded as a problem like any failed
 * extraction, and the batch goes on. A thread that runs out of its memory limit fails only the
 * article it was working on, in the same way.
 *
 * The main thread stays free meanwhile: the server keeps answering while a long article is
 * extracted, and `ingest --jobs N` keeps N cores busy while one writer stores the results in
 * input order, so the database is the same as with `--jobs 1`.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Article } from '../core/types.js';
import { fromWire, type Extracted, type Wire } from './extract-task.js';

/** Default time budget of one article's extraction. */
export const DEFAULT_BUDGET_MS = 60_000;
/** Default heap limit of one extraction thread. */
export const DEFAULT_THREAD_MEMORY_MB = 2048;

export interface PoolOptions {
  /** Worker threads (default: the number of cores). */
  threads?: number;
  /** Time budget of one article, in milliseconds (default 60 s). */
  budgetMs?: number;
  /** Heap limit of one thread, in MB (default 2,048). */
  memoryMb?: number;
}

/** The default number of extraction threads: one per core. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

function workerFile(): string {
  // Compiled: dist/src/run/extract-worker.js; from source under tsx: src/run/extract-worker.ts.
  const js = fileURLToPath(new URL('./extract-worker.js', import.meta.url));
  return existsSync(js) ? js : fileURLToPath(new URL('./extract-worker.ts', import.meta.url));
}

export class BudgetExceeded extends Error {}

export class ExtractPool {
  readonly threads: number;
  readonly budgetMs: number;
  private readonly piscina: Piscina;
  private closed = false;
  /** Tasks stopped for running over budget since the pool started. */
  overBudget = 0;

  constructor(opts: PoolOptions = {}) {
    this.threads = Math.max(1, Math.floor(opts.threads ?? defaultJobs()));
    this.budgetMs = opts.budgetMs ?? DEFAULT_BUDGET_MS;
    this.piscina = new Piscina({
      filename: workerFile(),
      minThreads: this.threads,
      maxThreads: this.threads,
      // A thread costs seconds to start (it loads the language model): keep them while the pool lives.
      idleTimeout: 60 * 60 * 1000,
      // piscina loads the worker with require() before import(); on Node 20 a require() of an ES
      // module in a thread now and then aborts the process (V8 fatal 'IsGraphAsync must be used
      // on an instantiated module', nodejs/node#58061): without require(esm), piscina imports it.
      execArgv: [...process.execArgv, '--no-experimental-require-module'],
      resourceLimits: { maxOldGenerationSizeMb: opts.memoryMb ?? DEFAULT_THREAD_MEMORY_MB, ...(process.env.YOUNG_MB ? { maxYoungGenerationSizeMb: Number(process.env.YOUNG_MB) } : {}) },
    });
    // A thread that dies (out of memory, aborted) is replaced by piscina; its error reaches the
    // task's promise, not the process.
    this.piscina.on('error', () => {});
  }

  /** Extract one article. Never rejects for the article's sake: a failure is its outcome. */
  async extract(article: Article): Promise<Extracted> {
    if (this.closed) throw new Error('the extraction pool is closed');
    const ac = new AbortController();
    // The budget counts from the moment a thread takes the task, not while the task waits for a
    // thread (or for a fresh thread to load the language model): the thread writes its start into
    // a shared cell, which the main thread watches.
    const started = new Int32Array(new SharedArrayBuffer(4));
    let since = 0;
    const tick = Math.max(20, Math.min(250, Math.floor(this.budgetMs / 10)));
    const watch = setInterval(() => {
      if (since === 0) {
        if (Atomics.load(started, 0) === 1) since = Date.now() - tick / 2;
      } else if (Date.now() - since > this.budgetMs) ac.abort(new BudgetExceeded('over budget'));
    }, tick).unref();
    try {
      return fromWire((await this.piscina.run({ article, started }, { signal: ac.signal })) as Wire);
    } catch (e) {
      if (ac.signal.aborted) {
        this.overBudget++;
        return { minhash: null, outcome: { error: `over the time budget of ${fmtMs(this.budgetMs)} per article; stopped, the batch goes on` } };
      }
      if (this.closed) throw e;
      const err = e as Error & { code?: string };
      const why = err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'over the memory limit of an extraction thread' : (err.stack?.split('\n').slice(0, 2).join(' ') ?? String(e));
      return { minhash: null, outcome: { error: why } };
    } finally {
      clearInterval(watch);
    }
  }

  /** Tasks waiting for a thread. */
  get queued(): number {
    return this.piscina.queueSize;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.piscina.destroy();
  }
}

function fmtMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

let shared: ExtractPool | null = null;
/**
 * One pool for the whole process (the server's, shared by its requests), made on first use.
 * Later calls return the same pool whatever their options.
 */
export function sharedPool(opts: PoolOptions = {}): ExtractPool {
  shared ??= new ExtractPool(opts);
  return shared;
}

export async function closeSharedPool(): Promise<void> {
  const p = shared;
  shared = null;
  await p?.close();
}
