/**
 * Open the incident database named by `--db`: a file path (SQLite, ./sitrep.db by default) or a
 * postgres:// URL. The schema is migrated on open.
 */
import { openPostgres } from './dialects/postgres.js';
import { openSqlite } from './dialects/sqlite.js';
import { Store } from './store.js';

export const DEFAULT_DB = 'sitrep.db';

export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

export async function openStore(target: string = DEFAULT_DB): Promise<Store> {
  const spec = isPostgresUrl(target) ? openPostgres(target) : openSqlite(target);
  const store = new Store(spec);
  try {
    await store.init();
  } catch (e) {
    await store.close().catch(() => {});
    throw e;
  }
  return store;
}
