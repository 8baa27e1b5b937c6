/**
 * `npm run bench`: extraction throughput on one core, against the bare wink-nlp floor in the same
 * run (readDoc with its default pipeline on the same texts), load time and peak RSS.
 *
 *   npm run bench                 a table
 *   npm run bench -- --json       one JSON object
 *   npm run bench -- --quick      fewer texts, under 30 s
 *
 * Then, each in its own process so that its memory is its own: ingest of the ACLED dev texts
 * into a fresh SQLite file end to end (scripts/bench-ingest.ts), and the filtered incident list
 * of the HTTP API on a database of 100,000 incidents (scripts/bench-api.ts).
 *
 * Texts: the ACLED dev notes (short, ~60 tokens) and news articles (seed, re3d-news,
 * polnear-dev) from ../shared/eval; without ../shared, the bundled examples.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../src/core/types.js';
import { extractArticle, loadResources } from '../src/pipeline.js';
import { formatLengthTable } from './bench-length.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const EVAL = resolve(ROOT, process.env.SITREP_EVAL_DIR ?? '../shared/eval');
const require = createRequire(import.meta.url);

function readJsonl(path: string, limit = Infinity): Article[] {
  if (!existsSync(path)) return [];
  const out: Article[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    out.push(JSON.parse(line) as Article);
    if (out.length >= limit) break;
  }
  return out;
}

/**
 * Time `ours` and `floor` over `items` in alternating passes (as many of each) until together
 * they have taken at least `minMs`.
 * Alternating keeps the comparison fair on a shared machine: a burst of load from another process
 * falls on both sides alike instead of on whichever happened to run then.
 */
function timePair<T>(
  items: T[],
  ours: (x: T) => unknown,
  floor: (x: T) => unknown,
  minMs: number,
): { oursPerItemMs: number; floorPerItemMs: number; passes: number } {
  let passes = 0;
  let oursMs = 0;
  let floorMs = 0;
  do {
    let t = process.hrtime.bigint();
    for (const x of items) ours(x);
    oursMs += Number(process.hrtime.bigint() - t) / 1e6;
    t = process.hrtime.bigint();
    for (const x of items) floor(x);
    floorMs += Number(process.hrtime.bigint() - t) / 1e6;
    passes++;
  } while (oursMs + floorMs < minMs);
  const n = passes * items.length;
  return { oursPerItemMs: oursMs / n, floorPerItemMs: floorMs / n, passes };
}

function main(): void {
  const args = process.argv.slice(2);
  if (args.includes('--load')) return void spawnSync(process.execPath, [join(ROOT, 'dist/scripts/bench-load.js'), ...args.filter((a) => a !== '--load')], { stdio: 'inherit' }); // scripts/bench-load.ts
  const quick = args.includes('--quick');
  const asJson = args.includes('--json');

  const t0 = process.hrtime.bigint();
  loadResources();
  const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;

  const shared = existsSync(EVAL);
  let acled = readJsonl(join(EVAL, 'dev/acled-2020/articles.jsonl'), quick ? 1500 : Infinity);
  let news = [
    ...readJsonl(join(EVAL, 'seed/articles.jsonl')),
    ...readJsonl(join(EVAL, 'dev/re3d-news/articles.jsonl')),
    ...readJsonl(join(EVAL, 'dev/polnear-dev/articles.jsonl'), quick ? 30 : Infinity),
  ];
  const examples = readJsonl(join(ROOT, 'examples/articles.jsonl'));
  if (acled.length === 0) acled = examples;
  if (news.length === 0) news = examples;

  // The floor: wink-nlp alone, readDoc with its default pipeline, on the same texts.
  const nlp = require('wink-nlp')(require('wink-eng-lite-web-model'));
  const countTokens = (arts: Article[]) => arts.reduce((n, a) => n + nlp.readDoc(a.text).tokens().length(), 0);
  const acledTokens = countTokens(acled);
  const newsTokens = countTokens(news);

  const minMs = quick ? 2500 : 8000;
  // Warm up both with one untimed pass over every text (JIT), then measure the steady state.
  const warm0 = process.hrtime.bigint();
  for (const a of acled) extractArticle(a);
  for (const a of news) extractArticle(a);
  const warmMs = Number(process.hrtime.bigint() - warm0) / 1e6;
  for (const a of acled) nlp.readDoc(a.text);
  const acledPair = timePair(acled, (a) => extractArticle(a), (a) => nlp.readDoc(a.text), minMs);
  const newsPair = timePair(news, (a) => extractArticle(a), (a) => nlp.readDoc(a.text), minMs / 2);
  const ours = { perItemMs: acledPair.oursPerItemMs };
  const floor = { perItemMs: acledPair.floorPerItemMs };
  const oursNews = { perItemMs: newsPair.oursPerItemMs };
  const floorNews = { perItemMs: newsPair.floorPerItemMs };

  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const r = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
  const result = {
    texts: shared ? 'shared/eval dev sets' : 'bundled examples (../shared/eval not found)',
    acled_texts: acled.length,
    acled_tokens_per_text: r(acledTokens / acled.length),
    articles_per_second: r(1000 / ours.perItemMs),
    tokens_per_second: Math.round((acledTokens / acled.length) * (1000 / ours.perItemMs)),
    wink_floor_articles_per_second: r(1000 / floor.perItemMs),
    ratio_to_floor: r(ours.perItemMs / floor.perItemMs, 2),
    news_texts: news.length,
    news_tokens_per_text: r(newsTokens / news.length),
    news_articles_per_second: r(1000 / oursNews.perItemMs),
    news_tokens_per_second: Math.round((newsTokens / news.length) * (1000 / oursNews.perItemMs)),
    news_wink_floor_articles_per_second: r(1000 / floorNews.perItemMs),
    news_ratio_to_floor: r(oursNews.perItemMs / floorNews.perItemMs, 2),
    load_ms: Math.round(loadMs),
    first_pass_articles_per_second: r((1000 * (acled.length + news.length)) / warmMs),
    peak_rss_mb: Math.round(peakRssMb),
    quick,
  };
  const child = (script: string, extra: string[]): Record<string, unknown> | null => {
    const r = spawnSync(process.execPath, [join(ROOT, 'dist/scripts', script), '--json', ...extra], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    const last = r.stdout.trim().split('\n').pop() ?? '';
    try {
      return JSON.parse(last) as Record<string, unknown>;
    } catch {
      return { error: `${script} exited ${r.status}: ${r.stderr.trim().split('\n').pop() ?? ''}` };
    }
  };
  const ingest = args.includes('--no-ingest') ? null : child('bench-ingest.js', quick ? ['--limit', '1000'] : []);
  const api = args.includes('--no-api') ? null : child('bench-api.js', quick ? ['--n', '20000'] : ['--n', '100000']);
  const desk = args.includes('--no-desk') ? null : child('bench-desk.js', quick ? ['--n', '20000'] : ['--n', '100000']);
  const scale = args.includes('--no-scale') ? null : child('bench-scale.js', quick ? ['--limit', '300'] : []);
  const length = args.includes('--no-length') ? null : child('bench-length.js', quick ? ['--sizes', '10000,100000'] : []); // scripts/bench-length.ts
  const alerts = args.includes('--no-alerts') ? null : child('bench-alerts.js', quick ? ['--n', '5'] : ['--n', '20']);
  const fusion = args.includes('--no-fusion') ? null : child('bench-fusion.js', quick ? ['--n', '20000'] : ['--n', '100000']);
  const full = { ...result, ingest, api, scale, alerts, fusion, desk, ...(length ?? {}) };
  if (asJson) {
    console.log(JSON.stringify(full));
    return;
  }
  console.log(`sitrep bench (${result.texts}; one core${quick ? '; --quick' : ''})`);
  console.log(`load (language model + gazetteer)      ${result.load_ms} ms`);
  console.log(`first pass (cold: JIT, caches)         ${result.first_pass_articles_per_second} articles/s`);
  console.log('');
  console.log('texts                 n   tok/text   sitrep art/s   tokens/s   wink floor art/s   ratio');
  console.log(
    `ACLED notes      ${String(result.acled_texts).padStart(6)}   ${String(result.acled_tokens_per_text).padStart(8)}   ${String(result.articles_per_second).padStart(12)}   ${String(result.tokens_per_second).padStart(8)}   ${String(result.wink_floor_articles_per_second).padStart(16)}   ${result.ratio_to_floor.toFixed(2).padStart(5)}`,
  );
  console.log(
    `news articles    ${String(result.news_texts).padStart(6)}   ${String(result.news_tokens_per_text).padStart(8)}   ${String(result.news_articles_per_second).padStart(12)}   ${String(result.news_tokens_per_second).padStart(8)}   ${String(result.news_wink_floor_articles_per_second).padStart(16)}   ${result.news_ratio_to_floor.toFixed(2).padStart(5)}`,
  );
  console.log('');
  console.log(`peak RSS                               ${result.peak_rss_mb} MB`);
  if (ingest) {
    console.log('');
    console.log(`ingest into SQLite, end to end: ${JSON.stringify(ingest)}`);
  }
  if (fusion) console.log(`\nfusion of synthetic reports, one core: ${JSON.stringify(fusion)}`);
  if (api) {
    const { by_query: _q, ...rest } = api as Record<string, unknown>;
    console.log('');
    console.log(`HTTP incident list with filters: ${JSON.stringify(rest)}`);
  }
  if (desk) console.log(`\ndesk first load in Chromium (map, timeline, table; KB fetched by kind): ${JSON.stringify(desk)}`);
  if (scale) console.log(`\nscaling (--jobs 1/2, 1/2 queue workers): ${JSON.stringify(scale)}`);
  if (length) console.log(`\nextraction time by text length (one article per process; × previous: linear is 10×)\n${formatLengthTable((length as { length_scaling: Parameters<typeof formatLengthTable>[0] }).length_scaling ?? [])}`);
  if (alerts) console.log(`\nalert latency, POST /api/articles to signed webhook received: ${JSON.stringify(alerts)}`);
}

main();
