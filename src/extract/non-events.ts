/**
 * Incidents that the event reader found but that are no new incident, judged on the incident
 * as a whole (its type, actors, date and the frame its sentences tell it in). The event reader
 * drops what a sentence's own cues explain (a disaster, a crime, a match report, diplomacy);
 * this stage drops what only the read incident shows:
 *
 * - an old event told in a trial or a commemoration ("sentenced five men for their role in a
 *   2021 bombing", "a memorial for those killed in the 1994 massacre"): the trial or the memorial
 *   is the news, and the event is no new incident;
 * - a change to a group's activity with no actor at all ("relocated the community", "a warning
 *   threatening aid programmes"): ACLED codes strategic developments of conflict actors only,
 *   and one with nobody named is a word, not an event;
 * - in a news article, any agreement or change to a group's activity (see isNewsArticle).
 */
import type { Incident } from '../core/types.js';
import type { Doc } from '../text/doc.js';
import { PERIOD_MONTHS } from './dates.js';

interface Frame {
  id: string;
  re: RegExp;
  reason: string;
}

/** Frames that tell an earlier event as the setting of today's news. */
export const PAST_FRAMES: Frame[] = [
  {
    id: 'trial',
    re: /\b(?:sentenc(?:e|ed|es|ing)|convict(?:ed|ion|s)?|acquitt(?:ed|al)|verdict|upheld|uphold|trial|tried for|indicted|indictment|court|tribunal|hearing|appeal|death penalty|life imprisonment|jailed|imprisoned for)\b/i,
    reason: 'a court case about an attack: the case is the news (ACLED codes no event for it)',
  },
  {
    id: 'commemoration',
    re: /\b(?:commemorat\w*|anniversary|memorial|remembrance|in memory of|memory of the victims|honou?r(?:s|ed|ing)? the (?:memory|victims)|paid (?:tribute|homage)|mourn(?:s|ed)? the victims of)\b/i,
    reason: 'a commemoration of an old massacre or attack: the ceremony is the news',
  },
];

const LATEST_YEAR = new WeakMap<Doc, number>();
/** The latest year a text names, 0 for none (read once per text, not for each incident). */
function latestYear(doc: Doc): number {
  let y = LATEST_YEAR.get(doc);
  if (y === undefined) {
    y = 0;
    for (const m of doc.text.matchAll(/\b(19\d{2}|20\d{2})\b/g)) y = Math.max(y, +m[1]!);
    LATEST_YEAR.set(doc, y);
  }
  return y;
}

/**
 * An old event: dated half a year or more before publication; or, with no day of its own (or in
 * a trial, whose day is the court's), told with a year before the publication's ("an attack on a police station in 2009", "a 2021
 * bombing"). A day of its own near publication keeps it news ("marched on Friday to mark the
 * anniversary of the 2019 uprising").
 */
function isOld(doc: Doc, inc: Incident, published: string | null, trial = false): boolean {
  if (!published) {
    // Undated: the latest year the text names stands for the time of telling ("commemorated the
    // victims of the 1937 massacre … In 2014, parliament set a memorial day").
    const latest = latestYear(doc);
    const trig = inc.sub_event_type.evidence[0];
    const near = trig ? /\b(19\d{2}|20\d{2})\b/.exec(doc.text.slice(Math.max(0, trig.start - 20), Math.min(doc.text.length, trig.end + 40))) : null;
    const y = inc.event_date ? +inc.event_date.value.slice(0, 4) : near ? +near[1]! : NaN;
    return latest > 0 && y < latest;
  }
  const pub = Date.parse(`${published.slice(0, 10)}T00:00:00Z`);
  const pubYear = new Date(pub).getUTCFullYear();
  const before = (s: string) => [...s.matchAll(/\b(19\d{2}|20\d{2})\b/g)].some((m) => +m[1]! < pubYear);
  // a year on the event word itself dates it, whatever day the sentence gives the trial
  const trig = inc.sub_event_type.evidence[0];
  if (trig && before(doc.text.slice(Math.max(0, trig.start - 20), Math.min(doc.text.length, trig.end + 40)))) return true;
  // In a trial the day is the court's ("on Friday upheld the sentence for an attack in 2011"):
  // an earlier year told with it dates the attack.
  if (trial && inc.evidence.some((e) => before(e.text))) return true;
  const ownDay = inc.event_date && inc.event_date.rule !== 'date:publication' && !/reporting-day/.test(inc.event_date.rule);
  if (ownDay) return pub - Date.parse(`${inc.event_date!.value}T00:00:00Z`) > 180 * 86400000;
  return inc.evidence.some((e) => before(e.text));
}

/** Strategic developments read from a word alone ("relocated", "threatening", "declared"): with
 *  nobody named they are no event. (A defused bomb or a seized base is an event with its actor
 *  unnamed: CASE 2021 codes those.) */
const VAGUE_STRATEGIC = new Set(['Change to group/activity', 'Other', 'Agreement']);

/**
 * A news article: dated, and told over several paragraphs (not a one-paragraph note or snippet).
 * In one, a strategic development read from words ('signed an agreement', 'was set up in 2019',
 * 'deployed drones to track') is the diplomacy, policy or background that item 5 of the news
 * issue lists as no incident; ACLED's one-paragraph notes code them, and there they are kept.
 */
const NEWS_PARAGRAPHS = 3;
/** A dated text of this many sentences is a story, not a one-line snippet or note. */
const NEWS_SENTENCES = 4;
function isNewsArticle(doc: Doc, published: string | null): boolean {
  return published !== null && doc.paragraphs.length >= NEWS_PARAGRAPHS;
}

/**
 * Statistics over a period told as one sentence ("August saw more attacks than any month
 * so far …", "In November 2024, there were 125 attacks …", "have killed at least 98 civilians …
 * since December 2021"): a count of many events, not an event. Read on the incident's first
 * sentence, and only where no day of its own dates it (a report of one attack may add "the 12th
 * attack this year" to its story).
 */
export const AGGREGATE_CUES: Frame[] = [
  {
    id: 'count-of-events',
    re: /\b(?:(?:number|tally|total|count) of (?:[\w-]+ ){0,2}(?:attacks|incidents|strikes|deaths|fatalities|killings)|\d{2,}[\d,]* (?:(?:suicide|terrorist|militant|insurgent|separate|major|violent|deadly|armed|drone|reported|recorded) ){0,2}(?:attacks|incidents)|(?:attacks|fatalities|incidents) \(\d|\bthere (?:were|have been) (?:[\w-]+ ){0,3}(?:attacks|incidents)\b)/i,
    reason: 'a count of attacks or deaths over a period is a statistic (the figures of a think tank or a ministry), not an incident',
  },
  {
    id: 'since',
    re: new RegExp(`\\bsince (?:the (?:start|beginning) of |early |late |mid-?)?(?:${PERIOD_MONTHS}|(?:19|20)\\d{2}\\b|last (?:year|month))|\\b(?:which|that) began in (?:${PERIOD_MONTHS}|(?:19|20)\\d{2})|\\bin the first (?:\\w+ )?months\\b|\\bso far this (?:year|month)\\b`),
    reason: 'deaths counted since a past month or year ("have killed 107 civilians since December 2021") add up a campaign, not one incident',
  },
];

/**
 * Violence told as a habit of the war ("civilians have lost their lives to frequent air strikes",
 * "the repeated shelling of the city"): read on the incident's first sentence, and only where no day of
 * its own dates it (a dated strike may add "amid near-daily attacks" to its story).
 */
export const HABIT_CUES: Frame[] = [
  {
    id: 'habit',
    re: /\b(?:frequent|repeated|regular|daily|nightly|constant|incessant|relentless|near-daily|persistent)\s+(?:[\w-]+\s+){0,2}(?:air ?strikes|airstrikes|attacks|shelling|bombardments?|bombings|raids|strikes)\b/i,
    reason: 'frequent or repeated strikes are many events told as one habit of the war, not one incident an analyst could code',
  },
];

/**
 * No day of its own: dated from the publication, the reporting day, a day carried over from an
 * earlier sentence (dates.ts's ':earlier-in-…' rules: the sentence names no day, the reader lent
 * it the last one told), or to the month at best.
 */
function withoutOwnDay(inc: Incident): boolean {
  const d = inc.event_date;
  return !d || d.rule === 'date:publication' || /reporting-day|:earlier-in-/.test(d.rule) || (inc.time_precision?.value ?? 3) >= 3;
}

/** Placed at a province, a district or a town (or at coordinates read from one), not only in a country. */
function placedBelowCountry(inc: Incident): boolean {
  return !!inc.admin1?.value || !!inc.admin2?.value || !!inc.location?.value || (inc.geo_precision?.value ?? 3) < 3;
}

/** Why this incident is no new incident, or null. */
export function whyNoIncident(doc: Doc, inc: Incident, published: string | null): string | null {
  if (VAGUE_STRATEGIC.has(inc.sub_event_type.value) && !inc.actor1 && !inc.actor2) return 'non-event:strategic-without-actor';
  if (VAGUE_STRATEGIC.has(inc.sub_event_type.value) && isNewsArticle(doc, published)) return 'non-event:strategic-in-news';
  const first = inc.evidence[0]?.text ?? '';
  if (published && withoutOwnDay(inc)) for (const f of AGGREGATE_CUES) if (f.re.test(first)) return `non-event:aggregate-${f.id}`;
  if (withoutOwnDay(inc)) for (const f of HABIT_CUES) if (f.re.test(first)) return `non-event:${f.id}`;
  // Known to the month and the country only ("increased attacks across the country after August
  // 2021", "the invasion it launched in February 2022"): a trend of the war told as background, not
  // an incident an analyst could code (ACLED's background incidents have a place).
  // So is violence told with neither a place below the country nor a day of its own ("forces keep
  // firing artillery at towns across the country"): what the text says of the war in general, not
  // one event.
  if (isNewsArticle(doc, published) && withoutOwnDay(inc) && !inc.admin1?.value) return 'non-event:trend-without-place';
  // Even with a day of its own, violence the news places in no province, district or town ("jets
  // hit rebel depots in two neighbouring countries on Monday", "forces killed five fighters in the
  // country on Sunday") is no incident an analyst could code: ACLED codes every event at a named location, at
  // worst its province (geo precision 3). What the text says at country level is a summary of the
  // war, a campaign over several places, or a place the reader could not find.
  // (A dated story of several sentences is news even when published as one paragraph.)
  if (published !== null && doc.sentences.length >= NEWS_SENTENCES && !placedBelowCountry(inc)) return 'non-event:no-place-below-country';
  const told = inc.evidence.map((e) => e.text).join(' ');
  for (const f of PAST_FRAMES) if (f.re.test(told) && isOld(doc, inc, published, f.id === 'trial')) return `non-event:${f.id}`;
  return null;
}
