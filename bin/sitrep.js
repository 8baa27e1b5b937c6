#!/usr/bin/env node
// The CLI is written in TypeScript and compiled to dist/ by `npm ci` (the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
const main = fileURLToPath(new URL('../dist/src/cli/main.js', import.meta.url));
if (!existsSync(main)) {
  console.error('sitrep: not built yet; run `npm run build` (npm ci does it for you)');
  process.exit(70);
}
await import(main);
