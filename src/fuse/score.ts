/**
 * How likely two reports, of two articles, are one event: hard vetoes first (what can never be
 * one event), then a logistic score over everything they share, with weights fitted on the
 * development sets by scripts/fit-fusion.ts into data/fusion.json. The same score decides
 * fusion, ranks the desk's "possibly the same incident" list, and gives its reasons.
 *
 * Reports of one event differ: "late Saturday" against "Sunday", a town against its district,
 * "militants" against a named group, "six soldiers" against "eight security personnel", a
 * suicide bombing against an explosion. No one of these decides; their sum does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../geo/gazetteer.js';
import type { FusionReport } from './fuse.js';
import {
  actorsContradict,
  calendarDay,
  compatible,
  actorSet,
  actorToken,
  CONFUSABLE,
  DATE_TOLERANCE,
  dayNumber,
  evidenceOverlap,
  evidenceWords,
  fold,
  forcesDiffer,
  haversineKm,
  namesDiffer,
  normPlace,
  statedDay,
  statedSet,
  RARE_BLOCK,
  UNSTATED_REACH,
  within,
  type Flat,
  type WordWeights,
} from './compatible.js';

/**
 * How far apart two reports' places may be, by the coarser geo precision: a town (1) and a
 * nearby village or the town's outskirts; a district (2) and the towns in it. A region (3) is
 * held only to its admin1.
 */
/** Two differently named places this close, under one district, are one place under two names. */
const SAME_PLACE_KM = 5;

const PLACE_REACH_KM: Record<number, number> = { 1: 40, 2: 100 };

/** Why two reports can never be one event, or null. */
export function veto(a: FusionReport, b: FusionReport): string | null {
  if (a.articleKey === b.articleKey) return 'one article: the extractor kept them apart';
  return vetoFlat(a.incident, b.incident);
}

/**
 * What the vetoes read of a report, worked out once per report: fusion compares each report with
 * many, and folding the same names again for every pair cost more than all the rest.
 */
export interface PlaceView {
  day: number | null;
  /** Days of tolerance of its date precision. */
  tol: number;
  /** How far its day may be from another report's: its tolerance, or UNSTATED_REACH for a day it does not state. */
  reach: number;
  /** Its text states the calendar day (compatible.ts `statedDay`). */
  stated: boolean;
  /** Its day is a calendar date the article gives, in its event sentences or earlier (compatible.ts `calendarDay`). */
  calendar: boolean;
  country: string;
  province: string;
  provinceSkel: string;
  town: string;
  lat: number | null;
  lon: number | null;
  /**
   * The precision its coordinates have for the km veto: its geo precision, or 3 when they are a
   * unit's (`unitCoordinates`): a place the gazetteer does not know, put at its province's
   * centre, may be anywhere in the province, which the province check already holds it to.
   */
  geo: number;
}

const views = new WeakMap<object, PlaceView>();

export function placeView(r: Flat): PlaceView {
  let v = views.get(r);
  if (v) return v;
  const province = r.admin1 ? normPlace(r.admin1).replace(PROVINCE_WORDS, ' ').replace(/\s+/g, ' ').trim() : '';
  const tol = DATE_TOLERANCE[r.time_precision ?? 1] ?? 1;
  const stated = statedDay(r);
  const calendar = calendarDay(r);
  v = {
    day: dayNumber(r.event_date),
    tol,
    reach: tol === 1 && !calendar ? UNSTATED_REACH : tol,
    stated,
    calendar,
    country: fold(r.country),
    province,
    // One spelling of a name in another alphabet: the same consonants in the same order.
    provinceSkel: province.replace(/[aeiouy\s-]/g, '').replace(/(.)\1+/g, '$1'),
    town: normPlace(r.location),
    lat: r.latitude ?? null,
    lon: r.longitude ?? null,
    geo: unitCoordinates(r) ? 3 : (r.geo_precision ?? 3),
  };
  views.set(r, v);
  return v;
}

export function vetoFlat(a: Flat, b: Flat): string | null {
  const x = placeView(a);
  const y = placeView(b);
  if (x.day === null || y.day === null) return 'date unknown';
  if (Math.abs(x.day - y.day) > Math.max(x.reach, y.reach)) return 'dates too far apart for their precision';
  if (x.day !== y.day && x.calendar && y.calendar) return 'each text states its day, and they differ';
  if (!x.country || x.country !== y.country) return 'countries differ or unknown';
  const sameTown = !!x.town && x.town === y.town;
  const hasKm = x.lat !== null && x.lon !== null && y.lat !== null && y.lon !== null;
  // Spellings differ ("Sulaymaniyah", "Sulaimani"; "Kharkiv Oblast", "KHARKIV"): provinces are
  // held apart only when their names and the places' coordinates both say so. (Half a degree of
  // latitude is over 40 km: most pairs of two provinces are told apart without the haversine.)
  if (x.province && y.province && !sameTown && !sameProvince(x, y) && !(hasKm && Math.abs(x.lat! - y.lat!) < 0.5 && haversineKm(x.lat!, x.lon!, y.lat!, y.lon!) <= 40)) return 'provinces differ';
  const km = hasKm ? haversineKm(x.lat!, x.lon!, y.lat!, y.lon!) : null;
  // One town name resolved to two places far apart: the gazetteer's ambiguity, not two events.
  if (km !== null && !sameTown) {
    const reach = PLACE_REACH_KM[Math.max(x.geo, y.geo)];
    if (reach !== undefined && km > reach * (sameCount(a, b, x, y) ? SAME_COUNT_REACH : 1)) return `places ${Math.round(km)} km apart`;
  }
  if (actorsContradict(a, b)) return 'different named actors in one role';
  if (forcesDiffer(a, b)) return 'state forces of different kinds (police, army, militia)';
  return null;
}

/**
 * The same specific toll (five or more) on the same day, for the same type of event in one
 * province: the count ties them more than a district's coordinates part them (a district's
 * seat against its village placed at another seat, a town resolved to its namesake). The place
 * reach stretches by half; nothing else is relaxed, and the score still decides.
 */
function sameCount(a: Flat, b: Flat, x: PlaceView, y: PlaceView): boolean {
  const f = a.fatalities ?? 0;
  return f >= SAME_COUNT_MIN && f === (b.fatalities ?? 0) && x.day === y.day && a.sub_event_type === b.sub_event_type && !!x.province && sameProvince(x, y);
}
const SAME_COUNT_MIN = 5;
const SAME_COUNT_REACH = 1.5;

/** Province-level words other than the scorer's (normPlace drops district, province, state, …). */
const PROVINCE_WORDS = /\b(oblast|krai|raion|governorate|wilayah|vilayet|emirate|departement|department|division)\b/g;

function sameProvince(x: PlaceView, y: PlaceView): boolean {
  if (x.province === y.province) return true;
  const a = x.provinceSkel;
  const b = y.provinceSkel;
  return a.length >= 4 && b.length >= 4 && (a.startsWith(b) || b.startsWith(a));
}

function tolerance(a: Flat, b: Flat): number {
  return Math.max(DATE_TOLERANCE[a.time_precision ?? 1] ?? 1, DATE_TOLERANCE[b.time_precision ?? 1] ?? 1);
}

/**
 * The report's coordinates are those of the unit it lies in (extraction's 'place.unit-coordinates':
 * a village the gazetteer does not know, placed at its province's or district's centre), not the
 * place's: how far they are from another report's says nothing of how far the places are ("a
 * raid on Pazigyi village in Sagaing Region", placed at Sagaing's centre 150 km from Pazigyi).
 */
export function unitCoordinates(r: Flat): boolean {
  return r.trace.latitude?.rule === UNIT_COORDINATES;
}
const UNIT_COORDINATES = 'place.unit-coordinates';

function distance(a: Flat, b: Flat): number | null {
  if (unitCoordinates(a) || unitCoordinates(b)) return null;
  if (a.latitude == null || a.longitude == null || b.latitude == null || b.longitude == null) return null;
  return haversineKm(a.latitude, a.longitude, b.latitude, b.longitude);
}

/** The features of a pair, in this order (data/fusion.json names them, so a change is caught). */
export const FEATURES = [
  'same_day',
  'gap_share',
  'rough_date',
  'same_location',
  'town_in_district',
  'other_towns',
  'km_log',
  'same_admin2',
  'names_differ',
  'same_sub',
  'confusable_sub',
  'same_event_type',
  'shared_actor',
  'rare_actor',
  'named_apart',
  'jaccard',
  'shared_words',
  'words_in_common',
  'rare_words',
  'few_words',
  'same_toll',
  'toll_log_ratio',
  'toll_close',
  'fuller_update',
] as const;
export type Feature = (typeof FEATURES)[number];

/**
 * The sign each feature's meaning demands (+1 says "one event", -1 "two", 0 either): the fit
 * keeps to it, so that on a few dozen positive pairs it cannot learn that sharing a named actor
 * makes two events.
 */
export const SIGNS: Record<Feature, 1 | -1 | 0> = {
  same_day: 1,
  gap_share: -1,
  rough_date: 0,
  same_location: 1,
  town_in_district: 1,
  other_towns: -1,
  km_log: -1,
  same_admin2: 1,
  names_differ: -1,
  same_sub: 1,
  confusable_sub: 1,
  same_event_type: 1,
  shared_actor: 1,
  rare_actor: 1,
  named_apart: -1,
  jaccard: 1,
  shared_words: 1,
  words_in_common: 1,
  rare_words: 1,
  few_words: 0,
  same_toll: 1,
  toll_log_ratio: -1,
  toll_close: 1,
  fuller_update: 1,
};

const ln = Math.log;

export function pairFeatures(a: FusionReport, b: FusionReport, weights: WordWeights): number[] {
  const x = a.incident;
  const y = b.incident;
  const gap = Math.abs(dayNumber(x.event_date)! - dayNumber(y.event_date)!);
  const locA = normPlace(x.location);
  const locB = normPlace(y.location);
  const km = distance(x, y);
  const sameLocation = (!!locA && locA === locB) || onePlace(x, y, km);
  const townInDistrict = !sameLocation && (within(x, y) || within(y, x));
  const aa = actorSet(x);
  const bb = actorSet(y);
  const shared = aa.filter((v) => bb.includes(v)).length;
  const overlap = evidenceOverlap(x, y, weights);
  const fa = x.fatalities ?? 0;
  const fb = y.fatalities ?? 0;
  const f: Record<Feature, number> = {
    same_day: gap === 0 ? 1 : 0,
    gap_share: gap / tolerance(x, y),
    rough_date: (x.time_precision ?? 1) > 1 || (y.time_precision ?? 1) > 1 ? 1 : 0,
    same_location: sameLocation ? 1 : 0,
    town_in_district: townInDistrict ? 1 : 0,
    other_towns: !!locA && !!locB && !sameLocation && !townInDistrict ? 1 : 0,
    km_log: km === null ? 0 : ln(1 + km),
    same_admin2: !!x.admin2 && normPlace(x.admin2) === normPlace(y.admin2) ? 1 : 0,
    names_differ: namesDiffer(x, y) ? 1 : 0,
    same_sub: x.sub_event_type === y.sub_event_type ? 1 : 0,
    confusable_sub: x.sub_event_type !== y.sub_event_type && CONFUSABLE.has(`${x.sub_event_type}|${y.sub_event_type}`) ? 1 : 0,
    same_event_type: x.event_type === y.event_type ? 1 : 0,
    shared_actor: Math.min(shared, 2),
    rare_actor: rareActor(aa.filter((v) => bb.includes(v)), weights),
    named_apart: shared === 0 && statedSet(x).length > 0 && statedSet(y).length > 0 ? 1 : 0,
    jaccard: overlap ? overlap.jaccard : 0,
    shared_words: overlap ? Math.min(overlap.distinct, 12) / 12 : 0,
    // More than one distinctive word in common: what made it that event (the cause of a protest,
    // the target of a strike), not one word the two share by chance.
    words_in_common: overlap && overlap.distinct >= 2 ? 1 : 0,
    rare_words: overlap ? Math.min(overlap.rare, 6) / 6 : 0,
    few_words: overlap ? 0 : 1,
    same_toll: fa > 1 && fa === fb ? 1 : 0,
    toll_log_ratio: fa > 0 && fb > 0 ? Math.abs(ln(fa / fb)) : 0,
    toll_close: tollClose(fa, fb),
    // A later, fuller account dates the event by its own telling: its day gap is the reporting's.
    fuller_update: fullerUpdate(a, b, weights) ? 1 : 0,
  };
  return FEATURES.map((k) => f[k]);
}

/**
 * How rare the rarest named actor the two share is among the block's reports: 1 when no other
 * report names it, near 0 when all do (its weight in `wordWeights`, over the most it can be).
 * Where one war fills the reports ("Taliban" against "Afghan forces" in every district, every
 * day) a shared actor says nothing of which event; the army of a neighbouring country striking,
 * or one insurgent group among a country's few reports, says much. Among fewer reports than
 * RARE_BLOCK, every actor is rare by chance: 0.
 */
export function rareActor(shared: string[], weights: WordWeights): number {
  if (shared.length === 0 || weights.size < RARE_BLOCK) return 0;
  const top = Math.log(weights.size + 1);
  let best = 0;
  for (const a of shared) best = Math.max(best, top > 0 ? weights.weight(actorToken(a), 2) / top : 0);
  return Math.min(1, best);
}

/**
 * Two names of one place: spellings ("Chattogram", "Chittagong") or a village the gazetteer placed
 * at its district ("Kodyel" in Komandjari), both at town or district precision, under one admin2
 * and within SAME_PLACE_KM of each other.
 */
function onePlace(x: Flat, y: Flat, km: number | null): boolean {
  if (km === null || km > SAME_PLACE_KM) return false;
  if ((x.geo_precision ?? 3) > 2 || (y.geo_precision ?? 3) > 2) return false;
  return !!x.admin2 && normPlace(x.admin2) === normPlace(y.admin2);
}

/**
 * How specific an agreement of two tolls is: tolls within a third of each other (a count that rose
 * as the wounded died, "16" and "19"), weighed by the size of the smaller (two tolls of 1 agree by
 * chance; two of 15 seldom). 0 for equal tolls (same_toll) and tolls of 0 or 1.
 */
export function tollClose(fa: number, fb: number): number {
  const lo = Math.min(fa, fb);
  const hi = Math.max(fa, fb);
  if (lo < 2 || hi === lo || hi > lo * TOLL_CLOSE) return 0;
  return ln(lo);
}
const TOLL_CLOSE = 4 / 3;

export interface FusionModel {
  features: string[];
  weights: number[];
  bias: number;
  /** Fuse a report into a cluster when its mean chance of being one event with the members is at least this. */
  threshold: number;
  fitted?: Record<string, unknown>;
}

let model: FusionModel | undefined;

/** The fitted model (data/fusion.json). */
export function fusionModel(): FusionModel {
  if (model) return model;
  const path = join(dataDir(), 'fusion.json');
  if (!existsSync(path)) throw new Error(`fusion: ${path} is missing (run scripts/fit-fusion.ts)`);
  const m = JSON.parse(readFileSync(path, 'utf8')) as FusionModel;
  if (m.features.join(',') !== FEATURES.join(',')) throw new Error('fusion: data/fusion.json was fitted on other features; run scripts/fit-fusion.ts again');
  model = m;
  return m;
}

/** For the fitting script: fuse with another model. */
export function setFusionModel(m: FusionModel | undefined): void {
  model = m;
}

export interface PairScore {
  /** The chance that the two are one event (0 when vetoed). */
  p: number;
  veto: string | null;
  /** The hand-set rules alone make them one event. */
  rules: boolean;
  /**
   * Why fusion keeps them apart though no veto does (an analyst may still join them: the desk
   * lists them with their chance `p`).
   */
  apart?: string;
}

export function pairScore(a: FusionReport, b: FusionReport, weights: WordWeights): PairScore {
  const v = veto(a, b);
  if (v) return { p: 0, veto: v, rules: false };
  // The careful rules of compatible.ts (what two reports must share to be one event at one place
  // on one day) merge on their own; the fitted score finds what they leave apart.
  if (compatible(a.incident, b.incident, weights, !!a.note && !!b.note).ok) return { p: 1, veto: null, rules: true };
  // Two briefs of one incident each say all they know of it: the score's tolerance is for what long
  // articles' reports make of one event (the toll of one paragraph, the place of another, a
  // background event), and two briefs the rules keep apart are two events.
  if (a.note && b.note) return { p: modelChance(a, b, weights), veto: null, rules: false, apart: 'two briefs the rules keep apart' };
  if (exactDaysApart(a.incident, b.incident) && !fullerUpdate(a, b, weights)) return { p: modelChance(a, b, weights), veto: null, rules: false, apart: 'two exact days two or more apart: only the rules join them' };
  return { p: modelChance(a, b, weights), veto: null, rules: false };
}

/**
 * Two exact days two or more apart. One outlet dates an attack by the night it began, another by
 * the next day, and the score bridges that; further apart, either one date is misread or they are
 * two events (the same toll of two in a large town three days on is chance), and only the rules
 * (the same toll and place, with a named actor or the same words) join them. The development
 * sets cannot teach this: their pairs of one incident two or three days apart are misread dates.
 */
export function exactDaysApart(x: Flat, y: Flat): boolean {
  if ((x.time_precision ?? 1) !== 1 || (y.time_precision ?? 1) !== 1) return false;
  const dx = dayNumber(x.event_date);
  const dy = dayNumber(y.event_date);
  return dx !== null && dy !== null && Math.abs(dx - dy) >= 2;
}

/**
 * One report is a later, fuller account of the other: the same town and the same type of event,
 * told by an article published later with a toll at least as high (a count that rose, up to
 * twice the first: "64 killed", then "rose to 100") and distinctive words in common (what was hit,
 * how). A later account often dates the event otherwise (the day of the first report, a weekday
 * read against its own publication), so two exact days two or three apart do not keep such a
 * pair from the score. Days the veto allows only: each text stating its own calendar day still
 * keeps them apart.
 */
export function fullerUpdate(a: FusionReport, b: FusionReport, weights: WordWeights): boolean {
  const [early, late] = (a.published ?? '') <= (b.published ?? '') ? [a, b] : [b, a];
  if (!early.published || !late.published || early.published.slice(0, 10) >= late.published.slice(0, 10)) return false;
  const x = early.incident;
  const y = late.incident;
  const town = normPlace(x.location);
  if (!town || town !== normPlace(y.location) || x.sub_event_type !== y.sub_event_type) return false;
  const fx = x.fatalities ?? 0;
  const fy = y.fatalities ?? 0;
  if (fx < 2 || fy < fx || fy > 2 * fx) return false;
  const o = evidenceOverlap(x, y, weights);
  return !!o && o.distinct >= FULLER_WORDS;
}
const FULLER_WORDS = 3;

/** The fitted model's chance that two reports no veto keeps apart are one event. */
export function modelChance(a: FusionReport, b: FusionReport, weights: WordWeights): number {
  const m = fusionModel();
  const x = pairFeatures(a, b, weights);
  let z = m.bias;
  for (let k = 0; k < x.length; k++) z += x[k]! * m.weights[k]!;
  return 1 / (1 + Math.exp(-z));
}

/** What two reports share, in words an analyst reads (for the desk's "possibly the same incident"). */
export function pairReasons(a: FusionReport, b: FusionReport, weights: WordWeights): string[] {
  const x = a.incident;
  const y = b.incident;
  const out: string[] = [];
  const gap = Math.abs(dayNumber(x.event_date)! - dayNumber(y.event_date)!);
  out.push(gap === 0 ? `same day (${x.event_date})` : `${gap} day${gap > 1 ? 's' : ''} apart (${x.event_date}, ${y.event_date})`);
  const locA = normPlace(x.location);
  if (locA && locA === normPlace(y.location)) out.push(`same place: ${x.location}`);
  else if (within(x, y) || within(y, x)) out.push(`a town and its district: ${x.location} / ${y.location}`);
  else if (x.location && y.location) out.push(`other places: ${x.location} / ${y.location}`);
  const km = distance(x, y);
  if (km !== null) out.push(`${Math.round(km)} km apart`);
  if (x.sub_event_type === y.sub_event_type) out.push(`same type: ${x.sub_event_type}`);
  else out.push(`types: ${x.sub_event_type} / ${y.sub_event_type}`);
  const shared = actorSet(x).filter((v) => actorSet(y).includes(v));
  if (shared.length) out.push(`same actor: ${[x.actor1, x.actor2].filter((n) => n && shared.includes(fold(n))).join(', ')}`);
  const wa = evidenceWords(x);
  const wb = evidenceWords(y);
  const common = [...wa].filter((w) => wb.has(w));
  if (common.length) out.push(`shared words: ${common.slice(0, 8).join(', ')}`);
  const o = evidenceOverlap(x, y, weights);
  if (o) out.push(`word overlap ${o.jaccard.toFixed(2)}`);
  if (x.fatalities !== null && y.fatalities !== null && (x.fatalities > 0 || y.fatalities > 0)) out.push(x.fatalities === y.fatalities ? `same toll: ${x.fatalities}` : `tolls ${x.fatalities} / ${y.fatalities}`);
  if (namesDiffer(x, y)) out.push('the texts name different places');
  return out;
}
