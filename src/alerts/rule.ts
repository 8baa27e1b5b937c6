/**
 * An alert rule: a saved view of the desk (its filter) with a name, an owner and where its alerts
 * go. The filter is the desk's own, written as its query string ("country=Pakistan&admin1=Kurram
 * &min_fatalities=5"), so "alert me on this view" saves exactly what the analyst sees, and it
 * selects the same incidents as the list does (`matches` mirrors src/api/list-index.ts's filter).
 *
 * A rule fires on an incident once per *change*: the change is a digest of what an alert says
 * (type, date, place, actors, toll, whether disputed). A new incident that matches fires; a toll
 * update, a merge or an analyst's edit that alters one of those fires again; a new source that
 * alters none of them, a second ingest of the same article, or a retried transaction does not.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { EventType, SubEventType } from '../core/types.js';
import type { IncidentView } from '../store/overlay.js';

const names = z.array(z.string().trim().min(1).max(200)).min(1).max(50);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

export const AlertFilter = z
  .object({
    country: names.optional(),
    admin1: names.optional(),
    event_type: z.array(EventType).min(1).optional(),
    sub_event_type: z.array(SubEventType).min(1).optional(),
    actor: z.string().trim().min(1).max(200).optional(),
    min_fatalities: z.number().int().min(0).optional(),
    /** Words that the incident's articles must all hold (whole words, case-free). */
    q: z.string().trim().min(1).max(500).optional(),
    bbox: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90), z.number().min(-180).max(180), z.number().min(-90).max(90)]).optional(),
    disputed: z.boolean().optional(),
    from: day.optional(),
    to: day.optional(),
  })
  .strict()
  .refine((f) => !f.bbox || f.bbox[1] <= f.bbox[3], { message: 'bbox must be minLon,minLat,maxLon,maxLat with minLat ≤ maxLat' });
export type AlertFilter = z.infer<typeof AlertFilter>;

export const DIGESTS = ['none', 'hourly', 'daily'] as const;
export const Digest = z.enum(DIGESTS);
export type Digest = z.infer<typeof Digest>;

export const AlertRuleInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    owner: z.string().trim().min(1).max(200),
    filter: AlertFilter,
    webhook_url: z.string().regex(/^https?:\/\//, 'an http(s) URL').max(2000).nullable().optional(),
    email_to: z.string().email().max(320).nullable().optional(),
    email_digest: Digest.default('none'),
  })
  .strict();
export type AlertRuleInput = z.input<typeof AlertRuleInput>;

export interface AlertRule {
  id: string;
  name: string;
  owner: string;
  filter: AlertFilter;
  feed_key: string;
  webhook_url: string | null;
  webhook_secret: string | null;
  email_to: string | null;
  email_digest: Digest;
  created_at: string;
}

export class FilterError extends Error {
  override name = 'FilterError';
}

const LISTS = ['country', 'admin1', 'event_type', 'sub_event_type'] as const;

/**
 * The desk's query string (or the part of it that is a filter) → a rule's filter. Paging, sorting
 * and review states are not part of a rule: alerts are about incidents that are not rejected,
 * merged or orphaned. Throws FilterError naming what is wrong.
 */
export function parseFilter(qs: string): AlertFilter {
  const params = new URLSearchParams(qs.replace(/^[#/?]+/, '').replace(/^.*\?/, ''));
  const raw: Record<string, unknown> = {};
  for (const [k, v] of params) {
    if (['offset', 'limit', 'sort', 'status', 'token'].includes(k) || v.trim() === '') continue;
    if ((LISTS as readonly string[]).includes(k)) raw[k] = v.split(',').map((x) => x.trim()).filter(Boolean);
    else if (k === 'min_fatalities') raw[k] = /^\d+$/.test(v) ? Number(v) : v;
    else if (k === 'disputed') raw[k] = v === 'true' ? true : v === 'false' ? false : v;
    else if (k === 'bbox') raw[k] = v.split(',').map(Number);
    else raw[k] = v;
  }
  return checkFilter(raw);
}

export function checkFilter(raw: unknown): AlertFilter {
  const r = AlertFilter.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new FilterError(`bad filter${i.path.length ? ` (${i.path.join('.')})` : ''}: ${i.message}`);
  }
  if (Object.keys(r.data).length === 0) throw new FilterError('the filter is empty: a rule on every incident would alert on everything');
  return r.data;
}

/** The filter as the desk's query string (for links back to the view). */
export function filterQuery(f: AlertFilter): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) p.set(k, Array.isArray(v) ? v.join(',') : String(v));
  return p.toString();
}

/** The states an alert may fire on: rejected, merged and orphaned incidents are news of nothing. */
const FIRING = new Set(['new', 'reviewed']);

/**
 * Does the incident match the filter (all but the text words, which need the articles: see
 * `wordsMatch`)? The same reading as the desk's list: names case-free, types exact, the actor as
 * part of either side's name, a toll of at least the minimum, the point inside the box (one across
 * the antimeridian has minLon > maxLon).
 */
export function matches(v: IncidentView, f: AlertFilter): boolean {
  if (!FIRING.has(v.status)) return false;
  const lower = (s: string | null | undefined) => (s ?? '').toLowerCase();
  if (f.country && !f.country.some((c) => c.toLowerCase() === lower(v.country))) return false;
  if (f.admin1 && !f.admin1.some((c) => c.toLowerCase() === lower(v.admin1))) return false;
  if (f.event_type && !f.event_type.includes(v.event_type)) return false;
  if (f.sub_event_type && !f.sub_event_type.includes(v.sub_event_type)) return false;
  if (f.from && (!v.event_date || v.event_date < f.from)) return false;
  if (f.to && (!v.event_date || v.event_date > f.to)) return false;
  if (f.disputed !== undefined && isDisputed(v) !== f.disputed) return false;
  if (f.min_fatalities !== undefined && f.min_fatalities > 0 && (v.fatalities ?? 0) < f.min_fatalities) return false;
  if (f.actor) {
    const a = f.actor.toLowerCase();
    if (!lower(v.actor1).includes(a) && !lower(v.actor2).includes(a)) return false;
  }
  if (f.bbox) {
    const [x0, y0, x1, y1] = f.bbox;
    const { latitude: lat, longitude: lon } = v;
    if (lat === null || lon === null || lat < y0 || lat > y1) return false;
    if (x0 <= x1 ? lon < x0 || lon > x1 : lon < x0 && lon > x1) return false;
  }
  return true;
}

function isDisputed(v: IncidentView): boolean {
  return v.disputed !== null && v.disputed !== undefined && v.disputed.summary != null;
}

/** The words of a text query, as the store's full-text search reads them: each one required. */
export function queryWords(q: string): string[] {
  return (q.match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? []).map((w) => w.toLowerCase());
}

/** Do the texts hold every word (as a whole word, case-free)? */
export function wordsMatch(words: string[], texts: string[]): boolean {
  if (words.length === 0) return true;
  const have = new Set<string>();
  for (const t of texts) for (const w of t.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? []) have.add(w);
  return words.every((w) => have.has(w));
}

/** What an alert says about an incident; a change to any of it is a change worth an alert. */
export function alertFacts(v: IncidentView) {
  return {
    event_type: v.event_type,
    sub_event_type: v.sub_event_type,
    event_date: v.event_date,
    country: v.country,
    admin1: v.admin1,
    admin2: v.admin2,
    location: v.location,
    actor1: v.actor1,
    actor2: v.actor2,
    fatalities: v.fatalities,
    fatalities_low: v.fatalities_low,
    fatalities_high: v.fatalities_high,
    disputed: isDisputed(v),
  };
}

/** The change key: a digest of the alert's facts (the same facts give the same key, whichever process computes it). */
export function changeKey(v: IncidentView): string {
  return createHash('sha256').update(JSON.stringify(alertFacts(v))).digest('hex').slice(0, 24);
}
