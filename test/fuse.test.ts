/**
 * Fusion: which reports are one incident, the fused values, and the property that the result does
 * not depend on the order the articles arrived in.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compatible, evidenceOverlap, evidenceWords, forcesDiffer, within, wordWeights } from '../src/fuse/compatible.js';
import { fusionReports, isNote, NOTE_CHARS } from '../src/fuse/articles.js';
import { exactDaysApart, FEATURES, fullerUpdate, modelChance, pairFeatures, pairScore, rareActor, tollClose, unitCoordinates, veto } from '../src/fuse/score.js';
import { toReportIncident } from '../src/core/report.js';
import { extractArticle } from '../src/pipeline.js';
import { FIXTURES } from './paths.js';
import { cluster, fuse, fuseValues, type FusionReport } from '../src/fuse/fuse.js';
import { report, type Spec } from './store-fixtures.js';

const here = '[fuse] ';

const QUETTA: Spec = { fatalities: 2, date: '2025-05-03', sub: 'Attack', country: 'Pakistan', admin1: 'Balochistan', location: 'Quetta', lat: 30.18, lon: 66.99, actor1: 'Unidentified Armed Group (Pakistan)', inter1: 3, actor2: 'Police Forces of Pakistan', inter2: 1 };

test(here + 'two outlets reporting one attack make one incident listing both articles', () => {
  const a = report('dawn', 0, { ...QUETTA, fatalities: 2 });
  // The second outlet, a few hours later, has a higher toll.
  const b = report('geo', 0, { ...QUETTA, fatalities: 3 });
  const out = fuse([a, b]);
  assert.equal(out.length, 1);
  assert.deepEqual(out[0]!.articles, ['dawn', 'geo']);
  // Each source's own figure is kept; two counts of one day: the higher (a first day's toll rises),
  // the range spans both, so the conservative count stays the low.
  assert.deepEqual(out[0]!.sources.map((s) => [s.article, s.fatalities]), [['dawn', 2], ['geo', 3]]);
  assert.equal(out[0]!.fatalities, 3);
  assert.equal(out[0]!.fatalities_low, 2);
  assert.equal(out[0]!.fatalities_high, 3);
});

test(here + 'an attack in one report is a clash in another, on the same day', () => {
  const a = report('dawn', 0, QUETTA);
  const b = report('geo', 0, { ...QUETTA, sub: 'Armed clash' });
  assert.equal(fuse([a, b]).length, 1);
  // A bombing the same day in the same town is another event.
  assert.equal(fuse([a, report('geo', 0, { ...QUETTA, sub: 'Remote explosive/landmine/IED' })]).length, 2);
});

test(here + 'two reports that name different villages are two events, whatever place they were resolved to', () => {
  const IDLEB: Spec = { date: '2020-04-27', sub: 'Shelling/artillery/missile attack', country: 'Syria', admin1: 'Idleb', location: 'Idleb', geo: 1, actor1: 'Military Forces of Syria', inter1: 1 };
  const a = report('a', 0, { ...IDLEB, text: 'Regime forces shelled targets in Kansafra in the Idleb countryside on Monday.' });
  const b = report('b', 0, { ...IDLEB, text: 'Regime artillery pounded homes in Fleifel, in the Idleb countryside, on Monday.' });
  assert.equal(fuse([a, b]).length, 2);
  // A report that names no village, or the same one, is compatible.
  const c = report('c', 0, { ...IDLEB, text: 'Government forces shelled the Idleb countryside on Monday, activists said.' });
  const d = report('d', 0, { ...IDLEB, text: 'Shells fell on houses at Kansafra village on Monday, activists said.' });
  assert.equal(fuse([a, c]).length, 1);
  assert.equal(fuse([a, d]).length, 1);
  // "on Sariab Road in Quetta" and "in Quetta": Quetta is the resolved place, Sariab Road names no other.
  const q1 = report('q1', 0, { ...QUETTA, text: 'Gunmen shot dead two policemen at a checkpoint on Sariab Road in Quetta on Saturday.' });
  const q2 = report('q2', 0, { ...QUETTA, text: 'Two constables were killed at a checkpoint in Quetta on Saturday, police said.' });
  assert.equal(fuse([q1, q2]).length, 1);
});

test(here + 'reports of one article are never merged with each other', () => {
  const a = report('dawn', 0, QUETTA);
  const b = report('dawn', 1, QUETTA);
  assert.equal(fuse([a, b]).length, 2);
});

test(here + 'incompatible date, place, type or actors keep reports apart', () => {
  const base = report('a', 0, QUETTA);
  const cases: Array<[string, Spec]> = [
    ['three days later', { ...QUETTA, date: '2025-05-06' }],
    ['a day later with only generic actors and another toll', { ...QUETTA, date: '2025-05-04', actor2: null, fatalities: 3 }],
    ['another town 20 km away', { ...QUETTA, location: 'Kuchlak', lat: 30.33, lon: 66.97 }],
    ['a toll ten times larger', { ...QUETTA, fatalities: 40 }],
    ['another province', { ...QUETTA, admin1: 'Sindh', location: 'Karachi', lat: 24.86, lon: 67.01 }],
    ['another country', { ...QUETTA, country: 'Afghanistan', admin1: 'Kandahar' }],
    ['a protest', { ...QUETTA, sub: 'Peaceful protest', actor1: 'Protesters (Pakistan)', inter1: 6, actor2: null }],
    ['other named actors', { ...QUETTA, actor1: 'BLA: Balochistan Liberation Army', actor2: 'Military Forces of Pakistan' }],
    ['a town 150 km away in the same province', { ...QUETTA, location: 'Sibi', lat: 29.54, lon: 67.88 }],
    ['no date', { ...QUETTA, date: null }],
  ];
  for (const [why, s] of cases) {
    const k = compatible(base.incident, report('b', 0, s).incident);
    assert.equal(k.ok, false, why);
    assert.equal(fuse([base, report('b', 0, s)]).length, 2, why);
  }
});

test(here + 'an unidentified perpetrator is compatible with the group that later claimed it', () => {
  const a = report('a', 0, QUETTA);
  const b = report('b', 0, { ...QUETTA, actor1: 'TTP: Tehrik-i-Taliban Pakistan', inter1: 2 });
  assert.equal(fuse([a, b]).length, 1);
});

test(here + 'a day apart: one event when the tolls agree, two when nothing specific does', () => {
  const a = report('a', 0, { ...QUETTA, fatalities: 4 });
  assert.equal(fuse([a, report('b', 0, { ...QUETTA, date: '2025-05-04', fatalities: 4 })]).length, 1);
  assert.equal(fuse([a, report('b', 0, { ...QUETTA, date: '2025-05-04', fatalities: 0 })]).length, 2);
});

test(here + 'a week-precise date merges with an exact one within 7 days', () => {
  const a = report('a', 0, QUETTA);
  const b = report('b', 0, { ...QUETTA, date: '2025-05-08', tp: 2 });
  assert.equal(fuse([a, b]).length, 1);
  // The fused date is the exact one when the votes tie.
  assert.equal(fuseValues([a, b]).event_date, '2025-05-03');
});

test(here + 'complete linkage: a report joins only a cluster it fits entirely', () => {
  // b is one day after a, c one day after b: a and c are two days apart and cannot be one event.
  const a = report('a', 0, { ...QUETTA, date: '2025-05-03' });
  const b = report('b', 0, { ...QUETTA, date: '2025-05-04' });
  const c = report('c', 0, { ...QUETTA, date: '2025-05-05' });
  const groups = cluster([c, b, a]).map((g) => g.map((r) => r.article));
  assert.deepEqual(groups, [['a', 'b'], ['c']]);
});

test(here + 'a wire story carried by two sites counts once in the toll', () => {
  const a = report('afp-site1', 0, { ...QUETTA, fatalities: 10 }, 'wire');
  const b = report('afp-site2', 0, { ...QUETTA, fatalities: 10 }, 'wire');
  const c = report('local', 0, { ...QUETTA, fatalities: 4 });
  const [x] = fuse([a, b, c]);
  assert.equal(x!.articles.length, 3);
  // Two independent figures, 4 and 10 (the higher of one day is the best); the dispute lists two
  // accounts, not the wire's 10 twice.
  assert.equal(x!.fatalities, 10);
  assert.equal(x!.fatalities_low, 4);
  assert.equal(x!.fatalities_high, 10);
  assert.equal(x!.sources.length, 3);
  assert.deepEqual(x!.disputed?.claims.map((c) => c.says), ['10 killed', '4 killed']);
});

test(here + '"no deaths reported" does not pull the toll down; "deaths without a number" gives null', () => {
  const a = report('a', 0, { ...QUETTA, fatalities: 0 });
  const b = report('b', 0, { ...QUETTA, fatalities: 5, low: 5, high: 7 });
  const x = fuseValues([a, b]);
  assert.deepEqual([x.fatalities, x.fatalities_low, x.fatalities_high], [5, 5, 7]);
  const y = fuseValues([a, report('c', 0, { ...QUETTA, fatalities: null })]);
  assert.equal(y.fatalities, null);
});

test(here + 'place fields come from one report: town, district and coordinates agree', () => {
  const a = report('a', 0, { ...QUETTA, location: 'Quetta', admin2: 'Quetta', lat: 30.18, lon: 66.99, geo: 1 });
  const b = report('b', 0, { ...QUETTA, location: null, admin2: null, lat: null, lon: null, geo: 3 });
  const c = report('c', 0, { ...QUETTA, location: 'Quetta', admin2: 'Quetta', lat: 30.18, lon: 66.99, geo: 1 });
  const x = fuseValues([b, c, a]);
  assert.deepEqual([x.location, x.admin2, x.latitude, x.geo_precision], ['Quetta', 'Quetta', 30.18, 1]);
});

// --- tighter compatibility: actors by role, named sub-places, evidence overlap -------------

const NAIROBI: Spec = { date: '2024-03-12', sub: 'Peaceful protest', country: 'Kenya', admin1: 'Nairobi', admin2: 'Nairobi', location: 'Nairobi', lat: -1.29, lon: 36.82, actor1: 'Protesters (Kenya)', inter1: 6, actor2: null };

test(here + 'two protests in one city on one day by different groups over different causes are two events', () => {
  const nurses = report('a', 0, { ...NAIROBI, text: 'Hundreds of nurses protested in Nairobi, demanding months of unpaid salaries and more staff for the wards.' });
  const traders = report('b', 0, { ...NAIROBI, text: 'Market traders protested in Nairobi against a new county levy on stalls, blocking a road for two hours.' });
  assert.equal(compatible(nurses.incident, traders.incident).why, 'the texts share nothing distinctive');
  assert.equal(fuse([nurses, traders]).length, 2);
  // The same protest told in other words shares what made it that protest: nurses, unpaid salaries.
  const nurses2 = report('c', 0, { ...NAIROBI, text: 'Nurses staged a demonstration in Nairobi over unpaid salaries, saying staff had not been paid for months.' });
  assert.equal(fuse([nurses, nurses2]).length, 1);
  // A text too short to compare leaves the decision to the other fields.
  const short = report('d', 0, { ...NAIROBI, text: 'Nurses protested in Nairobi.' });
  assert.equal(evidenceOverlap(nurses.incident, short.incident), null);
  assert.equal(fuse([nurses, short]).length, 1);
  // Two roads blocked by protesters over one grievance on one day are two protests.
  const road1 = report('e', 0, { ...NAIROBI, text: 'Protesters angry at fuel prices blocked the Thika Road in Nairobi with burning tyres for three hours.' });
  const road2 = report('f', 0, { ...NAIROBI, text: 'Protesters angry at fuel prices blocked the Mombasa Road in Nairobi with burning tyres for three hours.' });
  assert.equal(compatible(road1.incident, road2.incident).why, 'the texts name different places');
});

test(here + 'one sentence from each outlet, in other words, still makes one incident', () => {
  const a = report('a', 0, { ...QUETTA, fatalities: 4, text: 'A roadside bomb hit a police patrol near the vegetable market in Quetta on Tuesday, killing four constables.' });
  const b = report('b', 0, { ...QUETTA, fatalities: 5, text: "The toll from Tuesday's roadside bombing of a police patrol in Quetta rose to five, hospital staff said." });
  // "bombing" and "bomb", "constables" and "constable" meet; the date and the town are not words to compare.
  assert.ok(evidenceWords(a.incident).has('bomb') && evidenceWords(b.incident).has('bomb'));
  assert.ok(!evidenceWords(b.incident).has('tuesd') && !evidenceWords(b.incident).has('quett'));
  assert.equal(fuse([a, b]).length, 1);
});

test(here + 'a follow-up that tells only the new toll joins the first report: same town, same named actor', () => {
  const first = report('a', 0, {
    ...QUETTA,
    fatalities: 4,
    text: 'A remote-controlled device planted on a parked motorcycle tore through a police van outside the passport office in Quetta, killing four officers and wounding six passers-by.',
  });
  const followUp = report('b', 0, {
    ...QUETTA,
    fatalities: 5,
    text: 'The death toll rose to five on Thursday after an injured constable succumbed at the Civil Hospital in Quetta, its spokesman told journalists.',
  });
  // Too few words in common for the texts alone to join them ...
  const overlap = evidenceOverlap(first.incident, followUp.incident)!;
  assert.ok(overlap.jaccard < 0.12, `jaccard ${overlap.jaccard}`);
  // ... but the town (precision 1) and the police they name say it is one event.
  assert.equal(compatible(first.incident, followUp.incident).ok, true);
  assert.equal(fuse([first, followUp]).length, 1);
  // Generic actors are no such link: two protests in one town stay apart on their words alone.
  const a = report('c', 0, { ...NAIROBI, text: 'Hundreds of nurses protested in Nairobi, demanding months of unpaid salaries and more staff for the wards.' });
  const b = report('d', 0, { ...NAIROBI, text: 'Market traders protested in Nairobi against a new county levy on stalls, blocking a road for two hours.' });
  assert.equal(fuse([a, b]).length, 2);
});

test(here + 'words that most reports of the block use weigh little', () => {
  const mk = (art: string, text: string) => report(art, 0, { ...NAIROBI, text });
  const a = mk('a', 'Teachers protested in Nairobi against the coronavirus lockdown rules and school closures ordered by the county.');
  const b = mk('b', 'Bus drivers protested in Nairobi against the coronavirus lockdown rules and fuel prices set by the county.');
  // Unweighted, the shared "coronavirus lockdown rules county" is enough.
  assert.equal(compatible(a.incident, b.incident).ok, true);
  // Among reports that all speak of the lockdown, it is not.
  const others = ['Nurses', 'Traders', 'Students', 'Farmers', 'Miners'].map((who, i) => report(`o${i}`, 0, { ...NAIROBI, date: '2024-03-01', text: `${who} in Nairobi complained about the coronavirus lockdown rules of the county.` }));
  const w = wordWeights([a, b, ...others].map((r) => r.incident));
  assert.equal(compatible(a.incident, b.incident, w).ok, false);
  assert.equal(fuse([a, b, ...others]).filter((x) => x.articles.includes('a')).length, 1);
  assert.equal(fuse([a, b, ...others]).find((x) => x.articles.includes('a'))!.articles.length, 1);
});

test(here + 'actors by role: two different named perpetrators are two events; a battle may name its sides in either order', () => {
  const ttp = report('a', 0, { ...QUETTA, actor1: 'TTP: Tehrik-i-Taliban Pakistan', inter1: 2 });
  const bla = report('b', 0, { ...QUETTA, actor1: 'BLA: Balochistan Liberation Army', inter1: 2 });
  assert.equal(compatible(ttp.incident, bla.incident).why, 'actors differ');
  const CLASH: Spec = { ...QUETTA, sub: 'Armed clash', actor1: 'Military Forces of Pakistan', inter1: 1, actor2: 'BLA: Balochistan Liberation Army', inter2: 2 };
  const swapped: Spec = { ...CLASH, actor1: CLASH.actor2, inter1: 2, actor2: CLASH.actor1, inter2: 1 };
  assert.equal(fuse([report('a', 0, CLASH), report('b', 0, swapped)]).length, 1);
  // An attack is not a battle: the perpetrator and the target cannot trade places.
  const ATTACK: Spec = { ...QUETTA, actor1: 'BLA: Balochistan Liberation Army', inter1: 2, actor2: 'Police Forces of Pakistan', inter2: 1 };
  const reversed: Spec = { ...ATTACK, actor1: 'Police Forces of Pakistan', inter1: 1, actor2: 'BLA: Balochistan Liberation Army', inter2: 2 };
  assert.equal(compatible(report('a', 0, ATTACK).incident, report('b', 0, reversed).incident).ok, false);
  // An actor the extractor inferred ("warplanes" taken for an air force) contradicts nothing.
  const inferred = report('c', 0, { ...QUETTA, actor1: 'Military Forces of Pakistan', inter1: 1 });
  inferred.incident.trace.actor1 = { rule: 'actors.agent', derived: true, evidence: [] };
  assert.equal(compatible(ttp.incident, inferred.incident).ok, true);
});

test(here + 'weapons, languages and small words are no sub-places: "seized AK-47 rifles", "in Arabic", "in Kabul as"', () => {
  const HELMAND: Spec = { date: '2024-06-03', sub: 'Armed clash', country: 'Afghanistan', admin1: 'Helmand', location: 'Lashkar Gah', geo: 1, actor1: 'Military Forces of Afghanistan', inter1: 1, actor2: 'Taliban', inter2: 2 };
  // One outlet places the clash only in the province; its words name no other place.
  const a = report('a', 0, { ...HELMAND, location: 'Helmand', geo: 3, fatalities: 4, text: 'Soldiers fought Taliban fighters in Helmand province on Monday and seized AK-47 rifles, the army said in a statement in English.' });
  const b = report('b', 0, { ...HELMAND, fatalities: 4, text: 'Taliban fighters clashed with the army in Lashkar Gah as the police closed the roads on Monday, residents said.' });
  assert.equal(compatible(a.incident, b.incident).ok, true, compatible(a.incident, b.incident).why);
});

test(here + 'a town and its district are one place; two sub-places named as targets are two', () => {
  const town = report('a', 0, { ...QUETTA, admin2: 'Kech', location: 'Turbat', lat: 26.0, lon: 63.05, fatalities: 3 });
  const district = report('b', 0, { ...QUETTA, admin2: 'Kech', location: 'Kech', lat: 26.2, lon: 63.0, geo: 2, fatalities: 3 });
  assert.equal(fuse([town, district]).length, 1);
  // So is a place known only to its surroundings ("near Turbat", precision 2) and its district;
  // a report placed at the district itself is no town within it.
  const near = report('n', 0, { ...QUETTA, admin2: 'Kech', location: 'Turbat', lat: 26.0, lon: 63.05, geo: 2, fatalities: 3 });
  assert.equal(within(district.incident, near.incident), true);
  assert.equal(within(district.incident, district.incident), false);
  assert.equal(fuse([near, district]).length, 1);
  // Two towns of the district are two places.
  const other = report('c', 0, { ...QUETTA, admin2: 'Kech', location: 'Tump', lat: 26.12, lon: 62.37, fatalities: 3 });
  assert.equal(fuse([town, other]).length, 2);
  const IDLEB: Spec = { date: '2020-04-27', sub: 'Shelling/artillery/missile attack', country: 'Syria', admin1: 'Idleb', location: 'Idleb', geo: 1, actor1: 'Military Forces of Syria', inter1: 1 };
  const a = report('a', 0, { ...IDLEB, text: 'Government artillery shelled Kansafra in the southern countryside of Idleb on Monday.' });
  const b = report('b', 0, { ...IDLEB, text: 'Government artillery shelled Fleifel in the southern countryside of Idleb on Monday.' });
  assert.equal(compatible(a.incident, b.incident).why, 'the texts name different places');
  // "in the area of X" names a place too.
  const c = report('c', 0, { ...IDLEB, text: 'Government artillery fired at positions in the area of Kansafra on Monday.' });
  assert.equal(compatible(b.incident, c.incident).ok, false);
  assert.equal(compatible(a.incident, c.incident).ok, true);
  // A region both name does not make two villages one place.
  const s1 = report('s1', 0, { ...IDLEB, text: 'Government artillery shelled the village of Sfuhen in Jabal al-Zawiya on Monday, activists said.' });
  const s2 = report('s2', 0, { ...IDLEB, text: 'Government artillery shelled the village of Ftireh in Jabal al-Zawiya on Monday, activists said.' });
  assert.equal(compatible(s1.incident, s2.incident).why, 'the texts name different places');
  const s3 = report('s3', 0, { ...IDLEB, text: 'Shells fired by government artillery fell on Sfuhen village on Monday, activists said.' });
  assert.equal(compatible(s1.incident, s3.incident).ok, true);
});

test(here + 'a toll of one is not specific enough to join two days, nor a small toll alone several days', () => {
  const a = report('a', 0, { ...QUETTA, fatalities: 1 });
  assert.equal(fuse([a, report('b', 0, { ...QUETTA, date: '2025-05-04', fatalities: 1 })]).length, 2);
  assert.equal(fuse([report('a', 0, { ...QUETTA, fatalities: 2 }), report('b', 0, { ...QUETTA, date: '2025-05-04', fatalities: 2 })]).length, 1);
  // Four days apart (one date known to the week), a toll of three and no named actor: two events.
  const generic: Spec = { ...QUETTA, actor2: 'Civilians (Pakistan)', inter2: 7, fatalities: 3 };
  assert.equal(fuse([report('a', 0, generic), report('b', 0, { ...generic, date: '2025-05-07', tp: 2 })]).length, 2);
  assert.equal(fuse([report('a', 0, { ...QUETTA, fatalities: 3 }), report('b', 0, { ...QUETTA, date: '2025-05-07', tp: 2, fatalities: 3 })]).length, 1);
});

test(here + 'hand-written multi-article groups: each extracted and fused into its own incident, distractors apart', () => {
  // Groups of articles written for this test, each about one event in other words (another
  // toll, "on Tuesday" against the date, the district against the town), and distractors: other
  // events of the same type, place and day, or of the same place a few days on, dated by a weekday.
  const arts = readFileSync(join(FIXTURES, 'fusion-groups.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; group: string; text: string; source: string; published: string });
  const reports: FusionReport[] = arts.flatMap(({ group: _g, ...a }) =>
    extractArticle(a).incidents.map((inc, i) => ({ key: `${a.id}#${i}`, article: a.id, articleKey: a.id, dupGroup: a.id, incident: toReportIncident(inc) })),
  );
  const groupOf = new Map(arts.map((a) => [a.id, a.group]));
  const byCountry = new Map<string, FusionReport[]>();
  for (const r of reports) byCountry.set(r.incident.country ?? '', [...(byCountry.get(r.incident.country ?? '') ?? []), r]);
  const got = [...byCountry.values()].flatMap((rs) => fuse(rs)).map((x) => x.articles.map((a) => groupOf.get(a)!).sort().join(' ')).sort();
  const want = [...new Set(arts.map((a) => a.group))].map((g) => arts.filter((a) => a.group === g).map(() => g).join(' ')).sort();
  assert.deepEqual(got, want);
});

// --- order independence --------------------------------------------------------------------

const DATES = ['2025-05-01', '2025-05-02', '2025-05-03', '2025-05-05', '2025-05-09'];
const PLACES = [
  { country: 'Pakistan', admin1: 'Balochistan', location: 'Quetta', lat: 30.18, lon: 66.99 },
  { country: 'Pakistan', admin1: 'Balochistan', location: 'Turbat', lat: 26.0, lon: 63.05 },
  { country: 'Pakistan', admin1: 'Khyber Pakhtunkhwa', location: 'Bannu', lat: 32.99, lon: 70.6 },
  { country: 'Afghanistan', admin1: 'Kandahar', location: null, lat: null, lon: null },
];
const SUBS = ['Armed clash', 'Attack', 'Remote explosive/landmine/IED', 'Peaceful protest', 'Arrests'] as const;
const ACTORS = [null, 'Military Forces of Pakistan', 'TTP: Tehrik-i-Taliban Pakistan', 'Unidentified Armed Group (Pakistan)', 'BLA: Balochistan Liberation Army'];

const arbReport = fc
  .record({
    article: fc.integer({ min: 0, max: 7 }),
    date: fc.constantFrom(...DATES),
    tp: fc.constantFrom(1 as const, 1 as const, 2 as const),
    place: fc.constantFrom(...PLACES),
    sub: fc.constantFrom(...SUBS),
    actor1: fc.constantFrom(...ACTORS),
    actor2: fc.constantFrom(...ACTORS),
    fatalities: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
  })
  .map((r) => ({ article: `art${r.article}`, spec: { date: r.date, tp: r.tp, ...r.place, sub: r.sub, actor1: r.actor1, actor2: r.actor2, fatalities: r.fatalities } as Spec }));

/** Fusion output in a form that ignores nothing but the order of the incidents. */
function canonicalForm(xs: ReturnType<typeof fuse>): string {
  return JSON.stringify([...xs].sort((a, b) => (a.reports[0]! < b.reports[0]! ? -1 : 1)));
}

test(here + 'property: the fused incidents do not depend on the order the reports arrive in', () => {
  fc.assert(
    fc.property(fc.array(arbReport, { minLength: 1, maxLength: 24 }), fc.infiniteStream(fc.nat()), (raw, rand) => {
      // Index reports within their article, as an extractor does.
      const count = new Map<string, number>();
      const reports: FusionReport[] = raw.map((r) => {
        const i = count.get(r.article) ?? 0;
        count.set(r.article, i + 1);
        return report(r.article, i, r.spec);
      });
      const shuffled = [...reports];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = rand.next().value % (i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      const a = fuse(reports);
      const b = fuse(shuffled);
      assert.equal(canonicalForm(a), canonicalForm(b));
      // Every report is in exactly one incident.
      assert.equal(a.reduce((n, x) => n + x.reports.length, 0), reports.length);
      // No incident holds two reports of one article.
      for (const x of a) assert.equal(new Set(x.reports.map((k) => k.split('#')[0])).size, x.reports.length);
    }),
    { numRuns: 300 },
  );
});

// --- fused values like an analyst ----------------------------------------------------------

test(here + 'the best toll is the latest update; low/high span the sources, never their sum', () => {
  const first = { ...report('dawn', 0, { ...QUETTA, fatalities: 5 }), published: '2025-05-03' };
  const later = { ...report('geo', 0, { ...QUETTA, fatalities: 9 }), published: '2025-05-04' };
  const out = fuse([later, first]);
  assert.equal(out.length, 1);
  assert.deepEqual([out[0]!.fatalities, out[0]!.fatalities_low, out[0]!.fatalities_high], [9, 5, 9]);
  // A toll the text calls an update wins over a later article's older count.
  const rose = report('ary', 0, { ...QUETTA, fatalities: 7 });
  rose.incident.trace.fatalities = { rule: 'fatalities:death-toll', evidence: [{ article: 'ary', start: 0, end: 40, text: 'The death toll rose to seven on Saturday.' }] };
  const stale = { ...report('express', 0, { ...QUETTA, fatalities: 4 }), published: '2025-05-05' };
  const both = fuse([stale, { ...rose, published: '2025-05-03' }]);
  assert.equal(both.length, 1);
  assert.deepEqual([both[0]!.fatalities, both[0]!.fatalities_low, both[0]!.fatalities_high], [7, 4, 7]);
  assert.match(both[0]!.trace.fatalities!.note!, /ary, an update/);
  // Each source's own figure stays visible.
  assert.deepEqual(both[0]!.sources.map((s) => [s.article, s.fatalities]).sort(), [['ary', 7], ['express', 4]]);
  // Headline tenses and the wire's phrasing of an update are updates too.
  for (const text of ['Quetta attack toll climbs to 7', 'Two wounded policemen died in hospital, bringing the death toll to 7.', 'The toll now stands at 7, the home department said.', 'Officials revised the toll upward to 7.']) {
    const upd = report('upd', 0, { ...QUETTA, fatalities: 7 });
    upd.incident.trace.fatalities = { rule: 'fatalities:death-toll', evidence: [{ article: 'upd', start: 0, end: text.length, text }] };
    const [x] = fuse([stale, { ...upd, published: '2025-05-03' }]);
    assert.equal(x!.fatalities, 7, text);
    assert.deepEqual([x!.fatalities_low, x!.fatalities_high], [4, 7]);
  }
});

test(here + 'a named actor beats an unidentified one; the most precise date and place win', () => {
  const vague = report('a', 0, { ...QUETTA, fatalities: 3, location: null, lat: null, lon: null, geo: 3 });
  const b = report('b', 0, { ...QUETTA, fatalities: 3, actor1: 'BLA: Balochistan Liberation Army', inter1: 2 });
  const c = report('c', 0, { ...QUETTA, fatalities: 3 });
  const out = fuse([vague, b, c]);
  assert.equal(out.length, 1);
  assert.equal(out[0]!.actor1, 'BLA: Balochistan Liberation Army');
  assert.equal(out[0]!.inter1, 2);
  assert.equal(out[0]!.location, 'Quetta');
  assert.equal(out[0]!.geo_precision, 1);
});

test(here + 'of two generic perpetrators, the one the text gives beats a default for a side it leaves out', () => {
  // 'herdsmen shot three farmers' against 'three farmers were shot': the communal militia the
  // first text names, not the unidentified armed group the second gets by default.
  const told = traced(report('a', 0, { ...QUETTA, fatalities: 3, actor1: 'Unidentified Communal Militia (Pakistan)', inter1: 4 }), 'actor1', 'actors.agent', 'herdsmen');
  const unsaid = traced(report('b', 0, { ...QUETTA, fatalities: 3 }), 'actor1', 'actors.default-unidentified', 'shot');
  for (const order of [[told, unsaid], [unsaid, told]]) {
    const out = fuse(order);
    assert.equal(out.length, 1);
    assert.equal(out[0]!.actor1, 'Unidentified Communal Militia (Pakistan)');
    assert.equal(out[0]!.inter1, 4);
  }
});

test(here + 'sources that disagree on the toll on one day make the incident disputed, each side with its source', () => {
  const a = { ...report('dawn', 0, { ...QUETTA, fatalities: 2 }), published: '2025-05-03' };
  const b = { ...report('geo', 0, { ...QUETTA, fatalities: 6 }), published: '2025-05-03' };
  const [x] = fuse([a, b]);
  assert.ok(x!.disputed);
  assert.match(x!.disputed!.summary, /toll: .*\(dawn\).*\(geo\)|toll: .*\(geo\).*\(dawn\)/);
  assert.deepEqual(x!.disputed!.claims.map((c) => c.source).sort(), ['dawn', 'geo']);
  // A day later, the higher toll is an update, not a dispute.
  const [y] = fuse([a, { ...b, published: '2025-05-04' }]);
  assert.equal(y!.disputed, null);
  assert.equal(y!.fatalities, 6);
});

// --- what tells two alike events apart: stated days, kinds of forces, briefs, crowds -------

/** `r` with the trace of one field replaced (the fixtures give every field the rule 'test'). */
function traced(r: FusionReport, field: string, rule: string, text?: string, derived = false): FusionReport {
  r.incident.trace[field] = { rule, ...(derived ? { derived: true } : {}), evidence: text ? [{ article: r.article, start: 0, end: text.length, text }] : [] };
  return r;
}

test(here + 'two texts that each state the calendar day, and not the same day, are two events', () => {
  // The same toll a day apart joins two reports ("on Saturday" against the date) ...
  const mk = (art: string, date: string) => report(art, 0, { ...QUETTA, date, fatalities: 4 });
  assert.equal(fuse([mk('a', '2025-05-03'), mk('b', '2025-05-04')]).length, 1);
  // ... but not when each text gives the day itself ("On 3 May 2025", "On 4 May 2025"): a weekly
  // protest, the next day's attack.
  const a = traced(mk('a', '2025-05-03'), 'event_date', 'date:day-month-year', '3 May 2025');
  const b = traced(mk('b', '2025-05-04'), 'event_date', 'date:day-month-year', '4 May 2025');
  assert.equal(fuse([a, b]).length, 2);
  assert.match(veto(a, b)!, /states its day/);
  // A day read from a weekday against the publication may be the reporting day: no such evidence.
  const c = traced(mk('c', '2025-05-04'), 'event_date', 'date:weekday', 'Sunday', true);
  assert.equal(fuse([a, c]).length, 1);
  // The same stated day is no veto.
  assert.equal(veto(a, traced(mk('d', '2025-05-03'), 'event_date', 'date:month-day', 'May 3')), null);
});

test(here + 'state forces of different kinds in two reports (policemen, soldiers, militiamen) are two events', () => {
  const police = traced(report('a', 0, { ...QUETTA, fatalities: 2 }), 'actor2', 'actors.target', 'policemen', true);
  const army = traced(report('b', 0, { ...QUETTA, fatalities: 2, actor2: 'Military Forces of Pakistan', inter2: 1 }), 'actor2', 'actors.target', 'soldiers', true);
  assert.match(veto(police, army)!, /different kinds/);
  assert.equal(fuse([police, army]).length, 2);
  // "Security personnel" may be the police: one event's reports call them both.
  const personnel = traced(report('c', 0, { ...QUETTA, fatalities: 2, actor2: 'Military Forces of Pakistan', inter2: 1 }), 'actor2', 'actors.target', 'security personnel', true);
  assert.equal(veto(police, personnel), null);
  assert.equal(fuse([police, personnel]).length, 1);
  // A pro-government militia is a third kind; a report naming two kinds meets either.
  const militia = report('d', 0, { ...QUETTA, fatalities: 2, actor2: 'Militia (Pro-Government)', inter2: 3 });
  assert.match(veto(army, militia)!, /different kinds/);
  const both = traced(report('e', 0, { ...QUETTA, fatalities: 2, actor1: 'Police Forces of Pakistan', inter1: 1, sub: 'Armed clash' }), 'actor1', 'actors.agent', 'policemen');
  assert.equal(forcesDiffer(both.incident, police.incident), false);
});

test(here + 'two briefs fuse only on the rules: the score is for what long articles make of one event', () => {
  const KANDAHAR: Spec = { date: '2025-05-03', sub: 'Armed clash', country: 'Afghanistan', admin1: 'Kandahar', admin2: 'Panjwayi', location: 'Panjwayi', geo: 2, lat: 31.55, lon: 65.45, actor1: 'Taliban', inter1: 2, actor2: 'Military Forces of Afghanistan', inter2: 1 };
  const a = report('a', 0, { ...KANDAHAR, fatalities: 4, text: 'Taliban fighters stormed an army outpost near the Arghandab river bridge before dawn, killing four soldiers and seizing two armoured vehicles; residents heard heavy gunfire for hours and shops in the bazaar stayed closed, a tribal elder said.' });
  const b = report('b', 0, { ...KANDAHAR, fatalities: 6, text: 'Six soldiers died when insurgents overran a checkpoint beside the Arghandab river bridge and drove off with two armoured vehicles; the wounded were flown to the regional hospital while reinforcements searched nearby orchards, a council member said.' });
  // The hand rules find nothing specific enough (a district, two tolls, some words in common) ...
  assert.equal(compatible(a.incident, b.incident, wordWeights([a.incident, b.incident])).ok, false);
  // ... the fitted score joins them, as reports of long articles ...
  assert.equal(fuse([a, b]).length, 1);
  // ... but two briefs that say all they know, and differ so, are two events.
  assert.equal(fuse([{ ...a, note: true }, { ...b, note: true }]).length, 2);
  assert.equal(fuse([{ ...a, note: true }, b]).length, 1);
  // A brief is a short article, whatever its source.
  const [r] = fusionReports([{ article: { id: 'n', text: 'On 3 May 2025, Taliban militants attacked an army post in Panjwayi district, Kandahar.' }, incidents: [a.incident] }]);
  assert.equal(r!.note, true);
  assert.equal(isNote(NOTE_CHARS + 1), false);
});

test(here + 'protests in one town on one day: the town alone does not join two that share nothing of who or why', () => {
  const nurses = report('a', 0, { ...NAIROBI, text: 'Hundreds of nurses protested in Nairobi, demanding months of unpaid salaries and more staff for the wards.' });
  // Five content words: too few for the words alone to keep them apart.
  const traders = report('b', 0, { ...NAIROBI, text: 'Traders protested in Nairobi against stall levies and parking fees.' });
  const k = compatible(nurses.incident, traders.incident);
  assert.equal(k.ok, false);
  assert.match(k.why!, /protests in one town/);
  // An attack in one town on one day is still one event on the town alone.
  assert.equal(compatible(report('c', 0, QUETTA).incident, report('d', 0, { ...QUETTA, text: 'Gunmen shot at a police van near the fruit market, witnesses said.' }).incident).ok, true);
});

test(here + 'the same sides in one district, on one day or a rough date, are not enough for the rules alone', () => {
  const HELMAND: Spec = { date: '2025-05-03', sub: 'Armed clash', country: 'Afghanistan', admin1: 'Helmand', admin2: 'Nad Ali', location: 'Nad Ali', geo: 2, actor1: 'Taliban', inter1: 2, actor2: 'Military Forces of Afghanistan', inter2: 1 };
  const a = report('a', 0, { ...HELMAND, fatalities: 1, text: 'A Taliban sniper shot dead a soldier guarding the canal road near the bazaar in Nad Ali district.' });
  const b = report('b', 0, { ...HELMAND, fatalities: 3, text: 'Taliban fighters ambushed an army convoy on the canal road in Nad Ali district, killing three soldiers.' });
  assert.equal(compatible(a.incident, b.incident).why, 'nothing specific in common');
  const c = report('c', 0, { ...HELMAND, date: '2025-05-06', tp: 2, fatalities: 3, text: 'Reported on 6 May, Taliban fighters ambushed an army convoy on the canal road near the bazaar in Nad Ali district, killing three soldiers.' });
  assert.equal(compatible(a.incident, c.incident).why, 'days apart with too little in common');
});

test(here + 'two briefs of one town and day that share none of their words are two events', () => {
  // One gang named in both: the town and the gang would join long articles' reports whatever their words.
  const CITY: Spec = { date: '2025-05-08', sub: 'Attack', country: 'Brazil', admin1: 'Amazonas', location: 'Manaus', lat: -3.1, lon: -60.02, actor1: 'Northern Family', inter1: 3, actor2: 'Civilians (Brazil)', inter2: 7 };
  const body = report('a', 0, { ...CITY, fatalities: 1, text: 'The body of a woman was found floating by a stream in the north zone of the city, with her hands and feet tied.' });
  const shot = report('b', 0, { ...CITY, fatalities: 1, text: 'A man was shot dead in front of his house in the Compensa neighbourhood by two armed men who fled.' });
  // Long articles' reports: the same town on the same day is specific enough for the rules.
  assert.equal(compatible(body.incident, shot.incident).ok, true);
  // Two briefs say all they know: had they told one event, some of their words would meet.
  assert.equal(compatible(body.incident, shot.incident, undefined, true).ok, false);
  assert.equal(fuse([{ ...body, note: true }, { ...shot, note: true }]).length, 2);
  const shot2 = report('c', 0, { ...CITY, fatalities: 1, text: 'Two armed men shot a man dead outside his house in Compensa and fled on foot, police said.' });
  assert.equal(fuse([{ ...shot, note: true }, { ...shot2, note: true }]).length, 1);
});

test(here + 'two dated notes of one event state the same figures and names, lead with the same place and tell it in the same words', () => {
  const TOWN: Spec = { date: '2025-06-02', sub: 'Armed clash', country: 'Afghanistan', admin1: 'Kunar', location: 'Asadabad', lat: 34.87, lon: 71.15, actor1: 'Taliban', inter1: 2, actor2: 'Military Forces of Afghanistan', inter2: 1, fatalities: 0 };
  // A note that gives its event's calendar day ("On 2 June 2025, …").
  const brief = (id: string, text: string, extra: Partial<Spec> = {}) => ({ ...traced(report(id, 0, { ...TOWN, ...extra, text }), 'event_date', 'date:day-month-year', 'On 2 June 2025'), note: true });
  const base = 'Taliban fighters surrendered their weapons to the army at the Pech bridge near Asadabad, handing over 12 rifles.';
  const same = brief('a', base);
  const copy = brief('b', 'Taliban fighters surrendered their weapons to the army at the Pech bridge near Asadabad, handing over 12 rifles.');
  // Told alike: one event.
  assert.equal(fuse([same, copy]).length, 1);
  // Another figure ("14 rifles"), another name ("the Shigal bridge"), another toll: two events.
  assert.equal(fuse([same, brief('c', base.replace('12', '14'))]).length, 2);
  assert.equal(fuse([same, brief('d', base.replace('Pech', 'Shigal'))]).length, 2);
  assert.equal(fuse([brief('e', base, { fatalities: 5 }), brief('f', base, { fatalities: 4 })]).length, 2);
  // The same names, led by another place: the note of the fighting at one front of two.
  const lead = (id: string, front: string) => {
    const r = brief(id, '');
    const one = `Government troops and Taliban fighters clashed on the ${front} front near Asadabad.`;
    const two = 'During the clashes on the Pech and Shigal fronts, 3 fighters were wounded.';
    r.incident = { ...r.incident, evidence: [{ article: id, start: one.length + 1, end: one.length + 1 + two.length, text: two }, { article: id, start: 0, end: one.length, text: one }] };
    return r;
  };
  assert.equal(fuse([lead('g', 'Pech'), lead('h', 'Shigal')]).length, 2);
  assert.equal(fuse([lead('g', 'Pech'), lead('h', 'Pech')]).length, 1);
  // Same figures and names, other words: two protests, two events.
  const P: Partial<Spec> = { sub: 'Peaceful protest', actor1: 'Protesters (Afghanistan)', inter1: 6, actor2: null, inter2: null };
  const market = brief('i', 'Shopkeepers of the old market in Asadabad protested, demanding that the bazaar reopen after the curfew.', P);
  const widows = brief('j', 'War widows staged a sit-in in Asadabad asking for pensions promised by the provincial council.', P);
  assert.equal(fuse([market, widows]).length, 2);
  // One town, one day, one toll, alike in kind, some words in common (a quarter): two killings.
  const K: Partial<Spec> = { sub: 'Attack', actor1: 'Unidentified Armed Group (Afghanistan)', inter1: 3, actor2: 'Civilians (Afghanistan)', inter2: 7, fatalities: 1 };
  const shopkeeper = brief('l', 'Gunmen on a motorcycle shot dead a shopkeeper outside his shop in the Asadabad bazaar and fled toward the river.', K);
  const teacher = brief('m', 'Gunmen on a motorcycle shot dead a teacher as he left the boys school in Asadabad and fled toward the mountains.', K);
  assert.equal(fuse([shopkeeper, teacher]).length, 2);
  // Long articles' reports are not held to this: two texts that differ in a figure join on the
  // town and day (a report's figures are one outlet's count).
  assert.equal(fuse([{ ...same, note: false }, { ...brief('k', base.replace('12', '14')), note: false }]).length, 1);
  // Nor a news flash dated by a weekday and its follow-up with the new toll.
  const Q: Partial<Spec> = { sub: 'Suicide bomb', actor1: 'Unidentified Armed Group (Afghanistan)', inter1: 3, actor2: 'Civilians (Afghanistan)', inter2: 7 };
  const flash = { ...report('n', 0, { ...TOWN, ...Q, fatalities: 12, text: 'A suicide bomber blew himself up in a crowded market in Asadabad on Saturday, killing 12 people, officials said.' }), note: true };
  const later = { ...report('o', 0, { ...TOWN, ...Q, fatalities: 21, text: 'The toll of the suicide bombing in a crowded Asadabad market rose to 21 on Sunday after nine of the wounded died, officials said.' }), note: true };
  assert.equal(fuse([flash, later]).length, 1);
});

test(here + 'one text under two ids without a URL: each id keeps its incidents, never merged with each other; the same line twice is one article', () => {
  const text = 'On 2 June 2025, 6 Taliban militants were killed in army operations in Asadabad and Chawkay districts, Kunar.';
  const inc = report('x', 0, { date: '2025-06-02', country: 'Afghanistan', admin1: 'Kunar', location: 'Asadabad', fatalities: 3, text }).incident;
  const batch = (ids: string[]) => ids.map((id) => ({ article: { id, text }, incidents: [inc] }));
  const two = fusionReports(batch(['n1', 'n2']));
  assert.equal(two.length, 2);
  assert.notEqual(two[0]!.key, two[1]!.key);
  assert.equal(two[0]!.articleKey, two[1]!.articleKey);
  const out = fuse(two);
  assert.deepEqual(out.map((x) => x.articles).sort(), [['n1'], ['n2']]);
  // The same line read twice (the same id) is one article.
  assert.equal(fusionReports(batch(['n1', 'n1'])).length, 1);
  // With a URL, the URL names the article: the same page under two ids is one.
  const url = 'https://example.org/news/kunar';
  assert.equal(fusionReports(['n1', 'n2'].map((id) => ({ article: { id, text, url }, incidents: [inc] }))).length, 1);
  // The first copy in content order keeps the key the store gives it.
  assert.equal(fusionReports(batch(['n1']))[0]!.key, two.find((r) => r.article === 'n1')!.key);
});

test(here + 'an exact day a text does not state (read from a weekday) may be a few days off: no veto within UNSTATED_REACH days; two stated days still differ', () => {
  const attack = report('a', 0, { ...QUETTA, fatalities: 4, date: '2025-05-03' });
  // "The bodies of the four policemen were recovered on Monday": dated by the recovery, two days on.
  const recovered = report('b', 0, { ...QUETTA, fatalities: 4, date: '2025-05-05' });
  assert.equal(veto(attack, recovered), null);
  assert.match(veto(attack, report('c', 0, { ...QUETTA, date: '2025-05-07' }))!, /too far apart/);
  // Both texts state their calendar day, and the days differ: two events.
  const s1 = traced(report('d', 0, { ...QUETTA, date: '2025-05-03' }), 'event_date', 'date:day-month-year', 'On 3 May 2025, gunmen attacked a police post.');
  const s2 = traced(report('e', 0, { ...QUETTA, date: '2025-05-05' }), 'event_date', 'date:day-month-year', 'On 5 May 2025, gunmen attacked a police post.');
  assert.ok(veto(s1, s2));
  // One stated, one read from a weekday: the reach of the unstated one.
  assert.equal(veto(s1, recovered), null);
  // A week-precise date keeps its own tolerance.
  assert.equal(veto(report('f', 0, { ...QUETTA, date: '2025-05-09', tp: 2 }), attack), null);
});

test(here + 'a calendar date an article gives earlier ("On Jan. 8, coalition forces conducted 34 strikes … Near Mosul, …") dates its events: two such days that differ are two events', () => {
  const MOSUL: Spec = { sub: 'Air/drone strike', country: 'Iraq', admin1: 'Ninewa', admin2: 'Mosul', location: 'Mosul', geo: 2, lat: 36.34, lon: 43.13, actor1: 'Global Coalition Against Daesh', inter1: 8, actor2: 'Islamic State (Iraq)', inter2: 2, fatalities: 0 };
  const daily = (id: string, date: string, day: string) =>
    traced(report(id, 0, { ...MOSUL, date, text: 'Near Mosul, four strikes engaged four tactical units and destroyed a mortar system and two vehicles.' }), 'event_date', 'date:month-day:earlier-in-article', day, true);
  const jan8 = daily('a', '2017-01-08', 'Jan. 8');
  const jan9 = daily('b', '2017-01-09', 'Jan. 9');
  const jan10 = daily('c', '2017-01-10', 'Jan. 10');
  assert.match(veto(jan8, jan9)!, /states its day/);
  assert.match(veto(jan8, jan10)!, /too far apart|states its day/);
  assert.equal(fuse([jan8, jan9, jan10]).length, 3);
  // The same release's day in two copies is one day.
  assert.equal(veto(jan8, daily('d', '2017-01-08', 'Jan. 8')), null);
  // A calendar date given as the day of the report is not the event's day.
  const reporting = traced(report('e', 0, { ...MOSUL, date: '2017-01-09' }), 'event_date', 'date:month-day:reporting-day', 'Jan. 9', true);
  assert.equal(veto(jan8, reporting), null);
});

// --- what the score reads ------------------------------------------------------------------

const feature = (a: FusionReport, b: FusionReport, name: (typeof FEATURES)[number]) => pairFeatures(a, b, wordWeights([a.incident, b.incident]))[FEATURES.indexOf(name)]!;

test(here + 'tolls within a third of each other agree, the more the larger they are; equal, tiny or far-apart tolls do not count here', () => {
  assert.ok(tollClose(16, 19) > tollClose(4, 5));
  assert.ok(tollClose(4, 5) > 0);
  assert.equal(tollClose(1, 1), 0);
  assert.equal(tollClose(9, 9), 0);
  assert.equal(tollClose(4, 20), 0);
  assert.equal(tollClose(0, 3), 0);
  // A rising count ("16 killed", then "19") makes two reports likelier one event than 16 and 40.
  const a = report('a', 0, { ...QUETTA, fatalities: 16 });
  const w = wordWeights([a.incident]);
  assert.ok(modelChance(a, report('b', 0, { ...QUETTA, fatalities: 19 }), w) > modelChance(a, report('c', 0, { ...QUETTA, fatalities: 40 }), w));
});

test(here + 'two names of one place (a spelling, a village placed at its district) under one admin2 and a few km apart are the same location', () => {
  const CTG: Spec = { date: '2024-07-16', sub: 'Violent demonstration', country: 'Bangladesh', admin1: 'Chittagong', admin2: 'Chittagong', geo: 1, lat: 22.34, lon: 91.83 };
  const a = report('a', 0, { ...CTG, location: 'Chattogram' });
  const b = report('b', 0, { ...CTG, location: 'Chittagong' });
  assert.equal(feature(a, b, 'same_location'), 1);
  assert.equal(feature(a, b, 'other_towns'), 0);
  // Another town of the district, 20 km away, is another place.
  const c = report('c', 0, { ...CTG, location: 'Patiya', lat: 22.3, lon: 92.0 });
  assert.equal(feature(a, c, 'same_location'), 0);
  assert.equal(feature(a, c, 'other_towns'), 1);
});

test(here + 'two exact days two or more apart are left to the rules: the score bridges only a night', () => {
  const a = report('a', 0, { ...QUETTA, date: '2025-05-03' });
  assert.equal(exactDaysApart(a.incident, report('b', 0, { ...QUETTA, date: '2025-05-04' }).incident), false);
  assert.equal(exactDaysApart(a.incident, report('c', 0, { ...QUETTA, date: '2025-05-05' }).incident), true);
  // A week-precise date is not an exact day.
  assert.equal(exactDaysApart(a.incident, report('d', 0, { ...QUETTA, date: '2025-05-08', tp: 2 }).incident), false);
  const w = wordWeights([a.incident]);
  assert.match(pairScore(a, report('c', 0, { ...QUETTA, date: '2025-05-05' }), w).apart ?? '', /exact days/);
});

test(here + 'a later, fuller account of one bombing (a rising toll, the same town, type and words) is joined across two dated days', () => {
  const BOMB: Spec = { ...QUETTA, admin2: 'Quetta', sub: 'Suicide bomb', actor2: 'Civilians (Pakistan)', inter2: 7 };
  const first = { ...report('first', 0, { ...BOMB, fatalities: 40, text: 'A suicide bomber blew himself up inside a crowded mosque near the police lines in Quetta on Monday, killing 40 worshippers.' }), published: '2025-05-03' };
  const later = (id: string, n: number, published: string) => ({
    ...report(id, 0, { ...BOMB, date: '2025-05-05', fatalities: n, text: `The toll of the suicide blast at the police lines mosque in Quetta rose to ${n}, rescuers said.` }),
    published,
  });
  const w = (xs: FusionReport[]) => wordWeights(xs.map((x) => x.incident));
  const up = later('later', 64, '2025-05-06');
  assert.equal(exactDaysApart(first.incident, up.incident), true);
  assert.equal(fullerUpdate(first, up, w([first, up])), true);
  assert.equal(pairFeatures(first, up, w([first, up]))[FEATURES.indexOf('fuller_update')], 1);
  assert.equal(fuse([first, up]).length, 1);
  // Not an update: published the same day, or a lower toll, or a toll more than doubled.
  for (const other of [later('same-day', 64, '2025-05-03'), later('lower', 30, '2025-05-06'), later('tripled', 130, '2025-05-06')]) {
    assert.equal(fullerUpdate(first, other, w([first, other])), false, other.article);
    assert.equal(fuse([first, other]).length, 2, other.article);
  }
  // Another type in the same town, or another town, stays apart.
  const ied = { ...later('ied', 64, '2025-05-06'), incident: { ...up.incident, sub_event_type: 'Remote explosive/landmine/IED' } } as FusionReport;
  assert.equal(fullerUpdate(first, ied, w([first, ied])), false);
});

test(here + 'the same toll of five or more on the same day, same type and province, stretches the place reach by half (district precision)', () => {
  // Two district-precise places about 120 km apart (coordinates made up for the test).
  const D: Spec = { ...QUETTA, geo: 2, fatalities: 9, admin2: undefined };
  const a = report('a', 0, { ...D, location: 'Quetta', lat: 30.18, lon: 66.99 });
  const near = (id: string, extra: Partial<Spec>) => report(id, 0, { ...D, location: 'Noshki', lat: 31.26, lon: 66.99, ...extra });
  assert.equal(veto(a, near('b', {})), null);
  // Another toll, a toll under five, another day or another type: the district reach holds.
  for (const [why, extra] of [['toll', { fatalities: 7 }], ['small', { fatalities: 4 }], ['day', { date: '2025-05-04' }], ['type', { sub: 'Armed clash' }]] as Array<[string, Partial<Spec>]>) {
    const b = near(why, extra);
    const c = why === 'small' ? report('a4', 0, { ...D, fatalities: 4, location: 'Quetta', lat: 30.18, lon: 66.99 }) : a;
    assert.match(veto(c, b) ?? '', /km apart/, why);
  }
  // Twice the reach is too far even so.
  assert.match(veto(a, near('far', { lat: 32.0 })) ?? '', /km apart/);
});

test(here + 'the toll whose sentence updates it ("climbed to 93") is an update though its evidence is the figure; of two updates one day, the higher is the later', () => {
  const upd = (art: string, n: number) => {
    const text = `The death toll from the mosque bombing in Quetta climbed to ${n}, police said.`;
    const r = { ...report(art, 0, { ...QUETTA, fatalities: n, text }), published: '2025-05-04' };
    r.incident.trace.fatalities = { rule: 'fatalities:death-toll', evidence: [{ article: art, start: 60, end: 62, text: String(n) }] };
    return r;
  };
  const plain = { ...report('plain', 0, { ...QUETTA, fatalities: 40, text: 'A bomb killed 40 people at a mosque in Quetta, police said.' }), published: '2025-05-04' };
  // An update wins over a plain account of one day, even a higher one.
  const [a] = fuse([{ ...plain, incident: { ...plain.incident, fatalities: 70 } }, upd('up', 64)]);
  assert.equal(a!.fatalities, 64);
  // Two updates of one day: tolls rise, so the higher is the later.
  const [b] = fuse([upd('x', 64), upd('y', 93)]);
  assert.deepEqual([b!.fatalities, b!.fatalities_low, b!.fatalities_high], [93, 64, 93]);
});

test(here + 'one actor is not both sides of the fused incident', () => {
  const a = report('a', 0, { ...QUETTA, actor1: 'Military Forces of Pakistan', inter1: 1, actor2: 'Civilians (Pakistan)', inter2: 7 });
  const b = report('b', 0, { ...QUETTA, actor1: 'Unidentified Armed Group (Pakistan)', inter1: 3, actor2: 'Military Forces of Pakistan', inter2: 1 });
  const out = fuseValues([a, b]);
  assert.equal(out.actor1, 'Military Forces of Pakistan');
  assert.equal(out.actor2, 'Civilians (Pakistan)');
});

test(here + 'best pair first: a report joins the report it is surest of, not another event of that article told the day before', () => {
  const Q: Spec = { ...QUETTA, admin2: 'Quetta' };
  // One article tells two attacks, a day apart; another outlet tells the second.
  const before = report('x', 0, { ...Q, date: '2025-05-02', fatalities: 6, text: 'Gunmen attacked a police patrol in Quetta, killing six policemen.' });
  const second = report('x', 1, { ...Q, date: '2025-05-03', fatalities: 5, text: 'Gunmen stormed a police station in Quetta on Saturday, killing five constables.' });
  const other = report('a', 0, { ...Q, date: '2025-05-03', fatalities: 5, text: 'Five constables were killed when gunmen stormed a police station in Quetta.' });
  const w = wordWeights([before, second, other].map((r) => r.incident));
  // The other outlet's report could join either (the day before is within reach), but it is surer of the second.
  assert.ok(pairScore(other, before, w).p >= 0.5);
  assert.ok(pairScore(other, second, w).p > pairScore(other, before, w).p);
  assert.deepEqual(cluster([before, second, other]).map((c) => c.map((r) => r.key)), [['x#0'], ['a#0', 'x#1']]);
});

test(here + 'more than one distinctive word in common (who protested and why) is what two tellings of one protest share; one word is chance', () => {
  const nurses = report('a', 0, { ...NAIROBI, text: 'Hundreds of nurses protested in Nairobi, demanding months of unpaid salaries and more staff for the wards.' });
  const nurses2 = report('b', 0, { ...NAIROBI, text: 'Nurses staged a demonstration in Nairobi over unpaid salaries, saying staff had not been paid for months.' });
  const traders = report('c', 0, { ...NAIROBI, text: 'Market traders protested in Nairobi against a new county levy on stalls, saying months of losses had ruined them.' });
  const w = wordWeights([nurses, nurses2, traders].map((r) => r.incident));
  const f = (a: FusionReport, b: FusionReport) => pairFeatures(a, b, w)[FEATURES.indexOf('words_in_common')];
  assert.equal(f(nurses, nurses2), 1);
  assert.equal(f(nurses, traders), 0);
});

test(here + 'the words every air strike report says ("struck", "destroyed") are not what two strikes share', () => {
  const HAJJAH: Spec = { date: '2021-06-13', sub: 'Air/drone strike', country: 'Yemen', admin1: 'Hajjah', location: 'Bani Qais', geo: 2, lat: 16.0, lon: 43.3 };
  const wedding = report('a', 0, { ...HAJJAH, fatalities: 20, text: 'Warplanes struck a wedding tent in Bani Qais, destroying it and killing twenty guests.' });
  const camp = report('b', 0, { ...HAJJAH, fatalities: 0, text: 'Aircraft struck a military camp in Bani Qais, destroying weapons depots and vehicles.' });
  for (const r of [wedding, camp]) assert.ok(!evidenceWords(r.incident).has('struc') && !evidenceWords(r.incident).has('destr'));
  assert.equal(evidenceOverlap(wedding.incident, camp.incident)!.shared, 0);
});

test(here + 'a place the gazetteer does not know, put at its province\'s centre, is held to its province, not to the km from that centre', () => {
  // Coordinates made up for the test: the province's centre some 150 km from the town.
  const PROV: Spec = { date: '2021-04-03', sub: 'Armed clash', country: 'India', admin1: 'Chhattisgarh', actor1: 'Military Forces of India', inter1: 1, actor2: 'CPI (Maoist): Communist Party of India (Maoist)', inter2: 2 };
  const town = report('a', 0, { ...PROV, location: 'Bijapur', admin2: 'Bijapur', geo: 1, lat: 18.8, lon: 80.8 });
  const village = (id: string, extra: Partial<Spec> = {}) => {
    const r = report(id, 0, { ...PROV, location: 'Kodapal', geo: 2, lat: 20.1, lon: 81.3, ...extra });
    r.incident.trace.latitude = { rule: 'place.unit-coordinates', evidence: [] };
    return r;
  };
  assert.equal(unitCoordinates(village('b').incident), true);
  assert.equal(veto(town, village('b')), null);
  assert.equal(feature(town, village('b'), 'km_log'), 0);
  // The same coordinates as the place's own are 150 km away: vetoed.
  const own = report('c', 0, { ...PROV, location: 'Kodapal', geo: 2, lat: 20.1, lon: 81.3 });
  assert.match(veto(town, own) ?? '', /km apart/);
  // Another province still parts them.
  assert.match(veto(town, village('d', { admin1: 'Odisha' })) ?? '', /provinces differ/);
});

test(here + 'a named actor the two share counts by its rarity in the block: the army of every report says little, a group few name says much', () => {
  const D: Spec = { date: '2023-08-09', sub: 'Air/drone strike', country: 'Iraq', admin1: 'Sulaymaniyah', location: 'Dukan', geo: 1, lat: 35.95, lon: 44.95, actor1: 'Military Forces of Iraq', inter1: 1 };
  const rare = (id: string) => report(id, 0, { ...D, actor1: 'Military Forces of Turkey', inter1: 8 });
  const filler = Array.from({ length: 10 }, (_, i) => report(`f${i}`, 0, { ...D, date: '2023-07-01', location: 'Erbil' }));
  const [a, b] = [rare('a'), rare('b')];
  const [c, d] = [report('c', 0, D), report('d', 0, D)];
  const all = [a, b, c, d, ...filler].map((r) => r.incident);
  const w = wordWeights(all);
  const f = (x: FusionReport, y: FusionReport, ww = w) => pairFeatures(x, y, ww)[FEATURES.indexOf('rare_actor')]!;
  // Named by these two alone, against the army that every report of the block names.
  assert.equal(f(a, b), 1);
  assert.ok(f(c, d) < 0.2);
  assert.equal(rareActor([], w), 0);
  // Among fewer than RARE_BLOCK reports every actor is rare by chance: no weight.
  assert.equal(f(a, b, wordWeights([a.incident, b.incident, c.incident])), 0);
});
