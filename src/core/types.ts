/**
 * The shared types of sitrep. Each zod schema and the type inferred from it share one name
 * (`export const Span = z.object(…); export type Span = z.infer<typeof Span>`), so data that
 * crosses a boundary (files, CLI JSON, database rows, HTTP) is checked by the same definition
 * that the code is typed with.
 */
import { z } from 'zod';

/** A half-open range of UTF-16 code units in an article's text: `text.slice(start, end)`. */
export const Span = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Span = z.infer<typeof Span>;

/**
 * A piece of evidence: where in which article a value was read. `text` is always
 * `article.text.slice(start, end)`, kept so a reader can see it without the article.
 */
export const Evidence = z.object({
  article: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type Evidence = z.infer<typeof Evidence>;

/**
 * One extracted value with its evidence and the rule that produced it. A value read off the
 * text has evidence whose text is the value's surface form; a derived value (a date resolved
 * against the publication date, coordinates looked up in the gazetteer) sets `derived` and its
 * evidence is what it was derived from.
 */
export const fieldOf = <T extends z.ZodTypeAny>(value: T) =>
  z.object({
    value,
    evidence: z.array(Evidence),
    rule: z.string(),
    derived: z.boolean().optional(),
    note: z.string().optional(),
    /** How often a value set by this rule was right on the development sets (0-1). */
    confidence: z.number().min(0).max(1).optional(),
  });
export interface Field<T> {
  value: T;
  evidence: Evidence[];
  rule: string;
  derived?: boolean;
  note?: string;
  /** How often a value set by this rule was right on the development sets (0-1). */
  confidence?: number;
}

export const Article = z.object({
  id: z.string().min(1),
  text: z.string(),
  url: z.string().optional(),
  source: z.string().optional(),
  title: z.string().optional(),
  /** YYYY-MM-DD (or a full ISO timestamp, of which the date is used). */
  published: z.string().optional(),
});
export type Article = z.infer<typeof Article>;

export const MentionKind = z.enum(['proper', 'number', 'time', 'acronym']);
export type MentionKind = z.infer<typeof MentionKind>;

export const Mention = z.object({
  kind: MentionKind,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  /** Sentence index in the analysed document. */
  sentence: z.number().int().nonnegative(),
});
export type Mention = z.infer<typeof Mention>;

export const EVENT_TYPES = [
  'Battles',
  'Explosions/Remote violence',
  'Violence against civilians',
  'Protests',
  'Riots',
  'Strategic developments',
] as const;
export const EventType = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventType>;

/** ACLED's 25 sub-event types, each with the event type it belongs to. */
export const SUB_EVENT_TYPES = {
  'Government regains territory': 'Battles',
  'Non-state actor overtakes territory': 'Battles',
  'Armed clash': 'Battles',
  'Excessive force against protesters': 'Protests',
  'Protest with intervention': 'Protests',
  'Peaceful protest': 'Protests',
  'Violent demonstration': 'Riots',
  'Mob violence': 'Riots',
  'Chemical weapon': 'Explosions/Remote violence',
  'Air/drone strike': 'Explosions/Remote violence',
  'Suicide bomb': 'Explosions/Remote violence',
  'Shelling/artillery/missile attack': 'Explosions/Remote violence',
  'Remote explosive/landmine/IED': 'Explosions/Remote violence',
  Grenade: 'Explosions/Remote violence',
  'Sexual violence': 'Violence against civilians',
  Attack: 'Violence against civilians',
  'Abduction/forced disappearance': 'Violence against civilians',
  Agreement: 'Strategic developments',
  Arrests: 'Strategic developments',
  'Change to group/activity': 'Strategic developments',
  'Disrupted weapons use': 'Strategic developments',
  'Headquarters or base established': 'Strategic developments',
  'Looting/property destruction': 'Strategic developments',
  'Non-violent transfer of territory': 'Strategic developments',
  Other: 'Strategic developments',
} as const satisfies Record<string, EventType>;
export type SubEventType = keyof typeof SUB_EVENT_TYPES;
export const SubEventType = z.enum(Object.keys(SUB_EVENT_TYPES) as [SubEventType, ...SubEventType[]]);

export const DISORDER_TYPES = ['Political violence', 'Demonstrations', 'Strategic developments'] as const;
export const DisorderType = z.enum(DISORDER_TYPES);
export type DisorderType = z.infer<typeof DisorderType>;

/** ACLED interaction codes: 1 state forces … 8 external/other forces. */
export const Inter = z.number().int().min(1).max(8);

const Ev = z.array(Evidence);
const f = fieldOf;

/** An incident as extracted: every value carries its evidence. */
export const Incident = z.object({
  id: z.string(),
  articles: z.array(z.string()),
  /** An earlier event mentioned in passing ("last week, TTP fighters killed 16 soldiers"). */
  background: z.boolean(),
  /** The chance that this is a real incident, told where and when it says (0-1; confidence.ts). */
  confidence: z.number().min(0).max(1).optional(),
  /** The sentence(s) that report the incident. */
  evidence: Ev,
  event_type: f(EventType),
  sub_event_type: f(SubEventType),
  disorder_type: f(DisorderType),
  event_date: f(z.string()).nullable(),
  time_precision: f(z.number().int().min(1).max(3)).nullable(),
  actor1: f(z.string()).nullable(),
  inter1: f(Inter).nullable(),
  actor2: f(z.string()).nullable(),
  inter2: f(Inter).nullable(),
  country: f(z.string()).nullable(),
  admin1: f(z.string()).nullable(),
  admin2: f(z.string()).nullable(),
  location: f(z.string()).nullable(),
  latitude: f(z.number()).nullable(),
  longitude: f(z.number()).nullable(),
  geo_precision: f(z.number().int().min(1).max(3)).nullable(),
  /** Best estimate; value null = deaths reported without a number; 0 = no deaths reported. */
  fatalities: f(z.number().int().nonnegative().nullable()),
  fatalities_low: f(z.number().int().nonnegative()).nullable(),
  fatalities_high: f(z.number().int().nonnegative()).nullable(),
  injuries: f(z.number().int().nonnegative().nullable()).nullable(),
  /** Competing accounts of the incident, each with its source. */
  disputed: z
    .object({
      summary: z.string(),
      claims: z.array(
        z.object({ source: z.string().nullable(), says: z.string(), evidence: Ev }),
      ),
    })
    .nullable(),
});
export type Incident = z.infer<typeof Incident>;

export const Quote = z.object({
  article: z.string(),
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  speaker: z.string().nullable(),
  /** Where the speaker was read (the name as written, or the pronoun), and how it was resolved. */
  speaker_evidence: Ev,
  speaker_role: z.string().nullable().optional(),
  kind: z.enum(['direct', 'indirect']),
  rule: z.string(),
});
export type Quote = z.infer<typeof Quote>;

export const Claim = z.object({
  article: z.string(),
  value: z.number(),
  qualifier: z.string().nullable(),
  what: z.string(),
  period: z.string().nullable(),
  source: z.string().nullable(),
  evidence: Ev,
  rule: z.string(),
});
export type Claim = z.infer<typeof Claim>;

export const Person = z.object({
  article: z.string(),
  name: z.string(),
  role: z.string().nullable(),
  organisation: z.string().nullable().optional(),
  evidence: Ev,
});
export type Person = z.infer<typeof Person>;

export const Organisation = z.object({
  article: z.string(),
  name: z.string(),
  acronym: z.string().nullable(),
  evidence: Ev,
});
export type Organisation = z.infer<typeof Organisation>;

/** A problem found while reading one input, recorded at its place rather than thrown. */
export const Problem = z.object({
  file: z.string(),
  line: z.number().int().positive().optional(),
  article: z.string().optional(),
  message: z.string(),
});
export type Problem = z.infer<typeof Problem>;
