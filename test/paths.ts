/** Paths for tests, which run compiled from dist/test/. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root: the nearest folder above this file with a package.json (dist/test/ or test/). */
export const ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();
export const CLI = join(ROOT, 'dist/src/cli/main.js');
export const FIXTURES = join(ROOT, 'test/fixtures');
export const EVAL = resolve(ROOT, '../shared/eval');
/** ../shared ships with the development machines and CI, not with a user's clone. */
export const HAVE_SHARED = existsSync(join(EVAL, 'seed/articles.jsonl'));
export const SKIP_SHARED = HAVE_SHARED ? false : 'skipped: ../shared/eval is not on this machine (it ships only with the development machines and CI)';
