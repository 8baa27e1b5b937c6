/**
 * Ingest throughput, end to end: read the 5,566 ACLED dev texts, extract, store them in a fresh
 * SQLite database (or the PostgreSQL server given), fuse. Prints articles per second of wall
 * time and per second of CPU time (the two differ when other processes share the machine), the
 * stages' times, and the database's counts.
 *
 *   node dist/scripts/bench-ingest.js                 a table
 *   node dist/scripts/bench-ingest.js --json          one JSON object
 *   node dist/scripts/bench-ingest.js --input FILE    other articles (.jsonl, a directory, …)
 *   node dist/scripts/bench-ingest.js --db postgres://…/db   into PostgreSQL (the database is emptied first)
 *   node dist/scripts/bench-ingest.js --limit 1000    only the first N articles
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { loadResources } from '../src/pipeline.js';
import { ingest } from '../src/store/ingest-run.js';
import { isPostgresUrl, openStore } from '../src/store/open-store.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const EVAL = resolve(ROOT, process.env.SITREP_EVAL_DIR ?? '../shared/eval');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  let input = arg('--input') ?? join(EVAL, 'dev/acled-2020/articles.jsonl');
  if (!existsSync(input)) {
    const msg = `bench-ingest: ${input} is not on this machine (../shared ships only with the development machines); nothing measured`;
    if (json) console.log(JSON.stringify({ skipped: msg }));
    else console.log(msg);
    return;
  }
  const tmp = mkdtempSync(join(tmpdir(), 'sitrep-bench-'));
  const limit = arg('--limit');
  if (limit) {
    const lines = readFileSync(input, 'utf8').split('\n').filter((l) => l.trim()).slice(0, Number(limit));
    input = join(tmp, 'articles.jsonl');
    writeFileSync(input, lines.join('\n') + '\n');
  }
  const target = arg('--db') ?? join(tmp, 'bench.db');
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  loadResources();
  const tLoad = performance.now() - t0;
  const store = await openStore(target);
  if (isPostgresUrl(target)) {
    // A clean slate, so that the figure is a first ingest, not a re-run that skips everything.
    await sql`truncate articles, article_bands, reports, incidents, incident_reports, edits, dirty_blocks, problems restart identity cascade`.execute(store.db);
  }
  const tIngest0 = performance.now();
  const s = await ingest(store, [input], { batchSize: 250, fuse: false });
  const tIngest = performance.now() - tIngest0;
  const tFuse0 = performance.now();
  await store.fuseDirty();
  const tFuse = performance.now() - tFuse0;
  const tAll = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const stats = await store.stats();
  await store.close();
  const cpuSec = (cpu.user + cpu.system) / 1e6;
  const result = {
    input,
    database: isPostgresUrl(target) ? 'postgres' : 'sqlite',
    articles: s.read,
    stored: s.inserted,
    already_stored: s.unchanged,
    near_duplicates: s.duplicates,
    failed: s.failed,
    bad_inputs: s.problems,
    reports: s.reports,
    incidents: stats.incidents,
    load_ms: Math.round(tLoad),
    read_extract_store_ms: Math.round(tIngest),
    fusion_ms: Math.round(tFuse),
    wall_s: +(tAll / 1000).toFixed(2),
    cpu_s: +cpuSec.toFixed(2),
    articles_per_s_wall: Math.round(s.read / (tAll / 1000)),
    articles_per_cpu_s: Math.round(s.read / cpuSec),
    load_average: loadavg().map((x) => +x.toFixed(1)),
    cores: cpus().length,
  };
  if (!arg('--db')) rmSync(tmp, { recursive: true, force: true });
  if (json) {
    console.log(JSON.stringify(result));
    return;
  }
  const rows: Array<[string, string]> = [
    ['input', result.input],
    ['database', result.database],
    ['articles read / stored / already stored', `${result.articles} / ${result.stored} / ${result.already_stored}`],
    ['near-duplicates, failed, bad inputs', `${result.near_duplicates}, ${result.failed}, ${result.bad_inputs}`],
    ['incident reports → fused incidents', `${result.reports} → ${result.incidents}`],
    ['model and gazetteer load', `${result.load_ms} ms`],
    ['read, extract, store', `${result.read_extract_store_ms} ms`],
    ['fusion', `${result.fusion_ms} ms`],
    ['wall time, end to end', `${result.wall_s} s`],
    ['CPU time', `${result.cpu_s} s`],
    ['articles/s (wall)', String(result.articles_per_s_wall)],
    ['articles/s (per CPU second)', String(result.articles_per_cpu_s)],
    ['load average (1, 5, 15 min) on cores', `${result.load_average.join(', ')} on ${result.cores}`],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
}

await main();
