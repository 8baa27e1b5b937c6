/**
 * sitrep as an MCP server (Model Context Protocol, @modelcontextprotocol/sdk), so an analyst's AI
 * assistant asks the incident database instead of guessing. Tools:
 *
 *   search_incidents  the API's filters → the same incidents as GET /api/incidents, each with its
 *                     sources (URLs) and the sentences that report it
 *   get_incident      one incident: every field with its rule and evidence quotes, its sources
 *   stats             counts and fatalities by month, province, type and actor (GET /api/stats)
 *   extract           run sitrep on a text without storing it
 *   ingest_article    store an article and fuse it (analyst role only)
 *
 * Every answer carries incident ids, source URLs and evidence quotes with their offsets, so an
 * assistant can cite. The answers are computed by the code paths of the HTTP API (the desk's list
 * index, its filter, its stats), so both say the same. Transports: stdio (`sitrep mcp`) and
 * Streamable HTTP on the API server (`sitrep serve --mcp`, POST /mcp behind the same tokens).
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { INCIDENT_FIELDS } from '../core/report.js';
import { EventType, SubEventType, type Article } from '../core/types.js';
import { MAX_ARTICLE_CHARS } from '../ingest/limits.js';
import { RANK, type Role } from '../api/auth.js';
import { toFilter, type FilterQuery } from '../api/filters.js';
import { ingestArticle } from '../api/ingest-article.js';
import type { ListIndex } from '../api/list-index.js';
import { publicRow, stats } from '../api/routes.js';
import { VERSION } from '../run.js';
import type { IncidentView } from '../store/overlay.js';
import type { Store } from '../store/store.js';

export interface McpContext {
  store: Store;
  index: ListIndex;
  /** The caller's role: a viewer reads, an analyst may also ingest. */
  role: Role;
  /** The desk's address, for links to incident pages (none: no links). */
  publicUrl?: string | null;
}

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('YYYY-MM-DD');
const list = (what: string) => z.string().max(1000).optional().describe(`${what}, comma-separated (any of them)`);

/** The API's filter (src/api/filters.ts), as the tools take it. */
const filterShape = {
  from: date.optional().describe('first event date, YYYY-MM-DD (inclusive)'),
  to: date.optional().describe('last event date, YYYY-MM-DD (inclusive)'),
  country: list('country names (case-free)'),
  admin1: list('admin1 names (provinces, states)'),
  event_type: list(`ACLED event types: ${EventType.options.join(', ')}`),
  sub_event_type: list(`ACLED sub-event types: ${SubEventType.options.join(', ')}`),
  actor: z.string().max(200).optional().describe("part of an actor's name (either side)"),
  q: z.string().max(500).optional().describe('words the articles reporting the incident must all contain'),
  bbox: z
    .string()
    .regex(/^-?\d+(\.\d+)?,-?\d+(\.\d+)?,-?\d+(\.\d+)?,-?\d+(\.\d+)?$/)
    .optional()
    .describe('minLon,minLat,maxLon,maxLat'),
  disputed: z.boolean().optional().describe('only incidents whose sources give different accounts (true) or only the others (false)'),
  status: list('review states: new, reviewed, rejected, merged, orphaned (default: all but merged and orphaned)'),
  min_fatalities: z.number().int().min(0).optional().describe('at least this many killed'),
};

type Json = Record<string, unknown>;

function answer(data: Json) {
  return { content: [{ type: 'text' as const, text: JSON.stringify(data, null, 1) }], structuredContent: data };
}

function refuse(message: string) {
  return { content: [{ type: 'text' as const, text: message }], isError: true };
}

export function buildMcpServer(ctx: McpContext): McpServer {
  const { store, index } = ctx;
  const server = new McpServer({ name: 'sitrep', version: VERSION }, { instructions: 'Conflict incidents coded from news, ACLED-style, with evidence. Cite incident ids, source URLs and the evidence quotes the tools give.' });
  const mergedInto = (id: string) => index.get(id)?.merged_into ?? null;
  const link = (id: string) => (ctx.publicUrl ? `${ctx.publicUrl.replace(/\/+$/, '')}/#/incident/${encodeURIComponent(id)}` : null);

  server.registerTool(
    'search_incidents',
    {
      title: 'Search incidents',
      description: 'Incidents matching filters (newest first), the same as the desk and GET /api/incidents, each with its source articles (URL, outlet, title) and the sentences that report it.',
      inputSchema: {
        ...filterShape,
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(100).default(20),
        sort: z.enum(['date_desc', 'date_asc', 'fatalities_desc']).default('date_desc'),
      },
      annotations: { readOnlyHint: true },
    },
    async (args) => {
      const q = args as FilterQuery & { offset: number; limit: number };
      const page = index.page(await toFilter(store, q, mergedInto, index.stamp), q.sort ?? 'date_desc', q.offset, q.limit);
      const views = await viewsOf(store, page.rows.map((r) => r.id));
      const sources = await sourcesOf(store, [...new Set([...views.values()].flatMap((v) => v.articles))]);
      const items = page.rows.map((r) => {
        const v = views.get(r.id);
        return {
          ...publicRow(r),
          fatalities_low: v?.fatalities_low ?? null,
          fatalities_high: v?.fatalities_high ?? null,
          link: link(r.id),
          sources: (v?.articles ?? []).map((a) => sources.get(a) ?? { article: a }),
          evidence: (v?.evidence ?? []).slice(0, 3),
        };
      });
      return answer({ total: page.total, offset: q.offset, limit: q.limit, items });
    },
  );

  server.registerTool(
    'get_incident',
    {
      title: 'One incident',
      description: 'One incident by id: every field with the rule that set it and its evidence (quotes with character offsets into the article), the source articles, disputed accounts and the review history.',
      inputSchema: { id: z.string().min(1).max(500).describe('an incident id, as search_incidents gives it') },
      annotations: { readOnlyHint: true },
    },
    async ({ id }) => {
      const v = await store.incident(id);
      if (!v) return refuse(`no incident ${id}`);
      const sources = await sourcesOf(store, v.articles);
      const fields: Json = {};
      for (const f of INCIDENT_FIELDS) {
        const value = v[f];
        if (value === null || value === undefined) continue;
        const tr = v.trace[f];
        fields[f] = { value, ...(tr ? { rule: tr.rule, evidence: tr.evidence, ...(tr.derived ? { derived: true } : {}) } : {}), ...(v.edited[f] ? { edited_by: v.edited[f].author } : {}) };
      }
      return answer({
        id: v.id,
        status: v.status,
        merged_into: v.merged_into,
        link: link(v.id),
        confidence: v.confidence ?? null,
        fields,
        evidence: v.evidence,
        sources: v.articles.map((a) => sources.get(a) ?? { article: a }),
        source_figures: v.sources,
        disputed: v.disputed ?? null,
        history: v.edits,
      });
    },
  );

  server.registerTool(
    'stats',
    {
      title: 'Statistics',
      description: 'Incident counts and fatalities by month, by province (admin1), by event type and by actor (top 25), for the incidents matching the filters (GET /api/stats).',
      inputSchema: filterShape,
      annotations: { readOnlyHint: true },
    },
    async (args) => answer(stats(index.filter(await toFilter(store, args as FilterQuery, mergedInto, index.stamp), 'date_desc')) as unknown as Json),
  );

  server.registerTool(
    'extract',
    {
      title: 'Extract from a text',
      description: 'Run sitrep on a news text without storing it: the incidents it reports (ACLED fields), each field with its rule and evidence offsets into the text, and the quotes and numeric claims with their sources.',
      inputSchema: {
        text: z.string().min(1).max(MAX_ARTICLE_CHARS),
        published: date.optional().describe('publication date, to resolve "on Tuesday"'),
        title: z.string().max(2000).optional(),
        source: z.string().max(500).optional().describe('the outlet'),
      },
      annotations: { readOnlyHint: true },
    },
    async (a) => {
      const { extractArticle } = await import('../pipeline.js');
      const { toReportIncident } = await import('../core/report.js');
      const article: Article = { id: 'text', text: a.text, ...(a.published ? { published: a.published } : {}), ...(a.title ? { title: a.title } : {}), ...(a.source ? { source: a.source } : {}) };
      const r = extractArticle(article);
      return answer({ incidents: r.incidents.map(toReportIncident), quotes: r.quotes, claims: r.claims });
    },
  );

  server.registerTool(
    'ingest_article',
    {
      title: 'Ingest an article',
      description: 'Store a news article and fuse its incidents with those already known (the analyst role only). Returns the article id, whether it was new, and the incident ids it reports.',
      inputSchema: {
        text: z.string().min(1).max(MAX_ARTICLE_CHARS),
        id: z.string().min(1).max(500).optional(),
        url: z.string().max(2000).optional(),
        source: z.string().max(500).optional(),
        title: z.string().max(2000).optional(),
        published: z.string().regex(/^\d{4}-\d{2}-\d{2}/).optional(),
      },
    },
    async (a) => {
      if (RANK[ctx.role] < RANK.analyst) return refuse(`ingest_article needs the role analyst; this connection's role is ${ctx.role}`);
      try {
        const r = await ingestArticle({ store, index }, a, 'MCP ingest_article');
        return answer({ ...r, links: r.incidents.map(link) });
      } catch (e) {
        if ((e as Error).name === 'BadRequest') return refuse((e as Error).message);
        throw e;
      }
    },
  );

  return server;
}

async function viewsOf(store: Store, ids: string[]): Promise<Map<string, IncidentView>> {
  const out = new Map<string, IncidentView>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await store.db.selectFrom('incidents').select(['id', 'view']).where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.id, JSON.parse(r.view) as IncidentView);
  }
  return out;
}

async function sourcesOf(store: Store, extIds: string[]): Promise<Map<string, { article: string; url: string | null; source: string | null; title: string | null; published: string | null }>> {
  const out = new Map<string, { article: string; url: string | null; source: string | null; title: string | null; published: string | null }>();
  for (let i = 0; i < extIds.length; i += 500) {
    const rows = await store.db.selectFrom('articles').select(['ext_id', 'url', 'source', 'title', 'published']).where('ext_id', 'in', extIds.slice(i, i + 500)).orderBy('id').execute();
    for (const r of rows) if (!out.has(r.ext_id)) out.set(r.ext_id, { article: r.ext_id, url: r.url, source: r.source, title: r.title, published: r.published });
  }
  return out;
}
