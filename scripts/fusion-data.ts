/**
 * The development sets as fusion sees them (for scripts/fit-fusion.ts and scripts/fusion-pairs.ts):
 * each article extracted on its own (cached in eval-out/ by content; `--fresh` extracts again),
 * its reports as fusion's inputs, and the gold incident each report matched, as the scorer
 * matches them against the gold cut per article.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractArticle } from '../src/pipeline.js';
import { toReportIncident, type ReportIncident } from '../src/core/report.js';
import type { Article } from '../src/core/types.js';
import { fusionReports } from '../src/fuse/articles.js';
import type { FusionReport } from '../src/fuse/fuse.js';
import { matchPairs, splitGoldPerArticle } from './eval-diff.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const EVAL = resolve(ROOT, process.env.SITREP_EVAL_DIR ?? '../shared/eval');
const OUT = join(ROOT, 'eval-out');

export type Obj = Record<string, unknown>;

export interface SetData {
  name: string;
  gold: { incidents: Obj[] };
  batch: Array<{ article: Article; incidents: ReportIncident[] }>;
  reports: FusionReport[];
  /** The gold incident each report matched (index into gold.incidents), if any. */
  goldOf: Map<string, number>;
  articlesOf: Set<string>[];
  /** How many gold incidents list each article. */
  goldsOfArticle: Map<string, number>;
}

export function load(set: string): SetData {
  const dir = join(EVAL, set);
  const name = set.split('/').pop()!;
  const articles = readFileSync(join(dir, 'articles.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Article);
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as { incidents: Obj[] };
  mkdirSync(OUT, { recursive: true });
  // Extraction is the slow part and does not change while fitting: kept per set, by content.
  const cache = join(OUT, `fit-fusion.${name}.json`);
  let batch: SetData['batch'];
  const stamp = articles.map((a) => a.id + a.text.length).join('|');
  const cached = existsSync(cache) ? (JSON.parse(readFileSync(cache, 'utf8')) as { stamp: string; batch: SetData['batch'] }) : null;
  if (cached && cached.stamp === stamp && !process.argv.includes('--fresh')) batch = cached.batch;
  else {
    batch = articles.map((a) => ({ article: a, incidents: extractArticle(a, { incidentsOnly: true }).incidents.map(toReportIncident) }));
    writeFileSync(cache, JSON.stringify({ stamp, batch }));
  }
  const reports = fusionReports(batch);
  const G = gold.incidents.map((g, gi) => ({ ...g, _gi: gi }));
  const split = splitGoldPerArticle({ incidents: G }).incidents.filter((g) => g.event_type != null || g.sub_event_type != null);
  const flat = reports.map((r) => r.incident as unknown as Obj);
  const goldOf = new Map<string, number>();
  for (const [si, ri] of matchPairs(split, flat)) goldOf.set(reports[ri]!.key, split[si]!._gi as number);
  const articlesOf = gold.incidents.map((g) => new Set(Array.isArray(g.articles) ? (g.articles as unknown[]).map(String) : []));
  // What extraction allows: of each multi-article gold incident, the share of its articles with a
  // report matched to it (fusion cannot list an article whose report went astray).
  const has = new Map<number, Set<string>>();
  for (const r of reports) {
    const gi = goldOf.get(r.key);
    if (gi !== undefined) has.set(gi, (has.get(gi) ?? new Set()).add(r.article));
  }
  const multi = gold.incidents.map((_, gi) => gi).filter((gi) => articlesOf[gi]!.size > 1);
  const reach = multi.filter((gi) => has.has(gi));
  if (multi.length)
    console.log(`${name}: extraction bound on multi-article incidents: ${reach.length} of ${multi.length} have a matched report; their articles with a matched report: ${(reach.reduce((s, gi) => s + has.get(gi)!.size / articlesOf[gi]!.size, 0) / reach.length).toFixed(3)}`);
  const goldsOfArticle = new Map<string, number>();
  for (const s of articlesOf) for (const a of s) goldsOfArticle.set(a, (goldsOfArticle.get(a) ?? 0) + 1);
  return { name, gold, batch, reports, goldOf, articlesOf, goldsOfArticle };
}

/** A report in one line: date~precision type @town/district/province gN [actor1 | actor2] fN. */
export const show = (r: FusionReport) => {
  const i = r.incident;
  return `${i.event_date}~${i.time_precision} ${i.sub_event_type} @${i.location ?? '-'}/${i.admin2 ?? '-'}/${i.admin1 ?? '-'} g${i.geo_precision} [${i.actor1 ?? '-'} | ${i.actor2 ?? '-'}] f${i.fatalities}`;
};

