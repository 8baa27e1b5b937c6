/**
 * `npm run eval`: runs `sitrep extract --json` over every development set of ../shared/eval
 * (training splits aside), scores each report with ../shared/eval/score.mjs, prints one compact
 * table, and keeps the reports and the scorer's JSON in eval-out/ (git-ignored).
 *
 *   npm run eval                 every dev set
 *   npm run eval -- --quick      leaves out acled-2020 (5,566 texts)
 *   npm run eval -- --set seed   one set (repeatable)
 *
 * Where ../shared is missing (a user's machine), it says so and exits 0.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { heldOutOnly } from './held-out.js';

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
];

type Score = {
  counts: { gold_incidents: number; reported_incidents: number; articles: number };
  detection: { precision: number | null; recall: number | null; f1: number | null };
  extra_incidents_per_article: number | null;
  fields: Record<string, { acc: number | null; n: number }>;
  quotes: null | { recall: number | null; precision: number | null; speaker: { acc: number | null; n: number } };
  negatives: null | { share: number | null; n: number };
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

  const rows: { set: DevSet; score: Score; seconds: number; note: string }[] = [];
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
    const report = join(OUT, `${set.name}.report.json`);
    const t0 = Date.now();
    const run = spawnSync(process.execPath, [CLI, 'extract', articles, '--json', '--out', report], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    const seconds = (Date.now() - t0) / 1000;
    if (run.status !== 0 && run.status !== 1) {
      console.error(`eval: ${set.name}: sitrep extract failed (exit ${run.status}):\n${run.stderr.slice(0, 2000)}`);
      return 1;
    }
    const scoreJson = join(OUT, `${set.name}.score.json`);
    const sc = spawnSync(
      process.execPath,
      [join(EVAL, 'score.mjs'), '--gold', gold, '--report', report, '--json', scoreJson, '--articles', articles, '--by-field'],
      { encoding: 'utf8', maxBuffer: 1 << 26 },
    );
    if (sc.status !== 0) {
      console.error(`eval: ${set.name}: scorer failed (exit ${sc.status}): ${sc.stderr}`);
      return 1;
    }
    writeFileSync(join(OUT, `${set.name}.score.txt`), sc.stdout);
    rows.push({ set, score: JSON.parse(readFileSync(scoreJson, 'utf8')) as Score, seconds, note });
  }
  printTable(rows);
  console.log(`\nReports, scorer JSON and per-sub-event tables: ${OUT}/`);
  return 0;
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
    ['inter1', (r: (typeof rows)[0]) => fld(r.score, 'inter1')],
    ['actor1', (r: (typeof rows)[0]) => fld(r.score, 'actor1')],
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
