/**
 * The work of extracting one article, the same wherever it runs (the main thread, a worker
 * thread of the pool, a queue worker): the incidents and the rest of the article's reading, or
 * the error that stopped it, and the article's MinHash signature for near-duplicate detection.
 * A failure is the article's outcome, not an exception.
 */
import type { Article } from '../core/types.js';
import { minhash, signatureToHex } from '../ingest/dedupe.js';
import { blockOfReport } from '../fuse/articles.js';
import { extractArticle } from '../pipeline.js';
import type { PreparedArticle } from '../store/store.js';

export type Outcome = PreparedArticle['outcome'];

export interface Extracted {
  minhash: string | null;
  outcome: Outcome;
  /** The outcome as the database stores it, when it was serialised where it was made (see Wire). */
  wire?: Wire;
}

/**
 * An extraction as an extraction thread sends it back: each report's block and JSON, the
 * extras' JSON. Strings cross between threads for little (a deep object graph costs the writer
 * a structured clone on receipt and a JSON.stringify before storing), so the one writer thread
 * only puts them in place.
 */
export interface Wire {
  minhash: string | null;
  error?: string;
  reports?: Array<{ block: string; data: string }>;
  extras?: string;
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

/** An extraction in its stored form: what the database holds for it. */
export function toWire(x: Extracted): Wire {
  if (x.wire) return x.wire;
  if ('error' in x.outcome) return { minhash: x.minhash, error: x.outcome.error };
  return {
    minhash: x.minhash,
    reports: x.outcome.incidents.map((inc) => ({ block: blockOfReport({ country: inc.country?.value ?? null }), data: JSON.stringify(inc) })),
    extras: JSON.stringify(x.outcome.extras),
  };
}

/** Extract one article and serialise it where it was extracted (the pool's threads). */
export function extractWire(article: Article): Wire {
  return toWire(extractTask(article));
}

/**
 * The extraction a Wire carries. Its incidents and extras are parsed only if someone reads them
 * (the writer stores the strings as they came).
 */
export function fromWire(w: Wire): Extracted {
  if (w.error !== undefined) return { minhash: w.minhash, outcome: { error: w.error }, wire: w };
  let incidents: Extract<Outcome, { incidents: unknown }>['incidents'] | undefined;
  let extras: Extract<Outcome, { incidents: unknown }>['extras'] | undefined;
  const outcome = {
    get incidents() {
      return (incidents ??= w.reports!.map((r) => JSON.parse(r.data)));
    },
    get extras() {
      return (extras ??= JSON.parse(w.extras!));
    },
  } as Outcome;
  return { minhash: w.minhash, outcome, wire: w };
}
