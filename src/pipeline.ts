/**
 * The pipeline, readable in one place: article → text analysis → extractors → incidents,
 * quotes, claims, people. Each stage is a function from typed input to typed output.
 */
import type { Article, Claim, Evidence, Field, Incident, Organisation, Person, Quote } from './core/types.js';
import { SUB_EVENT_TYPES } from './core/types.js';
import { normaliseDate } from './ingest/html.js';
import { analyze, loadNlp } from './text/analyze.js';
import { sentenceIndexAt, type Doc } from './text/doc.js';
import { loadGazetteer, type Gazetteer } from './geo/gazetteer.js';
import { nameKey } from './geo/names.js';
import { findEvents, mergeCandidates, type EventCandidate, type Span } from './extract/events.js';
import { groupTellings } from './extract/consolidate.js';
import { whyNoIncident } from './extract/non-events.js';
import { retypeBySides, retypeSuspectedSuicide } from './extract/retype.js';
import { splitByListedPlaces } from './extract/round-up.js';
import { incidentConfidence, noteContext, withFieldConfidence } from './extract/confidence.js';
import { countryShares, datedAdmin2, findPlaces, resolveLocation, type PlaceMention } from './extract/places.js';
import { findActors, assignActors, type ActorMention } from './extract/actors.js';
import { findDates, eventDate } from './extract/dates.js';
import { findFatalities } from './extract/fatalities.js';
import { findPeople } from './extract/people.js';
import { findQuotes } from './extract/quotes.js';
import { findClaims } from './extract/claims.js';
import { applyDispute, findDisputes } from './extract/disputes.js';

export interface Resources {
  gaz: Gazetteer;
}

let resources: Resources | null = null;
/** Load the language model and the gazetteer once per process. */
export function loadResources(): Resources {
  if (resources) return resources;
  loadNlp();
  resources = { gaz: loadGazetteer() };
  return resources;
}

export interface ArticleResult {
  article: Article;
  doc: Doc;
  incidents: Incident[];
  quotes: Quote[];
  claims: Claim[];
  people: Person[];
  organisations: Organisation[];
}

export interface ExtractOptions {
  /** Skip quotes, people and claims (incidents only): used by the incident benchmark. */
  incidentsOnly?: boolean;
}

export function extractArticle(article: Article, opts: ExtractOptions = {}): ArticleResult {
  const res = loadResources();
  const doc = analyze(article.text);
  const published = normaliseDate(article.published) ?? null;

  // Place and actor mentions are read once, when first needed (incidents, then the people list).
  let placesOnce: PlaceMention[] | null = null;
  let actorsOnce: ActorMention[] | null = null;
  const mentions = () => ({
    places: (placesOnce ??= findPlaces(doc, res.gaz, article.source ? { source: article.source } : {})),
    actors: (actorsOnce ??= findActors(doc)),
  });

  const incidents: Incident[] = [];
  const found = findEvents(doc, { news: published !== null });
  if (found.length > 0) {
    const { places, actors } = mentions();
    const dates = findDates(doc, published);
    // The sentences no incident claims: a toll told a line or two after its incident is read
    // from them (findFatalities).
    const claimed = new Set(found.flatMap((ev) => ev.sentences));
    const read = (ev: EventCandidate) => readIncident(doc, article.id, published, ev, places, actors, dates, unclaimedAfter(doc, ev.sentences, claimed), claimed);
    // Each candidate is read on its own, then the tellings of one incident are grouped and the
    // group is read again over all its sentences (consolidate.ts). (The two events of one
    // sentence, a strike and the attack it answered, placeSpan, are each one of their own.)
    const alone = datedBack(found, found.map(read));
    const events = groupTellings(doc, alone, found.map((ev) => ev.sentences), found.map((ev) => !!ev.listed || !!ev.placeSpan)).map((g) =>
      g.length === 1 ? { ev: found[g[0]!]!, inc: alone[g[0]!]! } : (({ ev }) => ({ ev, inc: read(ev) }))({ ev: mergeCandidates(doc, g.map((i) => found[i]!)) }),
    );
    placeFromTheStory(events.map((e) => e.inc));
    const kept = events.filter(({ inc }) => whyNoIncident(doc, inc, published) === null)
      // in a dated news report, one sentence listing several places ('25 killed in Nasiriyah, 10 in
      // Najaf') is an event for each (round-up.ts); a one-event note or snippet is left whole
      .flatMap(({ ev, inc }) => (published ? splitByListedPlaces(doc, inc, ev.sentences, places, article.id, (part, told, trigger) => resides(doc, article.id, actors, part, told, trigger)) : [inc]).map((part) => ({ ev, inc: part })));
    let shares: Map<string, number> | undefined;
    kept.forEach(({ ev, inc }, i) => {
      // Told after the main incident with a day of its own ('on Friday'), an incident is
      // background only if that day is before the main one's: 'Separately, … on Friday night'
      // before Saturday's attack is; 'In Kherson, shelling killed a man on Friday' after a strike
      // on Thursday is news of its own.
      const main = incidents.find((x) => !x.background);
      const date = inc.event_date?.value ?? null;
      const mainDate = main?.event_date?.value ?? null;
      const background = ev.background && !(date !== null && mainDate !== null && date >= mainDate);
      const x: Incident = { ...inc, id: `${article.id}#${i + 1}`, background };
      noteContext(x, { countryShare: x.country ? (shares ??= countryShares(places, res.gaz)).get(x.country.value) ?? 0 : 0, rank: i, ...(article.title ? { title: article.title } : {}) });
      const c = incidentConfidence(x);
      if (c !== null) x.confidence = c;
      withFieldConfidence(x);
      incidents.push(x);
    });
  }
  if (opts.incidentsOnly) return { article, doc, incidents, quotes: [], claims: [], people: [], organisations: [] };

  const people = findPeople(doc, article.id);
  const quotes = findQuotes(doc, people, article.id);
  const claims = findClaims(doc, people, article.id, published);
  // Every incident's accounts are read before any is changed: the others' evidence is what
  // keeps a sentence about another attack out of this one's competing tolls.
  const disputes = incidents.map((inc) => findDisputes(doc, inc, quotes, people, article.id, incidents));
  incidents.forEach((inc, i) => applyDispute(inc, disputes[i]!));
  return { article, doc, incidents, quotes, claims, people: people.people.some((p) => p.role === null) ? notPlacesOrGroups(people.people, mentions(), res.gaz) : people.people, organisations: people.organisations };
}

/** A place named again only by its kind: "attack on the city", "in the town". */
const DEFINITE_PLACE = /\b(?:on|in|at|near|into|across|around|outside|of) the (?:city|town|village|district|province|region|area)\b(?!\s+(?:of|and)\b)(?!\s+[A-Z])/;
const PLACE_FIELDS = ['country', 'admin1', 'admin2', 'location', 'latitude', 'longitude', 'geo_precision'] as const;

/**
 * An incident with no place of its own that names its place only as "the city" or "the town" took
 * place where the incident told before it did ("The latest attack on the city comes after 21
 * civilians were killed in a strike on Saturday"): it takes that incident's place, with the
 * evidence where the place is named.
 */
export function placeFromTheStory(incs: Incident[]): void {
  incs.forEach((inc, i) => {
    if (inc.admin1?.value || !inc.evidence.some((e) => DEFINITE_PLACE.test(e.text))) return;
    const before = incs.slice(0, i).reverse().find((x) => x.admin1?.value);
    if (!before) return;
    for (const k of PLACE_FIELDS) {
      const v = before[k];
      (inc as Record<string, unknown>)[k] = v ? { ...v, rule: `${v.rule}+place:of-the-story` } : null;
    }
  });
}

/**
 * People without a role whose name is a place the gazetteer knows or an armed group of the actor
 * dictionary ('El Fasher', 'North Darfur', 'Al-Shabab', 'Khorasan Province') are not people: a
 * capitalised pair next to 'said' looks like a name to the people reader, which knows neither.
 */
function notPlacesOrGroups(people: Person[], found: { places: PlaceMention[]; actors: ActorMention[] }, gaz: Gazetteer): Person[] {
  const places = new Set(found.places.filter((m) => m.candidates.length > 0 && !m.demonym).map((m) => m.text.toLowerCase()));
  const groups = new Set(found.actors.filter((m) => m.kind !== 'civilians').map((m) => m.text.toLowerCase()));
  return people.filter((p) => {
    if (p.role !== null) return true;
    const n = p.name.toLowerCase();
    // (a place right before 'said' is not read as the event's place, findPlaces: the gazetteer
    // still knows a name of several words as one: 'El Fasher said nothing')
    const known = places.has(n) || (/\s/.test(n) && gaz.lookup(nameKey(p.name)).length > 0);
    return !known && !groups.has(n) && !/\b(?:province|district|region|state|governorate)$/.test(n);
  });
}

/** A day moved back by a span in calendar units. */
function dayBefore(day: string, span: Span): string {
  const t = new Date(`${day}T00:00:00Z`);
  if (span.unit === 'year') t.setUTCFullYear(t.getUTCFullYear() - span.count);
  else if (span.unit === 'month') t.setUTCMonth(t.getUTCMonth() - span.count);
  else t.setUTCDate(t.getUTCDate() - span.count);
  return t.toISOString().slice(0, 10);
}

/**
 * An earlier incident told as "the attack comes a week after …" (EventCandidate.before) is dated
 * by the span back from the incident the clause points at, the one told before it; only where
 * none was told, from the day its own sentence gives.
 */
function datedBack(found: EventCandidate[], read: Incident[]): Incident[] {
  const DAY = /^\d{4}-\d{2}-\d{2}$/;
  return read.map((inc, k) => {
    const span = found[k]!.before;
    const own = inc.event_date;
    if (!span || !own) return inc;
    let base = DAY.test(own.value) ? own.value : null;
    for (let j = k - 1; j >= 0; j--) {
      const d = read[j]!.event_date?.value;
      if (!found[j]!.before && d && DAY.test(d)) {
        base = d;
        break;
      }
    }
    return base ? { ...inc, event_date: { ...own, value: dayBefore(base, span) } } : inc;
  });
}

/** The fields of one incident candidate, read from its sentences. */
function readIncident(
  doc: Doc,
  articleId: string,
  published: string | null,
  ev: EventCandidate,
  places: PlaceMention[],
  actors: ActorMention[],
  dates: ReturnType<typeof findDates>,
  after: number[] = [],
  claimed: Set<number> = new Set(),
): Incident {
  const when = eventDate(doc, dates, ev.sentences, articleId, published, ev.trigger);
  const loc = datedAdmin2(resolveLocation(doc, placesOf(doc, ev, places), ev.sentences, articleId), when.event_date?.value ?? null);
  const who = assignActors(
    doc,
    spanned(doc, ev, actors),
    {
      sentences: ev.sentences,
      trigger: ev.trigger,
      subEventType: ev.sub_event_type,
      country: loc.country?.value ?? null,
      admin1: loc.admin1?.value ?? null,
      date: when.event_date?.value ?? null,
    },
    articleId,
  );
  const toll = findFatalities(doc, ev.sentences, articleId, after, ev.trigger.start);
  const inc: Incident = {
    id: articleId,
    articles: [articleId],
    background: ev.background,
    evidence: ev.sentences.map((s) => evidence(articleId, doc, doc.sentences[s]!)),
    ...typeFields(articleId, doc, ev),
    event_date: when.event_date,
    time_precision: when.time_precision,
    ...who,
    ...loc,
    ...toll,
    disputed: null,
  };
  retypeBySides(inc);
  retypeSuspectedSuicide(doc, inc, ev.sentences, articleId, claimed);
  return inc;
}

/** How far after its trigger the place a taking of territory names is looked for ("seized
 *  control of the nearby town of <Name>"). */
const TAKEN_PLACE_REACH = 40;

/**
 * The places an incident's location is read from: every place of its sentences, or for a taking
 * told in passing (events.ts territoryInPassing) the place named right after its trigger, which is
 * the place taken ("thousands fled to <City A> after the militia seized <Town B>": B), or every
 * place where none is named there.
 */
/** The actors of an incident that shares its sentence with another (placeSpan): of that
 *  sentence, only those inside the span (keep) or outside it. "The army struck camps abroad in
 *  reply to a bombing by a militia in X": the army is the strike's side, not the bombing's. */
function spanned<T extends { start: number; sentence: number }>(doc: Doc, ev: EventCandidate, xs: T[]): T[] {
  if (!ev.placeSpan) return xs;
  const { start, end, keep } = ev.placeSpan;
  const at = sentenceIndexAt(doc, start);
  return xs.filter((x) => x.sentence !== at || (x.start >= start && x.start < end) === keep);
}

function placesOf(doc: Doc, ev: EventCandidate, places: PlaceMention[]): PlaceMention[] {
  if (ev.placeSpan) {
    const { start, end, keep } = ev.placeSpan;
    const at = sentenceIndexAt(doc, start);
    const inside = (p: PlaceMention) => p.start >= start && p.start < end;
    // (nor, for the answering event, the clause's place named again elsewhere in its sentence,
    // as the dateline: "KABUL – The army struck camps abroad in reply to a bombing in Kabul")
    const clauseNames = new Set(places.filter((p) => p.sentence === at && inside(p)).map((p) => p.text.toLowerCase()));
    return places.filter((p) => p.sentence !== at || (keep ? inside(p) : !inside(p) && !clauseNames.has(p.text.toLowerCase())));
  }
  if (!ev.placeAfterTrigger) return places;
  const at = sentenceIndexAt(doc, ev.trigger.start);
  const near = (p: PlaceMention) => p.start >= ev.trigger.start && p.start <= ev.trigger.end + TAKEN_PLACE_REACH;
  // (the other sentences' places stay: they tell the article's country)
  return places.some(near) ? places.filter((p) => p.sentence !== at || near(p)) : places;
}

/** A part of an incident retyped from its own sentences (round-up.ts) has its sides read again
 *  for its type, from those sentences: a protest's crowd are Protesters, a riot's Rioters. */
function resides(doc: Doc, articleId: string, actors: ActorMention[], part: Incident, sentences: number[], trigger: { start: number; end: number }): void {
  const who = assignActors(
    doc,
    actors,
    {
      sentences,
      trigger,
      subEventType: part.sub_event_type.value,
      country: part.country?.value ?? null,
      admin1: part.admin1?.value ?? null,
      date: part.event_date?.value ?? null,
    },
    articleId,
  );
  Object.assign(part, who);
}

/** How far after an incident's last sentence its toll is looked for. */
const TOLL_REACH = 4;

/**
 * The sentences after each of `sentences`, up to TOLL_REACH and before any claimed one, nearest
 * first.
 */
function unclaimedAfter(doc: Doc, sentences: number[], claimed: Set<number>): number[] {
  const found = new Map<number, number>();
  for (const s of sentences) {
    for (let k = s + 1; k <= s + TOLL_REACH && k < doc.sentences.length && !claimed.has(k); k++) {
      if (!found.has(k) || found.get(k)! > k - s) found.set(k, k - s);
    }
  }
  return [...found].sort((a, b) => a[1] - b[1] || a[0] - b[0]).map(([k]) => k);
}

/** Evidence for a span of the document. */
export function evidence(article: string, doc: Doc, s: { start: number; end: number }): Evidence {
  return { article, start: s.start, end: s.end, text: doc.text.slice(s.start, s.end) };
}

function typeFields(article: string, doc: Doc, ev: EventCandidate) {
  const trig = [evidence(article, doc, ev.trigger)];
  const sub: Field<EventCandidate['sub_event_type']> = { value: ev.sub_event_type, evidence: trig, rule: ev.rule };
  return {
    sub_event_type: sub,
    // The event and disorder types follow from the sub-event type in ACLED's codebook.
    event_type: { value: SUB_EVENT_TYPES[ev.sub_event_type], evidence: trig, rule: 'codebook:sub-event-type', derived: true },
    disorder_type: { value: ev.disorder_type, evidence: trig, rule: 'codebook:disorder-type', derived: true },
  } satisfies Pick<Incident, 'event_type' | 'sub_event_type' | 'disorder_type'>;
}
