/**
 * One filter, read from a query string, drives the list, the map, the timeline, the stats and
 * the exports: what the analyst set in the filter bar selects the same incidents everywhere.
 */
import { sql } from 'kysely';
import type { Store } from '../store/store.js';
import { SORT_KEYS, type ListFilter, type SortKey } from './list-index.js';

const DATE = '^\\d{4}-\\d{2}-\\d{2}$';

/** The JSON Schema of the filter's query parameters (validated by Fastify, published in OpenAPI). */
export const filterQuerySchema = {
  from: { type: 'string', pattern: DATE, description: 'first event date, YYYY-MM-DD (inclusive)' },
  to: { type: 'string', pattern: DATE, description: 'last event date, YYYY-MM-DD (inclusive)' },
  country: { type: 'string', maxLength: 1000, description: 'country names, comma-separated (any of them; case-free)' },
  admin1: { type: 'string', maxLength: 1000, description: 'admin1 names (provinces), comma-separated' },
  event_type: { type: 'string', maxLength: 1000, description: "ACLED event types, comma-separated" },
  sub_event_type: { type: 'string', maxLength: 1000, description: "ACLED sub-event types, comma-separated" },
  actor: { type: 'string', maxLength: 200, description: "part of an actor's name (either side)" },
  q: { type: 'string', maxLength: 500, description: 'full-text search over the articles that report the incident' },
  bbox: {
    type: 'string',
    pattern: '^-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?$',
    description: 'minLon,minLat,maxLon,maxLat',
  },
  disputed: { type: 'boolean', description: 'only disputed (true) or undisputed (false) incidents' },
  status: { type: 'string', maxLength: 200, description: 'review states, comma-separated: new, reviewed, rejected, merged, orphaned (default: all but merged and orphaned)' },
  min_fatalities: { type: 'integer', minimum: 0, maximum: 1_000_000, description: 'at least this many fatalities (0 to 1,000,000)' },
  min_confidence: { type: 'number', minimum: 0, maximum: 1, description: 'at least this confidence (0-1); incidents without one are left out' },
} as const;

export const listQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...filterQuerySchema,
    offset: { type: 'integer', minimum: 0, maximum: 10_000_000, default: 0, description: 'rows to skip (0 to 10,000,000)' },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    sort: { type: 'string', enum: SORT_KEYS, default: 'date_desc', description: 'column and direction: date, type, place, fatalities, confidence, sources (articles), status; unknown values last' },
  },
} as const;

/** An export: the filter, and the table's order (an export of the view as the analyst sees it). */
export const exportQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: { ...filterQuerySchema, sort: listQuerySchema.properties.sort },
} as const;

export const filterOnlySchema = { type: 'object', additionalProperties: false, properties: { ...filterQuerySchema } } as const;

export interface FilterQuery {
  from?: string;
  to?: string;
  country?: string;
  admin1?: string;
  event_type?: string;
  sub_event_type?: string;
  actor?: string;
  q?: string;
  bbox?: string;
  disputed?: boolean;
  status?: string;
  min_fatalities?: number;
  min_confidence?: number;
  offset?: number;
  limit?: number;
  sort?: SortKey;
}

export class BadRequest extends Error {
  override name = 'BadRequest';
}

const STATUSES = new Set(['new', 'reviewed', 'rejected', 'merged', 'orphaned']);

function list(s: string | undefined): string[] | undefined {
  if (s === undefined) return undefined;
  const xs = s.split(',').map((x) => x.trim()).filter(Boolean);
  return xs.length ? xs : undefined;
}

/** A query → the index's filter; full-text search is resolved to incident ids through the store. */
export async function toFilter(store: Store, q: FilterQuery, mergedInto: (id: string) => string | null, stamp = -1): Promise<ListFilter> {
  const f: ListFilter = {};
  for (const k of ['from', 'to'] as const) {
    const d = q[k];
    if (!d) continue;
    // "2025-02-30" passes the pattern but is no date.
    const t = Date.parse(d + 'T00:00:00Z');
    if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== d) throw new BadRequest(`${k} is not a date: ${d}`);
    f[k] = d;
  }
  if (f.from && f.to && f.from > f.to) throw new BadRequest(`from (${f.from}) is after to (${f.to})`);
  const c = list(q.country);
  if (c) f.country = c;
  const a = list(q.admin1);
  if (a) f.admin1 = a;
  const t = list(q.event_type);
  if (t) f.event_type = t;
  const s = list(q.sub_event_type);
  if (s) f.sub_event_type = s;
  if (q.actor?.trim()) f.actor = q.actor.trim();
  if (q.disputed !== undefined) f.disputed = q.disputed;
  if (q.min_fatalities !== undefined) f.min_fatalities = q.min_fatalities;
  if (q.min_confidence !== undefined) f.min_confidence = q.min_confidence;
  const st = list(q.status);
  if (st) {
    const bad = st.filter((x) => !STATUSES.has(x));
    if (bad.length) throw new BadRequest(`unknown status ${bad.join(', ')} (one of: ${[...STATUSES].join(', ')})`);
    f.status = st;
  }
  if (q.bbox) {
    const b = q.bbox.split(',').map(Number) as [number, number, number, number];
    if (b[1] > b[3] || b[1] < -90 || b[3] > 90 || Math.abs(b[0]) > 180 || Math.abs(b[2]) > 180) {
      throw new BadRequest('bbox must be minLon,minLat,maxLon,maxLat with -180 ≤ lon ≤ 180, -90 ≤ lat ≤ 90 and minLat ≤ maxLat');
    }
    f.bbox = b;
  }
  if (q.q?.trim()) f.ids = await searchIncidents(store, q.q.trim(), mergedInto, stamp);
  return f;
}

/**
 * Incidents reported by the articles that match a full-text query (an incident merged into
 * another counts as that one). One query joins the full-text index to the incidents, unranked
 * (the list has its own order), where going through the store's ranked article search and then
 * joining in chunks took hundreds of milliseconds on 100,000 articles. The answer is kept while
 * the data does not change: the map, the timeline and the table ask for the same query at once.
 */
export async function searchIncidents(store: Store, query: string, mergedInto: (id: string) => string | null, stamp = -1): Promise<Set<string>> {
  const key = `${store.dialect}\u0000${query}`;
  const hit = searchCache.get(key);
  if (hit && hit.stamp === stamp && stamp >= 0) return hit.ids;
  const words = query.match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? [];
  const out = new Set<string>();
  if (words.length > 0) {
    // The same reading of the words as the store's own search: each word required, none syntax.
    const rows =
      store.dialect === 'sqlite'
        ? await sql<{ incident_id: string }>`
            select distinct ir.incident_id from articles_fts f
            join reports r on r.article_id = f.rowid
            join incident_reports ir on ir.report_id = r.id
            where articles_fts match ${words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' ')}`.execute(store.db)
        : await sql<{ incident_id: string }>`
            select distinct ir.incident_id from articles a
            join reports r on r.article_id = a.id
            join incident_reports ir on ir.report_id = r.id
            where a.tsv @@ plainto_tsquery('english', ${words.join(' ')})`.execute(store.db);
    for (const r of rows.rows) {
      out.add(r.incident_id);
      const m = mergedInto(r.incident_id);
      if (m) out.add(m);
    }
  }
  if (searchCache.size >= 50) searchCache.delete(searchCache.keys().next().value!);
  searchCache.set(key, { stamp, ids: out });
  return out;
}

const searchCache = new Map<string, { stamp: number; ids: Set<string> }>();
