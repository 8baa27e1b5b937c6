/** Debian's Chromium for the UI tests (test/web.test.ts, test/desk.test.ts), driven by playwright-core. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { ROOT } from './paths.js';

export const CHROMIUM = process.env.SITREP_CHROMIUM ?? '/usr/bin/chromium';
export const SKIP_CHROMIUM = existsSync(CHROMIUM) ? false : `skipped: no Chromium at ${CHROMIUM} (.ci/run installs Debian's chromium; set SITREP_CHROMIUM elsewhere)`;
/** Where the UI tests save their screenshots (git-ignored). */
export const ARTIFACTS = join(ROOT, 'test-artifacts');

/** A headless Chromium with a new profile in `dir`, at a desktop window size. */
export function launchChromium(dir: string, opts: { acceptDownloads?: boolean } = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(join(dir, 'chromium-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    ...opts,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}
