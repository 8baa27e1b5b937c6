/** The readable summary of `sitrep extract` (without --json): what an analyst reads first. */
import type { Incident } from '../core/types.js';
import type { ArticleResult } from '../pipeline.js';

const PRECISION_TIME = ['', 'day', 'week', 'month'];
const PRECISION_GEO = ['', 'town', 'near/part of region', 'region'];

export function formatSummary(results: ArticleResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    const a = r.article;
    out.push(`══ ${a.id}${a.title ? ` — ${a.title}` : ''}${a.published ? ` (published ${a.published})` : ''}`);
    if (r.incidents.length === 0) out.push('  No political-violence incident found.');
    r.incidents.forEach((inc, i) => out.push(...formatIncident(inc, i + 1)));
    if (r.people.length) {
      out.push('  People:');
      for (const p of r.people) out.push(`    ${p.name}${p.role ? ` — ${p.role}` : ''}`);
    }
    if (r.quotes.length) {
      out.push('  Quotes:');
      for (const q of r.quotes)
        out.push(`    ${q.speaker ?? '(unknown speaker)'}: “${clip(q.text, 140)}” [${q.start}–${q.end}]`);
    }
    if (r.claims.length) {
      out.push('  Claims:');
      for (const c of r.claims)
        out.push(
          `    ${c.source ?? '(no source)'}: ${c.qualifier ? c.qualifier + ' ' : ''}${c.value} ${c.what}${c.period ? ` (${c.period})` : ''}`,
        );
    }
    out.push('');
  }
  return out.join('\n');
}

function formatIncident(inc: Incident, n: number): string[] {
  const v = <T>(f: { value: T } | null) => (f ? f.value : null);
  const place = [v(inc.location), v(inc.admin2), v(inc.admin1), v(inc.country)].filter((x, i, arr) => x && arr.indexOf(x) === i);
  const tp = v(inc.time_precision);
  const gp = v(inc.geo_precision);
  const fat = inc.fatalities.value;
  const lines = [
    `  ${n}. ${inc.sub_event_type.value} (${inc.event_type.value})${inc.background ? ' [background]' : ''}${inc.disputed ? ' [DISPUTED]' : ''}`,
    `     when:  ${v(inc.event_date) ?? 'unknown'}${tp ? ` (${PRECISION_TIME[tp]})` : ''}`,
    `     where: ${place.join(', ') || 'unknown'}${gp ? ` (${PRECISION_GEO[gp]})` : ''}${
      inc.latitude && inc.longitude ? ` @ ${inc.latitude.value.toFixed(3)}, ${inc.longitude.value.toFixed(3)}` : ''
    }`,
    `     who:   ${v(inc.actor1) ?? '?'}${inc.inter1 ? ` [${inc.inter1.value}]` : ''} vs ${v(inc.actor2) ?? '—'}${inc.inter2 ? ` [${inc.inter2.value}]` : ''}`,
    `     toll:  ${fat === null ? 'deaths reported, no number' : fat}${
      inc.fatalities_low || inc.fatalities_high ? ` (low ${v(inc.fatalities_low) ?? '?'}, high ${v(inc.fatalities_high) ?? '?'})` : ''
    }${inc.injuries && inc.injuries.value ? `; injured ${inc.injuries.value}` : ''}`,
  ];
  if (inc.disputed) {
    lines.push(`     dispute: ${inc.disputed.summary}`);
    for (const c of inc.disputed.claims) lines.push(`       - ${c.source ?? '(unattributed)'}: ${clip(c.says, 120)}`);
  }
  lines.push('     evidence:');
  for (const e of inc.evidence) lines.push(`       [${e.start}–${e.end}] ${clip(e.text, 200)}`);
  const ev = (name: string, f: { evidence: { text: string }[]; rule: string } | null) =>
    f && f.evidence.length ? `${name}←“${clip(f.evidence.map((e) => e.text).join(' … '), 40)}”` : null;
  const marks = [
    ev('type', inc.sub_event_type),
    ev('date', inc.event_date),
    ev('place', inc.location ?? inc.admin2 ?? inc.admin1),
    ev('actor1', inc.actor1),
    ev('actor2', inc.actor2),
    ev('toll', inc.fatalities),
  ].filter(Boolean);
  if (marks.length) lines.push(`     fields: ${marks.join('  ')}`);
  return lines;
}

function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}
