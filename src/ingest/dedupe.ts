/**
 * Article identity and near-duplicates. An article is identified by its canonical URL and its
 * content hash; a wire story that several sites carry (the same text with different boilerplate
 * around it) is recognised by MinHash over word shingles, with LSH bands to find candidates
 * without comparing every pair.
 */
import { createHash } from 'node:crypto';

/**
 * Query parameters that track the reader, not the page ("?utm_source=twitter", "&fbclid=…"): two
 * URLs that differ only in them are one article.
 */
const TRACKING = /^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref|ref_src|cmpid|ocid|smid|sh|at_medium|at_campaign|s_cid|__twitter_impression|share|amp)$/i;

/** A URL reduced to the form every link to the same article shares, or null if it is not a URL. */
export function canonicalUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  // http and https, with and without "www.", serve one article.
  const host = u.hostname.toLowerCase().replace(/^www\./, '').replace(/^(m|amp|mobile)\./, '');
  const params = [...u.searchParams.entries()].filter(([k]) => !TRACKING.test(k)).sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1));
  let path = u.pathname.replace(/\/+$/, '').replace(/\/amp$/, '').replace(/\/index\.html?$/, '');
  if (path === '') path = '/';
  const port = u.port && u.port !== '80' && u.port !== '443' ? `:${u.port}` : '';
  const query = params.length ? '?' + params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&') : '';
  return `https://${host}${port}${path}${query}`;
}

/**
 * The hash of an article's content: its text with Unicode and white space normalised, so a copy
 * that differs only in line endings or trailing blanks hashes the same.
 */
export function contentHash(text: string): string {
  const norm = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(norm).digest('hex');
}

/**
 * An article's identity: its canonical URL where it has one, else its content hash. The same page
 * fetched twice (or linked with tracking parameters) is one article; a text without a URL is
 * known by its content.
 */
export function identify(article: { url?: string; text: string }): { identity: string; canonical_url: string | null; content_hash: string } {
  const canonical = canonicalUrl(article.url);
  const hash = contentHash(article.text);
  return { identity: canonical ?? `sha256:${hash}`, canonical_url: canonical, content_hash: hash };
}

// --- MinHash -------------------------------------------------------------------------------

/** Words per shingle: 5 is long enough that two unrelated reports rarely share one. */
const SHINGLE = 5;
/**
 * Signature length, and its split into LSH bands: 16 bands of 4 rows make a pair at similarity
 * 0.8 a candidate with probability 0.9998, and a pair at 0.3 with probability 0.12.
 */
export const NUM_HASHES = 64;
const BANDS = 16;
const ROWS = NUM_HASHES / BANDS;
/** Estimated Jaccard similarity from which two texts are one story. */
export const NEAR_DUPLICATE = 0.8;

// Fixed seeds: signatures must be the same in every process and every release.
const A = new Uint32Array(NUM_HASHES);
const B = new Uint32Array(NUM_HASHES);
{
  let s = 0x9e3779b9;
  const next = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  for (let i = 0; i < NUM_HASHES; i++) {
    A[i] = next() | 1;
    B[i] = next();
  }
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** MinHash signature of a text's word shingles, or null for a text too short to compare. */
export function minhash(text: string): Uint32Array | null {
  const words = text.toLowerCase().match(WORD);
  if (!words || words.length < SHINGLE + 5) return null;
  const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  for (let i = 0; i + SHINGLE <= words.length; i++) {
    let sh = words[i]!;
    for (let k = 1; k < SHINGLE; k++) sh += ' ' + words[i + k];
    const h = fnv1a(sh);
    for (let j = 0; j < NUM_HASHES; j++) {
      // A universal hash per row: (a·h + b) mod 2^32, cheap and good enough for estimates.
      const v = (Math.imul(A[j]!, h) + B[j]!) >>> 0;
      if (v < sig[j]!) sig[j] = v;
    }
  }
  return sig;
}

export function signatureToHex(sig: Uint32Array): string {
  let s = '';
  for (const v of sig) s += v.toString(16).padStart(8, '0');
  return s;
}

export function hexToSignature(hex: string): Uint32Array {
  const sig = new Uint32Array(hex.length / 8);
  for (let i = 0; i < sig.length; i++) sig[i] = parseInt(hex.slice(i * 8, i * 8 + 8), 16);
  return sig;
}

/** The LSH band keys of a signature: two texts sharing any band are candidates. */
export function bands(sig: Uint32Array): string[] {
  const out: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ sig[b * ROWS + r]!, 0x01000193);
    out.push(`${b}:${(h >>> 0).toString(36)}`);
  }
  return out;
}

/** Estimated Jaccard similarity of the shingle sets of two texts. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}
