import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractArticle } from '../src/pipeline.js';
import type { Article } from '../src/core/types.js';

// Fixture texts written for these tests; expected values checked by hand.
const article = (id: string, text: string): Article => ({ id, text, published: '2024-05-06' }) as Article;

test('who was hit: combatants by one source, civilians by another, each source named', () => {
  const text =
    'Kandahar, Afghanistan – Afghan forces carried out an air strike on a village in Kandahar province on Monday, ' +
    'targeting hideouts of Taliban fighters, according to military officials.\n\n' +
    'The Taliban denied the claim. A Taliban spokesman said that the dead were villagers, including women and children.';
  const r = extractArticle(article('t1', text));
  const inc = r.incidents.find((i) => i.disputed);
  assert.ok(inc, 'an incident is disputed');
  const sources = inc.disputed!.claims.map((c) => c.source);
  // Unnamed officials take the demonym of their sentence ('Afghan forces').
  assert.deepEqual(sources, ['Afghan military officials', 'Taliban spokesman']);
  for (const c of inc.disputed!.claims) for (const e of c.evidence) assert.equal(text.slice(e.start, e.end), e.text);
  assert.match(inc.disputed!.claims[0]!.says, /hideouts/);
  assert.match(inc.disputed!.claims[1]!.says, /women and children/);
});

test('competing tolls: 27 against 32 is a dispute, with low, high and the lowest as best', () => {
  const text =
    'Gunmen attacked a market in the town of Kaduna, Nigeria, on Friday. Police said 27 people were killed in the attack.\n\n' +
    'Hospital officials put the toll at 32, and said dozens more were wounded.';
  const r = extractArticle(article('t2', text));
  const inc = r.incidents.find((i) => i.disputed);
  assert.ok(inc, 'an incident is disputed');
  assert.deepEqual(inc.disputed!.claims.map((c) => c.source), ['Police', 'Hospital officials']);
  assert.equal(inc.fatalities_low?.value, 27);
  assert.equal(inc.fatalities_high?.value, 32);
  assert.equal(inc.fatalities?.value, 27);
  assert.equal(text.slice(inc.fatalities_low!.evidence[0]!.start, inc.fatalities_low!.evidence[0]!.end), '27');
  assert.equal(text.slice(inc.fatalities_high!.evidence[0]!.start, inc.fatalities_high!.evidence[0]!.end), '32');
});

test('one source and one toll is no dispute', () => {
  const text = 'Gunmen attacked a market in the town of Kaduna, Nigeria, on Friday. Police said 27 people were killed in the attack.';
  const r = extractArticle(article('t3', text));
  assert.ok(r.incidents.length > 0);
  for (const inc of r.incidents) {
    assert.equal(inc.disputed, null);
    assert.equal(inc.fatalities_high, null);
  }
});

test('the same toll from two sources is no dispute', () => {
  const text =
    'Gunmen attacked a market in the town of Kaduna, Nigeria, on Friday. Police said 27 people were killed in the attack.\n\n' +
    'Hospital officials also said 27 people were killed.';
  const r = extractArticle(article('t4', text));
  for (const inc of r.incidents) assert.equal(inc.disputed, null);
});

test("a toll told of another attack in the same passage is not a competing toll", () => {
  const text =
    'Police said 27 people were killed in the bombing of a bus station in Quetta, Pakistan, on Monday.\n\n' +
    'Hospital officials said 3 people died in another attack, on a checkpoint in Karachi, on Sunday.';
  const r = extractArticle(article('t5', text));
  const quetta = r.incidents.find((i) => i.location?.value === 'Quetta');
  assert.ok(quetta, r.incidents.map((i) => i.location?.value).join(', '));
  assert.equal(quetta.fatalities?.value, 27);
  assert.equal(quetta.fatalities_high?.value ?? null, null);
  assert.equal(quetta.disputed ?? null, null);
});

test('tolls with thousands separators are read whole', () => {
  const text =
    'Fighting for the city of Kismayo, Somalia, raged through May. The health ministry said 1,250 people were killed.\n\n' +
    'Aid agencies put the toll at 1,400 by the end of the month.';
  const r = extractArticle(article('t6', text));
  const inc = r.incidents.find((i) => i.disputed);
  assert.ok(inc, 'an incident is disputed');
  assert.equal(inc.fatalities_low?.value, 1250);
  assert.equal(inc.fatalities_high?.value, 1400);
});

test('an incident told later with a day after the main one is news of its own, one with an earlier day is background', () => {
  // Written for this test; published on Friday 16 May 2025.
  const text =
    'A missile strike on the city of Kharkiv killed four people on Thursday night, the regional governor said.\n\n' +
    'In the southern Kherson region, shelling killed a man on Friday morning, officials said.\n\n' +
    'Separately, a drone strike killed two people in Sumy on Monday, officials said.';
  const r = extractArticle({ id: 'bg', text, published: '2025-05-16' } as Article);
  assert.deepEqual(
    r.incidents.map((i) => [i.event_date?.value, i.background]),
    [
      ['2025-05-15', false],
      ['2025-05-16', false],
      ['2025-05-12', true],
    ],
  );
});

test('places and armed groups next to "said" are not listed as people', () => {
  // Written for this test.
  const text =
    'Al-Shabab fighters stormed a military base in Mahaday town early Tuesday, killing 10 soldiers, officials said.\n\n' +
    '"They came from three directions," said Hassan Ali, a military officer in the region. El Fasher said nothing. Al-Shabab claimed it killed 40 soldiers.';
  const r = extractArticle(article('people', text));
  const names = r.people.map((p) => p.name);
  assert.ok(names.includes('Hassan Ali'), names.join(' | '));
  assert.ok(!names.includes('Al-Shabab'), names.join(' | '));
  assert.ok(!names.includes('El Fasher'), names.join(' | '));
});
