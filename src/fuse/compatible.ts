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
>;

const DAY = 86_400_000;
/** Two differently named places this close are one place under two names. */
const SAME_PLACE_KM = 5;

/** Days of tolerance by ACLED time precision: 1 exact day, 2 within a week, 3 within a month. */
const DATE_TOLERANCE: Record<number, number> = { 1: 1, 2: 7, 3: 31 };

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

export function normPlace(s: string | null | undefined): string {
  const f = fold(s);
  const kept = f
    .split(' ')
    .filter((w) => !ADMIN_WORDS.has(w))
    .join(' ');
  return kept || f;
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
const CONFUSABLE = new Set(CONFUSABLE_GROUPS.flatMap(({ subs }) => subs.flatMap((a) => subs.map((b) => `${a}|${b}`))));

/**
 * Actors that say nothing about who acted: an unidentified group, or the victims' category. Two
 * reports that differ only in such names can be one event ("gunmen" in the first report, "TTP"
 * once it claimed the attack).
 */
const GENERIC_ACTOR = /^(unidentified|unknown)\b|^(civilians|protesters|rioters|labou?r group|students?)\b/i;

function actorSet(r: Flat): string[] {
  const out: string[] = [];
  for (const a of [r.actor1, r.actor2]) {
    if (!a || GENERIC_ACTOR.test(a)) continue;
    out.push(fold(a));
  }
  return out;
}

/**
 * Place names the report's own sentences give after "in", "at", "near" or "outside" that the
 * resolved place does not cover: "shelled Kafr Nabl" resolved to the district, "in the Seydabad
 * area of Nahri Saraj" resolved to Nahri Saraj. Two reports that each name such a place, and not
 * the same one, are about two places, whatever the resolution made of them.
 */
const PLACE_AFTER = /\b(?:in|at|near|outside)\s+(?:the\s+)?(\p{Lu}[\p{L}'’-]+(?:\s+(?:\p{Lu}[\p{L}'’-]+|al|el|de|del|da|do|dos|di|ar|as|an|ad|ash|bin|ibn|e))*)/gu;
const NOT_PLACES = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(' '),
);
const namedCache = new WeakMap<object, string[]>();

function namedPlaces(r: Flat): string[] {
  let out = namedCache.get(r);
  if (out) return out;
  const resolved = [r.location, r.admin1, r.admin2, r.country].map(normPlace).filter(Boolean);
  const seen = new Set<string>();
  for (const e of r.evidence) {
    for (const m of e.text.matchAll(PLACE_AFTER)) {
      const words = normPlace(m[1]!).split(' ').filter((w) => !NOT_PLACES.has(w));
      const name = words.join(' ');
      if (!name || resolved.some((x) => x.includes(name) || name.includes(x))) continue;
      seen.add(name);
    }
  }
  out = [...seen];
  namedCache.set(r, out);
  return out;
}

/** Whether two reports name different sub-places (each names one, and none is the other's). */
function namesDiffer(a: Flat, b: Flat): boolean {
  const na = namedPlaces(a);
  const nb = namedPlaces(b);
  if (na.length === 0 || nb.length === 0) return false;
  // The resolved places of the other report count as named too ("Sariab" against a report resolved to Sariab).
  const ra = [b.location, b.admin2].map(normPlace).filter(Boolean);
  const rb = [a.location, a.admin2].map(normPlace).filter(Boolean);
  const meets = (x: string, ys: string[]) => ys.some((y) => x === y || ` ${x} `.includes(` ${y} `) || ` ${y} `.includes(` ${x} `));
  return !na.some((x) => meets(x, nb) || meets(x, ra)) && !nb.some((y) => meets(y, rb));
}

export interface Compatibility {
  ok: boolean;
  /** Higher = more alike (for choosing among compatible clusters). */
  score: number;
  why?: string;
}

const NO = (why: string): Compatibility => ({ ok: false, score: 0, why });

/** Whether two reports (of different articles) can be one event, and how alike they are. */
export function compatible(a: Flat, b: Flat): Compatibility {
  let score = 0;
  // Date: within the tolerance of the less precise of the two.
  const da = dayNumber(a.event_date);
  const db = dayNumber(b.event_date);
  if (da === null || db === null) return NO('date unknown');
  const tol = Math.max(DATE_TOLERANCE[a.time_precision ?? 1] ?? 1, DATE_TOLERANCE[b.time_precision ?? 1] ?? 1);
  const gap = Math.abs(da - db);
  if (gap > tol) return NO('dates too far apart');
  score += gap === 0 ? 2 : 0;

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
  if (a.location && b.location) {
    if (normPlace(a.location) === normPlace(b.location)) score += 2;
    // Two towns named are two places (ACLED: one event per location and day), unless the
    // coordinates show one place under two names ("Sariab Road" and "Quetta").
    else if (!haveCoords || haversineKm(a.latitude!, a.longitude!, b.latitude!, b.longitude!) > SAME_PLACE_KM) return NO('different towns');
  }

  if (namesDiffer(a, b)) return NO('the texts name different places');

  // Type: the same sub-event type, or two that outlets confuse for one event.
  if (a.sub_event_type === b.sub_event_type) score += 2;
  else if (CONFUSABLE.has(`${a.sub_event_type}|${b.sub_event_type}`)) score += 1;
  else return NO('event types differ');

  // Actors: named on both sides, they must share one.
  const aa = actorSet(a);
  const bb = actorSet(b);
  let sharedActor = false;
  if (aa.length > 0 && bb.length > 0) {
    const shared = aa.filter((x) => bb.includes(x)).length;
    if (shared === 0) return NO('actors differ');
    sharedActor = true;
    score += shared;
  }

  // Tolls: two counts of one event differ (tolls rise as the wounded die), but not tenfold.
  const fa = a.fatalities ?? 0;
  const fb = b.fatalities ?? 0;
  if (fa > 0 && fb > 0 && Math.max(fa, fb) > 3 * Math.min(fa, fb) + 5) return NO('tolls too far apart');

  // Being alike in kind is not enough: many events share a day, a province and a type (daily
  // protests, shelling of several villages of one district). Two reports must also share
  // something specific: the town, the toll, or a named actor.
  // The same named town (geo precision 1): "near Nad Ali" (precision 2) is a district, where
  // several events a day are common.
  const sameLocation = !!a.location && !!b.location && normPlace(a.location) === normPlace(b.location);
  const sameTown = sameLocation && a.geo_precision === 1 && b.geo_precision === 1;
  const sameToll = fa > 0 && fa === fb;
  if (gap === 0) {
    // A shared actor is specific only at one place: "Taliban attacked police" happens in several
    // districts of a province on one day.
    const actorHere = sharedActor && (sameLocation || !a.location || !b.location);
    if (!sameTown && !sameToll && !actorHere) return NO('nothing specific in common');
  } else {
    // Days apart: one report may date the event by its publication ("on Saturday" after
    // midnight), or only roughly ("around 3 May"). Two exact days are two events unless the toll
    // is the same (fighting in one district between the same sides goes on for days); a rough
    // date needs the same town and actor.
    const rough = (a.time_precision ?? 1) > 1 || (b.time_precision ?? 1) > 1;
    if (!sameToll && !(rough && sameLocation && sharedActor)) return NO('days apart with too little in common');
  }
  return { ok: true, score };
}
