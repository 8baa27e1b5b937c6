/**
 * The stages of readQuotes (quotes.ts) one by one: prepare (spans), the cues, the candidates of a
 * span and the choice, and the noun-phrase reading. Texts written for these tests.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../src/text/analyze.js';
import { findPeople } from '../src/extract/people.js';
import { quoteStages as st } from '../src/extract/quotes.js';
import { chooseSpeaker } from '../src/extract/quote-rules.js';

const here = '[quote-stages] ';
function ctx(text: string) {
  const doc = analyze(text);
  return st.prepare(doc, findPeople(doc, 'a'), 'a');
}
const words = (cx: ReturnType<typeof ctx>, pick: (k: number) => boolean) => cx.toks.filter((_, k) => pick(k)).map((t) => cx.text.slice(t.start, t.end));
const tokenOf = (cx: ReturnType<typeof ctx>, w: string) => cx.toks.findIndex((t) => cx.text.slice(t.start, t.end) === w);

test(here + 'prepare: the quoted spans, and which tokens lie inside the marks', () => {
  const cx = ctx('The mayor, Omar Bakri, said: “The bridge will reopen in May.”');
  assert.equal(cx.spans.length, 1);
  assert.equal(cx.text.slice(cx.spans[0]!.start, cx.spans[0]!.end), 'The bridge will reopen in May');
  const quoted = words(cx, (k) => cx.inQuote[k] === 1);
  assert.ok(quoted.includes('bridge'));
  assert.ok(!quoted.includes('mayor'));
});

test(here + 'cues: a person who is the subject of a main clause is a source for later pronouns, one inside a reported clause is not', () => {
  const cx = ctx('Karim Haidari, who runs the clinic, visited the camp on Monday. Aid arrived later.');
  st.readPersonSubjects(cx);
  assert.deepEqual(cx.sources.map((x) => [x.name, x.person]), [['Karim Haidari', true]]);
  const inner = ctx('Officials said Karim Haidari visited the camp on Monday.');
  st.readPersonSubjects(inner);
  assert.deepEqual(inner.sources, []);
});

test(here + 'cues: an organisation that opens its sentence as a subject is a source for a later it or they', () => {
  const cx = ctx('The Red Crescent Society sent three trucks on Monday. Officials welcomed the Red Crescent Society.');
  st.readOrgSubjects(cx);
  assert.deepEqual(cx.sources.map((x) => [x.name, x.person]), [['Red Crescent Society', false]]);
});

test(here + 'cues: an attribution is a speech frame, and gives the indirect quote it frames', () => {
  const cx = ctx('Police chief Karim Haidari said that the convoy had reached the border town.');
  const indirect = st.readSpeechFrames(cx);
  assert.equal(cx.speechFrames.length, 1);
  assert.deepEqual(
    indirect.map((q) => [q.text, q.speaker, q.kind]),
    [['the convoy had reached the border town', 'Karim Haidari', 'indirect']],
  );
});

test(here + 'candidates and choice: the attribution after a quote is read and chosen', () => {
  const cx = ctx('“We will rebuild the school,” said Karim Haidari, the district governor.');
  const c = st.candidatesOf(cx, cx.spans[0]!, undefined, { prev: null, lastSpeaker: null });
  assert.equal(c.left(), null);
  assert.equal(c.right()?.name, 'Karim Haidari');
  assert.equal(chooseSpeaker(c)?.rule, 'strong-after');
});

test(here + 'noun phrases: a title before a name is dropped; a pronoun with no one before is unresolved', () => {
  const cx = ctx('Governor Karim Haidari spoke first. Then he left.');
  const name = st.speakerOfNP(cx, tokenOf(cx, 'Governor'), tokenOf(cx, 'spoke'), 0, 'test');
  assert.deepEqual([name?.name, name?.how], ['Karim Haidari', 'test:name']);
  const cx2 = ctx('Then he left the hall.');
  const he = st.speakerOfNP(cx2, tokenOf(cx2, 'he'), tokenOf(cx2, 'he') + 1, 0, 'test');
  assert.deepEqual([he?.name, he?.how], ['he', 'test:pronoun-unresolved']);
});
