/**
 * Ingest: inputs (files, directories, JSON lines, HTML pages, feeds, URLs) → identified,
 * extracted articles → the database → fusion. Work goes in batches, each stored in one
 * transaction; an article already stored (same identity, same content) is skipped before
 * extraction. So a run killed at any point and started again stores every article exactly once,
 * and a second run over the same inputs changes nothing.
 */
import type { Article } from '../core/types.js';
import { identify, minhash, signatureToHex } from '../ingest/dedupe.js';
import { isFeedPath, isUrl, readSource, type FeedOptions } from '../ingest/feed.js';
import { readInputs, type InputItem } from '../ingest/read.js';
import { extractArticle } from '../pipeline.js';
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


/** Extract one article; a failure is the article's outcome, not an exception. */
export function prepare(article: Article, ids: ReturnType<typeof identify>, where: { file?: string; line?: number } = {}): PreparedArticle {
  const sig = minhash(article.text);
  let outcome: PreparedArticle['outcome'];
  try {
    const r = extractArticle(article);
    outcome = { incidents: r.incidents, extras: { quotes: r.quotes, claims: r.claims, people: r.people, organisations: r.organisations } };
  } catch (e) {
    outcome = { error: (e as Error).stack?.split('\n').slice(0, 2).join(' ') ?? String(e) };
  }
  return { article, ...ids, minhash: sig ? signatureToHex(sig) : null, version: EXTRACTOR_VERSION, outcome, ...where };
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

  const flush = async () => {
    if (pending.length === 0 && problems.length === 0) return;
    const ids = pending.map((p) => identify(p.article));
    const known = await store.knownIdentities(ids.map((i) => i.identity));
    const prepared: PreparedArticle[] = [];
    const seen = new Set<string>();
    pending.forEach((p, i) => {
      const id = ids[i]!;
      if (known.get(id.identity) === id.content_hash || seen.has(id.identity)) {
        sum.unchanged++;
        return;
      }
      seen.add(id.identity);
      prepared.push(prepare(p.article, id, { file: p.file, ...(p.line ? { line: p.line } : {}) }));
    });
    const r = await store.saveBatch(prepared, problems);
    sum.problemList.push(...problems);
    sum.inserted += r.inserted;
    sum.updated += r.updated;
    sum.unchanged += r.unchanged;
    sum.failed += r.failed;
    sum.duplicates += r.duplicates;
    sum.reports += r.reports;
    pending = [];
    problems = [];
    progress();
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
  // Fusion of every block that changed, also those left dirty by an earlier run that was killed.
  if (opts.fuse !== false) sum.fused = await store.fuseDirty();
  sum.seconds = (Date.now() - t0) / 1000;
  progress();
  return sum;
}

/** Extract again the stored articles of another extractor version (or all); edits stay. */
export async function reprocess(store: Store, opts: { all?: boolean; onProgress?: (done: number) => void } = {}): Promise<{ articles: number; reports: number; fused: { blocks: number; incidents: number } }> {
  let articles = 0;
  let reports = 0;
  for await (const batch of store.articlesForReprocess(EXTRACTOR_VERSION, opts.all ?? false)) {
    const items = batch.map((b) => {
      const p = prepare(b.article, { identity: '', canonical_url: null, content_hash: b.content_hash });
      return { id: b.id, content_hash: b.content_hash, version: EXTRACTOR_VERSION, outcome: p.outcome };
    });
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
