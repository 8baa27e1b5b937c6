/**
 * `npm run eval -- --set NAME --diff`: article by article, what the gold has and sitrep does not,
 * and the reverse, with the evidence. The loop one lives in while improving extraction.
 *
 * Matching follows ../shared/eval/FORMAT.md (shared article, dates within 1 day or 7 for a gold
 * time_precision of 2-3, same admin1 or within 50 km; greedy, best pair first), so the pairs shown
 * here are the pairs the scorer counts. Also: `splitGoldPerArticle`, the gold with every incident
 * of several articles cut into one incident per article, to score a report that does not fuse.
 */
import { readFileSync } from 'node:fs';

type Obj = Record<string, unknown>;
interface Doc {
  incidents: Obj[];
  quotes?: Obj[];
  negatives?: string[];
}

const fold = (s: unknown): string =>
  String(s ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const ADMIN_WORDS = /\b(district|province|governorate|state|region|division|city|town|village|county|municipality|prefecture|tehsil|agency)\b/g;
const place = (s: unknown): string | null => {
  const f = fold(s).replace(ADMIN_WORDS, ' ').replace(/\s+/g, ' ').trim();
  return f || null;
};
const day = (s: unknown): number | null => (typeof s === 'string' && /^\d{4}-\d{2}-\d{2}/.test(s) ? Date.parse(`${s.slice(0, 10)}T00:00:00Z`) / 86400000 : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && !isNaN(Number(v)) ? Number(v) : null);
function km(a: Obj, b: Obj): number {
  const [la1, lo1, la2, lo2] = [num(a.latitude), num(a.longitude), num(b.latitude), num(b.longitude)];
  if (la1 === null || lo1 === null || la2 === null || lo2 === null) return Infinity;
  const r = Math.PI / 180;
  const h = Math.sin(((la2 - la1) * r) / 2) ** 2 + Math.cos(la1 * r) * Math.cos(la2 * r) * Math.sin(((lo2 - lo1) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}
const arts = (x: Obj): string[] => (Array.isArray(x.articles) ? x.articles.map(String) : []);

/** The scorer's pair score, or null when the two cannot be a pair. */
function pairScore(g: Obj, r: Obj): number | null {
  const ga = arts(g), ra = new Set(arts(r));
  const shared = ga.filter((a) => ra.has(a)).length;
  if (!shared) return null;
  let score = (4 * shared) / (ga.length + ra.size - shared);
  const gd = day(g.event_date);
  if (gd !== null) {
    const rd = day(r.event_date);
    if (rd === null) return null;
    const tol = g.time_precision === 2 || g.time_precision === 3 ? 7 : 1;
    if (Math.abs(gd - rd) > tol) return null;
    score += 2 * (1 - Math.abs(gd - rd) / (tol + 1));
  } else score += 2;
  const d = km(g, r);
  if (place(g.admin1) || d !== Infinity || num(g.latitude) !== null) {
    const same1 = !!place(g.admin1) && place(g.admin1) === place(r.admin1);
    if (!same1 && !(d <= 50)) return null;
    score += 2;
  } else score += 2;
  return score;
}

export function matchPairs(gold: Obj[], report: Obj[]): Map<number, number> {
  const pairs: [number, number, number][] = [];
  gold.forEach((g, gi) => report.forEach((r, ri) => {
    const s = pairScore(g, r);
    if (s !== null) pairs.push([s, gi, ri]);
  }));
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const m = new Map<number, number>();
  const usedR = new Set<number>();
  for (const [, gi, ri] of pairs) {
    if (m.has(gi) || usedR.has(ri)) continue;
    m.set(gi, ri);
    usedR.add(ri);
  }
  return m;
}

/** The gold with each incident of k articles cut into k incidents of one article each. */
export function splitGoldPerArticle(gold: Doc & Obj): Doc & Obj {
  const incidents = gold.incidents.flatMap((g) => arts(g).map((a) => ({ ...g, articles: [a] })));
  return { ...gold, incidents };
}

const FIELDS: [string, (g: Obj, r: Obj) => boolean | null][] = [
  ['sub_event_type', (g, r) => (g.sub_event_type == null ? null : g.sub_event_type === r.sub_event_type)],
  ['event_date', (g, r) => (g.event_date == null ? null : g.event_date === r.event_date)],
  ['admin1', (g, r) => (g.admin1 == null ? null : place(g.admin1) === place(r.admin1))],
  ['admin2', (g, r) => (g.admin2 == null ? null : place(g.admin2) === place(r.admin2))],
  ['xy25km', (g, r) => (num(g.latitude) === null ? null : km(g, r) <= 25)],
  [
    'fatalities',
    (g, r) => {
      if (g.fatalities == null && g.fatalities_low == null) return null;
      const f = num(r.fatalities);
      const lo = num(g.fatalities_low) ?? num(g.fatalities);
      const hi = num(g.fatalities_high) ?? (g.fatalities_low != null ? Infinity : num(g.fatalities));
      return f !== null && lo !== null && hi !== null && f >= lo && f <= hi;
    },
  ],
  ['inter1', (g, r) => (g.inter1 == null ? null : Number(g.inter1) === Number(r.inter1))],
  ['actor1', (g, r) => (g.actor1 == null ? null : actorMatch(g.actor1, r.actor1) || actorMatch(g.actor1, r.actor2))],
];
/** Is the reported value of field `k` right for the gold incident? null where the gold has none. */
export function fieldRight(k: string, g: Obj, r: Obj): boolean | null {
  const f = FIELDS.find(([name]) => name === k);
  return f ? f[1](g, r) : null;
}
const ACTOR_STOP = new Set(['of', 'the', 'forces', 'military', 'group']);
function actorMatch(a: unknown, b: unknown): boolean {
  const t = (s: unknown) => new Set(fold(String(s ?? '').replace(/\(\d{4}-?\d{0,4}\)/g, '')).split(' ').filter((w) => w && !ACTOR_STOP.has(w)));
  const A = t(a), B = t(b);
  if (!A.size || !B.size) return false;
  const inter = [...A].filter((w) => B.has(w)).length;
  return inter / (A.size + B.size - inter) >= 0.5;
}

const brief = (x: Obj): string =>
  [
    x.event_date,
    x.sub_event_type,
    `${x.actor1 ?? '-'}(${x.inter1 ?? '-'}) vs ${x.actor2 ?? '-'}(${x.inter2 ?? '-'})`,
    [x.location, x.admin2, x.admin1, x.country].filter(Boolean).join(', '),
    `toll ${x.fatalities ?? '-'}${x.fatalities_low != null || x.fatalities_high != null ? ` [${x.fatalities_low ?? ''}-${x.fatalities_high ?? ''}]` : ''}`,
    x.background ? 'background' : '',
  ]
    .filter(Boolean)
    .join(' | ');

function evidence(r: Obj, article: string): string {
  const ev = Array.isArray(r.evidence) ? (r.evidence as Obj[]).filter((e) => e.article === article) : [];
  const t = ev.map((e) => String(e.text)).join(' … ');
  return t.length > 300 ? `${t.slice(0, 300)}…` : t;
}

/** Lines of the diff, article by article (only articles with a difference). */
export function diffLines(gold: Doc & Obj, report: Doc & Obj, articlesJsonl: string): string[] {
  const texts = new Map<string, { title?: string }>();
  for (const line of readFileSync(articlesJsonl, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const a = JSON.parse(line) as { id: string; title?: string };
    texts.set(String(a.id), a);
  }
  const G = gold.incidents.filter((g) => g.event_type != null || g.sub_event_type != null);
  const R = report.incidents;
  const m = matchPairs(G, R);
  const gOfR = new Map([...m].map(([g, r]) => [r, g]));
  const negatives = new Set((gold.negatives ?? []).map(String));
  const out: string[] = [];
  const counts = { missed: 0, extra: 0, wrong: 0 };
  for (const [id, a] of texts) {
    const lines: string[] = [];
    const gHere = G.map((g, i) => [g, i] as const).filter(([g]) => arts(g).includes(id));
    const rHere = R.map((r, i) => [r, i] as const).filter(([r]) => arts(r).includes(id));
    for (const [g, gi] of gHere) {
      const ri = m.get(gi);
      if (ri === undefined) {
        // only count a miss once, on the gold incident's first article
        if (arts(g)[0] === id) counts.missed++;
        lines.push(`  MISSED  ${brief(g)}${g.background ? '' : ''}`);
        continue;
      }
      const r = R[ri]!;
      const bad = FIELDS.filter(([, f]) => f(g, r) === false).map(([k]) => k);
      if (bad.length) {
        if (arts(g)[0] === id) counts.wrong++;
        lines.push(`  WRONG   ${bad.join(', ')}`);
        lines.push(`     gold ${brief(g)}`);
        lines.push(`     ours ${brief(r)}`);
        lines.push(`     ev   ${evidence(r, id)}`);
      }
    }
    for (const [r, ri] of rHere) {
      if (gOfR.has(ri)) continue;
      if (arts(r)[0] === id) counts.extra++;
      lines.push(`  EXTRA   ${brief(r)}${negatives.has(id) ? '  (negative article)' : ''}`);
      lines.push(`     ev   ${evidence(r, id)}`);
    }
    if (lines.length) out.push(`${id}  ${a.title ?? ''}`, ...lines);
  }
  out.push('', `missed ${counts.missed}, extra ${counts.extra}, matched with a wrong field ${counts.wrong}`);
  return out;
}
