/**
 * One article in, through the extractor, the store and fusion: what `POST /api/articles` and the
 * MCP tool `ingest_article` both do. The incidents it reports come back as fused ids (an incident
 * merged into another counts as that one). Firing alert rules happens inside the store's fusion.
 */
import type { Article } from '../core/types.js';
import { identify } from '../ingest/dedupe.js';
import { checkText } from '../ingest/read.js';
import { BadRequest } from './filters.js';
import type { Desk } from './server.js';
import type { ExtractPool } from '../run/pool.js';

export interface IngestedArticle {
  article: string;
  status: 'inserted' | 'updated' | 'unchanged';
  incidents: string[];
}

/**
 * `pool`: the server's extraction pool (worker threads under a time budget), so that the thread
 * that answers requests keeps answering while a long article is read; without one, extraction
 * runs here.
 */
export async function ingestArticle(
  desk: Pick<Desk, 'store' | 'index'>,
  b: Omit<Article, 'id'> & { id?: string },
  file = 'POST /api/articles',
  pool?: ExtractPool | null,
  onFailure?: (why: string) => void,
): Promise<IngestedArticle> {
  const { store, index } = desk;
  const ids0 = identify(b);
  const article: Article = { ...b, id: b.id ?? `api-${ids0.content_hash.slice(0, 12)}` };
  const bad = checkText(article.id, article.text);
  if (bad) throw new BadRequest(bad.message);
  const ids = identify(article);
  const known = await store.knownIdentities([ids.identity]);
  // The extractor (and its language model) loads on the first ingest, not with the server.
  const { preparePooled } = await import('../store/ingest-run.js');
  let status: IngestedArticle['status'] = 'unchanged';
  if (known.get(ids.identity) !== ids.content_hash) {
    const prepared = await preparePooled(pool ?? undefined, article, ids, { file });
    if ('error' in prepared.outcome) onFailure?.(prepared.outcome.error);
    const r = await store.saveBatch([prepared]);
    status = r.inserted ? 'inserted' : r.updated ? 'updated' : 'unchanged';
    await store.fuseDirty();
    await index.fresh(true);
  }
  const row = await store.db.selectFrom('articles').select(['id', 'ext_id']).where('identity', '=', ids.identity).executeTakeFirst();
  const incidents = row ? await incidentsOfArticle(desk, Number(row.id)) : [];
  return { article: row?.ext_id ?? article.id, status, incidents };
}

async function incidentsOfArticle(desk: Pick<Desk, 'store' | 'index'>, articleRowId: number): Promise<string[]> {
  const rows = await desk.store.db
    .selectFrom('incident_reports as ir')
    .innerJoin('reports as r', 'r.id', 'ir.report_id')
    .select('ir.incident_id')
    .distinct()
    .where('r.article_id', '=', articleRowId)
    .execute();
  return rows.map((r) => desk.index.get(r.incident_id)?.merged_into ?? r.incident_id);
}
