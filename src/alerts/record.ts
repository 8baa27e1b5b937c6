/**
 * Firing rules, inside the transaction that changes incidents. The store calls `recordAlerts`
 * with every incident view it inserts or changes (fusion of a block, an analyst's edit); each rule
 * that matches writes one `alert_events` row per (rule, incident, change) and one pending delivery
 * per channel. The unique key on that row is the "exactly once": a second process fusing the same
 * block, a transaction retried after a lock, or the same article ingested again finds the row
 * there and adds nothing. Sending happens after the commit (src/alerts/deliver.ts), so an alert is
 * never sent for a change that was rolled back.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../store/schema.js';
import type { IncidentView } from '../store/overlay.js';
import { alertFacts, changeKey, matches, queryWords, wordsMatch, type AlertFilter, type Digest } from './rule.js';

type Q = Kysely<DB> | Transaction<DB>;

/** What an alert says, as stored with the event and sent (a link is made from `path` and the server's address). */
export interface AlertPayload {
  rule: { id: string; name: string };
  kind: 'new' | 'update';
  incident: string;
  /** The incident page, relative to the desk's address. */
  path: string;
  /** One line: what, where, when, toll. */
  title: string;
  facts: ReturnType<typeof alertFacts>;
  sources: Array<{ article: string; title: string | null; source: string | null; url: string | null }>;
  /** The sentences that report the incident, quoted from the articles, with their offsets. */
  evidence: Array<{ article: string; start: number; end: number; text: string }>;
  at: string;
}

/** Record the alerts that the changed views fire; returns how many fired. */
export async function recordAlerts(trx: Q, views: IncidentView[], at = new Date().toISOString()): Promise<number> {
  if (views.length === 0) return 0;
  const rules = await trx.selectFrom('alert_rules').select(['id', 'name', 'filter', 'webhook_url', 'email_to', 'email_digest']).execute();
  if (rules.length === 0) return 0;
  const parsed = rules.map((r) => ({ ...r, filter: JSON.parse(r.filter) as AlertFilter }));
  const texts = new Map<string, string[]>();
  let fired = 0;
  for (const v of views) {
    const hits = [];
    for (const r of parsed) {
      if (!matches(v, r.filter)) continue;
      if (r.filter.q) {
        if (!texts.has(v.id)) texts.set(v.id, await articleTexts(trx, v.articles));
        if (!wordsMatch(queryWords(r.filter.q), texts.get(v.id)!)) continue;
      }
      hits.push(r);
    }
    if (hits.length === 0) continue;
    const change = changeKey(v);
    const before = await trx.selectFrom('alert_events').select(['rule_id', 'change']).where('incident_id', '=', v.id).where('rule_id', 'in', hits.map((r) => r.id)).execute();
    const fresh = hits.filter((r) => !before.some((b) => b.rule_id === r.id && b.change === change));
    if (fresh.length === 0) continue;
    const sources = await sourcesOf(trx, v.articles);
    for (const r of fresh) {
      const kind = before.some((b) => b.rule_id === r.id) ? 'update' : 'new';
      const payload: AlertPayload = { rule: { id: r.id, name: r.name }, kind, incident: v.id, path: `/#/incident/${encodeURIComponent(v.id)}`, title: titleOf(v, kind), facts: alertFacts(v), sources, evidence: v.evidence.slice(0, 5), at };
      const row = await trx
        .insertInto('alert_events')
        .values({ rule_id: r.id, incident_id: v.id, change, kind, at, payload: JSON.stringify(payload) })
        .onConflict((oc) => oc.columns(['rule_id', 'incident_id', 'change']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!row) continue;
      fired++;
      const deliveries = [];
      if (r.webhook_url) deliveries.push({ event_id: Number(row.id), rule_id: r.id, channel: 'webhook', status: 'pending', attempts: 0, next_at: at });
      if (r.email_to) deliveries.push({ event_id: Number(row.id), rule_id: r.id, channel: 'email', status: 'pending', attempts: 0, next_at: digestDue(r.email_digest as Digest, at) });
      if (deliveries.length) await trx.insertInto('alert_deliveries').values(deliveries).execute();
    }
  }
  return fired;
}

/** When a mail of this digest goes out: at once, at the next full hour, or at the next midnight (UTC). */
export function digestDue(digest: Digest, at: string): string {
  if (digest === 'none') return at;
  const d = new Date(at);
  if (digest === 'hourly') d.setUTCMinutes(60, 0, 0);
  else d.setUTCHours(24, 0, 0, 0);
  return d.toISOString();
}

/** "Suicide bomb in Parachinar, Kurram, Pakistan on 2025-05-03: 12 killed (10–14)". */
export function titleOf(v: IncidentView, kind: 'new' | 'update' = 'new'): string {
  const where = [v.location, v.admin1, v.country].filter((x, i, a) => x && a.indexOf(x) === i).join(', ') || 'place unknown';
  const f = v.fatalities;
  const range = v.fatalities_low !== null && v.fatalities_high !== null && v.fatalities_low !== v.fatalities_high ? ` (${v.fatalities_low}–${v.fatalities_high})` : '';
  const toll = f === null ? 'toll unknown' : `${f} killed${range}`;
  return `${kind === 'update' ? 'Update: ' : ''}${v.sub_event_type} in ${where}${v.event_date ? ` on ${v.event_date}` : ''}: ${toll}`;
}

async function articleTexts(trx: Q, extIds: string[]): Promise<string[]> {
  if (extIds.length === 0) return [];
  const rows = await trx.selectFrom('articles').select(['title', 'text']).where('ext_id', 'in', extIds.slice(0, 200)).execute();
  return rows.map((r) => `${r.title ?? ''}\n${r.text}`);
}

async function sourcesOf(trx: Q, extIds: string[]): Promise<AlertPayload['sources']> {
  if (extIds.length === 0) return [];
  const rows = await trx.selectFrom('articles').select(['ext_id', 'title', 'source', 'url']).where('ext_id', 'in', extIds.slice(0, 200)).orderBy('id').execute();
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.ext_id) && seen.add(r.ext_id)).map((r) => ({ article: r.ext_id, title: r.title, source: r.source, url: r.url }));
}
