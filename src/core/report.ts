/**
 * The JSON report of `sitrep extract --json` (../shared/eval/FORMAT.md): flat ACLED fields that
 * the scorer reads, and beside each incident the evidence and rule of every field.
 */
import { z } from 'zod';
import {
  Claim,
  DisorderType,
  Evidence,
  EventType,
  Incident,
  Organisation,
  Person,
  Problem,
  Quote,
  SubEventType,
} from './types.js';

/** The incident fields that are reported flat, in ACLED's column order. */
export const INCIDENT_FIELDS = [
  'event_date',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'inter1',
  'actor2',
  'inter2',
  'country',
  'admin1',
  'admin2',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'fatalities',
  'fatalities_low',
  'fatalities_high',
  'injuries',
] as const;
export type IncidentField = (typeof INCIDENT_FIELDS)[number];

const FieldTrace = z.object({
  rule: z.string(),
  derived: z.boolean().optional(),
  note: z.string().optional(),
  /** How often this rule's values were right on the development sets. */
  confidence: z.number().min(0).max(1).optional(),
  evidence: z.array(Evidence),
});

export const ReportIncident = z.object({
  id: z.string(),
  articles: z.array(z.string()).min(1),
  background: z.boolean(),
  /** The chance that this incident is real and told where and when it says (0-1); see confidence.ts. */
  confidence: z.number().min(0).max(1).nullable(),
  event_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  time_precision: z.number().int().min(1).max(3).nullable(),
  disorder_type: DisorderType,
  event_type: EventType,
  sub_event_type: SubEventType,
  actor1: z.string().nullable(),
  inter1: z.number().int().min(1).max(8).nullable(),
  actor2: z.string().nullable(),
  inter2: z.number().int().min(1).max(8).nullable(),
  country: z.string().nullable(),
  admin1: z.string().nullable(),
  admin2: z.string().nullable(),
  location: z.string().nullable(),
  latitude: z.number().min(-90).max(90).nullable(),
  longitude: z.number().min(-180).max(180).nullable(),
  geo_precision: z.number().int().min(1).max(3).nullable(),
  fatalities: z.number().int().nonnegative().nullable(),
  fatalities_low: z.number().int().nonnegative().nullable(),
  fatalities_high: z.number().int().nonnegative().nullable(),
  injuries: z.number().int().nonnegative().nullable(),
  disputed: Incident.shape.disputed,
  /** The sentence(s) that report the incident. */
  evidence: z.array(Evidence),
  /** For each field that has a value: the rule that set it and its evidence. */
  trace: z.record(z.string(), FieldTrace),
});
export type ReportIncident = z.infer<typeof ReportIncident>;

export const ReportArticle = z.object({
  id: z.string(),
  title: z.string().nullable(),
  source: z.string().nullable(),
  url: z.string().nullable(),
  published: z.string().nullable(),
  chars: z.number().int().nonnegative(),
});
export type ReportArticle = z.infer<typeof ReportArticle>;

export const Report = z.object({
  sitrep: z.object({ version: z.string(), generated: z.string() }),
  articles: z.array(ReportArticle),
  incidents: z.array(ReportIncident),
  quotes: z.array(Quote),
  claims: z.array(Claim),
  people: z.array(Person),
  organisations: z.array(Organisation),
  problems: z.array(Problem),
});
export type Report = z.infer<typeof Report>;

/** Flatten an extracted incident into the report's shape. */
export function toReportIncident(inc: Incident): ReportIncident {
  const trace: ReportIncident['trace'] = {};
  const flat: Record<string, unknown> = {};
  for (const name of INCIDENT_FIELDS) {
    const field = inc[name];
    flat[name] = field ? field.value : null;
    if (field) {
      trace[name] = {
        rule: field.rule,
        ...(field.derived ? { derived: true } : {}),
        ...(field.note ? { note: field.note } : {}),
        ...(field.confidence !== undefined ? { confidence: field.confidence } : {}),
        evidence: field.evidence,
      };
    }
  }
  return {
    id: inc.id,
    articles: inc.articles,
    background: inc.background,
    confidence: inc.confidence ?? null,
    ...(flat as Omit<ReportIncident, 'id' | 'articles' | 'background' | 'confidence' | 'disputed' | 'evidence' | 'trace'>),
    disputed: inc.disputed,
    evidence: inc.evidence,
    trace,
  };
}
