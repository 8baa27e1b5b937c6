/**
 * Schema migrations, applied in order, each in its own transaction, and recorded in
 * `schema_migrations`. Both databases get the same tables; only the auto-increment key and the
 * full-text index differ (FTS5 in SQLite, a tsvector column in PostgreSQL). A migration is never
 * edited once released: a change is a new migration.
 */
import { sql, type Kysely } from 'kysely';
import type { DialectName, DialectSpec } from './dialects/dialect.js';
import type { DB } from './schema.js';

interface Migration {
  version: number;
  name: string;
  statements(d: DialectName, id: string): string[];
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'articles, reports, incidents, edits',
    statements: (_d, id) => [
      `create table meta (key text primary key, value text not null)`,
      `create table articles (
        id ${id},
        identity text not null unique,
        ext_id text not null,
        url text,
        canonical_url text,
        content_hash text not null,
        title text,
        source text,
        published text,
        text text not null,
        chars integer not null,
        minhash text,
        duplicate_of integer references articles(id),
        similarity real,
        ingested_at text not null,
        extracted_version text,
        status text not null,
        error text,
        extras text
      )`,
      `create index articles_content_hash on articles(content_hash)`,
      `create index articles_ext_id on articles(ext_id)`,
      `create table article_bands (band text not null, article_id integer not null references articles(id) on delete cascade, primary key (band, article_id))`,
      `create table reports (
        id ${id},
        article_id integer not null references articles(id) on delete cascade,
        idx integer not null,
        key text not null unique,
        block text not null,
        data text not null,
        unique (article_id, idx)
      )`,
      `create index reports_block on reports(block)`,
      `create table incidents (
        id text primary key,
        block text not null,
        origin text not null,
        created_at text not null,
        updated_at text not null,
        base text not null,
        view text not null,
        status text not null,
        merged_into text,
        event_date text,
        event_type text,
        sub_event_type text,
        country text,
        admin1 text,
        location text,
        actor1 text,
        actor2 text,
        fatalities integer,
        n_articles integer not null
      )`,
      `create index incidents_block on incidents(block)`,
      `create index incidents_date on incidents(event_date)`,
      `create index incidents_country on incidents(country)`,
      `create table incident_reports (
        incident_id text not null references incidents(id) on delete cascade,
        report_id integer not null references reports(id) on delete cascade,
        primary key (incident_id, report_id)
      )`,
      `create index incident_reports_report on incident_reports(report_id)`,
      `create table edits (
        id ${id},
        incident_id text not null,
        author text not null,
        at text not null,
        action text not null,
        field text,
        value text,
        note text
      )`,
      `create index edits_incident on edits(incident_id)`,
      `create table dirty_blocks (block text primary key)`,
      `create table problems (id ${id}, at text not null, file text not null, line integer, article text, message text not null)`,
    ],
  },
  {
    version: 2,
    name: 'full-text search over articles',
    statements: (d) =>
      d === 'sqlite'
        ? [
            `create virtual table articles_fts using fts5(title, text, content='articles', content_rowid='id')`,
            `create trigger articles_fts_ai after insert on articles begin
               insert into articles_fts(rowid, title, text) values (new.id, new.title, new.text); end`,
            `create trigger articles_fts_ad after delete on articles begin
               insert into articles_fts(articles_fts, rowid, title, text) values ('delete', old.id, old.title, old.text); end`,
            `create trigger articles_fts_au after update of title, text on articles begin
               insert into articles_fts(articles_fts, rowid, title, text) values ('delete', old.id, old.title, old.text);
               insert into articles_fts(rowid, title, text) values (new.id, new.title, new.text); end`,
          ]
        : [
            `alter table articles add column tsv tsvector generated always as
               (to_tsvector('english', coalesce(title, '') || ' ' || text)) stored`,
            `create index articles_tsv on articles using gin(tsv)`,
          ],
  },
  {
    version: 3,
    name: 'incident coordinates, admin2 and dispute flag as columns',
    // The desk's list index read these out of each view's JSON at start: 3.5 s (SQLite) and
    // 12 s (PostgreSQL) on 100,000 incidents. As columns they are a plain scan.
    statements: (d) => [
      `alter table incidents add column latitude ${d === 'sqlite' ? 'real' : 'double precision'}`,
      `alter table incidents add column longitude ${d === 'sqlite' ? 'real' : 'double precision'}`,
      `alter table incidents add column admin2 text`,
      `alter table incidents add column disputed integer not null default 0`,
      d === 'sqlite'
        ? `update incidents set latitude = json_extract(view, '$.latitude'), longitude = json_extract(view, '$.longitude'),
             admin2 = json_extract(view, '$.admin2'), disputed = (json_extract(view, '$.disputed.summary') is not null)`
        : `update incidents set latitude = (j->>'latitude')::double precision, longitude = (j->>'longitude')::double precision,
             admin2 = j->>'admin2', disputed = case when j->'disputed'->>'summary' is null then 0 else 1 end
           from (select id as jid, view::json as j from incidents) v where v.jid = incidents.id`,
      // SQLite keeps a row's long base and view in the table's pages, so a scan of the list's
      // columns reads them all; an index that covers those columns, in the list's order, is a tenth
      // of the size.
      // (PostgreSQL stores long values apart already.)
      ...(d === 'sqlite'
        ? [
            `create index incidents_list on incidents(event_date desc, id, status, merged_into, event_type, sub_event_type,
               country, admin1, admin2, location, actor1, actor2, fatalities, latitude, longitude, disputed, n_articles, updated_at)`,
          ]
        : []),
    ],
  },
  {
    version: 4,
    name: 'incident id aliases',
    // An incident's id is made from its reports (the first in fusion's canonical order), so two
    // ingests of the same articles in any order give the same ids. When a later report becomes
    // that first report, the id changes; the old id stays an alias, so an analyst's link works.
    statements: () => [`create table incident_aliases (old_id text primary key, new_id text not null, at text not null)`, `create index incident_aliases_new on incident_aliases(new_id)`],
  },
  {
    version: 6,
    name: "incident confidence as a column (the desk's table sorts and filters on it)",
    statements: (d) => [
      `alter table incidents add column confidence ${d === 'sqlite' ? 'real' : 'double precision'}`,
      d === 'sqlite'
        ? `update incidents set confidence = json_extract(view, '$.confidence')`
        : `update incidents set confidence = (j->>'confidence')::double precision
           from (select id as jid, view::json as j from incidents) v where v.jid = incidents.id`,
      // The list's covering index (migration 3) holds every column the desk's list reads.
      ...(d === 'sqlite'
        ? [
            `drop index if exists incidents_list`,
            `create index incidents_list on incidents(event_date desc, id, status, merged_into, event_type, sub_event_type,
               country, admin1, admin2, location, actor1, actor2, fatalities, latitude, longitude, disputed, n_articles, updated_at, confidence)`,
          ]
        : []),
    ],
  },
  {
    version: 7,
    name: 'a token on each dirty block, so fusion never clears a mark set while it ran',
    // Several workers store and fuse at once (sitrep worker): a fusion deletes the block's mark
    // only if its token is still the one it read before loading the reports.
    statements: () => [`alter table dirty_blocks add column token text`],
  },
  {
    version: 8,
    name: 'alert rules, fired alerts (one per rule, incident and change), deliveries and their log',
    statements: (_d, id) => [
      `create table alert_rules (
        id text primary key,
        name text not null,
        owner text not null,
        filter text not null,
        feed_key text not null,
        webhook_url text,
        webhook_secret text,
        email_to text,
        email_digest text not null default 'none',
        created_at text not null
      )`,
      // The unique key is what makes a rule fire once per incident and change: two processes
      // fusing the same block, or one transaction retried, insert the same row once.
      `create table alert_events (
        id ${id},
        rule_id text not null references alert_rules(id) on delete cascade,
        incident_id text not null,
        change text not null,
        kind text not null,
        at text not null,
        payload text not null,
        unique (rule_id, incident_id, change)
      )`,
      `create index alert_events_rule on alert_events(rule_id, id)`,
      `create table alert_deliveries (
        id ${id},
        event_id integer not null references alert_events(id) on delete cascade,
        rule_id text not null references alert_rules(id) on delete cascade,
        channel text not null,
        status text not null,
        attempts integer not null default 0,
        next_at text not null,
        lease_until text,
        delivered_at text,
        last_error text,
        unique (event_id, channel)
      )`,
      `create index alert_deliveries_due on alert_deliveries(status, next_at)`,
      `create table alert_attempts (
        id ${id},
        delivery_id integer not null references alert_deliveries(id) on delete cascade,
        at text not null,
        ok integer not null,
        status_code integer,
        error text,
        ms integer not null
      )`,
      `create index alert_attempts_delivery on alert_attempts(delivery_id)`,
    ],
  },
];

/**
 * Apply every migration not yet applied; returns the versions applied now. In PostgreSQL two
 * processes opening a new database at once would race on `create table` (the catalogue's unique
 * index on type names fails, not `if not exists`), so there the whole run holds an advisory lock
 * on one connection; the second process waits, then finds everything applied.
 */
export async function migrate(spec: DialectSpec): Promise<number[]> {
  if (spec.name !== 'postgres') return applyMigrations(spec, spec.db);
  return spec.db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`.execute(conn);
    try {
      return await applyMigrations(spec, conn);
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.execute(conn);
    }
  });
}

/** The advisory-lock key of schema migrations (an arbitrary constant: "sitrep" in ASCII). */
const MIGRATION_LOCK = 0x736974726570;

async function applyMigrations(spec: DialectSpec, db: Kysely<DB>): Promise<number[]> {
  await sql`create table if not exists schema_migrations (version integer primary key, name text not null, applied_at text not null)`.execute(db);
  const done = new Set((await db.selectFrom('schema_migrations').select('version').execute()).map((r) => Number(r.version)));
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (done.has(m.version)) continue;
    try {
      await db.transaction().execute(async (trx) => {
        for (const s of m.statements(spec.name, spec.idColumn)) await sql.raw(s).execute(trx);
        await trx.insertInto('schema_migrations').values({ version: m.version, name: m.name, applied_at: new Date().toISOString() }).execute();
      });
    } catch (e) {
      // Two SQLite processes opening a new database at once: the loser finds the migration applied.
      const again = await db.selectFrom('schema_migrations').select('version').where('version', '=', m.version).executeTakeFirst();
      if (again) continue;
      throw e;
    }
    applied.push(m.version);
  }
  return applied;
}
