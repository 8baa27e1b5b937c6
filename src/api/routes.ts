/**
 * The REST API's routes. Each takes its input through a JSON Schema (so a bad request is a 400
 * that names the field) and states the least role it needs in `config.role`.
 */
import type { FastifyInstance } from 'fastify';
import { SUB_EVENT_TYPES, EVENT_TYPES, type Article } from '../core/types.js';
import { INCIDENT_FIELDS } from '../core/report.js';
import { MAX_ARTICLE_CHARS } from '../ingest/limits.js';
import { identify } from '../ingest/dedupe.js';
import { acledCsv, geojson, sitrepCsv } from '../store/export.js';
import type { IncidentView } from '../store/overlay.js';
import { VERSION } from '../run.js';
import { createToken, listTokens, revokeToken, Role, ROLES } from './auth.js';
import { BadRequest, exportQuerySchema, filterOnlySchema, filterQuerySchema, listQuerySchema, toFilter, type FilterQuery } from './filters.js';
import type { DeskStats, DeskTimeline, ListRow } from './list-index.js';
import { Rewarm, StampCache } from './derived.js';
import { MapClusters } from './map-clusters.js';
import type { Desk } from './server.js';
import { ingestArticle } from './ingest-article.js';
import type { ExtractPool } from '../run/pool.js';

const idParam = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 500 } },
} as const;

const noteProp = { type: 'string', maxLength: 2000 } as const;

const str = { type: ['string', 'null'] } as const;
const num = { type: ['number', 'null'] } as const;
/** One row of the list (also what makes its JSON fast to write). */
const listRowSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    status: { type: 'string', enum: ['new', 'reviewed', 'rejected', 'merged', 'orphaned'] },
    merged_into: str,
    event_date: str,
    event_type: str,
    sub_event_type: str,
    country: str,
    admin1: str,
    admin2: str,
    location: str,
    actor1: str,
    actor2: str,
    fatalities: num,
    latitude: num,
    longitude: num,
    disputed: { type: 'boolean' },
    n_articles: { type: 'integer' },
    confidence: num,
  },
} as const;
const listResponseSchema = {
  type: 'object',
  properties: { total: { type: 'integer' }, offset: { type: 'integer' }, limit: { type: 'integer' }, items: { type: 'array', items: listRowSchema } },
} as const;

/** The fields an analyst may set: ACLED's columns and the background flag. */
const EDITABLE = [...INCIDENT_FIELDS, 'background'];

export async function registerRoutes(app: FastifyInstance, desk: Desk, opts: { articleBodyLimit: number; allowPrivateFetch?: boolean | readonly string[]; pool?: () => ExtractPool }): Promise<void> {
  const { store, index } = desk;
  const mergedInto = (id: string) => index.get(id)?.merged_into ?? null;
  const filtered = async (q: FilterQuery, sort: FilterQuery['sort'] = 'date_desc'): Promise<ListRow[]> => {
    return index.filter(await toFilter(store, q, mergedInto, index.stamp), sort);
  };
  const viewsOf = async (ids: string[]): Promise<IncidentView[]> => {
    const out = new Map<string, IncidentView>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await store.db.selectFrom('incidents').select(['id', 'view']).where('id', 'in', ids.slice(i, i + 500)).execute();
      for (const r of rows) out.set(r.id, JSON.parse(r.view) as IncidentView);
    }
    return ids.map((id) => out.get(id)).filter((v): v is IncidentView => !!v);
  };
  const author = (u: { name: string; id: string } | null) => (u ? `${u.name} (token ${u.id})` : 'anonymous');

  // --- public -------------------------------------------------------------------------------

  app.get('/api/health', { schema: { tags: ['meta'], summary: 'liveness and the number of incidents', security: [] } }, async () => ({
    ok: true,
    version: VERSION,
    incidents: index.size,
  }));

  app.get('/api/me', { schema: { tags: ['meta'], summary: "the caller's role (null without a valid token)", security: [] } }, async (req) => {
    const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    const user = m ? await desk.tokens.resolve(m[1]!) : null;
    if (user) return { role: user.role, name: user.name, id: user.id };
    return { role: desk.anonymous, name: desk.anonymous ? 'anonymous' : null, id: null };
  });

  // --- incidents ----------------------------------------------------------------------------

  app.get(
    '/api/incidents',
    {
      config: { role: 'viewer' },
      schema: { tags: ['incidents'], summary: 'incidents, filtered and paginated (newest first)', querystring: listQuerySchema, response: { 200: listResponseSchema } },
    },
    async (req) => {
      const q = req.query as FilterQuery;
      const offset = q.offset ?? 0;
      const limit = q.limit ?? 50;
      const page = index.page(await toFilter(store, q, mergedInto, index.stamp), q.sort ?? 'date_desc', offset, limit);
      return { total: page.total, offset, limit, items: page.rows.map(publicRow) };
    },
  );

  app.get(
    '/api/incidents/:id',
    {
      config: { role: 'viewer' },
      schema: {
        tags: ['incidents'],
        summary: 'one incident: every field with its evidence, its articles (text, quotes, claims), its sources and its edit history',
        params: idParam,
      },
    },
    async (req, reply) => {
      const { id } = req.params as { id: string };
      const view = await store.incident(id);
      if (!view) return reply.code(404).send({ error: 'not_found', message: `no incident ${id}` });
      const articles = await articlesByExtId(desk, view.articles);
      return { incident: view, articles, history: view.edits };
    },
  );

  app.get(
    '/api/incidents/:id/candidates',
    {
      config: { role: 'viewer' },
      schema: {
        tags: ['review'],
        summary: 'possibly the same incident: incidents within a week in the same country, ranked by fusion\'s score, with its reasons (and the veto, if one holds)',
        params: idParam,
        querystring: { type: 'object', additionalProperties: false, properties: { limit: { type: 'integer', minimum: 1, maximum: 50, default: 10 } } },
      },
    },
    async (req, reply) => {
      const { id } = req.params as { id: string };
      if (!(await store.incident(id))) return reply.code(404).send({ error: 'not_found', message: `no incident ${id}` });
      const { limit } = req.query as { limit: number };
      const items = await store.sameIncidentCandidates(id, limit);
      return {
        items: items.map(({ view: v, ...c }) => ({ ...c, event_date: v.event_date, sub_event_type: v.sub_event_type, event_type: v.event_type, location: v.location, admin1: v.admin1, fatalities: v.fatalities, articles: v.articles })),
      };
    },
  );

  app.patch(
    '/api/incidents/:id',
    {
      config: { role: 'analyst' },
      schema: {
        tags: ['review'],
        summary: 'set a field (or clear it with value null); kept as an overlay with its author and time',
        params: idParam,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['field', 'value'],
          properties: {
            field: { type: 'string', enum: EDITABLE },
            // A list of types, not anyOf: the query-string coercion then leaves a JSON number a number.
            value: { type: ['string', 'number', 'boolean', 'null'], maxLength: 500, description: 'the new value; null clears the field' },
            note: noteProp,
          },
        },
      },
    },
    async (req) => {
      const { id } = req.params as { id: string };
      const b = req.body as { field: string; value: unknown; note?: string };
      const view = await store.edit({
        incident: id,
        author: author(req.user),
        action: b.value === null ? 'clear' : 'set',
        field: b.field,
        ...(b.value === null ? {} : { value: b.value }),
        ...(b.note ? { note: b.note } : {}),
      });
      index.update([view]);
      return { incident: view };
    },
  );

  app.post(
    '/api/incidents/:id/review',
    {
      config: { role: 'analyst' },
      schema: {
        tags: ['review'],
        summary: 'accept (mark reviewed), reject, or reopen an incident',
        params: idParam,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['action'],
          properties: { action: { type: 'string', enum: ['accept', 'reject', 'reopen'] }, note: noteProp },
        },
      },
    },
    async (req) => {
      const { id } = req.params as { id: string };
      const b = req.body as { action: 'accept' | 'reject' | 'reopen'; note?: string };
      const action = b.action === 'accept' ? 'review' : b.action;
      const view = await store.edit({ incident: id, author: author(req.user), action, ...(b.note ? { note: b.note } : {}) });
      index.update([view]);
      return { incident: view };
    },
  );

  app.post(
    '/api/incidents/review',
    {
      config: { role: 'analyst' },
      schema: {
        tags: ['review'],
        summary: 'accept, reject or reopen several incidents at once (the desk\'s bulk review); each is one edit with its author and time',
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['ids', 'action'],
          properties: {
            ids: { type: 'array', minItems: 1, maxItems: 500, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 500 } },
            action: { type: 'string', enum: ['accept', 'reject', 'reopen'] },
            note: noteProp,
          },
        },
      },
    },
    async (req, reply) => {
      const b = req.body as { ids: string[]; action: 'accept' | 'reject' | 'reopen'; note?: string };
      const action = b.action === 'accept' ? 'review' : b.action;
      // All named incidents must exist: a stale selection is refused whole, not half applied.
      const missing = b.ids.filter((id) => !index.get(id));
      if (missing.length) return reply.code(404).send({ error: 'not_found', message: `no incident ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}` });
      const views: IncidentView[] = [];
      for (const id of b.ids) views.push(await store.edit({ incident: id, author: author(req.user), action, ...(b.note ? { note: b.note } : {}) }));
      index.update(views);
      return { updated: views.length, incidents: views.map((v) => ({ id: v.id, status: v.status })) };
    },
  );

  app.post(
    '/api/incidents/:id/merge',
    {
      config: { role: 'analyst' },
      schema: {
        tags: ['review'],
        summary: 'merge another incident into this one (the same real event)',
        params: idParam,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['other'],
          properties: { other: { type: 'string', minLength: 1, maxLength: 500 }, note: noteProp },
        },
      },
    },
    async (req) => {
      const { id } = req.params as { id: string };
      const b = req.body as { other: string; note?: string };
      const view = await store.edit({ incident: id, author: author(req.user), action: 'merge', other: b.other, ...(b.note ? { note: b.note } : {}) });
      const other = await store.incident(b.other);
      index.update(other ? [view, other] : [view]);
      return { incident: view };
    },
  );

  app.post(
    '/api/incidents/:id/split',
    {
      config: { role: 'analyst' },
      schema: {
        tags: ['review'],
        summary: 'move the reports of some articles out into a new incident',
        params: idParam,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['articles'],
          properties: { articles: { type: 'array', minItems: 1, maxItems: 1000, items: { type: 'string', minLength: 1, maxLength: 500 } }, note: noteProp },
        },
      },
    },
    async (req) => {
      const { id } = req.params as { id: string };
      const b = req.body as { articles: string[]; note?: string };
      const view = await store.edit({ incident: id, author: author(req.user), action: 'split', articles: b.articles, ...(b.note ? { note: b.note } : {}) });
      await index.fresh(true);
      return { incident: view };
    },
  );

  // --- map, stats, options, exports -----------------------------------------------------------

  app.get(
    '/api/map',
    {
      config: { role: 'viewer' },
      schema: {
        tags: ['incidents'],
        summary: 'the filtered incidents as GeoJSON points, or (format=columns) as compact columns: what the desk\'s map loads',
        querystring: { ...filterOnlySchema, properties: { ...filterOnlySchema.properties, format: { type: 'string', enum: ['geojson', 'columns'], default: 'geojson' } } },
      },
    },
    async (req) => {
      const q = req.query as FilterQuery & { format?: 'geojson' | 'columns' };
      const { format, ...filter } = q;
      if (format === 'columns') return index.mapColumns(await toFilter(store, filter, mergedInto, index.stamp));
      const rows = (await filtered(filter)).filter((r) => r.latitude !== null && r.longitude !== null);
      return {
        type: 'FeatureCollection',
        features: rows.map((r) => ({
          type: 'Feature',
          id: r.id,
          geometry: { type: 'Point', coordinates: [r.longitude, r.latitude] },
          properties: { event_date: r.event_date, event_type: r.event_type, sub_event_type: r.sub_event_type, location: r.location, admin1: r.admin1, country: r.country, fatalities: r.fatalities, disputed: r.disputed, status: r.status },
        })),
      };
    },
  );

  const clusters = new MapClusters(index);
  const statsCache = new StampCache<DeskStats | DeskTimeline>(index);
  const choicesCache = new StampCache<ReturnType<typeof index.choices>>(index, 1);
  // The same filter is the same answer, whatever order its parameters came in.
  const filterKey = (q: object) => JSON.stringify(Object.entries(q).sort(([a], [b]) => a.localeCompare(b)));
  // What the desk opens on (no filter: the map's clusters and the timeline's and stats page's
  // tallies) is built when the server starts and again after the incidents change, not on the
  // first visitor's request (as the list index is built at start).
  const rewarm = new Rewarm(index, async () => {
    const f = await toFilter(store, {}, mergedInto, index.stamp);
    clusters.clusters(filterKey({}), f, [-180, -90, 180, 90], 0);
    statsCache.get(filterKey({}), () => index.stats(f));
    choicesCache.get('', () => index.choices({ status: ['new', 'reviewed', 'rejected'] }));
  });
  app.addHook('onClose', async () => rewarm.stop());
  const VIEW = '^-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?$';
  app.get(
    '/api/map/clusters',
    {
      config: { role: 'viewer' },
      schema: {
        tags: ['incidents'],
        summary: "the filtered incidents clustered for one view of the map (what the desk's map loads): clusters with their count, fatalities and types, and single incidents; or, with mode=density, counts in a grid",
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            ...filterQuerySchema,
            view: { type: 'string', pattern: VIEW, description: 'the map view: west,south,east,north (default: the whole world)' },
            zoom: { type: 'integer', minimum: 0, maximum: 20, default: 2, description: "supercluster's zoom (512·2^zoom pixels round the world)" },
            mode: { type: 'string', enum: ['clusters', 'density'], default: 'clusters' },
            cell: { type: 'number', minimum: 0.001, maximum: 45, default: 1, description: 'density grid cell, degrees' },
          },
        },
      },
    },
    async (req) => {
      const { view, zoom, mode, cell, ...q } = req.query as FilterQuery & { view?: string; zoom: number; mode: 'clusters' | 'density'; cell: number };
      const f = await toFilter(store, q, mergedInto, index.stamp);
      const v = (view ? view.split(',').map(Number) : [-180, -90, 180, 90]) as [number, number, number, number];
      if (v[1] > v[3] || v[1] < -90 || v[3] > 90) throw new BadRequest('view must be west,south,east,north with south ≤ north within ±90');
      const key = filterKey(q);
      return mode === 'density' ? clusters.density(key, f, v, cell) : clusters.clusters(key, f, v, zoom);
    },
  );

  app.get(
    '/api/stats',
    {
      config: { role: 'viewer' },
      schema: {
        tags: ['stats'],
        summary: 'incident counts and fatalities by month, admin1, event type and actor',
        querystring: { ...filterOnlySchema, properties: { ...filterOnlySchema.properties, only: { type: 'string', enum: ['timeline'], description: "only what the desk's timeline draws (totals, by month and day, by type)" } } },
      },
    },
    async (req) => {
      const { only, ...q } = req.query as FilterQuery & { only?: 'timeline' };
      const key = filterKey(q);
      const f = await toFilter(store, q, mergedInto, index.stamp);
      if (only !== 'timeline') return statsCache.get(key, () => index.stats(f));
      // The whole tally where it is kept (it holds the timeline), else the timeline alone.
      const st = statsCache.peek(key) ?? statsCache.get(`${key}|timeline`, () => index.stats(f, 'timeline'));
      return { total: st.total, by_month: st.by_month, by_day: st.by_day, by_month_type: st.by_month_type, by_day_type: st.by_day_type };
    },
  );

  app.get(
    '/api/options',
    { config: { role: 'viewer' }, schema: { tags: ['meta'], summary: 'the values the filter bar offers: countries, admin1s, types, states' } },
    async () => {
      const { countries, admin1, dates } = choicesCache.get('', () => index.choices({ status: ['new', 'reviewed', 'rejected'] }));
      return {
        countries,
        admin1,
        event_types: EVENT_TYPES,
        sub_event_types: Object.entries(SUB_EVENT_TYPES).map(([sub, type]) => ({ sub_event_type: sub, event_type: type })),
        statuses: ['new', 'reviewed', 'rejected', 'merged', 'orphaned'],
        dates,
        editable: EDITABLE,
      };
    },
  );

  for (const [file, summary, write] of [
    ['acled.csv', "the filtered incidents in ACLED's 31 CSV columns, ACLED's order (rejected ones left out)", acledCsv],
    ['sitrep.csv', "the filtered incidents in ACLED's columns and sitrep's extras: toll range, confidence, review state, articles, evidence", sitrepCsv],
  ] as const) {
    app.get(
      `/api/export/${file}`,
      {
        config: { role: 'viewer' },
        schema: { tags: ['exports'], summary, querystring: exportQuerySchema },
      },
      async (req, reply) => {
        const q = req.query as FilterQuery;
        const rows = await filtered(q, q.sort);
        const views = await viewsOf(rows.map((r) => r.id));
        const sources = await sourcesOf(desk, [...new Set(views.flatMap((v) => v.articles))]);
        reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="sitrep-${file}"`);
        return write(views, (a) => sources.get(a) ?? null);
      },
    );
  }

  app.get(
    '/api/export/incidents.geojson',
    {
      config: { role: 'viewer' },
      schema: { tags: ['exports'], summary: 'the filtered incidents as GeoJSON, with every ACLED field', querystring: filterOnlySchema },
    },
    async (req, reply) => {
      const rows = await filtered(req.query as FilterQuery);
      const views = await viewsOf(rows.map((r) => r.id));
      reply.header('content-type', 'application/geo+json; charset=utf-8').header('content-disposition', 'attachment; filename="sitrep-incidents.geojson"');
      return geojson(views);
    },
  );

  // --- articles -----------------------------------------------------------------------------

  app.get(
    '/api/articles',
    {
      config: { role: 'viewer' },
      schema: {
        tags: ['articles'],
        summary: 'stored articles (newest first), or those matching a full-text query',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { q: { type: 'string', maxLength: 500 }, offset: { type: 'integer', minimum: 0, maximum: 10_000_000, default: 0 }, limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
        },
      },
    },
    async (req) => {
      const q = req.query as { q?: string; offset: number; limit: number };
      let hits: number[] | null = null;
      if (q.q?.trim()) {
        hits = (await store.spec.search(q.q.trim(), 1000)).map((h) => h.id);
        if (hits.length === 0) return { total: 0, offset: q.offset, limit: q.limit, items: [] };
      }
      const total = hits
        ? hits.length
        : Number((await store.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      let query = store.db.selectFrom('articles').select(['id', 'ext_id', 'title', 'source', 'url', 'published', 'chars', 'status']);
      if (hits) query = query.where('id', 'in', hits);
      const rows = await query.orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute();
      return {
        total,
        offset: q.offset,
        limit: q.limit,
        items: rows.map((r) => ({ id: r.ext_id, title: r.title, source: r.source, url: r.url, published: r.published, chars: Number(r.chars), status: r.status })),
      };
    },
  );

  app.get(
    '/api/articles/:id',
    {
      config: { role: 'viewer' },
      schema: { tags: ['articles'], summary: 'one article: its text (never altered) with its extracted marks: incidents with field evidence, quotes, claims, people', params: idParam },
    },
    async (req, reply) => {
      const { id } = req.params as { id: string };
      const [a] = await articlesByExtId(desk, [id], true);
      if (!a) return reply.code(404).send({ error: 'not_found', message: `no article ${id}` });
      return a;
    },
  );

  app.post(
    '/api/articles',
    {
      config: { role: 'analyst' },
      bodyLimit: opts.articleBodyLimit,
      schema: {
        tags: ['articles'],
        summary: 'ingest one article: extract it, store it, fuse its incidents with those already known',
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['text'],
          properties: {
            id: { type: 'string', minLength: 1, maxLength: 500 },
            text: { type: 'string', minLength: 1, maxLength: MAX_ARTICLE_CHARS },
            url: { type: 'string', maxLength: 2000 },
            source: { type: 'string', maxLength: 500 },
            title: { type: 'string', maxLength: 2000 },
            published: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}' },
          },
        },
      },
    },
    async (req, reply) => {
      const r = await ingestArticle(desk, req.body as Article & { id?: string }, 'POST /api/articles', opts.pool?.(), (why) =>
        req.log.warn({ event: 'extraction_failed', why }, 'extraction failed'));
      reply.code(r.status === 'inserted' ? 201 : 200);
      return r;
    },
  );

  app.post(
    '/api/feeds',
    {
      config: { role: 'analyst' },
      schema: {
        tags: ['articles'],
        summary: "ingest a feed (RSS or Atom) or a web page by its URL; teaser items' pages are fetched",
        body: { type: 'object', additionalProperties: false, required: ['url'], properties: { url: { type: 'string', pattern: '^https?://', maxLength: 2000 } } },
      },
    },
    async (req) => {
      const { url } = req.body as { url: string };
      const { ingest } = await import('../store/ingest-run.js');
      // Private, loopback, link-local and metadata addresses are refused unless the server was
      // started with --allow-private-fetch (SSRF: an analyst's URL must not read the server's network).
      const sum = await ingest(store, [url], { feed: { allowPrivate: opts.allowPrivateFetch ?? false }, ...(opts.pool ? { pool: opts.pool() } : {}) });
      await index.fresh(true);
      return sum;
    },
  );

  // --- tokens -------------------------------------------------------------------------------

  app.get('/api/tokens', { config: { role: 'admin' }, schema: { tags: ['tokens'], summary: 'the tokens (without their secrets)' } }, async () => ({ tokens: await listTokens(store) }));

  app.post(
    '/api/tokens',
    {
      config: { role: 'admin' },
      schema: {
        tags: ['tokens'],
        summary: 'make a token; its secret is shown in this answer only',
        body: { type: 'object', additionalProperties: false, required: ['role', 'name'], properties: { role: { type: 'string', enum: [...ROLES] }, name: { type: 'string', minLength: 1, maxLength: 200 } } },
      },
    },
    async (req, reply) => {
      const b = req.body as { role: string; name: string };
      const made = await createToken(store, Role.parse(b.role), b.name);
      reply.code(201);
      return { token: made.token, ...made.info };
    },
  );

  app.delete('/api/tokens/:id', { config: { role: 'admin' }, schema: { tags: ['tokens'], summary: 'revoke a token by its public id', params: idParam } }, async (req, reply) => {
    const { id } = req.params as { id: string };
    if (!(await revokeToken(store, id))) return reply.code(404).send({ error: 'not_found', message: `no token ${id}` });
    desk.tokens.forget();
    return { revoked: id };
  });
}

/** A list row as the API shows it (the index's own lower-cased keys and timestamps left out). */
export function publicRow(r: ListRow) {
  return {
    id: r.id,
    status: r.status,
    merged_into: r.merged_into,
    event_date: r.event_date,
    event_type: r.event_type,
    sub_event_type: r.sub_event_type,
    country: r.country,
    admin1: r.admin1,
    admin2: r.admin2,
    location: r.location,
    actor1: r.actor1,
    actor2: r.actor2,
    fatalities: r.fatalities,
    latitude: r.latitude,
    longitude: r.longitude,
    disputed: r.disputed,
    n_articles: r.n_articles,
    confidence: r.confidence,
  };
}

/**
 * Counts and fatalities by month, by admin1, by event type and by actor (top 25), over list rows:
 * the plain statement of what ListIndex.stats computes over its coded columns (a test holds the
 * two equal).
 */
export function stats(rows: ListRow[]) {
  type Agg = { incidents: number; fatalities: number };
  const add = (m: Map<string, Agg>, k: string, f: number) => {
    const e = m.get(k) ?? { incidents: 0, fatalities: 0 };
    e.incidents++;
    e.fatalities += f;
    m.set(k, e);
  };
  const month = new Map<string, Agg>();
  const day = new Map<string, Agg>();
  const monthAdmin = new Map<string, Agg>();
  const admin = new Map<string, Agg>();
  const type = new Map<string, Agg>();
  const actor = new Map<string, Agg>();
  const monthType = new Map<string, Agg>();
  const dayType = new Map<string, Agg>();
  const monthActor = new Map<string, Agg>();
  let fatalities = 0;
  for (const r of rows) {
    const f = r.fatalities ?? 0;
    fatalities += f;
    const m = r.event_date ? r.event_date.slice(0, 7) : 'unknown';
    const place = `${r.country ?? 'unknown'}\u0000${r.admin1 ?? 'unknown'}`;
    add(month, m, f);
    if (r.event_date) add(day, r.event_date, f);
    add(admin, place, f);
    add(monthAdmin, `${m}\u0000${place}`, f);
    add(type, r.event_type ?? 'unknown', f);
    add(monthType, `${m}\u0000${r.event_type ?? 'unknown'}`, f);
    if (r.event_date) add(dayType, `${r.event_date}\u0000${r.event_type ?? 'unknown'}`, f);
    for (const a of new Set([r.actor1, r.actor2])) {
      if (!a) continue;
      add(actor, a, f);
      add(monthActor, `${m}\u0000${a}`, f);
    }
  }
  const topActors = new Set(
    [...actor]
      .sort((a, b) => b[1].incidents - a[1].incidents || b[1].fatalities - a[1].fatalities)
      .slice(0, 8)
      .map(([k]) => k),
  );
  const pair = <A extends string, B extends string>(m: Map<string, Agg>, a: A, b: B) =>
    [...m].map(([k, v]) => {
      const [x, y] = k.split('\u0000') as [string, string];
      return { [a]: x, [b]: y, ...v } as Record<A | B, string> & Agg;
    });
  const list = <T>(m: Map<string, Agg>, key: (k: string) => T) => [...m].map(([k, v]) => ({ ...key(k), ...v }));
  return {
    total: { incidents: rows.length, fatalities },
    by_month: list(month, (k) => ({ month: k })).sort((a, b) => a.month.localeCompare(b.month)),
    // Days only for a short span (a timeline of a few weeks); months otherwise.
    by_day: day.size <= 400 ? list(day, (k) => ({ day: k })).sort((a, b) => a.day.localeCompare(b.day)) : null,
    by_month_admin1: list(monthAdmin, (k) => {
      const [month, country, admin1] = k.split('\u0000') as [string, string, string];
      return { month, country, admin1 };
    }),
    by_admin1: list(admin, (k) => ({ country: k.split('\u0000')[0]!, admin1: k.split('\u0000')[1]! })).sort((a, b) => b.fatalities - a.fatalities || b.incidents - a.incidents),
    by_type: list(type, (k) => ({ event_type: k })).sort((a, b) => b.incidents - a.incidents),
    by_actor: list(actor, (k) => ({ actor: k }))
      .sort((a, b) => b.incidents - a.incidents || b.fatalities - a.fatalities)
      .slice(0, 25),
    // The timeline stacks by type; the stats page draws trends by type and by the leading actors.
    by_month_type: pair(monthType, 'month', 'event_type').sort((a, b) => a.month.localeCompare(b.month)),
    by_day_type: dayType.size <= 400 * 6 && day.size <= 400 ? pair(dayType, 'day', 'event_type').sort((a, b) => a.day.localeCompare(b.day)) : null,
    by_month_actor: pair(monthActor, 'month', 'actor')
      .filter((x) => topActors.has(x.actor))
      .sort((a, b) => a.month.localeCompare(b.month)),
  };
}

async function sourcesOf(desk: Desk, extIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < extIds.length; i += 500) {
    const rows = await desk.store.db.selectFrom('articles').select(['ext_id', 'source']).where('ext_id', 'in', extIds.slice(i, i + 500)).execute();
    for (const r of rows) if (r.source) out.set(r.ext_id, r.source);
  }
  return out;
}

/**
 * Articles by the id their input gave them, with their text and extras (quotes, claims, people,
 * organisations); with `reports`, also the incidents each one reports as extracted, each field
 * with its evidence, and the fused incident it went into.
 */
async function articlesByExtId(desk: Desk, extIds: string[], reports = false) {
  if (extIds.length === 0) return [];
  const rows = await desk.store.db
    .selectFrom('articles')
    .select(['id', 'ext_id', 'title', 'source', 'url', 'published', 'text', 'extras', 'status', 'error', 'duplicate_of'])
    .where('ext_id', 'in', extIds)
    .orderBy('id')
    .execute();
  const seen = new Set<string>();
  const out = [];
  for (const r of rows) {
    if (seen.has(r.ext_id)) continue;
    seen.add(r.ext_id);
    const extras = r.extras ? (JSON.parse(r.extras) as Record<string, unknown>) : {};
    const base = {
      id: r.ext_id,
      title: r.title,
      source: r.source,
      url: r.url,
      published: r.published,
      status: r.status,
      error: r.error,
      text: r.text,
      quotes: (extras.quotes as unknown[]) ?? [],
      claims: (extras.claims as unknown[]) ?? [],
      people: (extras.people as unknown[]) ?? [],
      organisations: (extras.organisations as unknown[]) ?? [],
    };
    if (!reports) {
      out.push(base);
      continue;
    }
    const reps = await desk.store.db
      .selectFrom('reports as r')
      .leftJoin('incident_reports as ir', 'ir.report_id', 'r.id')
      .select(['r.idx', 'r.data', 'ir.incident_id'])
      .where('r.article_id', '=', r.id)
      .orderBy('r.idx')
      .execute();
    out.push({
      ...base,
      reports: reps.map((x) => {
        const inc = JSON.parse(x.data) as Record<string, unknown> & { evidence: unknown[] };
        const fields: Record<string, { value: unknown; evidence: unknown[]; rule: string; derived?: boolean }> = {};
        for (const f of INCIDENT_FIELDS) {
          const v = inc[f] as { value: unknown; evidence: unknown[]; rule: string; derived?: boolean } | null;
          if (v) fields[f] = { value: v.value, evidence: v.evidence, rule: v.rule, ...(v.derived ? { derived: true } : {}) };
        }
        const fused = x.incident_id ? (desk.index.get(x.incident_id)?.merged_into ?? x.incident_id) : null;
        return { idx: Number(x.idx), incident: fused, background: inc.background, evidence: inc.evidence, disputed: inc.disputed ?? null, fields };
      }),
    });
  }
  return out;
}
