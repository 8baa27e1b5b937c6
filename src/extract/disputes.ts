/**
 * Disputes: when the sources an article cites disagree about one incident. Two kinds are read:
 * - who was hit: one source says combatants ("targeting hideouts of the TTP, according to
 *   security officials"), another says civilians ("the ministry stated that several refugees,
 *   including women and children, were killed");
 * - how many died: "police said 27 were killed … hospital officials put the toll at 32".
 * Each account keeps its source and its evidence; the incident is disputed when two accounts
 * with different sources disagree.
 */
import type { Evidence, Incident, Quote } from '../core/types.js';
import type { Doc } from '../text/doc.js';
import type { PeopleIndex } from './people.js';

type Account = { source: string | null; side: 'combatants' | 'civilians' | null; toll: number | null; evidence: Evidence };

// "hideouts of the TTP", "militant positions", "terrorists were killed".
const COMBATANT_TARGET =
  /\b(hideouts?|safe ?havens?|camps?|positions|militants?|terrorists?|insurgents?|fighters|bases?|training (?:centres?|centers?|facilit(?:y|ies)))\b/i;
// "several refugees, including women and children, were killed".
const CIVILIAN_TARGET = /\b(civilians?|refugees?|women|children|villagers|residents|worshippers|wedding|non-combatants|innocent people)\b/i;
// "according to security officials", "the ministry stated that", "officials said".
const ATTRIBUTION =
  /\baccording to ([^,.;]+)|([A-Z][^,.;“”"]{2,80}?|\b(?:security |military |police |local |government |hospital |health )?officials|sources)\s+(?:also\s+)?(?:said|says|stated|states|claimed|claims|insisted|insists|confirmed|reported|told|alleged|maintained|added)\b/;
const TOLL = /\b(\d{1,4})\s+(?:people|civilians|persons|soldiers|militants|fighters|police(?:men)?)?\s*(?:were\s+|had been\s+)?(?:killed|dead|died)\b|\btoll (?:at|to|of) (\d{1,4})\b/i;

export function findDisputes(
  doc: Doc,
  inc: Incident,
  _quotes: Quote[],
  people: PeopleIndex,
  articleId: string,
): Incident['disputed'] {
  // The accounts of an incident sit in its own sentences and in the paragraphs around them.
  const first = Math.min(...inc.evidence.map((e) => e.start));
  const focusSentence = doc.sentences.findIndex((s) => s.start <= first && first < s.end + 1);
  if (focusSentence < 0) return null;
  const para = doc.sentences[focusSentence]!.paragraph;
  const lastPara = Math.min(doc.paragraphs.length - 1, para + 2);
  const accounts: Account[] = [];
  for (let p = para; p <= lastPara; p++) {
    const P = doc.paragraphs[p]!;
    for (let s = P.sentenceStart; s < P.sentenceEnd; s++) {
      const S = doc.sentences[s]!;
      const text = doc.text.slice(S.start, S.end);
      const m = ATTRIBUTION.exec(text);
      if (!m) continue;
      const rawSource = (m[1] ?? m[2] ?? '').trim().replace(/^(?:the|that)\s+/i, '');
      const source = rawSource ? people.resolve(rawSource) : null;
      const civ = CIVILIAN_TARGET.test(text);
      const com = COMBATANT_TARGET.test(text);
      const side = civ && !com ? 'civilians' : com && !civ ? 'combatants' : null;
      const t = TOLL.exec(text);
      const toll = t ? Number(t[1] ?? t[2]) : null;
      if (side === null && toll === null) continue;
      accounts.push({ source, side, toll, evidence: { article: articleId, start: S.start, end: S.end, text } });
    }
  }
  const bySide = (side: Account['side']) => accounts.filter((a) => a.side === side);
  const com = bySide('combatants');
  const civ = bySide('civilians');
  if (com.length && civ.length && distinctSources(com[0]!, civ[0]!)) {
    const a = com[0]!;
    const b = civ[0]!;
    return {
      summary: `${a.source ?? 'One account'} says combatants were targeted; ${b.source ?? 'another'} says civilians were hit.`,
      claims: [a, b].map((x) => ({ source: x.source, says: x.evidence.text, evidence: [x.evidence] })),
    };
  }
  const tolls = accounts.filter((a) => a.toll !== null);
  for (let i = 0; i < tolls.length; i++)
    for (let j = i + 1; j < tolls.length; j++) {
      const a = tolls[i]!;
      const b = tolls[j]!;
      if (a.toll !== b.toll && distinctSources(a, b))
        return {
          summary: `${a.source ?? 'One account'} gives ${a.toll} dead; ${b.source ?? 'another'} gives ${b.toll}.`,
          claims: [a, b].map((x) => ({ source: x.source, says: x.evidence.text, evidence: [x.evidence] })),
        };
    }
  return null;
}

function distinctSources(a: Account, b: Account): boolean {
  if (!a.source || !b.source) return a.source !== b.source;
  return a.source.toLowerCase() !== b.source.toLowerCase();
}
