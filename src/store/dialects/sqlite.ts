/**
 * SQLite through better-sqlite3 12 (13 crashes on Node 20). WAL with synchronous=NORMAL: a
 * process killed at any point (kill -9) leaves the last committed transaction intact and the
 * open one rolled back, which is what makes an interrupted ingest safe to run again.
 */
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { DB } from '../schema.js';
import type { DialectSpec } from './dialect.js';

/** How long a second process on the same file waits for the first one's lock. */
const BUSY_MS = 10_000;

export function openSqlite(file: string): DialectSpec {
  // Another process (a second `sitrep` on the same file) waits instead of failing at once.
  const database = new Database(file, { timeout: BUSY_MS });
  // Switching a new file to WAL can fail with SQLITE_BUSY without SQLite's busy wait, when
  // another process is switching it at the same moment: wait and try again.
  retryWhileBusy(() => database.pragma('journal_mode = WAL'));
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database }) });
  return {
    name: 'sqlite',
    db,
    caps: { fts: 'fts5' },
    idColumn: 'integer primary key autoincrement',
    async search(query, limit) {
      const q = ftsQuery(query);
      if (!q) return [];
      const r = await sql<{ id: number; rank: number }>`
        select rowid as id, rank from articles_fts where articles_fts match ${q} order by rank limit ${limit}`.execute(db);
      return r.rows.map((x) => ({ id: Number(x.id), rank: -Number(x.rank) }));
    },
    async close() {
      await db.destroy();
    },
  };
}

/**
 * A user's words → an FTS5 query: each word quoted (so "al-Shabaab" or "AND" are words, not
 * syntax) and all of them required.
 */
function ftsQuery(q: string): string {
  const words = q.match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? [];
  return words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' ');
}

function retryWhileBusy<T>(f: () => T): T {
  const until = Date.now() + BUSY_MS;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      return f();
    } catch (e) {
      if ((e as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > until) throw e;
      Atomics.wait(pause, 0, 0, 20 + Math.random() * 30);
    }
  }
}
