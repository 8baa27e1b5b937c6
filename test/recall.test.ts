/**
 * Recall on news (issue 10): incidents an article tells besides its main one — old incidents
 * told in passing with a date and place of their own ("background" in the gold's terms),
 * several incidents in one article. Every text is written for this test; the expected values
 * were decided by hand from ACLED's codebook.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractArticle } from '../src/pipeline.js';
import type { Article, Incident } from '../src/core/types.js';

function incidents(text: string, published = '2024-05-11'): Incident[] {
  return extractArticle({ id: 'r', text, published } as Article, { incidentsOnly: true }).incidents;
}
const brief = (xs: Incident[]) => xs.map((x) => `${x.sub_event_type.value} ${x.event_date?.value} ${x.location?.value} ${x.fatalities.value}`).join('; ');

test('an old incident told in passing with its own month is an incident of its own', () => {
  for (const [old, day] of [
    ['In August 2023, militants stormed a police station in Lakki Marwat, killing six officers.', '2023-08'],
    ['In March this year, gunmen killed a tribal elder in Lakki Marwat district.', '2024-03'],
    ['Moreover, on Oct. 4, 2022, militants attacked a police station in Lakki Marwat, killing six officers.', '2022-10-04'],
    ['Militants have killed dozens of policemen in the province, including six officers during an attack in Lakki Marwat on August 9, 2023.', '2023-08-09'],
  ] as const) {
    const xs = incidents(['Gunmen killed four policemen at a checkpoint in Bannu on Friday, officials said.', 'The attackers fled on motorcycles.', old].join('\n\n'));
    assert.equal(xs.length, 2, `${old} -> ${brief(xs)}`);
    const back = xs.find((x) => x.location?.value === 'Lakki Marwat');
    assert.ok(back, `${old} -> ${brief(xs)}`);
    assert.ok(back!.event_date?.value.startsWith(day), `${old} -> ${brief(xs)}`);
    assert.equal(back!.background, true);
  }
});

test('an old killing told "last week" with its toll is its own incident, even where its place is no name after "in"', () => {
  const xs = incidents(
    ['Gunmen killed four policemen at a checkpoint in Bannu on Friday, officials said.', 'The attackers fled on motorcycles.', 'Last week, a 40-year-old farmer was killed during an attack on the Kot Ali hamlet by armed men.'].join('\n\n'),
  );
  assert.equal(xs.length, 2, brief(xs));
  assert.equal(xs.filter((x) => x.background).length, 1, brief(xs));
});

test('a tally or a trend dated by a month is no incident of its own', () => {
  for (const tally of [
    'In April, overall, three suicide bombings were recorded in the province.',
    'The insurgency began in October 2017 with raids on villages in the north that have cost hundreds of lives since.',
  ]) {
    const xs = incidents(['Gunmen killed four policemen at a checkpoint in Bannu on Friday, officials said.', 'The attackers fled on motorcycles.', tally].join('\n\n'));
    assert.equal(xs.length, 1, `${tally} -> ${brief(xs)}`);
  }
});

test('protests told "also … elsewhere" in other cities, with no day of their own, are incidents of their own', () => {
  const xs = incidents(
    [
      'Police fired tear gas at thousands of protesters who marched on parliament in Khartoum on Sunday, witnesses said.',
      'The crowd demanded a return to civilian rule.',
      'There were also protests elsewhere in the country, in the central city of Wad Madani and the western city of El Obeid.',
    ].join('\n\n'),
  );
  const places = xs.map((x) => x.location?.value).sort();
  assert.deepEqual(places, ['El Obeid', 'Khartoum', 'Wad Madani'], brief(xs));
  for (const x of xs) assert.equal(x.event_date?.value, '2024-05-05', brief(xs));
});

test('a strike "on the cities of X and Y" is an incident in each city', () => {
  const xs = incidents('Kyiv said on Saturday that Russian forces had fired missiles on the cities of Sumy and Poltava overnight, damaging several homes.');
  assert.deepEqual(xs.map((x) => x.location?.value).sort(), ['Poltava', 'Sumy'], brief(xs));
});

test('a sentence that only muses about "elsewhere" opens no incident', () => {
  const xs = incidents(
    [
      'Police fired tear gas at thousands of protesters who marched on parliament in Khartoum on Sunday, witnesses said.',
      'The crowd demanded a return to civilian rule.',
      'One question is whether the chief executives of firms elsewhere, in the port city of Port Sudan, may be more inclined to leave.',
    ].join('\n\n'),
  );
  assert.equal(xs.length, 1, brief(xs));
});

test('a town taken, told in passing in a sentence about another incident, is an incident of its own', () => {
  const main = 'A drone strike killed nine people at a market in Gao on Tuesday, officials said.';
  for (const [passing, town] of [
    ['The strike comes amid heavy fighting in the region, where thousands fled to Gao last week after the militants seized control of Ansongo town.', 'Ansongo'],
    ['The strike came as the militants completed their capture of Menaka on Sunday, local sources said.', 'Menaka'],
  ] as const) {
    const xs = incidents([main, passing].join('\n\n'));
    const taken = xs.find((x) => x.sub_event_type.value === 'Non-state actor overtakes territory');
    assert.ok(taken, `${passing} -> ${brief(xs)}`);
    assert.equal(taken!.location?.value, town, `${passing} -> ${brief(xs)}`);
    assert.equal(taken!.background, true);
    assert.ok(xs.some((x) => x.sub_event_type.value === 'Air/drone strike'), brief(xs));
  }
});

test('a taking that only dates the sentence ("since the takeover of X in 2022") is no incident', () => {
  const xs = incidents(['A drone strike killed nine people at a market in Gao on Tuesday, officials said.', 'Tensions have grown since the jihadists\' takeover of Menaka in 2022.'].join('\n\n'));
  assert.ok(!xs.some((x) => x.sub_event_type.value === 'Non-state actor overtakes territory'), brief(xs));
});

test('a line that opens "And in <Place>," after a joining word tells another incident', () => {
  const xs = incidents(['Security forces killed three militants during a raid in Bannu district on Monday, the army said.', 'And in Balochistan, two soldiers were killed as troops repelled an attack on a post in Panjgur.'].join('\n\n'));
  assert.equal(xs.length, 2, brief(xs));
  assert.ok(xs.some((x) => x.location?.value === 'Panjgur' && x.fatalities.value === 2), brief(xs));
});

test('an old incident dated "in <month> this year" inside its sentence is an incident of its own', () => {
  const xs = incidents(['Gunmen killed four policemen at a checkpoint in Bannu on Friday, officials said.', 'The attackers fled on motorcycles.', 'Militants overran a police post in Lakki Marwat in January this year, killing two officers.'].join('\n\n'));
  assert.equal(xs.length, 2, brief(xs));
  const back = xs.find((x) => x.location?.value === 'Lakki Marwat');
  assert.ok(back && back.background && back.event_date?.value.startsWith('2024-01'), brief(xs));
});

test('an old incident whose place is a name with its kind after it ("<Name> airport was hit") is an incident of its own', () => {
  const xs = incidents(['Rockets hit a military base near Baghdad on Monday evening, wounding two contractors, officials said.', 'Last September, Basra airport had come under a similar attack.'].join('\n\n'), '2024-05-14');
  assert.equal(xs.length, 2, brief(xs));
  const back = xs.find((x) => x.location?.value === 'Basra');
  assert.ok(back && back.background && back.event_date?.value.startsWith('2023-09'), brief(xs));
});

test('an old incident whose toll comes after an aside ("nine people, including a councillor, were wounded") is an incident of its own', () => {
  const xs = incidents(['A suicide bomber killed 12 people near a shrine in Khuzdar district on Friday, police said.', 'The bomber blew himself up at the gate.', 'This is the second blast in Khuzdar this month.', 'On May 3, at least nine people, including a local councillor, were wounded in a blast there.'].join('\n\n'));
  assert.equal(xs.length, 2, brief(xs));
  assert.ok(xs.some((x) => x.background && x.event_date?.value === '2024-05-03'), brief(xs));
});
