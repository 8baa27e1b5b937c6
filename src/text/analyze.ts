/**
 * Text analysis: paragraphs → sentences → tokens (with part of speech) → mentions, every one an
 * exact offset range into the article text.
 *
 * wink-nlp does the tokenising, tagging and entity recognition (about 550,000 tokens/s here).
 * Two of its habits are corrected, both measured on the seed article:
 * - it reads a heading line ("Increasing attacks") and the next line as one sentence, so lines
 *   are split into paragraphs first and each paragraph is read on its own;
 * - it keeps "…platform X. “The Islamic Emirate…" in one sentence (it takes "X." for an
 *   initial), so a sentence is also split after . ! ? followed by an opening quotation mark.
 */
import { createRequire } from 'node:module';
import type { Mention } from '../core/types.js';
import type { Doc, Paragraph, Sentence, Token } from './doc.js';

const require = createRequire(import.meta.url);
// wink-nlp and its model are CommonJS packages without types of their own that suit NodeNext.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
const winkNLP: Any = require('wink-nlp');
const model: Any = require('wink-eng-lite-web-model');

let nlp: Any = null;
let its: Any = null;
/** Load wink-nlp's model once (about 100 ms); later calls are free. */
export function loadNlp(): void {
  if (nlp) return;
  nlp = winkNLP(model);
  its = nlp.its;
}

const LINE_BREAK = /\r\n|[\n\r\u2028\u2029\u0085]/g;
const OPENING_QUOTES = new Set(['“', '"', '‘', "'", '«', '„', '‹']);
const SENTENCE_END = new Set(['.', '!', '?']);
/** The first token of a piece of text that goes on with the sentence before it. */
const CONTINUES = /^([a-z]|[,;)”])/;
/** A word with a clitic glued on: "Trump’s", "Clinton's", "I’m", "they’d" (a letter before the mark). */
const CLITIC = /^(.*\p{L})([’'](?:s|m|d|ll|re|ve))$/iu;
/** Words whose clitic is a verb ("I’m", "she’d", "that’s"), so the word is a pronoun. */
const PRONOUN_BASES: ReadonlySet<string> = new Set(['i', 'you', 'he', 'she', 'it', 'we', 'they', 'that', 'there', 'here', 'who', 'what', 'where', 'how', 'this']);

/** Paragraph ranges: the non-blank lines of the text, without their outer white space. */
export function splitParagraphs(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let lineStart = 0;
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(text); m; m = LINE_BREAK.exec(text)) {
    push(lineStart, m.index);
    lineStart = m.index + m[0].length;
  }
  push(lineStart, text.length);
  return out;
}

/**
 * wink-nlp tests each token against an unanchored regex (`/[a-z].*\.$/`, its abbreviation
 * feature), which takes time quadratic in the token's length: one 40,000-character token took
 * 2.4 s, a 1,000,000-character one would take hours. No word is that long (the longest in the
 * development sets has 23 characters), so wink-nlp is given the paragraph with a space inserted
 * after every LONG_RUN characters of a run without white space. Offsets are unaffected: tokens
 * are found in the original text by their value (see analyze), and the inserted spaces are in
 * no token.
 */
const LONG_RUN = 200;
const LONG_RUN_RE = new RegExp(`\\S{${LONG_RUN + 1},}`, 'g');
export function breakLongRuns(ptext: string): string {
  LONG_RUN_RE.lastIndex = 0;
  if (!LONG_RUN_RE.test(ptext)) return ptext;
  return ptext.replace(LONG_RUN_RE, (run) => {
    let out = '';
    for (let k = 0; k < run.length; ) {
      let end = Math.min(run.length, k + LONG_RUN);
      // Never between the two halves of a surrogate pair.
      const last = run.charCodeAt(end - 1);
      if (end < run.length && last >= 0xd800 && last <= 0xdbff) end--;
      out += (k > 0 ? ' ' : '') + run.slice(k, end);
      k = end;
    }
    return out;
  });
}

const ENTITY_KIND: Record<string, Mention['kind'] | undefined> = {
  DATE: 'time',
  TIME: 'time',
  DURATION: 'time',
  CARDINAL: 'number',
  ORDINAL: 'number',
  PERCENT: 'number',
  MONEY: 'number',
};

/** Analyse one article text. Never alters `text`; every range in the result indexes into it. */
export function analyze(text: string): Doc {
  loadNlp();
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  const mentions: Mention[] = [];

  for (const para of splitParagraphs(text)) {
    const ptext = text.slice(para.start, para.end);
    const wdoc = nlp.readDoc(breakLongRuns(ptext));
    const values: string[] = wdoc.tokens().out();
    const spaces: string[] = wdoc.tokens().out(its.precedingSpaces);
    const pos: string[] = wdoc.tokens().out(its.pos);
    const types: string[] = wdoc.tokens().out(its.type);

    // Token offsets: wink-nlp gives each token's text and the spaces before it; find each in
    // the paragraph from a cursor. A token that cannot be found exactly is dropped, never
    // given a wrong offset.
    const localIndex: number[] = new Array(values.length).fill(-1);
    // How many of our tokens each wink-nlp token became (2 where a clitic was split off).
    const pieces: number[] = new Array(values.length).fill(1);
    const firstToken = tokens.length;
    let cursor = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (!v) continue;
      let at = cursor + (spaces[i]?.length ?? 0);
      if (!ptext.startsWith(v, at)) {
        at = ptext.indexOf(v, cursor);
        if (at < 0 || at - cursor > 64) continue;
      }
      localIndex[i] = tokens.length;
      const start = para.start + at;
      const p = pos[i] ?? 'X';
      const type = types[i] ?? 'word';
      // wink-nlp splits "Trump’s" into "Trump" + "’s", except where the word came before a
      // punctuation mark ("… from Trump’s.") in this or ANY earlier text of the process: it then
      // keeps the word whole and remembers it, so the same sentence was tokenised differently
      // depending on the articles read before it (404 of PolNeAR-train's 840 texts changed with
      // the reading order). Splitting the clitic here makes every text read the same way alone.
      const clitic = type === 'word' ? CLITIC.exec(v) : null;
      if (clitic) {
        const base = clitic[1]!;
        const pronoun = PRONOUN_BASES.has(base.toLowerCase());
        pieces[i] = 2;
        tokens.push({ start, end: start + base.length, lower: base.toLowerCase(), pos: pronoun ? 'PRON' : p, type, sentence: -1 });
        const c = clitic[2]!;
        tokens.push({ start: start + base.length, end: start + v.length, lower: c.toLowerCase(), pos: pronoun || !/s$/i.test(c) ? 'AUX' : 'PART', type, sentence: -1 });
      } else tokens.push({ start, end: start + v.length, lower: v.toLowerCase(), pos: p, type, sentence: -1 });
      cursor = at + v.length;
    }

    // Sentences from wink-nlp's token spans, mapped to our token indexes, then split further
    // after sentence-final punctuation that is followed by an opening quotation mark.
    const wspans: [number, number][] = wdoc.sentences().out(its.span);
    const paragraphIndex = paragraphs.length;
    const sentenceStart = sentences.length;
    for (const [ws, we] of wspans) {
      const ours: number[] = [];
      for (let i = ws; i <= we; i++) if (localIndex[i]! >= 0) for (let q = 0; q < pieces[i]!; q++) ours.push(localIndex[i]! + q);
      if (ours.length === 0) continue;
      let from = 0;
      for (let k = 1; k < ours.length - 1; k++) {
        // Opening quotation marks are one character: test that first, without slicing every token.
        const cur = tokens[ours[k]!]!;
        if (cur.end - cur.start !== 1 || !OPENING_QUOTES.has(text[cur.start]!)) continue;
        const prev = tokens[ours[k - 1]!]!;
        const next = tokens[ours[k + 1]!]!;
        const prevText = text.slice(prev.start, prev.end);
        const endsSentence = SENTENCE_END.has(prevText) || /[a-z]\.$/i.test(prevText);
        if (endsSentence && cur.start > prev.end && /^[A-Z0-9]/.test(text.slice(next.start, next.end))) {
          pushSentence(ours.slice(from, k));
          from = k;
        }
      }
      pushSentence(ours.slice(from));
    }
    paragraphs.push({
      start: para.start,
      end: para.end,
      sentenceStart,
      sentenceEnd: sentences.length,
    });

    function pushSentence(idx: number[]) {
      if (idx.length === 0) return;
      // wink-nlp ends a sentence after 'Sen. Bernie Sanders (I-Vt.)' or '“…?”'; a piece that
      // goes on in lower case or with a comma ('(I-Vt.) said …', '“…?” he asks.') continues it.
      const last = sentences[sentences.length - 1];
      const first = tokens[idx[0]!]!;
      if (last && sentences.length > sentenceStart && CONTINUES.test(text.slice(first.start, first.end))) {
        for (const t of idx) tokens[t]!.sentence = sentences.length - 1;
        last.end = tokens[idx[idx.length - 1]!]!.end;
        last.tokenEnd = idx[idx.length - 1]! + 1;
        return;
      }
      const si = sentences.length;
      for (const t of idx) tokens[t]!.sentence = si;
      sentences.push({
        start: tokens[idx[0]!]!.start,
        end: tokens[idx[idx.length - 1]!]!.end,
        paragraph: paragraphIndex,
        tokenStart: idx[0]!,
        tokenEnd: idx[idx.length - 1]! + 1,
      });
    }

    // Mentions: wink-nlp's entities (times and numbers), then proper-noun chains and acronyms.
    const ents: [number, number][] = wdoc.entities().out(its.span);
    const etypes: string[] = wdoc.entities().out(its.type);
    for (let e = 0; e < ents.length; e++) {
      const kind = ENTITY_KIND[etypes[e]!];
      if (!kind) continue;
      const [a, b] = ents[e]!;
      const ta = firstMapped(localIndex, a, b);
      const tb = lastMapped(localIndex, a, b);
      if (ta < 0 || tb < 0) continue;
      addMention(kind, ta, tb);
    }
    for (let i = firstToken; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.pos !== 'PROPN') continue;
      let j = i;
      while (
        j + 1 < tokens.length &&
        tokens[j + 1]!.sentence === t.sentence &&
        tokens[j + 1]!.pos === 'PROPN' &&
        tokens[j + 1]!.start - tokens[j]!.end <= 1
      )
        j++;
      addMention('proper', i, j);
      i = j;
    }
    for (let i = firstToken; i < tokens.length; i++) {
      const t = tokens[i]!;
      const len = t.end - t.start;
      const c = text.charCodeAt(t.start);
      if (len < 2 || len > 8 || c < 65 || c > 90) continue;
      if (/^[A-Z][A-Z0-9-]*[A-Z]$/.test(text.slice(t.start, t.end))) addMention('acronym', i, i);
    }
  }

  function addMention(kind: Mention['kind'], ta: number, tb: number) {
    const a = tokens[ta]!;
    const b = tokens[tb]!;
    if (a.sentence !== b.sentence || a.sentence < 0) return;
    mentions.push({ kind, start: a.start, end: b.end, text: text.slice(a.start, b.end), sentence: a.sentence });
  }

  mentions.sort((x, y) => x.start - y.start || y.end - x.end);
  return { text, paragraphs, sentences, tokens, mentions };
}

function firstMapped(map: number[], a: number, b: number): number {
  for (let i = a; i <= b; i++) if (map[i]! >= 0) return map[i]!;
  return -1;
}
function lastMapped(map: number[], a: number, b: number): number {
  for (let i = b; i >= a; i--) if (map[i]! >= 0) return map[i]!;
  return -1;
}
