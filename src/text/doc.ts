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
