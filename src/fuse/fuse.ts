/**
 * Fusion: the reports of one real event, from different articles, become one incident that lists
 * every article. The result is a function of the set of reports, not of the order they arrived
 * in: reports are put in a canonical order (date, then a key made from the article's content
 * hash) before the greedy clustering, and every fused value is chosen by a vote whose ties are
 * broken by content, never by position.
 */
import type { ReportIncident } from '../core/report.js';
import type { Evidence } from '../core/types.js';
import { fusedConfidence } from '../extract/confidence.js';
import { DATE_TOLERANCE, dayNumber, fold, GENERIC_ACTOR, UNSTATED_REACH, wordWeights } from './compatible.js';
import { fusionModel, pairScore, placeView } from './score.js';

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
  /**
   * The article is a brief (at most NOTE_CHARS characters, articles.ts): it says all it knows of
   * its events, so what it leaves out or gives otherwise is no reporting noise (score.ts).
   */
  note?: boolean;
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

/**
 * Group reports into incidents, best pair first (average linkage). Every pair of reports of two
 * articles that a date tolerance lets meet is scored (score.ts); the pairs that reach the fitted
 * threshold, surest first, join their two groups when no pair across them is vetoed or kept apart,
 * no article is on both sides, and the mean chance across them reaches the threshold (a follow-up
 * that says little but the new toll joins through the reports it resembles). Surest first: a
 * report that fits two groups joins the one it is surest of, whichever came first in time (a
 * report of the 30th joins the other reports of the 30th before a report of the 29th that its
 * article tells beside them). Ties go by the canonical order (date, then key), so the result is
 * a function of the set of reports. Returns the clusters as lists of reports in canonical order;
 * clusters are ordered by their first member.
 *
 * Pairs come from an index by day: a report meets only the reports of the days its date
 * tolerance reaches, so the work grows with the reports of a few days, not with all reports of
 * the block.
 */
export function cluster(reports: FusionReport[]): FusionReport[][] {
  const sorted = [...reports].sort(canonical);
  const n = sorted.length;
  // Word rarity among all the reports: a function of the set, so of no arrival order.
  const weights = wordWeights(sorted.map((r) => r.incident));
  const threshold = fusionModel().threshold;
  const maxTol = Math.max(...Object.values(DATE_TOLERANCE));
  // The pairs that reach the threshold, kept with their chance: the ones groups join on, and the
  // ones most checks across two groups read again. Other pairs (most are vetoed: another
  // province, another day) are scored again when a check needs them, and not kept.
  const kept = new Map<number, number>();
  const keyOf = (i: number, j: number) => (i > j ? i * n + j : j * n + i);
  const scoreOf = (i: number, j: number): { p: number; ok: boolean } => {
    const p = kept.get(keyOf(i, j));
    if (p !== undefined) return { p, ok: true };
    const a = sorted[i]!;
    const b = sorted[j]!;
    if (a.articleKey === b.articleKey) return { p: 0, ok: false };
    const x = pairScore(a, b, weights);
    return { p: x.p, ok: !x.veto && !x.apart };
  };
  // Candidate pairs: reports of the days each report's tolerance reaches (rough dates, a week or a
  // month, reach further: they are few).
  const edges: Array<{ p: number; i: number; j: number }> = [];
  const byDay = new Map<number, number[]>();
  let rough: number[] = [];
  const met = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const v = placeView(sorted[i]!.incident);
    if (v.day === null) continue;
    const span = Math.max(v.tol, UNSTATED_REACH);
    const meet = (j: number) => {
      if (met[j] === i) return;
      met[j] = i;
      const s = scoreOf(i, j);
      if (s.ok && s.p >= threshold) {
        kept.set(keyOf(i, j), s.p);
        edges.push({ p: s.p, i, j });
      }
    };
    for (let d = v.day - span; d <= v.day + span; d++) for (const j of byDay.get(d) ?? []) meet(j);
    rough = rough.filter((j) => v.day! - placeView(sorted[j]!.incident).day! <= maxTol);
    for (const j of rough) meet(j);
    const l = byDay.get(v.day);
    if (l) l.push(i);
    else byDay.set(v.day, [i]);
    if (v.tol > 1) rough.push(i);
    // Days behind every tolerance are done with.
    byDay.delete(v.day - maxTol - 1);
  }
  edges.sort((x, y) => y.p - x.p || x.i - y.i || x.j - y.j);
  // Groups: each report's group's members (indices in canonical order) and articles.
  const groupOf = Array.from({ length: n }, (_, i) => i);
  const members = new Map<number, number[]>(sorted.map((_, i) => [i, [i]]));
  const articles = new Map<number, Set<string>>(sorted.map((r, i) => [i, new Set([r.articleKey])]));
  for (const { i, j } of edges) {
    const a = groupOf[i]!;
    const b = groupOf[j]!;
    if (a === b) continue;
    const ma = members.get(a)!;
    const mb = members.get(b)!;
    const aa = articles.get(a)!;
    const ab = articles.get(b)!;
    let shared = false;
    for (const x of ab) if (aa.has(x)) shared = true;
    if (shared) continue;
    let sum = 0;
    let ok = true;
    for (const x of ma) {
      for (const y of mb) {
        const s = scoreOf(x, y);
        if (!s.ok) {
          ok = false;
          break;
        }
        sum += s.p;
      }
      if (!ok) break;
    }
    if (!ok || sum / (ma.length * mb.length) < threshold) continue;
    // The group of the earlier first member keeps its name.
    const [keep, gone] = ma[0]! < mb[0]! ? [a, b] : [b, a];
    const merged = [...members.get(keep)!, ...members.get(gone)!].sort((x, y) => x - y);
    for (const x of members.get(gone)!) groupOf[x] = keep;
    members.set(keep, merged);
    members.delete(gone);
    for (const x of articles.get(gone)!) articles.get(keep)!.add(x);
    articles.delete(gone);
  }
  return [...members.values()].sort((x, y) => x[0]! - y[0]!).map((m) => m.map((x) => sorted[x]!));
}

/**
 * Choose among the reports by vote: the value most wire groups give wins; ties go to `better`
 * (e.g. the more precise), then to the smaller value. Null values do not vote.
 */
function vote(
  reports: FusionReport[],
  keyOf: (r: ReportIncident) => string | null,
  better?: (a: ReportIncident, b: ReportIncident) => number,
  weight: (r: ReportIncident) => number = () => 1,
): FusionReport | null {
  const groups = new Map<string, { votes: Map<string, number>; rep: FusionReport }>();
  for (const r of reports) {
    const k = keyOf(r.incident);
    if (k === null) continue;
    let g = groups.get(k);
    if (g) {
      if (r.key < g.rep.key) g.rep = r;
    } else groups.set(k, (g = { votes: new Map(), rep: r }));
    // One wire story votes once, with its surest copy's weight.
    g.votes.set(r.dupGroup, Math.max(g.votes.get(r.dupGroup) ?? 0, weight(r.incident)));
  }
  let best: { k: string; n: number; rep: FusionReport } | null = null;
  for (const [k, g] of groups) {
    let n = 0;
    for (const w of g.votes.values()) n += w;
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

/** The reports with the most precise value (precision 1 is the finest); all when none has one. */
function mostPrecise(rs: FusionReport[], precision: (r: ReportIncident) => number | null): FusionReport[] {
  let best = Infinity;
  for (const r of rs) best = Math.min(best, precision(r.incident) ?? Infinity);
  return best === Infinity ? rs : rs.filter((r) => precision(r.incident) === best);
}

/** A side filled by ACLED's default for a side the text leaves out ('actors.default-unidentified'). */
const DEFAULT_SIDE = /^actors\.default-/;

/**
 * Reports that name the actor, when some do; else those whose generic actor the text gives
 * ('herdsmen' -> a communal militia) over a default for a side it leaves out (an unidentified
 * armed group because someone 'was shot'); else all.
 */
function namedFirst(rs: FusionReport[], field: 'actor1' | 'actor2'): FusionReport[] {
  const named = rs.filter((r) => r.incident[field] && !GENERIC_ACTOR.test(r.incident[field]!));
  if (named.length) return named;
  const read = rs.filter((r) => r.incident[field] && !DEFAULT_SIDE.test(r.incident.trace[field]?.rule ?? ''));
  return read.length ? read : rs;
}

const PLACE = ['country', 'admin1', 'admin2', 'location', 'latitude', 'longitude', 'geo_precision'] as const;

/** A toll the text gives as an update of an earlier one. */
const UPDATE = /\b(?:rose|rises|risen|climbed|climbs|jumped|jumps|increased|increases|mounted|mounts|reached|reaches|swelled|grew|grown)\s+to\b|\bbringing the (?:death )?toll to\b|\bupdated?\b|\bfinal (?:death )?(?:toll|count|figure)|\b(?:now )?stands at\b|\brevised (?:(?:the )?(?:death )?toll )?(?:up|upward|upwards)\b/i;

/**
 * An update phrase with its figure ("climbed to 93", "bringing the death toll to 21", "now stands
 * at 40"): the toll's own evidence is often the figure alone, and the sentence that gives it says
 * whether it is an update.
 */
const UPDATE_TO = /\b(?:(?:rose|rises|risen|climbed|climbs|jumped|jumps|increased|increases|mounted|mounts|reached|reaches|swelled|grew|grown)\s+to|bringing the (?:death )?toll to|(?:now )?stands at)\s+(?:at least\s+|more than\s+|over\s+)?(\d+)\b/gi;

function isUpdate(r: FusionReport): boolean {
  const t = r.incident.trace.fatalities;
  if (!t) return false;
  if (UPDATE.test(t.note ?? '') || t.evidence.some((e) => UPDATE.test(e.text))) return true;
  const n = r.incident.fatalities;
  if (n === null || n <= 0) return false;
  return r.incident.evidence.some((e) => [...e.text.matchAll(UPDATE_TO)].some((m) => Number(m[1]) === n));
}

/**
 * Latest first: an update, then the later publication, then, on one day, the higher toll (tolls of
 * one event rise through its first day as bodies are recovered and the wounded die: of two
 * outlets' counts published the same day, the higher is most often the later one; the lower stays
 * the range's low, so the conservative figure is kept), then the key.
 */
function byUpdate(a: FusionReport, b: FusionReport): number {
  const ua = isUpdate(a);
  const u = Number(isUpdate(b)) - Number(ua);
  if (u) return u;
  const pa = dayNumber(a.published ?? null) ?? -Infinity;
  const pb = dayNumber(b.published ?? null) ?? -Infinity;
  if (pa !== pb) return pb - pa;
  const d = (a.incident.fatalities ?? 0) - (b.incident.fatalities ?? 0);
  if (d) return -d;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

type Dispute = NonNullable<ReportIncident['disputed']>;

/**
 * A disagreement between sources that matters: the toll (beyond an update: two accounts of one
 * day, neither saying it updates the other, one over half again the other), the perpetrator or
 * the target (two named actors in one role; a named one against "gunmen" is no disagreement).
 * Each side is listed with its source and evidence.
 */
function sourcesDisagree(reps: FusionReport[], tollFrom: FusionReport | null): Dispute | null {
  const claims: Dispute['claims'] = [];
  const parts: string[] = [];
  const ev = (r: FusionReport, f: string) => r.incident.trace[f]?.evidence ?? r.incident.evidence;
  const tolls = reps.filter((r) => (r.incident.fatalities ?? 0) > 0);
  if (tolls.length > 1 && tollFrom && !isUpdate(tollFrom)) {
    const lo = Math.min(...tolls.map((r) => r.incident.fatalities!));
    const hi = Math.max(...tolls.map((r) => r.incident.fatalities!));
    const day = (r: FusionReport) => (r.published ?? '').slice(0, 10);
    const sameDay = tolls.every((r) => day(r) === day(tolls[0]!));
    if (hi > 1.5 * lo && sameDay) {
      parts.push(`the toll: ${tolls.map((r) => `${r.incident.fatalities} (${r.article})`).join(' against ')}`);
      for (const r of tolls) claims.push({ source: r.article, says: `${r.incident.fatalities} killed`, evidence: ev(r, 'fatalities') });
    }
  }
  for (const [field, what] of [['actor1', 'the perpetrator'], ['actor2', 'the target']] as const) {
    const named = reps.filter((r) => r.incident[field] && !GENERIC_ACTOR.test(r.incident[field]!));
    const names = [...new Set(named.map((r) => fold(r.incident[field])))];
    if (names.length < 2) continue;
    parts.push(`${what}: ${named.map((r) => `${r.incident[field]} (${r.article})`).join(' against ')}`);
    for (const r of named) claims.push({ source: r.article, says: `${what}: ${r.incident[field]}`, evidence: ev(r, field) });
  }
  return parts.length ? { summary: `sources disagree on ${parts.join('; ')}`, claims } : null;
}

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

  // Type: voted, each wire story once, with the confidence of its type.
  take(vote(rs, (r) => r.sub_event_type, undefined, (r) => r.trace.sub_event_type?.confidence ?? r.confidence ?? 0.5), ['sub_event_type', 'event_type', 'disorder_type']);
  // Date: the most precise wins ("on 3 May" over "last week"); among equally precise, the vote.
  take(vote(mostPrecise(rs, (r) => r.time_precision), (r) => r.event_date), ['event_date', 'time_precision']);
  // Place: one report's whole place, so that town, district and coordinates agree; the most
  // precise wins (the town over its district), then the vote.
  take(
    vote(mostPrecise(rs, (r) => r.geo_precision), (r) => (r.country ? [r.country, r.admin1, r.admin2, r.location].map(fold).join('|') : null)),
    PLACE,
  );
  // Actors: each side with its inter code; a named actor beats an unidentified one ("gunmen" in
  // the first report, "TTP" once it claimed the attack).
  take(vote(namedFirst(rs, 'actor1'), (r) => r.actor1), ['actor1', 'inter1']);
  // One actor is not both sides: the target comes from the reports whose target is not the
  // perpetrator chosen (one report's "security forces fired on protesters", another's "gunmen
  // attacked the security forces", fused, are no army against itself).
  const other = rs.filter((r) => !r.incident.actor2 || fold(r.incident.actor2) !== fold(out.actor1 as string | null));
  take(vote(namedFirst(other.length ? other : rs, 'actor2'), (r) => r.actor2), ['actor2', 'inter2']);

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
    // The best toll is the latest update: a toll the text itself calls an update ("rose to",
    // "climbed to"), then the later-published article, then, on one day, the higher count (see
    // byUpdate). Low and high are the range over every source, never a sum of two accounts.
    const latest = [...positive].sort(byUpdate)[0]!;
    fatalities = latest.incident.fatalities!;
    low = Math.min(...positive.map((r) => r.incident.fatalities_low ?? r.incident.fatalities!));
    high = Math.max(...positive.map((r) => r.incident.fatalities_high ?? r.incident.fatalities!));
    tollFrom = latest;
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
    trace.fatalities = {
      ...tollFrom.incident.trace.fatalities,
      ...(reports.length > 1 && positive.length > 1 ? { note: `the latest of ${positive.length} sources' tolls (${tollFrom.article}${isUpdate(tollFrom) ? ', an update' : tollFrom.published ? `, published ${tollFrom.published.slice(0, 10)}` : ''}); range ${low}-${high}` } : {}),
    };
  }
  const inj = reps.map((r) => r.incident.injuries).filter((x): x is number => x !== null && x > 0);
  out.injuries = inj.length ? lowerMedian(inj) : (rs.find((r) => r.incident.injuries !== null)?.incident.injuries ?? null);

  const articles = [...new Set(rs.map((r) => r.article))].sort();
  // Confidence: the surest report's, recalibrated on the development files for fused output, where
  // an incident told by several outlets is seldom wrong (confidence.ts fusedConfidence). Reports
  // are not multiplied as independent draws (wire copy, shared sources): copies of one wire story
  // count as one outlet, and the gain for several outlets is measured, not assumed.
  const confs = rs.map((r) => r.incident.confidence).filter((c): c is number => typeof c === 'number');
  const confidence = fusedConfidence(confs, new Set(rs.map((r) => r.dupGroup)).size);
  const evidence = rs.flatMap((r) => r.incident.evidence);
  // Disputed accounts: every report's, kept side by side.
  const disputes = rs.map((r) => r.incident.disputed).filter((d): d is NonNullable<typeof d> => d !== null);
  const across = sourcesDisagree(reps, tollFrom);
  if (across) disputes.push(across);
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
