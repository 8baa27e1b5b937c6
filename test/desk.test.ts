/**
 * The analysts' desk for a day's work, in a real headless Chromium (Debian's) against a real
 * server and SQLite store: the hand-coded fixtures plus 400 synthetic incidents in Pakistan and
 * Afghanistan (scripts/bench-api.ts's generator). Covers: clustering and the province layer on the
 * map, hover cards, the scale bar, the country filter's extent; sorting, the column chooser,
 * keyboard navigation and bulk review in the table; brushing the timeline; the stats page's
 * trends and a table's CSV download; the 390 px layout; sign-in by pasting a link into an open
 * tab, and a stale token. Screenshots go to test-artifacts/desk-*.png.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { createToken, revokeToken } from '../src/api/auth.js';
import { startServer, type Started } from '../src/api/server.js';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/store.js';
import { seedIncidents } from '../scripts/bench-api.js';
import { seed } from './api-fixtures.js';
import { ARTIFACTS, launchChromium, SKIP_CHROMIUM } from './browser-fixtures.js';

const here = '[desk] ';
const skip = SKIP_CHROMIUM;

let dir = '';
let store: Store;
let server: Started;
let browser: BrowserContext;
let tokens: { analyst: string; viewer: string };

before(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'sitrep-desk-'));
  store = await openStore(join(dir, 'desk.db'));
  await seed(store);
  await seedIncidents(store, 400);
  tokens = {
    analyst: (await createToken(store, 'analyst', 'Ann Analyst')).token,
    viewer: (await createToken(store, 'viewer', 'Vic Viewer')).token,
  };
  server = await startServer({ store, logger: false, port: 0, rateLimit: false, anonymous: 'viewer' });
  browser = await launchChromium(dir, { acceptDownloads: true });
  mkdirSync(ARTIFACTS, { recursive: true });
});

after(async () => {
  if (skip) return;
  await browser?.close();
  await server?.app.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Tab = Page & { errors: string[] };

async function open(path = '#/', token?: string): Promise<Tab> {
  const page = (await browser.newPage()) as Tab;
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(`${server.url}/${token ? `#token=${token}` : path}`);
  await ready(page);
  if (token && path !== '#/') {
    await page.evaluate((p) => (location.hash = p), path);
    await ready(page);
  }
  return page;
}

async function ready(page: Page): Promise<void> {
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
}

async function go(page: Page, hash: string): Promise<void> {
  // The same address again changes nothing (no hashchange): the page is as it is.
  if ((await page.evaluate(() => location.hash)) === hash) return;
  await page.evaluate(() => (document.body.dataset.ready = 'false'));
  await page.evaluate((h) => (location.hash = h), hash);
  await ready(page);
}

test(here + 'map: clusters with counts that open on click, hover cards, scale bar; a province filter shows its boundary, towns and labels', { skip, timeout: 90_000 }, async () => {
  const page = await open();
  // 400 incidents round 16 towns: at the first view they are clusters, each with its count.
  await page.waitForSelector('.map-svg .cluster');
  const counts = await page.$$eval('.map-svg .cluster', (cs) => cs.map((c) => Number(c.getAttribute('data-count'))));
  const singles = await page.$$eval('.map-svg .dot', (d) => d.length);
  assert.ok(counts.length >= 3, `clusters: ${counts.length}`);
  assert.ok(counts.every((n) => n >= 2));
  assert.ok(counts.reduce((a, b) => a + b, 0) + singles >= 380, 'every located incident is in a cluster or a marker');
  assert.equal(await page.$eval('.map-svg .cluster text', (t) => /^\d[\d,]*$/.test(t.textContent ?? '')), true);
  // The scale bar says a distance.
  assert.match(await page.textContent('.scalebar .scale-text') ?? '', /^\d[\d,]* km$/);
  // A hover card, not the browser's tooltip.
  await page.hover('.map-svg .cluster');
  await page.waitForSelector('.hovercard:not([hidden])');
  assert.match(await page.textContent('.hovercard') ?? '', /incidents · .* killed/);
  // A click on a cluster zooms in: there are more pieces afterwards.
  const before = await page.$$eval('.map-svg .cluster, .map-svg .dot', (x) => x.length);
  const vb0 = await page.getAttribute('.map-svg', 'viewBox');
  await page.click('.map-svg .cluster');
  await page.waitForFunction((v) => document.querySelector('.map-svg')!.getAttribute('viewBox') !== v, vb0);
  const w0 = Number(vb0!.split(' ')[2]);
  const w1 = Number((await page.getAttribute('.map-svg', 'viewBox'))!.split(' ')[2]);
  assert.ok(w1 < w0 * 0.9, `zoomed in: ${w0} → ${w1}`);
  void before;

  // The country filter fits the country, not only its incidents' spread.
  await go(page, '#/?country=Afghanistan');
  const wAf = Number((await page.getAttribute('.map-svg', 'viewBox'))!.split(' ')[2]);
  // Afghanistan spans about 14° of longitude (× cos 30° in this projection ≈ 12 units).
  assert.ok(wAf > 11 && wAf < 30, `Afghanistan fills the view: ${wAf}`);

  // A province filter zooms to the province: its boundary (from Natural Earth via the build),
  // its neighbours' names, and town names from the gazetteer.
  await go(page, '#/?country=Pakistan&admin1=Balochistan');
  await page.waitForSelector('.map-svg .province[data-name="Balochistan"]');
  await page.waitForSelector('.map-svg .towns text');
  const towns = await page.$$eval('.map-svg .towns text', (t) => t.map((x) => x.textContent));
  assert.ok(towns.includes('Quetta'), towns.join(', '));
  const provinces = await page.$$eval('.map-svg .province', (p) => p.map((x) => `${x.getAttribute('data-country')}/${x.getAttribute('data-name')}`));
  for (const p of ['Pakistan/Balochistan', 'Pakistan/Sindh', 'Afghanistan/Kandahar']) assert.ok(provinces.includes(p), p);
  // Paktika is south of Paktia (Natural Earth's names checked against the gazetteer's seats).
  await go(page, '#/?country=Afghanistan&admin1=Khost');
  await page.waitForSelector('.map-svg .province[data-name="Paktika"]');
  const centre = (name: string) =>
    page.$eval(`.map-svg .province[data-name="${name}"]`, (p) => {
      const b = (p as SVGGraphicsElement).getBBox();
      return b.y + b.height / 2;
    });
  assert.ok((await centre('Paktika')) > (await centre('Paktia')), 'Paktika lies south of Paktia (larger y)');
  await go(page, '#/?country=Pakistan&admin1=Balochistan');
  await page.waitForSelector('.map-svg .towns text');
  await page.locator('.map-panel').screenshot({ path: join(ARTIFACTS, 'desk-map-province.png') });
  // The density view shades a grid.
  await page.click('.map-tools button.mode');
  await page.waitForSelector('.map-svg .density .cell');
  assert.equal(await page.$$eval('.map-svg .cluster, .map-svg .dot', (x) => x.length), 0);
  await page.click('.map-tools button.mode');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test(here + 'table: sorts on every sortable column, chooses columns, one-line actors, moves by keyboard', { skip, timeout: 60_000 }, async () => {
  const page = await open();
  await page.waitForSelector('table.incidents tbody tr');
  const col = (key: string) => page.$$eval(`table.incidents tbody tr td:nth-child(${key})`, (t) => t.map((x) => x.textContent ?? ''));
  const headers = await page.$$eval('table.incidents thead th', (t) => t.map((x) => x.getAttribute('data-col')));
  const at = (k: string) => String(headers.indexOf(k) + 1);
  // Killed, descending then ascending.
  await page.click('th[data-col="fatalities"] button');
  await page.waitForSelector('th[data-col="fatalities"][aria-sort="descending"]');
  let v = (await col(at('fatalities'))).map(Number);
  assert.deepEqual(v, [...v].sort((a, b) => b - a));
  assert.ok(v[0]! > v[v.length - 1]!);
  await page.click('th[data-col="fatalities"] button');
  await page.waitForSelector('th[data-col="fatalities"][aria-sort="ascending"]');
  v = (await col(at('fatalities'))).map(Number);
  assert.deepEqual(v, [...v].sort((a, b) => a - b));
  // Confidence, highest first.
  await page.click('th[data-col="confidence"] button');
  await page.waitForSelector('th[data-col="confidence"][aria-sort="descending"]');
  v = (await col(at('confidence'))).map(Number);
  assert.ok(v[0]! >= 0.95 && v.every((x, i) => i === 0 || x <= v[i - 1]!), v.join(' '));
  // Type and place, alphabetically.
  for (const c of ['type', 'place']) {
    await page.click(`th[data-col="${c}"] button`);
    await page.waitForSelector(`th[data-col="${c}"][aria-sort="descending"]`);
    await page.click(`th[data-col="${c}"] button`);
    await page.waitForSelector(`th[data-col="${c}"][aria-sort="ascending"]`);
    // A place sorts by country, then province, then the place itself (the cell reads the other way).
    const t = (await col(at(c))).map((x) => (c === 'place' ? x.split(', ').reverse().join('\u0000') : x));
    assert.deepEqual(t, [...t].sort((a, b) => a.localeCompare(b)), c);
  }
  await page.click('th[data-col="date"] button');
  await page.waitForSelector('th[data-col="date"][aria-sort="descending"]');
  const d = await col(at('date'));
  assert.deepEqual(d, [...d].sort().reverse());
  // Actor cells stay on one line: every row is as tall as the first.
  const heights = await page.$$eval('table.incidents tbody tr', (r) => r.map((x) => x.getBoundingClientRect().height));
  assert.ok(Math.max(...heights) - Math.min(...heights) < 2, `row heights ${Math.min(...heights)}-${Math.max(...heights)}`);
  // The column chooser hides a column, and the choice holds after a reload.
  await page.click('details.chooser summary');
  await page.uncheck('input[name="col-confidence"]');
  assert.equal(await page.$('th[data-col="confidence"]'), null);
  await page.reload();
  await ready(page);
  await page.waitForSelector('table.incidents tbody tr');
  assert.equal(await page.$('th[data-col="confidence"]'), null);
  await page.click('details.chooser summary');
  await page.check('input[name="col-confidence"]');
  await page.waitForSelector('th[data-col="confidence"]');
  // Keyboard: focus the first row, move down twice, Enter opens the third incident.
  const ids = await page.$$eval('table.incidents tbody tr', (r) => r.map((x) => x.getAttribute('data-id')));
  await page.focus('table.incidents tbody tr');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('j');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-id')), ids[2]);
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => location.hash.startsWith(`#/incident/${id}`), ids[2]);
  await go(page, '#/');
  await page.waitForSelector('table.incidents tbody tr');
  await page.locator('.table-panel').screenshot({ path: join(ARTIFACTS, 'desk-table.png') });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test(here + 'bulk review: select three rows (click and Space), accept them in one request; a viewer cannot', { skip, timeout: 60_000 }, async () => {
  const viewer = await open('#/', tokens.viewer);
  await viewer.waitForSelector('table.incidents tbody tr');
  await viewer.click('table.incidents tbody tr:nth-child(1) input.sel');
  assert.equal(await viewer.isDisabled('button[data-bulk="accept"]'), true);
  await viewer.close();

  const page = await open('#/?status=new', tokens.analyst);
  await page.waitForSelector('table.incidents tbody tr');
  const ids = await page.$$eval('table.incidents tbody tr', (r) => r.slice(0, 3).map((x) => x.getAttribute('data-id')!));
  await page.click('table.incidents tbody tr:nth-child(1) input.sel');
  await page.click('table.incidents tbody tr:nth-child(2) input.sel');
  await page.focus('table.incidents tbody tr:nth-child(3)');
  await page.keyboard.press(' ');
  await page.waitForSelector('.bulk:not([hidden])');
  assert.match(await page.textContent('.bulk strong') ?? '', /^3 selected$/);
  const requests: string[] = [];
  page.on('request', (r) => r.method() === 'POST' && requests.push(r.url()));
  await page.click('button[data-bulk="accept"]');
  await page.waitForSelector('#toast:not([hidden])');
  assert.match(await page.textContent('#toast') ?? '', /3 incidents accepted/);
  assert.deepEqual(requests.map((u) => new URL(u).pathname), ['/api/incidents/review']);
  for (const id of ids) assert.equal((await store.incident(id))!.status, 'reviewed', id);
  // The accepted ones leave the list of new incidents.
  await page.waitForFunction((first) => document.querySelector('table.incidents tbody tr')?.getAttribute('data-id') !== first, ids[0]);
  // Export this view: the filter and the order, with sitrep's columns.
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export="view"]')]);
  const text = readFileSync((await dl.path())!, 'utf8');
  assert.match(text.split('\r\n')[0]!, /^event_id_cnty,.*,sitrep_id,fatalities_low,fatalities_high,injuries,confidence,status/);
  assert.ok(!text.includes(',reviewed,'), 'the view holds new incidents only');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test(here + 'timeline: axis ticks, bars stacked by type, a drag across bars sets the date filter', { skip, timeout: 60_000 }, async () => {
  const page = await open();
  await page.waitForSelector('.timeline-svg .bucket');
  assert.ok((await page.$$('.timeline-svg .ytick')).length >= 3, 'y ticks');
  assert.ok((await page.$$('.timeline-svg .xtick')).length >= 3, 'x ticks');
  const stacked = await page.$$eval('.timeline-svg .bucket', (bs) => Math.max(...bs.map((b) => new Set([...b.querySelectorAll('rect')].map((r) => r.getAttribute('data-type'))).size)));
  assert.ok(stacked >= 3, `types in one bar: ${stacked}`);
  const keys = await page.$$eval('.timeline-svg .bucket', (bs) => bs.map((b) => b.getAttribute('data-key')!));
  const box = (i: number) => page.$eval(`.timeline-svg .bucket[data-key="${keys[i]}"] rect`, (r) => {
    const b = r.getBoundingClientRect();
    return { x: b.x + b.width / 2, y: b.y + b.height - 2 };
  });
  const a = await box(10);
  const b = await box(14);
  await page.evaluate(() => (document.body.dataset.ready = 'false'));
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, a.y, { steps: 3 });
  await page.mouse.move(b.x, b.y, { steps: 3 });
  await page.mouse.up();
  await ready(page);
  const hash = await page.evaluate(() => location.hash);
  const p = new URLSearchParams(hash.split('?')[1]);
  assert.equal(p.get('from'), `${keys[10]}-01`);
  assert.match(p.get('to') ?? '', new RegExp(`^${keys[14]}-\\d\\d$`));
  assert.equal(await page.inputValue('input[name="from"]'), `${keys[10]}-01`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test(here + 'stats: trends by type and actor; a table downloads as CSV', { skip, timeout: 60_000 }, async () => {
  const page = await open('#/stats');
  await page.waitForSelector('#trend-type .multiple');
  assert.ok((await page.$$('#trend-type .multiple')).length >= 5);
  assert.ok((await page.$$('#trend-actor .multiple')).length >= 5);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#by-type button[data-download="csv"]')]);
  assert.equal(dl.suggestedFilename(), 'sitrep-type.csv');
  const rows = readFileSync((await dl.path())!, 'utf8').trim().split('\r\n');
  assert.equal(rows[0], 'event_type,incidents,fatalities');
  const st = (await (await fetch(`${server.url}/api/stats`)).json()) as { by_type: Array<{ event_type: string; incidents: number }> };
  assert.equal(rows.length, st.by_type.length + 1);
  assert.ok(rows.includes(`${st.by_type[0]!.event_type},${st.by_type[0]!.incidents},${(st.by_type[0] as { fatalities?: number }).fatalities}`));
  const [svg] = await Promise.all([page.waitForEvent('download'), page.click('#trend-type button[data-download="svg"]')]);
  assert.match(readFileSync((await svg.path())!, 'utf8'), /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  await page.screenshot({ path: join(ARTIFACTS, 'desk-stats.png'), fullPage: true });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test(here + 'at 390 px: no horizontal scroll; the filters fold into a panel; map and table stack', { skip, timeout: 60_000 }, async () => {
  const page = await open();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await ready(page);
  await page.waitForSelector('table.incidents tbody tr');
  for (const view of ['#/', '#/stats']) {
    await go(page, view);
    const w = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, body: document.body.scrollWidth, vw: innerWidth }));
    assert.ok(w.doc <= 390 && w.body <= 390, `${view}: ${JSON.stringify(w)}`);
  }
  await go(page, '#/');
  await page.waitForSelector('table.incidents tbody tr');
  assert.equal(await page.isVisible('#filters'), false);
  await page.click('#filters-toggle');
  assert.equal(await page.isVisible('#filters select[name="country"]'), true);
  const w = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(w <= 390, `with filters open: ${w}`);
  await page.click('#filters-toggle');
  const map = await page.$eval('.map-panel', (e) => e.getBoundingClientRect());
  const table = await page.$eval('.table-panel', (e) => e.getBoundingClientRect());
  assert.ok(table.top >= map.bottom, 'the table is below the map');
  await page.screenshot({ path: join(ARTIFACTS, 'desk-phone.png'), fullPage: false });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test(here + 'sign-in: a link pasted into an open tab signs in and leaves the address bar; a stale token falls back to anonymous reading', { skip, timeout: 60_000 }, async () => {
  const page = await open();
  await page.waitForSelector('.who form.signin');
  // Paste the link into the same tab: only the #fragment changes, no page load.
  await page.evaluate((t) => (location.hash = `#token=${t}`), tokens.analyst);
  await page.waitForSelector('.who .role-analyst');
  assert.equal(await page.evaluate(() => location.hash), '#/');
  assert.ok(!(await page.evaluate(() => location.href)).includes(tokens.analyst));
  // The token goes stale (revoked here; a restart forgets a session token the same way).
  const made = await createToken(store, 'analyst', 'Short-lived');
  await page.evaluate((t) => (location.hash = `#token=${t}`), made.token);
  await page.waitForSelector('.who .role-analyst');
  await revokeToken(store, made.info.id);
  server.desk.tokens.forget();
  await page.evaluate(() => (document.body.dataset.ready = 'false'));
  await page.reload();
  await ready(page);
  await page.waitForSelector('table.incidents tbody tr');
  assert.match(await page.textContent('#toast') ?? '', /sign-in has expired; you are reading anonymously/);
  assert.equal(await page.evaluate(() => sessionStorage.getItem('sitrep-token')), null);
  assert.match(await page.textContent('.who') ?? '', /viewer \(anonymous\)/);
  assert.deepEqual(page.errors, []);
  await page.close();
});
