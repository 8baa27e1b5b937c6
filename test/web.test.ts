/**
 * The web UI in a real headless Chromium (Debian's, installed by .ci/run), driven by
 * playwright-core, against a real server and store seeded with the hand-coded fixtures: the map
 * loads, the filter bar filters, an incident shows its evidence highlighted, an edit survives a
 * reload, a viewer cannot edit, and an article with <script> and <img onerror> is inert text.
 * Screenshots of the map and of an incident page go to test-artifacts/.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { createToken } from '../src/api/auth.js';
import { startServer, type Started } from '../src/api/server.js';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/store.js';
import { seed } from './api-fixtures.js';
import { ARTIFACTS, launchChromium, SKIP_CHROMIUM } from './browser-fixtures.js';

const here = '[web] ';
const skip = SKIP_CHROMIUM;

let dir = '';
let store: Store;
let server: Started;
let browser: BrowserContext;
let tokens: { analyst: string; viewer: string };

before(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'sitrep-web-'));
  store = await openStore(join(dir, 'web.db'));
  await seed(store);
  tokens = {
    analyst: (await createToken(store, 'analyst', 'Ann Analyst')).token,
    viewer: (await createToken(store, 'viewer', 'Vic Viewer')).token,
  };
  server = await startServer({ store, logger: false, port: 0, rateLimit: false });
  browser = await launchChromium(dir);
  mkdirSync(ARTIFACTS, { recursive: true });
});

after(async () => {
  if (skip) return;
  await browser?.close();
  await server?.app.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A new tab signed in with a token (through the #token= link, as npm start prints it). */
async function open(token: string, path = '#/'): Promise<Page> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as Page & { errors?: string[] }).errors = errors;
  await page.goto(`${server.url}/#token=${token}`);
  await ready(page);
  if (path !== '#/') {
    await page.evaluate((p) => (location.hash = p), path);
    await ready(page);
  }
  return page;
}

async function ready(page: Page): Promise<void> {
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
}

async function incidentIdAt(page: Page, place: string): Promise<string> {
  await page.evaluate(() => (location.hash = '#/'));
  await ready(page);
  const row = page.locator('table.incidents tbody tr', { hasText: place });
  return (await row.getAttribute('data-id'))!;
}

test(`${here}the map loads offline, with country boundaries and a marker per incident`, { skip }, async () => {
  const page = await open(tokens.analyst);
  await page.waitForSelector('svg.map-svg path.country');
  assert.ok((await page.locator('path.country').count()) > 150, 'world-atlas countries');
  assert.equal(await page.locator('circle.dot').count(), 3);
  assert.equal(await page.locator('table.incidents tbody tr').count(), 3);
  // Bigger toll, bigger marker: Quetta (4–5 killed) is drawn larger than Lahore (none).
  const r = async (place: string) => {
    const id = await page.locator('table.incidents tbody tr', { hasText: place }).getAttribute('data-id');
    return Number(await page.locator(`circle.dot[data-id="${id}"]`).getAttribute('r'));
  };
  assert.ok((await r('Quetta')) > (await r('Lahore')));
  assert.match((await page.locator('.timeline h2').textContent()) ?? '', /^3 incidents/);
  await page.screenshot({ path: join(ARTIFACTS, 'map.png') });
  assert.deepEqual((page as Page & { errors?: string[] }).errors, []);
  await page.close();
});

test(`${here}the filter bar filters the map, the timeline and the table`, { skip }, async () => {
  const page = await open(tokens.analyst);
  await page.selectOption('select[name="country"]', 'Afghanistan');
  await ready(page);
  await page.waitForFunction(() => document.querySelectorAll('table.incidents tbody tr').length === 1);
  assert.equal(await page.locator('circle.dot').count(), 1);
  assert.match((await page.locator('table.incidents tbody tr').textContent()) ?? '', /Khost/);
  assert.match((await page.locator('.timeline h2').textContent()) ?? '', /^1 incident/);
  assert.match(page.url(), /country=Afghanistan/);
  // A reload keeps the filter (it lives in the address).
  await page.reload();
  await ready(page);
  assert.equal(await page.locator('table.incidents tbody tr').count(), 1);
  assert.equal(await page.locator('select[name="country"]').inputValue(), 'Afghanistan');
  await page.click('#reset');
  await ready(page);
  await page.waitForFunction(() => document.querySelectorAll('table.incidents tbody tr').length === 3);
  await page.close();
});

test(`${here}an incident shows each field's evidence highlighted in the article text`, { skip }, async () => {
  const page = await open(tokens.analyst);
  await page.locator('table.incidents tbody tr', { hasText: 'Quetta' }).click();
  await page.waitForSelector('.incident-page');
  await ready(page);
  const first = page.locator('article[data-article="t-quetta-1"] .article-text');
  const second = page.locator('article[data-article="t-quetta-2"] .article-text');
  assert.ok((await first.locator('mark.field').allTextContents()).includes('four'));
  assert.ok((await second.locator('mark.field').allTextContents()).includes('five'));
  // Clicking the fatalities field lights up exactly its evidence in both articles.
  await page.click('tr[data-field="fatalities"]');
  const lit = await page.locator('mark.focus').allTextContents();
  assert.deepEqual([...new Set(lit)].sort(), ['five', 'four']);
  await page.click('tr[data-field="location"]');
  assert.deepEqual([...new Set(await page.locator('mark.focus').allTextContents())], ['Quetta']);
  await page.click('tr[data-field="fatalities"]');
  await page.screenshot({ path: join(ARTIFACTS, 'incident.png'), fullPage: true });
  await page.close();
});

test(`${here}an analyst edits a field; after a reload the edit is kept`, { skip }, async () => {
  const page = await open(tokens.analyst);
  const id = await incidentIdAt(page, 'Quetta');
  await page.evaluate((i) => (location.hash = `#/incident/${i}`), id);
  await ready(page);
  await page.click('tr[data-field="location"] button.edit');
  await page.fill('tr[data-field="location"] input[name="value"]', 'Quetta Cantonment');
  await page.fill('tr[data-field="location"] input[name="note"]', 'checked on the map');
  await page.click('tr[data-field="location"] button[type="submit"]');
  await page.waitForSelector('tr[data-field="location"].edited');
  await page.reload();
  await ready(page);
  assert.equal((await page.locator('tr[data-field="location"] td.value').textContent())?.trim(), 'Quetta Cantonment');
  assert.match((await page.locator('tr[data-field="location"] .edited-by').textContent()) ?? '', /Ann Analyst/);
  assert.match((await page.locator('.history').textContent()) ?? '', /checked on the map/);
  await page.close();
});

test(`${here}a viewer cannot edit: the controls are off, and the server refuses`, { skip }, async () => {
  const page = await open(tokens.viewer);
  const id = await incidentIdAt(page, 'Khost');
  await page.evaluate((i) => (location.hash = `#/incident/${i}`), id);
  await ready(page);
  assert.equal(await page.locator('tr[data-field="fatalities"] button.edit').isDisabled(), true);
  assert.equal(await page.locator('button[data-action="accept"]').isDisabled(), true);
  assert.match((await page.locator('#readonly-note').textContent()) ?? '', /viewer/);
  // Even past the disabled button, the server says no.
  const status = await page.evaluate(async ([i, t]) => {
    const r = await fetch(`/api/incidents/${i}`, { method: 'PATCH', headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' }, body: JSON.stringify({ field: 'fatalities', value: 99 }) });
    return r.status;
  }, [id, tokens.viewer] as const);
  assert.equal(status, 403);
  await page.reload();
  await ready(page);
  assert.equal((await page.locator('tr[data-field="fatalities"] td.value').textContent())?.trim(), '3');
  await page.close();
});

test(`${here}an article with <script> and <img onerror> is shown as inert text`, { skip }, async () => {
  const page = await open(tokens.analyst);
  const id = await incidentIdAt(page, 'Lahore');
  await page.evaluate((i) => (location.hash = `#/incident/${i}`), id);
  await ready(page);
  const text = (await page.locator('article[data-article="t-xss"] .article-text').textContent()) ?? '';
  assert.ok(text.includes('<script>window.__xss = 1</script>'), 'the script tag is shown as characters');
  assert.ok(text.includes('<img src=x onerror="window.__xss = 2">'), 'the img tag is shown as characters');
  assert.match((await page.locator('article[data-article="t-xss"] h3').textContent()) ?? '', /<b>over pay<\/b>/);
  assert.equal(await page.locator('main script, main img').count(), 0);
  assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
  // The article page too.
  await page.evaluate(() => (location.hash = '#/article/t-xss'));
  await ready(page);
  assert.ok(((await page.locator('.article-text').textContent()) ?? '').includes('<script>window.__xss = 1</script>'));
  assert.equal(await page.locator('main script, main img').count(), 0);
  assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
  await page.close();
});

test(`${here}an analyst adds an article by hand; it is extracted and shown with its marks`, { skip }, async () => {
  const page = await open(tokens.analyst, '#/ingest');
  const text = 'Gunmen shot dead two policemen at a checkpoint in Bannu district of Khyber Pakhtunkhwa on Monday, police said.';
  await page.fill('textarea[name="text"]', text);
  await page.fill('input[name="title"]', 'Two policemen killed in Bannu');
  await page.fill('input[name="published"]', '2025-06-10');
  await page.click('form.ingest button[type="submit"] >> nth=0');
  await page.waitForSelector('#ingest-result a', { timeout: 30_000 });
  assert.match((await page.locator('#ingest-result').textContent()) ?? '', /inserted/);
  await page.click('#ingest-result >> text=See the article with its marks');
  await ready(page);
  assert.equal(await page.locator('.article-text').textContent(), text);
  assert.ok((await page.locator('.article-text mark').count()) > 0, 'the extractor marked something');
  await page.close();
});
