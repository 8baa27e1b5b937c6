import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../src/text/analyze.js';
import { eventDate, findDates, resolvePeriod } from '../src/extract/dates.js';

const here = '[dates] ';
// 2024-12-25 was a Wednesday.
const PUB = '2024-12-25';

/** The resolved mentions of a text as [surface, date, precision]. */
function mentions(text: string, published: string | null) {
  return findDates(analyze(text), published).map((m) => [m.text, m.date, m.precision]);
}

/** The event date of a one-paragraph text, all sentences in focus. */
function dateOf(text: string, published: string | null) {
  const doc = analyze(text);
  const r = eventDate(doc, findDates(doc, published), doc.sentences.map((_, i) => i), 'a1', published);
  return r.event_date && { date: r.event_date.value, precision: r.time_precision?.value, derived: r.event_date.derived ?? false, rule: r.event_date.rule, evidence: r.event_date.evidence.map((e) => e.text) };
}

test(here + 'ACLED-style absolute dates in their several spellings', () => {
  assert.deepEqual(mentions('On 12 June 2021, rebels shelled the town.', null), [['12 June 2021', '2021-06-12', 1]]);
  assert.deepEqual(mentions('On 3rd July 2019, a bus was burned.', null), [['3rd July 2019', '2019-07-03', 1]]);
  assert.deepEqual(mentions('On 14 August, 2018, farmers marched.', null), [['14 August, 2018', '2018-08-14', 1]]);
  assert.deepEqual(mentions('On July 9 2017 a truck bomb exploded.', null), [['July 9 2017', '2017-07-09', 1]]);
  assert.deepEqual(mentions('Published 2022-02-03 by the agency.', null), [['2022-02-03', '2022-02-03', 1]]);
});

test(here + 'approximate ACLED dates get precision 2', () => {
  assert.deepEqual(mentions('Around 11 June 2021 (as reported), gunmen raided a farm.', null), [['11 June 2021', '2021-06-11', 2]]);
  assert.deepEqual(mentions('As reported on 2 October 2019, two traders were abducted.', null), [['2 October 2019', '2019-10-02', 2]]);
  assert.deepEqual(mentions('On 2 October 2019, two traders were abducted.', null), [['2 October 2019', '2019-10-02', 1]]);
});

test(here + 'weekdays and deictic days resolve back from the publication date', () => {
  assert.deepEqual(mentions('Jets struck the camp late on Tuesday night.', PUB), [['Tuesday', '2024-12-24', 1]]);
  assert.deepEqual(mentions('Police said on Wednesday that the road was open.', PUB), [['Wednesday', '2024-12-25', 1]]);
  assert.deepEqual(mentions('The mayor was shot last Wednesday.', PUB), [['last Wednesday', '2024-12-18', 1]]);
  // At the start of a sentence too: 'Last Wednesday, …' read on a Wednesday is a week back.
  assert.deepEqual(mentions('Last Wednesday, bandits burned two granaries.', PUB), [['Last Wednesday', '2024-12-18', 1]]);
  assert.deepEqual(mentions('A bomb went off yesterday near the market.', PUB), [['yesterday', '2024-12-24', 1]]);
  assert.deepEqual(mentions('Two shops were looted three days ago.', PUB), [['three days ago', '2024-12-22', 1]]);
});

test(here + 'last week is the Saturday of the previous Monday-Sunday week, precision 2', () => {
  assert.deepEqual(mentions('Last week, fighters overran a checkpoint.', PUB), [['Last week', '2024-12-21', 2]]);
  // Read on Monday 2024-12-30 the previous week is 23-29 December.
  assert.deepEqual(mentions('Last week, fighters overran a checkpoint.', '2024-12-30'), [['Last week', '2024-12-28', 2]]);
});

test(here + 'a month without a year is pulled into the past, never forward', () => {
  // chrono-node alone would give 2025-03 for this.
  assert.deepEqual(mentions('There was a similar raid in March.', PUB), [['in March', '2024-03-15', 3]]);
  assert.deepEqual(mentions('Around 1 May, traders closed their shops.', '2020-05-20'), [['1 May', '2020-05-01', 1]]);
  assert.deepEqual(mentions('Around 1 May, traders closed their shops.', '2021-02-10'), [['1 May', '2020-05-01', 1]]);
});

test(here + 'without a publication date, relative forms resolve against the text\'s latest full date', () => {
  assert.deepEqual(mentions('On 30 April 2020, a convoy was hit. On 2 May, another one.', null), [
    ['30 April 2020', '2020-04-30', 1],
    ['2 May', '2020-05-02', 1],
  ]);
  assert.deepEqual(mentions('Gunmen attacked a school on Friday.', null), []);
});

test(here + 'event date: the first mention of the focus; a resolved relative date is derived', () => {
  const d = dateOf('Around 8 May 2021 (as reported), a body was found. The man had gone missing on 1 May.', null);
  assert.equal(d?.date, '2021-05-08');
  assert.equal(d?.precision, 2);
  assert.equal(d?.derived, false);
  const r = dateOf('Security forces raided a hideout on Sunday, officials said.', PUB);
  assert.deepEqual(r && [r.date, r.precision, r.derived, r.evidence], ['2024-12-22', 1, true, ['Sunday']]);
});

test(here + 'event date falls back to an earlier date of the paragraph, then to the publication date', () => {
  const text = 'On Monday, militants stormed a police post.\nThey set two vehicles on fire.';
  const doc = analyze(text);
  const ds = findDates(doc, PUB);
  const r = eventDate(doc, ds, [1], 'a1', PUB);
  assert.equal(r.event_date?.value, '2024-12-23');
  assert.match(r.event_date!.rule, /earlier-in-article/);
  const none = eventDate(doc, [], [1], 'a1', PUB);
  assert.deepEqual([none.event_date?.value, none.time_precision?.value, none.event_date?.rule], ['2024-12-25', 2, 'date:publication']);
  assert.deepEqual(eventDate(doc, [], [1], 'a1', null), { event_date: null, time_precision: null });
});

test(here + 'a date borrowed from an earlier sentence telling several days is its earliest day', () => {
  // 2024-12-25 is a Wednesday: Monday is the 23rd, Tuesday the 24th.
  const text = 'Rebels held the market town of Olvera on Monday and pulled out on Tuesday.\nThey had earlier overrun an army outpost near Bexar.';
  const doc = analyze(text);
  const r = eventDate(doc, findDates(doc, PUB), [1], 'a1', PUB);
  assert.equal(r.event_date?.value, '2024-12-23');
  assert.deepEqual(r.event_date?.evidence.map((e) => e.text), ['Monday']);
});

test(here + 'a future date does not date an incident', () => {
  const d = dateOf('Talks will resume next Monday after rebels shelled the base.', PUB);
  assert.equal(d?.rule, 'date:publication');
});

test(here + 'evidence offsets slice to the expression', () => {
  const text = 'Officials said that late on Tuesday night two drones struck.';
  for (const m of findDates(analyze(text), PUB)) assert.equal(text.slice(m.start, m.end), m.text);
});

test(here + 'periods of numeric claims', () => {
  assert.deepEqual(pick(resolvePeriod('in the first 10 months of this year', PUB)), { from: '2024-01', to: '2024-10' });
  assert.deepEqual(pick(resolvePeriod('reported 90 attacks so far in 2023', PUB)), { from: '2023-01', to: '2023-12' });
  assert.deepEqual(pick(resolvePeriod('compared with 645 incidents in 2023', PUB)), { from: '2023-01', to: '2023-12' });
  assert.deepEqual(pick(resolvePeriod('twice as many as last year', PUB)), { from: '2023-01', to: '2023-12' });
  assert.deepEqual(pick(resolvePeriod('since January', '2024-06-10')), { from: '2024-01', to: '2024-06' });
  assert.deepEqual(pick(resolvePeriod('since October', '2024-06-10')), { from: '2023-10', to: '2024-06' });
  assert.equal(resolvePeriod('twice as many as last year', null), null);
  assert.equal(resolvePeriod('the fighters', PUB), null);
});

function pick(r: { from: string; to: string } | null) {
  return r && { from: r.from, to: r.to };
}

test(here + "a possessive date right before the event word dates the event", () => {
  const text = 'Also today, the minister condemned yesterday\'s bombings in the capital.';
  const doc = analyze(text);
  const ds = findDates(doc, PUB);
  const at = text.indexOf('bombings');
  assert.equal(eventDate(doc, ds, [0], 'a1', PUB, { start: at, end: at + 8 }).event_date?.value, '2024-12-24');
  assert.equal(eventDate(doc, ds, [0], 'a1', PUB).event_date?.value, '2024-12-25');
});

test(here + "a weekday in lower case after 'on' is read ('on saturday night')", () => {
  assert.deepEqual(mentions('Militants raided an army camp on saturday night.', PUB), [['saturday', '2024-12-21', 1]]);
  // Not without 'on': a lower-case weekday elsewhere is no date.
  assert.deepEqual(mentions('The sunday market was closed.', PUB), []);
});

test(here + "a closing attribution's day dates the telling: ', reported two residents and a police officer on Sunday.'", () => {
  // 2024-12-25 was a Wednesday; Monday 2024-12-23.
  const d = dateOf('Gunmen killed five villagers near the border, reported two residents and a police officer on Wednesday. The attack began on Monday around 7:30 pm.', PUB);
  assert.equal(d?.date, '2024-12-23');
});

test(here + "a later sentence that refers back to the incident dates it before the reporting day does", () => {
  const text = 'Five soldiers were killed in an ambush in the north, the army said on Wednesday. The attack took place on Monday near a river crossing.';
  const doc = analyze(text);
  const r = eventDate(doc, findDates(doc, PUB), [0], 'a1', PUB);
  assert.equal(r.event_date?.value, '2024-12-23');
  // With no such sentence, the reporting day is the fallback.
  const doc2 = analyze('Five soldiers were killed in an ambush in the north, the army said on Wednesday. A road was closed on Monday.');
  assert.equal(eventDate(doc2, findDates(doc2, PUB), [0], 'a1', PUB).event_date?.value, '2024-12-25');
});

test(here + "a date in the dateline dates the report, and a reaction's day ('on Thursday called for') the telling", () => {
  // 2021-07-13 was a Tuesday: Sunday 2021-07-11.
  assert.equal(dateOf('NIAMEY, July 12: Five civilians and four soldiers were killed Sunday in a clash near the border, the government said.', '2021-07-13')?.date, '2021-07-11');
  assert.equal(dateOf('YOLA, Nigeria, March 3 (Reuters) – Gunmen overran the village on Monday, locals said.', '2021-03-03')?.date, '2021-03-01');
  // 'cited the ministry as saying on Thursday' dates the telling: the month told before it stays (written for this test).
  assert.deepEqual(dateOf('The shells that hit the port last month came from the hills, the radio cited the army as saying on Thursday.', '2021-03-04')?.date, '2021-02-15');
  // A credit emptied by the page's cleaning ('( –') leaves a dateline all the same (written for this test).
  assert.equal(dateOf('Arles, France, March 2, 2021 ( – Protesters blocked the ring road on Monday night.', '2021-03-02')?.date, '2021-03-01');
  // 2022-07-22 was a Friday: Wednesday 2022-07-20.
  assert.equal(dateOf('The UN rights office on Thursday demanded an investigation into the shelling of a beach resort on Wednesday.', '2022-07-22')?.date, '2022-07-20');
  // 'claimed … lives' is a killing, not a claim: its day dates the event.
  assert.equal(dateOf('An attack on a funeral three weeks ago claimed at least 60 lives.', '2019-08-18')?.date, '2019-07-28');
});

test(here + "two days of one month: the first, over a night too ('On January 29-30 2025', 'the night of Jan 25-26', 'night 15/16 November')", () => {
  // Written for this test.
  assert.deepEqual(mentions('On December 20-21 2024, troops conducted an operation.', PUB), [['December 20-21 2024', '2024-12-20', 1]]);
  assert.deepEqual(mentions('The raid occurred on the night of Dec 21-22.', PUB), [['Dec 21-22', '2024-12-21', 1]]);
  assert.deepEqual(mentions('On night 15/16 December 2024, terrorists attacked a post.', PUB), [['15/16 December 2024', '2024-12-15', 1]]);
});

test(here + "'earlier this week' is the week's middle day (Wednesday), or the day before the anchor when that is earlier", () => {
  // Written for this test: 2024-12-28 was a Saturday, 2024-12-24 a Tuesday, 2024-12-23 a Monday.
  assert.deepEqual(mentions('Earlier this week, rangers seized two rifles near the dam.', '2024-12-28'), [['Earlier this week', '2024-12-25', 2]]);
  assert.deepEqual(mentions('Earlier this week, rangers seized two rifles near the dam.', '2024-12-24'), [['Earlier this week', '2024-12-23', 2]]);
  assert.deepEqual(mentions('Earlier this week, rangers seized two rifles near the dam.', '2024-12-23'), [['Earlier this week', '2024-12-23', 2]]);
});

test(here + "a day that ends a span ('went on into the small hours of Friday') or begins a period ('Since March 3') does not date the event; an earlier day does", () => {
  // Written for this test: 2024-12-27 was a Friday; Thursday is 2024-12-26.
  const text = 'Rioters burned tyres in the port district on Thursday evening. Street battles with the police went on into the small hours of Friday.';
  const doc = analyze(text);
  assert.equal(eventDate(doc, findDates(doc, '2024-12-27'), [1], 'a1', '2024-12-27').event_date?.value, '2024-12-26');
  assert.equal(dateOf('Gunfire between two gangs went on until Friday morning.', '2024-12-27')?.rule, 'date:weekday:reporting-day');
  // The day a period began ('Since March 3, …') dates no incident either.
  assert.equal(dateOf('Since March 3, the province has seen daily marches against the new levy.', '2024-12-27')?.rule, 'date:month-day:reporting-day');
});

test(here + "a later sentence that retells the violence with its day dates the incident; one set apart ('Earlier, …') does not", () => {
  // Written for this test: 2024-12-25 was a Wednesday.
  const text = 'Gunmen killed five mourners in a village of Benue State, the council chairman said on Wednesday. He said the five victims were killed at a funeral on Monday.';
  const doc = analyze(text);
  assert.equal(eventDate(doc, findDates(doc, PUB), [0], 'a1', PUB).event_date?.value, '2024-12-23');
  const apart = 'Gunmen killed five mourners in a village of Benue State, the council chairman said on Wednesday. Earlier, two farmers were killed in an attack on Monday.';
  const d2 = analyze(apart);
  assert.equal(eventDate(d2, findDates(d2, PUB), [0], 'a1', PUB).event_date?.value, '2024-12-25');
});

test(here + "'Speaking to newsmen on Sunday' dates the telling; a day in parentheses says which day 'this morning' is", () => {
  // Written for this test.
  const text = 'Speaking to reporters by phone on Wednesday, the chairman said the five victims were killed in the raid on Monday.';
  assert.equal(dateOf(text, PUB)?.date, '2024-12-23');
  // ... and so does an agency's 'can report on Wednesday'.
  assert.equal(dateOf('Gunmen killed 15 civilians in the region, APA can report on Wednesday. The attack was carried out on Monday.', PUB)?.date, '2024-12-23');
  assert.deepEqual(mentions('The town was occupied this morning (Monday 23 December).', '2024-12-24').map((m) => m[0]), ['Monday', '23 December']);
});

test(here + "with nothing that dates the incident, the article's earlier reporting day bounds it, not the publication date", () => {
  // Written for this test: 2024-12-25 was a Wednesday; the reporting day is Tuesday 2024-12-24.
  const text = 'The ministry announced late Tuesday that two commanders had been killed in the north. Troops had raided a hideout near the border earlier in the day, killing a militant.';
  const doc = analyze(text);
  const r = eventDate(doc, findDates(doc, PUB), [1], 'a1', PUB);
  assert.equal(r.event_date?.value, '2024-12-24');
  assert.equal(r.event_date?.rule, 'date:weekday:reporting-day:earlier-in-article');
  // With no reporting day in the article, the publication date stays the fallback.
  const doc2 = analyze('The ministry announced that two commanders had been killed in the north. Troops had raided a hideout near the border earlier in the day.');
  assert.equal(eventDate(doc2, findDates(doc2, PUB), [1], 'a1', PUB).event_date?.rule, 'date:publication');
});

test(here + "a later 'The abduction took place on Friday' dates an abduction told without its day", () => {
  // Written for this test: 2024-12-25 was a Wednesday; Friday 2024-12-20.
  const text = 'Gunmen seized twelve passengers from a bus on a highway in the south and killed four of them, a police officer said on Tuesday. The officer said the gunmen had set up a roadblock. The abduction took place on Friday in the hills.';
  const doc = analyze(text);
  assert.equal(eventDate(doc, findDates(doc, PUB), [0], 'a1', PUB).event_date?.value, '2024-12-20');
});

test(here + "'said in a statement on Thursday' dates the telling, not the event", () => {
  // Written for this test: 2024-12-25 was a Wednesday; Monday 2024-12-23, Tuesday 2024-12-24.
  const d = dateOf('Rebels shelled a camp near the river, the army said in a statement on Tuesday. The shelling began on Monday night.', PUB);
  assert.equal(d?.date, '2024-12-23');
});

test(here + "'cited the ministry as saying on Tuesday' dates the telling: the month the sentence gives the event stands", () => {
  // Written for this test: 2024-12-25 was a Wednesday; 'last month' is November 2024, precision 3.
  const d = dateOf('The drones that hit the port last month were built abroad, a television channel cited the navy as saying on Tuesday.', PUB);
  assert.equal(d?.date, '2024-11-15');
  assert.equal(d?.precision, 3);
});

test(here + "a month that names another event ('aid sent after the March 2020 floods') does not date the incident", () => {
  // Written for this test: the clash has no day of its own; the month names the floods.
  const doc = analyze('Two people were killed in clashes between rival traders in the market. The traders had quarrelled over aid sent after the March 2020 floods.');
  const r = eventDate(doc, findDates(doc, PUB), [0, 1], 'a1', PUB);
  assert.equal(r.event_date?.value, PUB);
  assert.equal(r.event_date?.rule, 'date:publication');
  // A month that dates the incident's own word stays its date.
  const own = analyze('Survivors gathered on the anniversary of the March 2020 bombing of the market.');
  const near = { start: own.text.indexOf('bombing'), end: own.text.indexOf('bombing') + 7 };
  assert.equal(eventDate(own, findDates(own, PUB), [0], 'a1', PUB, near).event_date?.value, '2020-03-15');
});

test(here + "'rose to 75 as of Thursday' dates the count, not the event, which a later sentence dates", () => {
  // Written for this test: 2024-12-25 was a Wednesday; Sunday 2024-12-22.
  const text = 'The number of people killed by an air strike on a wedding in a village in the north rose to 40 as of Tuesday, rescuers said. Jets bombed the wedding on Sunday night.';
  const doc = analyze(text);
  assert.equal(eventDate(doc, findDates(doc, PUB), [0], 'a1', PUB).event_date?.value, '2024-12-22');
});

test(here + "'the toll has risen to 23 after a body was recovered on Sunday' dates the count, not the clash", () => {
  // Written for this test: 2024-12-25 was a Wednesday; Sunday 2024-12-22, Saturday 2024-12-21.
  const text = 'The death toll in the border gunfight has risen to 9 after the body of a missing policeman was recovered on Sunday afternoon. The gunfight began on Saturday when rebels ambushed a patrol.';
  const doc = analyze(text);
  assert.equal(eventDate(doc, findDates(doc, PUB), [0], 'a1', PUB).event_date?.value, '2024-12-21');
});

test(here + "a later sentence that retells a protest with its day dates it ('… took to the streets in the capital and elsewhere on Monday')", () => {
  // Written for this test: 2024-12-25 was a Wednesday; Monday is 2024-12-23.
  const text = 'A student was shot dead during rallies against the new tax law, a rights group said on Wednesday. Thousands of people took to the streets in the capital and elsewhere in the country on Monday.';
  const doc = analyze(text);
  assert.equal(eventDate(doc, findDates(doc, PUB), [0], 'a1', PUB).event_date?.value, '2024-12-23');
  // 'Elsewhere' alone still sets another incident apart.
  const apart = 'A student was shot dead during rallies against the new tax law, a rights group said on Wednesday. Elsewhere, farmers protested on Monday.';
  const d2 = analyze(apart);
  assert.equal(eventDate(d2, findDates(d2, PUB), [0], 'a1', PUB).event_date?.value, '2024-12-25');
});

test(here + "a dateline that opens a later paragraph dates the report ('Summary …\\n\\nLIMA, Dec 24 (Agency) Gunmen …')", () => {
  // Written for this test: the text opens with a summary paragraph; the dateline follows it and
  // has no dash after the agency. Sunday is 2024-12-22.
  const text = 'Officials said the wounded were taken to a clinic in the provincial capital.\n\nLima, Dec 24 (Agency) At least four police officers were killed in an ambush by rebels in a rural district. The interior minister condemned the attack, saying on social media on Sunday that the culprits would be found.';
  const doc = analyze(text);
  assert.equal(eventDate(doc, findDates(doc, PUB), [1], 'a1', PUB).event_date?.value, '2024-12-22');
});

test(here + 'a sentence between two of the incident\'s own sentences that retells it with its day dates it', () => {
  // Written for this test: 2024-12-25 was a Wednesday. The incident is told in sentences 0 and 2;
  // sentence 1, not among them, gives the night it happened (its first day).
  const text = 'Six guards were killed when militants attacked a border post, the army said on Wednesday. The raid occurred on the night of Dec 22-23. During the exchange of fire two attackers were killed.';
  const doc = analyze(text);
  assert.equal(eventDate(doc, findDates(doc, PUB), [0, 2], 'a1', PUB).event_date?.value, '2024-12-22');
});

test(here + "'that same day last week' is the weekday just told, seven days back (precision 1)", () => {
  // Written for this test: 2024-12-25 was a Wednesday; Monday is 2024-12-23, a week before 2024-12-16.
  const m = mentions('On Monday, gunmen killed nine herders near a well. That same day last week, six traders were killed on a market road.', PUB);
  assert.deepEqual(m, [['Monday', '2024-12-23', 1], ['last week', '2024-12-16', 1]]);
  // Alone, 'last week' stays the previous week, precision 2.
  assert.deepEqual(mentions('Last week, six traders were killed on a market road.', PUB), [['Last week', '2024-12-21', 2]]);
});

test(here + "a dateline filed a day before publication anchors 'yesterday' and the weekdays ('HERAT, Dec 23: … yesterday' in the paper of Dec 24)", () => {
  // Written for this test: filed Monday 2024-12-23, printed Tuesday 2024-12-24.
  assert.equal(dateOf('HERAT, Dec 23: Gunmen killed two shopkeepers in the old bazaar yesterday, police said.', '2024-12-24')?.date, '2024-12-22');
  // A dateline a week or more old is a republished story: the publication date stays the anchor.
  assert.equal(dateOf('HERAT, Dec 10: Gunmen killed two shopkeepers in the old bazaar yesterday, police said.', '2024-12-24')?.date, '2024-12-23');
  // Without a dateline nothing changes.
  assert.equal(dateOf('Gunmen killed two shopkeepers in the old bazaar yesterday, police said.', '2024-12-24')?.date, '2024-12-23');
});
