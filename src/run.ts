/**
 * Running the pipeline over inputs: reads every input, extracts each article, records every
 * failure with its file and line, and assembles FORMAT.md's report. One bad article never stops
 * the batch.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Report } from './core/report.js';
import { toReportIncident } from './core/report.js';
import type { Problem } from './core/types.js';
import { readInputs, type ReadOptions } from './ingest/read.js';
import { fuseAll, fusionReports } from './fuse/articles.js';
import { extractArticle, type ArticleResult } from './pipeline.js';

/** The package version; this file runs from src/ (tsx) or dist/src/ (compiled). */
export const VERSION: string = (() => {
  for (const rel of ['../package.json', '../../package.json']) {
    const url = new URL(rel, import.meta.url);
    if (existsSync(url)) return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
  }
  return '0.0.0';
})();

export interface RunResult {
  results: ArticleResult[];
  problems: Problem[];
}

export interface RunOptions extends ReadOptions {
  /** Called for each article once it is extracted (for streaming output or progress). */
  onArticle?: (r: ArticleResult) => void;
  /** Keep the per-article results in memory (default true). */
  keep?: boolean;
}

export async function runInputs(paths: string[], opts: RunOptions = {}): Promise<RunResult> {
  const results: ArticleResult[] = [];
  const problems: Problem[] = [];
  for await (const item of readInputs(paths, opts)) {
    if ('error' in item) {
      const e = item.error;
      problems.push({ file: e.file, ...(e.line ? { line: e.line } : {}), message: e.message });
      continue;
    }
    try {
      const r = extractArticle(item.article);
      opts.onArticle?.(r);
      if (opts.keep !== false) results.push(r);
    } catch (e) {
      // A failure inside extraction is a bug, but it must cost only this article.
      problems.push({
        file: item.file,
        ...(item.line ? { line: item.line } : {}),
        article: item.article.id,
        message: `extraction failed: ${(e as Error).stack?.split('\n').slice(0, 2).join(' ') ?? String(e)}`,
      });
    }
  }
  return { results, problems };
}

export interface ReportOptions {
  /**
   * Fuse the reports of one incident across articles (default), with the store's fusion; false
   * keeps each article's incidents apart (`--per-article`).
   */
  fuse?: boolean;
}

/** The report's incidents: fused across articles, or each article's own. */
export function reportIncidents(results: ArticleResult[], opts: ReportOptions = {}): Report['incidents'] {
  const own = results.map((r) => ({ article: r.article, incidents: r.incidents.map(toReportIncident) }));
  if (opts.fuse === false) return own.flatMap((r) => r.incidents);
  return fuseAll(fusionReports(own));
}

export function buildReport(run: RunResult, opts: ReportOptions = {}): Report {
  return {
    sitrep: { version: VERSION, generated: new Date().toISOString() },
    articles: run.results.map(({ article: a }) => ({
      id: a.id,
      title: a.title ?? null,
      source: a.source ?? null,
      url: a.url ?? null,
      published: a.published ?? null,
      chars: a.text.length,
    })),
    incidents: reportIncidents(run.results, opts),
    quotes: run.results.flatMap((r) => r.quotes),
    claims: run.results.flatMap((r) => r.claims),
    people: run.results.flatMap((r) => r.people),
    organisations: run.results.flatMap((r) => r.organisations),
    problems: run.problems,
  };
}
