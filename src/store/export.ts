/**
 * The fused database written out: ACLED's CSV columns (read back by
 * ../shared/eval/acled-to-eval.mjs with no field lost), GeoJSON, FORMAT.md's report, and the
 * listing formats of `sitrep incidents` (table, json, csv).
 */
import { INCIDENT_FIELDS, type Report, type ReportIncident } from '../core/report.js';
import { VERSION } from '../run.js';
import type { IncidentView } from './overlay.js';
import type { Store } from './store.js';

/** Incidents an export leaves out: folded into another, rejected by an analyst, or with no report left. */
export function exported(v: IncidentView): boolean {
  return v.status !== 'merged' && v.status !== 'rejected' && v.status !== 'orphaned';
}

/** RFC 4180: quote a cell that holds a comma, quote or line break. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The text of an incident's evidence sentences, in article order, as ACLED's notes. */
export function notesOf(v: IncidentView): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const e of v.evidence) {
    const t = e.text.replace(/\s+/g, ' ').trim();
    if (t && !seen.has(t)) {
      seen.add(t);
      parts.push(t);
    }
  }
  // The converter skips a row with empty notes, so an incident without evidence still says what it is.
  return parts.join(' ') || [v.sub_event_type, v.location ?? v.admin1 ?? v.country, v.event_date].filter(Boolean).join(', ');
}

/** ACLED's column names (the 2020 export), then sitrep's own columns. */
export const ACLED_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
  'actor1', 'inter1', 'actor2', 'inter2', 'interaction', 'country', 'admin1', 'admin2', 'location',
  'latitude', 'longitude', 'geo_precision', 'source', 'notes', 'fatalities',
  'fatalities_low', 'fatalities_high', 'injuries', 'articles', 'status',
] as const;

export function acledCsv(views: IncidentView[], sourceOf: (articleId: string) => string | null): string {
  const rows = views.filter(exported).map((v) => {
    const sources = [...new Set(v.articles.map((a) => sourceOf(a)).filter((s): s is string => !!s))];
    const i1 = v.inter1 ?? null;
    // ACLED writes inter2 = 0 when there is no second actor.
    const i2 = v.inter2 ?? (v.actor2 ? null : 0);
    const cells: Record<(typeof ACLED_COLUMNS)[number], unknown> = {
      event_id_cnty: v.id,
      event_date: v.event_date,
      year: v.event_date ? v.event_date.slice(0, 4) : null,
      time_precision: v.time_precision,
      disorder_type: v.disorder_type,
      event_type: v.event_type,
      sub_event_type: v.sub_event_type,
      actor1: v.actor1,
      inter1: i1,
      actor2: v.actor2,
      inter2: i2,
      // ACLED's interaction: the two inter codes, smaller first; a sole actor's code then 0.
      interaction: i1 === null ? null : i2 ? Number(`${Math.min(i1, i2)}${Math.max(i1, i2)}`) : i1 * 10,
      country: v.country,
      admin1: v.admin1,
      admin2: v.admin2,
      location: v.location,
      latitude: v.latitude,
      longitude: v.longitude,
      geo_precision: v.geo_precision,
      source: sources.join('; ') || null,
      notes: notesOf(v),
      fatalities: v.fatalities,
      fatalities_low: v.fatalities_low,
      fatalities_high: v.fatalities_high,
      injuries: v.injuries,
      articles: v.articles.join(';'),
      status: v.status,
    };
    return ACLED_COLUMNS.map((c) => cells[c]);
  });
  return csv([...ACLED_COLUMNS], rows);
}

/** The flat fields of a listing, in ACLED's column order. */
const LIST_COLUMNS = ['id', 'status', ...INCIDENT_FIELDS, 'articles'] as const;

export function incidentsCsv(views: IncidentView[]): string {
  return csv([...LIST_COLUMNS], views.map((v) => LIST_COLUMNS.map((c) => (c === 'articles' ? v.articles.join(';') : (v as unknown as Record<string, unknown>)[c]))));
}

export function geojson(views: IncidentView[]): string {
  const features = views
    .filter((v) => v.latitude !== null && v.longitude !== null)
    .map((v) => ({
      type: 'Feature',
      id: v.id,
      geometry: { type: 'Point', coordinates: [v.longitude, v.latitude] },
      properties: Object.fromEntries(LIST_COLUMNS.filter((c) => c !== 'latitude' && c !== 'longitude').map((c) => [c, c === 'articles' ? v.articles : (v as unknown as Record<string, unknown>)[c]])),
    }));
  return JSON.stringify({ type: 'FeatureCollection', features }, null, 1) + '\n';
}

function cut(s: string | null | undefined, n: number): string {
  const t = s ?? '';
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
}

export function table(views: IncidentView[]): string {
  const head = ['id', 'date', 'type', 'actors', 'place', 'deaths', 'arts', 'status'];
  const rows = views.map((v) => [
    v.id,
    v.event_date ?? '?',
    cut(v.sub_event_type, 28),
    cut([v.actor1, v.actor2].filter(Boolean).join(' v '), 44),
    cut([v.location, v.admin1, v.country].filter(Boolean).join(', '), 36),
    v.fatalities === null ? '?' : String(v.fatalities),
    String(v.articles.length),
    v.status,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(head), ...rows.map(line)].join('\n') + '\n' + `${views.length} incident${views.length === 1 ? '' : 's'}\n`;
}

export type StoredReport = Omit<Report, 'incidents'> & {
  incidents: Array<ReportIncident & { status: string; sources: IncidentView['sources']; edited: IncidentView['edited'] }>;
};

/** FORMAT.md's report of the fused database: one incident per fused incident, listing every article. */
export async function reportOf(store: Store): Promise<StoredReport> {
  const views = (await store.incidents()).filter(exported);
  const articles = await store.articles();
  const problems = await store.problems();
  return {
    sitrep: { version: VERSION, generated: new Date().toISOString() },
    articles: articles.map((a) => ({ id: a.id, title: a.title, source: a.source, url: a.url, published: a.published, chars: a.chars })),
    incidents: views
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((v) => {
        const flat = Object.fromEntries(INCIDENT_FIELDS.map((f) => [f, (v as unknown as Record<string, unknown>)[f] ?? null]));
        return {
          id: v.id,
          articles: v.articles,
          background: v.background,
          // Views stored before confidence existed have none.
          confidence: v.confidence ?? null,
          ...(flat as Omit<ReportIncident, 'id' | 'articles' | 'background' | 'confidence' | 'disputed' | 'evidence' | 'trace'>),
          disputed: v.disputed,
          evidence: v.evidence,
          trace: v.trace,
          status: v.status,
          sources: v.sources,
          edited: v.edited,
        };
      }),
    quotes: articles.flatMap((a) => a.extras?.quotes ?? []),
    claims: articles.flatMap((a) => a.extras?.claims ?? []),
    people: articles.flatMap((a) => a.extras?.people ?? []),
    organisations: articles.flatMap((a) => a.extras?.organisations ?? []),
    problems,
  };
}
