/**
 * The work of extracting one article, the same wherever it runs (the main thread, a worker
 * thread of the pool, a queue worker): the incidents and the rest of the article's reading, or
 * the error that stopped it, and the article's MinHash signature for near-duplicate detection.
 * A failure is the article's outcome, not an exception.
 */
import type { Article } from '../core/types.js';
import { minhash, signatureToHex } from '../ingest/dedupe.js';
import { extractArticle } from '../pipeline.js';
import type { PreparedArticle } from '../store/store.js';

export type Outcome = PreparedArticle['outcome'];

export interface Extracted {
  minhash: string | null;
  outcome: Outcome;
}

export function extractOutcome(article: Article): Outcome {
  try {
    const r = extractArticle(article);
    return { incidents: r.incidents, extras: { quotes: r.quotes, claims: r.claims, people: r.people, organisations: r.organisations } };
  } catch (e) {
    return { error: (e as Error).stack?.split('\n').slice(0, 2).join(' ') ?? String(e) };
  }
}

export function extractTask(article: Article): Extracted {
  const sig = minhash(article.text);
  return { minhash: sig ? signatureToHex(sig) : null, outcome: extractOutcome(article) };
}
