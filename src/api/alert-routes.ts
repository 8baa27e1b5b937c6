/**
 * Alert rules over HTTP: a rule is the desk's filter with a name ("alert me on this view").
 * Anyone who may read may keep rules of their own with an Atom feed; a rule that makes the server
 * send something (a webhook, an e-mail) needs an analyst, since the server then calls addresses
 * the caller chose. The feed is public under its secret key: feed readers send no header.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { atomFeed } from '../alerts/atom.js';
import { checkFilter, DIGESTS, FilterError, parseFilter, type AlertRule } from '../alerts/rule.js';
import { addRule, deliveryLog, getRule, listRules, publicRule, removeRule, ruleAlerts } from '../alerts/rules-store.js';
import { RANK } from './auth.js';
import { BadRequest } from './filters.js';
import type { Desk } from './server.js';

const idParam = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 100 } } } as const;

/** The address the caller reached this server at (for links in feeds). */
export function baseOf(req: FastifyRequest): string {
  return `${req.protocol}://${req.headers.host ?? '127.0.0.1'}`;
}

export async function registerAlertRoutes(app: FastifyInstance, desk: Desk): Promise<void> {
  const { store } = desk;
  const feedUrl = (req: FastifyRequest, r: AlertRule) => `${baseOf(req)}/api/alerts/${r.id}/feed.atom?key=${r.feed_key}`;
  const mayManage = (req: FastifyRequest, r: AlertRule) => req.user && (req.user.role === 'admin' || r.owner === req.user.name);

  app.get('/api/alerts', { config: { role: 'viewer' }, schema: { tags: ['alerts'], summary: "the caller's alert rules (an admin's: all), with their feed addresses" } }, async (req) => {
    const rules = await listRules(store, req.user!.role === 'admin' ? undefined : req.user!.name);
    return { rules: rules.map((r) => ({ ...publicRule(r), feed_url: feedUrl(req, r) })) };
  });

  app.post(
    '/api/alerts',
    {
      config: { role: 'viewer' },
      schema: {
        tags: ['alerts'],
        summary: 'save a view as an alert rule; the answer shows the webhook signing secret, once',
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['name', 'filter'],
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 200 },
            filter: { type: ['string', 'object'], maxLength: 4000, description: "the desk's filter as its query string (country=Pakistan&min_fatalities=5) or as an object" },
            webhook_url: { type: 'string', pattern: '^https?://', maxLength: 2000 },
            email_to: { type: 'string', maxLength: 320 },
            email_digest: { type: 'string', enum: [...DIGESTS] },
          },
        },
      },
    },
    async (req, reply) => {
      const b = req.body as { name: string; filter: string | Record<string, unknown>; webhook_url?: string; email_to?: string; email_digest?: (typeof DIGESTS)[number] };
      if ((b.webhook_url || b.email_to) && RANK[req.user!.role] < RANK.analyst) {
        return reply.code(403).send({ error: 'forbidden', message: 'a rule that sends webhooks or e-mail needs the role analyst; a viewer may keep feed rules' });
      }
      try {
        const filter = typeof b.filter === 'string' ? parseFilter(b.filter) : checkFilter(b.filter);
        const rule = await addRule(store, { name: b.name, owner: req.user!.name, filter, webhook_url: b.webhook_url ?? null, email_to: b.email_to ?? null, email_digest: b.email_digest ?? 'none' });
        reply.code(201);
        return { ...publicRule(rule), feed_url: feedUrl(req, rule), ...(rule.webhook_secret ? { webhook_secret: rule.webhook_secret } : {}) };
      } catch (e) {
        if (e instanceof FilterError) throw new BadRequest(e.message);
        throw e;
      }
    },
  );

  app.delete('/api/alerts/:id', { config: { role: 'viewer' }, schema: { tags: ['alerts'], summary: 'remove an alert rule (its own, or any for an admin)', params: idParam } }, async (req, reply) => {
    const { id } = req.params as { id: string };
    const r = await getRule(store, id);
    if (!r || !mayManage(req, r)) return reply.code(404).send({ error: 'not_found', message: `no alert rule ${id}` });
    await removeRule(store, id);
    return { removed: id };
  });

  app.get('/api/alerts/:id/deliveries', { config: { role: 'viewer' }, schema: { tags: ['alerts'], summary: "a rule's delivery log: each webhook and e-mail with its attempts", params: idParam } }, async (req, reply) => {
    const { id } = req.params as { id: string };
    const r = await getRule(store, id);
    if (!r || !mayManage(req, r)) return reply.code(404).send({ error: 'not_found', message: `no alert rule ${id}` });
    return { deliveries: await deliveryLog(store, id) };
  });

  app.get(
    '/api/alerts/:id/feed.atom',
    {
      schema: {
        tags: ['alerts'],
        summary: "a rule's alerts as an Atom feed (public under the rule's key, for feed readers)",
        security: [],
        params: idParam,
        querystring: { type: 'object', required: ['key'], properties: { key: { type: 'string', maxLength: 100 } } },
      },
    },
    async (req, reply) => {
      const { id } = req.params as { id: string };
      const { key } = req.query as { key: string };
      const r = await getRule(store, id);
      if (!r || !sameSecret(r.feed_key, key)) return reply.code(404).send({ error: 'not_found', message: `no alert feed ${id} with that key` });
      reply.header('content-type', 'application/atom+xml; charset=utf-8');
      return atomFeed(r, await ruleAlerts(store, id), baseOf(req), feedUrl(req, r));
    },
  );
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
