/**
 * Alert rules and what they fired, in the store's database (tables of migration 8): add, list,
 * remove, the alerts of a rule (its feed), and the delivery log. Secrets (the feed key, the
 * webhook's signing key) are made here and shown when a rule is made.
 */
import { randomBytes } from 'node:crypto';
import type { Store } from '../store/store.js';
import type { AlertPayload } from './record.js';
import { AlertRuleInput, FilterError, type AlertFilter, type AlertRule, type Digest } from './rule.js';

export async function addRule(store: Store, input: AlertRuleInput): Promise<AlertRule> {
  const r = AlertRuleInput.safeParse(input);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new FilterError(`bad rule${i.path.length ? ` (${i.path.join('.')})` : ''}: ${i.message}`);
  }
  const v = r.data;
  if (Object.keys(v.filter).length === 0) throw new FilterError('the filter is empty: a rule on every incident would alert on everything');
  if (v.email_digest !== 'none' && !v.email_to) throw new FilterError('a digest needs an e-mail address');
  const rule: AlertRule = {
    id: 'r' + randomBytes(5).toString('hex'),
    name: v.name,
    owner: v.owner,
    filter: v.filter,
    feed_key: randomBytes(18).toString('base64url'),
    webhook_url: v.webhook_url ?? null,
    webhook_secret: v.webhook_url ? randomBytes(24).toString('base64url') : null,
    email_to: v.email_to ?? null,
    email_digest: v.email_digest,
    created_at: new Date().toISOString(),
  };
  await store.db.insertInto('alert_rules').values({ ...rule, filter: JSON.stringify(rule.filter) }).execute();
  return rule;
}

export async function listRules(store: Store, owner?: string): Promise<AlertRule[]> {
  // (rules made in the same instant, as a script makes them, list by name: ids are random)
  let q = store.db.selectFrom('alert_rules').selectAll().orderBy('created_at').orderBy('name').orderBy('id');
  if (owner) q = q.where('owner', '=', owner);
  return (await q.execute()).map(toRule);
}

export async function getRule(store: Store, id: string): Promise<AlertRule | null> {
  const r = await store.db.selectFrom('alert_rules').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toRule(r) : null;
}

/** Remove a rule with its alerts and delivery log. */
export async function removeRule(store: Store, id: string): Promise<boolean> {
  return store.db.transaction().execute(async (trx) => {
    const deliveries = trx.selectFrom('alert_deliveries').select('id').where('rule_id', '=', id);
    await trx.deleteFrom('alert_attempts').where('delivery_id', 'in', deliveries).execute();
    await trx.deleteFrom('alert_deliveries').where('rule_id', '=', id).execute();
    await trx.deleteFrom('alert_events').where('rule_id', '=', id).execute();
    const r = await trx.deleteFrom('alert_rules').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  });
}

export interface FiredAlert {
  id: number;
  incident_id: string;
  kind: string;
  at: string;
  payload: AlertPayload;
}

/** The alerts a rule fired, newest first. */
export async function ruleAlerts(store: Store, ruleId: string, limit = 100): Promise<FiredAlert[]> {
  const rows = await store.db.selectFrom('alert_events').select(['id', 'incident_id', 'kind', 'at', 'payload']).where('rule_id', '=', ruleId).orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ id: Number(r.id), incident_id: r.incident_id, kind: r.kind, at: r.at, payload: JSON.parse(r.payload) as AlertPayload }));
}

export interface DeliveryLogEntry {
  delivery: number;
  event: number;
  incident: string;
  channel: string;
  status: string;
  attempts: number;
  next_at: string;
  delivered_at: string | null;
  last_error: string | null;
  log: Array<{ at: string; ok: boolean; status_code: number | null; error: string | null; ms: number }>;
}

/** The delivery log of a rule: each delivery with its attempts, newest first. */
export async function deliveryLog(store: Store, ruleId: string, limit = 100): Promise<DeliveryLogEntry[]> {
  const rows = await store.db
    .selectFrom('alert_deliveries as d')
    .innerJoin('alert_events as e', 'e.id', 'd.event_id')
    .select(['d.id', 'd.event_id', 'e.incident_id', 'd.channel', 'd.status', 'd.attempts', 'd.next_at', 'd.delivered_at', 'd.last_error'])
    .where('d.rule_id', '=', ruleId)
    .orderBy('d.id', 'desc')
    .limit(limit)
    .execute();
  const ids = rows.map((r) => Number(r.id));
  const attempts = ids.length ? await store.db.selectFrom('alert_attempts').selectAll().where('delivery_id', 'in', ids).orderBy('id').execute() : [];
  return rows.map((r) => ({
    delivery: Number(r.id),
    event: Number(r.event_id),
    incident: r.incident_id,
    channel: r.channel,
    status: r.status,
    attempts: Number(r.attempts),
    next_at: r.next_at,
    delivered_at: r.delivered_at,
    last_error: r.last_error,
    log: attempts.filter((a) => Number(a.delivery_id) === Number(r.id)).map((a) => ({ at: a.at, ok: Number(a.ok) === 1, status_code: a.status_code === null ? null : Number(a.status_code), error: a.error, ms: Number(a.ms) })),
  }));
}

function toRule(r: { id: string; name: string; owner: string; filter: string; feed_key: string; webhook_url: string | null; webhook_secret: string | null; email_to: string | null; email_digest: string; created_at: string }): AlertRule {
  return { ...r, filter: JSON.parse(r.filter) as AlertFilter, email_digest: r.email_digest as Digest };
}

/** A rule as shown to others than its maker: no secrets. */
export function publicRule(r: AlertRule) {
  const { feed_key: _f, webhook_secret: _w, ...rest } = r;
  return rest;
}
