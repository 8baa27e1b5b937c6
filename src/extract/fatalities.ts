/**
 * Fatalities: the best figure for the deaths of one incident, following ACLED's conventions,
 * with a low–high range where the text gives several figures, and injuries kept apart.
 *
 * Read from the incident's sentences (the `focus`):
 * - "N <who> were killed", "left N <who> dead", "killing N <who>", "death toll rose to N",
 *   "the bodies of N men", "a man was killed" (a/an = 1); groups in one clause add up
 *   ("2 soldiers and 3 militants were killed" = 5), and so do separate clauses of the incident
 *   ("1 policeman was killed … 2 Taliban militants were also killed" = 3): ACLED counts
 *   every death of the event, the attackers' too.
 * - A figure in parentheses is another source's figure ("killing 3 soldiers (VoJ claimed 4)"):
 *   it widens fatalities_low/high but does not add. A back-reference ("the 3 soldiers were
 *   killed", "all 5 killed") does not add either.
 * - "dozens" = 12, "hundreds" = 100 (ACLED), "at least 16" = 16 (and fatalities_low = 16),
 *   "8-10 residents" = 8 (low 8, high 10).
 * - "several were killed", "an unknown number of fighters were killed", "killed or injured",
 *   "killing and wounding 3" (no split): deaths without a number → null (FORMAT.md; ACLED
 *   itself codes these 0 or half the figure, so a few ACLED rows differ on purpose).
 * - "casualties" alone ("causing 3 casualties", "suffered casualties") may be injuries only:
 *   not read as deaths.
 * - "no casualties", "no fatalities reported", "nobody was killed", or no word of death → 0.
 * - Not counted: ages ("aged 25 and 30"), appositions ("1 child, a shepherd, was killed"), a part
 *   of a group ("15 militants including a commander"), the subject of an active verb ("an armed
 *   group killed 4"), a death a protest is about ("protested against the killing of a teacher").
 * ACLED's own notes are read first, anywhere in the text: "Fatalities coded as 0 (VoJ
 * reported 1)" states the coded figure; "split across 2 events (3)" this event's share;
 * "coded as 10 and spread between 3 locations" the total divided evenly (rounded down); a
 * closing "2 fatalities." the total.
 */
import type { Evidence, Field } from '../core/types.js';
import type { Doc, Token } from '../text/doc.js';
import { NUMBER_CORE_PATTERN, NUMBER_PATTERN, parseNumber, type ParsedNumber } from './numbers.js';

export interface FatalityResult {
  fatalities: Field<number | null>;
  fatalities_low: Field<number> | null;
  fatalities_high: Field<number> | null;
  injuries: Field<number | null> | null;
}

/**
 * The regexes are case-sensitive so that "IS militants" is not read as the verb "is"; words that
 * open a sentence ("Three soldiers …", "A man …") allow a capital.
 */
/** A number phrase, or an indefinite article standing for one ("a man was killed"). */
const NUMP = `(?:(?:[Aa]n?\\s+)?(?:unknown|unspecified|undisclosed)\\s+number\\s+of|[Aa]\\s+number\\s+of|${NUMBER_PATTERN}|[Aa]n?(?=\\s)|(?:his|her|their)(?=\\s+[a-z]+\\b)(?!\\s+(?:own|way|life|lives|death|deaths|house|home|homes|behalf|head|body|bodies|vehicle|car|way|wounds|injuries|dead|to|in)\\b)|[Bb]oth(?=\\s+[a-z]+(?:s|men)\\b)|[Ss]everal|[Mm]any|[Ss]cores\\s+of|[Aa]\\s+few|[Nn]umerous|[Mm]ultiple|[Ss]ome)`;
/** Words that may not stand between a number and its verb. */
const STOP =
  '(?:for|over|near|inside|into|against|towards?|across|through|under|between|among|around|about|whose|whom|where|said|says|told|than|will|would|could|can|may|might|should|must|did|does|do|were|was|is|are|have|has|had|be|been|being|got|who|which|that|when|while|after|before|during|in|at|on|by|from|with|following|as|but|killed|killing|dead|died|injured|wounded|injuring|wounding|hurt|reportedly|allegedly|also|later|and|or|to|of|the|shot|kidnapped|abducted|found|left|lay|laid|lying)';
/** "11 soldiers and pro-government militia members", "a judge of a provincial court", "3 of his guards", "dozens of people". */
const MOD = `(?:\\s+\\d+-[a-z][\\w-]*|\\s+(?:affiliated|allied|linked|loyal|belonging|attached)\\s+(?:to|with)(?:\\s+(?:the|an?))?(?=\\s+[A-Za-z])|\\s*\\([A-Z][A-Za-z-]{1,12}\\)(?=\\s+[A-Za-z])|\\s+(?:of|from)\\s+[A-Z][\\w-]*(?:['’]s)?(?=\\s)|\\s+(?:wounded|injured)(?=\\s+(?!${STOP}\\b)[a-z]+(?:s|men|people)\\b)|\\s+(?!${STOP}\\b)[A-Za-z'‘’"][\\w'‘’".\\/-]*|\\s+and(?!\\s+(?:${NUMP})\\b)(?=\\s+[a-z])(?!\\s+${STOP}\\b)|\\s+of\\s+(?:them|whom|(?:the|an?|his|her|their)\\s+[\\w-]+(?:['’]s)?)|\\s+of\\s+(?:people|children|women|men|[a-z]+s)(?=[\\s,]))`;
/** "(including 1 journalist)", ", including women and children,": an aside between a group and its verb. */
const PAREN = `(?:\\s*\\([^)]{0,80}\\)|\\s*,\\s*(?:including|among\\s+them|mostly|mainly|most\\s+of\\s+them)\\s+[^,()]{1,60},|\\s*,\\s*aged\\s+[\\d\\s,and-]{1,20}?,)?`;
const GROUP = `(?<![\\w'‘’-])(?:${NUMP})(?:${MOD}){0,8}${PAREN}`;
const LIST = `${GROUP}(?:\\s*(?:,|and|,\\s*and|as\\s+well\\s+as|plus|in\\s+addition\\s+to|,?\\s*including)\\s+${GROUP})*`;
/** "were", "have also been", and a first verb joined to the death: "was shot and killed", "were kidnapped and killed". */
const AUX = `(?:\\s+(?:were|was|have|has|had|been|are|is|got|being|reportedly|allegedly|also|all|later|both|subsequently|eventually|each|consequently|found|left|lay|laid|lying|lie|yesterday|today|overnight|last\\s+night|on\\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:shot|[a-z]+ed)\\s+and))*`;
const DEATH_PP =
  '(?:killed|dead|butchered|slaughtered|fatally\\s+(?:shot|stabbed|assaulted|attacked|wounded|injured|beaten)|died|slain|shot\\s+dead|shot\\s+to\\s+death|stabbed\\s+to\\s+death|beaten\\s+to\\s+death|hacked\\s+to\\s+death|burn(?:ed|t)\\s+to\\s+death|lynched|beheaded|executed|murdered|assassinated|massacred|perished|martyred|lost\\s+their\\s+lives|lost\\s+(?:his|her)\\s+life|succumbed|deaths|fatalities|fatality|bodies|corpses|embraced\\s+(?:martyrdom|shahadat)|eliminated|neutrali[sz]ed|(?<=\\blives\\s+(?:were\\s+|have\\s+been\\s+|had\\s+been\\s+)?)lost)';
const MIXED_PP = '(?:killed|dead)(?:,?\\s+(?:and|or|and/or))?\\s+(?:wounded|injured|hurt)(?!\\s+(?:\\d|[a-z]+\\s+(?:were|was)))|killed,\\s+(?:wounded|injured)\\s+or\\s+\\w+';
const INJ_PP = '(?:wounded|injured|hurt|injuries|sustained\\s+injuries|were\\s+injured)';
const DEATH_ACT =
  '(?:[Kk]illing|killed|kills|kill|butcher(?:ed|ing)|slaughter(?:ed|ing)|shot\\s+and\\s+killed|shooting\\s+and\\s+killing|shot\\s+dead|fatally\\s+(?:shot|stabbed|wounded|injured)|executed|executing|murdered|murdering|massacred|beheaded|assassinated|lynched|eliminat(?:ed|ing)|neutrali[sz](?:ed|ing)|claimed\\s+the\\s+lives\\s+of|claiming\\s+the\\s+lives\\s+of|(?:[Tt]he\\s+)?bod(?:y|ies)\\s+of|(?:[Tt]he\\s+)?(?:deaths?|killings?|murders?)\\s+of|remains\\s+of)';
const MIXED_ACT = '(?:killing|killed)\\s+(?:and|or)\\s+(?:injuring|wounding|injured|wounded)';
const INJ_ACT = '(?:injuring|wounding|injured|wounded|injures|wounds|hurting|injuring\\s+of|wounding\\s+of)';

// Passive/after-number readings: "N <who> (were) killed". Mixed first so "killed and wounded" is one.
const RE_MIXED_AFTER = new RegExp(`(?<list>${LIST})${PAREN},?${AUX}\\s+(?:${MIXED_PP})\\b`, 'g');
const RE_DEATH_AFTER = new RegExp(`(?<list>${LIST})${PAREN},?(?<aux>${AUX})\\s+(?:${DEATH_PP})\\b`, 'g');
const RE_INJ_AFTER = new RegExp(`(?<list>${LIST})${PAREN},?${AUX}\\s+(?:${INJ_PP})\\b`, 'g');
// Active readings: "killing N <who>".
const RE_MIXED_ACT = new RegExp(`\\b${MIXED_ACT}\\s+(?<list>${LIST})`, 'g');
// ("killed all three occupants": 'all' before the figure, read as a back-reference below)
const RE_DEATH_ACT = new RegExp(`\\b${DEATH_ACT}\\s+(?:all\\s+(?:the\\s+)?|the\\s+(?=(?:${NUMBER_PATTERN})\\s))?(?<list>${LIST})`, 'g');
const RE_INJ_ACT = new RegExp(`\\b${INJ_ACT}\\s+(?<list>${LIST})`, 'g');
// "stabbed a man to death", "beat two suspects to death".
const RE_TO_DEATH = new RegExp(`\\b(?:stabbed|beat|beaten|hacked|burned|burnt|clubbed|stoned|shot|tortured|bludgeoned|strangled|choked|trampled)\\s+(?<list>${LIST})\\s+to\\s+death\\b`, 'g');
// "death toll rose to 7", "a toll of 12", "reports on fatalities range from 2 to 4",
// "the death toll from Tuesday's roadside bombing in Quetta rose to five".
const RE_TOLL = new RegExp(`\\b(?:(?:[Dd]eath\\s+toll|toll|number\\s+of\\s+(?:dead|deaths|fatalities|martyrs|victims|those\\s+killed|people\\s+killed))(?:…|\\.{3})?(?:,?\\s+[\\w'’-]+){0,18}?\\s+(?:to|at|of|is|was|as|reached|hit)|(?:fatalities|deaths|death\\s+toll)\\s+(?:\\w+\\s+){0,2}?range[sd]?\\s+from)\\s+(?<list>${NUMBER_PATTERN})`, 'g');
// "claimed no fewer than 65 lives", "the blast cost 12 lives".
const RE_LIVES = new RegExp(`\\b(?:claim(?:ed|ing|s)?|cost(?:ing|s)?|took|tak(?:es|ing))\\s+(?<list>${NUMBER_PATTERN})\\s+(?:(?:more|other|human|innocent|civilian)\\s+)?lives\\b`, 'g');
// Deaths of a group without a number: "refugees were killed", "civilians have been shot dead".
const NOT_MIXED = '(?!\\s+(?:or|and|and/or)\\s+(?:injured|wounded|hurt)\\b)';
const RE_PLURAL_PASSIVE = new RegExp(`\\b(?:were|have\\s+been|had\\s+been|are)(?:\\s+(?:reportedly|allegedly|also|later|all|found))?(?:\\s+[a-z]+\\s+and)?\\s+(?:${DEATH_PP})\\b${NOT_MIXED}`, 'g');
// Deaths and injuries together, without a figure: "were killed or injured", "killing and wounding soldiers".
const RE_MIXED_WORDS = /\b(?:killed|dead)\s+(?:or|and|and\/or)\s+(?:injured|wounded|hurt)\b|\bkilling\s+(?:or|and)\s+(?:injuring|wounding)\b/;
// A singular victim without a number: "the owner was shot dead", "he died", "killed the driver".
const RE_SINGLE_PASSIVE = new RegExp(`\\b(?:was|has\\s+been|had\\s+been|is)(?:\\s+(?:reportedly|allegedly|also|later|then|subsequently|eventually|found))?(?:\\s+[a-z]+\\s+and)?\\s+(?:${DEATH_PP})\\b(?!\\s+(?:or|and|and/or)\\s+(?:injured|wounded|hurt)\\b)`, 'g');
const RE_SINGLE_DIED = /\b(?:he|she|who|later|subsequently)\s+(?:later\s+|subsequently\s+|eventually\s+)?(?:died|succumbed|passed\s+away)\b/gi;
// A victim told by a pronoun: "killing him and another operative", "shot her dead", "killed him and
// his son", "beat him to death", "killing him and two others". (A back-reference: it may be the victim
// a sentence before already counted.)
const RE_PRONOUN_ACT = new RegExp(`\\b(?:killing|killed|kills|shot\\s+and\\s+killed|shot\\s+dead|gunned\\s+down|murdered|executed|beheaded|assassinated|stabbed\\s+to\\s+death|beat|beaten|shot|stabbed|hacked)\\s+(?:him|her)(?:\\s+(?:dead|to\\s+death))?(?:\\s+and\\s+(?:(?<one>another|one\\s+other|his|her|a)\\s+[a-z][\\w-]*|(?<n>${NUMBER_PATTERN})\\s+(?:others?|other\\s+[a-z][\\w-]*|of\\s+(?:his|her)\\s+[a-z][\\w-]*)))?`, 'gi');
const RE_SINGLE_ACT = new RegExp(`\\b(?:killing|killed|shot\\s+and\\s+killed|shot\\s+dead|murdered|executed|beheaded|assassinated|stabbed\\s+to\\s+death|fatally\\s+(?:shot|stabbed|wounded|injured))\\s+(?:his|her|the|their)\\s+(?:[a-z][\\w-]*\\s+){0,2}?(?<noun>[a-z][\\w-]*)\\b`, 'gi');
// Any word of death at all (the rest of the text may still have none of the above).
const RE_DEATH_WORD = /\b(?:kill(?:ed|ing|s)?|dead|died|dies|death|deaths|deadly|fatal(?:ities|ity)?|bodies|body|slain|martyred|martyrdom|lynched|beheaded|executed|murder(?:ed)?|assassinated|perished|lives|eliminated|neutrali[sz]ed|butchered|slaughtered)\b/i;
// "no casualties", "no fatalities reported", "no one was killed", "without casualties".
const RE_ZERO = /\b(?:no|without|zero)\s+(?:(?:immediate|reported|known|human)\s+)?(?:casualties|fatalities|deaths|loss(?:es)?\s+of\s+(?:life|lives)|one\s+(?:was|were)\s+(?:killed|hurt|injured)|injuries\s+or\s+deaths|deaths\s+or\s+injuries)\b|\bno\s+(?:one|body|people)\s+(?:(?:was|were|has\s+been|had\s+been|has|had)\s+)?(?:killed|hurt|injured|died)|\bnobody\s+(?:was\s+)?(?:killed|hurt|died)/i;

// ACLED's share note for a toll split over several events: "Fatalities are split across 2
// events (3)", "Fatalities split over 2 locations (4)": the figure in parentheses is this event's.
const RE_SPLIT = /\bfatalities\s+(?:are\s+|were\s+|have\s+been\s+)?(?:coded\s+)?(?:split|spread|divided|distributed)\s+(?:up\s+)?(?:across|over|between|among)\s+(?:\d+|two|three|four|five|six)\s+(?:events|locations|days|rows|districts|provinces)[^()]{0,40}\((\d+)\)/i;
const RE_SPLIT_K = /\bfatalit\w*\b[^.()]{0,60}?\b(?:split|spread|divided|distributed)(?:\s+(?:up|equally))?\s+(?:across|over|between|among)\s+(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:separate\s+)?(?:events|locations|rows|districts|provinces|villages)\b/i;
// ACLED's own notes. "Fatalities coded as 0 (VoJ reported 1)", "Unknown fatalities coded as 10",
// "fatalities reported as half, rounded down to 3".
const RE_CODED = /\bfatalit(?:y|ies)\s+(?:were\s+|are\s+|is\s+)?(?:coded|recorded|reported)\s+as\s+(?:half,?\s+rounded\s+(?:down|up)\s+to\s+)?(\d+)/i;
// A closing total: "… inside a sewage. 1 fatality." / "2 fatalities." (not a source's figure in parentheses).
const RE_TOTAL = new RegExp(`(?:^|[.;:,]\\s+|\\s)(?<!(?:reported|claimed|confirmed|VoJ|of|than)\\s+)(${NUMBER_CORE_PATTERN})\\s+fatalit(?:y|ies)\\b(?:\\s+(?:reported|in\\s+total|total))?\\s*(?:[.;,\\[]|and\\s+\\d+\\s+(?:injur|wound)|$)|^(${NUMBER_CORE_PATTERN})\\s+(?:people\\s+)?(?:killed|dead)\\s*(?:[.;\\[]|and\\s+\\d+\\s+(?:injur|wound)|$)`, 'g');

interface Hit {
  /** 'part': a part of a group already counted ("including 2 children"); kept only so a later back-reference to it is known. */
  kind: 'death' | 'injury' | 'mixed' | 'toll' | 'part';
  value: number | null;
  qualifier: string | null;
  high?: number;
  start: number;
  end: number;
  /** Another source's figure, in parentheses: widens the range, is not added. */
  alt: boolean;
  /** "the 5 militants": may repeat a figure given before; dropped when an equal figure was counted. */
  backref?: boolean;
  /** A toll that updates the ones before: "the death toll rose to 7", "has climbed to 64". */
  update?: boolean;
}

/**
 * `after`: the sentences that follow the incident's own ones and that no incident of the article
 * claims, nearest first (see tollAfter).
 */
export function findFatalities(doc: Doc, focus: number[], articleId: string, after: number[] = [], trigger: number | null = null): FatalityResult {
  const own = fatalitiesOf(doc, focus, articleId, trigger);
  const more = tollAfter(doc, own, focus, after);
  return more.length > 0 ? fatalitiesOf(doc, [...focus, ...more], articleId, trigger) : own;
}

/** Words that put a sentence's deaths in another incident or in a tally over time. */
const NOT_THIS_INCIDENT =
  /\b(?:separate(?:ly)?|another|similar|elsewhere|meanwhile|earlier|previous(?:ly)?|last\s+(?:week|month|year)|ago|since|so\s+far\s+(?:this|in)|this\s+year|in\s+(?:19|20)\d\d|(?:19|20)\d\d|total|altogether|overall|in\s+all|coup|conflict|war|insurgency|crisis|uprising)\b/i;
/** A sentence that opens with a place of its own: "And in Khyber district, three militants were killed …". */
const OWN_PLACE = /^[\s"“]*(?:(?:And|Also|Meanwhile|Elsewhere),?\s+(?:in|near|at)\b|(?:In|Near|At)\s+(?:the\s+)?[A-Z])/;

/**
 * The sentences after an incident that tell its toll: news often gives the toll a line or two
 * after the sentence that tells the event, as a source's word ("At least three people died, a
 * military source told reporters"), in a sentence that names no event of its own
 * and so is claimed by no incident. Where the incident's own sentences give no figure of the
 * dead, the nearest such sentence with one (within `after`, after any of its sentences) gives
 * it; where they give one, the sentence right after its last is read too ("… six terrorists were eliminated. A major and a soldier
 * embraced martyrdom."). A sentence that marks another incident or a tally is not read.
 */
function tollAfter(doc: Doc, own: FatalityResult, focus: number[], after: number[]): number[] {
  if (after.length === 0) return [];
  const f = own.fatalities;
  const noFigure = f.value === null || (f.value === 0 && f.rule === 'no-deaths-reported');
  const last = Math.max(...focus);
  for (const k of after) {
    if (!noFigure && k !== last + 1) continue;
    const s = doc.sentences[k];
    if (!s) break;
    const st = doc.text.slice(s.start, s.end);
    if (NOT_THIS_INCIDENT.test(st) || (!noFigure && OWN_PLACE.test(st))) continue;
    const hits: Hit[] = [];
    readSentence(st, s.start, hits, doc.tokens.slice(s.tokenStart, s.tokenEnd));
    const dead = hits.filter((h) => (h.kind === 'death' || h.kind === 'toll') && h.value !== null && !h.alt && !h.backref);
    if (dead.length === 0) continue;
    if (noFigure) return [k];
    // After a figure, the next sentence adds only the other side's dead ("… six terrorists were
    // eliminated. A major and a soldier embraced martyrdom") or dead it says are more; "Militants
    // killed 12 soldiers … Twelve security personnel were martyred" tells the 12 again. A floor
    // ("more than 45 civilians were killed") may be made exact by the next ("46 people").
    const floor = own.fatalities_low !== null && own.fatalities_low.value === f.value && own.fatalities_high === null;
    const ownAttackers = f.evidence.some((e) => ATTACKERS.test(groupOf(doc.text, { start: e.start, end: e.end } as Hit)));
    const nextAttackers = dead.every((h) => ATTACKERS.test(groupOf(doc.text, h)));
    if (floor || ownAttackers !== nextAttackers || dead.some((h) => addsDead(doc.text, s, h))) return [k];
  }
  return [];
}

/**
 * A sentence whose dead are a tally over several places or incidents: "at least six were killed
 * in clashes across the country", "… protests nationwide", "two attacks, together leaving 40
 * dead". Its figure is the incident's toll only where the incident's own sentences give none.
 */
const TALLY_OF_MANY =
  /\b(?:across|throughout)\s+the\s+(?:country|nation)\b|\b(?:nationwide|countrywide)\b|\bin\s+(?:several|various|different|many|other)\s+(?:cities|towns|districts|provinces|regions|places|parts\s+of)\b|\b(?:together|combined)\s+(?:leaving|killing|left|killed|claimed|claiming)\b/i;

/** The tally's figures, kept only where no sentence of the incident's own gives a number of dead (TALLY_OF_MANY). */
function tallyUnlessOwn(own: Hit[], tallies: Hit[]): Hit[] {
  const ownDead = own.some((h) => (h.kind === 'death' || h.kind === 'toll') && h.value !== null);
  return ownDead ? tallies.filter((h) => h.kind !== 'death' && h.kind !== 'toll') : tallies;
}

/**
 * `trigger`: the offset of the incident's own trigger word. Where it stands inside a clause that
 * tells an earlier incident ("… came eight days after an ambush in which two aid workers were killed"),
 * that incident is this one (a background incident of the article), and the clause's dead are its own.
 */
function fatalitiesOf(doc: Doc, focus: number[], articleId: string, trigger: number | null = null): FatalityResult {
  const text = doc.text;
  const ev = (start: number, end: number): Evidence => ({ article: articleId, start, end, text: text.slice(start, end) });
  const sentences = [...new Set(focus)].sort((a, b) => a - b).map((i) => doc.sentences[i]!).filter(Boolean);
  const focusEv = sentences.map((s) => ev(s.start, s.end));

  const hits: Hit[] = [];
  const tallies: Hit[] = [];
  let anyDeathWord = false;
  let zero: { start: number; end: number } | null = null;
  for (const s of sentences) {
    const st = text.slice(s.start, s.end);
    if (RE_DEATH_WORD.test(st)) anyDeathWord = true;
    const z = RE_ZERO.exec(st);
    if (z && !zero) zero = { start: s.start + z.index, end: s.start + z.index + z[0].length };
    if (!/\b(?:kill|dead|die|death|fatal|bod(?:y|ies)|slain|lynch|behead|execut|murder|assassin|massacr|perish|martyr|lives|life|injur|wound|hurt|casualt|toll|corpse|remains|succumb|eliminat|neutrali|shahadat|butcher|slaughter)/i.test(st)) continue;
    const own: Hit[] = [];
    readSentence(st, s.start, own, doc.tokens.slice(s.tokenStart, s.tokenEnd), trigger);
    (TALLY_OF_MANY.test(st) ? tallies : hits).push(...own);
  }
  hits.push(...tallyUnlessOwn(hits, tallies));
  hits.sort((a, b) => a.start - b.start);

  const base = readToll(text, sentences, hits, anyDeathWord, zero, focusEv, ev);
  // ACLED's share notes, anywhere in the text. "Fatalities are split across 2 events (3)": this
  // event's share is given. "Unknown fatalities coded as 10 and spread between 2 locations",
  // "[1 fatality split among 12 events]", "Fatalities split between 2 events": the total (the
  // coded figure, else the text's reading) divided by the number of events, rounded down
  // (ACLED gives any remainder to some of the events).
  const split = inWholeText(RE_SPLIT, text);
  if (split) {
    const e = ev(split.index, split.index + split[0].length);
    return { ...base, fatalities: { value: +split[1]!, evidence: [e], rule: 'fatalities:split-share-note' }, fatalities_low: null, fatalities_high: null };
  }
  const sk = inWholeText(RE_SPLIT_K, text);
  if (sk && base.fatalities.value !== null) {
    const k = /^\d/.test(sk[1]!) ? +sk[1]! : (SMALL_WORDS[sk[1]!.toLowerCase()] ?? 0);
    if (k > 1) {
      const e = ev(sk.index, sk.index + sk[0].length);
      return {
        ...base,
        fatalities: { value: Math.floor(base.fatalities.value / k), evidence: [...base.fatalities.evidence, e], rule: 'fatalities:split-evenly-note', derived: true },
        fatalities_low: null,
        fatalities_high: null,
      };
    }
  }
  return base;
}

/**
 * The first match of a (non-global) regex in the whole text, read once per text: the share and
 * coded notes are looked for anywhere in the article, for each of its incidents, which took time
 * in the product of the text's length and its number of incidents.
 */
const WHOLE_TEXT = new Map<RegExp, { text: string; m: RegExpExecArray | null }>();
function inWholeText(re: RegExp, text: string): RegExpExecArray | null {
  const c = WHOLE_TEXT.get(re);
  if (c && c.text === text) return c.m;
  const m = re.exec(text);
  WHOLE_TEXT.set(re, { text, m });
  return m;
}

const SMALL_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };

/** The toll read from the text alone: ACLED's coded figure, a stated total, or the death phrases. */
function readToll(
  text: string,
  sentences: Doc['sentences'],
  hits: Hit[],
  anyDeathWord: boolean,
  zero: { start: number; end: number } | null,
  focusEv: Evidence[],
  ev: (s: number, e: number) => Evidence,
): FatalityResult {
  const coded = inWholeText(RE_CODED, text);
  if (coded) {
    const v = +coded[1]!;
    const e = ev(coded.index, coded.index + coded[0].length);
    return { fatalities: { value: v, evidence: [e], rule: 'fatalities:coded-note' }, fatalities_low: null, fatalities_high: null, injuries: injuriesOf(hits, ev, text, sentences) };
  }
  // 2. A closing "N fatalities." total in the incident's sentences.
  for (const s of sentences) {
    const st = text.slice(s.start, s.end);
    RE_TOTAL.lastIndex = 0;
    const m = RE_TOTAL.exec(st);
    if (!m) continue;
    const num = m[1] ?? m[2]!;
    const p = parseNumber(num);
    if (!p || p.value === null) continue;
    const off = s.start + m.index + m[0].indexOf(num);
    const e = ev(off, s.start + m.index + m[0].replace(/[\s.;[]+$/, '').length);
    return { fatalities: { value: p.value, evidence: [e], rule: 'fatalities:stated-total' }, fatalities_low: null, fatalities_high: null, injuries: injuriesOf(hits, ev, text, sentences) };
  }

  // "… carrying 5 IS militants … leaving the 5 militants dead" counts; "killed 3 soldiers. The 3
  // soldiers were killed at …" does not count twice.
  const deaths = hits.filter(
    (h) => (h.kind === 'death' || h.kind === 'toll') && !(h.backref && hits.some((o) => o !== h && !o.backref && (o.kind === 'death' || o.kind === 'part') && o.value === h.value)),
  );
  const main = deaths.filter((h) => !h.alt);
  const injuries = injuriesOf(hits, ev, text, sentences);
  if (main.length === 0) {
    const mixed = hits.filter((h) => h.kind === 'mixed');
    if (mixed.length > 0 && !zero) {
      return { fatalities: { value: null, evidence: mixed.map((h) => ev(h.start, h.end)), rule: 'fatalities:killed-or-injured', note: 'deaths and injuries given together, without a split' }, fatalities_low: null, fatalities_high: null, injuries };
    }
    if (zero || !anyDeathWord) {
      return {
        fatalities: { value: 0, evidence: zero ? [ev(zero.start, zero.end)] : focusEv, rule: zero ? 'fatalities:none-reported' : 'no-deaths-reported', derived: zero ? undefined : true },
        fatalities_low: null,
        fatalities_high: null,
        injuries,
      };
    }
    // Words of death but no reading: "the attack was deadly", "a targeted killing".
    return { fatalities: { value: 0, evidence: focusEv, rule: 'no-deaths-reported', derived: true, note: 'death words without a victim' }, fatalities_low: null, fatalities_high: null, injuries };
  }

  // An updated toll replaces every figure before it ("… 5 killed. The death toll later rose to
  // 7"); a toll stated without an update ("the monitor reported the death toll as 19") is one
  // more account of the same dead (tollAccounts).
  const tolls = main.filter((h) => h.kind === 'toll' && h.update && h.value !== null);
  const counted = tolls.length > 0 ? [tolls.reduce((a, b) => (b.value! > a.value! ? b : a))] : main;
  const numeric = counted.filter((h) => h.value !== null);
  const evid = counted.map((h) => ev(h.start, h.end));
  if (numeric.length === 0) {
    return { fatalities: { value: null, evidence: evid, rule: 'fatalities:deaths-without-number' }, fatalities_low: null, fatalities_high: null, injuries };
  }
  // Groups told in one sentence add up ("killing three soldiers and two civilians"); a sentence
  // further on adds its dead only where it says they are more ("Two civilians also died") or
  // names another group than every one counted so far ("… killed 4 soldiers. 3 attackers died in
  // the exchange"). Otherwise it is another account of the same dead ("30 people were killed …
  // police put the toll at 29"): the accounts make the range, the most conservative the best
  // figure (conservative).
  const accounts = tollAccounts(text, sentences, numeric);
  let best = 0;
  let low = 0;
  let high = 0;
  let lowSet = false;
  let highSet = false;
  for (const a of accounts) {
    best += a.best;
    low += a.low;
    high += a.high;
    lowSet ||= a.lowSet;
    highSet ||= a.highSet;
  }
  // Other sources' figures widen the range: "killing 3 soldiers (VoJ claimed 4)".
  for (const h of deaths) {
    if (!h.alt || h.value === null) continue;
    if (h.value < low) low = h.value;
    if (h.value > high) high = h.value;
    lowSet = highSet = true;
  }
  const rivals = accounts.some((a) => a.rivals > 1);
  const rule = tolls.length > 0 || numeric.every((h) => h.kind === 'toll') ? 'fatalities:death-toll' : rivals && accounts.length === 1 ? 'fatalities:accounts-range' : numeric.length > 1 ? 'fatalities:sum-of-groups' : 'fatalities:count';
  const derived = numeric.length > 1 ? { derived: true } : {};
  return {
    fatalities: { value: best, evidence: evid, rule, ...derived },
    fatalities_low: lowSet ? { value: low, evidence: evid, rule, derived: true } : null,
    fatalities_high: highSet ? { value: high, evidence: evid, rule, derived: true } : null,
    injuries,
  };
}

/** Words for the dead that name no group: a figure with one of them may restate any other. */
const GENERIC_DEAD = /^(?:people|persons?|individuals?|others?|lives|dead|deaths?|bodies|victims?|fatalities|casualties|killed|)$/;
/** Groups of the dead that are the attackers. */
const ATTACKERS = /^(?:attacker|assailant|gunm[ae]n|bomber|militant|terrorist|insurgent|jihadist|raider|perpetrator|hijacker)$/;

/**
 * A figure that says its dead are more than those told before: "N others", "N more", "another
 * N", "three attackers were also killed", "in addition, 2 guards died". The word must stand by
 * the figure: "who also reported about 30 dead" restates, "shot dead another man" in a sentence
 * that details the dead names one of them.
 */
function addsDead(text: string, s: { start: number; end: number }, h: Hit): boolean {
  const own = text.slice(h.start, h.end);
  // "Two of the wounded later died": the injured who died are dead not counted before.
  if (/^\S+\s+of\s+(?:the|those)\s+(?:wounded|injured|hurt)\b/i.test(own)) return true;
  if (/^\S+(?:\s+\S+)?\s+(?:others?|more|additional|further)\b/i.test(own) && !/^\S+\s+more\s+than\b/i.test(own)) return true;
  const before = text.slice(Math.max(s.start, h.start - 40), h.start);
  if (/\b(?:another|an\s+additional|a\s+further|additional|further)\s+$/i.test(before)) return true;
  if (/\b(?:also|additionally|in\s+addition|besides|separately|too)\b(?!\s+(?:said|says|reported|reports|told|tells|confirmed|stated|added|noted|claimed|announced))[^.;:]{0,25}$/i.test(before)) return true;
  const after = text.slice(h.end, Math.min(s.end, h.end + 30));
  return /^[^.;:]{0,16}?\b(?:also|too|as\s+well|in\s+addition)\b/i.test(after);
}

interface Account {
  best: number;
  low: number;
  high: number;
  lowSet: boolean;
  highSet: boolean;
  /** The groups of the dead it names ('soldiers', 'militants'); '' for none. */
  groups: Set<string>;
  /** How many sentences gave a figure for it. */
  rivals: number;
  /** Each account's figure, and whether it is only a lower bound ("more than 40", "dozens", "20 to 30"). */
  figures: { value: number; bound: boolean }[];
}

/**
 * The best figure of competing accounts of the same dead, as ACLED codes it: the most
 * conservative figure given as such (police 12, the attackers' claim 15 → 12), but not below
 * what another account says is a floor ("more than 40 … massacred 46" → 46; "dozens … 31" → 31).
 */
function conservative(figures: { value: number; bound: boolean }[]): number {
  const exact = figures.filter((f) => !f.bound).map((f) => f.value);
  const floor = Math.max(0, ...figures.filter((f) => f.bound).map((f) => f.value));
  return exact.length > 0 ? Math.max(Math.min(...exact), floor) : floor;
}
const BOUND = /^(?:at least|more than|range|dozens|hundreds|thousands|dozen)$/;

/**
 * The group a death figure names: the head noun of its own phrase ('16 soldiers' → 'soldier',
 * 'One civilian contractor' → 'contractor', "three PKK militants" →
 * 'militant', 'two members of Iran's Guards' → 'member'); '' for words that name no group.
 */
function groupOf(text: string, h: Hit): string {
  let phrase = text.slice(h.start, h.end).toLowerCase().replace(/\([^)]*\)/g, ' ');
  phrase = phrase.replace(/^(?:(?:an?\s+)?(?:unknown|unspecified|undisclosed)\s+number\s+of|a\s+number\s+of|(?:scores|dozens|hundreds|thousands)\s+of)\s+/, '');
  // "two of the attackers" names the attackers, as "two attackers" does.
  phrase = phrase.replace(/^(?:(?:at\s+least|more\s+than|about|some|nearly)\s+)?[\w-]+\s+of\s+(?:the|those|these|its|their|his|her)\s+(?=[a-z])/, '');
  // (to the end of its noun phrase: "people manning a checkpoint" names people)
  const cut = phrase.search(/\s*[,;]|\s(?:including|among|mainly|mostly|who|which|that|and|or|as\s+well\s+as|plus|from|of|in|on|at|near|inside|with|during|[a-z]+ing)\s/);
  if (cut > 0) phrase = phrase.slice(0, cut);
  const words = phrase.match(/[a-z]+/g) ?? [];
  const skip = new Set(['at', 'least', 'more', 'than', 'about', 'around', 'some', 'nearly', 'up', 'to', 'over', 'almost', 'approximately', 'killed', 'were', 'was', 'dead', 'died', 'and', 'other', 'a', 'an', 'his', 'her', 'their', 'both', 'all', 'the', 's']);
  const w = words.filter((x) => !skip.has(x) && !/^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|dozen|dozens|hundreds|scores|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)$/.test(x)).pop() ?? '';
  return GENERIC_DEAD.test(w) ? '' : w.replace(/(?:ies)$/, 'y').replace(/men$/, 'man').replace(/(?<!s)s$/, '');
}

/**
 * A second source that contradicts the first inside one sentence: "the ministry said 40 were
 * killed, but residents say 52 died". Between two figures, a contrast word and then a verb of
 * saying (or "according to") turn to another account of the same dead, never more dead.
 */
const SOURCE_TURN = /\b(?:however|but|while|whereas|although|though|yet)\b[^.;]{0,60}?\b(?:claim(?:s|ed)?|say|says|said|put|puts|estimate[sd]?|report(?:s|ed)?|insist(?:s|ed)?|count(?:s|ed)?|according\s+to)\b/i;

/** The sentence's figures cut where another source takes the word (SOURCE_TURN): each part is read as its own account. */
function sourceTurns(text: string, hs: Hit[]): Hit[][] {
  const sorted = [...hs].sort((a, b) => a.start - b.start);
  const parts: Hit[][] = [];
  for (const h of sorted) {
    const last = parts[parts.length - 1];
    const prev = last?.[last.length - 1];
    if (!prev || (h.start > prev.end && SOURCE_TURN.test(text.slice(prev.end, h.start)))) parts.push([h]);
    else last!.push(h);
  }
  return parts;
}

/** The incident's accounts of its dead, sentence by sentence (see readToll). */
function tollAccounts(text: string, sentences: Doc['sentences'], numeric: Hit[]): Account[] {
  const bySentence = new Map<number, Hit[]>();
  for (const h of numeric) {
    const k = sentences.findIndex((s) => h.start >= s.start && h.start < s.end);
    const list = bySentence.get(k);
    if (list) list.push(h);
    else bySentence.set(k, [h]);
  }
  const accounts: Account[] = [];
  for (const [k, hs] of [...bySentence].sort((a, b) => a[0] - b[0]).flatMap(([k, hs]) => sourceTurns(text, hs).map((part) => [k, part] as const))) {
    const a: Account = { best: 0, low: 0, high: 0, lowSet: false, highSet: false, groups: new Set(), rivals: 1, figures: [] };
    let bound = false;
    for (const h of hs) {
      if (h.qualifier !== null && BOUND.test(h.qualifier)) bound = true;
      a.best += h.value!;
      a.low += h.value!;
      a.high += h.high ?? h.value!;
      if (h.qualifier === 'at least' || h.qualifier === 'more than' || h.qualifier === 'range') a.lowSet = true;
      if (h.high !== undefined || h.qualifier === 'up to' || h.qualifier === 'nearly' || h.qualifier === 'less than') a.highSet = true;
      a.groups.add(groupOf(text, h));
    }
    a.figures.push({ value: a.best, bound });
    const s = k >= 0 ? sentences[k]! : null;
    const more = s ? hs.some((h) => !h.backref && addsDead(text, s, h)) : false;
    const counted = new Set(accounts.flatMap((x) => [...x.groups]));
    const newGroups = !a.groups.has('') && !counted.has('') && [...a.groups].every((g) => !counted.has(g));
    // "A gun attack killed five people … both attackers were killed": the attackers' own deaths
    // are more dead (ACLED counts them), even after a figure that names no group.
    const attackers = !a.groups.has('') && [...a.groups].every((g) => ATTACKERS.test(g)) && ![...counted].some((g) => ATTACKERS.test(g));
    // "The 6 passengers …", "all 6 …": a back-reference tells dead already counted again.
    const backref = hs.every((h) => h.backref);
    let prev = accounts[accounts.length - 1];
    if (!prev || ((more || newGroups || attackers) && !backref)) {
      accounts.push(a);
      continue;
    }
    // Another account of dead already counted: of the group it names where one was counted
    // ("Ten soldiers were martyred … one terrorist was killed … 10 soldiers embraced martyrdom"
    // is 11), else of the first that names no group (the main toll), else of the last. The accounts' range, the highest the best.
    prev = [...accounts].reverse().find((x) => [...a.groups].some((g) => g !== '' && x.groups.has(g))) ?? accounts.find((x) => x.groups.has('')) ?? prev;
    prev.rivals++;
    prev.lowSet ||= a.lowSet || a.best !== prev.best;
    prev.highSet ||= a.highSet || a.best !== prev.best;
    prev.low = Math.min(prev.low, a.low);
    prev.high = Math.max(prev.high, a.high);
    prev.figures.push(...a.figures);
    prev.best = Math.max(prev.best, a.best);
    for (const g of a.groups) prev.groups.add(g);
  }
  return accounts;
}

/** The injured, read as the dead are: a figure told again ("Most of the 30 wounded …") once, accounts as accounts (tollAccounts). */
function injuriesOf(hits: Hit[], ev: (s: number, e: number) => Evidence, text: string, sentences: Doc['sentences']): Field<number | null> | null {
  const inj = hits.filter((h) => h.kind === 'injury' && !h.alt && !(h.backref && hits.some((o) => o !== h && !o.backref && o.kind === 'injury' && o.value === h.value)));
  if (inj.length === 0) return null;
  const evid = inj.map((h) => ev(h.start, h.end));
  const nums = inj.filter((h) => h.value !== null);
  if (nums.length === 0) return { value: null, evidence: evid, rule: 'injuries:without-number' };
  const accounts = tollAccounts(text, sentences, nums);
  return { value: accounts.reduce((a, x) => a + x.best, 0), evidence: evid, rule: nums.length > 1 ? 'injuries:sum' : 'injuries:count' };
}

const NUM_IN_LIST = new RegExp(`(?<![\\w-])(?:${NUMP})(?![\\w-])`, 'gi');
const BACKREF_BEFORE = /\b(?:the|these|those|all|including|among\s+them|among|of\s+whom)\s*$/i;
const OTHER_SOURCES = /\b(?:[Oo]ther|[Ss]ome|[Dd]ifferent|[Aa]lternative|[Cc]onflicting|[Uu]nconfirmed)\s+(?:sources|reports)\b/;
const PROTEST = /\b(?:protest(?:ed|ing|s)?|demonstrat(?:ed|ion|ions|ors|ing)|rall(?:y|ied|ies)|vigil|sit-in|march(?:ed)?|mourn(?:ed|ing)?|remembrance|demanding\s+justice|in\s+relation\s+to|in\s+connection\s+with|accused\s+of)\b/;
const AGE_OR_NO_BEFORE = /(?:\b(?:aged|ages?)\s+(?:\d+\s*(?:,|and|-|to)\s*)*|\b[Nn]o\s+)$/;
const VAGUE_WHOLE = /^(?:dozens|hundreds|thousands|scores of|several|many|numerous|multiple|some|a few)$/;
/** An update told by the verb before the toll: "…, raising the toll to 11", "bringing the death toll to 30". */
const TOLL_RAISED_BEFORE = /\b(?:rais(?:ing|ed|es)|bring(?:ing|s)?|brought|tak(?:ing|es)|took|push(?:ing|ed|es))\s+(?:the\s+|its\s+)?(?:overall\s+|total\s+|official\s+)?$/i;
const TOLL_UPDATE = /\b(?:rose|risen|rises|rising|climbed|climbs|climbing|increased|increases|increasing|jumped|reached|reaches|mounted|soared|now|revised|updated|went\s+up|gone\s+up)\b/i;
const SUBSET_RUN = /\b(?:including|among\s+them|of\s+whom)\b(?![^]*(?:,\s*and|;|\bas\s+well\s+as|\bplus)\b)/;
const SUBSET_BEFORE = /\b(?:including|among\s+them|among|of\s+whom|of\s+them|of)\s*$/;
const SPEECH_OR_BE = /^(?:said|says|say|told|tells|reported|reports|confirmed|confirms|added|adds|stated|states|claimed|claims|announced|announces|alleged|believed|feared|thought|known|learned|learnt|revealed|shows|showed|saw|see|heard|hear|is|was|were|are|be|been|being|had|has|have|got|left|leaving|including)$/;
const PASSIVE_AUX = /\b(?:were|was|been|are|is|got|being)\b/;
const ACTIVE_NEXT = new RegExp(`^\\s+(?:${NUMP}|his|her|their|the|its)\\b`);
const YEAR_OR_DAY = /^(?:1[89]\d\d|20\d\d)$/;

/**
 * A rally, march or vigil that is where the violence struck, not a grievance over earlier deaths:
 * "a bomber struck a rally, killing 12", "gunmen opened fire on a vigil, killing four". The
 * gathering is the object of an attack verb or a place ("at a rally") and is not itself about
 * deaths ("a rally against the killing of …", "a march to mourn …").
 */
const SETTING_BEFORE = /\b(?:at|on|into|targeting|targeted|attacked|stormed|struck|hit|bombed|raided|rammed)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}$/i;
const GRIEVANCE_AFTER = /^[^.;]{0,40}?\b(?:against|over|demanding|condemning|denouncing|for\s+(?:the|those|victims)|to\s+(?:protest|mourn|condemn|denounce|honou?r|remember|commemorate|demand)|in\s+(?:memory|honou?r|protest)|after\s+the\s+(?:killing|death|murder))\b/i;
function protestIsSetting(st: string, m: RegExpExecArray): boolean {
  return SETTING_BEFORE.test(st.slice(Math.max(0, m.index - 50), m.index)) && !GRIEVANCE_AFTER.test(st.slice(m.index + m[0].length));
}

/** Read one sentence's death, injury and toll phrases into `hits` (offsets into the doc). */
function readSentence(st: string, base: number, hits: Hit[], toks: Token[], trigger: number | null = null): void {
  const used: { start: number; end: number }[] = [];
  const overlaps = (a: number, b: number) => used.some((u) => a < u.end && b > u.start);
  const parens: { start: number; end: number }[] = [];
  for (let i = st.indexOf('('); i >= 0; i = st.indexOf('(', i + 1)) {
    const j = st.indexOf(')', i);
    parens.push({ start: i, end: j < 0 ? st.length : j });
  }
  const inParen = (at: number) => parens.some((p) => at > p.start && at < p.end);

  // "Other sources report that 2 soldiers were killed": another account of the same deaths.
  const alt = OTHER_SOURCES.test(st);
  // "… protested against the killing of a businessman": the death is the grievance, not the event's toll.
  const protest = PROTEST.exec(st);
  const protestAt = protest && !protestIsSetting(st, protest) ? protest.index : Infinity;
  // "… the day after an aerial bombardment killed 39 civilians", "… in a separate incident":
  // deaths of another incident told within the sentence.
  // (a clause that holds the incident's own trigger tells this incident: see fatalitiesOf)
  const other = otherIncidentSpans(st).filter(([a, b]) => trigger === null || trigger < base + a || trigger >= base + b);
  const inOther = (at: number) => other.some(([a, b]) => at >= a && at < b);
  /** A finite verb inside a victim list ends it: "a group caused terror", "killed 20 militants and destroyed 8 vehicles". */
  const clauseVerbAt = (from: number, to: number): number[] => {
    const out: number[] = [];
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      if (t.start < from || t.end > to || t.pos !== 'VERB') continue;
      if (!/^[a-z]+$/.test(st.slice(t.start - base, t.end - base)) || t.lower === 'including' || inParen(t.start - base)) continue;
      // "2 suspected militants", "the wounded": a participle used as an adjective.
      const prev = toks[i - 1];
      // ("and briefly captured a base": after "and" an adverb does not make it one)
      const afterAnd = prev?.pos === 'ADV' && toks[i - 2]?.lower === 'and';
      if (/(?:ed|ing|en)$/.test(t.lower) && prev && ['NUM', 'ADJ', 'DET', 'ADV', 'PUNCT'].includes(prev.pos) && !afterAnd) continue;
      out.push(t.start);
    }
    return out;
  };
  const objectOfVerb = (at: number): boolean => {
    const i = toks.findIndex((t) => t.start === at);
    const prev = i > 0 ? toks[i - 1]! : null;
    return !!prev && prev.pos === 'VERB' && /^[a-z]+$/.test(prev.lower) && !SPEECH_OR_BE.test(prev.lower) && /^\s+$/.test(st.slice(prev.end - base, at - base));
  };
  /**
   * "Fifteen people manning a checkpoint were killed", "three men travelling in a car": a
   * participle after its noun opens a reduced relative clause; what follows it is its object,
   * not a victim ("fighters affiliated to a militia" likewise). The offset of the first such
   * participle in the span, or Infinity.
   */
  const relativeAt = (from: number, to: number): number => {
    for (let i = 1; i < toks.length; i++) {
      const t = toks[i]!;
      if (t.start < from || t.end > to) continue;
      const w = st.slice(t.start - base, t.end - base);
      // ("fighters affiliated to the militia": a participle with its preposition, too)
      const participle = (/^[a-z]+ing$/.test(w) && t.lower !== 'including') || (/^[a-z]+ed$/.test(w) && /^(?:to|with)$/.test(toks[i + 1]?.lower ?? ''));
      if (participle && toks[i - 1]!.pos === 'NOUN' && toks[i - 1]!.start >= from) return t.start;
    }
    return Infinity;
  };
  const run = (re: RegExp, kind: Hit['kind'], mode: 'act' | 'after') => {
    re.lastIndex = 0;
    for (let m = re.exec(st); m; m = re.exec(st)) {
      const list = m.groups?.list;
      if (list === undefined) continue;
      const listAt = m.index + m[0].indexOf(list);
      // The whole phrase is used even when its list is a back-reference, so a shorter reading
      // of the same words cannot count it again.
      if (overlaps(listAt, m.index + m[0].length)) {
        if (m[0].length > 1) re.lastIndex = m.index + 1;
        continue;
      }
      // "an armed group killed 1 soldier": the list is the subject of an active verb, not its victims.
      const aux = m.groups?.aux;
      if (aux !== undefined && !PASSIVE_AUX.test(aux) && ACTIVE_NEXT.test(st.slice(m.index + m[0].length))) {
        re.lastIndex = m.index + m[0].length;
        continue;
      }
      used.push({ start: listAt, end: m.index + m[0].length });
      if (m.index > protestAt) continue;
      const backref = BACKREF_BEFORE.test(st.slice(Math.max(0, listAt - 16), listAt));
      const nums = [...list.matchAll(NUM_IN_LIST)];
      // Where a list holds a finite verb, the victims are on the verb's side: after it for a
      // passive reading ("An intense shoot-out broke out and a suspect was shot"), before it for
      // an active one ("killed 20 militants and destroyed eight vehicles").
      const verbs = clauseVerbAt(base + listAt, base + listAt + list.length);
      const relAt = mode === 'after' ? relativeAt(base + listAt, base + listAt + list.length) : Infinity;
      // "In one case, three women … were shot dead": a number after a preposition is no victim.
      const afterPrep = mode === 'after' && /\b(?:[Ii]n|[Oo]n|[Aa]t|[Ff]or|[Ff]rom|[Bb]y|[Ww]ith|[Aa]fter|[Bb]efore|[Dd]uring|[Ss]ince|than)\s+$/.test(st.slice(Math.max(0, listAt - 8), listAt));
      /** The list's first counted figure: the whole that the parts after "including" belong to. */
      let whole: Hit | null = null;
      for (let ni = 0; ni < nums.length; ni++) {
        const n = nums[ni]!;
        const raw = n[0];
        const numAt = base + listAt + n.index;
        if (numAt > relAt || inOther(numAt - base)) continue;
        if (verbs.length > 0) {
          if (mode === 'after' && numAt < verbs[verbs.length - 1]! && verbs[verbs.length - 1]! !== relAt) continue;
          if (mode === 'act' && numAt > verbs[0]!) continue;
        }
        // "aged 25 and 30": ages, not counts; "no one was killed": none.
        if (AGE_OR_NO_BEFORE.test(st.slice(Math.max(0, numAt - base - 24), numAt - base))) continue;
        // "1 child, a shepherd, was killed": an apposition names the same victim again.
        if ((raw === 'a' || raw === 'an') && ni > 0 && /,\s*$/.test(st.slice(0, numAt - base)) && st.slice(numAt - base, base + listAt + (ni + 1 < nums.length ? nums[ni + 1]!.index : list.length) - base + 2).includes(',')) continue;
        // "over an old dispute", "in a car": an article after a preposition is no victim.
        if ((raw === 'a' || raw === 'an') && (ni > 0 || mode === 'after') && /\b(?:over|in|at|on|from|with|by|for|near|to|into|inside|of)\s+$/.test(st.slice(Math.max(0, numAt - base - 8), numAt - base))) continue;
        // "a missile struck a home, and a boy was killed": an article right after a verb is its
        // object, not a victim (after a speech verb it may be one: "police said a man was killed").
        if (/^(?:an?|his|her|their)$/i.test(raw) && mode === 'after' && objectOfVerb(numAt)) continue;
        if (afterPrep && ni === 0 && list.slice(n.index, nums[1]?.index ?? list.length).includes(',')) continue;
        if (YEAR_OR_DAY.test(raw)) continue;
        const at = listAt + n.index;
        // A number right after a month name is part of a date ("On May 2 …").
        // (the text before it from a word's start: "slaughtered ten" holds no "aug…")
        if (/(?<![a-z])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$/i.test(st.slice(Math.max(0, at - 12), at).replace(/^[a-z]+/i, (w) => (at > 12 && /[a-z]/i.test(st[at - 13]!) ? ' '.repeat(w.length) : w)))) continue;
        if (/^\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/.test(list.slice(n.index + raw.length))) continue;
        let p = readCount(raw);
        if (!p) continue;
        // "three guards fell and as many attackers were killed": as many as the figure before.
        if (/^many$/i.test(raw) && /\bas\s+$/i.test(st.slice(Math.max(0, at - 4), at))) {
          const before = [...hits].reverse().find((h) => h.start >= base && h.start < base + at && h.value !== null && (h.kind === 'death' || h.kind === 'toll'));
          if (before) p = { value: before.value, qualifier: null };
        }
        // "killing a woman and her son" = 2; "and his guards" = deaths without a number.
        if ((raw === 'his' || raw === 'her' || raw === 'their') && /^\s+[a-z]+(?:[^s]s|men|people|children)\b/.test(list.slice(n.index + raw.length))) p = { value: null, qualifier: 'plural' };
        const isBackref = backref && n.index === 0;
        // "15 militants including a commander", "3 of his guards": a part of a group already counted.
        // ... and every figure after "including" in the list: "nine people, including two
        // children and a woman" (unless the list goes on past the aside: ", and 3 civilians").
        if (n.index > 0 && (SUBSET_BEFORE.test(list.slice(Math.max(0, n.index - 16), n.index)) || SUBSET_RUN.test(list.slice(0, n.index)))) {
          if (kind === 'death' && p.value !== null) {
            hits.push({ kind: 'part', value: p.value, qualifier: null, start: base + at, end: base + at + raw.length, alt: true });
            // "scores killed, among them at least 9 police": a vague whole is at least its part.
            if (whole && (whole.value === null || whole.value < p.value) && whole.qualifier !== null && VAGUE_WHOLE.test(whole.qualifier)) {
              whole.value = p.value;
              whole.qualifier = 'at least';
            }
          }
          continue;
        }
        const hit: Hit = {
          kind,
          value: p.value,
          qualifier: p.qualifier,
          ...(p.high !== undefined ? { high: p.high } : {}),
          start: base + at,
          end: base + listAt + list.replace(/[.,;:]+$/, '').length,
          alt: alt || inParen(at),
          ...(isBackref ? { backref: true } : {}),
          ...(kind === 'toll' && (TOLL_UPDATE.test(m[0]) || TOLL_RAISED_BEFORE.test(st.slice(Math.max(0, m.index - 30), m.index))) ? { update: true } : {}),
        };
        hits.push(hit);
        whole ??= hit;
      }
    }
  };
  run(RE_TOLL, 'toll', 'act');
  run(RE_MIXED_ACT, 'mixed', 'act');
  run(RE_MIXED_AFTER, 'mixed', 'after');
  run(RE_TO_DEATH, 'death', 'act');
  run(RE_LIVES, 'death', 'act');
  run(RE_DEATH_ACT, 'death', 'act');
  run(RE_DEATH_AFTER, 'death', 'after');
  run(RE_INJ_ACT, 'injury', 'act');
  run(RE_INJ_AFTER, 'injury', 'after');

  // Singular victims without a number: "the owner was shot dead", "he later died".
  for (const re of [RE_SINGLE_PASSIVE, RE_SINGLE_DIED]) {
    re.lastIndex = 0;
    for (let m = re.exec(st); m; m = re.exec(st)) {
      if (overlaps(m.index, m.index + m[0].length) || inParen(m.index) || m.index > protestAt || inOther(m.index)) continue;
      // "was killed" after a plural or numbered subject was read above; "it was deadly" is no victim.
      const before = st.slice(Math.max(0, m.index - 30), m.index);
      if (/\b(?:it|this|that|attack|blast|explosion|strike|incident)\s*$/i.test(before)) continue;
      // "Nobody was killed", "no one has died".
      if (/\b(?:nobody|no\s+one|none|no\s+people|no\s+body)\s*$/i.test(before)) continue;
      used.push({ start: m.index, end: m.index + m[0].length });
      hits.push({ kind: 'death', value: 1, qualifier: null, start: base + m.index, end: base + m.index + m[0].length, alt: false });
    }
  }
  RE_PLURAL_PASSIVE.lastIndex = 0;
  for (let m = RE_PLURAL_PASSIVE.exec(st); m; m = RE_PLURAL_PASSIVE.exec(st)) {
    if (overlaps(m.index, m.index + m[0].length) || inParen(m.index) || m.index > protestAt || inOther(m.index)) continue;
    used.push({ start: m.index, end: m.index + m[0].length });
    hits.push({ kind: 'death', value: null, qualifier: 'plural', start: base + m.index, end: base + m.index + m[0].length, alt });
  }
  if (!hits.some((h) => h.start >= base && h.kind !== 'injury')) {
    const mx = RE_MIXED_WORDS.exec(st);
    if (mx && mx.index < protestAt && !inOther(mx.index)) hits.push({ kind: 'mixed', value: null, qualifier: null, start: base + mx.index, end: base + mx.index + mx[0].length, alt });
  }
  RE_PRONOUN_ACT.lastIndex = 0;
  for (let m = RE_PRONOUN_ACT.exec(st); m; m = RE_PRONOUN_ACT.exec(st)) {
    if (overlaps(m.index, m.index + m[0].length) || inParen(m.index) || m.index > protestAt || inOther(m.index)) continue;
    // "shot him" alone is no death ("shot him in the leg"); "shot him dead" is
    if (/^(?:beat|beaten|shot|stabbed|hacked)\s/i.test(m[0]) && !/\b(?:dead|death)\b/i.test(m[0])) continue;
    const more = m.groups!.one ? 1 : m.groups!.n ? parseNumber(m.groups!.n)?.value ?? 0 : 0;
    used.push({ start: m.index, end: m.index + m[0].length });
    hits.push({ kind: 'death', value: 1 + more, qualifier: null, start: base + m.index, end: base + m.index + m[0].length, alt: false, backref: true });
  }
  RE_SINGLE_ACT.lastIndex = 0;
  for (let m = RE_SINGLE_ACT.exec(st); m; m = RE_SINGLE_ACT.exec(st)) {
    if (overlaps(m.index, m.index + m[0].length) || inParen(m.index) || m.index > protestAt || inOther(m.index)) continue;
    const noun = m.groups!.noun!;
    used.push({ start: m.index, end: m.index + m[0].length });
    // "killed the soldiers": deaths without a number; "shot dead the owner": one.
    const plural = /(?:[^s]s|men|people|children|police|personnel|staff|troops|forces)$/i.test(noun);
    hits.push({ kind: 'death', value: plural ? null : 1, qualifier: null, start: base + m.index, end: base + m.index + m[0].length, alt: false });
  }
}

/**
 * An earlier incident that the sentence goes back to: "… took place the day after an aerial
 * bombardment killed 39 civilians", "four years after a drone strike killed the commander", "the
 * attack comes a month after clashes left dozens dead", "in retaliation for the killing of two
 * guards", "the deadliest since a bombing killed 50". From the words to the clause's end: to
 * the first comma where they open the sentence ("A week after the vote, gunmen killed 5").
 */
const EARLIER_EVENT =
  /\b(?:(?:(?:a|an|one|two|three|four|five|six|several|a\s+few|\d+)\s+(?:days?|weeks?|months?|years?)|(?:the|a)\s+(?:day|week|month|year))\s+(?:after|since)|(?:comes?|came|coming|follows?|followed|following)\s+(?:just\s+|only\s+|less\s+than\s+|more\s+than\s+|barely\s+|nearly\s+)?(?:(?:a|an|one|two|three|four|five|six|\w+)\s+(?:days?|weeks?|months?|years?)\s+)?after|in\s+(?:retaliation|revenge|reprisal)\s+for|to\s+avenge|in\s+the\s+wake\s+of|(?<=\b(?:deadliest|worst|bloodiest|biggest|largest|heaviest)\b[^.;]{0,60}?)since)\b/gi;
/** Another incident told in one clause: "a boy was killed in a separate incident", "Another attack on a bus killed one". */
const SEPARATE_EVENT = /\b(?:(?:in\s+)?an?\s+separate\s+(?:attack|incident|blast|explosion|bombing|strike|ambush|raid|clash|shooting|assault)|another\s+(?:attack|blast|explosion|bombing|strike|ambush|raid|shooting|assault|incident))\b/gi;
const CLAUSE_START = /(?:[,;]|\band\b|\bwhile\b|\bbut\b|\bwhereas\b)(?![^,;]*(?:[,;]|\band\b|\bwhile\b|\bbut\b|\bwhereas\b))/;

function otherIncidentSpans(st: string): [number, number][] {
  const out: [number, number][] = [];
  EARLIER_EVENT.lastIndex = 0;
  for (let m = EARLIER_EVENT.exec(st); m; m = EARLIER_EVENT.exec(st)) {
    const opens = /^[\s"“‘'(]*(?:\w+\s+){0,2}$/.test(st.slice(0, m.index));
    const comma = st.indexOf(',', m.index);
    const semi = st.indexOf(';', m.index);
    const end = opens ? (comma >= 0 ? comma : st.length) : semi >= 0 ? semi : st.length;
    out.push([m.index, end]);
  }
  SEPARATE_EVENT.lastIndex = 0;
  for (let m = SEPARATE_EVENT.exec(st); m; m = SEPARATE_EVENT.exec(st)) {
    const before = st.slice(0, m.index);
    const c = CLAUSE_START.exec(before);
    const start = c ? c.index : 0;
    const after = st.slice(m.index).search(/[,;]/);
    out.push([start, after >= 0 ? m.index + after : st.length]);
  }
  return out;
}

/** A count inside a victim list: a number phrase, "a"/"an" = 1, a vague count = null. */
function readCount(raw: string): ParsedNumber | null {
  const w = raw.toLowerCase().replace(/\s+/g, ' ');
  if (w === 'a' || w === 'an' || w === 'his' || w === 'her' || w === 'their') return { value: 1, qualifier: null };
  if (w === 'both') return { value: 2, qualifier: null };
  if (/number of$|^several$|^many$|^scores of$|^a few$|^numerous$|^multiple$|^some$/.test(w)) return { value: null, qualifier: w };
  return parseNumber(raw);
}
