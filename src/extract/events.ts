/**
 * Events: find the incidents a text reports, split it into one candidate per incident, and type
 * each the way ACLED's codebook does (event type, sub-event type, disorder type).
 *
 * How it works:
 * 1. Triggers and cues from the lexicon (event-lexicon.ts) are matched on the word tokens of
 *    each sentence through an index keyed by a token's first letters (built once at load).
 * 2. A trigger is dropped when it is negated ("no clashes were reported"), hedged ("the actual
 *    reaction may come"), an intention ("intended to take control"), a look-alike ("missile
 *    tests"), the topic of a protest or of diplomacy ("protested against the killing of",
 *    "sanctions in response to the attack"), or a weapon named as a target ("one strike
 *    destroyed a VBIED"). Dates are blanked first, so "9 May" holds no modal "may".
 * 3. Sentences with a live trigger are grouped into incidents. The first opens the main
 *    incident, unless it is a bare claim or accusation ("IS claimed the hostage-taking") or a
 *    heading or trend ("Increasing attacks"). A later sentence opens a new incident when the
 *    text marks it as another one ("in a separate attack", "last week": background) and anchors
 *    it with a place and a date or toll, or when it opens its own line with its own place
 *    ("Near Mosul, five strikes engaged ..."). Otherwise an adjacent sentence, a definite
 *    mention ("the strikes"), a toll or how a protest was met adds to the incident before it;
 *    so does, a line or two on, how a death told only by its toll was caused. A sentence too far
 *    from the incident before to join it opens its own when it tells a strike, bombing or battle
 *    with its own time ("A U.S. strike on Jan. 1 hit two vehicles near Sarmada"). A count of
 *    strikes over a region followed by the strikes place by place is their sum and is dropped.
 * 4. An incident that a disaster, a crime or diplomacy explains better (only triggers of the
 *    kinds such a cue accounts for, no armed actor) is dropped.
 * 5. Each incident is typed by ACLED's precedence: protest forms, then chemical > suicide >
 *    IED > air > shelling > grenade, territory, sexual violence, abduction, clash vs attack by
 *    who was hit, and the strategic developments (a strategic development told first in the lead
 *    sentence wins).
 *
 * No statistical model is used: these rules reach the quality floors on the dev sets (see the
 * report of the first version), and they carry over to news text, which a model trained on
 * ACLED's note style would not.
 */
import { SUB_EVENT_TYPES } from '../core/types.js';
import type { DisorderType, EventType, Mention, SubEventType } from '../core/types.js';
import type { Doc, Token } from '../text/doc.js';
import { TRIGGERS, type TriggerCat } from './event-lexicon.js';

export interface EventCandidate {
  /** The sentences (indexes into doc.sentences) that report this incident. */
  sentences: number[];
  /** The trigger words, offsets into doc.text. */
  trigger: { start: number; end: number };
  event_type: EventType;
  sub_event_type: SubEventType;
  disorder_type: DisorderType;
  confidence: number;
  /** Rule id(s), or 'model'. */
  rule: string;
  /** An earlier event mentioned in passing. */
  background: boolean;
  /** Opened by a line of its own place ("Near Mosul, five strikes ..."). */
  listed?: boolean;
  /** An earlier incident told by a later one's reference clause ("came a week after …"): how
   *  long before the date the sentence gives it took place. */
  before?: Span;
  /** The place is the one named right after the trigger ("the capture of <Town>"), not any
   *  place of the sentence: a taking told in passing in a sentence about something else. */
  placeAfterTrigger?: boolean;
  /** Of the sentence holding this span, only the places inside it (keep) or only those outside
   *  it (!keep) are this incident's: a strike told with the attack it answered. */
  placeSpan?: PlaceSpan;
}
/** A span of doc.text that bounds the places of its sentence. */
export interface PlaceSpan {
  start: number;
  end: number;
  keep: boolean;
}

// ------------------------------------------------------------------------------ compiled lexicon

interface Step {
  gap: number; // > 0: a gap of 0..gap tokens; then exact/prefixes are unused
  exact: Set<string>;
  prefixes: string[];
}
interface Pattern {
  entry: string;
  cat: TriggerCat;
  steps: Step[];
}
interface Hit {
  cat: TriggerCat;
  entry: string;
  /** Word positions (indexes into the sentence's word list), inclusive. */
  w0: number;
  w1: number;
  /** The object of a claim or accusation ("accused of carrying out a chlorine attack"). */
  attributed?: boolean;
}

function parseStep(tok: string): Step {
  const g = /^~(\d+)$/.exec(tok);
  if (g) return { gap: Number(g[1]), exact: new Set(), prefixes: [] };
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const alt of tok.split('|')) {
    if (alt.endsWith('*')) prefixes.push(alt.slice(0, -1));
    else exact.add(alt);
  }
  return { gap: 0, exact, prefixes };
}

const BY_EXACT = new Map<string, Pattern[]>();
const BY_PREFIX = new Map<string, Pattern[]>(); // keyed by the first 3 letters of the prefix
const SHORT_PREFIX: Pattern[] = []; // prefixes under 3 letters (none expected; kept for safety)
const ALL_CATS = new Set<TriggerCat>();

for (const e of TRIGGERS) {
  ALL_CATS.add(e.cat);
  for (const p of e.pats) {
    // Hyphen tokens are skipped in the text, so "tear-gas" in the lexicon is "tear gas"; the
    // tokenizer keeps some prefixes joined ("non-combat", "pro-government"), so a hyphenated
    // pattern is also compiled as written.
    const forms = p.includes('-') ? [p.replace(/-/g, ' '), p] : [p];
    for (const form of forms) {
      const steps = form.split(/\s+/).filter(Boolean).map(parseStep);
      const pat: Pattern = { entry: e.id, cat: e.cat, steps };
      const first = steps[0]!;
      for (const w of first.exact) push(BY_EXACT, w, pat);
      for (const pre of first.prefixes) {
        if (pre.length < 3) SHORT_PREFIX.push(pat);
        else push(BY_PREFIX, pre.slice(0, 3), pat);
      }
    }
  }
}
function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}

/** The patterns whose first step a word matches, worked out once per distinct word (the cache
 *  is bounded: it is dropped when it grows past 100,000 words). */
const FIRST_CACHE = new Map<string, Pattern[]>();
function candidatesFor(w: string): Pattern[] {
  let c = FIRST_CACHE.get(w);
  if (c) return c;
  const set = new Set<Pattern>(BY_EXACT.get(w) ?? []);
  const pre = w.length >= 3 ? BY_PREFIX.get(w.slice(0, 3)) : undefined;
  for (const list of [pre ?? [], SHORT_PREFIX]) for (const p of list) if (stepMatches(p.steps[0]!, w)) set.add(p);
  c = [...set];
  if (FIRST_CACHE.size > 100_000) FIRST_CACHE.clear();
  FIRST_CACHE.set(w, c);
  return c;
}

function stepMatches(s: Step, w: string): boolean {
  if (s.exact.has(w)) return true;
  for (const p of s.prefixes) if (w.startsWith(p)) return true;
  return false;
}

/** Match steps[i..] from word position j; returns the last word position matched or -1. */
function matchFrom(steps: Step[], i: number, words: string[], j: number): number {
  if (i === steps.length) return j - 1;
  const s = steps[i]!;
  if (s.gap > 0) {
    for (let g = 0; g <= s.gap && j + g < words.length; g++) {
      const r = matchFrom(steps, i + 1, words, j + g);
      if (r >= 0) return r;
    }
    return -1;
  }
  if (j >= words.length || !stepMatches(s, words[j]!)) return -1;
  return matchFrom(steps, i + 1, words, j + 1);
}

// ------------------------------------------------------------------------------ sentence reading

/** One sentence, read: its word tokens (hyphens skipped) and the triggers and cues found. */
interface SentenceInfo {
  index: number;
  words: string[];
  /** The words before blanking dates. */
  raw: string[];
  tok: Token[];
  hits: Hit[];
  /** Event hits that survive negation, hedging and topic checks. */
  live: Hit[];
  cats: Set<TriggerCat>;
  /** A number word or figure next to a death/injury word: "killing at least 16 soldiers". */
  toll: boolean;
  /** "in/near/at <Proper noun>": a concrete place. */
  place: boolean;
  /** A date or time expression (wink-nlp time mention or a past cue). */
  time: boolean;
  /** Every live trigger is the object of a claim or accusation ("X claimed the bombing"). */
  attributed: boolean;
  /** A count over a period, not one event: "carried out 44 attacks … in January", "killed at
   *  least 107 civilians since December 2021" (see STATISTIC). */
  statistic: boolean;
  /** Word ranges [w0, w1] of clauses that go back to another event: "the day after an aerial
   *  bombardment killed 39", "in retaliation for an air strike" (see REFERENCE_CLAUSES). */
  references: [number, number, string][];
}

const EVENT_CATS = new Set<TriggerCat>([
  'chemical', 'suicide', 'ied', 'air', 'shelling', 'grenade', 'explosion', 'clash', 'attack', 'kill',
  'sexual', 'abduct', 'regain', 'capture', 'transfer', 'protest', 'riot', 'riot_act', 'mob', 'arrest',
  'loot', 'destroy', 'disrupt', 'agreement', 'hq', 'change', 'other',
]);
/** Triggers that say little on their own: a text with only these and a disaster, crime,
 *  diplomacy or attribution cue is not political violence. */
const WEAK_CATS = new Set<TriggerCat>([
  'explosion', 'attack', 'kill', 'riot_act', 'arrest', 'loot', 'destroy', 'change', 'agreement', 'transfer', 'other',
]);
/** Lexicon entries that tell a two-sided fight: a battle word, or an attack that was repelled. */
const CLASH_ENTRIES = new Set(['clash', 'clash-repel']);

const NEGATORS = new Set(['no', 'not', "n't", 'never', 'without', 'nor', 'neither', 'denied', 'deny', 'denies', 'false']);
/** Words after which an event is what a protest is about, not an event of its own:
 *  "protested against the killing of a student", "demanding the release of those arrested". */
const TOPIC_WORDS = new Set(['decry', 'decrying', 'decried', 'condemned', 'denounced', 'mourn', 'mourning', 'outrage', 'against', 'over', 'demanding', 'demand', 'demanded', 'condemning', 'condemn', 'denouncing', 'denounce', 'protesting', 'about', 'following', 'justice', 'release', 'solidarity', 'commemorate', 'commemorating', 'mark', 'marking', 'anniversary', 'regarding', 'for']);
const REPORTS = new Set(['said', 'say', 'says', 'reported', 'told', 'stated', 'added']);
/** Words after 'police' or 'army' that make it a title or a source, not a party: 'police chief', 'army spokesman'. */
const STATE_SOURCE_AFTER = new Set(['chief', 'chiefs', 'spokesman', 'spokesperson', 'spokeswoman', 'commissioner', 'official', 'officials', 'source', 'sources', 'statement', 'headquarters', 'station', 'report', 'reports', 'received', 'receiving']);
const SETTING_WORDS = new Set(['as', 'during', 'amid', 'amidst', 'since']);
const HUMANITARIAN = new Set(['relief', 'refugee', 'refugees', 'idp', 'aid', 'displacement', 'evacuation', 'medical', 'health', 'transit', 'quarantine', 'isolation']);
const SELF_CLAIM = new Set(['control', 'full', 'victory']);
const TIME_LINKS = new Set(['after', 'before', 'since', 'until']);
/** Words before an event that make it something to stop or a task, not an event: "urged the
 *  regime to cease airstrikes", "a peace deal ending eight weeks of fighting", "the coalition
 *  tasked with fighting Daesh". */
const STOP_WORDS = new Set(['cease', 'ceasing', 'stop', 'stopping', 'halt', 'halting', 'end', 'ending', 'ended', 'tasked', 'mandated']);
const DIPLO_LINKS = new Set(['response', 'for', 'after', 'over', 'following', 'against']);
const RELATIVE = new Set(['who', 'which', 'that']);
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our']);
/** How many of an incident's first sentences are read for its day (see findEvents). */
const DAY_SENTENCES = 8;
/** A day that opens a sentence: 'On Sunday, …', 'Late on Friday, …', 'On 3 March, …'. */
const OPENING_DAY = /^\W*(?:(?:Late|Early)\s+)?(?:On|on)\s+((?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)|(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2})\b/;
/** A day named anywhere in a sentence. */
const DAY_WORD = /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)\b|\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}\b/;
/** Words that make violence a habit rather than an event: 'regular attacks', 'frequent air strikes'. */
/** What an arrest was made for, told after it: the deed is the charge, not an event told here
 *  ("police arrested two men for smuggling weapons", "detained on suspicion of planting a bomb");
 *  ACLED codes the arrest. Each word that opens the charge, with its reason. */
export const ARREST_CHARGE_LINKS: { word: string; reason: string }[] = [
  { word: 'for', reason: '"arrested three men for planting a bomb": the purpose of the arrest' },
  { word: 'over', reason: '"detained over the shooting": the matter the arrest is about' },
  { word: 'suspected', reason: '"arrested two men suspected of the ambush": what they are suspected of' },
  { word: 'suspicion', reason: '"held on suspicion of attacking a patrol"' },
  { word: 'accused', reason: '"arrested a man accused of killing a guard"' },
  { word: 'charges', reason: '"arrested on charges of bombing a bridge"' },
  { word: 'connection', reason: '"arrested in connection with the blast"' },
  { word: 'involvement', reason: '"detained for their involvement in the raid"' },
];
const CHARGE_WORDS = new Set(ARREST_CHARGE_LINKS.map((l) => l.word));
/** How far after the arrest word its charge is read (words). */
const CHARGE_REACH = 10;
/** A violent deed told as what an arrest was made for (see ARREST_CHARGE_LINKS). */
function arrestCharge(info: SentenceInfo, ev: Hit[], h: Hit): boolean {
  if (h.cat === 'arrest') return false;
  return ev.some((a) => {
    if (a.cat !== 'arrest' || a.w1 >= h.w0 || h.w0 - a.w1 > CHARGE_REACH) return false;
    for (let j = a.w1 + 1; j < h.w0; j++) {
      const w = info.words[j]!;
      if (w === ';' || w === 'and' || w === 'but' || w === 'while' || w === 'after') return false;
      if (CHARGE_WORDS.has(w)) return true;
    }
    return false;
  });
}
/** "drone strikes against the country continued on Saturday": a campaign going on, told with no
 *  toll of its own, is no incident (strikes that killed are: "air strikes continued, killing 12"). */
function campaignGoesOn(info: SentenceInfo, h: Hit): boolean {
  if (h.cat !== 'air' && h.cat !== 'shelling') return false;
  for (let j = h.w1 + 1; j <= h.w1 + 6; j++) if (/^continu/.test(info.words[j] ?? '')) return true;
  return false;
}
/** "are known to use IEDs": what an actor is known to do is its habit, not an event. */
function knownHabit(info: SentenceInfo, h: Hit): boolean {
  for (let d = 2; d <= 4; d++) if (info.words[h.w0 - d] === 'known' && info.words[h.w0 - d + 1] === 'to') return true;
  return false;
}
const HABITUAL = new Set(['regular', 'frequent', 'repeated', 'daily', 'nightly', 'near-daily', 'constant', 'routine', 'persistent', 'relentless', 'incessant', 'periodic', 'sporadic', 'occasional', 'recurring', 'recurrent']);
const TREND = new Set(['rise', 'increase', 'increasing', 'surge', 'spate', 'decline', 'decrease', 'statistics', 'trend', 'norm', 'years', 'decades']);
const MODALS = new Set(['may', 'might', 'could', 'would', 'should', 'will', 'shall']);
const PLACE_PREPS = new Set(['in', 'near', 'at', 'of', 'outside', 'from', 'into']);
const COUNTED_EVENTS = /\b\d[\d,]*\s+(?:[a-z-]+\s+)?(?:attacks|incidents|blasts|bombings|strikes|clashes|operations)\b/i;
/** What makes a sentence with a trend or period cue a statistic: a count of events, or a period
 *  that runs from a month or year, or the first or last months of one. ("since Monday" is an
 *  ongoing event's span, not a statistic's.) */
const STATISTIC = new RegExp(
  COUNTED_EVENTS.source +
    String.raw`|\bsince (?:(?:early |late |mid-?)?(?:january|february|march|april|may|june|july|august|september|october|november|december) )?(?:19|20)\d\d\b` +
    String.raw`|\bsince (?:the (?:start|beginning) of|early|late) ` +
    String.raw`|\b(?:in|during|over) the (?:first|past|last) (?:\w+ )?(?:months|weeks|years)\b` +
    String.raw`|\bso far (?:this|in)\b`,
  'i',
);
/** A time of day or a day: what one event has and a statistic has not. */
const DAY_TIME = /\b(?:yesterday|today|tonight|last night|this morning|(?:on|late|early|last) (?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tues|wednes|thurs|fri|satur|sun)day (?:morning|afternoon|evening|night)|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(?!\d))\b/i;
const SUPERLATIVE_SINCE = /\b(?:deadliest|worst|bloodiest|biggest|largest|heaviest|most \w+|first|single)\b[^.]{0,80}\bsince\b/i;
const COUNTRYWIDE = /\bacross the (?:country|nation|province|region)\b|\bnationwide\b|\bcountrywide\b/i;
/** Words after a name that make it a place: "Barmal district", "Erbil airport". (Not city, town
 *  or province: on the CASE and ACLED sets they open more non-events than incidents, e.g. in
 *  names of institutions and teams.) */
const NAME_THEN_PLACE = new Set(['district', 'airport']);
const PLACE_NOUNS = new Set(['village', 'town', 'city', 'district', 'province', 'governorate', 'area', 'region', 'outskirts', 'suburb', 'neighbourhood', 'neighborhood', 'port', 'capital']);
const NUM_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'dozen', 'dozens', 'scores', 'hundreds', 'several', 'twenty', 'thirty', 'forty', 'fifty', 'hundred']);
const TOLL_WORDS = /^(kill|dead|died|death|wound|injur|casualt|fatalit|martyr|bodies|slain|lives)/;
/** People counted before an aside: "11 people, including …, were wounded". */
const COUNTED_PEOPLE = /^(people|persons|civilians|soldiers|policemen|officers|men|women|children|worshippers|passengers)$/;

/**
 * Trigger kinds that, in quotation marks, are a party's label and not the reporter's account:
 * 'police arrested 57 “rioters”' reports what the authorities call the protesters; it tells
 * no violence of the crowd (ACLED: the demonstration is coded from what it did).
 */
const SCARE_QUOTED_CATS = new Set<TriggerCat>(['riot']);
/** Trigger kinds that a party's naming does not make the reporter's account: "dozens were hurt in
 *  what officials called clashes with the police" tells the ministry's word for how the
 *  protest was met, no violence of the crowd (ACLED: a Violent demonstration needs the
 *  demonstrators' own violence, as the reporter tells it). */
const LABELLED_CATS = new Set<TriggerCat>(['riot', 'riot_act']);
const LABEL_VERBS = /^(said|says|called|calls|described|describes|termed|terms|labelled|labeled|dubbed|branded)$/;
/** Is the word at j named by a party: "what it said were clashes", "what police called a riot"? */
function partyLabel(raw: string[], j: number): boolean {
  for (let k = j - 1; k >= Math.max(0, j - 6); k--) {
    if (raw[k] === 'what') return raw.slice(k + 1, j).some((w) => LABEL_VERBS.test(w));
    if (raw[k] === ',' || raw[k] === ';' || raw[k] === '.') return false;
  }
  return false;
}
/** Is the span from token a to token b wrapped in quotation marks, alone ('“rioters”')? */
function scareQuoted(doc: Doc, a: Token, b: Token): boolean {
  const before = doc.text.slice(Math.max(0, a.start - 1), a.start);
  const after = doc.text.slice(b.end, b.end + 1);
  return /["“‘']/.test(before) && /["”’']/.test(after);
}

function readSentence(doc: Doc, si: number, times: Mention[]): SentenceInfo {
  const s = doc.sentences[si]!;
  const words: string[] = [];
  const raw: string[] = [];
  const tok: Token[] = [];
  // Tokens inside a date or time expression are blanked: "9 May 2020" holds no modal "may"
  // and "21 March" no protest march.
  // A word inside a name ('Tigray People's Liberation Front', 'Kurdistan Workers' Party') tells
  // no event: a capitalised word within the sentence next to another capitalised word is blanked
  // like a date, unless the line is in title case ('Russian Missile Attack Kills Five').
  let capWords = 0;
  let allWords = 0;
  for (let t = s.tokenStart; t < s.tokenEnd; t++) {
    const k = doc.tokens[t]!;
    if (!/^\p{L}/u.test(k.lower)) continue;
    allWords++;
    if (/^\p{Lu}/u.test(doc.text[k.start]!)) capWords++;
  }
  const titleCase = capWords * 2 >= allWords;
  const capAt = (t: number) => t >= s.tokenStart && t < s.tokenEnd && /^\p{Lu}/u.test(doc.text[doc.tokens[t]!.start]!);
  for (let t = s.tokenStart; t < s.tokenEnd; t++) {
    const k = doc.tokens[t]!;
    if (k.lower === '-' || k.lower === '–') continue;
    let w = k.lower;
    if (times.length && times.some((m) => k.start >= m.start && k.end <= m.end)) w = '';
    else if (!titleCase && t > s.tokenStart && capAt(t) && (capAt(t + 1) || (capAt(t - 1) && t - 1 > s.tokenStart)) && /^\p{L}/u.test(k.lower)) w = '';
    else if ((w === 'march' || w === 'may') && k.start > s.start && /^[A-Z]/.test(doc.text[k.start]!)) w = '';
    // "would-be suicide bombers" holds no modal
    else if (w === 'would' && doc.tokens[t + 1]?.lower === '-') w = '';
    words.push(w);
    raw.push(k.lower);
    tok.push(k);
  }
  const hits: Hit[] = [];
  const cats = new Set<TriggerCat>();
  // Time cues ("last week") are read on the raw words, every other trigger on the blanked ones.
  for (let j = 0; j < raw.length; j++) {
    const w = raw[j]!;
    const list = candidatesFor(w);
    for (let k = 0; k < list.length; k++) {
      const p = list[k]!;
      const timeCue = p.cat === 'cue_past' || p.cat === 'cue_new' || p.cat === 'cue_generic';
      if (!timeCue && words[j] !== w) continue;
      const end = matchFrom(p.steps, 1, timeCue ? raw : words, j + 1);
      if (end >= j && SCARE_QUOTED_CATS.has(p.cat) && scareQuoted(doc, tok[j]!, tok[end]!)) continue;
      if (end >= j && LABELLED_CATS.has(p.cat) && partyLabel(raw, j)) continue;
      if (end >= j) {
        hits.push({ cat: p.cat, entry: p.entry, w0: j, w1: end });
        cats.add(p.cat);
      }
    }
  }
  let toll = false;
  let place = false;
  for (let j = 0; j < words.length; j++) {
    const k = tok[j]!;
    if (!toll && (k.pos === 'NUM' || NUM_WORDS.has(words[j]!))) {
      for (let d = 1; d <= 6 && !toll; d++) {
        const a = words[j + d];
        const b = words[j - d];
        if ((a && TOLL_WORDS.test(a)) || (b && TOLL_WORDS.test(b))) toll = true;
      }
      // "nine people, including an elder, were wounded": the toll word after an
      // aside set off by commas
      if (!toll && COUNTED_PEOPLE.test(words[j + 1] ?? '') && words[j + 2] === ',') {
        const close = words.indexOf(',', j + 3);
        if (close > 0 && close - j <= 16 && words.slice(close + 1, close + 4).some((w) => TOLL_WORDS.test(w))) toll = true;
      }
    }
    if (!place && PLACE_PREPS.has(words[j]!) && tok[j + 1]?.pos === 'PROPN') place = true;
    // ("Barmal district", "Erbil airport was hit": a name with the kind of place after it)
    if (!place && k.pos === 'PROPN' && NAME_THEN_PLACE.has(words[j + 1] ?? '')) place = true;
    // "in the village of Safina", "near the town of Tal Afar"
    if (!place && PLACE_PREPS.has(words[j]!) && words[j + 1] === 'the' && PLACE_NOUNS.has(words[j + 2] ?? '') && words[j + 3] === 'of' && tok[j + 4] && /^[A-Z]/.test(doc.text[tok[j + 4]!.start]!)) place = true;
    // "on the city's southern edge", "at the town's entrance": the place just named, again
    if (!place && (PLACE_PREPS.has(words[j]!) || words[j] === 'on') && words[j + 1] === 'the' && PLACE_NOUNS.has(words[j + 2] ?? '') && /^['’]s$/.test(words[j + 3] ?? '')) place = true;
  }
  // A count of attacks across a whole country is a statistic, not an incident ("militants
  // carried out 74 attacks across the country in January, killing 91 people"); protests
  // "across the country" without such a count stay an event.
  const sentenceText = doc.text.slice(doc.sentences[si]!.start, doc.sentences[si]!.end);
  if (COUNTRYWIDE.test(sentenceText) && COUNTED_EVENTS.test(sentenceText)) {
    cats.add('cue_generic');
    hits.push({ cat: 'cue_generic', entry: 'countrywide-count', w0: 0, w1: 0 });
  }
  // A time expression anchors an incident unless it is a span of time for a trend ("over the
  // past few years", "so far this year").
  const generic = hits.filter((h) => h.cat === 'cue_generic' && h.entry !== 'countrywide-count');
  const time =
    cats.has('cue_past') ||
    times.some((m) => !generic.some((g) => tok[g.w0]!.start < m.end && m.start < tok[g.w1]!.end));
  // ... or a count of five or more events, whatever the cue words ("Some 312 armed attacks were
  // recorded, leaving 590 police officers dead").
  const counted = COUNTED_EVENTS.exec(sentenceText);
  // ... or deaths counted across a whole country ("killed across the country this year"), with
  // no day of their own ("across the country yesterday" is one day's clashes).
  // ("the deadliest single assault since the start of the war" compares one event with others.)
  const statistic = !DAY_TIME.test(sentenceText) && ((cats.has('cue_generic') && STATISTIC.test(sentenceText) && !SUPERLATIVE_SINCE.test(sentenceText)) || (!!counted && (parseInt(counted[0].replace(/,/g, ''), 10) || 0) >= 5) ||
    (toll && COUNTRYWIDE.test(sentenceText)));
  const references = referenceClauses(sentenceText, doc.sentences[si]!.start, tok);
  return { index: si, words, raw, tok, hits, live: [], cats, toll, place, time, attributed: false, statistic, references };
}

/**
 * Clauses that go back to another event than the one the sentence tells: what they name is the
 * cause, the date or the comparison of this event, not its means (issue 10: the predicate decides
 * the event). Each with its reason; a clause runs to the next ';' (or, where it opens the
 * sentence, to its first comma).
 */
export const REFERENCE_CLAUSES: { id: string; re: RegExp; reason: string }[] = [
  {
    id: 'time-after',
    re: /\b(?:(?:a|an|one|two|three|four|five|six|several|a few|\d+)\s+(?:hours?|days?|weeks?|months?|years?)|(?:the|a)\s+(?:day|week|month|year))\s+(?:after|since)\b/gi,
    reason: '"the day after an aerial bombardment killed 39 civilians": the event dated by another one is not that one',
  },
  {
    id: 'comes-after',
    re: /\b(?:comes?|came|coming|follows?|followed)\s+(?:just\s+|only\s+|less\s+than\s+|barely\s+|nearly\s+)?(?:(?:a|an|one|two|three|four|five|six|\w+)\s+(?:hours?|days?|weeks?|months?|years?)\s+)?after\b/gi,
    reason: '"the attack came a week after air strikes on the camp": the earlier strikes are another event',
  },
  {
    id: 'retaliation',
    re: /\b(?:in\s+)?(?:retaliation|revenge|reprisal|response|reply)\s+(?:for|to)\b|\bto\s+avenge\b|\bretaliat(?:ed|ing|es)?\s+for\b/gi,
    reason: '"a missile attack in retaliation for an air strike", "the response to a Russian air assault": the event answered is another one',
  },
  {
    id: 'in-the-wake',
    re: /\bin\s+the\s+wake\s+of\b/gi,
    reason: '"in the wake of last week\'s bombing": the event that came before is another one',
  },
];

function referenceClauses(st: string, base: number, tok: Token[]): [number, number, string][] {
  const out: [number, number, string][] = [];
  for (const { id, re } of REFERENCE_CLAUSES) {
    re.lastIndex = 0;
    for (let m = re.exec(st); m; m = re.exec(st)) {
      const opens = /^[\s"“‘'(]*(?:\w+\s+){0,2}$/.test(st.slice(0, m.index));
      const comma = st.indexOf(',', m.index);
      const semi = st.indexOf(';', m.index);
      const end = base + (opens ? (comma >= 0 ? comma : st.length) : semi >= 0 ? semi : st.length);
      const start = base + m.index;
      let w0 = -1;
      let w1 = -1;
      for (let j = 0; j < tok.length; j++) {
        if (tok[j]!.start >= start && w0 < 0) w0 = j;
        if (tok[j]!.start < end) w1 = j;
      }
      if (w0 >= 0 && w1 >= w0) out.push([w0, w1, id]);
    }
  }
  return out;
}

/** Does a capitalised name follow word position j ("of Dikwa", "of El-Fasher")? */
function namedAfter(doc: Doc, info: SentenceInfo, j: number): boolean {
  const t = info.tok[j + 1];
  return !!t && /^\p{Lu}/u.test(doc.text[t.start] ?? '');
}

/** An arrest told as a noun with its count: "the arrest of 57 people", "the detention of dozens". */
function countedArrest(info: SentenceInfo, h: Hit): boolean {
  const next = info.words[h.w1 + 2] ?? '';
  return info.words[h.w1 + 1] === 'of' && (info.tok[h.w1 + 2]?.pos === 'NUM' || /^\d/.test(next) || NUM_WORDS.has(next));
}

/** Keep event hits that are asserted: not negated, not hedged, not a protest's topic, and not
 *  covered by an earlier, longer trigger ("air strike against" is not a labour strike). */
function liveHits(doc: Doc, info: SentenceInfo): Hit[] {
  const ev = info.hits.filter((h) => EVENT_CATS.has(h.cat));
  const out: Hit[] = [];
  const protestAt = ev.filter((h) => h.cat === 'protest').map((h) => h.w0);
  const hedgeAt = info.hits.filter((h) => h.cat === 'cue_hedge').map((h) => h.w0);
  // Diplomacy about an event: "sanctions in response to its alleged chemical weapons attack",
  // "expelled diplomats for taking part in protests"
  const diploAt = info.hits.filter((h) => h.cat === 'cue_diplo').map((h) => h.w1);
  const isDiploTopic = (h: Hit): boolean => {
    for (const d of diploAt) {
      if (d >= h.w0 || h.w0 - d > 16) continue;
      for (let j = d + 1; j < h.w0; j++) if (DIPLO_LINKS.has(info.words[j]!)) return true;
    }
    return false;
  };
  const isTopic = (h: Hit): boolean => {
    if (isDiploTopic(h)) return true;
    if (h.cat === 'protest' || !protestAt.some((p) => p < h.w0)) return false;
    for (let j = h.w0 - 1; j >= 0 && j >= h.w0 - 8; j--) {
      const w = info.words[j]!;
      // a verb between ends the topic: "protests against the result have turned violent",
      // "protesting citizens were dispersed by police"
      // ("the release of activists who were detained" stays a topic)
      // (a purpose is a topic even though it is a verb: "gathered to demand a military
      // intervention")
      if (TOPIC_WORDS.has(w) && info.words[j - 1] === 'to') return true;
      if ((info.tok[j]!.pos === 'AUX' && !RELATIVE.has(info.words[j - 1] ?? '')) || (j < h.w0 - 1 && info.tok[j]!.pos === 'VERB' && !protestAt.includes(j))) return false;
      if (TOPIC_WORDS.has(w)) return true;
      if ((protestAt.includes(j) && info.tok[j]!.pos === 'VERB') || w === ';' || w === 'then') return false;
    }
    return false;
  };
  // How a protest was met counts only when it is not what the protest is about ("against the
  // arrest of their leader") and the sentence names the protest or a state force.
  const stateOrProtest = protestAt.length > 0 || info.cats.has('cue_state');
  const cats = new Set<TriggerCat>();
  const blocks = info.hits.filter((h) => h.cat === 'not_event');
  for (const h of info.hits) {
    if (EVENT_CATS.has(h.cat)) continue;
    // a cue inside a look-alike: the "fighters" of "fire fighters" are no armed group
    if (h.cat !== 'not_event' && blocks.some((b) => b.w0 <= h.w0 && h.w1 <= b.w1 && b.w1 - b.w0 > h.w1 - h.w0)) continue;
    if ((h.cat === 'cue_disperse' || h.cat === 'cue_force') && (isTopic(h) || !stateOrProtest)) continue;
    // "the arrested former president": a description of someone, not an intervention
    // (but "the arrest of 57 protesters" counts them: the arrests were made)
    if (h.cat === 'cue_disperse' && DETERMINERS.has(info.words[h.w0 - 1] ?? '') && !countedArrest(info, h)) continue;
    cats.add(h.cat);
  }
  // (an actor's claim of its own deed is a report of it: "the Rangers claimed to have seized
  // weapons during a raid")
  // ("the army now claims full control of the city": its own gain, reported)
  const attribAt = info.hits.filter((h) => h.cat === 'cue_attrib' && !(info.words[h.w1 + 1] === 'to' && info.words[h.w1 + 2] === 'have') && !SELF_CLAIM.has(info.words[h.w1 + 1] ?? '')).map((h) => h.w1);
  info.attributed = ev.length > 0;
  const crowdNamed = info.hits.some((h) => h.cat === 'crowd' || h.cat === 'cue_civ');
  // weapons named as what was destroyed are targets, not the means: "one strike destroyed an
  // ISIL-held tank, a VBIED and two mortar systems"
  const destroyAt = ev.find((h) => (h.cat === 'destroy' || h.cat === 'disrupt') && ev.some((o) => o.w0 < h.w0 && (o.cat === 'air' || o.cat === 'attack' || o.cat === 'shelling' || o.cat === 'clash')))?.w0 ?? -1;
  const repelAt = info.words.findIndex((w, j) => w === 'repelled' || w === 'repulsed' || (w === 'fought' && info.words[j + 1] === 'off'));
  for (const h of ev) {
    // a look-alike: "missile tests", "firefighters battle the blaze"
    if (blocks.some((b) => b.w0 <= h.w1 && h.w0 <= b.w1)) continue;
    if (h.entry === 'protest-weak' && !crowdNamed) continue;
    // "the capture of <Name>": only a name after it is a place taken ("the fall of prices" is not)
    if (h.entry === 'capture-of-name' && !namedAfter(doc, info, h.w1)) continue;
    // a seizure of drugs or contraband is an event only when state forces make it: "federal
    // police seized two tons of marijuana", not "the gang seized a cocaine shipment"
    if (h.entry === 'loot-seizure' && subjectKind(info, h) !== 'state') continue;
    if (destroyAt >= 0 && h.w0 > destroyAt && (h.cat === 'ied' || h.cat === 'shelling' || h.cat === 'grenade' || h.cat === 'explosion' || h.cat === 'air')) continue;
    // covered by another event hit that starts earlier and reaches into it
    // (or that starts at the same word and reaches further: "ceasefire violations" is fighting)
    // (a seizure of drugs does not hide the weapons seized with them: "seized guns and drugs")
    if (ev.some((o) => o !== h && o.cat !== h.cat && o.entry !== 'loot-seizure' && ((o.w0 < h.w0 && o.w1 >= h.w0 && o.w1 - o.w0 > 0) || (o.w0 === h.w0 && o.w1 > h.w1)))) continue;
    // negated: "no clashes", "did not attack"
    let neg = false;
    for (let d = 1; d <= 2; d++) if (NEGATORS.has(info.words[h.w0 - d] ?? '')) neg = true;
    if (neg) continue;
    // hedged: a modal or threat word shortly before ("may come", "threatened to attack")
    if (hedgeAt.some((p) => p < h.w0 && h.w0 - p <= 6 && (MODALS.has(info.words[p]!) || /^(threat|vow|warn|plan|plot)/.test(info.words[p]!)) && !clauseBreak(info, p, h.w0))) continue;
    // a habit, not an event: "the town has seen repeated missile and drone attacks", "died in
    // the air raids that often hit the region"
    let habit = false;
    for (let d = 1; d <= 4 && !habit; d++) if (HABITUAL.has(info.words[h.w0 - d] ?? '')) habit = true;
    if ((habit || knownHabit(info, h) || campaignGoesOn(info, h)) && !info.toll) continue;
    // the charge of an arrest told in the sentence: "arrested three men for planting a bomb"
    if (arrestCharge(info, ev, h)) continue;
    // what someone is asked to stop: "urged him to press the regime to cease airstrikes"
    let stop = false;
    for (let d = 1; d <= 4; d++) if (STOP_WORDS.has(info.words[h.w0 - d] ?? '')) stop = true;
    if (stop) continue;
    // explosives fought off in a battle are part of it: "the troops fought off several
    // counterattacks and six VBIEDs" (ACLED: the Armed clash)
    if ((h.cat === 'ied' || h.cat === 'explosion' || h.cat === 'suicide') && repelAt >= 0 && repelAt < h.w0 && h.w0 - repelAt <= 8) continue;
    // camps for people in need are not bases: "relief camps were set up in schools"
    if (h.cat === 'hq' && info.words.slice(Math.max(0, h.w0 - 1), h.w1 + 1).some((w) => HUMANITARIAN.has(w))) continue;
    // a time reference to an event told elsewhere or to come: "there will still be work to rid
    // Iraq of ISIL after the liberation of Mosul"
    if (TIME_LINKS.has(info.words[h.w0 - 2] ?? '') && info.words[h.w0 - 1] === 'the' && info.tok[h.w0]!.pos === 'NOUN' && (h.cat === 'regain' || h.cat === 'capture')) continue;
    // an intention, not an event: "intended to take control", "mobilizing for attacking"
    // ("proceeded to beat people", "began to shell the town": done, not intended)
    const prev = info.words[h.w0 - 1] ?? '';
    if ((prev === 'to' || prev === 'for') && info.tok[h.w0]!.pos === 'VERB' && h.cat !== 'protest' && !(prev === 'to' && UNDERTOOK.has(info.words[h.w0 - 2] ?? ''))) continue;
    // topic of a protest: a protest trigger earlier, then a topic word, then this hit
    if (isTopic(h)) continue;
    // the object of a claim or accusation: "claimed responsibility for the attack"
    // ("accused by the United Kingdom of being responsible for an attack on a former agent and
    // his daughter using a nerve agent": the object can run long)
    if (attribAt.some((a) => a < h.w0 && h.w0 - a <= 14 && !clauseEnd(info, a, h.w0))) h.attributed = true;
    else info.attributed = false;
    out.push(h);
    cats.add(h.cat);
  }
  info.cats = cats;
  return out;
}

// ------------------------------------------------------------------------------ typing

interface Typed {
  sub: SubEventType;
  rule: string;
  hit: Hit;
  sentence: number;
  confidence: number;
}

const STATE_TARGET = /^(arbaki|sniper|service|soldier|troop|army|military|police|policem|policewom|cop|officer|security|forces|regime|gendarm|guard|marine|commando|paramilitar|personnel|jawan|constable|checkpoint|checkpost|outpost|convoy|patrol|base|position|militia|fighter|militant|insurgent|rebel|combatant|taliban|crpf|bsf|anp|ana|andsf|nds|fc|levies|rangers|sdf|ypg|pkk|hts|isis|isil|daesh|shabaab|houthi|lna|gna|fardc|idf|terrorist|jihadist|guerrilla|commander|gunmen|gang|gangster|trafficker|cultist)/;
const CIV_TARGET = /^(civilian|man|men|woman|women|child|boy|girl|baby|infant|minor|teen|villager|resident|farmer|herder|shepherd|student|teacher|journalist|reporter|worker|doctor|nurse|driver|passenger|shopkeeper|trader|merchant|businessm|worshipper|pilgrim|priest|pastor|imam|cleric|monk|nun|refugee|idp|migrant|famil|wife|husband|son|daughter|father|mother|brother|sister|relative|elder|activist|lawyer|judge|candidate|politician|councillor|councilor|mayor|official|leader|person|people|individual|inhabitant|peasant|fisherm|miner|vendor|motorist|motorcyclist|pedestrian|employee|staff|engineer|contractor|prisoner|detainee|inmate|suspect|thie|robber|tribesm|youth|supporter|member|head|chairman|director|manager|owner|artist|player|singer|professor|doctor|villager|hostage|body|bodies|corpse|home|house|school|hospital|mosque|church|market|shop|village|victim|sheikh|sheik|chief|operator|developer|seller|hawker|landowner|fisherm)/;
const STATE_ACTOR = /^(soldier|troop|army|military|police|policem|security|government|regime|gendarm|marine|commando|paramilitar|afghan|pakistani|national|federal|ana|anp|andsf|nds|fardc|idf|sdf|coalition|pro-government|loyalist)/;
const NONSTATE_ACTOR = /^(islamic|militant|insurgent|rebel|taliban|terrorist|jihadist|extremist|isis|isil|daesh|shabaab|houthi|fighter|militia|gunmen|bandit|guerrilla|iswap|jnim|isgs|ttp|maoist|naxal|hts|ypg|pkk|opposition|separatist)/;
/** Words before "forces" that make them non-state: "Syrian Democratic Forces", "Kurdish-led forces". */
const NONSTATE_PREFIX = new Set(['democratic', 'led', 'tribal', 'popular', 'mobilisation', 'mobilization', 'resistance', 'liberation', 'revolutionary']);
/** Change-to-group words that tell a move of forces, not a statement or a rule. */
const MOVEMENT = /^(deploy|redeploy|withdr|pull|dispatch|sent|mov|mass|amass|reinforc|station|relocat|consolidat|defect|join|mobili|recruit|retreat|forward|fortif|convoy|patrol)/;
const SUBJECT_END = new Set(['said', 'says', 'say', 'told', 'reported', 'according', 'that', ',', ';', ':', 'claimed', 'stated', 'announced', 'after', 'while']);
/** A sentence-internal break that ends the object of a claim: "claimed the attack; police said". */
function clauseEnd(info: SentenceInfo, from: number, to: number): boolean {
  for (let j = from + 1; j < to; j++) {
    const w = info.words[j]!;
    if (w === ';' || w === 'but') return true;
    // the main verb after a suspect's description: "a man suspected of kidnapping a child was
    // beaten up by locals" ("the attack that was carried out" stays inside the object)
    if (j > from + 2 && FINITE_AUX.has(w) && !RELATIVE.has(info.words[j - 1] ?? '') && !RELATIVE.has(info.words[j - 2] ?? '')) return true;
  }
  return false;
}
const FINITE_AUX = new Set(['was', 'were']);
/** Force words that name lethal or excessive force in themselves ("live rounds", "violently
 *  suppressed"), unlike "injured" or "beaten", which may tell the event a protest is about. */
const STRONG_FORCE = /^(live|excessive|lethal|deadly|brutal|violently|massacre|crushed|opened|open fire|opens fire|serious|critically)/;

/**
 * Cues of how a demonstration went, read on one hit of an incident's sentence: rules as data,
 * each with its reason (stage 2 of typing a protest, see typeDemonstration).
 */
interface ProtestCue {
  id: string;
  /** `setting`: the protest word is only where or when the violence happened, not the event;
   *  `protesters-violent`: the demonstrators used violence (ACLED: Violent demonstration,
   *  whatever force met them); `died-at-protest`: someone was killed at the protest (lethal
   *  force, ACLED: Excessive force against protesters when no armed group is told). */
  cue: 'setting' | 'protesters-violent' | 'died-at-protest';
  test: (inf: SentenceInfo, h: Hit) => boolean;
  reason: string;
}
const SETTING_LINKS = new Set(['after', 'before', 'leaving', 'left']);
const AT_PROTEST = new Set(['in', 'during', 'at', 'amid']);
const PROTEST_CUES: ProtestCue[] = [
  {
    id: 'protest-as-time',
    cue: 'setting',
    test: (inf, h) =>
      h.cat === 'protest' &&
      inf.words.slice(Math.max(0, h.w0 - 3), h.w0).some((w) => SETTING_LINKS.has(w)) &&
      inf.live.some((o) => (o.cat === 'attack' || o.cat === 'kill') && o.w1 < h.w0),
    reason: '"a candidate was shot dead after a rally": the rally dates the shooting, the shooting is the event (issue 10: a funeral, vigil or rally is the setting)',
  },
  {
    id: 'protest-as-target',
    cue: 'setting',
    test: (inf, h) =>
      h.cat === 'protest' &&
      inf.cats.has('cue_armed') &&
      inf.live.some((o) => (o.cat === 'attack' || o.cat === 'kill' || o.cat === 'clash') && o.w1 < h.w0 && h.w0 - o.w1 <= 10 && subjectKind(inf, o) !== 'state'),
    reason: '"armed men shot at demonstrators from a rooftop", "a gang armed with sticks attacked people who had joined a protest": armed men who are no state force attacking a demonstration commit the attack; the protest is its target (ACLED codes the attack, or the battle if the protesters\' side fought back)',
  },
  {
    id: 'forces-hurt',
    cue: 'protesters-violent',
    // (told as who was hurt, "officers were injured": "fired at protesters, injuring 22 people,
    // police said" names the police as the source)
    test: (inf, h) =>
      h.cat === 'kill' &&
      (inf.cats.has('protest') || inf.cats.has('cue_disperse')) &&
      !inf.cats.has('cue_armed') &&
      inf.words.slice(Math.max(0, h.w0 - 2), h.w0).some((w) => PASSIVE_AUX.has(w)) &&
      victimKind(inf, h) === 'state',
    reason: '"during the dispersal of the rally, 13 police officers were injured": police hurt at a demonstration were hurt by the demonstrators (ACLED: Violent demonstration)',
  },
  {
    id: 'died-at-protest',
    cue: 'died-at-protest',
    test: (inf, h) => {
      if (h.cat !== 'kill') return false;
      for (let j = h.w1 + 1; j <= Math.min(inf.words.length - 1, h.w1 + 3); j++) {
        if (!AT_PROTEST.has(inf.words[j]!)) continue;
        return inf.live.some((o) => o.cat === 'protest' && o.w0 > j && o.w0 - j <= 4);
      }
      return false;
    },
    reason: '"one man was shot dead in Sunday\'s protests": a death at the protest is lethal force on it',
  },
  {
    id: 'fired-on-protesters-killing',
    cue: 'died-at-protest',
    test: (inf, h) =>
      h.cat === 'kill' &&
      inf.words.some((w, j) => j < h.w0 && /^(protester|protestor|demonstrator|marcher)/.test(w) && /^(at|on|upon|into)$/.test(inf.words[j - 1] ?? '') && /^(fire|fired|firing|shot|shooting|opened)$/.test(inf.words[j - 2] ?? '')),
    reason: '"security forces fired at protesters in the square, killing two": the dead of the fire on the protesters died at the protest',
  },
];
/** Kill-category words that tell people hurt, not dead: "two protesters were wounded". */
const HURT_ONLY = /^(wound|injur)/;
/** Words that make a protest a commemoration: "protested on Friday to mark a crackdown",
 *  "a vigil on the anniversary of the massacre". */
const MARKING = /^(mark|marking|marked|commemorat|anniversar)/;
/**
 * A protest whose lead tells it was held to mark a past event: deaths the next sentences tell
 * are that event's, not this protest's (ACLED codes the commemoration by how it went itself:
 * usually a Peaceful protest).
 */
function commemoration(head: SentenceInfo): boolean {
  return head.live.some((h) => h.cat === 'protest' && head.words.slice(h.w1 + 1, h.w1 + 15).some((w) => MARKING.test(w)));
}
const protestCue = (inf: SentenceInfo, h: Hit, cue: ProtestCue['cue']) => PROTEST_CUES.some((r) => r.cue === cue && r.test(inf, h));
/** Verbs after which "to" + verb tells what was done, not an intention. */
const UNDERTOOK = new Set(['proceeded', 'began', 'started', 'continued', 'went', 'resorted']);
/** A clause boundary between two word positions: a hedge before it does not reach past it. */
function clauseBreak(info: SentenceInfo, from: number, to: number): boolean {
  for (let j = from + 1; j < to; j++) {
    const w = info.words[j]!;
    if (w === 'after' || w === 'before' || w === 'when' || w === ',' || w === ';' || w === 'since' || w === 'following') return true;
  }
  return false;
}
const VICTIM_STOP = new Set(['by', ';', '(', 'in', 'at', 'on', 'near', 'following', 'when', 'after', 'while', 'during', 'as', 'who', 'which', 'that', 'and', 'but']);
/** Words that make a state or armed word name unarmed people: "former police officers". */
const NOT_ARMED_NOW = new Set(['former', 'ex', 'retired', 'aid', 'humanitarian', 'relief', 'medical', 'civilian', 'unarmed']);
const PASSIVE_AUX = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'got', 'get']);
/** The head word of a named armed body ('Islamic Revolutionary Guard Corps', 'Kenya Defence
 *  Forces', 'Civilian Joint Task Force'): a name is blanked for triggers, but its members, as
 *  victims, are an armed side (ACLED: Armed clash, not violence against civilians). Only the
 *  name's last word counts ('Army Public School' names a school). */
const ARMED_NAME_HEAD = /^(guard|guards|corps|army|forces?|police|militias?|brigades?|battalions?|regiments?|gendarmerie|constabulary|rangers|levies|auxiliar(?:y|ies))$/;

function has(hits: Hit[], cat: TriggerCat): Hit | undefined {
  return hits.find((h) => h.cat === cat);
}

/** Who was hit by an attack or a killing: words after an active verb, before a passive one. */
function victimKind(info: SentenceInfo, h: Hit): 'state' | 'civ' | 'unknown' {
  const w = info.words;
  const passive = PASSIVE_AUX.has(w[h.w0 - 1] ?? '') || PASSIVE_AUX.has(w[h.w0 - 2] ?? '') || w[h.w1 + 1] === 'by';
  let from: number, to: number;
  if (passive) {
    from = Math.max(0, h.w0 - 8);
    to = h.w0 - 1;
  } else {
    from = h.w1 + 1;
    to = Math.min(w.length - 1, h.w1 + 8);
  }
  // the victim phrase next to the trigger, up to "by", a preposition or a clause boundary;
  // a state or armed word anywhere in it wins ("2 pro-government militia members", "4 local policemen")
  const step = passive ? -1 : 1;
  let civ = false;
  let seen = false;
  let notArmed = false;
  for (let j = passive ? to : from; passive ? j >= from : j <= to; j += step) {
    const x = w[j]!;
    if (x === 'at' && w[j + 1] === 'least') continue;
    // "an attack on security personnel", "fired at the positions"
    // ("fired rubber bullets at fishermen": the means, then the target)
    if (!passive && !seen && j - from <= 3 && (x === 'on' || x === 'against' || x === 'at' || x === 'upon')) continue;
    if (VICTIM_STOP.has(x) && (seen || !passive)) break;
    if (passive && x === ',') break;
    // "two members of the Revolutionary Guard Corps were killed": the name tells who they were
    // (the victims told, a comma ends their phrase: 'killing 12 people, police said' names no armed body)
    if (x === ',' && seen) break;
    if (x === '' && !notArmed && ARMED_NAME_HEAD.test(info.raw[j] ?? '') && w[j + 1] !== '') return 'state';
    // "former police officers", "an aid convoy": unarmed people, civilians in ACLED's coding
    if (NOT_ARMED_NOW.has(x)) {
      civ = true;
      seen = true;
      notArmed = true;
      continue;
    }
    if (STATE_TARGET.test(x) && !notArmed && !(passive && (NOT_ARMED_NOW.has(w[j - 1] ?? '') || NOT_ARMED_NOW.has(w[j - 2] ?? '')))) return 'state';
    if (CIV_TARGET.test(x)) {
      civ = true;
      seen = true;
    }
  }
  return civ ? 'civ' : 'unknown';
}

/** The actor before a trigger (the subject), by a rough state / non-state reading. */
function subjectKind(info: SentenceInfo, h: Hit): 'state' | 'nonstate' | 'unknown' {
  // a state word anywhere in the subject wins: "Syrian army and allied fighters captured",
  // "Afghan forces in a crackdown on Taliban militants recaptured"; the subject ends at a
  // reporting verb ("a Libyan security official said Islamic militants seized"), unless it is
  // only a pronoun ("IS said it captured")
  // a passive hit holds its taker ("the army base was captured by jihadists"): the taker wins
  // over the place's owner told before it
  const own = info.words.slice(h.w0, h.w1 + 1).indexOf('by');
  if (own > 0) {
    for (let j = h.w0 + own + 1; j <= h.w1; j++) {
      if (NONSTATE_ACTOR.test(info.words[j]!)) return 'nonstate';
      if (STATE_ACTOR.test(info.words[j]!)) return 'state';
    }
  }
  // a verb coordinated with an earlier one shares its subject, and what lies between is that
  // verb's object: "militants killed 12 soldiers and briefly captured a base" (the soldiers
  // did not capture it)
  let start = h.w0 - 1;
  const and = info.words[h.w0 - 1] === 'and' ? h.w0 - 1 : info.words[h.w0 - 2] === 'and' && info.tok[h.w0 - 1]?.pos === 'ADV' ? h.w0 - 2 : -1;
  if (and > 0) {
    for (let j = and - 1; j >= Math.max(0, and - 8); j--) {
      if (info.tok[j]!.pos === 'VERB') {
        start = j - 1;
        break;
      }
    }
  }
  let kind: 'state' | 'nonstate' | 'unknown' = 'unknown';
  let content = 0;
  for (let j = start; j >= Math.max(0, start - 11); j--) {
    const x = info.words[j]!;
    if (SUBJECT_END.has(x) && (kind !== 'unknown' || content > 0)) break;
    if (info.tok[j]!.pos === 'NOUN' || info.tok[j]!.pos === 'PROPN') content++;
    // "Iraqi forces seized full control", but "opposition forces liberated the town"
    if ((x === 'forces' || x === 'troops') && !NONSTATE_ACTOR.test(info.words[j - 1] ?? '') && !NONSTATE_PREFIX.has(info.words[j - 1] ?? '')) {
      kind = 'state';
      break;
    }
    if (STATE_ACTOR.test(x)) {
      kind = 'state';
      break;
    }
    if (NONSTATE_ACTOR.test(x)) kind = 'nonstate';
  }
  // "the militants were pushed back from their strongholds": the subject lost the ground
  if (kind !== 'unknown' && PASSIVE_AUX.has(info.words[h.w0 - 1] ?? '')) return kind === 'state' ? 'nonstate' : 'state';
  if (kind !== 'unknown') return kind;
  // "the village was captured by the Taliban"
  // (the passive entries hold their "by <taker>" inside the hit: "<town> was occupied by insurgents")
  const by = info.words.slice(h.w0 + 1, h.w1 + 3).lastIndexOf('by');
  if (by >= 0) {
    for (let j = h.w0 + 1 + by + 1; j <= Math.min(info.words.length - 1, h.w0 + 1 + by + 6); j++) {
      const x = info.words[j]!;
      if (NONSTATE_ACTOR.test(x)) return 'nonstate';
      if (STATE_ACTOR.test(x)) return 'state';
    }
  }
  return 'unknown';
}

/** Is the subject of an active violent verb an unorganised crowd ("a group of people that
 *  attacked", "local villagers assaulted"), and no state or armed actor? */
/** Words of people who clash as a crowd, not as an armed group: "members of two parties
 *  clashed", "villagers clashed over land". */
/** Victims' words that tell nobody's side: "killing five people", "five officials died". */
const GENERIC_VICTIM = /^(people|persons|individuals|officials|others|lives)$/;
/** Members of the state's forces among the dead. */
const STATE_DEAD = /^(soldier|troop|police|policem|policewom|officer|cop|cops|personnel|jawan|constable|gendarm|guard|ranger|commando|marine)/;

/** The civilian-sounding words of a kill hit's victims' phrase (after an active verb, before a
 *  passive one), up to a clause boundary. */
function victimWords(info: SentenceInfo, h: Hit): string[] {
  const w = info.words;
  const passive = PASSIVE_AUX.has(w[h.w0 - 1] ?? '') || PASSIVE_AUX.has(w[h.w0 - 2] ?? '') || (w[h.w1 + 1] ?? '') === 'died';
  const out: string[] = [];
  for (let d = 1; d <= 8; d++) {
    const x = w[passive ? h.w0 - d : h.w1 + d];
    if (x === undefined || x === ',' || (VICTIM_STOP.has(x) && x !== 'and' && !(x === 'at' && (w[h.w1 + d + 1] ?? '') === 'least'))) break;
    if (CIV_TARGET.test(x)) out.push(x);
  }
  return out;
}

/** A state force's member named among the dead beside others: "one officer and 24 suspects
 *  died", "a soldier and three gunmen were killed" (not "a gendarme shot and killed a man"). */
function stateAmongDead(info: SentenceInfo, h: Hit): boolean {
  const w = info.words;
  const undergone = PASSIVE_AUX.has(w[h.w0 - 1] ?? '') || PASSIVE_AUX.has(w[h.w0 - 2] ?? '') || /^(died|dead)$/.test(w[h.w0]!);
  if (!undergone) return false;
  for (let j = Math.max(0, h.w0 - 10); j < h.w0; j++) {
    if (!STATE_DEAD.test(w[j]!)) continue;
    const and = w[j + 1] === 'and' ? j + 1 : w[j + 2] === 'and' ? j + 2 : -1;
    if (and > 0 && info.tok[and + 1]?.pos !== 'VERB') return true;
  }
  return false;
}

/** Armed men among the dead (state forces, their auxiliaries, militiamen). */
const ARMED_DEAD = /^(soldier|troop|police|policem|officer|personnel|jawan|constable|gendarm|guard|ranger|commando|marine|auxiliar|militiam|militia|security)/;
/** Civilians among the dead. */
const CIVIL_DEAD = /^(civilian|villager|resident|people|farmer|women|children)/;
/** Does a death told in the passive ("were killed", "died") name civilians and armed men among
 *  its dead, before it and with no agent ("by") between? */
function armedAmongDead(info: SentenceInfo, h: Hit): boolean {
  const w = info.words;
  // (not "forces shot the gunmen dead": an active verb's object)
  const undergone = PASSIVE_AUX.has(w[h.w0 - 1] ?? '') || PASSIVE_AUX.has(w[h.w0 - 2] ?? '') || w[h.w0] === 'died';
  if (!undergone || /^(wound|injur)/.test(w[h.w0]!)) return false;
  let armed = false;
  let civ = false;
  for (let j = h.w0 - 1; j >= Math.max(0, h.w0 - 14); j--) {
    const x = w[j]!;
    if (x === 'by' || x === ';' || x === 'said' || x === 'after' || x === 'before' || x === 'when' || x === 'as') break;
    if (ARMED_DEAD.test(x) && !NOT_ARMED_NOW.has(w[j - 1] ?? '')) armed = true;
    if (CIVIL_DEAD.test(x)) civ = true;
  }
  return armed && civ;
}

/**
 * Victims read as civilians that the incident shows to be one side of a fight (ACLED: Armed
 * clash, a battle needs two armed sides): rules as data, each with its reason. They are read
 * only where the first victims read were civilians.
 */
const VICTIM_RULES: { id: string; test: (all: Hit[], at: Map<Hit, SentenceInfo>) => boolean; reason: string }[] = [
  {
    id: 'both-sides-fell',
    test: (all, at) =>
      all.some((h) => h.cat === 'attack' && subjectKind(at.get(h)!, h) === 'state') &&
      all.some((h) => h.cat === 'kill' && stateAmongDead(at.get(h)!, h)),
    reason: 'a raid by police or troops in which their own men died beside those they raided ("police raided a slum and one officer and 24 suspects died") met armed resistance: a side fought back',
  },
  {
    id: 'armed-target-generic-dead',
    test: (all, at) => {
      const kills = all.filter((h) => h.cat === 'kill');
      const told = kills.map((h) => victimWords(at.get(h)!, h));
      const generic = told.some((ws) => ws.length > 0) && told.every((ws) => ws.every((x) => GENERIC_VICTIM.test(x)));
      return generic && all.some((h) => h.cat === 'attack' && victimKind(at.get(h)!, h) === 'state');
    },
    reason: 'an ambush or assault on a convoy, post or patrol of armed men, whose dead the text names by no side ("ambushed an army convoy, killing five officials"), killed the armed men attacked',
  },
];

const CROWD_WORD = /^(group|groups|communit|villager|resident|famil|clan|tribe|shopkeeper|trader|supporter|student|worker|farmer|beneficiar|locals|youth|member|nationals|inhabitant|neighbo|seller|vendor)/;
const MANY = new Set(['hundreds', 'thousands', 'dozens', 'scores', 'many']);
function crowdSubject(info: SentenceInfo, h: Hit): boolean {
  if (PASSIVE_AUX.has(info.words[h.w0 - 1] ?? '')) return false;
  // (a few "people" are no crowd: "three people torched two patrol cars")
  const crowd = info.hits.find((c) => c.cat === 'crowd' && c.w1 < h.w0 && h.w0 - c.w1 <= 4 && (info.words[c.w0] !== 'people' || MANY.has(info.words[c.w0 - 1] ?? '') || Number(info.words[c.w0 - 1]) >= 10));
  if (!crowd) return false;
  for (let j = crowd.w1 + 1; j < h.w0; j++) {
    const x = info.words[j]!;
    if (x !== 'that' && x !== 'who' && (SUBJECT_END.has(x) || VICTIM_STOP.has(x) || info.tok[j]!.pos === 'VERB')) return false;
  }
  return subjectKind(info, h) === 'unknown';
}

/** ACLED notes sometimes open with the sub-event's name ("Looting: On 9 May ..."). */
const TAGS: [RegExp, SubEventType][] = [
  [/^(looting|property destruction|land seizure)\s*:/i, 'Looting/property destruction'],
  [/^(movement of forces|security measures?|change to (armed )?group)\s*:/i, 'Change to group/activity'],
  [/^arrests?\s*:/i, 'Arrests'],
  [/^(detonation|defusal|weapons seizure|interception)\s*:/i, 'Disrupted weapons use'],
  [/^agreement\s*:/i, 'Agreement'],
  [/^headquarters or base established\s*:/i, 'Headquarters or base established'],
  [/^non-violent transfer of territory\s*:/i, 'Non-violent transfer of territory'],
  [/^(other|explosive remnants of war|non-violent activity)\s*:/i, 'Other'],
];

function tagOf(doc: Doc): SubEventType | null {
  const s = doc.sentences[0];
  if (!s) return null;
  const start = doc.text.slice(s.start, Math.min(s.end, s.start + 60));
  for (const [re, sub] of TAGS) if (re.test(start)) return sub;
  return null;
}

/**
 * Stage 1 of typing (spans): the event hits an incident's sentences tell of this event, each with
 * its sentence. What someone was accused of, and what a clause going back to another event names
 * (REFERENCE_CLAUSES), count only when nothing else is told.
 */
function incidentHits(infos: SentenceInfo[]): { all: Hit[]; hitSentence: Map<Hit, SentenceInfo> } {
  let all: Hit[] = [];
  const hitSentence = new Map<Hit, SentenceInfo>();
  for (const inf of infos) for (const h of inf.live) {
    all.push(h);
    hitSentence.set(h, inf);
  }
  // the event told counts before the event it answers or follows ("claimed the missile attack,
  // which came in retaliation for an air strike", "shelling killed 14, the day after an aerial
  // bombardment")
  const referenced = (h: Hit) => hitSentence.get(h)!.references.some(([a, b]) => h.w0 >= a && h.w0 <= b);
  if (all.some((h) => !referenced(h))) all = all.filter((h) => !referenced(h));
  // what was done counts before what someone was accused of ("launched airstrikes on groups
  // it accused of carrying out a chlorine attack")
  if (all.some((h) => !h.attributed && !WEAK_CATS.has(h.cat))) all = all.filter((h) => !h.attributed);
  return { all, hitSentence };
}

/** Type one incident from its sentences (the first is the head). */
/** `told`: every sentence of the incident, also those with no trigger ("The victim had a record
 *  of drug trafficking."). */
function typeIncident(doc: Doc, infos: SentenceInfo[], told: SentenceInfo[] = infos): Typed | null {
  const head = infos[0]!;
  const { all, hitSentence } = incidentHits(infos);
  const cues = new Set<TriggerCat>();
  for (const inf of infos) for (const c of inf.cats) cues.add(c);
  // how a protest was met, told in a sentence of its own with no trigger: "Police resorted to
  // a baton charge to disperse the workers.", "Several were arrested."
  for (const inf of told) {
    if (infos.includes(inf) && inf.cats.has('cue_disperse')) continue;
    if (inf.cats.has('cue_past') || inf.cats.has('cue_attrib')) continue;
    // (force used on a crowd; an arrest told apart may be what the protest is about: "He was
    // arrested in connection with a land case.")
    // (nor force denied: "the military refrained from any kind of intervention")
    if (inf.hits.some((h) => h.cat === 'cue_disperse' && !DETERMINERS.has(inf.words[h.w0 - 1] ?? '') && !/^(arrest|detain|detention|custody|fined|removed|prevented|halted|suppress|evicted)/.test(inf.words[h.w0]!) && !inf.words.slice(Math.max(0, h.w0 - 5), h.w0).some((w) => NEGATORS.has(w) || /^(refrain|avoid)/.test(w)))) cues.add('cue_disperse');
  }
  const mk = (sub: SubEventType, rule: string, hit: Hit, confidence: number): Typed => ({
    sub,
    rule,
    hit,
    sentence: hitSentence.get(hit)?.index ?? head.index,
    confidence,
  });
  const firstHit = all[0];
  if (!firstHit) return null;

  // ACLED's own tag at the start of the text
  if (head.index === 0) {
    const sub = tagOf(doc);
    if (sub) return mk(sub, 'tag', firstHit, 0.95);
  }

  const protest = all.find((h) => h.cat === 'protest' && !protestCue(hitSentence.get(h)!, h, 'setting'));
  // Violence told outside the head sentence belongs to the protest only when that sentence is
  // about the protesters and not a claim or the background ("The protesters claimed that their
  // houses were damaged", "after the prison riot in March").
  const ownViolence = (h: Hit): boolean => {
    const inf = hitSentence.get(h)!;
    if (inf === head) return true;
    // stones thrown at the police next to a protest are the protesters' ("Police officers were
    // pelted with stones")
    // (not clashes with armed groups the sentence names: "the province is a flashpoint for
    // clashes with smuggling gangs and rebels" tells the armed men's fighting)
    if (h.cat === 'riot_act' && inf.cats.has('cue_state') && !inf.cats.has('cue_past') && !inf.cats.has('cue_armed')) return true;
    return (inf.cats.has('protest') || inf.cats.has('crowd')) && !inf.cats.has('cue_attrib') && !inf.cats.has('cue_past');
  };
  // (armed men who "clashed with police" fought a battle: "Taliban militants clashed with
  // police forces")
  const armedRiot = (h: Hit) => cues.has('cue_armed') && /^clash/.test(hitSentence.get(h)!.words[h.w0]!) && !all.some((x) => x.cat === 'protest');
  const riot = all.find((h) => h.cat === 'riot' && ownViolence(h) && !armedRiot(h));
  const riotAct = all.find((h) => h.cat === 'riot_act' && ownViolence(h)) ?? (protest ? all.find((h) => protestCue(hitSentence.get(h)!, h, 'protesters-violent')) : undefined);
  const mob = has(all, 'mob');
  const chem = has(all, 'chemical');
  if (chem) return mk('Chemical weapon', 'chemical', chem, 0.9);

  // Demonstrations: the protest decides, with how it went and how it was met.
  if (protest || riot) {
    const p = protest ?? riot!;
    const sent = hitSentence.get(p)!;
    // (a blast or a grenade is a means too: "an explosion hit a party rally" is the explosion,
    // the rally its setting)
    const explosive = has(all, 'suicide') ?? has(all, 'ied') ?? has(all, 'air') ?? has(all, 'shelling') ?? has(all, 'explosion') ?? has(all, 'grenade');
    if (!explosive || (protest && protest.w0 < explosive.w0 && hitSentence.get(protest) === hitSentence.get(explosive))) {
      // lethal or serious force by the state: "opened fire on demonstrators, killing three",
      // "violently suppressed a peaceful protest", "three die in protest crackdown"
      // (or protesters killed at the protest, whoever fired: "four protesters died from gunfire
      // during a demonstration outside the consulate")
      // (a protest held to mark a past crackdown: the deaths told after the lead are the ones
      // marked, and so is the force told with them, not how this protest was met)
      const marked = commemoration(head) ? infos.filter((inf) => inf !== head && inf.live.some((h) => h.cat === 'kill')) : [];
      const metBy = infos.filter((inf) => !marked.includes(inf));
      const dispersed = cues.has('cue_disperse') && (marked.length === 0 || [...metBy, ...told.filter((inf) => !infos.includes(inf))].some((inf) => inf.cats.has('cue_disperse')));
      const protestersHit = (h: Hit, inf: SentenceInfo) => h.cat === 'kill' && (inf.words.slice(Math.max(0, h.w0 - 4), h.w1 + 5).some((x) => /^(protester|protestor|demonstrator)/.test(x)) || (!cues.has('cue_armed') && protestCue(inf, h, 'died-at-protest')));
      const protestersDied = metBy.some((inf) => inf.live.some((h) => protestersHit(h, inf)));
      // (only wounded, and not seriously: ACLED keeps Excessive force for lethal force or serious
      // injuries; injuries short of that are a Protest with intervention)
      // (nobody told dead at all: "two were killed and several injured in the protest" is lethal)
      const onlyHurt = metBy.every((inf) => inf.live.every((h) => h.cat !== 'kill' || HURT_ONLY.test(inf.words[h.w0]!)));
      const forceTold = metBy.some((inf) => inf.cats.has('cue_force'));
      const force = forceTold && (cues.has('cue_state') || cues.has('cue_disperse') || infos.some((inf) => inf.words.includes('authorities')) || protestersDied);
      // (ACLED keeps the type for lethal force on the protesters themselves: force told of the
      // event they protest, "after a police officer beat up a trader", or met by protesters who
      // fought back, is not it)
      const strongForce = metBy.some((inf) => inf.cats.has('cue_force') && inf.hits.some((h) => h.cat === 'cue_force' && STRONG_FORCE.test(inf.words.slice(h.w0, h.w1 + 1).join(' '))));
      const protesterKilled = force && ((protestersDied && !onlyHurt) || strongForce);
      if (force && protestersDied && onlyHurt && !strongForce && protest && !riot && !riotAct) return mk('Protest with intervention', 'protest+protesters-hurt', p, 0.6);
      if (riot || riotAct) {
        if (mob && !protest) return mk('Mob violence', 'riot:mob', mob, 0.7);
        // a fight with the police and no demonstration told: "locals pelted stones and clashed
        // with police" (ACLED: rioters who are not demonstrating commit Mob violence)
        if (!protest && riot && /^clash/.test(hitSentence.get(riot)!.words[riot.w0]!)) return mk('Mob violence', 'riot:clash-no-protest', riot, 0.6);
        return mk('Violent demonstration', riot ? 'riot' : riotAct!.cat === 'riot_act' ? 'protest+riot-act' : 'protest+forces-hurt', riot ?? riotAct!, 0.75);
      }
      if (protesterKilled && protest) return mk('Excessive force against protesters', 'protest+lethal-force', p, 0.6);
      if (dispersed) return mk('Protest with intervention', 'protest+intervention', p, 0.7);
      if (protest && !has(all, 'clash') && !has(all, 'attack') && !has(all, 'kill') && !explosive) return mk('Peaceful protest', 'protest', p, 0.85);
      if (protest && sent === head) return mk('Peaceful protest', 'protest', p, 0.6);
    }
  }
  if (mob) return mk('Mob violence', 'mob', mob, 0.75);

  // A town taken, told in the lead sentence with no explosive or air strike of its own, is the
  // event, whatever arms later sentences name ("Insurgents overran the town of Dikwa … fighter
  // jets later bombed …"): ACLED codes the change of territory.
  // (not a place described as taken before: 'found in the liberated villages')
  const leadTake = head.live.find((x) => (x.cat === 'capture' || x.cat === 'regain') && head.words[x.w0 - 1] !== 'the' && TOWN_WORDS.test(head.words.slice(x.w0, x.w1 + 1).join(' ')));
  if (leadTake && !head.live.some((x) => EXPLOSIVE_CATS.has(x.cat) || x.cat === 'disrupt')) {
    const who = subjectKind(head, leadTake);
    if (who === 'nonstate' && leadTake.cat === 'capture') return mk('Non-state actor overtakes territory', 'capture:lead-town', leadTake, 0.7);
    if (who === 'state' || leadTake.cat === 'regain') return mk('Government regains territory', 'regain:lead-town', leadTake, 0.7);
  }

  // Explosions / remote violence, in ACLED's precedence
  const suicide = has(all, 'suicide');
  if (suicide) return mk('Suicide bomb', 'suicide', suicide, 0.9);
  const disrupt = has(all, 'disrupt');
  const killed = has(all, 'kill');
  const ied = has(all, 'ied');
  const explosion = has(all, 'explosion');
  // "an IED was found and defused": the weapon was not used (unless people were killed, or
  // it happened in a fight: "shot down a drone during the clash")
  const fight = all.find((h) => CLASH_ENTRIES.has(h.entry));
  const means = has(all, 'air');
  // an arrest told first in the lead, the weapons found on those arrested told after it: the
  // arrests are the event ("police arrested four militants in a raid … explosives and rifles
  // were recovered from them"); ACLED codes the seizure as part of the arrest
  const arrestLead = head.live.find((x) => !x.attributed);
  const seizedAfter = (x: Hit) => hitSentence.get(x) !== head && !/^(defus|diffus|disarm|dispos|neutrali|deactivat|dismantl|intercept|shot|shoot|downed)/.test(hitSentence.get(x)!.words[x.w0]!);
  if (disrupt && arrestLead?.cat === 'arrest' && !killed && !fight && all.filter((x) => x.cat === 'disrupt').every(seizedAfter)) {
    return mk('Arrests', 'arrest:first-weapons-after', arrestLead, 0.65);
  }
  if (disrupt && !fight && !killed && (!means || disrupt.entry === 'disrupt-intercept')) {
    return mk('Disrupted weapons use', 'disrupt', disrupt, 0.75);
  }
  if (ied) return mk('Remote explosive/landmine/IED', 'ied', ied, 0.85);
  // air strikes named as support of a ground offensive are not the event: "troops, assisted by
  // coalition air strikes, launched the offensive to retake the city" is the battle
  const supportAir = (x: Hit) => {
    const w = hitSentence.get(x)!.words;
    for (let j = Math.max(0, x.w0 - 4); j < x.w0; j++) if (/^(assist|back|support|cover)/.test(w[j]!)) return true;
    return false;
  };
  // 'A missile hit the port city of Odesa … the strike damaged a school yard': a strike that
  // names no aircraft, told after a missile, rocket or shell, is that missile's (ACLED: shelling).
  const order = (x: Hit) => (hitSentence.get(x)!.index << 10) + x.w0;
  const missile = all.find((x) => x.cat === 'shelling' && MISSILE_WORDS.has(hitSentence.get(x)!.words[x.w0]!));
  const missileStrike = (x: Hit) => !!missile && GENERIC_STRIKE.has(hitSentence.get(x)!.words[x.w0]!) && order(missile) < order(x);
  // air strikes on the attackers of a post as they fled, told after the assault, are the
  // defenders' answer in the battle: "militants attacked the camp … jets attacked the attackers
  // as they fled" is the Armed clash (ACLED codes the assault)
  const headAssault0 = head.live.some((x) => x.cat === 'attack' || x.cat === 'clash') && !head.live.some((x) => x.cat === 'air');
  const pursuitAir = (x: Hit) => headAssault0 && hitSentence.get(x) !== head && hitSentence.get(x)!.words.some((w) => PURSUIT.has(w));
  const air = all.find((x) => x.cat === 'air' && !missileStrike(x) && !pursuitAir(x) && !(supportAir(x) && all.some((o) => o.entry === 'offensive-start' || o.entry === 'clash')));
  if (air) return mk('Air/drone strike', 'air', air, 0.85);
  const shelling = has(all, 'shelling');
  const clash = has(all, 'clash');
  const strongClash = all.find((h) => CLASH_ENTRIES.has(h.entry) || h.entry === 'small-arms' || (h.cat === 'riot' && armedRiot(h)));
  const grenade = has(all, 'grenade');
  // A two-sided fight with artillery or grenades is an Armed clash: "clashes took place amid
  // regime shelling", "exchanged artillery", "attacked a patrol with grenades and firearms".
  const smallArms = all.find((h) => h.entry === 'small-arms');
  // (a clash told as the setting does not make the shelling part of it: "launched missiles and
  // destroyed artillery batteries as border clashes entered their seventh day")
  const setting = (x: Hit) => {
    const w = hitSentence.get(x)!.words;
    for (let j = Math.max(0, x.w0 - 3); j < x.w0; j++) if (SETTING_WORDS.has(w[j]!)) return true;
    return false;
  };
  const backgroundClash = strongClash && shelling && setting(strongClash) && !smallArms && all.every((x) => x.entry !== 'clash' || setting(x));
  if (((shelling && (strongClash || smallArms)) || (grenade && smallArms)) && !backgroundClash) {
    return mk('Armed clash', 'clash>shelling', strongClash ?? smallArms!, 0.65);
  }
  // An assault on a post told in the lead, its weapons told after ("terrorists attacked a police
  // station … the attackers used heavy weapons, including rocket launchers"): a battle with the
  // post's defenders, not fire from afar.
  const headAssault = head.live.find((x) => x.cat === 'attack');
  if (shelling && headAssault && hitSentence.get(shelling) !== head && !head.live.some((x) => x.cat === 'shelling') && head.cats.has('cue_state') && head.cats.has('cue_armed')) {
    return mk('Armed clash', 'assault>weapons-told-after', headAssault, 0.6);
  }
  if (shelling) return mk('Shelling/artillery/missile attack', 'shelling', shelling, 0.8);
  if (grenade) return mk('Grenade', 'grenade', grenade, 0.8);
  // (the forces' response told after the blast is not a fight at it: "The mine tore through the
  // truck. … Troops then went after the attackers and fought them")
  const response = (x: Hit) => x.entry === 'clash-weak' && RESPONSE.test(hitSentence.get(x)!.words[x.w0]!) && order(x) > order(explosion!);
  if (explosion && !all.some((x) => x.cat === 'clash' && !response(x))) return mk('Remote explosive/landmine/IED', 'explosion', explosion, 0.6);
  // Territory taken counts from the lead sentence, or from later ones when the lead tells no
  // fight of its own ("militants attacked a base, killing two soldiers. The militants briefly
  // took control of it" is the attack)
  const headFight = head.live.some((x) => x.cat === 'clash' || x.cat === 'kill' || x.cat === 'attack');
  // ("After seizing the area, the troops fought off several counterattacks": the fight)
  const territorial = (x: Hit) => (hitSentence.get(x) === head || !headFight) && !(hitSentence.get(x)!.words[x.w0 - 1] === 'after' && all.some((o) => o.entry === 'clash'));
  const regain = all.find((x) => x.cat === 'regain' && territorial(x));
  const capture = all.find((x) => x.cat === 'capture' && territorial(x));
  const transfer = has(all, 'transfer');
  if (regain || capture) {
    const h = regain ?? capture!;
    const who = subjectKind(hitSentence.get(h)!, h);
    // taken after the other side withdrew: "IS recaptured Palmyra after Syrian forces pulled out"
    const withdrawal = all.find((x) => x.cat === 'change' && /^(withdr|pull|retreat|evacuat|vacat)/.test(hitSentence.get(x)!.words[x.w0]!));
    const fought = all.some((x) => CLASH_ENTRIES.has(x.entry) || x.entry === 'small-arms') || killed;
    if ((transfer || withdrawal) && !fought) return mk('Non-violent transfer of territory', 'transfer', transfer ?? withdrawal!, 0.6);
    if (who === 'nonstate') return mk('Non-state actor overtakes territory', 'capture:non-state', h, 0.7);
    if (who === 'state' || regain) return mk('Government regains territory', 'capture:state', h, 0.7);
    return mk('Non-state actor overtakes territory', 'capture', h, 0.5);
  }
  const sexual = has(all, 'sexual');
  if (sexual) return mk('Sexual violence', 'sexual', sexual, 0.85);
  const abduct = has(all, 'abduct');
  if (abduct) {
    // soldiers or police taken in an attack: ACLED codes the fight, an Armed clash
    const v = victimKind(hitSentence.get(abduct)!, abduct);
    // (unless state forces did the taking: "Israeli forces kidnapped dozens in a series of raids")
    const abInf = hitSentence.get(abduct)!;
    const activeVerb = abInf.tok[abduct.w0]!.pos === 'VERB' && !PASSIVE_AUX.has(abInf.words[abduct.w0 - 1] ?? '');
    const stateOnly = v === 'state' || (v === 'unknown' && cues.has('cue_state') && !cues.has('cue_civ') && !(activeVerb && subjectKind(abInf, abduct) === 'state'));
    // "were kidnapped and killed": ACLED codes the killing, an Attack
    const thenKilled = killed && hitSentence.get(killed) === hitSentence.get(abduct) && killed.w0 > abduct.w1 && killed.w0 - abduct.w1 <= 3;
    if (!stateOnly && thenKilled) return mk('Attack', 'abduct+killed', killed, 0.6);
    // "gunmen abducted 14 villagers and killed six": people killed in the same raid make it
    // an Attack in ACLED's codebook; the abduction is told in the notes
    if (!stateOnly && killed && victimKind(hitSentence.get(killed)!, killed) !== 'state') return mk('Attack', 'abduct+killed', killed, 0.6);
    if (!stateOnly) return mk('Abduction/forced disappearance', 'abduct', abduct, 0.8);
  }
  if (transfer && !clash && !killed) return mk('Non-violent transfer of territory', 'transfer', transfer, 0.5);
  // an unorganised crowd that attacks people or property, with no armed group named:
  // "villagers assaulted two men they took for cattle thieves", "residents torched a bar"
  // (ACLED: Mob violence)
  if (!cues.has('cue_armed')) {
    const crowdAct = all.find((h) => (h.cat === 'attack' || h.cat === 'riot_act' || h.cat === 'destroy') && crowdSubject(hitSentence.get(h)!, h));
    if (crowdAct) return mk('Mob violence', 'crowd-attack', crowdAct, 0.6);
  }

  // A strategic development told first in the lead sentence, with nobody killed before it, is
  // the event: "the two sides agreed a ceasefire after the worst fighting in decades", "the
  // army set up a new observation point"
  const lead = head.live.find((h) => !h.attributed);
  const movement = lead?.cat === 'change' && MOVEMENT.test(head.words[lead.w0]!);
  if (lead && (lead.cat === 'agreement' || lead.cat === 'hq' || (movement && !has(head.live, 'attack'))) && !head.live.some((h) => h.cat === 'kill' && h.w0 < lead.w0)) {
    const sub: SubEventType = lead.cat === 'agreement' ? 'Agreement' : lead.cat === 'hq' ? 'Headquarters or base established' : 'Change to group/activity';
    if (!killed || lead.cat !== 'change') return mk(sub, `${lead.cat}:first`, lead, 0.6);
  }
  // An arrest or looting told first, with nobody killed, is the event: "police arrested and
  // beat six opposition members", "shops were looted and set alight"
  const arrest = has(all, 'arrest');
  const headFirst = head.live.find((h) => !h.attributed);
  // state forces seizing drugs or contraband (arrests made in it are part of the operation)
  const seizure = head.live.find((h) => h.entry === 'loot-seizure');
  if (seizure && !killed && !strongClash) return mk('Looting/property destruction', 'loot:state-seizure', seizure, 0.6);
  if (arrest && !killed && !strongClash && headFirst?.cat === 'arrest') return mk('Arrests', 'arrest:first', arrest, 0.65);
  const looted = all.find((h) => h.entry === 'loot' && /^(loot|plunder|pillag|ransack)/.test(hitSentence.get(h)!.words[h.w0]!));
  if (looted && !killed && !strongClash) return mk('Looting/property destruction', 'loot:first', looted, 0.6);
  // Battles vs violence against civilians: who was hit
  const attack = has(all, 'attack');
  // a fight between groups of a community, or between a crowd and the police, with no armed
  // group in it: "two groups of a community clashed over land", "a clash erupted between police
  // and shopkeepers" (ACLED: Mob violence)
  if (strongClash && !cues.has('cue_armed') && (CROWD_WORD.test(hitSentence.get(strongClash)!.words.slice(Math.max(0, strongClash.w0 - 8), strongClash.w1 + 8).find((w) => CROWD_WORD.test(w)) ?? ''))) {
    // (a shoot-out or gun battle is fought with firearms: armed groups, not a crowd)
    const militaryMeans = all.some((h) => h.cat === 'shelling' || h.cat === 'air' || h.entry === 'small-arms') || /^(shoot|gun|firefight|fire|crossfire)/.test(hitSentence.get(strongClash)!.words[strongClash.w0]!);
    if (!militaryMeans && !head.words.some((w) => /^(soldier|troop|army|military|militant|rebel|insurgent)/.test(w))) return mk('Mob violence', 'clash:crowd', strongClash, 0.55);
  }
  const realClash = all.find((h) => CLASH_ENTRIES.has(h.entry) || h.entry === 'offensive-start' || (h.cat === 'riot' && armedRiot(h)));
  if (realClash) return mk('Armed clash', 'clash', realClash, 0.75);
  // torture and ill-treatment are done to people in someone's power: Attack
  const torture = all.find((h) => h.cat === 'attack' && /^tortur/.test(hitSentence.get(h)!.words[h.w0]!));
  if (torture) return mk('Attack', 'attack:torture', torture, 0.6);
  const violent = attack ?? killed;
  if (violent) {
    // the victim of the first killing or attack told: kill words name victims best
    let victim: 'state' | 'civ' | 'unknown' = 'unknown';
    let victimHit = violent;
    // (a killing told as what happened comes before one told as a description, "the wounded
    // men were taken to a health centre … At least five soldiers were killed": "the wounded men"
    // goes back to the victims and names them no better than "men")
    const attributive = (h: Hit) => {
      const inf = hitSentence.get(h)!;
      const prev = inf.words[h.w0 - 1] ?? '';
      return h.cat === 'kill' && inf.tok[h.w1 + 1]?.pos === 'NOUN' && (DETERMINERS.has(prev) || inf.tok[h.w0 - 1]?.pos === 'NUM' || NUM_WORDS.has(prev));
    };
    const asTold = [...all.filter((h) => !attributive(h)), ...all.filter(attributive)];
    for (const cat of ['kill', 'attack'] as const) {
      for (const h of asTold) {
        if (h.cat !== cat || victim !== 'unknown') continue;
        victim = victimKind(hitSentence.get(h)!, h);
        if (victim !== 'unknown') victimHit = h;
      }
    }
    // soldiers or police attacked off duty are civilians in ACLED's coding ("shot dead an
    // off-duty police officer outside his house")
    // (not "unclear if he was off-duty")
    const offDuty = infos.some((inf) => inf.words.some((w, j) => w === 'off' && inf.words[j + 1] === 'duty' && !inf.words.slice(Math.max(0, j - 4), j).some((x) => x === 'if' || x === 'whether' || x === 'not')));
    if (victim === 'state' && offDuty) victim = 'civ';
    // a victim told as a gang member or drug trafficker is one side of a fight between armed
    // groups (ACLED: Armed clash): "a rival gang member was shot dead", "the victim had a
    // record of drug trafficking"
    // ... not a victim of a gang: "was shot dead by gang members" names the attacker.
    const armedVictim = (inf: { words: string[] }) =>
      inf.words.some((w) => /^victim/.test(w)) &&
      inf.words.some((w, j) => /^(trafficking|trafficker|traffickers|gang|gangs|cartel)$/.test(w) && !inf.words.slice(Math.max(0, j - 4), j).includes('by'));
    if (victim !== 'state' && !offDuty && told.some(armedVictim)) victim = 'state';
    // armed men named among the dead beside civilians ("eight villagers, including two home-guard
    // volunteers, were killed", "six civilians and four militiamen died"): the attackers met an
    // armed side (ACLED: Armed clash)
    const mixed = victim !== 'state' && !offDuty ? all.find((h) => h.cat === 'kill' && armedAmongDead(hitSentence.get(h)!, h)) : undefined;
    if (mixed) return mk('Armed clash', 'attack:armed-among-dead', mixed, 0.55);
    if (victim === 'civ') {
      const armedSide = offDuty ? undefined : VICTIM_RULES.find((r) => r.test(all, hitSentence));
      if (armedSide) return mk('Armed clash', `attack:${armedSide.id}`, victimHit, 0.6);
      return mk('Attack', 'attack:civilian-target', victimHit, 0.65);
    }
    // remains that show a killing, with nobody armed named as the victim: "two severed heads
    // were found"
    const signs = all.find((h) => h.entry === 'attack-signs');
    if (signs && victim === 'unknown') return mk('Attack', 'attack:remains', signs, 0.55);
    if (victim === 'state') return mk('Armed clash', 'attack:armed-target', victimHit, 0.6);
    if (clash) return mk('Armed clash', 'clash-weak', clash, 0.55);
    // no victim read: civilians named anywhere in the incident make it an attack on civilians
    if (cues.has('cue_civ') && !cues.has('cue_state')) return mk('Attack', 'attack:civilians-named', violent, 0.5);
    if (!attack && killed && !cues.has('cue_armed') && !cues.has('cue_state')) {
      // a bare death with no actor at all is not an incident of political violence
      return null;
    }
    // ("gunmen killed a trader": the gunmen are the actor, not an attack on armed men)
    const attackAct = all.find((h) => h.cat === 'attack' && !/^(gunm|assailant)/.test(hitSentence.get(h)!.words[h.w0]!));
    return mk(attackAct || (cues.has('cue_state') && !cues.has('cue_civ')) ? 'Armed clash' : 'Attack', 'attack:default', violent, 0.4);
  }
  // an exchange of small-arms fire with no victim told: "fired small arms at the positions"
  if (strongClash) return mk('Armed clash', 'clash:small-arms', strongClash, 0.6);
  const hq = has(all, 'hq');
  if (hq) return mk('Headquarters or base established', 'hq', hq, 0.7);
  const defect = all.find((h) => h.cat === 'change' && /^defect/.test(hitSentence.get(h)!.words[h.w0]!));
  if (defect) return mk('Change to group/activity', 'change:defection', defect, 0.6);
  const agreement = has(all, 'agreement');
  if (agreement) return mk('Agreement', 'agreement', agreement, 0.6);
  if (arrest) return mk('Arrests', 'arrest', arrest, 0.65);
  const loot = has(all, 'loot') ?? has(all, 'destroy') ?? riotAct;
  if (loot) return mk('Looting/property destruction', 'loot', loot, 0.6);
  const change = has(all, 'change');
  if (change) return mk('Change to group/activity', 'change', change, 0.4);
  const other = has(all, 'other');
  if (other) return mk('Other', 'other', other, 0.3);
  return null;
}

/** Triggers that a disaster cue cannot explain away: they name political violence themselves. */
const ROBUST_VS_DISASTER = new Set<TriggerCat>(['chemical', 'suicide', 'ied', 'protest', 'riot', 'mob', 'abduct', 'sexual', 'grenade', 'hq', 'agreement', 'regain', 'disrupt', 'air', 'shelling']);
/** Triggers that an ordinary crime can account for ("a man robbed a bank and was intercepted"). */
const WEAK_VS_CRIME = new Set<TriggerCat>(['kill', 'attack', 'explosion', 'loot', 'destroy', 'arrest', 'change', 'other', 'grenade', 'abduct', 'transfer']);
/** Triggers that a claim or a denial can account for: "the president declared that such
 *  allegations are inadmissible", "announced new actions in response to cyberattacks". */
const WEAK_VS_ATTRIB = new Set<TriggerCat>(['change', 'other']);
/** Triggers that diplomacy can account for ("sanctions after the attacks on oil facilities"). */
const WEAK_VS_DIPLO = new Set<TriggerCat>(['kill', 'attack', 'explosion', 'change', 'other', 'capture', 'transfer', 'loot', 'destroy', 'shelling', 'clash']);
/** Entries too vague to stand against a crime cue. */
const WEAK_ENTRIES = new Set(['disrupt-intercept', 'disrupt-thwart']);

/** An incident that a disaster, a crime or diplomacy accounts for better than political
 *  violence: every live trigger is of a kind that cue can explain, and no armed actor is named. */
function notPoliticalViolence(infos: SentenceInfo[], context: SentenceInfo[]): boolean {
  const cues = new Set<TriggerCat>();
  const live: Hit[] = [];
  for (const inf of infos) live.push(...inf.live);
  for (const inf of context) for (const c of inf.cats) cues.add(c);
  const armed = cues.has('cue_armed');
  const disaster = context.some((inf) => inf.hits.some((h) => h.entry === 'cue-disaster' || h.entry === 'cue-accident'));
  // a riot act of throwing things at someone: "pelted the police with stones"
  const thrownHits = new Set<Hit>();
  for (const inf of infos) for (const h of inf.live) if (h.entry === 'riot-act' && h.w1 > h.w0 && /^(threw|throw|thrown|throwing|hurl|pelt)/.test(inf.words[h.w0]!)) thrownHits.add(h);
  const thrown = (h: Hit) => thrownHits.has(h);
  // (nor does it explain state forces seizing drugs, or stones thrown at someone: "threw stones
  // at two soldiers after a road accident")
  if (disaster && !armed && live.every((h) => (!ROBUST_VS_DISASTER.has(h.cat) && !CLASH_ENTRIES.has(h.entry) && h.entry !== 'loot-seizure' && !thrown(h)) || h.entry === 'chem-weak')) return true;
  // an epidemic explains deaths, lockdown measures and "combating the outbreak", but nobody
  // attacking or beating anyone
  const epidemic = context.some((inf) => inf.hits.some((h) => h.entry === 'cue-epidemic'));
  if (epidemic && !armed && live.every((h) => (WEAK_CATS.has(h.cat) && h.cat !== 'attack' && h.cat !== 'riot_act') || h.entry === 'clash-weak' || h.entry === 'chem-weak')) return true;
  if (cues.has('cue_crime') && live.every((h) => WEAK_VS_CRIME.has(h.cat) || WEAK_ENTRIES.has(h.entry)) && !live.some((h) => h.entry === 'loot-seizure')) {
    // ACLED codes violence around crime when armed men, state forces or a crowd use it on
    // people: "armed men shot a man", "police killed a drug suspect in a raid", "a suspected
    // thief was beaten up by locals"
    // (police who only report it do not count: "[...] exploded during a robbery, police said")
    // (nor police who are a title or a source: "Seremban police chief X said", "police spokesman")
    const stateActs = context.some((inf) => inf.hits.some((h) => h.cat === 'cue_state' && !REPORTS.has(inf.words[h.w1 + 1] ?? '') && !STATE_SOURCE_AFTER.has(inf.words[h.w1 + 1] ?? '')));
    const violentActor = armed || stateActs || cues.has('crowd');
    // ... and when armed groups loot or destroy ("properties were looted by the militants")
    const armedLoot = armed && live.some((h) => h.cat === 'loot' || h.cat === 'destroy');
    if (!(violentActor && live.some((h) => h.cat === 'attack' || h.cat === 'kill')) && !armedLoot) return true;
  }
  // diplomacy explains an incident only when its own sentences or the lead are about it (a
  // visit told two lines away does not explain "yesterday's bombings in Istanbul")
  // a match report: "slotted his shot past the keeper", "beat Pakistan by eight wickets"
  if (cues.has('cue_sport') && !armed && live.every((h) => WEAK_VS_DIPLO.has(h.cat) || WEAK_CATS.has(h.cat)) && !infos.some((i) => i.toll)) return true;
  const diplo = infos.some((i) => i.cats.has('cue_diplo')) || (infos[0]!.index <= 2 && context[0]!.cats.has('cue_diplo'));
  if (diplo && live.every((h) => WEAK_VS_DIPLO.has(h.cat)) && !infos.some((i) => i.toll)) return true;
  if (cues.has('cue_attrib') && live.every((h) => WEAK_VS_ATTRIB.has(h.cat)) && !infos.some((i) => i.toll)) return true;
  return false;
}

// ------------------------------------------------------------------------------ segmentation

const DISORDER: Record<EventType, DisorderType> = {
  Battles: 'Political violence',
  'Explosions/Remote violence': 'Political violence',
  'Violence against civilians': 'Political violence',
  Protests: 'Demonstrations',
  Riots: 'Demonstrations',
  'Strategic developments': 'Strategic developments',
};

export function disorderOf(sub: SubEventType): DisorderType {
  // ACLED: mob violence and lethal force against protesters are political violence
  if (sub === 'Mob violence' || sub === 'Excessive force against protesters') return 'Political violence';
  return DISORDER[SUB_EVENT_TYPES[sub]];
}

interface Cluster {
  infos: SentenceInfo[];
  sentences: number[];
  background: boolean;
  anchored: boolean;
  /** Opened by a line of its own place ("Near Mosul, five strikes ..."). */
  listed?: boolean;
  /** Opened by a sentence far from the incident before, with no marker of a new incident. */
  standalone?: boolean;
  /** Told by a later incident's reference clause, this many days before it (see earlierIncident). */
  before?: Span | null;
  /** Where the places of the opening sentence are read (see answeredIncident). */
  placeSpan?: PlaceSpan;
  /** Opened by the event another one answered: the answering event's kinds of violence, which a
   *  later sentence tells of that event, not how this one was done. */
  answeredBy?: Set<TriggerCat>;
}

/** Triggers that name a means or a kind of violence of their own: a sentence with one can open
 *  an incident, or tell how an incident with only "killed" or "attack" was done. */
/** Words that tell an attacking side in flight: air strikes on it answer its assault. */
const PURSUIT = new Set(['fled', 'fleeing', 'retreating', 'withdrawing', 'escaping', 'attackers', 'assailants']);
/** First words of the air entry's patterns that name no aircraft ('strike killed', 'strikes hit'). */
const GENERIC_STRIKE = new Set(['strike', 'strikes']);
/** First words of the shelling entry's hits that name the weapon or the fire from the ground: a
 *  missile, rocket or shell, or shelling and artillery ("Shelling killed 14 in the city … One
 *  strike hit a square": the strike is one of the shells). */
const MISSILE_WORDS = new Set(['missile', 'missiles', 'rocket', 'rockets', 'shell', 'shells', 'ballistic', 'shelling', 'shelled', 'artillery', 'mortar', 'mortars']);
/** Clash words that tell the forces' response after an attack: a pursuit or an operation. */
const RESPONSE = /^(engaged|engagement|operation|operations|military|security|clearance|clearing|combing|ground)$/;
/** Places that change hands as territory (a base or post taken is mostly a battle for it). */
const TOWN_WORDS = /\b(?:town|towns|village|villages|city|district|districts|territory|region|province)\b/;
/** Trigger categories of explosions and remote violence. */
const EXPLOSIVE_CATS = new Set<TriggerCat>(['suicide', 'ied', 'air', 'shelling', 'grenade', 'explosion']);
const STRONG_CATS = new Set<TriggerCat>(['chemical', 'suicide', 'ied', 'air', 'shelling', 'grenade', 'regain', 'capture', 'abduct', 'sexual']);
function strongHit(info: SentenceInfo): boolean {
  // (not in a relative clause that describes an actor: "Hezbollah, which fought a war with
  // Israel in 2006, has sent fighters")
  return info.live.some((h) => !h.attributed && (STRONG_CATS.has(h.cat) || CLASH_ENTRIES.has(h.entry) || h.entry === 'offensive-start') && !RELATIVE.has(info.words[h.w0 - 1] ?? ''));
}
function onlyWeak(c: Cluster): boolean {
  return c.infos.every((inf) => inf.live.every((h) => WEAK_CATS.has(h.cat) || h.entry === 'clash-weak'));
}

/** A claim of responsibility or an accusation about an attack that the sentence does not
 *  anchor with a toll and a place or date: "IS claimed the hostage-taking in Bamako". */
function isBareAttribution(info: SentenceInfo): boolean {
  return info.attributed && !(info.toll && info.place && info.time);
}

const NAME_GLUE = new Set(['of', 'al', 'el', 'ad', 'as', 'ar', 'az', 'the', 'and', '-', "'", '’']);
const PLACE_OPENERS = new Set(['near', 'in', 'outside', 'around', 'at', 'west', 'east', 'north', 'south']);
/** Joining words that may come before a line's opening place: "And in <Place>, …", "Meanwhile, in <Place>, …". */
const PLACE_LEAD_INS = new Set(['and', 'also', 'meanwhile', 'elsewhere', 'separately', 'while']);
/** The first sentence of a line that opens "Near <Place>," or "In <Place>," (after a joining word). */
function opensWithPlace(doc: Doc, si: number): boolean {
  const s = doc.sentences[si]!;
  const para = doc.paragraphs[s.paragraph]!;
  // (a list bullet such as "." may stand as a sentence of its own before it)
  for (let k = para.sentenceStart; k < si; k++) {
    const o = doc.sentences[k]!;
    for (let t = o.tokenStart; t < o.tokenEnd; t++) if (doc.tokens[t]!.pos !== 'PUNCT') return false;
  }
  let t = s.tokenStart;
  while (t < s.tokenEnd && doc.tokens[t]!.pos === 'PUNCT') t++;
  // ("And in <Province>, four militants were killed …": a joining word first)
  if (t < s.tokenEnd && PLACE_LEAD_INS.has(doc.tokens[t]!.lower)) {
    t++;
    if (t < s.tokenEnd && doc.tokens[t]!.lower === ',') t++;
  }
  if (t >= s.tokenEnd || !PLACE_OPENERS.has(doc.tokens[t]!.lower)) return false;
  // a capitalised name (tagged however wink-nlp likes: "Tal Afar" comes out PROPN ADJ), then a comma
  const isName = (k: number) => /^[A-Z]/.test(doc.text[doc.tokens[k]!.start]!);
  if (t + 1 >= s.tokenEnd || !isName(t + 1)) return false;
  for (let k = t + 2; k < Math.min(s.tokenEnd, t + 8); k++) {
    const w = doc.tokens[k]!;
    if (w.lower === ',') return true;
    if (!isName(k) && !NAME_GLUE.has(w.lower)) return false;
  }
  return false;
}

/** Is this sentence about events in general (statistics, habits) or an attribution without a
 *  concrete event? Then it cannot open a new incident. */
function isGenericOrAttribution(info: SentenceInfo): boolean {
  if (info.cats.has('cue_generic')) return true;
  if (isBareAttribution(info)) return true;
  if (info.cats.has('cue_hedge') && info.hits.some((h) => h.cat === 'cue_hedge' && MODALS.has(info.words[h.w0]!))) return true;
  return false;
}

const NO_TIMES: Mention[] = [];

/** Does sentence `si` name a date that none of `others` names? ("A U.S. strike on Jan. 1 hit
 *  two vehicles [...] a Jan. 3 U.S. strike hit the headquarters": two strikes) */
function ownDate(doc: Doc, si: number, others: number[]): boolean {
  const texts = (k: number) => doc.mentions.filter((m) => m.kind === 'time' && m.sentence === k).map((m) => doc.text.slice(m.start, m.end).toLowerCase());
  const mine = texts(si);
  if (mine.length === 0) return false;
  const theirs = new Set(others.flatMap(texts));
  return mine.some((t) => !theirs.has(t));
}

const READ = new WeakMap<Doc, SentenceInfo[]>();
function readAll(doc: Doc): SentenceInfo[] {
  const seen = READ.get(doc);
  if (seen) return seen;
  const n = doc.sentences.length;
  const infos: SentenceInfo[] = new Array(n);
  const timesBySentence = new Map<number, Mention[]>();
  for (const m of doc.mentions) {
    if (m.kind !== 'time') continue;
    const a = timesBySentence.get(m.sentence);
    if (a) a.push(m);
    else timesBySentence.set(m.sentence, [m]);
  }
  for (let i = 0; i < n; i++) {
    const info = readSentence(doc, i, timesBySentence.get(i) ?? NO_TIMES);
    info.live = liveHits(doc, info);
    infos[i] = info;
  }
  READ.set(doc, infos);
  return infos;
}

/**
 * One candidate for the sentences of several that tell one incident (see consolidate.ts): typed
 * again over all their sentences, so the most specific means told anywhere wins ("an explosion"
 * in the lead, "a suicide bomber" two paragraphs on).
 */
export function mergeCandidates(doc: Doc, parts: EventCandidate[]): EventCandidate {
  const infos = readAll(doc);
  const sentences = [...new Set(parts.flatMap((p) => p.sentences))].sort((a, b) => a - b);
  // takings told in passing, each read from its own words (territoryInPassing), stay so: the
  // rest of their sentences tells other events
  if (parts.every((p) => p.placeAfterTrigger)) return { ...parts[0]!, sentences };
  const live = sentences.map((k) => infos[k]!).filter((inf) => inf.live.length > 0);
  const typed = live.length ? typeIncident(doc, live, sentences.map((k) => infos[k]!)) : null;
  const first = parts[0]!;
  if (!typed) return { ...first, sentences, background: parts.every((p) => p.background) };
  const inf = infos[typed.sentence]!;
  return {
    sentences,
    trigger: { start: inf.tok[typed.hit.w0]!.start, end: inf.tok[typed.hit.w1]!.end },
    event_type: SUB_EVENT_TYPES[typed.sub],
    sub_event_type: typed.sub,
    disorder_type: disorderOf(typed.sub),
    confidence: Math.max(typed.confidence, ...parts.map((p) => p.confidence)),
    rule: typed.rule,
    background: parts.every((p) => p.background),
  };
}

/**
 * The type some of an incident's sentences tell on their own (round-up.ts: the part of an
 * incident at one of several listed places is typed from the sentences about that place), with
 * its trigger's offsets; null where they tell no event.
 */
export function typeSentences(doc: Doc, sentences: number[]): { sub: SubEventType; rule: string; trigger: { start: number; end: number } } | null {
  const infos = readAll(doc);
  const live = sentences.map((k) => infos[k]!).filter((inf) => inf.live.length > 0);
  const typed = live.length ? typeIncident(doc, live, sentences.map((k) => infos[k]!)) : null;
  if (!typed) return null;
  const inf = infos[typed.sentence]!;
  return { sub: typed.sub, rule: typed.rule, trigger: { start: inf.tok[typed.hit.w0]!.start, end: inf.tok[typed.hit.w1]!.end } };
}

/** What the reader saw in each sentence (for debugging rules): every hit, and the live ones. */
export function traceEvents(doc: Doc): { sentence: number; hits: string[]; live: string[]; flags: string }[] {
  return readAll(doc).map((inf) => {
    const show = (h: Hit) => `${h.cat}/${h.entry}:${inf.words.slice(h.w0, h.w1 + 1).join(' ')}`;
    return {
      sentence: inf.index,
      hits: inf.hits.map(show),
      live: inf.live.map(show),
      flags: `toll=${inf.toll} place=${inf.place} time=${inf.time} attributed=${inf.attributed} statistic=${inf.statistic} cats=${[...inf.cats].join(',')}`,
    };
  });
}

const MONTHS = '(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.)';
/** Words that may come before a sentence's opening date: "Moreover, on Oct. 4, 2022, …". */
const LEAD_IN = String.raw`^\W*(?:(?:Moreover|Also|And|But|However|Meanwhile|Previously|Earlier|Separately)\s*,?\s*)?`;

/**
 * A sentence that tells its violence with a date of its own, earlier than the story's: an old
 * incident told in passing ("In September 2022, the air force struck a school in X village,
 * killing 12"; "On the same day last week, 11 people died in Y"; "… 27 soldiers during an
 * attack on Z on March 4, 2022"). The gold codes each as a background incident of its own.
 * Each with its reason.
 */
const OWN_PAST_DATES: { id: string; re: RegExp; reason: string }[] = [
  {
    id: 'opening-month',
    re: new RegExp(`${LEAD_IN}(?:in|on|last)\\s+(?:(?:early|mid|late)[- ]?)?${MONTHS}(?:\\s+\\d{1,2})?(?:,?\\s+(?:(?:19|20)\\d\\d|this year|last year))?\\s*,`, 'i'),
    reason: 'a month (with or without its day or year) that opens the sentence, set off by a comma, dates what the sentence tells: "In March this year, …", "On June 11, …"',
  },
  {
    id: 'opening-day-month',
    re: new RegExp(`${LEAD_IN}on\\s+\\d{1,2}\\s+${MONTHS}(?:,?\\s+(?:19|20)\\d\\d)?\\s*,`, 'i'),
    reason: 'the same, written day first: "On 11 June, …"',
  },
  {
    id: 'opening-relative',
    re: new RegExp(`${LEAD_IN}(?:(?:that|the) same day )?(?:last (?:week|month|weekend)|earlier (?:this|that|in the) (?:week|month))\\s*,`, 'i'),
    reason: '"Last week, …", "Earlier this month, …", "That same day last week, …": an earlier day than the story\'s, told at the opening',
  },
  {
    id: 'month-year',
    re: new RegExp(`\\b(?:in|on)\\s+(?:\\d{1,2}\\s+)?${MONTHS}(?:\\s+\\d{1,2})?,?\\s+(?:(?:19|20)\\d\\d\\b|(?:this|last) year\\b)`, 'i'),
    reason: 'a full date with its year anywhere in the sentence ("during an attack on Z on March 4, 2022", "until Z fell in January this year"): news gives the year only for an event of another time than the story',
  },
];

const DATE_CORE = new RegExp(`${MONTHS}(?:\\s+\\d{1,2}\\b)?|\\b\\d{1,2}\\s+${MONTHS}`, 'i');

/** Event categories of violence or territory that an old incident told in passing can be. */
const PAST_VIOLENCE = new Set<TriggerCat>(['chemical', 'suicide', 'ied', 'air', 'shelling', 'grenade', 'explosion', 'clash', 'attack', 'kill', 'abduct', 'regain', 'capture']);

/**
 * Whether a sentence tells an old incident of its own: a date of its own (OWN_PAST_DATES) that
 * the cluster before does not tell, violence, and a place or a toll. Not a statistic.
 */
function ownPastIncident(doc: Doc, info: SentenceInfo, told: string[]): boolean {
  if (info.statistic || !(info.place || info.toll)) return false;
  if (!info.live.some((h) => PAST_VIOLENCE.has(h.cat) && !h.attributed)) return false;
  const text = doc.text.slice(doc.sentences[info.index]!.start, doc.sentences[info.index]!.end);
  const m = OWN_PAST_DATES.map((d) => d.re.exec(text)).find(Boolean);
  if (!m) return false;
  // a trend or a tally is no incident ("attacks began in October 2017 … since then", "In
  // January, overall, two bombings were recorded"), unless its cue is the date itself ("In March
  // this year")
  const base = doc.sentences[info.index]!.start;
  const inDate = (h: Hit) => info.tok[h.w0]!.start - base >= m.index && info.tok[h.w1]!.end - base <= m.index + m[0].length;
  if (info.hits.some((h) => h.cat === 'cue_generic' && !inDate(h))) return false;
  // (the incident before told with the same date is this one again)
  const day = DATE_CORE.exec(m[0]);
  return !day || !told.some((t) => t.includes(day[0]));
}

/** What a demonstration's course is told with: the crowd's acts and how it was met. */
const DEMONSTRATION_COURSE = new Set<TriggerCat>(['protest', 'riot', 'riot_act', 'mob', 'clash', 'kill', 'destroy', 'loot', 'arrest', 'attack']);
/** How many sentences after a demonstration its course is still read as part of it. */
const DEMONSTRATION_REACH = 2;

/**
 * How a demonstration went, told a line or two after it ("Police opened fire on protesters
 * outside parliament. ¶ Crowds stormed the building. ¶ Part of it was set on fire"): news puts
 * each sentence on its own line, so the paragraph break that ends other incidents does not end
 * this one. The sentence must tell the crowd's violence (a riot word: stormed, set on fire,
 * clashed with police) and nothing but a demonstration's course (no strike, bombing or
 * territory of its own).
 */
function demonstrationGoesOn(last: Cluster, info: SentenceInfo, gap: number): boolean {
  if (gap > DEMONSTRATION_REACH || info.cats.has('cue_new') || info.cats.has('cue_past')) return false;
  if (!last.infos.some((inf) => inf.cats.has('protest') || inf.cats.has('riot'))) return false;
  // (a protest word alone may be another protest, elsewhere: "Hundreds also demonstrated in
  // Kassala")
  // ... nor does a protest word with how it was met: "Police fired tear gas to disperse the
  // demonstrators outside the palace" is the crowd told a line before, met by the police
  if (!info.live.some((h) => h.cat === 'riot' || h.cat === 'riot_act')) return false;
  return info.live.every((h) => DEMONSTRATION_COURSE.has(h.cat));
}

/**
 * Reference clauses that tell an earlier incident of their own, when the rest of the sentence only
 * points back at the incident already told ("The ambush came a week after gunmen killed four
 * guards at a checkpoint near X"): the earlier one is coded too (background when the clause
 * gives a time span), not dropped nor merged into the incident told before. Not 'retaliation':
 * the event answered is usually the story's own incident told again.
 */
const EARLIER_INCIDENT_CLAUSES: { id: string; reason: string }[] = [
  { id: 'comes-after', reason: '"the attack comes days after militants killed three soldiers in X": the later event points at an earlier one' },
  { id: 'time-after', reason: '"the strike came a day after a car bomb killed 12 in X": dated by another incident, which is told in full' },
  { id: 'in-the-wake', reason: '"the raid comes in the wake of a bombing that killed 9 in X"' },
];
/** What an earlier incident's clause must tell to be one: a death or a means of its own, not a
 *  bare "attack" ("after officials warned of an imminent attack"). */
const EARLIER_VIOLENCE = new Set<TriggerCat>(['kill', 'clash', 'chemical', 'suicide', 'ied', 'air', 'shelling', 'grenade', 'explosion', 'abduct', 'capture', 'regain']);
/** A span back in time, in calendar units. */
export interface Span {
  count: number;
  unit: 'day' | 'month' | 'year';
}
const SPAN_UNITS: Record<string, [number, Span['unit']]> = { hour: [0, 'day'], day: [1, 'day'], week: [7, 'day'], month: [1, 'month'], year: [1, 'year'] };
const SPAN_COUNT: Record<string, number> = { a: 1, an: 1, one: 1, the: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/** The span a reference clause opens with: "a week after" 7 days, "four years after" 4 years;
 *  null where it gives none ("shortly after", "hours after"). */
function spanBack(words: string[], a: number): Span | null {
  for (let j = a; j < a + 5 && j + 1 < words.length; j++) {
    const unit = SPAN_UNITS[words[j + 1]!.replace(/s$/, '')];
    const count = SPAN_COUNT[words[j]!] ?? (/^\d+$/.test(words[j]!) ? +words[j]! : undefined);
    if (unit !== undefined && count !== undefined) return unit[0] * count > 0 ? { count: unit[0] * count, unit: unit[1] } : null;
    if (words[j] === 'after' || words[j] === 'since') break;
  }
  return null;
}

/**
 * The earlier incident a sentence tells in a reference clause, read as a sentence of its own (its
 * hits only), where everything else the sentence tells is the anaphor that points back ("The
 * attack", "The incident"); null otherwise.
 */
function earlierIncident(info: SentenceInfo): { info: SentenceInfo; before: Span | null } | null {
  const anaphors = info.hits.filter((h) => h.cat === 'cue_anaphor');
  const pointsBack = (h: Hit) => anaphors.some((x) => h.w0 >= x.w0 && h.w1 <= x.w1);
  // (another reference clause is not the sentence's own event either: "…, a day after they
  // pushed demonstrations back")
  const anyReference = (h: Hit) => info.references.some(([x, y]) => h.w0 >= x && h.w0 <= y);
  if (!info.live.every((h) => anyReference(h) || pointsBack(h))) return null;
  const ids = new Set(EARLIER_INCIDENT_CLAUSES.map((c) => c.id));
  // the first clause, in text order, that tells an incident
  const refs = info.references.filter(([, , id]) => ids.has(id)).sort((x, y) => x[0] - y[0]);
  const ref = refs.find(([a, b]) => tellsIncident(info, a, b));
  if (!ref) return null;
  const [a, b] = ref;
  const inside = (h: Hit) => h.w0 >= a && h.w0 <= b;
  const live = info.live.filter(inside);
  const hits = info.hits.filter((h) => inside(h) && h.cat !== 'cue_anaphor');
  const cats = new Set<TriggerCat>(hits.map((h) => h.cat));
  return { info: { ...info, hits, live, cats, references: [] }, before: spanBack(info.raw.map((w) => w.toLowerCase()), a) };
}

/**
 * A sentence that tells its own event and, in a 'retaliation' clause, the violent event it
 * answered with a toll or a place of its own ("the army shelled rebel bases in X in reprisal for an
 * ambush that killed four soldiers in Y"): two incidents. The answered one takes only the
 * clause's hits and places; the sentence's own event only the hits and places outside it.
 * Only for the sentence that opens the story: later, the event answered is usually the story's
 * own incident told again (see EARLIER_INCIDENT_CLAUSES).
 */
function answeredIncident(info: SentenceInfo): { own: SentenceInfo; earlier: SentenceInfo; ownSpan: PlaceSpan; earlierSpan: PlaceSpan } | null {
  const ref = info.references.find(([a, b, id]) => id === 'retaliation' && tellsIncident(info, a, b) && (clauseToll(info, a, b) || clausePlace(info, a, b)));
  if (!ref) return null;
  const [a, b] = ref;
  const inside = (h: Hit) => h.w0 >= a && h.w0 <= b;
  const anyReference = (h: Hit) => info.references.some(([x, y]) => h.w0 >= x && h.w0 <= y);
  // the sentence's own event: a means of violence outside every reference clause
  const ownLive = info.live.filter((h) => !anyReference(h));
  if (!ownLive.some((h) => EARLIER_VIOLENCE.has(h.cat))) return null;
  const part = (keep: (h: Hit) => boolean, live: Hit[]): SentenceInfo => {
    const hits = info.hits.filter(keep);
    return { ...info, hits, live, cats: new Set<TriggerCat>(hits.map((h) => h.cat)), references: [] };
  };
  const span = { start: info.tok[a]!.start, end: info.tok[b]!.end };
  return {
    own: part((h) => !inside(h), ownLive),
    earlier: part(inside, info.live.filter(inside)),
    ownSpan: { ...span, keep: false },
    earlierSpan: { ...span, keep: true },
  };
}

/** A count with a toll word near it, inside words a..b. */
function clauseToll(info: SentenceInfo, a: number, b: number): boolean {
  for (let j = a; j <= b; j++) {
    if (!(info.tok[j]!.pos === 'NUM' || NUM_WORDS.has(info.words[j]!))) continue;
    for (let d = 1; d <= 4; d++) {
      const w = j + d <= b ? info.words[j + d] : undefined;
      if (w && TOLL_WORDS.test(w)) return true;
      const v = j - d >= a ? info.words[j - d] : undefined;
      if (v && TOLL_WORDS.test(v)) return true;
    }
  }
  return false;
}

/** A place preposition before a name, inside words a..b. */
function clausePlace(info: SentenceInfo, a: number, b: number): boolean {
  for (let j = a; j < b; j++) if (PLACE_PREPS.has(info.words[j]!) && info.tok[j + 1]?.pos === 'PROPN') return true;
  return false;
}

/** Events told as a kind, not one incident: a plural event noun with no count before it ("in the
 *  wake of attacks against police and the deaths of black men"; not "twin bombings", "two
 *  attacks"). */
const EVENT_PLURAL = /^(?:attacks|deaths|killings|strikes|airstrikes|clashes|bombings|shootings|raids|ambushes|explosions|blasts)$/;
function uncounted(info: SentenceInfo, h: Hit): boolean {
  if (!EVENT_PLURAL.test(info.raw[h.w1]!.toLowerCase())) return false;
  const before = (info.raw[h.w0 - 1] ?? '').toLowerCase();
  return !(NUM_WORDS.has(before) || /^\d/.test(before) || before === 'twin' || before === 'both');
}

/** Whether the clause over words a..b tells an incident of one place: a death or a means of its
 *  own (EARLIER_VIOLENCE), not a campaign across a whole country ("the day after a bombardment
 *  across the country killed 39"). */
function tellsIncident(info: SentenceInfo, a: number, b: number): boolean {
  if (!info.live.some((h) => h.w0 >= a && h.w0 <= b && EARLIER_VIOLENCE.has(h.cat) && !uncounted(info, h))) return false;
  return !info.raw.slice(a, b + 1).some((w) => /^(?:across|nationwide|countrywide)$/i.test(w));
}

/** An incident a news sentence names as another one and counts its own dead or hurt in, with no
 *  place of its own: it took place where the story's incident did ("A second attack, on a car,
 *  killed one and hurt two"). */
const OTHER_INCIDENT = /\b(?:another|(?:a|an|in a|in an) (?:separate|second|third|further))\s+(?:[a-z]+\s+)?(?:attack|blast|explosion|bombing|strike|ambush|raid|shooting|assault|incident)s?\b/i;
function otherIncidentWithToll(doc: Doc, info: SentenceInfo, news: boolean): boolean {
  if (!news || !info.toll || !info.cats.has('cue_new') || info.cats.has('cue_hedge') || info.cats.has('cue_generic')) return false;
  return OTHER_INCIDENT.test(doc.text.slice(doc.sentences[info.index]!.start, doc.sentences[info.index]!.end));
}

/** How to read a text: `news` where it is a dated news report, which may tell several incidents
 *  (old ones told in passing are coded as background; "also … elsewhere" opens another one on
 *  the story's day); a note or snippet codes one event and tells the rest only as its context. */
export interface ReadOptions {
  news?: boolean;
}

export function findEvents(doc: Doc, opts: ReadOptions = {}): EventCandidate[] {
  const n = doc.sentences.length;
  if (n === 0) return [];
  const infos = readAll(doc);

  // A round-up of figures (two statistics or more): a death count with no place and no event
  // word of its own is one more figure of it, not an incident ("the civilians suffered 1,612
  // fatalities").
  let statistics = 0;
  for (const inf of infos) if (inf.statistic) statistics++;
  const roundup = statistics >= 2;
  const clusters: Cluster[] = [];
  let last: Cluster | null = null;
  let lastSentence = -10;
  for (let i = 0; i < n; i++) {
    const info = infos[i]!;
    if (info.live.length === 0) {
      // a follow-on about the toll in the same paragraph ("3 policemen were killed."), or one
      // that names the incident again ("the strikes occurred in the Barmal district")
      const sameParagraph = last && doc.sentences[i]!.paragraph === doc.sentences[lastSentence]!.paragraph;
      // ... or how a protest was met: "Police forces dispersed the crowd."
      const met = info.cats.has('cue_disperse') || info.cats.has('cue_force');
      // ... or about the victim: "The victim had a record of drug trafficking."
      const victim = info.words.some((w) => w === 'victim' || w === 'victims');
      if (last && !info.statistic && i - lastSentence <= 2 && ((sameParagraph && (info.toll || info.cats.has('kill') || met || victim)) || (info.cats.has('cue_anaphor') && !isGenericOrAttribution(info)))) {
        last.sentences.push(i);
        lastSentence = i;
      }
      continue;
    }
    const anaphor = info.cats.has('cue_anaphor');
    // "The attack comes a week after gunmen killed two guards in X": another, earlier incident
    const earlier: ReturnType<typeof earlierIncident> = last ? earlierIncident(info) : null;
    if (earlier) {
      last = { infos: [earlier.info], sentences: [i], background: !!earlier.before, anchored: true, before: earlier.before };
      clusters.push(last);
      lastSentence = i;
      continue;
    }
    if (!last) {
      // "Country A struck group B in C in response to a bombing that killed six in City D": the
      // strike and the bombing it answered, each an incident of its own
      // (only in a dated news report: a note codes one event, the rest is its context)
      const answered = opts.news ? answeredIncident(info) : null;
      if (answered) {
        clusters.push({ infos: [answered.own], sentences: [i], background: false, anchored: info.place, placeSpan: answered.ownSpan });
        const answeredBy = new Set(answered.own.live.map((h) => h.cat));
        // (the event answered came before: the day before, where the clause, to its first comma, tells
        // no day of its own)
        const clause = doc.text.slice(answered.earlierSpan.start, answered.earlierSpan.end).split(',')[0]!;
        const before = DAY_WORD.test(clause) ? null : { count: 1, unit: 'day' as const };
        last = { infos: [answered.earlier], sentences: [i], background: false, anchored: true, placeSpan: answered.earlierSpan, answeredBy, before };
        clusters.push(last);
        lastSentence = i;
        continue;
      }
      if (isBareAttribution(info) || info.statistic) continue;
      if (roundup && !info.place && info.live.every((h) => h.cat === 'kill')) continue;
      // a heading or a trend ("Increasing attacks", "a rise in attacks") with no place, time
      // or toll opens nothing
      if (info.cats.has('cue_generic') && !(info.place || info.time || info.toll) && (info.words.length <= 6 || info.raw.some((w) => TREND.has(w)))) continue;
      last = { infos: [info], sentences: [i], background: info.cats.has('cue_past') && !info.cats.has('cue_new') && i > 0 && false, anchored: info.place };
      clusters.push(last);
      lastSentence = i;
      continue;
    }
    // a line that opens with its own place and tells an event: "Near Mosul, five strikes
    // engaged four ISIL tactical units" in a list of strikes
    const marksNew = info.cats.has('cue_new') || (info.cats.has('cue_past') && !anaphor);
    // (an explicit marker of another incident with a place of its own needs no day: the story's
    // day goes on, "There were also protests elsewhere, in the port city of X"; not where the
    // sentence only muses: "whether companies elsewhere may …")
    const anchoredNew = (info.place && (info.time || info.toll || (!!opts.news && info.cats.has('cue_new') && !info.cats.has('cue_hedge'))) && !info.cats.has('cue_generic')) || otherIncidentWithToll(doc, info, !!opts.news);
    const listed = opensWithPlace(doc, i) && !anaphor && !info.cats.has('cue_generic');
    // "On Saturday, gunmen attacked a gendarmerie in Galim … On Sunday, in Northwest province, a
    // homemade bomb injured seven people": a sentence that opens with a day of its own, other
    // than the incident's, and tells its own place or toll is another incident
    const ownDay = OPENING_DAY.exec(doc.text.slice(doc.sentences[i]!.start, doc.sentences[i]!.end));
    // (a day the cluster names only as the day something was said is not its day: 'state
    // television said on Sunday')
    const sameDay = ownDay ? new RegExp(`(?<!\\b(?:said|says|told|reported|announced|added|stated|confirmed)\\s+(?:\\w+\\s+)?(?:on\\s+)?)\\b${ownDay[1]!}\\b`) : null;
    // (the incident's day is told in its first sentences: only those are read)
    const told = ownDay ? last.sentences.slice(0, DAY_SENTENCES).map((k) => doc.text.slice(doc.sentences[k]!.start, doc.sentences[k]!.end)) : [];
    const otherDay = !!ownDay && (info.place || info.toll) && !told.some((t) => sameDay!.test(t)) && told.some((t) => DAY_WORD.test(t));
    // ... or one that tells an old incident with a date of its own ("In September 2022, the air
    // force struck a school in X, killing 12")
    const past: boolean = !!opts.news && ownPastIncident(doc, info, last.sentences.slice(0, DAY_SENTENCES).map((k) => doc.text.slice(doc.sentences[k]!.start, doc.sentences[k]!.end)));
    const isNew = ((marksNew && anchoredNew) || listed || otherDay || past) && !isBareAttribution(info);
    if (isNew) {
      last = { infos: [info], sentences: [i], background: info.cats.has('cue_past') || past, anchored: true, listed };
      clusters.push(last);
      lastSentence = i;
      continue;
    }
    // how an incident told only by its toll was done, a line or two later: "an American service
    // member was killed in Syria on Thursday. [...] He died of wounds sustained in an improvised
    // explosive device blast"
    // ... or that tells the same death again with its details: "[...] died Jan. 7 in Jordan"
    const restates = info.toll && info.live.every((h) => h.cat === 'kill');
    // (in another paragraph, only a sentence that goes on about the same people or deaths: "He
    // died of wounds …", not the setting, "The two cartels battle for control of the state")
    const samePara = doc.sentences[i]!.paragraph === doc.sentences[lastSentence]!.paragraph;
    // (or one told between the lead and a line that names the incident again: "Five workers
    // were killed when their van was attacked. ¶ A suicide bomber rammed a car into it. ¶ The
    // driver died in the attack")
    const nextInfo = infos[i + 1];
    const between = i - lastSentence === 1 && !!nextInfo && nextInfo.cats.has('cue_anaphor') && !isGenericOrAttribution(nextInfo);
    const goesOn = samePara || restates || between || info.live.some((h) => h.cat === 'kill') || /^(?:he|she|they|his|her|their|the victims?|the soldiers?|the dead)\b/.test(info.words.slice(0, 2).join(' '));
    // (not with the means of the event that answered this one: "Turkish strikes had killed 12"
    // after a lead on strikes in reprisal for an attack tells of the strikes)
    const answering = !!last.answeredBy && info.live.some((h) => STRONG_CATS.has(h.cat) && last!.answeredBy!.has(h.cat));
    if (i - lastSentence <= 2 && onlyWeak(last) && (strongHit(info) || restates) && goesOn && !marksNew && !answering && !isGenericOrAttribution(info)) {
      last.infos.push(info);
      last.sentences.push(i);
      lastSentence = i;
      continue;
    }
    // more of the incident before: adjacent sentences, or a definite mention nearby
    // (across a paragraph break only with a definite mention or a toll: news texts put each
    // sentence on its own line, and the next line is often about something else)
    const sameParagraph = doc.sentences[i]!.paragraph === doc.sentences[lastSentence]!.paragraph;
    const near = (i - lastSentence <= 1 && (sameParagraph || info.toll)) || (anaphor && i - lastSentence <= 3);
    if ((near || demonstrationGoesOn(last, info, i - lastSentence)) && !answering && !isGenericOrAttribution(info)) {
      last.infos.push(info);
      last.sentences.push(i);
      lastSentence = i;
      continue;
    }
    // a sentence too far from the incident before to belong to it, that tells a strike, a
    // bombing or a battle with its own place or time: "A U.S. strike on Jan. 1 hit two vehicles
    // near Sarmada", "One jet bombed a school for girls on Friday"
    // (a battle word needs a place too: "their uphill battle", "fighting ISIS for five years")
    const standalone = strongHit(info) && (info.place || info.live.some((h) => !h.attributed && STRONG_CATS.has(h.cat) && !RELATIVE.has(info.words[h.w0 - 1] ?? '')));
    if (!near && standalone && !anaphor && info.time && !isGenericOrAttribution(info)) {
      last = { infos: [info], sentences: [i], background: info.cats.has('cue_past'), anchored: info.place, standalone: true };
      clusters.push(last);
      lastSentence = i;
    }
  }
  // A count of strikes over a whole area followed by the strikes place by place ("On Jan. 8,
  // coalition forces conducted 34 strikes in Syria and Iraq. [...] Near Mosul, five strikes
  // ..."): the count is their sum, not an incident of its own.
  for (let k = clusters.length - 1; k >= 0; k--) {
    const c = clusters[k]!;
    if (c.listed) continue;
    let after = 0;
    for (let m = k + 1; m < clusters.length && clusters[m]!.listed; m++) after++;
    if (after >= 2 && strongHit(c.infos[0]!) && c.infos[0]!.toll === false && c.infos[0]!.live.some((h) => h.cat === 'air' || h.cat === 'shelling')) clusters.splice(k, 1);
  }

  // an ACLED note tagged with its sub-event ("Non-violent activity: ...") reports one even when
  // no trigger was read
  const tag = clusters.length === 0 ? tagOf(doc) : null;
  if (tag) {
    const s0 = doc.sentences[0]!;
    const colon = doc.text.indexOf(':', s0.start);
    return [
      {
        sentences: [0],
        trigger: { start: s0.start, end: colon > s0.start && colon < s0.end ? colon : s0.start },
        event_type: SUB_EVENT_TYPES[tag],
        sub_event_type: tag,
        disorder_type: disorderOf(tag),
        confidence: 0.9,
        rule: 'tag',
        background: false,
      },
    ];
  }
  const out: EventCandidate[] = [];
  emitClusters(doc, infos, clusters, out, n);
  if (opts.news) out.push(...territoryInPassing(doc, infos, out));
  return out;
}

/** The rule suffix of a taking of territory told in passing (territoryInPassing). */
export const IN_PASSING = 'in-passing';
/** Sub-event types of territory changing hands. */
const TERRITORY_SUBS = new Set<SubEventType>(['Non-state actor overtakes territory', 'Government regains territory', 'Non-violent transfer of territory']);

/** A taking of territory that names what was taken: a town word ("seized control of X town") or a
 *  capitalised name right after it ("the capture of Dikwa", "overran Gajiram"). */
function namesTakenPlace(doc: Doc, info: SentenceInfo, h: Hit): boolean {
  const words = info.words.slice(h.w0, h.w1 + 1).join(' ');
  if (TOWN_WORDS.test(words)) return true;
  const j = info.words[h.w1 + 1] === 'of' ? h.w1 + 1 : h.w1;
  return namedAfter(doc, info, j);
}

/** A taking told as a noun after a time link ("tensions since the group's takeover of the
 *  capital in 2021"): it dates what the sentence tells, and is no event told here. */
function timeReference(info: SentenceInfo, h: Hit): boolean {
  if (h.entry !== 'capture-of-name' && info.tok[h.w0]!.pos !== 'NOUN') return false;
  for (let j = h.w0 - 1; j >= Math.max(0, h.w0 - 4); j--) {
    if (TIME_LINKS.has(info.words[j]!)) return true;
    if (info.tok[j]!.pos === 'VERB' || info.tok[j]!.pos === 'AUX') return false;
  }
  return false;
}

/**
 * Territory taken, told in passing in a sentence that the incidents before read as something else
 * ("The strike comes amid fighting in the region, where thousands fled after the militia seized
 * control of X town last week"; "The fall of X coincided with the group's capture of Y"): ACLED
 * codes each taking of a place as an event of its own, so the taking is a candidate of its own
 * (background unless its day is the story's). Only in news, with a place named as taken, and
 * not where the sentence's incident is already that taking.
 */
function territoryInPassing(doc: Doc, infos: SentenceInfo[], out: EventCandidate[]): EventCandidate[] {
  const found: EventCandidate[] = [];
  for (const info of infos) {
    // (a day of its own: a taking told with no time is of an unknown day, "recently seized")
    if (info.statistic || !info.place || !doc.mentions.some((m) => m.kind === 'time' && m.sentence === info.index)) continue;
    const named = info.live.filter((h) => (h.cat === 'capture' || h.cat === 'regain') && !h.attributed && namesTakenPlace(doc, info, h) && !timeReference(info, h));
    // one taking per place taken: of hits over the same words, the longest
    const takes = named.filter((h) => !named.some((o) => o !== h && o.w0 <= h.w0 && o.w1 >= h.w1 && o.w1 - o.w0 > h.w1 - h.w0));
    if (takes.length === 0) continue;
    const owner = out.find((c) => c.sentences.includes(info.index));
    if (owner && TERRITORY_SUBS.has(owner.sub_event_type)) continue;
    for (const take of takes) {
      // the sentence read with this taking as its only event (its cues kept: who took it)
      const hits = info.hits.filter((h) => !EVENT_CATS.has(h.cat) || h === take);
      const alone: SentenceInfo = { ...info, hits, live: [take], cats: new Set(hits.map((h) => h.cat)), references: [] };
      const typed = typeIncident(doc, [alone]);
      if (!typed || !TERRITORY_SUBS.has(typed.sub)) continue;
      const t0 = info.tok[take.w0]!;
      const t1 = info.tok[take.w1]!;
      found.push({
        sentences: [info.index],
        trigger: { start: t0.start, end: t1.end },
        event_type: SUB_EVENT_TYPES[typed.sub],
        sub_event_type: typed.sub,
        disorder_type: disorderOf(typed.sub),
        confidence: typed.confidence,
        rule: `${typed.rule}+${IN_PASSING}`,
        background: true,
        placeAfterTrigger: true,
      });
    }
  }
  return found;
}

/** An event told as like another: "a similar attack", "a similar strike". */
function similarTo(info: SentenceInfo, h: Hit): boolean {
  return info.words[h.w0 - 1] === 'similar' || (info.words[h.w0 - 2] === 'similar' && info.tok[h.w0 - 1]?.pos === 'ADJ');
}

/** Type each cluster and keep the incidents (see findEvents). */
function emitClusters(doc: Doc, infos: SentenceInfo[], clusters: Cluster[], out: EventCandidate[], n: number): void {
  for (const c of clusters) {
    // the cues around an incident: its sentences, their neighbours, and the lead sentence
    const ctx = new Set<number>([0]);
    for (const i of c.sentences) for (let d = -1; d <= 1; d++) if (i + d >= 0 && i + d < n) ctx.add(i + d);
    if (!(c.sentences[0] === 0 && tagOf(doc)) && notPoliticalViolence(c.infos, [...ctx].map((i) => infos[i]!))) continue;
    const typed = typeIncident(doc, c.infos, c.sentences.map((k) => infos[k]!));
    if (!typed) continue;
    // a far sentence with no place of its own that tells the same kind of event as the incident
    // before is more of it: "[...] accused security forces of molestation. [...] the women said
    // they were molested"
    const prev = out[out.length - 1];
    if (c.standalone && !c.anchored && prev && prev.sub_event_type === typed.sub && !ownDate(doc, c.sentences[0]!, prev.sentences)) {
      prev.sentences = [...prev.sentences, ...c.sentences].sort((a, b) => a - b);
      continue;
    }
    const inf = infos[typed.sentence]!;
    // "X was hit by a similar attack last year": an attack told only as like the article's first
    // incident, with nothing of its own to type it by, is of that incident's kind
    const like = typed.rule === 'attack:default' && out[0] && similarTo(inf, typed.hit) ? out[0] : null;
    if (like) {
      typed.sub = like.sub_event_type;
      typed.rule = `similar:${like.rule}`;
    }
    const t0 = inf.tok[typed.hit.w0]!;
    const t1 = inf.tok[typed.hit.w1]!;
    out.push({
      sentences: [...c.sentences].sort((a, b) => a - b),
      trigger: { start: t0.start, end: t1.end },
      event_type: SUB_EVENT_TYPES[typed.sub],
      sub_event_type: typed.sub,
      disorder_type: disorderOf(typed.sub),
      confidence: typed.confidence,
      rule: typed.rule,
      background: c.background,
      ...(c.listed ? { listed: true } : {}),
      ...(c.before ? { before: c.before } : {}),
      ...(c.placeSpan ? { placeSpan: c.placeSpan } : {}),
    });
  }
}
