import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, splitParagraphs } from '../src/text/analyze.js';

const here = '[text] ';

test(here + 'paragraphs are the non-blank lines, without outer white space', () => {
  const t = '  First line.\r\n\r\nHeading\n\tSecond para here.  \n';
  const ps = splitParagraphs(t).map((p) => t.slice(p.start, p.end));
  assert.deepEqual(ps, ['First line.', 'Heading', 'Second para here.']);
});

test(here + 'a heading line is not glued onto the next sentence', () => {
  const t = 'The talks ended on Monday.\nRising tensions\nOfficials said the border was closed.';
  const d = analyze(t);
  assert.deepEqual(
    d.sentences.map((s) => t.slice(s.start, s.end)),
    ['The talks ended on Monday.', 'Rising tensions', 'Officials said the border was closed.'],
  );
});

test(here + 'a sentence ends before an opening quotation mark after a one-letter word', () => {
  // wink-nlp alone takes "X." for an initial and keeps both in one sentence.
  const t = 'The spokesman wrote on platform X. “We will respond to this attack,” he added.';
  const d = analyze(t);
  const ss = d.sentences.map((s) => t.slice(s.start, s.end));
  assert.equal(ss.length, 2, JSON.stringify(ss));
  assert.equal(ss[1], '“We will respond to this attack,” he added.');
});

test(here + 'tokens, sentences and mentions are exact offsets into the text', () => {
  const t = 'On 9 May 2020, Taliban militants attacked a checkpoint in Kech (Balochistan).\r\n3 police were killed, he said. They can’t go – 1,500 U.S. troops 🚀 left.';
  const d = analyze(t);
  for (const tk of d.tokens) assert.equal(t.slice(tk.start, tk.end).toLowerCase(), tk.lower);
  for (const m of d.mentions) assert.equal(t.slice(m.start, m.end), m.text);
  const kinds = new Set(d.mentions.map((m) => m.kind));
  for (const k of ['proper', 'number', 'time'] as const) assert.ok(kinds.has(k), `no ${k} mention`);
  assert.ok(d.mentions.some((m) => m.kind === 'time' && m.text === '9 May 2020'));
  assert.ok(d.mentions.some((m) => m.kind === 'number' && m.text === '1,500'));
  assert.equal(d.tokens.find((x) => x.lower === 'attacked')?.pos, 'VERB');
});

test(here + 'a possessive is split off the same way whatever text was read before', () => {
  const toks = (t: string) => analyze(t).tokens.map((k) => t.slice(k.start, k.end));
  // ("Amara’s." ends a sentence: wink-nlp keeps the word whole there and remembers it.)
  assert.deepEqual(toks('The plan differs from Amara’s. Nobody asked.').slice(4, 6), ['Amara', '’s']);
  assert.deepEqual(toks('Kofi rejected Amara’s remarks.'), ['Kofi', 'rejected', 'Amara', '’s', 'remarks', '.']);
  assert.deepEqual(toks('“I’m here,” Okello said.').slice(1, 3), ['I', '’m']);
});

test(here + 'a sentence goes on after a bracketed state tag and after a quotation ending in ? or !', () => {
  const t = 'Sen. Ada Mbeki (I-Vt.) said Sunday in Madison that she would stay. “Is this what we want?” she asks.';
  const d = analyze(t);
  assert.deepEqual(d.sentences.map((s) => t.slice(s.start, s.end)), [
    'Sen. Ada Mbeki (I-Vt.) said Sunday in Madison that she would stay.',
    '“Is this what we want?” she asks.',
  ]);
});
