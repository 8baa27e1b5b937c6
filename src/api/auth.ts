/**
 * API tokens with three roles: a viewer reads, an analyst also edits and ingests, an admin also
 * manages tokens. A token is shown once, when it is made; the database keeps only its SHA-256, in
 * the store's key/value `meta` table (key `api-token:<hash>`), so a copied database file leaks no
 * usable token.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Store } from '../store/store.js';

export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** What a role may do, as a rank: a request needing `analyst` is allowed to analysts and admins. */
export const RANK: Record<Role, number> = { viewer: 1, analyst: 2, admin: 3 };

export const TokenInfo = z.object({
  /** Public id of the token (the first 12 hex digits of its hash): safe to show and to revoke by. */
  id: z.string(),
  role: Role,
  /** Who holds it; recorded as the author of that holder's edits. */
  name: z.string(),
  created_at: z.string(),
});
export type TokenInfo = z.infer<typeof TokenInfo>;

const PREFIX = 'api-token:';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new random token: `st_` and 32 url-safe characters (192 bits). */
export function newToken(): string {
  return 'st_' + randomBytes(24).toString('base64url');
}

/** A token whose shape is wrong is refused before any lookup. */
const TOKEN_SHAPE = /^st_[A-Za-z0-9_-]{32}$/;

export async function createToken(store: Store, role: Role, name: string): Promise<{ token: string; info: TokenInfo }> {
  const token = newToken();
  const hash = hashToken(token);
  const info: TokenInfo = { id: hash.slice(0, 12), role, name, created_at: new Date().toISOString() };
  await store.db.insertInto('meta').values({ key: PREFIX + hash, value: JSON.stringify(info) }).execute();
  return { token, info };
}

export async function listTokens(store: Store): Promise<TokenInfo[]> {
  const rows = await store.db.selectFrom('meta').select(['key', 'value']).where('key', 'like', `${PREFIX}%`).execute();
  return rows.map((r) => TokenInfo.parse(JSON.parse(r.value))).sort((a, b) => (a.created_at < b.created_at ? -1 : 1));
}

export async function revokeToken(store: Store, id: string): Promise<boolean> {
  if (!/^[0-9a-f]{12}$/.test(id)) return false;
  const r = await store.db.deleteFrom('meta').where('key', 'like', `${PREFIX}${id}%`).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/**
 * Resolves bearer tokens to their holder. Lookups are cached for a few seconds: a revoked token
 * stops working within that time, and a busy page does not cost a query per request.
 */
export class TokenResolver {
  private cache = new Map<string, { info: TokenInfo | null; until: number }>();
  /** Tokens that live only as long as this process (the one `npm start` prints), by hash. */
  private ephemeral = new Map<string, TokenInfo>();

  constructor(
    private readonly store: Store,
    private readonly ttlMs = 5000,
  ) {}

  addEphemeral(token: string, role: Role, name: string): void {
    const hash = hashToken(token);
    this.ephemeral.set(hash, { id: hash.slice(0, 12), role, name, created_at: new Date().toISOString() });
  }

  async resolve(token: string): Promise<TokenInfo | null> {
    if (!TOKEN_SHAPE.test(token)) return null;
    const hash = hashToken(token);
    for (const [h, info] of this.ephemeral) {
      if (timingSafeEqual(Buffer.from(h), Buffer.from(hash))) return info;
    }
    const hit = this.cache.get(hash);
    const t = Date.now();
    if (hit && hit.until > t) return hit.info;
    // The lookup is by the hash, so comparing it leaks nothing about the token itself.
    const row = await this.store.db.selectFrom('meta').select('value').where('key', '=', PREFIX + hash).executeTakeFirst();
    const info = row ? TokenInfo.parse(JSON.parse(row.value)) : null;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(hash, { info, until: t + this.ttlMs });
    return info;
  }

  forget(): void {
    this.cache.clear();
  }
}
