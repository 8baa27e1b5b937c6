/**
 * The type an incident's sides decide. The event reader types an incident by its predicate
 * ("opened fire", "clashes"); who stood on each side, read afterwards, can show that ACLED codes
 * it otherwise. Each rule is data with its reason; a retyped incident keeps the trigger's
 * evidence and adds the actors' as what the new type was derived from.
 */
import { SUB_EVENT_TYPES, type Evidence, type Incident, type SubEventType } from '../core/types.js';
import type { Doc } from '../text/doc.js';
import { disorderOf } from './events.js';
import { setApart } from './consolidate.js';

interface Retype {
  id: string;
  from: SubEventType[];
  /** Does this incident's pair of inter codes call for the new type? */
  when: (inter1: number | null, inter2: number | null) => boolean;
  to: SubEventType;
  reason: string;
  /** Predicate rules that read the sides better than the actors do: the retype leaves them. */
  keepWhen?: string[];
}

const ARMED = new Set([1, 2, 3, 4, 8]);

export const RETYPES: Retype[] = [
  {
    id: 'armed-on-civilians',
    from: ['Armed clash'],
    when: (a, b) => a !== null && ARMED.has(a) && b === 7,
    to: 'Attack',
    keepWhen: ['attack:armed-target', 'attack:both-sides-fell', 'attack:armed-target-generic-dead', 'attack:armed-among-dead'],
    reason: 'an armed side firing on civilians ("opened fire on mourners") is violence against civilians, not a battle: a clash needs two armed sides',
  },
  {
    id: 'armed-on-forces',
    from: ['Attack'],
    when: (a, b) => a !== null && (a === 2 || a === 3 || a === 4) && b === 1,
    to: 'Armed clash',
    reason: "an armed group's raid on a base, post or convoy of the state's forces is a battle with them, not violence against civilians",
  },
  {
    id: 'militias-clash',
    from: ['Mob violence', 'Violent demonstration'],
    when: (a, b) => (a === 4 && b !== null && ARMED.has(b)) || (b === 4 && a !== null && ARMED.has(a)),
    to: 'Armed clash',
    reason: 'clan, tribal or communal militias fighting each other or the state are armed groups in a battle, not rioters',
  },
];

/** A suicide bombing named, even as a suspicion: 'a suspected suicide blast', 'It might be a suicide bombing'. */
const SUICIDE_CUE = /\bsuicide[\s-]+(?:bomb(?:ing|er|ers)?|blast|attack|explosion|attacker)s?\b/i;
/** A year told with a suicide bombing: an old one ('In 2019, a suicide bomber …'). */
const YEAR = /\b(?:19|20)\d\d\b/;
/** How many sentences after an explosion's own a suspected suicide bombing is looked for. */
const SUICIDE_REACH = 4;
/** Beyond that reach, only a doubt about the blast's nature counts ('the nature of the blast,
 *  whether a planted bomb or a suicide blast, is not yet known'): a suicide bombing told far on
 *  with words of certainty is more likely another one. */
const SUSPICION = /\b(?:whether|might|may|suspect(?:ed|s)?|possib(?:le|ly)|probabl[ey]|likely|believed|nature of|not yet|yet to|ascertain|determin(?:e|ing)|investigat(?:e|ing|ion))\b/i;
/**
 * The sentences read for a suspicion about an incident's explosion: every sentence from its first
 * to SUICIDE_REACH after its last (a remark between two of its tellings is about it too: 'the
 * blast …. "It might be a suicide bombing," an officer said. Police are inquiring into the
 * explosion'), then, while no other incident is told, the rest of the article for a doubt
 * about the blast's nature.
 */
function suicideReading(doc: Doc, sentences: number[], claimed: Set<number>): { near: number[]; far: number[] } {
  const first = Math.min(...sentences);
  const last = Math.max(...sentences);
  const near: number[] = [];
  const far: number[] = [];
  const own = new Set(sentences);
  for (let i = first; i < doc.sentences.length; i++) {
    if (i > last && claimed.has(i) && !own.has(i)) break;
    if (i <= last + SUICIDE_REACH) near.push(i);
    else far.push(i);
  }
  return { near, far };
}

/**
 * An explosion the text suspects of being a suicide bombing ('the nature of the blast, whether a
 * planted bomb or a suicide blast, is not yet known', '"It might be a suicide bombing," the police
 * officer said'): ACLED codes the suspected suicide bombing as one. `claimed`: the sentences of
 * every incident of the article (the reading stops at another incident's).
 */
export function retypeSuspectedSuicide(doc: Doc, inc: Incident, sentences: number[], articleId: string, claimed: Set<number> = new Set()): void {
  if (inc.sub_event_type.value !== 'Remote explosive/landmine/IED' || sentences.length === 0) return;
  const { near, far } = suicideReading(doc, sentences, claimed);
  for (const i of [...near, ...far]) {
    const se = doc.sentences[i]!;
    const told = doc.text.slice(se.start, se.end);
    const m = SUICIDE_CUE.exec(told);
    if (!m || setApart(told) || YEAR.test(told)) continue;
    // (beyond the reach, only a doubt about this blast's nature counts)
    if (i > near[near.length - 1]! && !SUSPICION.test(told)) continue;
    const cue: Evidence = { article: articleId, start: se.start + m.index, end: se.start + m.index + m[0].length, text: m[0] };
    const evidence = [...inc.sub_event_type.evidence, cue];
    inc.sub_event_type = { value: 'Suicide bomb', evidence, rule: 'retype:suspected-suicide', derived: true, note: 'an explosion the text suspects of being a suicide bombing' };
    inc.event_type = { value: SUB_EVENT_TYPES['Suicide bomb'], evidence, rule: 'codebook:sub-event-type', derived: true };
    inc.disorder_type = { value: disorderOf('Suicide bomb'), evidence, rule: 'codebook:disorder-type', derived: true };
    return;
  }
}

/** Retype `inc` in place where its sides call for it (see RETYPES). */
export function retypeBySides(inc: Incident): void {
  const sub = inc.sub_event_type.value;
  const i1 = inc.inter1?.value ?? null;
  const i2 = inc.inter2?.value ?? null;
  for (const r of RETYPES) {
    if (!r.from.includes(sub) || !r.when(i1, i2)) continue;
    if (r.keepWhen?.includes(inc.sub_event_type.rule ?? '')) continue;
    const evidence = [...inc.sub_event_type.evidence, ...(inc.actor1?.evidence ?? []), ...(inc.actor2?.evidence ?? [])];
    const rule = `retype:${r.id}`;
    inc.sub_event_type = { value: r.to, evidence, rule, derived: true, note: `${sub} read by the predicate; ${r.reason}` };
    inc.event_type = { value: SUB_EVENT_TYPES[r.to], evidence, rule: 'codebook:sub-event-type', derived: true };
    inc.disorder_type = { value: disorderOf(r.to), evidence, rule: 'codebook:disorder-type', derived: true };
    return;
  }
}
