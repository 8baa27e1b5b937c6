/** Paths for tests, which run compiled from dist/test/. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = join(ROOT, 'dist/src/cli/main.js');
export const FIXTURES = join(ROOT, 'test/fixtures');
export const EVAL = resolve(ROOT, '../shared/eval');
/** ../shared ships with the development machines and CI, not with a user's clone. */
export const HAVE_SHARED = existsSync(join(EVAL, 'seed/articles.jsonl'));
export const SKIP_SHARED = HAVE_SHARED ? false : 'skipped: ../shared/eval is not on this machine (it ships only with the development machines and CI)';
