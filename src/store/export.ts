/**
 * The fused database written out: ACLED's CSV (exactly ACLED's 31 columns, read back by
 * ../shared/eval/acled-to-eval.mjs with no field lost), sitrep's CSV (those and sitrep's extras),
 * GeoJSON, FORMAT.md's report, and the listing formats of `sitrep incidents` (table, json, csv).
 */
import { INCIDENT_FIELDS, type Report, type ReportIncident } from '../core/report.js';
import { VERSION } from '../run.js';
import type { IncidentView } from './overlay.js';
import type { Store } from './store.js';
import { countryCodes, eventIdCnty, summary } from './acled-codes.js';

/** Incidents an export leaves out: folded into another, rejected by an analyst, or with no report left. */
export function exported(v: IncidentView): boolean {
  return v.status !== 'merged' && v.status !== 'rejected' && v.status !== 'orphaned';
}

/**
 * A text cell a spreadsheet would read as a formula (OWASP's CSV injection rule: it begins with
 * =, +, -, @, a tab or a carriage return) gets a leading apostrophe, so
 * `=HYPERLINK("http://x","click")` shows as text. Numbers are written as numbers (a longitude of
 * -33.5 stays a number).
 */
export function neutralise(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** RFC 4180: quote a cell that holds a comma, quote or line break; text cells neutralised. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? neutralise(v) : typeof v === 'number' || typeof v === 'boolean' ? String(v) : neutralise(JSON.stringify(v));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The text of an incident's evidence sentences, in article order (sitrep-csv's `evidence`). */
export function evidenceText(v: IncidentView): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const e of v.evidence) {
    const t = e.text.replace(/\s+/g, ' ').trim();
    if (t && !seen.has(t)) {
      seen.add(t);
      parts.push(t);
    }
  }
  return parts.join(' ');
}

/** ACLED's columns, in ACLED's order (the current export: 31 columns). */
export const ACLED_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting',
  'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision',
  'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
] as const;

/** sitrep-csv: ACLED's columns, then what sitrep knows beyond them. */
export const SITREP_EXTRA_COLUMNS = [
  'sitrep_id', 'fatalities_low', 'fatalities_high', 'injuries', 'confidence', 'status', 'disputed', 'articles', 'evidence',
] as const;

type AcledRow = Record<(typeof ACLED_COLUMNS)[number], unknown>;

/** The time of an incident's last edit, or of the export, in Unix seconds (ACLED's `timestamp`). */
function timestampOf(v: IncidentView, now: number): number {
  const last = v.edits?.length ? Date.parse(v.edits[v.edits.length - 1]!.at) : NaN;
  return Math.floor((Number.isFinite(last) ? last : now) / 1000);
}

export function acledRow(v: IncidentView, sources: string[], now = Date.now()): AcledRow {
  const i1 = v.inter1 ?? null;
  // ACLED writes inter2 = 0 when there is no second actor.
  const i2 = v.inter2 ?? (v.actor2 ? null : 0);
  const codes = countryCodes(v.country);
  return {
    event_id_cnty: eventIdCnty(v.id, v.country),
    event_date: v.event_date,
    year: v.event_date ? Number(v.event_date.slice(0, 4)) : null,
    time_precision: v.time_precision,
    disorder_type: v.disorder_type,
    event_type: v.event_type,
    sub_event_type: v.sub_event_type,
    actor1: v.actor1,
    assoc_actor_1: null,
    inter1: i1,
    actor2: v.actor2,
    assoc_actor_2: null,
    inter2: i2,
    // ACLED's interaction: the two inter codes, smaller first; a sole actor's code then 0.
    interaction: i1 === null ? null : i2 ? Number(`${Math.min(i1, i2)}${Math.max(i1, i2)}`) : i1 * 10,
    // ACLED marks events whose target is civilians.
    civilian_targeting: v.inter2 === 7 || v.event_type === 'Violence against civilians' ? 'Civilian targeting' : null,
    iso: codes?.numeric ?? null,
    region: codes?.region ?? null,
    country: v.country,
    admin1: v.admin1,
    admin2: v.admin2,
    admin3: null,
    location: v.location,
    latitude: v.latitude,
    longitude: v.longitude,
    geo_precision: v.geo_precision,
    source: sources.join('; ') || null,
    // sitrep does not know whether an outlet is local, national or international.
    source_scale: null,
    notes: summary(v),
    fatalities: v.fatalities,
    tags: null,
    timestamp: timestampOf(v, now),
  };
}

function sourcesOfView(v: IncidentView, sourceOf: (articleId: string) => string | null): string[] {
  return [...new Set(v.articles.map((a) => sourceOf(a)).filter((s): s is string => !!s))];
}

/** ACLED's CSV: exactly ACLED's 31 columns, in ACLED's order, with ACLED's value conventions. */
export function acledCsv(views: IncidentView[], sourceOf: (articleId: string) => string | null): string {
  const now = Date.now();
  const rows = views.filter(exported).map((v) => {
    const r = acledRow(v, sourcesOfView(v, sourceOf), now);
    return ACLED_COLUMNS.map((c) => r[c]);
  });
  return csv([...ACLED_COLUMNS], rows);
}

/** sitrep's CSV: ACLED's 31 columns, then the toll's range, confidence, review state, articles and evidence. */
export function sitrepCsv(views: IncidentView[], sourceOf: (articleId: string) => string | null): string {
  const now = Date.now();
  const rows = views.filter(exported).map((v) => {
    const r = acledRow(v, sourcesOfView(v, sourceOf), now);
    const extra: Record<(typeof SITREP_EXTRA_COLUMNS)[number], unknown> = {
      sitrep_id: v.id,
      fatalities_low: v.fatalities_low,
      fatalities_high: v.fatalities_high,
      injuries: v.injuries,
      confidence: v.confidence ?? null,
      status: v.status,
      disputed: v.disputed?.summary ?? null,
      articles: v.articles.join(';'),
      evidence: evidenceText(v),
    };
    return [...ACLED_COLUMNS.map((c) => r[c]), ...SITREP_EXTRA_COLUMNS.map((c) => extra[c])];
  });
  return csv([...ACLED_COLUMNS, ...SITREP_EXTRA_COLUMNS], rows);
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
