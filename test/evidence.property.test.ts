/**
 * The evidence property: for every extracted value, every evidence span lies inside its article
 * and `text.slice(start, end)` equals the surface text it records. Checked over the seed article
 * and over generated text: random Unicode, every kind of quotation mark, emoji, CRLF, tabs and
 * very long lines, mixed with conflict-news sentences so that the extractors have work to do.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Article, Evidence } from '../src/core/types.js';
import { extractArticle, type ArticleResult } from '../src/pipeline.js';
import { EVAL, SKIP_SHARED, ROOT } from './paths.js';

function* allEvidence(r: ArticleResult): Generator<[string, Evidence]> {
  for (const inc of r.incidents) {
    for (const e of inc.evidence) yield [`${inc.id}.evidence`, e];
    for (const [k, v] of Object.entries(inc)) {
      if (v && typeof v === 'object' && 'evidence' in v && Array.isArray((v as { evidence: unknown }).evidence))
        for (const e of (v as { evidence: Evidence[] }).evidence) yield [`${inc.id}.${k}`, e];
    }
    for (const c of inc.disputed?.claims ?? []) for (const e of c.evidence) yield [`${inc.id}.disputed`, e];
  }
  for (const q of r.quotes) {
    yield ['quote', { article: q.article, start: q.start, end: q.end, text: q.text }];
    for (const e of q.speaker_evidence) yield ['quote.speaker', e];
  }
  for (const c of r.claims) for (const e of c.evidence) yield ['claim', e];
  for (const p of r.people) for (const e of p.evidence) yield ['person', e];
  for (const o of r.organisations) for (const e of o.evidence) yield ['organisation', e];
}

function checkArticle(a: Article): number {
  const r = extractArticle(a);
  let n = 0;
  for (const [where, e] of allEvidence(r)) {
    n++;
    assert.equal(e.article, a.id, `${where}: evidence names another article`);
    assert.ok(Number.isInteger(e.start) && Number.isInteger(e.end), `${where}: offsets not integers`);
    assert.ok(0 <= e.start && e.start <= e.end && e.end <= a.text.length, `${where}: [${e.start}, ${e.end}) outside the text (${a.text.length})`);
    assert.equal(a.text.slice(e.start, e.end), e.text, `${where}: slice differs from the evidence text`);
  }
  for (const d of [r.doc.tokens, r.doc.sentences, r.doc.paragraphs, r.doc.mentions].flat())
    assert.ok(0 <= d.start && d.start < d.end && d.end <= a.text.length, 'text layer span outside the text');
  return n;
}

test('[evidence] the seed article: every value has exact evidence', { skip: SKIP_SHARED }, () => {
  const line = readFileSync(join(EVAL, 'seed/articles.jsonl'), 'utf8').split('\n')[0]!;
  const n = checkArticle(JSON.parse(line) as Article);
  assert.ok(n > 30, `only ${n} pieces of evidence on the seed`);
});

test('[evidence] the bundled examples: every value has exact evidence', () => {
  const lines = readFileSync(join(ROOT, 'examples/articles.jsonl'), 'utf8').split('\n').filter(Boolean);
  let n = 0;
  for (const l of lines) n += checkArticle(JSON.parse(l) as Article);
  assert.ok(n > 20, `only ${n} pieces of evidence on the examples`);
});

const NEWS = [
  'On 9 May 2020, Taliban militants attacked a police checkpoint in Buleda (Kech, Balochistan), killing 3 policemen.',
  'A drone strike hit a house in Paktika’s Barmal district late on Tuesday night, according to officials.',
  'Last week, gunmen killed at least 16 soldiers in South Waziristan.',
  '“The attack was cowardly,” said Ahmad Khan, spokesman for the provincial government.',
  '"We will respond," he added.',
  "‘Nobody is safe here,’ a resident told reporters.",
  '« Nous répondrons », a déclaré le ministre.',
  'Hundreds of protesters gathered in Lahore on Friday; police fired tear gas.',
  'According to the Interior Ministry, more than 1,500 incidents left 924 dead in the first 10 months of this year.',
  'An IED exploded near Khost, wounding two children.',
];
const SPICE = ['“', '”', '"', '‘', '’', "'", '«', '»', '„', '‹', '›', '😀', '🇵🇰', '👩‍👩‍👧', '\r\n', '\n', '\t', ' ', '\u00a0', '\u200b', '\r', '\u2028'];

const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NEWS) },
  { weight: 3, arbitrary: fc.constantFrom(...SPICE) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  // very long lines: a sentence repeated with no line break
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...NEWS), fc.integer({ min: 20, max: 120 })).map(([s, k]) => (s + ' ').repeat(k)) },
);
const articleText = fc.array(fragment, { minLength: 1, maxLength: 30 }).map((xs) => xs.join(''));

test('[evidence] generated text: random Unicode, quotation marks, emoji, CRLF, tabs, long lines', () => {
  fc.assert(
    fc.property(articleText, fc.option(fc.constantFrom('2020-05-10', '2024-12-25', '2025-01-01')), (text, published) => {
      checkArticle({ id: 'gen', text, ...(published ? { published } : {}) });
    }),
    { numRuns: 150, seed: 20261125 },
  );
});
