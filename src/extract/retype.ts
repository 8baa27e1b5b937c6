/**
 * The type an incident's sides decide. The event reader types an incident by its predicate
 * ("opened fire", "clashes"); who stood on each side, read afterwards, can show that ACLED codes
 * it otherwise. Each rule is data with its reason; a retyped incident keeps the trigger's
 * evidence and adds the actors' as what the new type was derived from.
 */
import { SUB_EVENT_TYPES, type Incident, type SubEventType } from '../core/types.js';
import { disorderOf } from './events.js';

interface Retype {
  id: string;
  from: SubEventType[];
  /** Does this incident's pair of inter codes call for the new type? */
  when: (inter1: number | null, inter2: number | null) => boolean;
  to: SubEventType;
  reason: string;
}

const ARMED = new Set([1, 2, 3, 4, 8]);

export const RETYPES: Retype[] = [
  {
    id: 'armed-on-civilians',
    from: ['Armed clash'],
    when: (a, b) => a !== null && ARMED.has(a) && b === 7,
    to: 'Attack',
    reason: 'an armed side firing on civilians ("opened fire on mourners") is violence against civilians, not a battle: a clash needs two armed sides',
  },
  {
    id: 'militias-clash',
    from: ['Mob violence', 'Violent demonstration'],
    when: (a, b) => (a === 4 && b !== null && ARMED.has(b)) || (b === 4 && a !== null && ARMED.has(a)),
    to: 'Armed clash',
    reason: 'clan, tribal or communal militias fighting each other or the state are armed groups in a battle, not rioters',
  },
];

/** Retype `inc` in place where its sides call for it (see RETYPES). */
export function retypeBySides(inc: Incident): void {
  const sub = inc.sub_event_type.value;
  const i1 = inc.inter1?.value ?? null;
  const i2 = inc.inter2?.value ?? null;
  for (const r of RETYPES) {
    if (!r.from.includes(sub) || !r.when(i1, i2)) continue;
    const evidence = [...inc.sub_event_type.evidence, ...(inc.actor1?.evidence ?? []), ...(inc.actor2?.evidence ?? [])];
    const rule = `retype:${r.id}`;
    inc.sub_event_type = { value: r.to, evidence, rule, derived: true, note: `${sub} read by the predicate; ${r.reason}` };
    inc.event_type = { value: SUB_EVENT_TYPES[r.to], evidence, rule: 'codebook:sub-event-type', derived: true };
    inc.disorder_type = { value: disorderOf(r.to), evidence, rule: 'codebook:disorder-type', derived: true };
    return;
  }
}
