/**
 * The desk's first load on a large database: 100,000 synthetic incidents (scripts/bench-api.ts's
 * generator) in SQLite, the server started on it, then Debian's Chromium (playwright-core)
 * opening the desk in a fresh tab until the map, the timeline and the table are drawn
 * (body[data-ready=true]). Prints the time of each load and the kilobytes of JavaScript and data
 * the page fetched, by kind. Target: under 1 s, for each of
 *   - cold: the first load after the server starts (the opening view's tallies and clusters are
 *     built at start, so this includes whatever of that is not finished when the page asks);
 *   - warm: later loads, the server's answers kept;
 *   - after a change: a load right after an incident is edited, before the server rebuilt what it
 *     keeps: the page's requests compute the tallies, filter options and map clusters themselves.
 * Each load is a new browser context: no HTTP cache, no session (a first visit).
 *
 *   node dist/scripts/bench-desk.js              a table (100,000 incidents)
 *   node dist/scripts/bench-desk.js --json       one JSON object
 *   node dist/scripts/bench-desk.js --n 20000    another size
 *   node dist/scripts/bench-desk.js --db F.db    seed F.db once, then reuse it
 *
 * Skipped (with a message, exit 0) where Chromium is missing.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../src/api/server.js';
import { openStore } from '../src/store/open-store.js';
import { seedIncidents } from './bench-api.js';

const CHROMIUM = process.env.SITREP_CHROMIUM ?? '/usr/bin/chromium';

export interface DeskBenchResult {
  incidents: number;
  loads_ms: number[];
  cold_ms: number;
  warm_median_ms: number;
  /** Loads right after an edit (the server's kept answers stale). */
  after_change_ms: number[];
  after_change_median_ms: number;
  kb: Record<string, number>;
  kb_gzip_estimate?: undefined;
}

function kind(url: string, type: string): string {
  const p = new URL(url).pathname;
  if (p.startsWith('/api/')) return `api ${p.replace(/^\/api\//, '')}`;
  if (p.endsWith('.js')) return 'javascript';
  if (p.endsWith('.css')) return 'css';
  if (p.startsWith('/vendor/world-atlas/') || p.startsWith('/map-data/')) return `map data ${p.split('/').pop()}`;
  return type === 'document' ? 'html' : `other ${p}`;
}

export async function benchDesk(n: number, dbFile?: string): Promise<DeskBenchResult | null> {
  if (!existsSync(CHROMIUM)) return null;
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-desk-'));
  // --db FILE keeps the seeded database between runs (seeding 100,000 incidents takes minutes here).
  const reuse = dbFile !== undefined && existsSync(dbFile);
  const store = await openStore(dbFile ?? join(dir, 'desk.db'));
  try {
    if (!reuse) await seedIncidents(store, n);
    const server = await startServer({ store, logger: false, port: 0, rateLimit: false, anonymous: 'viewer' });
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    const loads: number[] = [];
    const afterChange: number[] = [];
    const kb: Record<string, number> = {};
    const { store: st, index } = server.desk;
    const someId = index.filter({}, 'date_desc')[0]?.id;
    try {
      for (let i = 0; i < 7; i++) {
        const changed = i >= 4 && someId !== undefined;
        if (changed) {
          // An analyst's edit (as POST /api/incidents/:id/review does): the stamp moves, every kept answer is stale.
          const view = await st.edit({ incident: someId, author: 'bench', action: i % 2 ? 'review' : 'reopen' });
          index.update([view]);
        }
        // A new context each time: no cache, no session (a first visit), as an analyst opening the desk.
        const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
        const page = await ctx.newPage();
        // What the first draw needed: the resources the page asked for before it said it was
        // ready (the province layer, town names and the on-demand pages' code come after), by the
        // browser's resource timing (bytes as sent; the server does not compress).
        await page.addInitScript(() => {
          const w = window as unknown as { __readyAt?: number };
          new MutationObserver(() => {
            if (w.__readyAt === undefined && document.body?.dataset.ready === 'true') w.__readyAt = performance.now();
          }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
        });
        const t0 = Date.now();
        await page.goto(`${server.url}/`);
        await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
        (changed ? afterChange : loads).push(Date.now() - t0);
        if (i === 0) {
          const got = await page.evaluate(() => {
            const readyAt = (window as unknown as { __readyAt?: number }).__readyAt ?? Infinity;
            return (performance.getEntriesByType('navigation') as PerformanceResourceTiming[])
              .concat(performance.getEntriesByType('resource') as PerformanceResourceTiming[])
              .filter((e) => e.startTime <= readyAt)
              .map((e) => [e.name, e.initiatorType, e.encodedBodySize] as [string, string, number]);
          });
          for (const [url, type, bytes] of got) {
            const k = kind(url, type === 'navigation' ? 'document' : type);
            kb[k] = Math.round(((kb[k] ?? 0) + bytes / 1024) * 10) / 10;
          }
        }
        await ctx.close();
      }
    } finally {
      await browser.close();
      await server.app.close();
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    return { incidents: n, loads_ms: loads, cold_ms: loads[0]!, warm_median_ms: median(loads.slice(1)), after_change_ms: afterChange, after_change_median_ms: median(afterChange), kb };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--n');
  const n = at >= 0 ? Number(args[at + 1]) : 100_000;
  const dbAt = args.indexOf('--db');
  const r = await benchDesk(n, dbAt >= 0 ? args[dbAt + 1] : undefined);
  if (!r) {
    console.log(args.includes('--json') ? JSON.stringify({ skipped: `no Chromium at ${CHROMIUM}` }) : `bench-desk: skipped, no Chromium at ${CHROMIUM}`);
    return;
  }
  if (args.includes('--json')) {
    console.log(JSON.stringify(r));
    return;
  }
  console.log(`desk first load, ${n.toLocaleString('en')} incidents (SQLite; Chromium, a new profile each load)`);
  console.log(`loads: ${r.loads_ms.join(', ')} ms (cold ${r.cold_ms} ms, warm median ${r.warm_median_ms} ms; target < 1000 ms)`);
  console.log(`right after an edit (kept answers stale): ${r.after_change_ms.join(', ')} ms (median ${r.after_change_median_ms} ms)`);
  const total = Object.values(r.kb).reduce((a, b) => a + b, 0);
  for (const [k, v] of Object.entries(r.kb).sort((a, b) => b[1] - a[1])) console.log(`  ${k.padEnd(40)} ${v.toFixed(1).padStart(9)} KB`);
  console.log(`  ${'total'.padEnd(40)} ${total.toFixed(1).padStart(9)} KB`);
}

if (resolve(fileURLToPath(import.meta.url)) === resolve(process.argv[1] ?? '')) void main();
