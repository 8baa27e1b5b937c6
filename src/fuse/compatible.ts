/**
 * When two reports, from two different articles, can describe one real event: their date, place,
 * type and actors must all be compatible. Each test is conservative: two distinct events wrongly
 * merged lose an incident for good, while two reports of one event left apart still show both.
 */
import type { ReportIncident } from '../core/report.js';

/** The flat fields fusion reads. */
export type Flat = Pick<
  ReportIncident,
  | 'event_date'
  | 'time_precision'
  | 'event_type'
  | 'sub_event_type'
  | 'actor1'
  | 'actor2'
  | 'country'
  | 'admin1'
  | 'admin2'
  | 'location'
  | 'latitude'
  | 'longitude'
  | 'geo_precision'
  | 'fatalities'
  | 'evidence'
  | 'trace'
>;

const DAY = 86_400_000;
/** Two differently named places this close are one place under two names. */
const SAME_PLACE_KM = 5;

/** Days of tolerance by ACLED time precision: 1 exact day, 2 within a week, 3 within a month. */
export const DATE_TOLERANCE: Record<number, number> = { 1: 1, 2: 7, 3: 31 };
/**
 * How far apart two exact days may be when a text does not state its day but reads it from a
 * weekday or "yesterday" against its publication (compatible.ts `statedDay`): one outlet dates an
 * attack by the night it began, another by the day the bodies were recovered or the toll was
 * given ("on Sunday", two days on). Such pairs are not vetoed; the fitted score weighs the gap.
 */
export const UNSTATED_REACH = 3;

const dayCache = new Map<string, number | null>();

export function dayNumber(date: string | null): number | null {
  if (!date) return null;
  let d = dayCache.get(date);
  if (d === undefined) {
    const t = Date.parse(date.slice(0, 10) + 'T00:00:00Z');
    d = Number.isNaN(t) ? null : Math.round(t / DAY);
    if (dayCache.size > 100_000) dayCache.clear();
    dayCache.set(date, d);
  }
  return d;
}

/** Lower case, no accents or punctuation, as the scorer compares names. */
const foldCache = new Map<string, string>();

export function fold(s: string | null | undefined): string {
  if (!s) return '';
  let f = foldCache.get(s);
  if (f === undefined) {
    f = s
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/['’‘`´ʼ]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    // Pairwise comparison folds the same few names again and again.
    if (foldCache.size > 100_000) foldCache.clear();
    foldCache.set(s, f);
  }
  return f;
}

// "Kech District" and "Kech" are one place: the scorer drops the same administrative words.
const ADMIN_WORDS = new Set(['district', 'province', 'governorate', 'state', 'region', 'division', 'city', 'town', 'village', 'county', 'municipality', 'prefecture', 'tehsil', 'agency']);

const normCache = new Map<string, string>();

export function normPlace(s: string | null | undefined): string {
  if (!s) return '';
  let out = normCache.get(s);
  if (out === undefined) {
    const f = fold(s);
    const kept = f
      .split(' ')
      .filter((w) => !ADMIN_WORDS.has(w))
      .join(' ');
    out = kept || f;
    // Fusion compares the same few names again and again.
    if (normCache.size > 100_000) normCache.clear();
    normCache.set(s, out);
  }
  return out;
}

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const R = 6371.0088;
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Sub-event types that outlets give one event, each group with its reason. Two reports of one
 * event otherwise share the sub-event type: ACLED codes one event per type, place and day, so
 * two types on one day in one town are two events.
 */
const CONFUSABLE_GROUPS: Array<{ subs: string[]; reason: string }> = [
  { subs: ['Armed clash', 'Attack'], reason: '"gunmen attacked a checkpoint": an attack in an early report, a clash once the police are said to have fired back' },
  { subs: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'], reason: 'the fighting for a town and its capture are reported as one event' },
  { subs: ['Remote explosive/landmine/IED', 'Suicide bomb', 'Grenade'], reason: '"a bomb went off": later reports say it was a suicide bomber or a thrown grenade' },
  { subs: ['Air/drone strike', 'Shelling/artillery/missile attack'], reason: '"strikes hit the village": aircraft in one report, artillery or missiles in another' },
  { subs: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters', 'Violent demonstration'], reason: 'a protest that police broke up, or that turned violent, is peaceful in the first report' },
  { subs: ['Violent demonstration', 'Mob violence'], reason: 'a riot by a crowd with or without a stated cause' },
];
export const CONFUSABLE = new Set(CONFUSABLE_GROUPS.flatMap(({ subs }) => subs.flatMap((a) => subs.map((b) => `${a}|${b}`))));

/**
 * Actors that say nothing about who acted: an unidentified group, or the victims' category. Two
 * reports that differ only in such names can be one event ("gunmen" in the first report, "TTP"
 * once it claimed the attack).
 */
export const GENERIC_ACTOR = /^(unidentified|unknown)\b|^(civilians|protesters|rioters|labou?r group|students?)\b/i;

export function actorSet(r: Flat): string[] {
  const out: string[] = [];
  for (const a of [r.actor1, r.actor2]) {
    if (!a || GENERIC_ACTOR.test(a)) continue;
    out.push(fold(a));
  }
  return out;
}

export function statedSet(r: Flat): string[] {
  return [stated(r, 'actor1'), stated(r, 'actor2')].filter((x): x is string => x !== null);
}

/** A named actor in a form fit to compare, or null for a generic one (which fits any). */
function named(a: string | null): string | null {
  return !a || GENERIC_ACTOR.test(a) ? null : fold(a);
}

/**
 * An actor the text names, as `named` gives it; null also when the extractor inferred it
 * (trace `derived`: "warplanes" taken for the country's air force, "gunmen" for a group active
 * there): an inference may differ between two reports of one event without contradicting.
 */
function stated(r: Flat, field: 'actor1' | 'actor2'): string | null {
  return r.trace[field]?.derived ? null : named(r[field]);
}

/** Two named actors in one role that are not one actor. */
function clash(x: string | null, y: string | null): boolean {
  return x !== null && y !== null && x !== y;
}

/** Battles have no perpetrator: which side a report names first is the outlet's choice. */
const TWO_SIDED = new Set(['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory']);

/**
 * The kinds of state force a report has in its events, where its words say which: the police
 * ("policemen", "a police check post"), the army ("soldiers", "troops", "commandos") or a
 * pro-government militia ("Arbakis", "uprising militiamen"). "Security forces", "security
 * personnel" and plain "forces" say no kind: the news uses them for the police and the army alike.
 */
const MILITARY_WORDS = /\b(?:soldiers?|troops?|troopers?|army|military|commandos?|marines|paratroopers|servicem[ae]n|air ?force|navy|naval)\b/i;
const forceCache = new WeakMap<object, string[]>();

export function forceKinds(r: Flat): string[] {
  let out = forceCache.get(r);
  if (out) return out;
  const kinds = new Set<string>();
  for (const f of ['actor1', 'actor2'] as const) {
    const name = r[f];
    if (!name) continue;
    if (/^Police Forces\b/.test(name)) kinds.add('police');
    else if (/^Militia \(Pro-Government\)|\bEthnic Militia\b|^Uprising\b/.test(name)) kinds.add('militia');
    else if (/^Military Forces\b/.test(name) && (r.trace[f]?.evidence ?? []).some((e) => MILITARY_WORDS.test(e.text))) kinds.add('military');
  }
  out = [...kinds];
  forceCache.set(r, out);
  return out;
}

/**
 * Two reports whose state forces are each of a known kind, and of no kind in common: the police
 * in one, the army in the other ("Taliban attacked a police check post" and "Taliban ambushed
 * soldiers" in one district on one day are two attacks). One event's reports may call the same
 * men "soldiers" and "security personnel", but not "soldiers" and "policemen".
 */
export function forcesDiffer(a: Flat, b: Flat): boolean {
  const x = forceKinds(a);
  const y = forceKinds(b);
  return x.length > 0 && y.length > 0 && !x.some((k) => y.includes(k));
}

/**
 * Whether the report's date is a calendar date its own event sentences state ("On 14 March
 * 2020", "on May 2"): not read from a weekday or "yesterday" against the publication, nor
 * approximate, nor taken from an earlier sentence. Two reports that each state the day, and not
 * the same one, tell of two events (a weekly protest, the next day's attack); a day read from
 * "on Saturday" may be the reporting day and is no such evidence.
 */
const STATED_DATE = new Set(['date:day-month-year', 'date:month-day-year', 'date:day-month', 'date:month-day']);

export function statedDay(r: Flat): boolean {
  const t = r.trace.event_date;
  return r.time_precision === 1 && !!t && !t.derived && STATED_DATE.has(t.rule);
}

/**
 * Whether the report's exact day is a calendar date the article gives, in its event sentences or
 * earlier ("On Jan. 8, Coalition forces conducted 34 strikes … Near Mosul, four strikes …"), as
 * opposed to one read from a weekday, "yesterday" or the publication, which may be off by the
 * days between an event and its telling (UNSTATED_REACH). A calendar date given as the day of the
 * report ("reporting-day") is not the event's.
 */
export function calendarDay(r: Flat): boolean {
  const t = r.trace.event_date;
  if (r.time_precision !== 1 || !t) return false;
  const [base, ...rest] = t.rule.split(':');
  return (STATED_DATE.has(`${base}:${rest[0]}`) || t.rule === 'date:iso') && !rest.includes('reporting-day');
}

/**
 * Whether the actors contradict: in some role both reports name an actor and they differ ("TTP
 * attacked" against "BLA attacked"), in both orders for a battle. A generic actor fits any.
 */
export function actorsContradict(a: Flat, b: Flat): boolean {
  const a1 = stated(a, 'actor1');
  const a2 = stated(a, 'actor2');
  const b1 = stated(b, 'actor1');
  const b2 = stated(b, 'actor2');
  if (!clash(a1, b1) && !clash(a2, b2)) return false;
  const swappable = TWO_SIDED.has(a.sub_event_type) || TWO_SIDED.has(b.sub_event_type);
  return !swappable || clash(a1, b2) || clash(a2, b1);
}

/**
 * Place names the report's own sentences give after "in", "at", "near" or "outside" (also "in the
 * area of", "near the village of"), or as the target of a strike, a raid or a blockade
 * ("shelled Kansafra", "stormed Dhirwah", "blocked the Ring Road"), that the resolved place does not cover: "shelled Kafr Nabl" resolved to the
 * district, "in the Seydabad area of Nahri Saraj" resolved to Nahri Saraj. Two reports that each
 * name such a place, and not the same one, are about two places, whatever the resolution made of
 * them.
 */
const PLACE_AFTER = /\b(?:in|at|near|outside|shelled|bombed|pounded|struck|raided|stormed|captured|seized|blocked)\s+(?:the\s+)?(?:(?:area|vicinity|outskirts|village|town|city|district|neighbou?rhood)\s+of\s+)?(\p{Lu}[\p{L}'’-]*\p{L}(?![-\d])(?:\s+(?:\p{Lu}[\p{L}'’-]*\p{L}(?![-\d])|(?:al|el|de|del|da|do|dos|di|ar|as|an|ad|ash|bin|ibn|e)(?:-[\p{L}'’-]*\p{L}|(?=\s+\p{Lu}))))*)/gu;
const NOT_PLACES = new Set(
  ('january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday ' +
    // "fighting in English", "a statement in Arabic": languages are no places.
    'english arabic french spanish portuguese russian ukrainian urdu pashto dari persian farsi kurdish turkish hindi somali swahili amharic hausa').split(' '),
);
const namedCache = new WeakMap<object, string[]>();

/** The report's resolved place names, normalised: town, provinces, country. */
function resolvedPlaces(r: Flat): string[] {
  return [r.location, r.admin1, r.admin2, r.country].map(normPlace).filter(Boolean);
}

function namedPlaces(r: Flat): string[] {
  let out = namedCache.get(r);
  if (out) return out;
  const resolved = resolvedPlaces(r);
  const resolvedWords = new Set(resolved.flatMap((p) => p.split(' ')));
  const actors = `${fold(r.actor1)} ${fold(r.actor2)}`;
  const seen = new Set<string>();
  for (const e of r.evidence) {
    for (const m of e.text.matchAll(PLACE_AFTER)) {
      const words = normPlace(m[1]!).split(' ').filter((w) => !NOT_PLACES.has(w));
      const name = words.join(' ');
      // "struck Taliban positions", "stormed Houthi posts": the target is an actor, not a place.
      if (words.some((w) => w.length >= 4 && actors.includes(w))) continue;
      // Resolved names, parts of them, or longer forms of them say nothing more ("in Tijuana
      // Baja California", "in Leon de los Aldama" resolved to Leon).
      if (!name || words.every((w) => resolvedWords.has(w)) || resolved.some((x) => ` ${x} `.includes(` ${name} `) || ` ${name} `.includes(` ${x} `))) continue;
      seen.add(name);
    }
  }
  out = [...seen];
  namedCache.set(r, out);
  return out;
}

/**
 * Whether two reports name different sub-places: each names one the other does not (a shared
 * region does not make "shelled Sfuhen in Jabal al-Zawiya" and "shelled Ftireh in Jabal
 * al-Zawiya" one place); or one
 * names a sub-place its resolution missed ("in the area of Azov", resolved to the province) and
 * the other is placed at another town (geo precision 1) that is neither that name nor the first
 * report's resolved place.
 */
export function namesDiffer(a: Flat, b: Flat): boolean {
  const na = namedPlaces(a);
  const nb = namedPlaces(b);
  if (na.length === 0 && nb.length === 0) return false;
  // The resolved places of the other report count as named too ("Sariab" against a report resolved to Sariab).
  const ra = [b.location, b.admin2].map(normPlace).filter(Boolean);
  const rb = [a.location, a.admin2].map(normPlace).filter(Boolean);
  const meets = (x: string, ys: string[]) => ys.some((y) => x === y || ` ${x} `.includes(` ${y} `) || ` ${y} `.includes(` ${x} `));
  if (na.length === 0 || nb.length === 0) {
    const [n, town, own] = na.length > 0 ? [na, b, rb] : [nb, a, ra];
    if (town.geo_precision !== 1 || !town.location) return false;
    const t = normPlace(town.location);
    return !meets(t, n) && !meets(t, own);
  }
  return na.some((x) => !meets(x, nb) && !meets(x, ra)) && nb.some((y) => !meets(y, na) && !meets(y, rb));
}

/**
 * Evidence overlap. Two reports of one event share the words that make it that event (who
 * protested and over what, the target, the weapon, the toll), whatever else differs in the
 * wording; two events of one type in one town on one day share only the words of the type
 * ("protested", "demanding", "police said"). The words compared are the content words of the
 * report's event sentences, cut to their first five letters (a crude stem: "salaries" and
 * "salary", "demonstrated" and "demonstration" meet), and its numbers, without the words every
 * report of the type uses, the date, and the names of the places the report resolved (already
 * compared above).
 */
const STEM = 5;
const COMMON = new Set(
  [
    // function words
    'a about above after again against all also among an and another any are around as at away back be been before being below between both but by can could did do does during each either even ever few for from further had has have having he her here hers him his how however i if in into is it its itself just least less many may me more most much must my near neither no nor not now of off on once one only onto or other others our out outside over own per same she should since so some still such than that the their them then there these they this those though through thus to too toward towards under until up upon us very via was we were what when where whether which while who whom whose why will with within without would yet you your',
    // reporting
    'said says say saying told according reported reportedly report reports claimed claims claim added confirmed stated statement announced sources source official officials spokesman spokesperson spokeswoman local media news agency quoted citing cited alleged allegedly approximately nearly over some several various number numbers least',
    // time
    'today yesterday tomorrow morning afternoon evening night day days week weeks month months year years hour hours earlier later recent recently late early time times ago',
    'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday',
    // the event types themselves: every report of a type says them
    'protest protests protested protesting protester protesters demonstration demonstrations demonstrated demonstrating demonstrator demonstrators rally rallies rallied gathered gathering march marched marching demanding demand demands denounce denounced staged held',
    'attack attacks attacked attacking attacker attackers killed killing kill kills dead death deaths died die injured injuring injuries wounded wounding wounds fatalities fatality casualties victim victims people person persons',
    'clash clashes clashed fighting fought fight forces force security armed group groups militants militant gunmen unidentified unknown men man area areas district province town city village region country government',
    'police army military soldiers troops civilians civilian residents members incident happened took place occurred carried no',
    // air strikes, and what strikes do to buildings: every report of the type says them (the weapon,
    // "a roadside bomb", "a blast", still tells one bombing from another event)
    'strike strikes struck striking airstrike airstrikes destroyed destroying damaged damaging',
  ]
    .join(' ')
    .split(/\s+/),
);
const NUMBER_WORDS: Record<string, string> = { two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10', eleven: '11', twelve: '12', dozen: '12', fifteen: '15', twenty: '20', thirty: '30', forty: '40', fifty: '50', hundred: '100', thousand: '1000' };
/** Dates and years, taken out before the words: "9 May 2020" is compared as the date, not as words. */
const DATE_TEXT = /\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b|\b(?:19|20)\d\d\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/gi;
const wordsCache = new WeakMap<object, Set<string>>();

/**
 * A word without its commonest English endings ("bombing", "bombed", "bombs" → "bomb";
 * "Tuesday's" folded to "tuesdays" → "tuesday"), before it is cut to STEM letters.
 */
function stemOf(w: string): string {
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

export function evidenceWords(r: Flat): Set<string> {
  let out = wordsCache.get(r);
  if (out) return out;
  out = new Set<string>();
  const placeWords = new Set(resolvedPlaces(r).flatMap((p) => p.split(' ')));
  const seen = new Set<string>();
  for (const e of r.evidence) {
    // One sentence can be the evidence of several fields: read it once.
    if (seen.has(e.text)) continue;
    seen.add(e.text);
    // As `fold`, without its cache (sentences are many and seldom folded twice).
    let t = e.text.replace(DATE_TEXT, ' ');
    if (/[^\x00-\x7f]/.test(t)) t = t.normalize('NFD').replace(/\p{M}+/gu, '').replace(/['’‘`´ʼ]/g, '');
    t = t.toLowerCase().replace(/'/g, '');
    // Plain ASCII (most news in English) splits without Unicode classes, several times faster.
    for (const raw of /[^\x00-\x7f]/.test(t) ? t.split(/[^\p{L}\p{N}]+/u) : t.split(/[^a-z0-9]+/)) {
      if (!raw) continue;
      if (/^\d+$/.test(raw)) {
        out.add(raw);
        continue;
      }
      const n = NUMBER_WORDS[raw];
      if (n) {
        out.add(n);
        continue;
      }
      if (raw.length < 3 || COMMON.has(raw) || placeWords.has(raw) || /\d/.test(raw)) continue;
      const stem = stemOf(raw);
      if (COMMON.has(stem)) continue;
      out.add(stem.slice(0, STEM));
    }
  }
  wordsCache.set(r, out);
  return out;
}

/**
 * What a dated note states that another telling of its event would repeat: its figures (numbers
 * and number words, dates aside) and its names (capitalised words inside a sentence: people,
 * units, villages, groups). A dated note (a brief, articles.ts `isNote`, that gives its event's
 * calendar day: "On 6 May 2020, women staged a protest in …", the way an agency's or a
 * database's notes are written) is a record of one event, complete in a few sentences, so two
 * notes of one event state the same figures and names; two that differ in one ("42 fighters
 * surrendered" / "more than 40"; "including Kaidupur" / "including Thuhi"; a toll of 5 / of 4 of
 * a toll split over several places) are two events, or two accounts too far apart to merge
 * without an analyst (the desk still lists them as candidates). A news flash dated by a weekday
 * ("late on Sunday"), and its follow-up ("the toll rose to 21"), are left to the other rules.
 */
const briefCache = new WeakMap<object, { figures: Set<string>; names: Set<string>; lead: Set<string> }>();
const NOT_NAMES = new Set('january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(' '));

/**
 * A brief's figures and names, and the names of its lead (its first sentence among the evidence,
 * which says where the event was: "clashes on the Saraqab front …; during the clashes on the
 * Maaret Alia and Saraqab fronts …" leads with Saraqab).
 */
export function briefFacts(r: Flat): { figures: Set<string>; names: Set<string>; lead: Set<string> } {
  let out = briefCache.get(r);
  if (out) return out;
  out = { figures: new Set<string>(), names: new Set<string>(), lead: new Set<string>() };
  const seen = new Set<string>();
  const sentences = [...r.evidence].sort((x, y) => x.start - y.start);
  for (const e of sentences) {
    if (seen.has(e.text)) continue;
    const isLead = seen.size === 0;
    seen.add(e.text);
    const t = e.text.replace(DATE_TEXT, ' ');
    for (const m of t.matchAll(/\b\d+(?:[.,]\d+)?\b/g)) out.figures.add(m[0].replace(',', ''));
    for (const m of t.toLowerCase().matchAll(/\p{L}+/gu)) {
      const n = NUMBER_WORDS[m[0]];
      if (n) out.figures.add(n);
    }
    // Capitalised words not opening a sentence (nor after a colon or an opening bracket).
    for (const m of t.matchAll(/(?<=[\p{L}\p{N},;'’)]\s+|\s\(|-)(\p{Lu}[\p{L}'’]*)/gu)) {
      const w = fold(m[1]);
      if (!w || NOT_NAMES.has(w)) continue;
      out.names.add(w);
      if (isLead) out.lead.add(w);
    }
  }
  briefCache.set(r, out);
  return out;
}

function sameSet(x: Set<string>, y: Set<string>): boolean {
  if (x.size !== y.size) return false;
  for (const v of x) if (!y.has(v)) return false;
  return true;
}

/**
 * Whether a report is dated by a calendar date its text gives ("On 6 May 2020, …", "Around 8 May
 * 2020 (as reported), …", "As reported on 1 March 2020, …"), exact or approximate, rather than
 * read from a weekday or "yesterday" against the publication. Of a brief, that makes it a dated
 * note (briefFacts).
 */
export function datedNote(r: Flat): boolean {
  const t = r.trace.event_date;
  return !!t && !t.derived && /^date:(?:day-month-year|month-day-year|day-month|month-day|iso)(?::|$)/.test(t.rule);
}

/**
 * Two briefs of one event tell it in mostly the same words (their content words, weighted by
 * rarity): "traders protested for the market's reopening" and "transgender women protested for
 * help" in one city on one day share the city and the type, not the telling.
 */
const BRIEF_JACCARD = 0.5;

/**
 * Whether two briefs state the same figures and names, lead with the same names, give the same
 * toll when both give one, and tell the event in mostly the same words.
 */
export function briefsAgree(a: Flat, b: Flat, weights: WordWeights = FLAT): boolean {
  if (a.fatalities != null && b.fatalities != null && a.fatalities !== b.fatalities) return false;
  const x = briefFacts(a);
  const y = briefFacts(b);
  if (!sameSet(x.figures, y.figures) || !sameSet(x.names, y.names) || !sameSet(x.lead, y.lead)) return false;
  const o = evidenceOverlap(a, b, weights, 0);
  return o === null || o.jaccard >= BRIEF_JACCARD;
}

/** Fewer distinct content words than this, and a text says too little to compare. */
const SPECIFIC_WORDS = 5;
/**
 * Two texts of this many content words each that share less than MIN_JACCARD are of two events.
 * Shorter texts (one sentence from each outlet: "a roadside bomb struck a police van" against
 * "the toll from the bombing rose to five") can share too few words by chance of the wording.
 */
const VETO_WORDS = 6;
const MIN_JACCARD = 0.12;
/** Enough shared to count as something specific in common, like a shared town or toll. */
const STRONG_SHARED = 4;
const STRONG_JACCARD = 0.2;

/**
 * How rare each evidence word is among a set of reports (the reports fused together, one
 * country's): a word most of them use ("lockdown" in spring 2020, "Taliban" in Afghanistan)
 * says little about which event a report is of.
 */
export interface WordWeights {
  /** The weight of `word` used by `own` (1 or 2) of the two reports compared: its rarity among the others. */
  weight(word: string, own: number): number;
  /** How many reports other than the `own` (1 or 2) compared use `word`. */
  others(word: string, own: number): number;
  /** The reports counted. */
  size: number;
}

export function wordWeights(reports: Flat[]): WordWeights {
  const df = new Map<string, number>();
  for (const r of reports) {
    for (const w of evidenceWords(r)) df.set(w, (df.get(w) ?? 0) + 1);
    // Named actors too, as ACTOR_TOKEN keys (no evidence word starts so): how many reports of the
    // block name each (score.ts `rare_actor`).
    for (const a of new Set(actorSet(r))) df.set(actorToken(a), (df.get(actorToken(a)) ?? 0) + 1);
  }
  const n = reports.length;
  // Counted outside the pair compared, so a shared word is not made commoner by being shared.
  const logs = Array.from({ length: n + 1 }, (_, k) => Math.log((n + 1) / (k + 1)));
  return { weight: (w, own) => logs[Math.max(0, (df.get(w) ?? own) - own)] ?? 0, others: (w, own) => Math.max(0, (df.get(w) ?? own) - own), size: n };
}

/**
 * The key under which `wordWeights` counts the reports that name an actor (folded): evidence
 * words are letters and digits only, so the '@' keeps the two apart.
 */
export function actorToken(folded: string): string {
  return `@${folded}`;
}

const FLAT: WordWeights = { weight: () => 1, others: () => 0, size: 0 };

/**
 * A shared word that at most this many other reports of the block use is one the two share
 * nearly alone: "meadow" and "tourists" of one attack, not "Taliban" or "lockdown" of them all.
 * One other, for the third outlet that reported the same event.
 */
const RARE_OTHERS = 1;
/**
 * Fewer reports than this, and a word few others use says nothing of its rarity: among the six
 * reports of a country in a week, "coalition" and "warplanes" are used by two by chance.
 */
export const RARE_BLOCK = 10;

/**
 * How much two reports' evidence shares: null when either says too little to tell; else the
 * shared words, those of them that at most a quarter of the other reports use (not the words of
 * the war or the season: "Taliban", "lockdown"), those that few other reports use, and the
 * weighted Jaccard index (each word weighted by its rarity, all alike
 * without weights).
 */
export function evidenceOverlap(a: Flat, b: Flat, weights: WordWeights = FLAT, minWords = SPECIFIC_WORDS): { shared: number; distinct: number; rare: number; jaccard: number } | null {
  const wa = evidenceWords(a);
  const wb = evidenceWords(b);
  if (wa.size < minWords || wb.size < minWords || wa.size + wb.size === 0) return null;
  let shared = 0;
  let distinct = 0;
  let rare = 0;
  let both = 0;
  let all = 0;
  for (const w of wa) {
    const inB = wb.has(w);
    const x = weights.weight(w, inB ? 2 : 1);
    all += x;
    if (inB) {
      shared++;
      const others = weights.others(w, 2);
      if (others <= (weights.size - 2) / 4) distinct++;
      if (weights.size >= RARE_BLOCK && others <= RARE_OTHERS) rare++;
      both += x;
    }
  }
  for (const w of wb) if (!wa.has(w)) all += weights.weight(w, 1);
  return { shared, distinct, rare, jaccard: all > 0 ? both / all : 0 };
}

export interface Compatibility {
  ok: boolean;
  /** Higher = more alike (for choosing among compatible clusters). */
  score: number;
  /** Why not; or, when ok, the rule that accepted them. */
  why?: string;
}

const NO = (why: string): Compatibility => ({ ok: false, score: 0, why });

/** Whether two reports (of different articles) can be one event, and how alike they are. */
export function compatible(a: Flat, b: Flat, weights: WordWeights = FLAT, briefs = false): Compatibility {
  let score = 0;
  // Date: within the tolerance of the less precise of the two.
  const da = dayNumber(a.event_date);
  const db = dayNumber(b.event_date);
  if (da === null || db === null) return NO('date unknown');
  const tol = Math.max(DATE_TOLERANCE[a.time_precision ?? 1] ?? 1, DATE_TOLERANCE[b.time_precision ?? 1] ?? 1);
  const gap = Math.abs(da - db);
  if (gap > tol) return NO('dates too far apart');
  score += gap === 0 ? 2 : 0;
  if (briefs && datedNote(a) && datedNote(b) && !briefsAgree(a, b, weights)) return NO('two dated notes that state different figures or names, or tell it in other words');

  // Place: the same country, then the same admin1 or close coordinates; two named towns far apart
  // are two events.
  if (!a.country || !b.country || fold(a.country) !== fold(b.country)) return NO('countries differ or unknown');
  const haveCoords = a.latitude != null && a.longitude != null && b.latitude != null && b.longitude != null;
  if (haveCoords) {
    const km = haversineKm(a.latitude!, a.longitude!, b.latitude!, b.longitude!);
    const bothPrecise = (a.geo_precision ?? 3) <= 2 && (b.geo_precision ?? 3) <= 2;
    // Both placed within a town or its surroundings: 50 km apart is already another place.
    if (bothPrecise && km > 50) return NO('places far apart');
    if (km <= 25) score += 1;
  }
  if (a.admin1 && b.admin1) {
    if (normPlace(a.admin1) !== normPlace(b.admin1)) return NO('admin1 differs');
    score += 1;
  }
  let townInDistrict = false;
  if (a.location && b.location) {
    if (normPlace(a.location) === normPlace(b.location)) score += 2;
    // A town and the district or province it lies in ("in Kech district" and "in Turbat, Kech
    // district") can be one place, reported with less precision by one outlet.
    else if (within(a, b) || within(b, a)) townInDistrict = true;
    // Two towns named are two places (ACLED: one event per location and day), unless the
    // coordinates show one place under two names ("Sariab Road" and "Quetta").
    else if (!haveCoords || haversineKm(a.latitude!, a.longitude!, b.latitude!, b.longitude!) > SAME_PLACE_KM) return NO('different towns');
  }

  if (namesDiffer(a, b)) return NO('the texts name different places');

  // Type: the same sub-event type, or two that outlets confuse for one event.
  if (a.sub_event_type === b.sub_event_type) score += 2;
  else if (CONFUSABLE.has(`${a.sub_event_type}|${b.sub_event_type}`)) score += 1;
  else return NO('event types differ');

  // Actors: in no role two different named actors; named on both sides, they must share one.
  if (actorsContradict(a, b)) return NO('actors differ');
  const aa = actorSet(a);
  const bb = actorSet(b);
  let sharedActor = false;
  if (aa.length > 0 && bb.length > 0) {
    const shared = aa.filter((x) => bb.includes(x)).length;
    // Only actors the texts name must meet: inferred ones may differ (see `stated`).
    if (shared === 0 && statedSet(a).length > 0 && statedSet(b).length > 0) return NO('actors differ');
    sharedActor = shared > 0;
    score += shared;
  }

  // Tolls: two counts of one event differ (tolls rise as the wounded die), but not tenfold.
  const fa = a.fatalities ?? 0;
  const fb = b.fatalities ?? 0;
  if (fa > 0 && fb > 0 && Math.max(fa, fb) > 3 * Math.min(fa, fb) + 5) return NO('tolls too far apart');

  // The words of the event sentences: when both texts say enough to compare, two reports of one
  // event share some of what made it that event; two that share none of it are two events of one
  // kind (two protests in one city on one day by different groups over different causes).
  // Not when the two already agree on the town and on a named actor: a follow-up may tell the
  // event only by its new toll ("the death toll from Tuesday's bombing in Quetta rose to five"),
  // sharing few words with the first report, while the town and the police it hit say enough.
  // Generic actors (protesters, civilians, unidentified gunmen) are no such link.
  const sameLocation = !!a.location && !!b.location && normPlace(a.location) === normPlace(b.location);
  const sameTown = sameLocation && a.geo_precision === 1 && b.geo_precision === 1;
  const overlap = evidenceOverlap(a, b, weights);
  if (overlap && overlap.jaccard < MIN_JACCARD && !(sameTown && sharedActor) && evidenceWords(a).size >= VETO_WORDS && evidenceWords(b).size >= VETO_WORDS)
    return NO('the texts share nothing distinctive');
  const sameWords = !!overlap && overlap.shared >= STRONG_SHARED && overlap.jaccard >= STRONG_JACCARD;
  if (overlap) score += Math.round(overlap.jaccard * 4);

  // Being alike in kind is not enough: many events share a day, a province and a type (daily
  // protests, shelling of several villages of one district). Two reports must also share
  // something specific: the town, the toll, a named actor, or the distinctive words.
  // The same named town (geo precision 1): "near Nad Ali" (precision 2) is a district, where
  // several events a day are common.
  // "1 fatality" is the commonest toll of all: only a toll of two or more is specific.
  const sameToll = fa > 1 && fa === fb;
  let rule: string;
  if (gap === 0) {
    // A shared actor alone is no longer enough (it was, at one place): where one war fills the
    // reports ("Taliban" against "Afghan forces" in every district, every day), two attacks in
    // one district on one day share both sides. The fitted score weighs the shared actor with the
    // rest of what the two share.
    // Protests and riots are many in one town on one day (several groups, several causes): there
    // the town does not say which event when the two texts, long enough to compare, share
    // nothing of who protested and why.
    const crowd = (a.event_type === 'Protests' || a.event_type === 'Riots') && (b.event_type === 'Protests' || b.event_type === 'Riots');
    // Two briefs (`briefs`: short notes that say all they know) of one event tell it in some of the
    // same words; two that share none are two events of one town and day (a body found, a
    // drive-by shooting, in a city of millions).
    const wordsApart = !!overlap && overlap.jaccard < MIN_JACCARD;
    const townSays = sameTown && !((crowd || briefs) && wordsApart);
    if (townInDistrict) {
      if (!sameToll && !sameWords) return NO('a town and its district with too little in common');
      rule = sameToll ? 'same day, a town and its district, same toll' : 'same day, a town and its district, same words';
    } else if (!townSays && !sameToll && !(sameWords && sameLocation)) return NO(crowd && sameTown ? 'protests in one town with nothing of who or why in common' : 'nothing specific in common');
    else rule = townSays ? 'same day, same town' : sameToll ? 'same day, same toll' : 'same day, same place and words';
  } else {
    // Days apart: one report may date the event by its publication ("on Saturday" after
    // midnight), or only roughly ("around 3 May"). Two exact days are two events unless the toll
    // is the same, at one place or between the same sides. A rough date with the same place and
    // actor is left to the fitted score: "reported on 8 March" of a district at war matches
    // every attack of the week before there. Shared words do not bridge days: what recurs (daily
    // strikes on one district, a weekly protest at one square) is told in the same words each day.
    if (!(sameToll && (sameLocation || townInDistrict || sharedActor))) return NO('days apart with too little in common');
    // Several days apart (a date known only to the week): a toll of two or three is matched by
    // chance within a week in a large town; a named actor or the same words must link them too.
    if (gap > 1 && !sharedActor && !sameWords) return NO('days apart with too little in common');
    rule = 'days apart, same toll';
  }
  return { ok: true, score, why: rule };
}

/**
 * Whether report `c` is placed only at the district or province level (geo precision 2 or 3) of
 * the district or province that report `t`'s town (geo precision 1), or the place it is near
 * (precision 2), lies in.
 */
export function within(c: Flat, t: Flat): boolean {
  if ((c.geo_precision ?? 3) < 2 || (t.geo_precision ?? 3) > 2) return false;
  // A place known to its surroundings ("near X", precision 2) lies in its district as a town does,
  // unless it is that district itself.
  if (t.geo_precision === 2 && normPlace(t.location) === normPlace(t.admin2)) return false;
  const place = normPlace(c.location);
  return place === normPlace(t.admin2) || (!c.admin2 && place === normPlace(t.admin1));
}
