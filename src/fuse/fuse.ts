/**
 * Fusion: the reports of one real event, from different articles, become one incident that lists
 * every article. The result is a function of the set of reports, not of the order they arrived
 * in: reports are put in a canonical order (date, then a key made from the article's content
 * hash) before the greedy clustering, and every fused value is chosen by a vote whose ties are
 * broken by content, never by position.
 */
import type { ReportIncident } from '../core/report.js';
import type { Evidence } from '../core/types.js';
import { dayNumber, fold, wordWeights } from './compatible.js';
import { fusionModel, pairScore } from './score.js';

export interface FusionReport {
  /** Stable and order-free: the article's content hash and the incident's index in it. */
  key: string;
  /** The article's id as the input gave it (listed in `articles`). */
  article: string;
  /** Reports of one article never merge with each other: the extractor kept them apart. */
  articleKey: string;
  /** Articles that carry one wire story share a group; their figures count once. */
  dupGroup: string;
  /** The article's publication date (YYYY-MM-DD…), when known: a later article's toll is an update. */
  published?: string | null;
  incident: ReportIncident;
}

/** One source's own toll for the incident. */
export interface FatalitySource {
  report: string;
  article: string;
  fatalities: number | null;
  fatalities_low: number | null;
  fatalities_high: number | null;
  evidence: Evidence[];
}

export type FusedIncident = Omit<ReportIncident, 'id'> & {
  /** Keys of the reports fused, in canonical order. */
  reports: string[];
  /** Every report's own fatality figures. */
  sources: FatalitySource[];
};

/** An ordering that depends only on content: date, then key. */
function canonical(a: FusionReport, b: FusionReport): number {
  const da = dayNumber(a.incident.event_date) ?? Number.MAX_SAFE_INTEGER;
  const db = dayNumber(b.incident.event_date) ?? Number.MAX_SAFE_INTEGER;
  if (da !== db) return da - db;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

interface Cluster {
  members: FusionReport[];
  articles: Set<string>;
  lastDay: number;
}

/** The widest date tolerance (time precision 3): clusters older than this are closed. */
const MAX_GAP_DAYS = 31;

/**
 * Group reports into incidents (complete linkage: a report joins a cluster only if it is
 * compatible with every member, and no member comes from its article). Returns the clusters as
 * lists of reports in canonical order; clusters are ordered by their first member.
 */
export function cluster(reports: FusionReport[]): FusionReport[][] {
  const sorted = [...reports].sort(canonical);
  // Word rarity among all the reports: a function of the set, so of no arrival order.
  const weights = wordWeights(sorted.map((r) => r.incident));
  const clusters: Cluster[] = [];
  // Clusters still within reach of the current date (the input is sorted by date).
  let open: Cluster[] = [];
  for (const r of sorted) {
    const day = dayNumber(r.incident.event_date);
    if (day !== null) open = open.filter((c) => day - c.lastDay <= MAX_GAP_DAYS);
    let best: Cluster | null = null;
    let bestScore = -1;
    if (day !== null) {
      const threshold = fusionModel().threshold;
      for (const c of open) {
        if (c.articles.has(r.articleKey)) continue;
        // Average linkage under vetoes: no member may rule the report out, and on average the
        // members must find it one event with them (a follow-up that says little but the new
        // toll joins through the reports it resembles).
        let sum = 0;
        let ok = true;
        for (const m of c.members) {
          const k = pairScore(r, m, weights);
          if (k.veto) {
            ok = false;
            break;
          }
          sum += k.p;
        }
        if (!ok) continue;
        const score = sum / c.members.length;
        // Ties go to the earlier cluster, whose first member comes first in canonical order.
        if (score >= threshold && score > bestScore) {
          best = c;
          bestScore = score;
        }
      }
    }
    if (best) {
      best.members.push(r);
      best.articles.add(r.articleKey);
      if (day !== null && day > best.lastDay) best.lastDay = day;
    } else {
      const c: Cluster = { members: [r], articles: new Set([r.articleKey]), lastDay: day ?? Number.MIN_SAFE_INTEGER };
      clusters.push(c);
      if (day !== null) open.push(c);
    }
  }
  return clusters.map((c) => c.members);
}

/**
 * Choose among the reports by vote: the value most wire groups give wins; ties go to `better`
 * (e.g. the more precise), then to the smaller value. Null values do not vote.
 */
function vote(reports: FusionReport[], keyOf: (r: ReportIncident) => string | null, better?: (a: ReportIncident, b: ReportIncident) => number): FusionReport | null {
  const groups = new Map<string, { votes: Set<string>; rep: FusionReport }>();
  for (const r of reports) {
    const k = keyOf(r.incident);
    if (k === null) continue;
    const g = groups.get(k);
    if (g) {
      g.votes.add(r.dupGroup);
      if (r.key < g.rep.key) g.rep = r;
    } else groups.set(k, { votes: new Set([r.dupGroup]), rep: r });
  }
  let best: { k: string; n: number; rep: FusionReport } | null = null;
  for (const [k, g] of groups) {
    const n = g.votes.size;
    if (!best) {
      best = { k, n, rep: g.rep };
      continue;
    }
    let d = n - best.n;
    if (d === 0 && better) d = -better(g.rep.incident, best.rep.incident);
    if (d === 0) d = k < best.k ? 1 : -1;
    if (d > 0) best = { k, n, rep: g.rep };
  }
  return best?.rep ?? null;
}

const PLACE = ['country', 'admin1', 'admin2', 'location', 'latitude', 'longitude', 'geo_precision'] as const;

/** The lower median: with two reports, the smaller figure (ACLED keeps the conservative toll). */
function lowerMedian(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
}

/** Fuse the reports of one incident into its values. Order of `reports` does not matter. */
export function fuseValues(reports: FusionReport[]): FusedIncident {
  if (reports.length === 0) throw new Error('fuseValues: no reports');
  const rs = [...reports].sort(canonical);
  const first = rs[0]!.incident;
  const out: Record<string, unknown> = {};
  const trace: ReportIncident['trace'] = {};
  const take = (rep: FusionReport | null, fields: readonly string[]) => {
    for (const f of fields) {
      const inc = rep?.incident as Record<string, unknown> | undefined;
      out[f] = inc ? (inc[f] ?? null) : null;
      const t = rep?.incident.trace[f];
      if (t) trace[f] = t;
    }
  };

  // Type: the sub-event type most reports give, then its event and disorder types with it.
  take(vote(rs, (r) => r.sub_event_type), ['sub_event_type', 'event_type', 'disorder_type']);
  // Date: the date most reports give; ties to the more precise, then the earlier.
  take(
    vote(rs, (r) => r.event_date, (a, b) => (a.time_precision ?? 9) - (b.time_precision ?? 9)),
    ['event_date', 'time_precision'],
  );
  // Place: one report's whole place, so that town, district and coordinates agree.
  take(
    vote(rs, (r) => (r.country ? [r.country, r.admin1, r.admin2, r.location].map(fold).join('|') : null), (a, b) => (a.geo_precision ?? 9) - (b.geo_precision ?? 9)),
    PLACE,
  );
  // Actors: each side with its inter code.
  take(vote(rs, (r) => r.actor1), ['actor1', 'inter1']);
  take(vote(rs, (r) => r.actor2), ['actor2', 'inter2']);

  // Fatalities over all reports, each wire story once. A report's 0 means "no deaths reported",
  // not "nobody died", so it counts only when no report gives deaths.
  const byGroup = new Map<string, FusionReport>();
  for (const r of rs) if (!byGroup.has(r.dupGroup)) byGroup.set(r.dupGroup, r);
  const reps = [...byGroup.values()];
  const positive = reps.filter((r) => (r.incident.fatalities ?? 0) > 0);
  const withDeathsNoNumber = reps.some((r) => r.incident.fatalities === null);
  let fatalities: number | null;
  let low: number | null;
  let high: number | null;
  let tollFrom: FusionReport | null = null;
  if (positive.length > 0) {
    fatalities = lowerMedian(positive.map((r) => r.incident.fatalities!));
    low = Math.min(...positive.map((r) => r.incident.fatalities_low ?? r.incident.fatalities!));
    high = Math.max(...positive.map((r) => r.incident.fatalities_high ?? r.incident.fatalities!));
    tollFrom = positive.find((r) => r.incident.fatalities === fatalities) ?? null;
  } else if (withDeathsNoNumber) {
    fatalities = low = high = null;
    tollFrom = reps.find((r) => r.incident.fatalities === null) ?? null;
  } else {
    fatalities = low = high = 0;
    tollFrom = reps[0] ?? null;
  }
  if (reports.length === 1) {
    // One report: its own figures, exactly as extracted.
    fatalities = first.fatalities;
    low = first.fatalities_low;
    high = first.fatalities_high;
  }
  out.fatalities = fatalities;
  out.fatalities_low = low;
  out.fatalities_high = high;
  if (tollFrom?.incident.trace.fatalities) {
    trace.fatalities = { ...tollFrom.incident.trace.fatalities, ...(reports.length > 1 ? { note: `median of ${positive.length || reps.length} sources` } : {}) };
  }
  const inj = reps.map((r) => r.incident.injuries).filter((x): x is number => x !== null && x > 0);
  out.injuries = inj.length ? lowerMedian(inj) : (rs.find((r) => r.incident.injuries !== null)?.incident.injuries ?? null);

  const articles = [...new Set(rs.map((r) => r.article))].sort();
  // Confidence: the surest report's. Reports of one event by several outlets are not independent
  // draws (wire copy, shared sources), so they are not multiplied into a higher figure.
  const confs = rs.map((r) => r.incident.confidence).filter((c): c is number => typeof c === 'number');
  const confidence = confs.length ? Math.max(...confs) : null;
  const evidence = rs.flatMap((r) => r.incident.evidence);
  // Disputed accounts: every report's, kept side by side.
  const disputes = rs.map((r) => r.incident.disputed).filter((d): d is NonNullable<typeof d> => d !== null);
  return {
    ...(out as Omit<ReportIncident, 'id' | 'articles' | 'background' | 'confidence' | 'disputed' | 'evidence' | 'trace'>),
    articles,
    background: rs.every((r) => r.incident.background),
    confidence,
    disputed: disputes.length === 0 ? null : disputes.length === 1 ? disputes[0]! : { summary: disputes.map((d) => d.summary).join(' / '), claims: disputes.flatMap((d) => d.claims) },
    evidence,
    trace,
    reports: rs.map((r) => r.key),
    sources: rs.map((r) => ({
      report: r.key,
      article: r.article,
      fatalities: r.incident.fatalities,
      fatalities_low: r.incident.fatalities_low,
      fatalities_high: r.incident.fatalities_high,
      evidence: r.incident.trace.fatalities?.evidence ?? [],
    })),
  };
}

/** Cluster and fuse: the incidents these reports describe. */
export function fuse(reports: FusionReport[]): FusedIncident[] {
  return cluster(reports).map(fuseValues);
}
