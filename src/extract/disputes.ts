/**
 * Disputes: when the sources an article cites disagree about one incident. Two kinds are read:
 * - who was hit: one source says combatants ("targeting hideouts of the TTP, according to
 *   security officials"), another says civilians ("the ministry stated that several refugees,
 *   including women and children, were killed");
 * - how many died: "police said 27 people were killed … hospital officials put the toll at 32".
 * Each account keeps its source and its evidence; the incident is disputed when two accounts
 * with different sources disagree. Competing tolls also give the incident its range: low and
 * high are the smallest and largest figure, and the best estimate is the smallest (ACLED codes
 * the most conservative figure when reports conflict).
 */
import type { Evidence, Field, Incident, Quote } from '../core/types.js';
import type { Doc } from '../text/doc.js';
import type { PeopleIndex } from './people.js';
import { DEMONYMS } from './roles.js';

type Side = 'combatants' | 'civilians' | null;
interface Account {
  source: string | null;
  side: Side;
  toll: number | null;
  /** The span of the toll's number, when there is one. */
  tollEvidence: Evidence | null;
  evidence: Evidence;
}

/** A dispute over one incident: the accounts, and the competing tolls when they differ. */
export interface DisputeResult {
  disputed: NonNullable<Incident['disputed']>;
  tolls: { value: number; source: string | null; evidence: Evidence }[];
}

// "hideouts of the TTP", "militant positions", "terrorists were killed".
const COMBATANT_TARGET =
  /\b(hideouts?|safe ?havens?|camps?|positions|militants?|terrorists?|insurgents?|fighters|bases?|training (?:centres?|centers?|facilit(?:y|ies)))\b/i;
// "several refugees, including women and children, were killed".
const CIVILIAN_TARGET = /\b(civilians?|refugees?|women|children|villagers|residents|worshippers|wedding|non-combatants|innocent people)\b/i;
// "according to security officials", "the ministry stated that", "officials said",
// "hospital officials put the toll at 32".
const ATTRIBUTION =
  /\baccording to ([^,.;]+)|([A-Z][^,.;“”"]{2,80}?|\b(?:security |military |police |local |government |hospital |health |medical )?officials|sources)\s+(?:also\s+)?(?:said|says|stated|states|claimed|claims|insisted|insists|confirmed|reported|told|alleged|maintained|added|put|puts|gave|counted|estimated)\b/;
const TOLL =
  /(?<!\d|\d[,.])(\d{1,3}(?:,\d{3})+|\d{1,6})\s+(?:people|persons|civilians|soldiers|militants|fighters|police(?:men)?|villagers|refugees)?\s*(?:were\s+|had been\s+|have been\s+)?(?:killed|dead|died)\b|\b(?:death )?toll (?:at|to|of|was|stood at) (\d{1,3}(?:,\d{3})+|\d{1,6})(?!\d|,\d)/i;
/** A source named only by a common noun: 'security officials', 'officials', 'military sources'. */
const BARE_SOURCE = /^(?:[a-z]+ ){0,2}(?:officials?|sources?|spokes(?:man|woman|person)|authorities|military|police|army)$/;
const CAPITALISED = /\b[A-Z][a-z]+\b/g;

/**
 * 'according to security officials' in 'The Pakistani military conducted air strikes …,
 * according to security officials': unnamed officials belong to the side the sentence names by
 * its demonym, so they become 'Pakistani security officials'.
 */
function qualifySource(source: string, sentence: string): string {
  if (!BARE_SOURCE.test(source)) return source;
  CAPITALISED.lastIndex = 0;
  for (let m = CAPITALISED.exec(sentence); m; m = CAPITALISED.exec(sentence)) if (DEMONYMS.has(m[0])) return `${m[0]} ${source}`;
  return source;
}

/**
 * How many sentences before and after an incident's first sentence are read for its accounts
 * (the paragraphs around it, as far as this). News paragraphs hold a few sentences; the longest
 * paragraph of the development sets' reports holds far fewer than this.
 */
const ACCOUNT_REACH = 40;

/** The first sentence holding offset `at` (or ending right before it), by bisection; -1 if none. */
function sentenceAt(doc: Doc, at: number): number {
  const ss = doc.sentences;
  // (Sentences out of order, which the analyser never gives: the plain search.)
  if (!sentencesOrdered(doc)) return ss.findIndex((s) => s.start <= at && at < s.end + 1);
  let lo = 0;
  let hi = ss.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ss[mid]!.end >= at) hi = mid;
    else lo = mid + 1;
  }
  return lo < ss.length && ss[lo]!.start <= at ? lo : -1;
}

const ORDERED = new WeakMap<Doc, boolean>();
function sentencesOrdered(doc: Doc): boolean {
  let ok = ORDERED.get(doc);
  if (ok === undefined) {
    const ss = doc.sentences;
    ok = true;
    for (let k = 1; k < ss.length && ok; k++) if (ss[k]!.start < ss[k - 1]!.end || ss[k]!.end < ss[k]!.start) ok = false;
    ORDERED.set(doc, ok);
  }
  return ok;
}

/**
 * For each sentence, the incidents whose evidence overlaps it; worked out once per article's
 * list of incidents (findDisputes is called for each of them), null where sentences are not in
 * order.
 */
const SENTENCE_INDEX = new WeakMap<readonly Incident[], { doc: Doc; length: number; index: Map<number, Incident[]> | null }>();
function sentenceIndex(doc: Doc, incidents: readonly Incident[]): Map<number, Incident[]> | null {
  const cached = SENTENCE_INDEX.get(incidents);
  if (cached && cached.doc === doc && cached.length === incidents.length) return cached.index;
  let index: Map<number, Incident[]> | null = null;
  if (sentencesOrdered(doc)) {
    index = new Map();
    const ss = doc.sentences;
    for (const o of incidents) {
      for (const e of o.evidence) {
        // The sentences S with e.start < S.end && S.start < e.end.
        let lo = 0;
        let hi = ss.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (ss[mid]!.end > e.start) hi = mid;
          else lo = mid + 1;
        }
        for (let s = lo; s < ss.length && ss[s]!.start < e.end; s++) {
          let l = index.get(s);
          if (!l) index.set(s, (l = []));
          if (!l.includes(o)) l.push(o);
        }
      }
    }
  }
  SENTENCE_INDEX.set(incidents, { doc, length: incidents.length, index });
  return index;
}

/**
 * `others`: the article's other incidents. A sentence that reports one of them ("3 died in another
 * attack in Karachi") is their account, not a competing account of this incident.
 */
export function findDisputes(
  doc: Doc,
  inc: Incident,
  _quotes: Quote[],
  people: PeopleIndex,
  articleId: string,
  others: readonly Incident[] = [],
): DisputeResult | null {
  if (!inc.evidence.length) return null;
  const own = (start: number, end: number) => inc.evidence.some((e) => e.start < end && start < e.end);
  const index = sentenceIndex(doc, others);
  const theirs = (s: number, start: number, end: number) => index
    ? (index.get(s) ?? []).some((o) => o !== inc)
    : others.some((o) => o !== inc && o.evidence.some((e) => e.start < end && start < e.end));
  // The accounts of an incident sit in its own sentences and in the paragraphs around them.
  let first = inc.evidence[0]!.start;
  for (const e of inc.evidence) if (e.start < first) first = e.start;
  const focusSentence = sentenceAt(doc, first);
  if (focusSentence < 0) return null;
  const para = doc.sentences[focusSentence]!.paragraph;
  const lastPara = Math.min(doc.paragraphs.length - 1, para + 2);
  const accounts: Account[] = [];
  for (let p = para; p <= lastPara; p++) {
    const P = doc.paragraphs[p]!;
    // ... within ACCOUNT_REACH sentences of the incident's first one (a paragraph of thousands of
    // sentences, a text without line breaks, would otherwise be read whole for every incident).
    const from = Math.max(P.sentenceStart, focusSentence - ACCOUNT_REACH);
    const to = Math.min(P.sentenceEnd, focusSentence + ACCOUNT_REACH + 1);
    for (let s = from; s < to; s++) {
      const S = doc.sentences[s]!;
      if (theirs(s, S.start, S.end) && !own(S.start, S.end)) continue;
      const text = doc.text.slice(S.start, S.end);
      const m = ATTRIBUTION.exec(text);
      if (!m) continue;
      const rawSource = (m[1] ?? m[2] ?? '').trim().replace(/^(?:the|that)\s+/i, '');
      const source = rawSource ? qualifySource(people.resolve(rawSource), text) : null;
      const civ = CIVILIAN_TARGET.test(text);
      const com = COMBATANT_TARGET.test(text);
      const side: Side = civ && !com ? 'civilians' : com && !civ ? 'combatants' : null;
      const t = TOLL.exec(text);
      let toll: number | null = null;
      let tollEvidence: Evidence | null = null;
      if (t) {
        const num = (t[1] ?? t[2])!;
        const at = S.start + t.index + t[0].indexOf(num);
        toll = Number(num.replace(/,/g, ''));
        tollEvidence = { article: articleId, start: at, end: at + num.length, text: num };
      }
      if (side === null && toll === null) continue;
      accounts.push({ source, side, toll, tollEvidence, evidence: { article: articleId, start: S.start, end: S.end, text } });
    }
  }
  const claimOf = (x: Account) => ({ source: x.source, says: x.evidence.text, evidence: [x.evidence] });
  const com = accounts.find((a) => a.side === 'combatants');
  const civ = accounts.find((a) => a.side === 'civilians' && (!com || distinctSources(com, a)));
  let disputed: DisputeResult['disputed'] | null = null;
  if (com && civ) {
    disputed = {
      summary: `Combatants were targeted, according to ${com.source ?? 'one account'}; civilians were hit, according to ${civ.source ?? 'another'}.`,
      claims: [claimOf(com), claimOf(civ)],
    };
  }
  // Competing tolls: every figure from a source of its own, when at least two differ.
  const tolls: DisputeResult['tolls'] = [];
  for (const a of accounts) {
    if (a.toll === null || !a.tollEvidence) continue;
    if (tolls.some((x) => x.value === a.toll && !distinctNames(x.source, a.source))) continue;
    tolls.push({ value: a.toll, source: a.source, evidence: a.tollEvidence });
  }
  const conflicting = tolls.some((x) => tolls.some((y) => x.value !== y.value && distinctNames(x.source, y.source)));
  if (conflicting) {
    const byValue = [...tolls].sort((x, y) => x.value - y.value);
    const lo = byValue[0]!;
    const hi = byValue[byValue.length - 1]!;
    const tollClaims = accounts.filter((a) => a.toll !== null).map(claimOf);
    const summary = `${lo.value} dead according to ${lo.source ?? 'one account'}; ${hi.value} according to ${hi.source ?? 'another'}.`;
    disputed = disputed
      ? { summary: `${disputed.summary} ${summary}`, claims: [...disputed.claims, ...tollClaims.filter((c) => !disputed!.claims.some((d) => d.says === c.says))] }
      : { summary, claims: tollClaims };
  } else tolls.length = 0;
  return disputed ? { disputed, tolls } : null;
}

/**
 * Sets the incident's disputed accounts and, when tolls compete, its fatality range: low and
 * high from the smallest and largest figure, the best estimate the smallest.
 */
export function applyDispute(inc: Incident, d: DisputeResult | null): void {
  inc.disputed = d?.disputed ?? null;
  if (!d || d.tolls.length < 2) return;
  const sorted = [...d.tolls].sort((x, y) => x.value - y.value);
  const lo = sorted[0]!;
  const hi = sorted[sorted.length - 1]!;
  const field = (t: typeof lo, rule: string): Field<number> => ({ value: t.value, evidence: [t.evidence], rule });
  inc.fatalities_low = field(lo, 'fatalities:disputed-low');
  inc.fatalities_high = field(hi, 'fatalities:disputed-high');
  inc.fatalities = {
    value: lo.value,
    evidence: sorted.map((t) => t.evidence),
    rule: 'fatalities:disputed-lowest',
    note: `sources give ${sorted.map((t) => t.value).join(', ')}; the lowest is the best estimate`,
  };
}

function distinctNames(a: string | null, b: string | null): boolean {
  if (!a || !b) return a !== b;
  return a.toLowerCase() !== b.toLowerCase();
}

function distinctSources(a: Account, b: Account): boolean {
  return distinctNames(a.source, b.source);
}
