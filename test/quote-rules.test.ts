import assert from 'node:assert/strict';
import { test } from 'node:test';
import { anaphorRule, ANAPHOR_RULES, CHOICE_RULES, chooseSpeaker, type Candidates, type Reading } from '../src/extract/quote-rules.js';

const here = '[quote-rules] ';
const r = (name: string, how: string, person = true): Reading => ({ name, how, person, start: 0, end: 0 });

/** Candidates with nothing to offer, but what a test sets. */
function cands(over: Partial<Candidates>): Candidates {
  const none = () => null;
  return {
    verbFirst: none, left: none, right: none, embedded: false, sameSentence: none, signature: none, sameParagraph: none,
    paragraphAttribution: none, paragraphSubject: none, opensParagraph: false, previousParagraph: none,
    previousParagraphAttribution: none, previousParagraphColon: none, previousParagraphSubject: none, passageSpeaker: none,
    speakerLike: (x) => !x.how.endsWith(':nominal'),
    ...over,
  };
}

test(here + 'every rule says why it is there, and ids are unique', () => {
  for (const x of [...CHOICE_RULES, ...ANAPHOR_RULES]) assert.ok(x.why.length > 20);
  assert.equal(new Set(CHOICE_RULES.map((x) => x.id)).size, CHOICE_RULES.length);
});

test(here + 'a colon before the quote wins over an attribution after it', () => {
  const c = cands({ left: () => ({ sp: r('Amina Rahel', 'before-colon:name'), colon: true }), right: () => r('Omar Tesk', 'after-verb-first:name') });
  assert.deepEqual(chooseSpeaker(c), { sp: r('Amina Rahel', 'before-colon:name'), rule: 'colon-before' });
});

test(here + 'a verb-first quote is the phrase before it speaking, unless a person speaks after it', () => {
  const army = r('army', 'before-subject:nominal', false);
  assert.equal(chooseSpeaker(cands({ verbFirst: () => army, right: () => r('news agency', 'after-verb-first:name', false) }))?.rule, 'verb-first');
  assert.equal(chooseSpeaker(cands({ verbFirst: () => army, right: () => r('Moammar Tesk', 'after-subject:name') }))?.sp.name, 'Moammar Tesk');
});

test(here + 'an “according to” after a verb of saying before the quote reports it, not says it', () => {
  const c = cands({ left: () => ({ sp: r('army', 'before:nominal-org', false), colon: false }), right: () => r('Reuters', 'after-according:name', false) });
  assert.equal(chooseSpeaker(c)?.rule, 'speech-before');
});

test(here + 'with no reading around the quote, the paragraph and then the passage decide; a paragraph rule needs the quote to open it', () => {
  const last = r('Lena Brask', 'passage-speaker');
  assert.equal(chooseSpeaker(cands({ passageSpeaker: () => last, previousParagraph: () => r('Kofi Adu', 'previous-paragraph') }))?.rule, 'passage-speaker');
  assert.equal(chooseSpeaker(cands({ opensParagraph: true, passageSpeaker: () => last, previousParagraph: () => r('Kofi Adu', 'previous-paragraph') }))?.rule, 'previous-paragraph');
  assert.equal(chooseSpeaker(cands({})), null);
});

test(here + 'descriptions: documents point to their issuer, army to a military, ages and roles to a person', () => {
  assert.equal(anaphorRule('statement')?.refersTo, 'issuer');
  assert.equal(anaphorRule('army')?.refersTo, 'organisation');
  assert.equal(anaphorRule('52-year-old')?.refersTo, 'person');
  assert.equal(anaphorRule('paramedic', (h) => h === 'paramedic')?.refersTo, 'person');
  assert.equal(anaphorRule('report'), undefined);
});
