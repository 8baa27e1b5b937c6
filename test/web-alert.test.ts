/**
 * The desk's "Alert me on this view" button in a real headless Chromium (as test/web.test.ts
 * launches it): with a filter in the address, it saves that filter as the signed-in user's rule
 * and shows the rule's Atom feed, which then answers; without a filter it refuses and says why.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { listRules } from '../src/alerts/rules-store.js';
import { createToken } from '../src/api/auth.js';
import { startServer } from '../src/api/server.js';
import { openStore } from '../src/store/open-store.js';
import { seed } from './api-fixtures.js';

const CHROMIUM = process.env.SITREP_CHROMIUM ?? '/usr/bin/chromium';
const skip = existsSync(CHROMIUM) ? false : `skipped: no Chromium at ${CHROMIUM} (.ci/run installs Debian's chromium; set SITREP_CHROMIUM elsewhere)`;

test('[web/alert] "Alert me on this view" saves the view as a rule and shows its feed', { skip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-web-alert-'));
  const store = await openStore(join(dir, 'web.db'));
  await seed(store);
  const viewer = (await createToken(store, 'viewer', 'Vic Viewer')).token;
  const server = await startServer({ store, port: 8857, rateLimit: false });
  const browser = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const prompts: string[] = [];
    page.on('dialog', (d) => {
      prompts.push(d.defaultValue());
      void d.accept('Quetta watch');
    });
    await page.goto(`${server.url}/#token=${viewer}`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });

    // No filter: refused, nothing saved.
    await page.click('#alert-me');
    await page.waitForSelector('#toast.error:not([hidden])');
    assert.match((await page.textContent('#toast'))!, /Set a filter first/);
    assert.equal((await listRules(store)).length, 0);

    await page.evaluate(() => (location.hash = '#/?country=Pakistan&admin1=Balochistan&status=new'));
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
    await page.click('#alert-me');
    await page.waitForFunction(() => /saved/.test(document.getElementById('toast')?.textContent ?? ''), undefined, { timeout: 10_000 });
    assert.deepEqual(prompts, ['Balochistan, Pakistan'], 'the name offered describes the view');
    const rules = await listRules(store);
    assert.deepEqual(rules.map((r) => [r.name, r.owner, r.filter]), [['Quetta watch', 'Vic Viewer', { country: ['Pakistan'], admin1: ['Balochistan'] }]]);
    const feed = /Its feed: (\S+)/.exec((await page.textContent('#toast'))!)![1]!;
    assert.equal(feed, `${server.url}/api/alerts/${rules[0]!.id}/feed.atom?key=${rules[0]!.feed_key}`);
    const r = await fetch(feed);
    assert.equal(r.status, 200);
    assert.match(await r.text(), /<title>sitrep alerts: Quetta watch<\/title>/);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
