/**
 * The analysed text of one article. Everything is an offset into `text`, which is the article
 * text exactly as stored: nothing here copies or alters it.
 */
import type { Mention } from '../core/types.js';

export interface Paragraph {
  start: number;
  end: number;
  /** Index of its first sentence and one past its last, in `Doc.sentences`. */
  sentenceStart: number;
  sentenceEnd: number;
}

export interface Sentence {
  start: number;
  end: number;
  paragraph: number;
  /** Index of its first token and one past its last, in `Doc.tokens`. */
  tokenStart: number;
  tokenEnd: number;
}

/** Universal POS tag, as wink-nlp gives it (NOUN, PROPN, VERB, NUM, PUNCT, …). */
export type Pos = string;

export interface Token {
  start: number;
  end: number;
  /** The token's text lower-cased (derived; the surface is `text.slice(start, end)`). */
  lower: string;
  pos: Pos;
  /** wink-nlp's token type: word, number, punctuation, symbol, emoji, … */
  type: string;
  sentence: number;
}

export interface Doc {
  text: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: Token[];
  mentions: Mention[];
}

/** The surface text of a span of the document. */
export const surface = (doc: Doc, s: { start: number; end: number }): string =>
  doc.text.slice(s.start, s.end);

/**
 * Binary search over items sorted by start offset: the index of the first item whose start is at
 * or after `pos` (`n` when none is). `startOf(i)` gives item i's start.
 */
export function firstStartingAt(n: number, startOf: (i: number) => number, pos: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (startOf(mid) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the sentence holding offset `pos`: the last one starting at or before it (0 before the first). */
export function sentenceIndexAt(doc: Doc, pos: number): number {
  const ss = doc.sentences;
  return Math.max(0, firstStartingAt(ss.length, (i) => ss[i]!.start, pos + 1) - 1);
}
