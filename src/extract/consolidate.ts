/**
 * One article, one incident told several times. News tells an incident in the lead, again with
 * its toll two paragraphs on ("The death toll … climbed to 93"), again with its method
 * ("a suicide bomber blew himself up") and again at the end; the event reader opens a candidate
 * for each telling that it cannot tie to the one before. This stage groups the candidates of one
 * article that are one incident, on what their values say:
 *
 *   spans (the candidates, each resolved on its own) → cues (place, day, type family, named
 *   actors, a marker of another incident) → candidates (earlier groups that agree on every cue)
 *   → choice (the first that agrees, else a group of its own).
 *
 * Two tellings stay apart when the text marks the second as another incident ("in a separate
 * attack", "a similar attack", "elsewhere"), or when they disagree on a place (country, province,
 * or two towns far apart), on a day (two exact days more than a day apart, unless a lead dated by
 * its report gives the dated telling's toll and group), on the kind of event
 * (a protest is no bombing), or on a named perpetrator.
 */
import type { Incident } from '../core/types.js';
import type { Doc } from '../text/doc.js';

/** Words that mark a telling as another incident than the one before. */
// ("Later on Friday, gunmen attacked the next village": a sentence opening with a later time of
// the same day and its own attack is a second attack; "Later, the toll rose" is no attack)
// ("in the capital and elsewhere" widens the same incident, it sets nothing apart)
const ANOTHER =
  /\b(?:separate(?:ly)?|another|similar|(?<!\b(?:and|or) )elsewhere|meanwhile|in (?:a|an) (?:other|related|earlier|later) |(?:second|third|earlier|previous|latest|last) (?:attack|blast|bombing|explosion|incident|strike|raid|ambush|clash)|also (?:on|in) |(?:a|one|two|three) (?:days?|weeks?|months?) (?:earlier|before|ago|later)|last (?:week|month|year)|earlier (?:this|that|in the) (?:week|month|year|day)|^\W*Later (?:on|that|the same) (?:day|night|morning|afternoon|evening|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b(?=[^.;]*\b(?:attacked|stormed|raided|ambushed|struck|opened fire)\b))\b/i;

/**
 * Whether a sentence marks its violence as another incident than the one before ("in a separate
 * attack", "Earlier, …", "last week"): for the tellings here, a later sentence's day (dates.ts)
 * and a later suspicion of a suicide bombing (retype.ts).
 */
export function setApart(sentence: string): boolean {
  return ANOTHER.test(sentence) || /^\W*(?:Earlier|Previously)\b/.test(sentence);
}

/** Event types that may be one incident told with different words. */
const FAMILY: Record<string, string> = {
  Battles: 'violence',
  'Explosions/Remote violence': 'violence',
  'Violence against civilians': 'violence',
  Protests: 'crowd',
  Riots: 'crowd',
  'Strategic developments': 'strategic',
};

/** Sub-event types that name a means; the same letter is one means told with more or less detail. */
const MEANS: Record<string, string> = {
  'Air/drone strike': 'air',
  'Shelling/artillery/missile attack': 'shelling',
  'Suicide bomb': 'bomb',
  'Remote explosive/landmine/IED': 'bomb',
  'Grenade': 'grenade',
  'Chemical weapon': 'chemical',
};

const UNNAMED = /^(?:unidentified|civilians|rioters|protesters)\b/i;
const fold = (s: string | null | undefined) => (s ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

function km(a: Incident, b: Incident): number | null {
  const la1 = a.latitude?.value, lo1 = a.longitude?.value, la2 = b.latitude?.value, lo2 = b.longitude?.value;
  if (la1 == null || lo1 == null || la2 == null || lo2 == null) return null;
  const r = Math.PI / 180;
  const h = Math.sin(((la2 - la1) * r) / 2) ** 2 + Math.cos(la1 * r) * Math.cos(la2 * r) * Math.sin(((lo2 - lo1) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}

/** A day the text gives for the incident itself (not the publication date used for want of one). */
function ownDay(x: Incident): { day: number; tolerance: number } | null {
  const d = x.event_date;
  if (!d) return null;
  const day = Date.parse(`${d.value}T00:00:00Z`) / 86400000;
  // A telling with no day of its own is news of the last day or two (the publication date, or the
  // day the telling was said): it cannot be an incident told with a day a week before.
  if (d.rule === 'date:publication' || /reporting-day/.test(d.rule)) return { day, tolerance: 2 };
  return { day, tolerance: (x.time_precision?.value ?? 1) > 1 ? 7 : 1 };
}

/**
 * A lead dated only by when it was reported ("JNIM fighters have killed 12 civilians, state
 * television reported on Thursday") that gives the same toll of several dead and the same named
 * perpetrator as a telling with a day of its own ("the raid near Ayorou on Monday killed twelve")
 * is that telling:
 * news reports an attack days after it, and one figure of one group's victims is one incident.
 */
function sameToll(a: Incident, b: Incident, na: string | null, nb: string | null): boolean {
  const reported = (x: Incident) => !!x.event_date && (x.event_date.rule === 'date:publication' || /reporting-day/.test(x.event_date.rule));
  const ta = a.fatalities?.value, tb = b.fatalities?.value;
  return reported(a) !== reported(b) && na !== null && na === nb && typeof ta === 'number' && ta >= 2 && ta === tb;
}

/**
 * Missiles told with nobody named as their shooter ("several missiles were fired toward the airfield")
 * after an air strike are the strike's own: aircraft fire missiles. Rockets, shells and mortars
 * are ground fire, and a shooter named ("IS shelling of the positions") is another incident.
 */
function missilesOfTheStrike(strike: Incident, other: Incident): boolean {
  const trigger = other.sub_event_type.evidence[0]?.text ?? '';
  return MEANS[strike.sub_event_type.value] === 'air' && MEANS[other.sub_event_type.value] === 'shelling' &&
    /^missiles?$/i.test(trigger) && (!other.actor1 || UNNAMED.test(other.actor1.value));
}

/**
 * A town changing hands: taken by force (a battle for it) or entered without a fight. The news
 * tells one capture both ways ("troops retook the town" in the lead, "entered it without
 * resistance" a paragraph on): one place and day, one incident, whichever way each line tells it.
 */
const TERRITORY = new Set(['Government regains territory', 'Non-state actor overtakes territory', 'Non-violent transfer of territory']);

/** Why two tellings of one article cannot be one incident, or null when nothing says so. */
export function apart(a: Incident, b: Incident, wideA = false, wideB = false): string | null {
  const territory = TERRITORY.has(a.sub_event_type.value) && TERRITORY.has(b.sub_event_type.value);
  if (!territory && FAMILY[a.event_type.value] !== FAMILY[b.event_type.value]) return 'kind';
  if (!territory && FAMILY[a.event_type.value] === 'strategic' && a.sub_event_type.value !== b.sub_event_type.value) return 'kind';
  // two means told of one place and day are two incidents ("an air strike on the mosque" and
  // "IS shelling of Peshmerga positions"), except a bomb told first as a blast and then as a
  // suicide attack
  const ma = MEANS[a.sub_event_type.value], mb = MEANS[b.sub_event_type.value];
  if (ma && mb && ma !== mb && !missilesOfTheStrike(a, b) && !missilesOfTheStrike(b, a)) return 'means';
  const eq = (k: 'country' | 'admin1') => !a[k] || !b[k] || fold(a[k]!.value) === fold(b[k]!.value);
  if (!eq('country')) return 'country';
  if (!eq('admin1')) return 'admin1';
  const la = a.location?.value, lb = b.location?.value;
  if (la && lb && fold(la) !== fold(lb)) {
    const d = km(a, b);
    const sameAdmin2 = !!a.admin2 && !!b.admin2 && fold(a.admin2.value) === fold(b.admin2.value);
    // a town and its district, or two spellings of one place, are one place; two towns are two
    // places unless they lie within a few km (one event per location and day, as ACLED codes);
    // a province-wide place says no more than its province
    // (a town or district the text calls a region, "in the forests of the Palamu region", names the
    // wider area around it: no more than its province)
    const pa = wideA ? 3 : a.geo_precision?.value ?? 3, pb = wideB ? 3 : b.geo_precision?.value ?? 3;
    const within = pa === 3 || pb === 3 ? true : d !== null ? d <= (pa === 1 && pb === 1 ? 5 : 25) : sameAdmin2;
    const nested = fold(la).includes(fold(lb)) || fold(lb).includes(fold(la));
    if (!within && !nested) return 'place';
  }
  const named = (x: Incident) => (x.actor1 && !UNNAMED.test(x.actor1.value) ? fold(x.actor1.value) : null);
  const na = named(a), nb = named(b);
  const da = ownDay(a), db = ownDay(b);
  if (da && db && Math.abs(da.day - db.day) > Math.max(da.tolerance, db.tolerance) && !sameToll(a, b, na, nb)) return 'day';
  if (na && nb && na !== nb && fold(b.actor2?.value) !== na && fold(a.actor2?.value) !== nb) return 'actor';
  return null;
}

/**
 * Is the telling's place one the text names as a region ("in the Palamu region", "across the
 * Kurram belt")? News names a division or a conflict zone after its main town or district; the
 * gazetteer finds the town or district, but the text speaks of the whole area.
 */
export function namesRegion(doc: Doc, x: Incident): boolean {
  const e = x.location?.evidence[0];
  return !!e && /^\s+(?:region|belt|division)\b/i.test(doc.text.slice(e.end, e.end + 12));
}

/** Does the telling open with a marker of another incident? (first sentence of its evidence) */
export function marksAnother(doc: Doc, x: Incident, sentences: number[]): boolean {
  const s = doc.sentences[sentences[0]!];
  return !!s && ANOTHER.test(doc.text.slice(s.start, s.end));
}

/**
 * Groups of indexes into `incidents` (in order of their first member), each one incident.
 * `sentences[i]` are the sentences of incident i; `listed[i]` says it opened a line of its own place.
 */
export function groupTellings(doc: Doc, incidents: Incident[], sentences: number[][], listed?: boolean[]): number[][] {
  const groups: { members: number[]; kinds: Map<string, number>; aside: boolean }[] = [];
  // `apart` reads only the cues below, so tellings with equal cues are apart from the same
  // tellings: each group keeps one member per cue set and each pair of cue sets is compared once.
  // A text that tells one incident a thousand times ('Gunmen killed three policemen …' repeated)
  // stays linear instead of comparing every telling with every earlier one.
  const wide = incidents.map((x) => namesRegion(doc, x));
  const cues = incidents.map((x, i) => cueKey(x) + (wide[i] ? '\u0000wide' : ''));
  const verdicts = new Map<string, boolean>();
  const together = (i: number, j: number) => {
    const key = `${cues[i]}\u0000${cues[j]}`;
    let v = verdicts.get(key);
    if (v === undefined) verdicts.set(key, (v = apart(incidents[i]!, incidents[j]!, wide[i], wide[j]) === null));
    return v;
  };
  incidents.forEach((b, j) => {
    // a line of its own place ("Near Mosul, five strikes …") is an incident of its own
    const another = marksAnother(doc, b, sentences[j]!) || !!listed?.[j];
    const fits = (g: (typeof groups)[number]) => [...g.kinds.values()].every((i) => together(i, j));
    const home = another ? groups.find((g) => g.aside && fits(g) && sameSideToll(incidents[g.members[0]!]!, b)) : groups.find(fits);
    if (home) {
      home.members.push(j);
      if (!home.kinds.has(cues[j]!)) home.kinds.set(cues[j]!, j);
    } else groups.push({ members: [j], kinds: new Map([[cues[j]!, j]]), aside: another && !listed?.[j] });
  });
  return groups.map((g) => g.members);
}

/**
 * Two tellings each set apart from the main incident ("Another attack … killed one and hurt
 * four" in the lead, "In a separate attack … killing one and injuring four" further on) that
 * agree on every cue and on their toll of dead are one side incident told twice: news sums the
 * side incident in its lead and tells it again in detail.
 */
function sameSideToll(a: Incident, b: Incident): boolean {
  const ta = a.fatalities?.value, tb = b.fatalities?.value;
  return typeof ta === 'number' && ta >= 1 && ta === tb;
}

/** Everything `apart` reads of an incident. */
function cueKey(x: Incident): string {
  return JSON.stringify([
    x.event_type.value,
    x.sub_event_type.value,
    x.country?.value,
    x.admin1?.value,
    x.admin2?.value,
    x.location?.value,
    x.latitude?.value,
    x.longitude?.value,
    x.geo_precision?.value,
    x.event_date?.value,
    x.event_date?.rule,
    x.time_precision?.value,
    x.actor1?.value,
    x.actor2?.value,
    x.fatalities?.value,
  ]);
}
