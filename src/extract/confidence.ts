/**
 * Confidence, so that analysts can review the doubtful incidents first. Two numbers, both
 * measured rather than asserted:
 *
 * - an incident's confidence: the chance that it matches an incident a human coder would code
 *   (date within a day, same province), from a logistic model over a few features of how it was
 *   read (told in the lead, place precision, a day of its own, named actor, its place or toll in
 *   the headline, ...) and, once fused, of whether two or more outlets tell it;
 * - a field's confidence: how often a value set by the same rule was right on the development
 *   sets, smoothed towards the field's overall accuracy.
 *
 * Both are fitted by `scripts/fit-confidence.ts` on the development sets (news-dev and re3d-news:
 * incidents on the fused whole files, fields per article) into data/confidence.json; `npm run
 * eval` prints precision by confidence bucket so that anyone can check the numbers mean what they
 * say.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Field, Incident } from '../core/types.js';
import { dataDir } from '../geo/gazetteer.js';
import { NUMBER_CORE_PATTERN, parseNumber } from './numbers.js';

export interface ConfidenceModel {
  fitted_on: string;
  incident: { features: string[]; weights: number[] };
  /** field → rule family → accuracy; '*' is the field's overall accuracy. */
  fields: Record<string, Record<string, number>>;
}

/** What the article around an incident says of it (set by the pipeline; see noteContext). */
export interface IncidentContext {
  /** The incident's country's weight in the article, as a share of the main country's (places.ts countryShares). */
  countryShare: number;
  /** Its place among the article's incidents, from 0. */
  rank: number;
  /** The article's title, when it has one. */
  title?: string;
}
const CONTEXT = new WeakMap<Incident, IncidentContext>();
/** Records what the article says around an incident, for its features. */
export function noteContext(inc: Incident, ctx: IncidentContext): void {
  CONTEXT.set(inc, ctx);
}

/** The features of an incident, by name; every value is 0-1. */
export function incidentFeatures(inc: Incident): Record<string, number> {
  const ctx = CONTEXT.get(inc);
  const first = Math.min(...inc.evidence.map((e) => e.start));
  const gp = inc.geo_precision?.value ?? null;
  const d = inc.event_date;
  const ownDay = !!d && d.rule !== 'date:publication' && !/reporting-day/.test(d.rule);
  return {
    bias: 1,
    lead: first < 250 ? 1 : 0,
    background: inc.background ? 1 : 0,
    place_town: gp === 1 ? 1 : 0,
    place_near: gp === 2 ? 1 : 0,
    no_location: inc.location ? 0 : 1,
    no_admin1: inc.admin1 ? 0 : 1,
    sentences_2plus: inc.evidence.length >= 2 ? 1 : 0,
    own_day: ownDay ? 1 : 0,
    named_actor: inc.actor1 && !/^unidentified/i.test(inc.actor1.value) ? 1 : 0,
    strategic: inc.event_type.value === 'Strategic developments' ? 1 : 0,
    protest: inc.event_type.value === 'Protests' || inc.event_type.value === 'Riots' ? 1 : 0,
    toll: inc.fatalities.value !== null && inc.fatalities.value > 0 ? 1 : 0,
    // a country the article hardly points at: the place was likely read from a stray name
    minor_country: ctx && inc.country && ctx.countryShare < 0.5 ? 1 : 0,
    // the third or later incident of an article: round-ups and background are riskier
    later_incident: ctx && ctx.rank >= 2 ? 1 : 0,
    month_only: (inc.time_precision?.value ?? 0) >= 3 ? 1 : 0,
    // the headline names its place: the story is about this incident, not one told in passing
    place_in_title: ctx?.title && placeInTitle(inc, ctx.title) ? 1 : 0,
    // the headline gives its toll
    toll_in_title: ctx?.title && inc.fatalities.value && titleNumbers(ctx.title).includes(inc.fatalities.value) ? 1 : 0,
    // told by two or more outlets: known only once reports are fused (fusedConfidence)
    outlets_2plus: 0,
  };
}

const TITLE_NUMBER = new RegExp(`(?<![\\w,.])(?:${NUMBER_CORE_PATTERN})(?![\\w])`, 'g');
/** The numbers a title gives, in figures or words ('Five labourers', '24 killed', '1,500'). */
export function titleNumbers(title: string): number[] {
  return [...title.matchAll(TITLE_NUMBER)].flatMap((m) => {
    const v = parseNumber(m[0])?.value;
    return v === null || v === undefined ? [] : [v];
  });
}

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
/** Whether a word of four letters or more of the incident's place, district or province is in the title. */
export function placeInTitle(inc: Incident, title: string): boolean {
  // (a title word that begins with it: 'Peshawar' in "Peshawar's", 'Kurdistan' in 'Kurdistani')
  const words = fold(title).split(/[^a-z]+/);
  return [inc.location, inc.admin2, inc.admin1]
    .flatMap((f) => (f ? fold(f.value).split(/[^a-z]+/) : []))
    .some((w) => w.length >= 4 && words.some((t) => t.startsWith(w)));
}

let model: ConfidenceModel | null | undefined;
export function loadConfidenceModel(): ConfidenceModel | null {
  if (model !== undefined) return model;
  const path = join(dataDir(), 'confidence.json');
  model = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as ConfidenceModel) : null;
  return model;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const round2 = (x: number) => Math.round(x * 100) / 100;

export function incidentConfidence(inc: Incident, m: ConfidenceModel | null = loadConfidenceModel()): number | null {
  if (!m) return null;
  const f = incidentFeatures(inc);
  let z = 0;
  m.incident.features.forEach((name, i) => (z += (f[name] ?? 0) * m.incident.weights[i]!));
  return round2(sigmoid(z));
}

/**
 * A fused incident's confidence: its surest report's, plus the model's weight for being told by
 * two or more outlets (near-duplicate copies of one wire story count once). The model is linear
 * in the logit, so this is the report's own score with that one feature switched on.
 */
export function fusedConfidence(confs: number[], outlets: number, m: ConfidenceModel | null = loadConfidenceModel()): number | null {
  if (!confs.length) return null;
  const best = Math.max(...confs);
  const i = m ? m.incident.features.indexOf('outlets_2plus') : -1;
  if (!m || i < 0 || outlets < 2) return best;
  const p = Math.min(0.995, Math.max(0.005, best));
  return round2(sigmoid(Math.log(p / (1 - p)) + m.incident.weights[i]!));
}

/** The family of a rule: its first part ('place.admin1-named:dateline' → 'place.admin1-named'). */
export const ruleFamily = (rule: string) => rule.split(/[:+]/)[0]!;

/** Sets each field's confidence from the fitted accuracy of its rule family. */
export function withFieldConfidence(inc: Incident, m: ConfidenceModel | null = loadConfidenceModel()): void {
  if (!m) return;
  for (const [name, byRule] of Object.entries(m.fields)) {
    const field = (inc as unknown as Record<string, Field<unknown> | null>)[name];
    if (!field) continue;
    const c = byRule[ruleFamily(field.rule)] ?? byRule['*'];
    if (c !== undefined) field.confidence = c;
  }
}
