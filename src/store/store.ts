/**
 * The incident database: articles stored once, the incidents each article reports, the fused
 * incidents, and the analysts' edits as overlays. One class over Kysely; what differs between
 * SQLite and PostgreSQL lives in ./dialects.
 *
 * Every write that must be all-or-nothing (a batch of articles with their reports; the fusion
 * of a block) is one transaction, so a process killed at any moment leaves either the whole
 * batch or none of it, and running the same command again finishes the work.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { toReportIncident, type ReportIncident } from '../core/report.js';
import type { Article, Claim, Incident, Organisation, Person, Quote } from '../core/types.js';
import { bands, hexToSignature, NEAR_DUPLICATE, similarity } from '../ingest/dedupe.js';
import { cluster, fuseValues, type FusedIncident, type FusionReport } from '../fuse/fuse.js';
import { blockOfReport, incidentId, isNote, reportKey } from '../fuse/articles.js';
import { wordWeights } from '../fuse/compatible.js';
import { pairReasons, pairScore } from '../fuse/score.js';
import { applyEdits, replayStructure, type EditRow, type IncidentView } from './overlay.js';
import type { DialectName, DialectSpec } from './dialects/dialect.js';
import { migrate } from './migrations.js';
import { recordAlerts } from '../alerts/record.js';
import type { DB } from './schema.js';
import { createHash, randomUUID } from 'node:crypto';
import type { Wire } from '../run/extract-task.js';

type Q = Kysely<DB> | Transaction<DB>;

export interface ArticleExtras {
  quotes: Quote[];
  claims: Claim[];
  people: Person[];
  organisations: Organisation[];
}

/** An article ready to be stored: identified, hashed, extracted (or failed). */
export interface PreparedArticle {
  article: Article;
  identity: string;
  canonical_url: string | null;
  content_hash: string;
  minhash: string | null;
  version: string;
  outcome: { incidents: Incident[]; extras: ArticleExtras } | { error: string };
  /**
   * The outcome serialised by the extraction thread (the pool's): when present, the reports'
   * blocks and JSON and the extras' JSON are stored as they are, and `outcome` is not read.
   */
  wire?: Wire;
  file?: string;
  line?: number;
}

export interface ProblemInput {
  file: string;
  line?: number;
  article?: string;
  message: string;
}

export interface SaveResult {
  inserted: number;
  updated: number;
  unchanged: number;
  failed: number;
  duplicates: number;
  reports: number;
}

export interface IncidentFilter {
  country?: string;
  admin1?: string;
  eventType?: string;
  subEventType?: string;
  from?: string;
  to?: string;
  status?: string;
  actor?: string;
  /** Full-text search over the articles: incidents reported by matching articles. */
  search?: string;
  article?: string;
  minFatalities?: number;
  limit?: number;
  /** Include merged (folded into another) and orphaned incidents. */
  all?: boolean;
}

export interface EditInput {
  incident: string;
  author: string;
  action: 'set' | 'clear' | 'merge' | 'split' | 'review' | 'reject' | 'reopen';
  field?: string;
  value?: unknown;
  /** merge: the incident folded into this one. */
  other?: string;
  /** split: the ids of the articles whose reports leave this incident. */
  articles?: string[];
  note?: string;
  /** For tests and imports; defaults to now. */
  at?: string;
}

const now = () => new Date().toISOString();

/** Reports' block: reports in different countries never fuse, so fusion works country by country. */
export function blockOf(inc: Incident): string {
  return blockOfReport({ country: inc.country?.value ?? null });
}

export class Store {
  readonly db: Kysely<DB>;
  readonly dialect: DialectName;
  /** MinHash signatures of stored articles, by id (an article's text never changes under its id but for an update, which drops it here). */
  private readonly sigCache = new Map<number, { sig: Uint32Array; root: number; identity: string }>();
  /**
   * Called after a write that fired alert rules has committed (the dispatcher sends them at once;
   * other processes find them on their next look).
   */
  readonly alertListeners = new Set<() => void>();
  private alertsPending = false;

  constructor(readonly spec: DialectSpec) {
    this.db = spec.db;
    this.dialect = spec.name;
  }

  async init(): Promise<void> {
    await migrate(this.spec);
  }

  async close(): Promise<void> {
    await this.spec.close();
  }

  // --- articles ------------------------------------------------------------------------------

  /** The stored identity → content hash, for the identities given (to skip what is stored). */
  async knownIdentities(identities: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const chunk of chunks([...new Set(identities)], 500)) {
      const rows = await this.db.selectFrom('articles').select(['identity', 'content_hash']).where('identity', 'in', chunk).execute();
      for (const r of rows) out.set(r.identity, r.content_hash);
    }
    return out;
  }

  /**
   * Store a batch of articles with their reports, in one transaction. An identity already stored
   * with the same content is left alone; with new content (an updated page) it is replaced and its
   * reports re-made. Near-duplicates are linked to the article they copy.
   */
  async saveBatch(items: PreparedArticle[], problems: ProblemInput[] = []): Promise<SaveResult> {
    const given = problems.length;
    return retrying(async () => {
      problems.length = given;
      return this.saveBatchOnce(items, problems);
    });
  }

  private async saveBatchOnce(items: PreparedArticle[], problems: ProblemInput[]): Promise<SaveResult> {
    const res: SaveResult = { inserted: 0, updated: 0, unchanged: 0, failed: 0, duplicates: 0, reports: 0 };
    await this.db.transaction().execute(async (trx) => {
      const existing = new Map<string, { id: number; content_hash: string }>();
      for (const chunk of chunks([...new Set(items.map((i) => i.identity))], 500)) {
        const rows = await trx.selectFrom('articles').select(['id', 'identity', 'content_hash']).where('identity', 'in', chunk).execute();
        for (const r of rows) existing.set(r.identity, { id: Number(r.id), content_hash: r.content_hash });
      }
      // Two workers storing copies of one wire story at once must see each other: the bands of
      // this batch are locked until it commits, so a batch sharing a band waits and then finds
      // this one's articles among its candidates.
      await lockKeys(trx, this.dialect, BAND_LOCK_CLASS, items.flatMap((i) => (i.minhash ? bands(hexToSignature(i.minhash)) : [])), 'exclusive');
      const near = await this.nearDuplicates(trx, items);
      const dirty = new Set<string>();
      const seen = new Set<string>();
      const t = now();
      // New articles are written in a few multi-row statements: one per article would cost more
      // than the extraction of a short text.
      const fresh: Array<{ it: PreparedArticle; row: ReturnType<typeof articleRow> }> = [];
      const idOf = new Map<string, number>();
      for (const it of items) {
        const old = existing.get(it.identity);
        if ((old && old.content_hash === it.content_hash) || seen.has(it.identity)) {
          res.unchanged++;
          continue;
        }
        seen.add(it.identity);
        const dup = near.get(it.identity) ?? null;
        const row = articleRow(it, dup && dup.id !== null && dup.id !== old?.id ? dup.id : null, dup ? dup.sim : null, t);
        if (old) {
          // An updated page: the old reports go, and their blocks must be fused again.
          const blocks = await trx.selectFrom('reports').select('block').distinct().where('article_id', '=', old.id).execute();
          for (const b of blocks) dirty.add(b.block);
          // No fusion of these blocks may be between reading their reports and linking them.
          await lockBlocks(trx, this.dialect, blocks.map((b) => b.block), 'shared');
          await trx.deleteFrom('reports').where('article_id', '=', old.id).execute();
          await trx.deleteFrom('article_bands').where('article_id', '=', old.id).execute();
          await trx.updateTable('articles').set(row).where('id', '=', old.id).execute();
          this.sigCache.delete(old.id);
          idOf.set(it.identity, old.id);
          res.updated++;
        } else {
          fresh.push({ it, row });
          res.inserted++;
        }
      }
      for (const chunk of chunks(fresh, 50)) {
        const rows = await trx.insertInto('articles').values(chunk.map((f) => f.row)).returning(['id', 'identity']).execute();
        for (const r of rows) idOf.set(r.identity, Number(r.id));
      }
      const bandRows: Array<{ band: string; article_id: number }> = [];
      const reportRows: Array<{ article_id: number; idx: number; key: string; block: string; data: string }> = [];
      for (const it of items) {
        const id = idOf.get(it.identity);
        if (id === undefined || !seen.has(it.identity)) continue;
        seen.delete(it.identity);
        const dup = near.get(it.identity);
        if (dup) {
          // A copy of an article earlier in this batch: its id is known only now.
          const of = dup.id ?? (dup.identity ? idOf.get(dup.identity) : undefined) ?? null;
          if (of !== null && of !== id) {
            if (dup.id === null) await trx.updateTable('articles').set({ duplicate_of: of }).where('id', '=', id).execute();
            res.duplicates++;
          }
        }
        if (it.minhash) for (const band of bands(hexToSignature(it.minhash))) bandRows.push({ band, article_id: id });
        if ('error' in it.outcome) {
          res.failed++;
          problems.push({ file: it.file ?? it.article.id, ...(it.line ? { line: it.line } : {}), article: it.article.id, message: `extraction failed: ${it.outcome.error}` });
          continue;
        }
        reportsOf(it).forEach(({ block, data }, idx) => {
          dirty.add(block);
          reportRows.push({ article_id: id, idx, key: reportKey(it.content_hash, it.identity, idx), block, data });
        });
      }
      for (const chunk of chunks(bandRows, 500)) await trx.insertInto('article_bands').values(chunk).execute();
      for (const chunk of chunks(reportRows, 100)) await trx.insertInto('reports').values(chunk).execute();
      res.reports += reportRows.length;
      await this.addProblems(trx, problems);
      await markDirty(trx, dirty);
    });
    return res;
  }

  /** For each item, the stored (or earlier in the batch) article it nearly duplicates, if any. */
  private async nearDuplicates(trx: Q, items: PreparedArticle[]): Promise<Map<string, { id: number | null; identity?: string; sim: number }>> {
    const out = new Map<string, { id: number | null; identity?: string; sim: number }>();
    const withSig = items.filter((i) => i.minhash);
    const bandsOf = new Map(withSig.map((i) => [i.identity, bands(hexToSignature(i.minhash!))]));
    const allBands = [...new Set([...bandsOf.values()].flat())];
    const candIds = new Set<number>();
    const byBand = new Map<string, number[]>();
    for (const chunk of chunks(allBands, 1000)) {
      const rows = await trx.selectFrom('article_bands').select(['band', 'article_id']).where('band', 'in', chunk).execute();
      for (const r of rows) {
        candIds.add(Number(r.article_id));
        const l = byBand.get(r.band) ?? [];
        l.push(Number(r.article_id));
        byBand.set(r.band, l);
      }
    }
    const sigs = this.sigCache;
    for (const chunk of chunks([...candIds].filter((id) => !sigs.has(id)), 500)) {
      const rows = await trx.selectFrom('articles').select(['id', 'minhash', 'duplicate_of', 'identity']).where('id', 'in', chunk).execute();
      // Templated texts (wire formats, ACLED-style notes) share bands with many others: each
      // candidate's signature is read and decoded once per process.
      if (sigs.size > 200_000) sigs.clear();
      for (const r of rows) if (r.minhash) sigs.set(Number(r.id), { sig: hexToSignature(r.minhash), root: Number(r.duplicate_of ?? r.id), identity: r.identity });
    }
    // Articles of this batch with no match so far, and for each band the ones that have it (in
    // batch order), so an article is compared with those that share a band, not with all.
    const earlier: Array<{ identity: string; sig: Uint32Array }> = [];
    const earlierByBand = new Map<string, number[]>();
    for (const it of withSig) {
      const sig = hexToSignature(it.minhash!);
      const bs = bandsOf.get(it.identity)!;
      let best: { id: number | null; identity?: string; sim: number } | null = null;
      const seen = new Set<number>();
      for (const b of bs) {
        for (const cid of byBand.get(b) ?? []) {
          if (seen.has(cid)) continue;
          seen.add(cid);
          const c = sigs.get(cid);
          if (!c || c.identity === it.identity) continue;
          const s = similarity(sig, c.sig);
          if (s >= NEAR_DUPLICATE && (!best || s > best.sim)) best = { id: c.root, sim: s };
        }
      }
      if (!best) {
        const near = new Set<number>();
        for (const b of bs) for (const i of earlierByBand.get(b) ?? []) near.add(i);
        for (const i of [...near].sort((x, y) => x - y)) {
          const e = earlier[i]!;
          if (e.identity === it.identity) continue;
          const s = similarity(sig, e.sig);
          if (s >= NEAR_DUPLICATE && (!best || s > best.sim)) best = { id: null, identity: e.identity, sim: s };
        }
      }
      if (best) out.set(it.identity, best);
      else {
        for (const b of bs) {
          const l = earlierByBand.get(b);
          if (l) l.push(earlier.length);
          else earlierByBand.set(b, [earlier.length]);
        }
        earlier.push({ identity: it.identity, sig });
      }
    }
    return out;
  }

  private async addProblems(trx: Q, problems: ProblemInput[]): Promise<void> {
    for (const p of problems) {
      // The same bad line seen again on a second run is one problem, not two.
      let q = trx.selectFrom('problems').select('id').where('file', '=', p.file).where('message', '=', p.message);
      q = p.line ? q.where('line', '=', p.line) : q.where('line', 'is', null);
      if (await q.executeTakeFirst()) continue;
      await trx.insertInto('problems').values({ at: now(), file: p.file, line: p.line ?? null, article: p.article ?? null, message: p.message }).execute();
    }
  }

  async recordProblems(problems: ProblemInput[]): Promise<void> {
    if (problems.length) await this.db.transaction().execute((trx) => this.addProblems(trx, problems));
  }

  /** Articles to extract again: those of another extractor version (or all), in id order. */
  async *articlesForReprocess(version: string, all: boolean, batch = 200): AsyncGenerator<Array<{ id: number; content_hash: string; article: Article }>> {
    let after = 0;
    for (;;) {
      let q = this.db
        .selectFrom('articles')
        .select(['id', 'ext_id', 'url', 'title', 'source', 'published', 'text', 'content_hash'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(batch);
      if (!all) q = q.where((eb) => eb.or([eb('extracted_version', 'is', null), eb('extracted_version', '!=', version), eb('status', '=', 'failed')]));
      const rows = await q.execute();
      if (rows.length === 0) return;
      after = Number(rows[rows.length - 1]!.id);
      yield rows.map((r) => ({
        id: Number(r.id),
        content_hash: r.content_hash,
        article: {
          id: r.ext_id,
          text: r.text,
          ...(r.url ? { url: r.url } : {}),
          ...(r.title ? { title: r.title } : {}),
          ...(r.source ? { source: r.source } : {}),
          ...(r.published ? { published: r.published } : {}),
        },
      }));
    }
  }

  /** Replace the reports of stored articles with a new extraction (analysts' edits are untouched). */
  async replaceReports(items: Array<{ id: number; content_hash: string; version: string; outcome: PreparedArticle['outcome']; wire?: Wire }>): Promise<number> {
    let n = 0;
    await this.db.transaction().execute(async (trx) => {
      const dirty = new Set<string>();
      for (const it of items) {
        const blocks = await trx.selectFrom('reports').select('block').distinct().where('article_id', '=', it.id).execute();
        for (const b of blocks) dirty.add(b.block);
        // No fusion of these blocks may be between reading their reports and linking them.
        await lockBlocks(trx, this.dialect, blocks.map((b) => b.block), 'shared');
        await trx.deleteFrom('reports').where('article_id', '=', it.id).execute();
        const failed = 'error' in it.outcome;
        await trx
          .updateTable('articles')
          .set({
            extracted_version: it.version,
            status: failed ? 'failed' : 'ok',
            error: 'error' in it.outcome ? it.outcome.error : null,
            extras: it.wire ? (it.wire.extras ?? null) : 'error' in it.outcome ? null : JSON.stringify(it.outcome.extras),
          })
          .where('id', '=', it.id)
          .execute();
        if ('error' in it.outcome) continue;
        const { identity } = await trx.selectFrom('articles').select('identity').where('id', '=', it.id).executeTakeFirstOrThrow();
        const reports = reportsOf(it).map(({ block, data }, idx) => {
          dirty.add(block);
          return { article_id: it.id, idx, key: reportKey(it.content_hash, identity, idx), block, data };
        });
        for (const chunk of chunks(reports, 200)) await trx.insertInto('reports').values(chunk).execute();
        n += reports.length;
      }
      await markDirty(trx, dirty);
    });
    return n;
  }

  // --- fusion --------------------------------------------------------------------------------

  /** Fuse every block that has changed since it was last fused. Returns the blocks fused. */
  async fuseDirty(opts: { skipBusy?: boolean } = {}): Promise<{ blocks: number; incidents: number; busy?: number }> {
    const blocks = (await this.db.selectFrom('dirty_blocks').select('block').orderBy('block').execute()).map((r) => r.block);
    let incidents = 0;
    let fused = 0;
    let busy = 0;
    for (const block of blocks) {
      const n = await retrying(() =>
        this.db.transaction().execute(async (trx) => {
          // Never two fusions of one block at once (PostgreSQL: an advisory lock per block). A
          // worker that finds the block busy leaves it to the one fusing it, or to its next round.
          if (!(await lockBlocks(trx, this.dialect, [block], 'exclusive', opts.skipBusy))) return null;
          const mark = await trx.selectFrom('dirty_blocks').select('token').where('block', '=', block).executeTakeFirst();
          if (!mark) return 0; // fused by another process since the list was read
          const n = await this.fuseBlock(trx, block);
          // Reports stored after the token was read set a new one: their mark stays.
          await trx
            .deleteFrom('dirty_blocks')
            .where('block', '=', block)
            .where((eb) => (mark.token === null ? eb('token', 'is', null) : eb('token', '=', mark.token)))
            .execute();
          return n;
        }),
      );
      if (n === null) busy++;
      else {
        fused++;
        incidents += n;
      }
    }
    this.alertsCommitted();
    // `busy`: blocks left to the process fusing them (only when asked to skip those).
    return opts.skipBusy ? { blocks: fused, incidents, busy } : { blocks: fused, incidents };
  }

  private alertsCommitted(): void {
    if (!this.alertsPending) return;
    this.alertsPending = false;
    for (const l of this.alertListeners) l();
  }

  /** Load the reports of a block (or of the given keys) as fusion inputs. */
  private async loadReports(trx: Q, where: { block: string } | { keys: string[] }): Promise<Map<string, FusionReport & { rowId: number }>> {
    const out = new Map<string, FusionReport & { rowId: number }>();
    const base = () =>
      trx
        .selectFrom('reports as r')
        .innerJoin('articles as a', 'a.id', 'r.article_id')
        .select(['r.id as rid', 'r.key', 'r.data', 'a.id as aid', 'a.ext_id', 'a.duplicate_of', 'a.published', 'a.chars']);
    const rowsets = 'block' in where ? [await base().where('r.block', '=', where.block).execute()] : [];
    if ('keys' in where) for (const chunk of chunks(where.keys, 500)) rowsets.push(await base().where('r.key', 'in', chunk).execute());
    for (const rows of rowsets) {
      for (const r of rows) {
        const inc = JSON.parse(r.data) as Incident;
        out.set(r.key, {
          rowId: Number(r.rid),
          key: r.key,
          article: r.ext_id,
          articleKey: String(r.aid),
          dupGroup: String(r.duplicate_of ?? r.aid),
          published: r.published ?? null,
          note: isNote(Number(r.chars)),
          incident: toReportIncident(inc),
        });
      }
    }
    return out;
  }

  private async fuseBlock(trx: Transaction<DB>, block: string): Promise<number> {
    const reports = await this.loadReports(trx, { block });
    const clusters = cluster([...reports.values()]);
    const olds = await trx.selectFrom('incidents').select(['id', 'base']).where('block', '=', block).where('origin', '=', 'fusion').execute();
    // Match the new clusters to the stored incidents by the reports they share, so an incident
    // keeps its id (and its edits) when a new report joins it or the extractor is upgraded.
    const oldOf = new Map<string, string>();
    for (const o of olds) for (const k of (JSON.parse(o.base) as FusedIncident).reports) oldOf.set(k, o.id);
    const pairs: Array<{ old: string; ci: number; n: number; first: string }> = [];
    clusters.forEach((c, ci) => {
      const count = new Map<string, number>();
      for (const r of c) {
        const o = oldOf.get(r.key);
        if (o) count.set(o, (count.get(o) ?? 0) + 1);
      }
      for (const [old, n] of count) pairs.push({ old, ci, n, first: c[0]!.key });
    });
    pairs.sort((a, b) => b.n - a.n || (a.old < b.old ? -1 : a.old > b.old ? 1 : 0) || (a.first < b.first ? -1 : 1));
    const idOf = new Map<number, string>();
    const usedOld = new Set<string>();
    for (const p of pairs) {
      if (idOf.has(p.ci) || usedOld.has(p.old)) continue;
      idOf.set(p.ci, p.old);
      usedOld.add(p.old);
    }
    // Ids from content: an incident whose first report (in canonical order) is no longer the one
    // its id was made from takes the id its reports now give, so that the same articles make the
    // same ids whatever order they came in; the old id stays as an alias. An incident an analyst
    // edited, merged or split keeps its id (the edits are recorded under it).
    const renamed = new Map<string, string>();
    const oldIdSet = new Set(olds.map((o) => o.id));
    const movable = [...idOf.entries()].filter(([ci, old]) => old !== incidentId(clusters[ci]!) && !oldIdSet.has(incidentId(clusters[ci]!)));
    if (movable.length) {
      const olds2 = movable.map(([, old]) => old);
      const edited = new Set<string>();
      for (const chunk of chunks(olds2, 500)) for (const r of await trx.selectFrom('edits').select('incident_id').distinct().where('incident_id', 'in', chunk).execute()) edited.add(r.incident_id);
      // Merges name the other incident in their value.
      for (const r of await trx.selectFrom('edits').select('value').where('action', 'in', ['merge', 'split']).execute()) {
        const v = r.value ? (JSON.parse(r.value) as { other?: string }) : {};
        if (v.other) edited.add(v.other);
      }
      const wantedIds = movable.map(([ci]) => incidentId(clusters[ci]!));
      const inUse = new Set<string>();
      for (const chunk of chunks(wantedIds, 500)) for (const r of await trx.selectFrom('incidents').select('id').where('id', 'in', chunk).execute()) inUse.add(r.id);
      for (const [ci, old] of movable) {
        const want = incidentId(clusters[ci]!);
        if (edited.has(old) || inUse.has(want)) continue;
        idOf.set(ci, want);
        renamed.set(old, want);
        inUse.add(want);
      }
    }
    // New incidents get an id made from their first report's key: the same content gives the same id.
    const fresh = clusters.map((c, ci) => ({ c, ci })).filter(({ ci }) => !idOf.has(ci));
    const wanted = fresh.map(({ c }) => incidentId(c));
    const taken = new Set<string>();
    for (const chunk of chunks(wanted, 500)) {
      for (const r of await trx.selectFrom('incidents').select('id').where('id', 'in', chunk).execute()) taken.add(r.id);
    }
    fresh.forEach(({ ci }, i) => {
      let id = wanted[i]!;
      for (let n = 2; taken.has(id); n++) id = `${wanted[i]}-${n}`;
      taken.add(id);
      idOf.set(ci, id);
    });

    const t = now();
    const ids = new Set<string>();
    const oldIds = new Set(olds.map((o) => o.id));
    const oldBase = new Map(olds.map((o) => [o.id, o.base]));
    await trx.deleteFrom('incident_reports').where('incident_id', 'in', trx.selectFrom('incidents').select('id').where('block', '=', block)).execute();
    const known = new Map<string, FusedIncident>();
    const created = new Set<string>();
    for (const [ci, c] of clusters.entries()) {
      const id = idOf.get(ci)!;
      ids.add(id);
      const fused = fuseValues(c);
      known.set(id, fused);
      if (oldIds.has(id)) {
        const base = JSON.stringify(fused);
        if (oldBase.get(id) !== base) await trx.updateTable('incidents').set({ base, updated_at: t }).where('id', '=', id).execute();
      } else created.add(id);
    }
    // Stored incidents that no report supports any more: gone, unless an analyst edited them
    // (then they stay, empty, so the edit is never lost).
    const gone = olds.map((o) => o.id).filter((id) => !ids.has(id));
    if (gone.length) {
      const edited = new Set((await trx.selectFrom('edits').select('incident_id').distinct().where('incident_id', 'in', gone).execute()).map((r) => r.incident_id));
      for (const id of gone) {
        if (edited.has(id)) {
          const b = { ...(JSON.parse(oldBase.get(id)!) as FusedIncident), reports: [], articles: [], sources: [] };
          await trx.updateTable('incidents').set({ base: JSON.stringify(b), updated_at: t }).where('id', '=', id).execute();
          known.set(id, b);
          ids.add(id);
        } else {
          await trx.deleteFrom('incidents').where('id', '=', id).execute();
        }
      }
    }
    if (renamed.size) {
      const at = now();
      for (const [old, to] of renamed) {
        // Links to any earlier name of the incident follow it too.
        await trx.updateTable('incident_aliases').set({ new_id: to }).where('new_id', '=', old).execute();
        await trx.deleteFrom('incident_aliases').where('old_id', '=', to).execute();
        // The alerts fired on the incident go with it, so a later change is an update, not new.
        await trx.updateTable('alert_events').set({ incident_id: to }).where('incident_id', '=', old).execute();
      }
      for (const chunk of chunks([...renamed].map(([old_id, new_id]) => ({ old_id, new_id, at })), 200)) await trx.insertInto('incident_aliases').values(chunk).execute();
    }
    // Split-born incidents of this block take reports from their source: refresh them too.
    for (const r of await trx.selectFrom('incidents').select('id').where('block', '=', block).where('origin', '=', 'split').execute()) ids.add(r.id);
    await this.refreshViews(trx, ids, reports, known, { block, created });
    const links = clusters.flatMap((c, ci) => c.map((r) => ({ incident_id: idOf.get(ci)!, report_id: reports.get(r.key)!.rowId })));
    for (const chunk of chunks(links, 500)) await trx.insertInto('incident_reports').values(chunk).execute();
    return clusters.length;
  }

  /**
   * Recompute the views of the given incidents: fusion's reports, with the analysts' merges and
   * splits replayed in time order, the values fused again, then field edits and status on top.
   * `known` holds bases already in memory; `fresh.created` names incidents not yet in the table
   * (inserted here with their view, in a few multi-row statements).
   */
  private async refreshViews(
    trx: Q,
    ids: Set<string>,
    cache = new Map<string, FusionReport & { rowId: number }>(),
    known = new Map<string, FusedIncident>(),
    fresh: { block: string; created: Set<string> } = { block: '', created: new Set() },
  ): Promise<void> {
    if (ids.size === 0) return;
    const structural = (await trx.selectFrom('edits').selectAll().where('action', 'in', ['merge', 'split']).orderBy('at').orderBy('id').execute()) as EditRow[];
    const involved = new Set(ids);
    for (const e of structural) {
      involved.add(e.incident_id);
      const v = e.value ? (JSON.parse(e.value) as { other?: string; into?: string }) : {};
      if (v.other) involved.add(v.other);
      if (v.into) involved.add(v.into);
    }
    const bases = new Map<string, FusedIncident>();
    const storedView = new Map<string, string>();
    const toLoad = [...involved].filter((id) => !fresh.created.has(id));
    for (const chunk of chunks(toLoad, 500)) {
      for (const r of await trx.selectFrom('incidents').select(['id', 'base', 'view']).where('id', 'in', chunk).execute()) {
        bases.set(r.id, known.get(r.id) ?? (JSON.parse(r.base) as FusedIncident));
        storedView.set(r.id, r.view);
      }
    }
    for (const id of fresh.created) bases.set(id, known.get(id)!);
    const allKeys = new Set<string>();
    for (const b of bases.values()) for (const k of b.reports) allKeys.add(k);
    const missing = [...allKeys].filter((k) => !cache.has(k));
    if (missing.length) for (const [k, v] of await this.loadReports(trx, { keys: missing })) cache.set(k, v);
    const { members, mergedInto } = replayStructure(bases, structural, (k) => cache.get(k)?.article ?? null);
    const fieldEdits = new Map<string, EditRow[]>();
    const edited = [...ids].filter((id) => !fresh.created.has(id));
    for (const chunk of chunks(edited, 500)) {
      const rows = (await trx.selectFrom('edits').selectAll().where('incident_id', 'in', chunk).where('action', 'not in', ['merge', 'split']).orderBy('at').orderBy('id').execute()) as EditRow[];
      for (const r of rows) {
        const l = fieldEdits.get(r.incident_id) ?? [];
        l.push(r);
        fieldEdits.set(r.incident_id, l);
      }
    }
    const t = now();
    const inserts: Array<Record<string, unknown>> = [];
    const changed: IncidentView[] = [];
    for (const id of ids) {
      const base = bases.get(id);
      if (!base) continue;
      const keys = [...(members.get(id) ?? [])].filter((k) => cache.has(k));
      // Untouched by merges and splits (the usual case): the view starts from the base as fused.
      const same = keys.length === base.reports.length && keys.every((k, i) => k === base.reports[i]) && cache.size > 0;
      const fused = keys.length === 0 ? null : same ? base : fuseValues(keys.map((k) => cache.get(k)!));
      const view = applyEdits(id, base, fused, fieldEdits.get(id) ?? [], mergedInto.get(id) ?? null, structural.filter((e) => e.incident_id === id));
      const viewJson = JSON.stringify(view);
      const flat = {
        view: viewJson,
        status: view.status,
        merged_into: view.merged_into,
        event_date: view.event_date,
        event_type: view.event_type,
        sub_event_type: view.sub_event_type,
        country: view.country,
        admin1: view.admin1,
        location: view.location,
        actor1: view.actor1,
        actor2: view.actor2,
        fatalities: view.fatalities,
        n_articles: view.articles.length,
        latitude: view.latitude,
        longitude: view.longitude,
        admin2: view.admin2,
        disputed: view.disputed?.summary != null ? 1 : 0,
        confidence: view.confidence ?? null,
        updated_at: t,
      };
      if (fresh.created.has(id)) {
        inserts.push({ id, block: fresh.block, origin: 'fusion', created_at: t, base: JSON.stringify(base), ...flat });
        changed.push(view);
      } else if (storedView.get(id) !== viewJson) {
        await trx.updateTable('incidents').set(flat).where('id', '=', id).execute();
        changed.push(view);
      }
    }
    for (const chunk of chunks(inserts, 100)) await trx.insertInto('incidents').values(chunk as never).execute();
    // Every change of an incident passes here (fusion, edits, merges, splits): the alert rules are
    // evaluated in the same transaction, so an alert exists exactly when its change committed.
    if ((await recordAlerts(trx, changed, t)) > 0) this.alertsPending = true;
  }

  // --- edits ---------------------------------------------------------------------------------

  /** Record an analyst's edit and update the views it touches. Throws a plain message on a bad edit. */
  async edit(e: EditInput): Promise<IncidentView> {
    e = { ...e, incident: await this.resolveAlias(e.incident), ...(e.other ? { other: await this.resolveAlias(e.other) } : {}) };
    await retrying(() => this.editOnce(e));
    this.alertsCommitted();
    return (await this.incident(e.incident))!;
  }

  private async editOnce(e: EditInput): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      // An edit and a fusion of the same block never interleave (PostgreSQL; SQLite has one
      // writer): a fusion that read the edits before this one would write views without it.
      const blockOfId = async (id: string) => (await trx.selectFrom('incidents').select('block').where('id', '=', id).executeTakeFirst())?.block;
      const mine = await blockOfId(e.incident);
      if (mine === undefined) throw new EditError(`no incident ${e.incident}`);
      const otherBlock = e.action === 'merge' && e.other ? await blockOfId(e.other) : undefined;
      await lockBlocks(trx, this.dialect, otherBlock === undefined ? [mine] : [mine, otherBlock], 'exclusive');
      const inc = await trx.selectFrom('incidents').select(['id', 'block', 'view']).where('id', '=', e.incident).executeTakeFirst();
      if (!inc) throw new EditError(`no incident ${e.incident}`);
      const at = e.at ?? now();
      const touched = new Set([e.incident]);
      let field: string | null = null;
      let value: string | null = null;
      switch (e.action) {
        case 'set':
        case 'clear': {
          const { checkField } = await import('./overlay.js');
          const v = e.action === 'clear' ? null : e.value;
          const err = checkField(e.field ?? '', v);
          if (err) throw new EditError(err);
          field = e.field!;
          value = JSON.stringify(v);
          break;
        }
        case 'merge': {
          if (!e.other || e.other === e.incident) throw new EditError('merge needs another incident');
          const other = await trx.selectFrom('incidents').select(['id', 'merged_into']).where('id', '=', e.other).executeTakeFirst();
          if (!other) throw new EditError(`no incident ${e.other}`);
          if (other.merged_into) throw new EditError(`${e.other} is already merged into ${other.merged_into}`);
          value = JSON.stringify({ other: e.other });
          touched.add(e.other);
          break;
        }
        case 'split': {
          const view = JSON.parse(inc.view) as IncidentView;
          const arts = e.articles ?? [];
          if (arts.length === 0) throw new EditError('split needs the articles to move out');
          const unknown = arts.filter((a) => !view.articles.includes(a));
          if (unknown.length) throw new EditError(`incident ${e.incident} is not reported by ${unknown.join(', ')}`);
          if (arts.length >= view.articles.length) throw new EditError('split must leave at least one article');
          let into = `${e.incident}-s1`;
          for (let n = 2; await trx.selectFrom('incidents').select('id').where('id', '=', into).executeTakeFirst(); n++) into = `${e.incident}-s${n}`;
          await trx.insertInto('incidents').values(newIncidentRow(into, inc.block, 'split', JSON.stringify({ ...JSON.parse(inc.view), reports: [], articles: [], sources: [] }), at) as never).execute();
          value = JSON.stringify({ articles: arts, into });
          touched.add(into);
          break;
        }
        case 'review':
        case 'reject':
        case 'reopen':
          break;
        default:
          throw new EditError(`unknown action ${String(e.action)}`);
      }
      await trx.insertInto('edits').values({ incident_id: e.incident, author: e.author, at, action: e.action, field, value, note: e.note ?? null }).execute();
      await this.refreshViews(trx, touched);
    });
  }

  async edits(incident: string): Promise<EditRow[]> {
    return (await this.db.selectFrom('edits').selectAll().where('incident_id', '=', incident).orderBy('at').orderBy('id').execute()) as EditRow[];
  }

  // --- reading -------------------------------------------------------------------------------

  async incident(id: string): Promise<IncidentView | null> {
    const r = await this.db.selectFrom('incidents').select('view').where('id', '=', id).executeTakeFirst();
    if (r) return JSON.parse(r.view) as IncidentView;
    // An id the incident had before its reports gave it another (see fuseBlock).
    const to = await this.resolveAlias(id);
    if (to === id) return null;
    const a = await this.db.selectFrom('incidents').select('view').where('id', '=', to).executeTakeFirst();
    return a ? (JSON.parse(a.view) as IncidentView) : null;
  }

  /** The current id of an incident known by an older id (the id itself when it is no alias). */
  async resolveAlias(id: string): Promise<string> {
    const a = await this.db.selectFrom('incident_aliases').select('new_id').where('old_id', '=', id).executeTakeFirst();
    return a?.new_id ?? id;
  }

  async incidents(f: IncidentFilter = {}): Promise<IncidentView[]> {
    let q = this.db.selectFrom('incidents').select('view');
    if (!f.all) q = q.where('status', 'not in', ['merged', 'orphaned']);
    if (f.status) q = q.where('status', '=', f.status);
    if (f.country) q = q.where((eb) => eb(eb.fn('lower', ['country']), '=', f.country!.toLowerCase()));
    if (f.admin1) q = q.where((eb) => eb(eb.fn('lower', ['admin1']), '=', f.admin1!.toLowerCase()));
    if (f.eventType) q = q.where('event_type', '=', f.eventType);
    if (f.subEventType) q = q.where('sub_event_type', '=', f.subEventType);
    if (f.from) q = q.where('event_date', '>=', f.from);
    if (f.to) q = q.where('event_date', '<=', f.to);
    if (f.minFatalities !== undefined) q = q.where('fatalities', '>=', f.minFatalities);
    if (f.actor) {
      const like = `%${f.actor.toLowerCase()}%`;
      q = q.where((eb) => eb.or([eb(eb.fn('lower', ['actor1']), 'like', like), eb(eb.fn('lower', ['actor2']), 'like', like)]));
    }
    if (f.search !== undefined || f.article !== undefined) {
      let articleIds: number[] = [];
      if (f.search !== undefined) articleIds = (await this.spec.search(f.search, 10_000)).map((x) => x.id);
      if (f.article !== undefined) {
        const rows = await this.db.selectFrom('articles').select('id').where('ext_id', '=', f.article).execute();
        const ids = rows.map((r) => Number(r.id));
        articleIds = f.search !== undefined ? articleIds.filter((x) => ids.includes(x)) : ids;
      }
      if (articleIds.length === 0) return [];
      // Reports of those articles, and the incidents they were fused into or merged into.
      const viaReports = this.db
        .selectFrom('incident_reports as ir')
        .innerJoin('reports as r', 'r.id', 'ir.report_id')
        .select('ir.incident_id')
        .where('r.article_id', 'in', articleIds);
      q = q.where((eb) => eb.or([eb('id', 'in', viaReports), eb('id', 'in', this.db.selectFrom('incidents as m').select('m.merged_into as id').where('m.id', 'in', viaReports).where('m.merged_into', 'is not', null).$narrowType<{ id: string }>())]));
    }
    q = q.orderBy('event_date', 'desc').orderBy('id');
    if (f.limit) q = q.limit(f.limit);
    return (await q.execute()).map((r) => JSON.parse(r.view) as IncidentView);
  }

  /**
   * The desk's "possibly the same incident": the incidents of the same block within a week that
   * fusion kept apart, ranked by fusion's own score (the mean chance, over their reports' pairs,
   * that they are one event; 0 where a veto holds), each with the reasons an analyst reads.
   */
  async sameIncidentCandidates(id: string, limit = 10): Promise<Array<{ id: string; score: number; veto: string | null; reasons: string[]; view: IncidentView }>> {
    const row = await this.db.selectFrom('incidents').select(['block', 'view']).where('id', '=', id).executeTakeFirst();
    if (!row) return [];
    const self = JSON.parse(row.view) as IncidentView;
    if (!self.event_date || self.reports.length === 0) return [];
    const day = (d: string, k: number) => new Date(Date.parse(d + 'T00:00:00Z') + k * 86_400_000).toISOString().slice(0, 10);
    const rows = await this.db
      .selectFrom('incidents')
      .select('view')
      .where('block', '=', row.block)
      .where('id', '!=', id)
      .where('status', 'not in', ['merged', 'orphaned'])
      .where('event_date', '>=', day(self.event_date, -7))
      .where('event_date', '<=', day(self.event_date, 7))
      .limit(500)
      .execute();
    const others = rows.map((r) => JSON.parse(r.view) as IncidentView).filter((v) => v.reports.length > 0);
    const reports = await this.loadReports(this.db, { keys: [...new Set([...self.reports, ...others.flatMap((v) => v.reports)])] });
    const mine = self.reports.map((k) => reports.get(k)).filter((r): r is FusionReport & { rowId: number } => !!r);
    const weights = wordWeights([...reports.values()].map((r) => r.incident));
    const out = others.map((v) => {
      const theirs = v.reports.map((k) => reports.get(k)).filter((r): r is FusionReport & { rowId: number } => !!r);
      let sum = 0;
      let n = 0;
      let veto: string | null = null;
      let best: { p: number; a: FusionReport; b: FusionReport } | null = null;
      for (const a of mine)
        for (const b of theirs) {
          const k = pairScore(a, b, weights);
          n++;
          sum += k.p;
          if (k.veto) veto ??= k.veto;
          if (!best || k.p > best.p) best = { p: k.p, a, b };
        }
      const score = veto || n === 0 ? 0 : sum / n;
      return { id: v.id, score: Math.round(score * 1000) / 1000, veto, reasons: best ? pairReasons(best.a, best.b, weights) : [], view: v };
    });
    return out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).slice(0, limit);
  }

  async articleCount(): Promise<number> {
    const r = await this.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async stats(): Promise<Record<string, number>> {
    const count = async (t: 'articles' | 'reports' | 'incidents' | 'edits' | 'problems') =>
      Number((await this.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const dups = Number((await this.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).where('duplicate_of', 'is not', null).executeTakeFirstOrThrow()).n);
    const failed = Number((await this.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'failed').executeTakeFirstOrThrow()).n);
    return {
      articles: await count('articles'),
      duplicates: dups,
      failed,
      reports: await count('reports'),
      incidents: await count('incidents'),
      edits: await count('edits'),
      problems: await count('problems'),
    };
  }

  /** The stored articles (for the report export), in id order. */
  async articles(): Promise<Array<{ id: string; title: string | null; source: string | null; url: string | null; published: string | null; chars: number; extras: ArticleExtras | null; status: string }>> {
    const rows = await this.db.selectFrom('articles').select(['ext_id', 'title', 'source', 'url', 'published', 'chars', 'extras', 'status']).orderBy('id').execute();
    return rows.map((r) => ({
      id: r.ext_id,
      title: r.title,
      source: r.source,
      url: r.url,
      published: r.published,
      chars: Number(r.chars),
      extras: r.extras ? (JSON.parse(r.extras) as ArticleExtras) : null,
      status: r.status,
    }));
  }

  async problems(): Promise<ProblemInput[]> {
    const rows = await this.db.selectFrom('problems').selectAll().orderBy('id').execute();
    return rows.map((r) => ({ file: r.file, ...(r.line ? { line: Number(r.line) } : {}), ...(r.article ? { article: r.article } : {}), message: r.message }));
  }

  async search(query: string, limit = 20): Promise<Array<{ id: string; title: string | null; rank: number }>> {
    const hits = await this.spec.search(query, limit);
    if (hits.length === 0) return [];
    const rows = await this.db.selectFrom('articles').select(['id', 'ext_id', 'title']).where('id', 'in', hits.map((h) => h.id)).execute();
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    return hits.filter((h) => byId.has(h.id)).map((h) => ({ id: byId.get(h.id)!.ext_id, title: byId.get(h.id)!.title, rank: h.rank }));
  }
}

/**
 * Errors that another writer on the same database causes and that a second attempt resolves: two
 * `sitrep ingest` runs storing the same article (unique violation), SQLite's lock, PostgreSQL's
 * serialization and deadlock errors.
 */
export function isRetryable(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  const code = String(err.code ?? '');
  return (
    code === '23505' || code === '40001' || code === '40P01' || code.startsWith('SQLITE_BUSY') || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    /database is locked|UNIQUE constraint failed|duplicate key value/i.test(err.message ?? '')
  );
}

/** Run `fn` again (up to `times` in all) when it fails for a reason another writer caused. */
export async function retrying<T>(fn: () => Promise<T>, times = 6): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (i >= times || !isRetryable(e)) throw e;
      await new Promise((r) => setTimeout(r, 50 * i + Math.random() * 100));
    }
  }
}

export class EditError extends Error {
  override name = 'EditError';
}

function articleRow(it: PreparedArticle, duplicateOf: number | null, sim: number | null, t: string) {
  const a = it.article;
  return {
    identity: it.identity,
    ext_id: a.id,
    url: a.url ?? null,
    canonical_url: it.canonical_url,
    content_hash: it.content_hash,
    title: a.title ?? null,
    source: a.source ?? null,
    published: a.published ?? null,
    text: a.text,
    chars: a.text.length,
    minhash: it.minhash,
    duplicate_of: duplicateOf,
    similarity: sim,
    ingested_at: t,
    extracted_version: it.version,
    status: 'error' in it.outcome ? 'failed' : 'ok',
    error: 'error' in it.outcome ? it.outcome.error : null,
    extras: it.wire ? (it.wire.extras ?? null) : 'error' in it.outcome ? null : JSON.stringify(it.outcome.extras),
  };
}

/** An article's reports as stored: each one's block and JSON (made by the extraction thread when it sent them). */
function reportsOf(it: Pick<PreparedArticle, 'outcome' | 'wire'>): Array<{ block: string; data: string }> {
  if (it.wire) return it.wire.reports ?? [];
  if ('error' in it.outcome) return [];
  return it.outcome.incidents.map((inc) => ({ block: blockOf(inc), data: JSON.stringify(inc) }));
}

/** A report's key: see fuse/articles.ts (extract and the store make it alike). */
export { reportKey };

function newIncidentRow(id: string, block: string, origin: string, base: string, t: string) {
  return {
    id,
    block,
    origin,
    created_at: t,
    updated_at: t,
    base,
    view: base,
    status: 'new',
    merged_into: null,
    event_date: null,
    event_type: null,
    sub_event_type: null,
    country: null,
    admin1: null,
    location: null,
    actor1: null,
    actor2: null,
    fatalities: null,
    n_articles: 0,
    latitude: null,
    longitude: null,
    admin2: null,
    disputed: 0,
    confidence: null,
  };
}

/**
 * Mark blocks for fusion, each with a new token: a fusion running meanwhile in another process
 * (which read the old token before loading the block's reports) then leaves the mark in place. An
 * upsert, so a mark that a fusion deletes at this moment is set again, never lost.
 */
async function markDirty(trx: Q, blocks: Set<string>): Promise<void> {
  if (blocks.size === 0) return;
  const token = randomUUID();
  for (const chunk of chunks([...blocks].sort(), 500)) {
    await trx
      .insertInto('dirty_blocks')
      .values(chunk.map((block) => ({ block, token })))
      .onConflict((oc) => oc.column('block').doUpdateSet({ token }))
      .execute();
  }
}

/** Advisory-lock classes: fusion blocks ("sitr" in ASCII) and MinHash bands ("band"). */
const BLOCK_LOCK_CLASS = 0x73697472;
const BAND_LOCK_CLASS = 0x62616e64;

/**
 * Hold PostgreSQL's advisory locks on blocks until the transaction ends (SQLite has one writer
 * at a time: nothing to do). Fusion and analysts' edits take them exclusively; a write that
 * deletes reports of a block takes them shared. With `tryOnly`, returns false at once if one is
 * held by another transaction.
 */
async function lockBlocks(trx: Q, dialect: DialectName, blocks: Iterable<string>, mode: 'exclusive' | 'shared', tryOnly = false): Promise<boolean> {
  return lockKeys(trx, dialect, BLOCK_LOCK_CLASS, blocks, mode, tryOnly);
}

/**
 * Advisory locks on a class of keys, taken in sorted order (so two holders of several keys
 * never wait on each other), in one statement.
 */
async function lockKeys(trx: Q, dialect: DialectName, cls: number, keys: Iterable<string>, mode: 'exclusive' | 'shared', tryOnly = false): Promise<boolean> {
  if (dialect !== 'postgres') return true;
  const list = [...new Set(keys)].sort();
  if (list.length === 0) return true;
  const fn = sql.raw(`pg${tryOnly ? '_try' : ''}_advisory_xact_lock${mode === 'shared' ? '_shared' : ''}`);
  const r = await sql<{ ok: boolean | null }>`select ${fn}(${cls}, hashtext(k)) as ok from (select k from unnest(${list}::text[]) as u(k) order by k) s`.execute(trx);
  return !tryOnly || r.rows.every((x) => x.ok === true);
}

export function chunks<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

export type { ReportIncident };
