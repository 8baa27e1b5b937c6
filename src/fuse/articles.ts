/**
 * From articles to fusion's inputs, and fusion over a whole batch: the one path both
 * `sitrep extract` (several articles in one run) and the store take, so that the same articles
 * give the same incidents whichever of the two reads them.
 *
 * What both share: a report's key (from the article's content and identity, never its position
 * in the input), its block (its country: reports in two countries never fuse), the wire-story
 * group of its article (near-duplicate texts count once), and `cluster` + `fuseValues` over each
 * block.
 */
import { createHash } from 'node:crypto';
import type { ReportIncident } from '../core/report.js';
import type { Article } from '../core/types.js';
import { bands, identify, minhash, NEAR_DUPLICATE, similarity } from '../ingest/dedupe.js';
import { cluster, fuseValues, type FusedIncident, type FusionReport } from './fuse.js';

/**
 * A report's key: from the article's content and identity, never from when it arrived, so that
 * fusion's canonical order is the same whatever the order of ingest. The identity tells apart one
 * text published under two URLs (a wire story copied word for word).
 */
export function reportKey(contentHash: string, identity: string, idx: number): string {
  return `${contentHash.slice(0, 20)}${createHash('sha256').update(identity).digest('hex').slice(0, 8)}#${idx}`;
}

/** A report's block: reports in different countries never fuse, so fusion works country by country. */
export function blockOfReport(inc: Pick<ReportIncident, 'country'>): string {
  return inc.country ?? '';
}

/**
 * An incident's id from its reports alone: the hash of the first report in fusion's canonical
 * order. The same reports give the same id in any run, on any machine, in any arrival order.
 */
export function incidentId(cluster: FusionReport[]): string {
  return 'i' + createHash('sha256').update(cluster[0]!.key).digest('hex').slice(0, 10);
}

export interface ArticleReports {
  article: Article;
  incidents: ReportIncident[];
}

/**
 * Fusion's inputs for a batch of extracted articles. Near-duplicate articles (the same wire
 * story, MinHash similarity ≥ NEAR_DUPLICATE, as the store links them) share a group, named by
 * the first of them in content order so the grouping does not depend on input order.
 */
export function fusionReports(batch: ArticleReports[]): FusionReport[] {
  const items = batch.map((b) => ({ ...b, ids: identify(b.article) }));
  // One identity read twice (the same line in two files) is one article, as in the store. Without
  // a URL, a line is known by its id and its text: one text under two ids is two records of one
  // telling (a database's note of an event in several places, coded as one event per place), and
  // each id keeps its incidents. Its copies count as one article for fusion (articleKey): they
  // never merge with each other, as the reports of one article do not.
  const seen = new Set<string>();
  const copy = (it: (typeof items)[number]) => (it.ids.canonical_url ? it.ids.identity : `${it.ids.identity}\u0000${it.article.id}`);
  const unique = items
    .filter((it) => (seen.has(copy(it)) ? false : (seen.add(copy(it)), true)))
    .sort((a, b) => (a.ids.content_hash < b.ids.content_hash ? -1 : a.ids.content_hash > b.ids.content_hash ? 1 : a.ids.identity < b.ids.identity ? -1 : a.ids.identity > b.ids.identity ? 1 : a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0));
  // The first copy of a text keeps the key the store gives it; each further copy gets its own.
  const firstCopy = new Set<string>();
  const keyIdentity = new Map<(typeof items)[number], string>();
  for (const it of unique) {
    if (!firstCopy.has(it.ids.identity)) {
      firstCopy.add(it.ids.identity);
      keyIdentity.set(it, it.ids.identity);
    } else keyIdentity.set(it, `${it.ids.identity}#id:${it.article.id}`);
  }
  const groupOf = new Map<string, string>();
  const byBand = new Map<string, Array<{ identity: string; sig: Uint32Array }>>();
  for (const it of unique) {
    // A further copy of one text is in its first copy's group.
    if (groupOf.has(it.ids.identity)) continue;
    const sig = it.incidents.length ? minhash(it.article.text) : null;
    let group = it.ids.identity;
    if (sig) {
      let best = -1;
      const bs = bands(sig);
      for (const b of bs) {
        for (const o of byBand.get(b) ?? []) {
          const s = similarity(sig, o.sig);
          if (s >= NEAR_DUPLICATE && s > best) {
            best = s;
            group = groupOf.get(o.identity)!;
          }
        }
      }
      for (const b of bs) {
        const l = byBand.get(b) ?? [];
        l.push({ identity: it.ids.identity, sig });
        byBand.set(b, l);
      }
    }
    groupOf.set(it.ids.identity, group);
  }
  return unique.flatMap((it) =>
    it.incidents.map((inc, idx) => ({
      key: reportKey(it.ids.content_hash, keyIdentity.get(it)!, idx),
      article: it.article.id,
      articleKey: it.ids.identity,
      dupGroup: groupOf.get(it.ids.identity)!,
      published: it.article.published ?? null,
      note: isNote(it.article.text.length),
      incident: inc,
    })),
  );
}

/** Longest text that is a brief: a few sentences (an agency's one-paragraph note, a news brief). */
export const NOTE_CHARS = 600;

/** An article of `chars` characters is a brief: what it tells of an event is all it knows. */
export function isNote(chars: number): boolean {
  return chars <= NOTE_CHARS;
}

/** Reports split into blocks (by country), each block's reports in key order. */
export function blocks(reports: FusionReport[]): Map<string, FusionReport[]> {
  const out = new Map<string, FusionReport[]>();
  for (const r of reports) {
    const b = blockOfReport(r.incident);
    const l = out.get(b);
    if (l) l.push(r);
    else out.set(b, [r]);
  }
  return new Map([...out.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Fused incident with the id FORMAT.md's report gives it. */
export type IdentifiedIncident = FusedIncident & { id: string };

/** Fuse reports block by block, exactly as the store fuses each block. */
export function fuseAll(reports: FusionReport[]): IdentifiedIncident[] {
  const out: IdentifiedIncident[] = [];
  for (const rs of blocks(reports).values()) for (const c of cluster(rs)) out.push({ id: incidentId(c), ...fuseValues(c) });
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
