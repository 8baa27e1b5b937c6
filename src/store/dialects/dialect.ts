/**
 * What differs between the databases, in one small interface (as Kysely does it: a core that
 * knows no database, and per-dialect overrides with capability flags).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';

export type DialectName = 'sqlite' | 'postgres';

export interface DialectSpec {
  name: DialectName;
  db: Kysely<DB>;
  caps: { fts: 'fts5' | 'tsvector' };
  /** The column definition of an auto-increment integer primary key. */
  idColumn: string;
  /** Full-text search over article titles and texts: article ids, best first. */
  search(query: string, limit: number): Promise<Array<{ id: number; rank: number }>>;
  close(): Promise<void>;
}
