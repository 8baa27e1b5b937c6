/**
 * Fits data/confidence.json (src/extract/confidence.ts) on the development sets news-dev and
 * re3d-news:
 * - a logistic model of "this incident matches a gold incident" (L2-regularised, plain gradient
 *   descent: under twenty features, a few hundred incidents), on each file read whole and fused
 *   as `sitrep extract` and the store fuse it, against the whole gold: the features are the
 *   surest report's incidentFeatures, with outlets_2plus set when two or more outlets tell it.
 *   This is what an analyst sees: a report that fails to merge with its incident's others is a
 *   second, wrong incident, and an incident several outlets tell is seldom wrong;
 * - each field's accuracy is counted by rule family over matched pairs of each article's reports
 *   against its cut of the gold, smoothed towards the field's overall accuracy (5 pseudo-counts),
 *   so a rule seen twice says little.
 *
 *   node dist/scripts/fit-confidence.js      (needs ../shared/eval; rerun after extraction changes)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractArticle } from '../src/pipeline.js';
import { toReportIncident } from '../src/core/report.js';
import { fuseAll, fusionReports } from '../src/fuse/articles.js';
import type { Article, Incident } from '../src/core/types.js';
import { incidentFeatures, ruleFamily, type ConfidenceModel } from '../src/extract/confidence.js';
import { fieldRight, matchPairs, splitGoldPerArticle } from './eval-diff.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const EVAL = resolve(ROOT, process.env.SITREP_EVAL_DIR ?? '../shared/eval');
const SETS = ['dev/news-dev', 'dev/re3d-news'];
const FIELDS = ['sub_event_type', 'event_date', 'admin1', 'admin2', 'fatalities', 'actor1', 'inter1'] as const;

function main(): number {
  if (!existsSync(join(EVAL, 'score.mjs'))) {
    console.log(`fit-confidence: ${EVAL} is not here; nothing to fit.`);
    return 0;
  }
  const X: number[][] = [];
  const y: number[] = [];
  const counts: Record<string, Record<string, [number, number]>> = {};
  let names: string[] = [];
  for (const set of SETS) {
    const lines = readFileSync(join(EVAL, set, 'articles.jsonl'), 'utf8').split('\n').filter((l) => l.trim());
    const results = lines.map((line) => extractArticle(JSON.parse(line) as Article, { incidentsOnly: true }));
    // Fields: each article's reports against its cut of the gold.
    const incs: Incident[] = results.flatMap((r) => r.incidents);
    const flat = incs.map(toReportIncident) as unknown as Record<string, unknown>[];
    const perArticle = splitGoldPerArticle(JSON.parse(readFileSync(join(EVAL, set, 'gold.json'), 'utf8')));
    const m = matchPairs(isEvent(perArticle.incidents), flat);
    for (const [gi, ri] of m) {
      for (const k of FIELDS) {
        const right = fieldRight(k, isEvent(perArticle.incidents)[gi]!, flat[ri]!);
        const field = (incs[ri] as unknown as Record<string, { rule: string } | null>)[k];
        if (right === null || !field) continue;
        const byRule = (counts[k] ??= {});
        for (const key of [ruleFamily(field.rule), '*']) {
          const c = (byRule[key] ??= [0, 0]);
          c[0]++;
          if (right) c[1]++;
        }
      }
    }
    // Incidents: the file fused, against the whole gold.
    const source = new Map<unknown, Incident>();
    const own = results.map((r) => ({
      article: r.article,
      incidents: r.incidents.map((inc) => {
        const ri = toReportIncident(inc);
        source.set(ri, inc);
        return ri;
      }),
    }));
    const reports = fusionReports(own);
    const byKey = new Map(reports.map((r) => [r.key, r]));
    const fused = fuseAll(reports);
    const G = isEvent((JSON.parse(readFileSync(join(EVAL, set, 'gold.json'), 'utf8')) as { incidents: Record<string, unknown>[] }).incidents);
    const matched = new Set(matchPairs(G, fused as unknown as Record<string, unknown>[]).values());
    fused.forEach((f, i) => {
      const rs = f.reports.map((k) => byKey.get(k)!);
      const surest = rs.reduce((a, b) => ((b.incident.confidence ?? 0) > (a.incident.confidence ?? 0) ? b : a));
      const feats = { ...incidentFeatures(source.get(surest.incident)!), outlets_2plus: new Set(rs.map((r) => r.dupGroup)).size >= 2 ? 1 : 0 };
      names = Object.keys(feats);
      X.push(names.map((k) => feats[k as keyof typeof feats]!));
      y.push(matched.has(i) ? 1 : 0);
    });
  }
  const w = fitLogistic(X, y, 1.0);
  const fields: ConfidenceModel['fields'] = {};
  for (const [k, byRule] of Object.entries(counts)) {
    const [n, ok] = byRule['*']!;
    const overall = ok / n;
    fields[k] = {};
    for (const [rule, [rn, rok]] of Object.entries(byRule)) fields[k]![rule] = Math.round(((rok + 5 * overall) / (rn + 5)) * 100) / 100;
  }
  const model: ConfidenceModel = {
    fitted_on: `${SETS.join(', ')} (incidents fused over each whole file, fields per article): ${y.length} incidents, ${y.filter((v) => v).length} matched; scripts/fit-confidence.ts`,
    incident: { features: names, weights: w.map((v) => Math.round(v * 1000) / 1000) },
    fields,
  };
  writeFileSync(join(ROOT, 'data/confidence.json'), JSON.stringify(model, null, 1) + '\n');
  console.log(model.fitted_on);
  names.forEach((n, i) => console.log(`  ${n.padEnd(16)} ${w[i]!.toFixed(3)}`));
  return 0;
}

const isEvent = (gs: Record<string, unknown>[]) => gs.filter((g) => g.event_type != null || g.sub_event_type != null);

/** Logistic regression by gradient descent with an L2 penalty (the bias is not penalised). */
function fitLogistic(X: number[][], y: number[], l2: number): number[] {
  const d = X[0]!.length;
  const w = new Array<number>(d).fill(0);
  const n = X.length;
  for (let it = 0; it < 5000; it++) {
    const g = new Array<number>(d).fill(0);
    for (let i = 0; i < n; i++) {
      const z = X[i]!.reduce((s, v, j) => s + v * w[j]!, 0);
      const err = 1 / (1 + Math.exp(-z)) - y[i]!;
      for (let j = 0; j < d; j++) g[j]! += err * X[i]![j]!;
    }
    for (let j = 0; j < d; j++) w[j]! -= (0.5 * (g[j]! + (j === 0 ? 0 : l2 * w[j]!))) / n;
  }
  return w;
}

process.exitCode = main();
