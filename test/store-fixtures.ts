/**
 * Shared by the store and fusion tests: the two databases every store test runs against, and
 * incidents written by hand (as an extractor would report them) for tests that must not depend
 * on the extractors' current accuracy.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { toReportIncident } from '../src/core/report.js';
import type { Article, Evidence, Field, Incident, SubEventType } from '../src/core/types.js';
import { SUB_EVENT_TYPES } from '../src/core/types.js';
import type { FusionReport } from '../src/fuse/fuse.js';
import { identify, minhash, signatureToHex } from '../src/ingest/dedupe.js';
import { openStore } from '../src/store/open-store.js';
import type { PreparedArticle, Store } from '../src/store/store.js';

export const DIALECTS = ['sqlite', 'postgres'] as const;
export type Dialect = (typeof DIALECTS)[number];

/** The server the tests use; CI sets SITREP_TEST_PG. Each test creates and drops its own database. */
export const PG_URL = process.env.SITREP_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function pgReachable(): Promise<string | null> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('select 1');
    return null;
  } catch (e) {
    return (e as Error).message || String(e);
  } finally {
    await c.end().catch(() => {});
  }
}

const pgProblem = await pgReachable();
// CI runs every store test on both databases: there, an unreachable server is a failure, not a skip.
if (pgProblem && process.env.SITREP_REQUIRE_PG) {
  throw new Error(`SITREP_REQUIRE_PG is set but PostgreSQL is not reachable at ${PG_URL}: ${pgProblem}`);
}
/** `skip` for a PostgreSQL test: false, or why it cannot run. */
export const PG_SKIP: string | false = pgProblem
  ? `skipped: PostgreSQL is not reachable at ${PG_URL.replace(/:[^:@/]*@/, ':***@')} (${pgProblem}); set SITREP_TEST_PG to a server where the user may create databases`
  : false;

export function skipFor(d: Dialect): string | false {
  return d === 'postgres' ? PG_SKIP : false;
}

let counter = 0;

/** A fresh, empty database of the dialect: a temp SQLite file, or a new PostgreSQL database. */
export async function freshDb(d: Dialect): Promise<{ target: string; drop: () => Promise<void> }> {
  if (d === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-store-'));
    return { target: join(dir, 'test.db'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  // SITREP_TEST_DB_PREFIX: where several people share one server, each keeps to names of theirs.
  const name = `${process.env.SITREP_TEST_DB_PREFIX ?? 'sitrep_test'}_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  return {
    target: u.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: PG_URL });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** Run `fn` with an open store on a fresh database, then close and drop it. */
export async function withStore<T>(d: Dialect, fn: (s: Store, target: string) => Promise<T>): Promise<T> {
  const db = await freshDb(d);
  const store = await openStore(db.target);
  try {
    return await fn(store, db.target);
  } finally {
    await store.close();
    await db.drop();
  }
}

export interface Spec {
  date?: string | null;
  tp?: 1 | 2 | 3;
  sub?: SubEventType;
  actor1?: string | null;
  inter1?: number | null;
  actor2?: string | null;
  inter2?: number | null;
  country?: string | null;
  admin1?: string | null;
  admin2?: string | null;
  location?: string | null;
  lat?: number | null;
  lon?: number | null;
  geo?: 1 | 2 | 3;
  fatalities?: number | null;
  low?: number | null;
  high?: number | null;
  background?: boolean;
  /** The sentence that reports it (its evidence). */
  text?: string;
}

function f<T>(value: T, article: string, rule = 'test'): Field<T> {
  return { value, evidence: [] as Evidence[], rule };
}

/** An incident as an extractor would report it for `article`. */
export function incident(article: string, idx: number, s: Spec): Incident {
  const sub = s.sub ?? 'Armed clash';
  const opt = <T>(v: T | null | undefined) => (v === null || v === undefined ? null : f(v, article));
  return {
    id: `${article}#${idx + 1}`,
    articles: [article],
    background: s.background ?? false,
    evidence: [{ article, start: 0, end: (s.text ?? 'test').length, text: s.text ?? 'test' }],
    event_type: f(SUB_EVENT_TYPES[sub], article),
    sub_event_type: f(sub, article),
    disorder_type: f(SUB_EVENT_TYPES[sub] === 'Protests' || SUB_EVENT_TYPES[sub] === 'Riots' ? 'Demonstrations' : SUB_EVENT_TYPES[sub] === 'Strategic developments' ? 'Strategic developments' : 'Political violence', article),
    event_date: opt(s.date === undefined ? '2025-05-03' : s.date),
    time_precision: opt(s.tp ?? 1),
    actor1: opt(s.actor1),
    inter1: opt(s.inter1),
    actor2: opt(s.actor2),
    inter2: opt(s.inter2),
    country: opt(s.country === undefined ? 'Pakistan' : s.country),
    admin1: opt(s.admin1 === undefined ? 'Balochistan' : s.admin1),
    admin2: opt(s.admin2),
    location: opt(s.location),
    latitude: opt(s.lat),
    longitude: opt(s.lon),
    geo_precision: opt(s.geo ?? (s.location ? 1 : 3)),
    fatalities: f(s.fatalities === undefined ? 0 : s.fatalities, article),
    fatalities_low: opt(s.low),
    fatalities_high: opt(s.high),
    injuries: null,
    disputed: null,
  };
}

/** A fusion input: report `idx` of `article`, in wire group `group` (default: its own). */
export function report(article: string, idx: number, s: Spec, group?: string): FusionReport {
  return { key: `${article}#${idx}`, article, articleKey: article, dupGroup: group ?? article, incident: toReportIncident(incident(article, idx, s)) };
}

/** An article with the given incidents, ready for Store.saveBatch (no extractor involved). */
export function prepared(article: Article, specs: Spec[], version = 'test-1'): PreparedArticle {
  const sig = minhash(article.text);
  return {
    article,
    ...identify(article),
    minhash: sig ? signatureToHex(sig) : null,
    version,
    outcome: {
      incidents: specs.map((s, i) => incident(article.id, i, s)),
      extras: { quotes: [], claims: [], people: [], organisations: [] },
    },
  };
}
