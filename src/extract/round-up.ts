/**
 * One sentence, several places: "Police fire on a crowd and kill 18 protesters in Basra,
 * while seven are killed in Karbala, and two more die of gunshot wounds in the capital
 * Baghdad." ACLED codes an event for each place, each with its own toll. The
 * event reader reads the sentence as one incident; this stage splits it by the places the
 * sentence lists (places.ts listedPlaces), each part keeping the type, date and sides, with the
 * place as its own evidence and the figure told with that place as its toll.
 *
 * The toll of a part: the number of dead told in the stretch of the sentence that ends with its
 * place (from the place before: 'four died in Sylhet, one in Khulna'); none there, the part's toll is unknown (null) unless the whole
 * incident's toll was 0. A figure is never shared out or summed.
 */
import { SUB_EVENT_TYPES, type Evidence, type Field, type Incident } from '../core/types.js';
import type { Doc } from '../text/doc.js';
import { listedPlaces, type PlaceMention } from './places.js';
import { NUMBER_PATTERN, parseNumber } from './numbers.js';
import { disorderOf, typeSentences } from './events.js';

/** 'kill 25 people', 'killing at least 10'. */
const KILL_N = new RegExp(`\\b(?:kill(?:s|ed|ing)?|left|leaving)\\s+(${NUMBER_PATTERN})(?!\\s*(?:%|per\\s*cent))`);
/** '10 people are killed', 'four people were shot dead', 'three dead'. */
const N_KILLED = new RegExp(`(${NUMBER_PATTERN})\\s+(?:[\\w-]+\\s+){0,4}?(?:(?:were|are|was|is|have been|has been|had been)\\s+)?(?:killed|dead|shot dead|died|slain|martyred)\\b`);

/** The dead told in `text`, or null. */
function tollIn(text: string): { value: number; at: number; length: number } | null {
  for (const re of [KILL_N, N_KILLED]) {
    const m = re.exec(text);
    if (!m) continue;
    const p = parseNumber(m[1]!);
    if (p?.value != null) return { value: p.value, at: m.index + m[0].indexOf(m[1]!), length: m[1]!.length };
  }
  return null;
}

/** ', two in Dhaka', 'and four in the capital': a figure of the same dead, its verb left out. */
const BARE_N = new RegExp(`^[\\s,;]*(?:and\\s+|while\\s+)?(${NUMBER_PATTERN})\\s+(?:[a-z]+\\s+){0,2}?(?:in|at)\\b`);
function bareFigure(text: string): { value: number; at: number; length: number } | null {
  const m = BARE_N.exec(text);
  const p = m ? parseNumber(m[1]!) : null;
  return m && p?.value != null ? { value: p.value, at: m.index + m[0].indexOf(m[1]!), length: m[1]!.length } : null;
}

/**
 * The incident split by the places its first listing sentence names, or [inc] where no sentence
 * of it lists two places or more.
 */
export function splitByListedPlaces(
  doc: Doc,
  inc: Incident,
  sentences: number[],
  places: PlaceMention[],
  articleId: string,
  /** Read a retyped part's sides again from its sentences (the sides depend on the type:
   *  Protesters for a protest, Rioters for a riot). */
  reread?: (part: Incident, sentences: number[], trigger: { start: number; end: number }) => void,
): Incident[] {
  const own = [...new Set(sentences)].sort((a, b) => a - b);
  // ... or one of the next sentences that breaks the toll down by place ("Seven people have
  // died in all: four of them in Sylhet, two in Khulna and one
  // in Rangpur."): there, a figure with two of the places at least.
  const after = [...new Set(own.flatMap((s) => [s + 1, s + 2]))].filter((s) => s < doc.sentences.length && !own.includes(s));
  for (const s of [...own, ...after]) {
    const listed = listedPlaces(doc, places, s, articleId);
    if (listed.length < 2) continue;
    const se = doc.sentences[s]!;
    const tolls: ({ value: number; at: number; length: number } | null)[] = [];
    listed.forEach((p, k) => {
      const from = k === 0 ? se.start : listed[k - 1]!.m.end;
      const stretch = doc.text.slice(from, p.m.end);
      // after a first figure of the dead, a bare one: '…, two in Dhaka, and one in Rangpur'
      const t = tollIn(stretch) ?? (tolls.some(Boolean) ? bareFigure(stretch) : null);
      tolls.push(t ? { ...t, at: from + t.at } : null);
    });
    if (!own.includes(s) && tolls.filter(Boolean).length < 2) continue;
    const zero = inc.fatalities.value === 0;
    return listed.map((p, k) => {
      const t = tolls[k];
      const placeEv: Evidence = { article: articleId, start: p.m.start, end: p.m.end, text: p.m.text };
      let fatalities: Field<number | null>;
      if (t) {
        const at = t.at;
        fatalities = { value: t.value, evidence: [{ article: articleId, start: at, end: at + t.length, text: doc.text.slice(at, at + t.length) }], rule: 'fatalities:listed-place' };
      } else if (zero) fatalities = inc.fatalities;
      else fatalities = { value: null, evidence: [placeEv], rule: 'fatalities:listed-place-unknown', derived: true, note: 'the sentence lists several places and tells no figure with this one' };
      const loc = p.location;
      const part = {
        ...inc,
        evidence: [...inc.evidence],
        ...loc,
        fatalities,
        fatalities_low: null,
        fatalities_high: null,
        injuries: null,
      } as Incident;
      const told = partSentences(own, s, places, p.m.text);
      if (told.length < new Set([...own, s]).size && retypePart(doc, part, told, articleId)) reread?.(part, told, part.sub_event_type.evidence[0]!);
      return part;
    });
  }
  return [inc];
}

/** A place mention of a sentence that names a place finer than a country ('Sudan Doctors
 *  Committee' names no place of the incident). */
const placeOf = (m: PlaceMention) => m.candidates.length > 0 && !m.demonym && m.candidates.some((c) => c.kind !== 'country');

/**
 * The sentences that tell the part of an incident at one listed place: the listing sentence,
 * the incident's sentences that name that place, and those that name no place at all (they go
 * on about every part: "Police dispersed the crowds with tear gas"). A sentence that names only
 * another place tells what happened there ("… in Kassala, Atbara and Port Sudan. In Khartoum,
 * police fired tear gas": the tear gas is Khartoum's).
 */
function partSentences(own: number[], s: number, places: PlaceMention[], name: string): number[] {
  const key = name.toLowerCase();
  const out = [s];
  for (const k of own) {
    if (k === s) continue;
    const named = places.filter((m) => m.sentence === k && placeOf(m)).map((m) => m.text.toLowerCase());
    if (named.length === 0 || named.includes(key)) out.push(k);
  }
  return out.sort((a, b) => a - b);
}

/**
 * Each part is typed again from its own sentences where they are fewer than the incident's
 * (ACLED codes each place's event by what happened there: protests in three towns, the police
 * firing tear gas in one, are a Protest with intervention there and Peaceful protests in the
 * others). Where its sentences tell no event, the part keeps the incident's type.
 */
function retypePart(doc: Doc, part: Incident, sentences: number[], articleId: string): boolean {
  const typed = typeSentences(doc, sentences);
  if (!typed || typed.sub === part.sub_event_type.value) return false;
  const evidence: Evidence[] = [{ article: articleId, start: typed.trigger.start, end: typed.trigger.end, text: doc.text.slice(typed.trigger.start, typed.trigger.end) }];
  const rule = `split:${typed.rule}`;
  part.sub_event_type = { value: typed.sub, evidence, rule, derived: true, note: 'typed from the sentences about this place only' };
  part.event_type = { value: SUB_EVENT_TYPES[typed.sub], evidence, rule: 'codebook:sub-event-type', derived: true };
  part.disorder_type = { value: disorderOf(typed.sub), evidence, rule: 'codebook:disorder-type', derived: true };
  return true;
}
