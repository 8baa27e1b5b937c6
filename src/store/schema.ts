/**
 * The database schema as Kysely sees it: one interface per table, the same on SQLite and
 * PostgreSQL. JSON values are stored as text (portable, and read back through zod or a typed
 * parse); dates are ISO strings, so comparing them as text compares them as dates.
 */
import type { Generated } from 'kysely';

export interface MetaTable {
  key: string;
  value: string;
}

export interface MigrationTable {
  version: number;
  name: string;
  applied_at: string;
}

/**
 * One article, stored once. `identity` is its canonical URL where it has one, else
 * `sha256:<content hash>`: the unique key that makes a second ingest of the same article a no-op.
 */
export interface ArticleTable {
  id: Generated<number>;
  identity: string;
  /** The id the input gave it (a JSON line's `id`, a file's base name). */
  ext_id: string;
  url: string | null;
  canonical_url: string | null;
  content_hash: string;
  title: string | null;
  source: string | null;
  published: string | null;
  text: string;
  chars: number;
  /** MinHash signature (hex), for near-duplicate detection. */
  minhash: string | null;
  /** The article this one is a (near-)duplicate of: the same wire story carried by another site. */
  duplicate_of: number | null;
  similarity: number | null;
  ingested_at: string;
  /** The extractor version that produced its reports (`sitrep reprocess` compares it). */
  extracted_version: string | null;
  /** 'ok', or 'failed' when extraction threw (the error is kept; the batch went on). */
  status: string;
  error: string | null;
  /** JSON: quotes, claims, people and organisations of the article. */
  extras: string | null;
}

/** LSH bands of the MinHash signatures: articles sharing a band are near-duplicate candidates. */
export interface ArticleBandTable {
  band: string;
  article_id: number;
}

/** One incident as one article reports it (the extractor's output, with its evidence). */
export interface ReportTable {
  id: Generated<number>;
  article_id: number;
  idx: number;
  /** Stable and order-free: `<article content hash>#<idx>` (fusion's canonical order). */
  key: string;
  /** Fusion block: reports in different blocks never merge (the country, or '' when unknown). */
  block: string;
  /** JSON: the extracted Incident. */
  data: string;
}

/**
 * A fused incident: the reports that fusion put together (incident_reports), the values fused
 * from them (`base`), and the view after the analysts' edits (`view` and its flat columns, which
 * listings filter on).
 */
export interface IncidentTable {
  id: string;
  block: string;
  /** 'fusion' (made by fusion) or 'split' (made by an analyst's split). */
  origin: string;
  created_at: string;
  updated_at: string;
  base: string;
  view: string;
  status: string;
  merged_into: string | null;
  event_date: string | null;
  event_type: string | null;
  sub_event_type: string | null;
  country: string | null;
  admin1: string | null;
  location: string | null;
  actor1: string | null;
  actor2: string | null;
  fatalities: number | null;
  n_articles: number;
  latitude: number | null;
  longitude: number | null;
  admin2: string | null;
  /** 1 when the view has a dispute (accounts that differ), else 0. */
  disputed: number;
  /** The view's confidence (0-1), null where it has none (migration 6). */
  confidence: number | null;
}

export interface IncidentReportTable {
  incident_id: string;
  report_id: number;
}

/** An analyst's edit: an overlay with its author and time, never overwritten by reprocessing. */
export interface EditTable {
  id: Generated<number>;
  incident_id: string;
  author: string;
  at: string;
  action: string;
  field: string | null;
  /** JSON value for 'set'; the other incident for 'merge'; the articles moved out for 'split'. */
  value: string | null;
  note: string | null;
}

export interface DirtyBlockTable {
  block: string;
  /** Set anew at every mark; null on marks made before migration 7. */
  token: string | null;
}

/** A bad input or a failed article, recorded with its error while the batch went on. */
export interface ProblemTable {
  id: Generated<number>;
  at: string;
  file: string;
  line: number | null;
  article: string | null;
  message: string;
}

/** A saved view that alerts its owner (src/alerts/). `filter` is the desk's filter as JSON. */
export interface AlertRuleTable {
  id: string;
  name: string;
  owner: string;
  filter: string;
  /** The secret in the rule's Atom feed address (feed readers send no header). */
  feed_key: string;
  webhook_url: string | null;
  /** The HMAC-SHA256 key of the webhook's signature header. */
  webhook_secret: string | null;
  email_to: string | null;
  /** 'none' (a mail per alert), 'hourly' or 'daily'. */
  email_digest: string;
  created_at: string;
}

/** A rule fired on an incident: once per (rule, incident, change), the change a digest of what an alert says. */
export interface AlertEventTable {
  id: Generated<number>;
  rule_id: string;
  incident_id: string;
  change: string;
  /** 'new' (the first time this rule fired on the incident) or 'update'. */
  kind: string;
  at: string;
  /** JSON: the alert as delivered (what, where, when, toll, sources, link). */
  payload: string;
}

/** One alert to send on one channel ('webhook' or 'email'), with its retry state. */
export interface AlertDeliveryTable {
  id: Generated<number>;
  event_id: number;
  rule_id: string;
  channel: string;
  /** 'pending', 'sending' (claimed until lease_until), 'delivered' or 'failed' (gave up). */
  status: string;
  attempts: number;
  next_at: string;
  lease_until: string | null;
  delivered_at: string | null;
  last_error: string | null;
}

/** The delivery log: every attempt, its answer and its time. */
export interface AlertAttemptTable {
  id: Generated<number>;
  delivery_id: number;
  at: string;
  ok: number;
  status_code: number | null;
  error: string | null;
  ms: number;
}

export interface DB {
  meta: MetaTable;
  schema_migrations: MigrationTable;
  articles: ArticleTable;
  article_bands: ArticleBandTable;
  reports: ReportTable;
  incidents: IncidentTable;
  incident_reports: IncidentReportTable;
  edits: EditTable;
  dirty_blocks: DirtyBlockTable;
  problems: ProblemTable;
  alert_rules: AlertRuleTable;
  alert_events: AlertEventTable;
  alert_deliveries: AlertDeliveryTable;
  alert_attempts: AlertAttemptTable;
  incident_aliases: IncidentAliasTable;
}

export interface IncidentAliasTable {
  old_id: string;
  new_id: string;
  at: string;
}
