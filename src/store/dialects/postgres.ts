/**
 * PostgreSQL through pg. Full-text search uses a stored tsvector column with a GIN index.
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DB } from '../schema.js';
import type { DialectSpec } from './dialect.js';

export function openPostgres(url: string): DialectSpec {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    name: 'postgres',
    db,
    caps: { fts: 'tsvector' },
    idColumn: 'serial primary key',
    async search(query, limit) {
      const words = query.match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? [];
      if (words.length === 0) return [];
      const r = await sql<{ id: number; rank: number }>`
        select id, ts_rank(tsv, q) as rank from articles, plainto_tsquery('english', ${words.join(' ')}) q
        where tsv @@ q order by rank desc, id limit ${limit}`.execute(db);
      return r.rows.map((x) => ({ id: Number(x.id), rank: Number(x.rank) }));
    },
    async close() {
      await db.destroy();
    },
  };
}
