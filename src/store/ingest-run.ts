/**
 * Ingest: inputs (files, directories, JSON lines, HTML pages, feeds, URLs) → identified,
 * extracted articles → the database → fusion. Work goes in batches, each stored in one
 * transaction; an article already stored (same identity, same content) is skipped before
 * extraction. So a run killed at any point and started again stores every article exactly once,
 * and a second run over the same inputs changes nothing.
 */
import type { Article } from '../core/types.js';
import { identify } from '../ingest/dedupe.js';
import { isFeedPath, isUrl, readSource, type FeedOptions } from '../ingest/feed.js';
import { readInputs, type InputItem } from '../ingest/read.js';
import { extractTask, type Extracted } from '../run/extract-task.js';
import type { ExtractPool } from '../run/pool.js';
import { VERSION } from '../run.js';
import type { PreparedArticle, ProblemInput, SaveResult, Store } from './store.js';

export interface IngestProgress {
  done: number;
  /** Known in advance for files and directories; null for feeds and URLs. */
  total: number | null;
  stored: number;
  skipped: number;
  problems: number;
  elapsedMs: number;
}

export interface IngestOptions {
  published?: string;
  batchSize?: number;
  feed?: FeedOptions;
  onProgress?: (p: IngestProgress) => void;
  /** Expected number of articles, for the progress bar. */
  total?: number | null;
  /** Fuse at the end (default true); false leaves the changed blocks marked for the next fusion. */
  fuse?: boolean;
  /** Extract on these worker threads, under their time budget (default: on this thread). */
  pool?: ExtractPool;
}

export interface IngestSummary extends SaveResult {
  problems: number;
  /** The bad inputs and failed articles of this run. */
  problemList: ProblemInput[];
  read: number;
  fused: { blocks: number; incidents: number };
  seconds: number;
}

/** The extractor's version: `sitrep reprocess` re-extracts articles stored by another one. */
export const EXTRACTOR_VERSION = process.env.SITREP_EXTRACTOR_VERSION || VERSION;

/** All items of the inputs, in order: feeds and URLs through the feed reader, the rest as files. */
export async function* readAll(inputs: string[], opts: IngestOptions = {}): AsyncGenerator<InputItem> {
  for (const p of inputs) {
    if (isUrl(p) || isFeedPath(p)) yield* readSource(p, opts.feed);
    else yield* readInputs([p], { ...(opts.published ? { published: opts.published } : {}) });
  }
}


/** Extract one article on this thread; a failure is the article's outcome, not an exception. */
export function prepare(article: Article, ids: ReturnType<typeof identify>, where: { file?: string; line?: number } = {}): PreparedArticle {
  return prepared(article, ids, extractTask(article), where);
}

/** Extract one article on the pool's threads (under its time budget), or on this one without a pool. */
export async function preparePooled(pool: ExtractPool | undefined, article: Article, ids: ReturnType<typeof identify>, where: { file?: string; line?: number } = {}): Promise<PreparedArticle> {
  return pool ? prepared(article, ids, await pool.extract(article), where) : prepare(article, ids, where);
}

function prepared(article: Article, ids: ReturnType<typeof identify>, x: Extracted, where: { file?: string; line?: number }): PreparedArticle {
  return { article, ...ids, minhash: x.minhash, version: EXTRACTOR_VERSION, outcome: x.outcome, ...(x.wire ? { wire: x.wire } : {}), ...where };
}

export async function ingest(store: Store, inputs: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const t0 = Date.now();
  const batchSize = opts.batchSize ?? 250;
  const sum: IngestSummary = { inserted: 0, updated: 0, unchanged: 0, failed: 0, duplicates: 0, reports: 0, problems: 0, problemList: [], read: 0, fused: { blocks: 0, incidents: 0 }, seconds: 0 };
  let pending: Array<{ article: Article; file: string; line?: number }> = [];
  let problems: ProblemInput[] = [];
  const progress = () =>
    opts.onProgress?.({
      done: sum.read + sum.problems,
      total: opts.total ?? null,
      stored: sum.inserted + sum.updated,
      skipped: sum.unchanged,
      problems: sum.problems,
      elapsedMs: Date.now() - t0,
    });

  // Extraction of a batch runs on the pool while the batch before it is stored: one writer, in
  // input order, so the database is the one a single thread would build. At most two batches
  // are in flight, which bounds memory.
  const submitted = new Map<string, string>();
  let saving: Promise<void> = Promise.resolve();
  const inFlight: Array<Promise<void>> = [];
  const flush = async () => {
    if (pending.length === 0 && problems.length === 0) return;
    const batch = pending;
    const batchProblems = problems;
    pending = [];
    problems = [];
    const ids = batch.map((p) => identify(p.article));
    const known = await store.knownIdentities(ids.map((i) => i.identity));
    const work: Array<Promise<PreparedArticle>> = [];
    const seen = new Set<string>();
    let skipped = 0;
    batch.forEach((p, i) => {
      const id = ids[i]!;
      // Skipped: stored already with this content, earlier in this batch, or sent to the pool
      // with this content by an earlier batch that is still being stored.
      if (known.get(id.identity) === id.content_hash || seen.has(id.identity) || submitted.get(id.identity) === id.content_hash) {
        skipped++;
        return;
      }
      seen.add(id.identity);
      submitted.set(id.identity, id.content_hash);
      work.push(preparePooled(opts.pool, p.article, id, { file: p.file, ...(p.line ? { line: p.line } : {}) }));
    });
    const extracted = Promise.all(work);
    extracted.catch(() => {}); // awaited below; a failure surfaces there
    const saved = (saving = saving.then(async () => {
      const prepared = await extracted;
      const r = await store.saveBatch(prepared, batchProblems);
      sum.problemList.push(...batchProblems);
      sum.unchanged += skipped + r.unchanged;
      sum.inserted += r.inserted;
      sum.updated += r.updated;
      sum.failed += r.failed;
      sum.duplicates += r.duplicates;
      sum.reports += r.reports;
      for (const p of prepared) if (submitted.get(p.identity) === p.content_hash) submitted.delete(p.identity);
      progress();
    }));
    inFlight.push(saved);
    saved.catch(() => {});
    if (inFlight.length >= 2 || !opts.pool) await inFlight.shift();
  };

  for await (const item of readAll(inputs, opts)) {
    if ('error' in item) {
      const e = item.error;
      problems.push({ file: e.file, ...(e.line ? { line: e.line } : {}), message: e.message });
      sum.problems++;
    } else {
      pending.push(item);
      sum.read++;
    }
    if (pending.length >= batchSize) await flush();
  }
  await flush();
  while (inFlight.length) await inFlight.shift();
  // Fusion of every block that changed, also those left dirty by an earlier run that was killed.
  if (opts.fuse !== false) sum.fused = await store.fuseDirty();
  sum.seconds = (Date.now() - t0) / 1000;
  progress();
  return sum;
}

/** Extract again the stored articles of another extractor version (or all); edits stay. */
export async function reprocess(store: Store, opts: { all?: boolean; onProgress?: (done: number) => void; pool?: ExtractPool } = {}): Promise<{ articles: number; reports: number; fused: { blocks: number; incidents: number } }> {
  let articles = 0;
  let reports = 0;
  for await (const batch of store.articlesForReprocess(EXTRACTOR_VERSION, opts.all ?? false)) {
    const items = await Promise.all(
      batch.map(async (b) => {
        const p = await preparePooled(opts.pool, b.article, { identity: '', canonical_url: null, content_hash: b.content_hash });
        return { id: b.id, content_hash: b.content_hash, version: EXTRACTOR_VERSION, outcome: p.outcome, ...(p.wire ? { wire: p.wire } : {}) };
      }),
    );
    reports += await store.replaceReports(items);
    articles += items.length;
    opts.onProgress?.(articles);
  }
  const fused = await store.fuseDirty();
  return { articles, reports, fused };
}

/** How many articles the inputs hold, for the progress bar (null when a feed or URL is among them). */
export async function countArticles(inputs: string[]): Promise<number | null> {
  const { promises: fs } = await import('node:fs');
  const { join, extname } = await import('node:path');
  let n = 0;
  const countFile = async (f: string) => {
    const ext = extname(f).toLowerCase();
    if (ext === '.jsonl' || ext === '.ndjson') {
      const buf = await fs.readFile(f);
      let lines = 0;
      let nonBlank = false;
      for (let i = 0; i < buf.length; i++) {
        const c = buf[i]!;
        if (c === 10) {
          if (nonBlank) lines++;
          nonBlank = false;
        } else if (c !== 13 && c !== 32 && c !== 9) nonBlank = true;
      }
      if (nonBlank) lines++;
      n += lines;
    } else if (['.txt', '.text', '.html', '.htm', '.xhtml'].includes(ext)) n++;
  };
  const walk = async (d: string): Promise<void> => {
    for (const e of await fs.readdir(d, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const full = join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else await countFile(full);
    }
  };
  try {
    for (const p of inputs) {
      if (p === '-' || isUrl(p) || isFeedPath(p)) return null;
      const st = await fs.stat(p);
      if (st.isDirectory()) await walk(p);
      else if (['.jsonl', '.ndjson'].includes(extname(p).toLowerCase())) await countFile(p);
      else n++;
    }
  } catch {
    return null;
  }
  return n;
}
