/**
 * `npm run eval`: runs `sitrep extract --json` over every development set of ../shared/eval
 * (training splits aside), scores each report with ../shared/eval/score.mjs, prints one compact
 * table, and keeps the reports and the scorer's JSON in eval-out/ (git-ignored).
 *
 *   npm run eval                 every dev set
 *   npm run eval -- --quick      leaves out acled-2020 (5,566 texts)
 *   npm run eval -- --set seed   one set (repeatable)
 *   npm run eval -- --set acled-2020-afpak --fusion-check
 *                                also runs each set with --per-article against the same gold (row
 *                                NAME/nofuse) and prints fused against unfused detection: the issue's
 *                                "no drop in detection F1 compared with --per-article"
 *   npm run eval -- --set news-dev --diff
 *                                article by article, what the gold has and sitrep does not, and the
 *                                reverse, with the evidence
 *
 * A set whose gold has incidents reported by several articles is also scored per article (the
 * gold's incidents cut into one per article, sitrep run with --per-article): row NAME/art; the
 * whole-file row fuses across articles, and its `Multi-article incidents` line is printed. Sets
 * with incidents get a table of detection precision by confidence bucket.
 *
 * Where ../shared is missing (a user's machine), it says so and exits 0.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { heldOutOnly } from './held-out.js';
import { diffLines, matchPairs, splitGoldPerArticle } from './eval-diff.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const EVAL = resolve(ROOT, process.env.SITREP_EVAL_DIR ?? '../shared/eval');
const OUT = join(ROOT, 'eval-out');
const CLI = join(ROOT, 'dist/src/cli/main.js');

interface DevSet {
  name: string;
  dir: string;
  /** Sets whose texts (some of) a model was trained on: scored on the held-out ids only. */
  acled?: boolean;
  slow?: boolean;
}
const SETS: DevSet[] = [
  { name: 'seed', dir: 'seed' },
  { name: 'acled-2020-afpak', dir: 'dev/acled-2020-afpak', acled: true },
  { name: 'acled-2020', dir: 'dev/acled-2020', acled: true, slow: true },
  { name: 'case2021', dir: 'dev/case2021' },
  { name: 're3d-news', dir: 'dev/re3d-news' },
  { name: 'polnear-dev', dir: 'dev/polnear-dev' },
  { name: 'news-dev', dir: 'dev/news-dev' },
];

type Score = {
  counts: { gold_incidents: number; reported_incidents: number; articles: number };
  detection: { precision: number | null; recall: number | null; f1: number | null };
  extra_incidents_per_article: number | null;
  fields: Record<string, { acc: number | null; n: number }>;
  quotes: null | { recall: number | null; precision: number | null; speaker: { acc: number | null; n: number } };
  negatives: null | { share: number | null; n: number };
  /** score.mjs's `Multi-article incidents` line: gold incidents reported by 2+ articles. */
  multi_article?: null | { n: number; recall: number | null; grouping: number | null; grouping_precision: number | null; fatalities_range: { acc: number | null; n: number } };
};

function main(): number {
  const args = process.argv.slice(2);
  if (!existsSync(join(EVAL, 'score.mjs'))) {
    console.log(`eval: ${EVAL} is not here (it ships only with the development machines); nothing to evaluate.`);
    return 0;
  }
  if (!existsSync(CLI)) {
    console.error('eval: dist/ is missing; run `npm run build` first.');
    return 2;
  }
  const only = args.flatMap((a, i) => (a === '--set' ? [args[i + 1]!] : []));
  const quick = args.includes('--quick');
  const sets = SETS.filter((s) => (only.length ? only.includes(s.name) : !(quick && s.slow)));
  mkdirSync(OUT, { recursive: true });

  const diff = args.includes('--diff');
  const fusionCheck = args.includes('--fusion-check');
  const checks: string[] = [];
  const fmt = (v: number | null) => (v === null ? '-' : v.toFixed(3));
  const rows: { set: DevSet; score: Score; seconds: number; note: string }[] = [];
  const confidence: { name: string; lines: string[] }[] = [];
  for (const set of sets) {
    const dir = join(EVAL, set.dir);
    if (!existsSync(join(dir, 'articles.jsonl'))) {
      console.log(`eval: ${set.name}: not found in ${dir}; skipped`);
      continue;
    }
    let articles = join(dir, 'articles.jsonl');
    let gold = join(dir, 'gold.json');
    let note = '';
    if (set.acled) {
      const held = heldOutOnly(articles, gold, join(OUT, set.name));
      if (held) {
        ({ articles, gold } = held);
        note = `held-out ${held.kept} of ${held.total} (the event model trained on the other ids)`;
      }
    }
    const main = scoreSet(set.name, articles, gold, []);
    if (typeof main === 'number') return main;
    rows.push({ set, score: main.score, seconds: main.seconds, note });
    const goldDoc = JSON.parse(readFileSync(gold, 'utf8')) as { incidents: Record<string, unknown>[] };
    if (goldDoc.incidents.some((g) => Array.isArray(g.articles) && g.articles.length > 1)) {
      const split = join(OUT, `${set.name}.gold-per-article.json`);
      writeFileSync(split, JSON.stringify(splitGoldPerArticle(goldDoc)));
      const per = scoreSet(`${set.name}.per-article`, articles, split, ['--per-article']);
      if (typeof per === 'number') return per;
      rows.push({ set: { ...set, name: `${set.name}/art` }, score: per.score, seconds: per.seconds, note: '' });
      // Extraction's own errors, without fusion's: each article's reports against its cut of the gold.
      if (diff) {
        const splitDoc = JSON.parse(readFileSync(split, 'utf8')) as never;
        const perDoc = JSON.parse(readFileSync(join(OUT, `${set.name}.per-article.report.json`), 'utf8')) as never;
        writeFileSync(join(OUT, `${set.name}.per-article.diff.txt`), diffLines(splitDoc, perDoc, articles).join('\n') + '\n');
      }
    }
    if (fusionCheck) {
      // Fusion off, scored against the same gold: what fusion adds to or takes from detection.
      const off = scoreSet(`${set.name}.nofuse`, articles, gold, ['--per-article']);
      if (typeof off === 'number') return off;
      rows.push({ set: { ...set, name: `${set.name}/nofuse` }, score: off.score, seconds: off.seconds, note: '' });
      checks.push(`${set.name}: detection F1 fused ${fmt(main.score.detection.f1)} (P ${fmt(main.score.detection.precision)} R ${fmt(main.score.detection.recall)}), --per-article ${fmt(off.score.detection.f1)} (P ${fmt(off.score.detection.precision)} R ${fmt(off.score.detection.recall)})`);
    }
    const reportDoc = JSON.parse(readFileSync(join(OUT, `${set.name}.report.json`), 'utf8')) as { incidents: Record<string, unknown>[] };
    if (goldDoc.incidents.length) confidence.push({ name: set.name, lines: confidenceTable(goldDoc, reportDoc) });
    if (diff) {
      const lines = diffLines(goldDoc as never, reportDoc as never, articles);
      writeFileSync(join(OUT, `${set.name}.diff.txt`), lines.join('\n') + '\n');
      console.log(`\n== ${set.name}: article by article (gold against sitrep) ==`);
      console.log(lines.join('\n'));
    }
  }
  printTable(rows);
  // Fusion across articles: the whole-file rows fuse (as `sitrep extract` does by default).
  for (const r of rows) {
    const m = r.score.multi_article;
    if (!m || r.set.name.endsWith('/art')) continue;
    const f = (v: number | null) => (v === null ? '  -  ' : v.toFixed(3));
    const g = r.score.fields.grouping_precision;
    console.log(
      `${r.set.name}: Multi-article incidents (gold reported by 2+ articles): ${m.n}   found ${f(m.recall)}   grouping ${f(m.grouping)}   grouping_precision ${f(m.grouping_precision)}   fatalities_range ${f(m.fatalities_range.acc)} (n ${m.fatalities_range.n});   all incidents: grouping_precision ${f(g?.acc ?? null)}, detection F1 ${f(r.score.detection.f1)}`,
    );
  }
  for (const c of checks) console.log(`fusion check: ${c}`);
  for (const c of confidence) {
    console.log(`\n${c.name}: detection precision by confidence (reported incidents matched to a gold one)`);
    for (const l of c.lines) console.log(l);
  }
  console.log(`\nReports, scorer JSON and per-sub-event tables: ${OUT}/`);
  return 0;
}

/** Runs `sitrep extract` over the articles and scores the report; a number is an exit code. */
function scoreSet(name: string, articles: string, gold: string, extra: string[]): { score: Score; seconds: number } | number {
  const report = join(OUT, `${name}.report.json`);
  const t0 = Date.now();
  const run = spawnSync(process.execPath, [CLI, 'extract', articles, '--json', '--out', report, ...extra], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const seconds = (Date.now() - t0) / 1000;
  if (run.status !== 0 && run.status !== 1) {
    console.error(`eval: ${name}: sitrep extract failed (exit ${run.status}):\n${run.stderr.slice(0, 2000)}`);
    return 1;
  }
  const scoreJson = join(OUT, `${name}.score.json`);
  const sc = spawnSync(
    process.execPath,
    [join(EVAL, 'score.mjs'), '--gold', gold, '--report', report, '--json', scoreJson, '--articles', articles, '--by-field'],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  if (sc.status !== 0) {
    console.error(`eval: ${name}: scorer failed (exit ${sc.status}): ${sc.stderr}`);
    return 1;
  }
  writeFileSync(join(OUT, `${name}.score.txt`), sc.stdout);
  return { score: JSON.parse(readFileSync(scoreJson, 'utf8')) as Score, seconds };
}

/** Precision of detection by confidence bucket: does a confidence of 0.8 mean 8 in 10 are right? */
function confidenceTable(gold: { incidents: Record<string, unknown>[] }, report: { incidents: Record<string, unknown>[] }): string[] {
  const G = gold.incidents.filter((g) => g.event_type != null || g.sub_event_type != null);
  const R = report.incidents.filter((r) => r.event_type != null || r.sub_event_type != null);
  const matched = new Set(matchPairs(G, R).values());
  const buckets = [
    [0.9, 1.01],
    [0.8, 0.9],
    [0.6, 0.8],
    [0.4, 0.6],
    [0, 0.4],
  ] as const;
  const lines = ['  confidence   incidents  matched  precision'];
  const row = (label: string, idx: number[]) => {
    const ok = idx.filter((i) => matched.has(i)).length;
    lines.push(`  ${label.padEnd(11)} ${String(idx.length).padStart(9)} ${String(ok).padStart(8)}  ${idx.length ? (ok / idx.length).toFixed(3) : '  -  '}`);
  };
  const conf = (r: Record<string, unknown>) => (typeof r.confidence === 'number' ? r.confidence : null);
  for (const [lo, hi] of buckets) row(`${lo.toFixed(1)}-${Math.min(hi, 1).toFixed(1)}`, R.flatMap((r, i) => (conf(r) !== null && conf(r)! >= lo && conf(r)! < hi ? [i] : [])));
  row('>= 0.8', R.flatMap((r, i) => (conf(r) !== null && conf(r)! >= 0.8 ? [i] : [])));
  row('none', R.flatMap((r, i) => (conf(r) === null ? [i] : [])));
  return lines;
}

function printTable(rows: { set: DevSet; score: Score; seconds: number; note: string }[]): void {
  const f = (v: number | null | undefined) => (v === null || v === undefined ? '  -  ' : v.toFixed(3));
  const fld = (s: Score, k: string) => f(s.fields[k]?.n ? s.fields[k]!.acc : null);
  const cols = [
    ['set', (r: (typeof rows)[0]) => r.set.name],
    ['arts', (r: (typeof rows)[0]) => String(r.score.counts.articles)],
    ['det.P', (r: (typeof rows)[0]) => f(r.score.detection.precision)],
    ['det.R', (r: (typeof rows)[0]) => f(r.score.detection.recall)],
    ['extra/a', (r: (typeof rows)[0]) => f(r.score.extra_incidents_per_article)],
    ['ev_type', (r: (typeof rows)[0]) => fld(r.score, 'event_type')],
    ['sub_ev', (r: (typeof rows)[0]) => fld(r.score, 'sub_event_type')],
    ['date', (r: (typeof rows)[0]) => fld(r.score, 'event_date')],
    ['admin1', (r: (typeof rows)[0]) => fld(r.score, 'admin1')],
    ['admin2', (r: (typeof rows)[0]) => fld(r.score, 'admin2')],
    ['xy25km', (r: (typeof rows)[0]) => fld(r.score, 'coordinates')],
    ['fatal', (r: (typeof rows)[0]) => fld(r.score, 'fatalities')],
    ['fatal+', (r: (typeof rows)[0]) => fld(r.score, 'fatalities_positive')],
    // the toll within the gold's low–high range (the news issue's bar) and any actor matched
    ['f.rng', (r: (typeof rows)[0]) => fld(r.score, 'fatalities_range')],
    ['inter1', (r: (typeof rows)[0]) => fld(r.score, 'inter1')],
    ['actor1', (r: (typeof rows)[0]) => fld(r.score, 'actor1')],
    ['act.any', (r: (typeof rows)[0]) => fld(r.score, 'actor_any')],
    ['neg', (r: (typeof rows)[0]) => f(r.score.negatives?.share)],
    ['q.R', (r: (typeof rows)[0]) => f(r.score.quotes?.recall)],
    ['q.P', (r: (typeof rows)[0]) => f(r.score.quotes?.precision)],
    ['spkr', (r: (typeof rows)[0]) => f(r.score.quotes?.speaker.acc)],
    ['secs', (r: (typeof rows)[0]) => r.seconds.toFixed(1)],
  ] as const;
  const table = [cols.map((c) => c[0]), ...rows.map((r) => cols.map((c) => c[1](r)))];
  const widths = cols.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  for (const row of table) console.log(row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' '));
  for (const r of rows) if (r.note) console.log(`note: ${r.set.name}: ${r.note}`);
}

process.exitCode = main();
