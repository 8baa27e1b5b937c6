/**
 * One sentence, several places: "Iraqi security forces open fire and kill 25 people who were
 * blocking a bridge in Nasiriyah, while 10 people are killed in Najaf, and four people are shot
 * dead in the capital Baghdad." ACLED codes an event for each place, each with its own toll. The
 * event reader reads the sentence as one incident; this stage splits it by the places the
 * sentence lists (places.ts listedPlaces), each part keeping the type, date and sides, with the
 * place as its own evidence and the figure told with that place as its toll.
 *
 * The toll of a part: the number of dead told in the stretch of the sentence that ends with its
 * place (from the place before: 'three were killed in Chittagong, two in Dhaka'); none there, the part's toll is unknown (null) unless the whole
 * incident's toll was 0. A figure is never shared out or summed.
 */
import type { Evidence, Field, Incident } from '../core/types.js';
import type { Doc } from '../text/doc.js';
import { listedPlaces, type PlaceMention } from './places.js';
import { NUMBER_PATTERN, parseNumber } from './numbers.js';

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
export function splitByListedPlaces(doc: Doc, inc: Incident, sentences: number[], places: PlaceMention[], articleId: string): Incident[] {
  const own = [...new Set(sentences)].sort((a, b) => a - b);
  // ... or one of the next sentences that breaks the toll down by place ("So far, six people
  // have been killed. Among the deceased, three were killed in Chittagong, two in Dhaka, and one
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
      return {
        ...inc,
        evidence: [...inc.evidence],
        ...loc,
        fatalities,
        fatalities_low: null,
        fatalities_high: null,
        injuries: null,
      } as Incident;
    });
  }
  return [inc];
}
