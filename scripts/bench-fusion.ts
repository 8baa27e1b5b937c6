/**
 * Fusion at scale: 100,000 incident reports (synthetic, seeded: events in 4 countries over a
 * year, each told by 1-4 articles in other words, with another toll, a day's slip, the district
 * for the town) fused on one core as the store fuses them, block by block. Prints the time, the
 * reports per second, the incidents made and the peak RSS.
 *
 *   node dist/scripts/bench-fusion.js [--n 100000] [--json]
 */
import { fuseAll, reportKey } from '../src/fuse/articles.js';
import type { FusionReport } from '../src/fuse/fuse.js';
import type { ReportIncident } from '../src/core/report.js';

const args = process.argv.slice(2);
const N = Number(args[args.indexOf('--n') + 1] || 0) || 100_000;

// mulberry32: the same reports in every run.
let seed = 0x5eed;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const COUNTRIES = ['Pakistan', 'Afghanistan', 'Nigeria', 'Syria'];
const SUBS = [
  ['Attack', 'Violence against civilians', 'Gunmen attacked'],
  ['Armed clash', 'Battles', 'Troops clashed with militants'],
  ['Remote explosive/landmine/IED', 'Explosions/Remote violence', 'A roadside bomb struck'],
  ['Air/drone strike', 'Explosions/Remote violence', 'An air strike hit'],
  ['Peaceful protest', 'Protests', 'Hundreds protested'],
] as const;
const ACTORS = ['Unidentified Armed Group', 'Military Forces', 'Police Forces', 'Civilians', 'Protesters'];
const WORDS = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}x${'abcdefghij'[i % 10]}ord`);

const places = COUNTRIES.map((country, ci) =>
  Array.from({ length: 12 }, (_, pi) => ({
    admin1: `Province ${ci}-${pi}`,
    towns: Array.from({ length: 25 }, (_, ti) => ({ name: `Town ${ci}-${pi}-${ti}`, district: `District ${ci}-${pi}-${ti % 6}`, lat: 10 + ci * 8 + pi * 0.5 + ti * 0.02, lon: 30 + ci * 8 + pi * 0.5 + ti * 0.03 })),
    country,
  })),
);

const iso = (day: number) => new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);

function reportOf(article: string, idx: number, ev: { day: number; country: string; prov: (typeof places)[0][0]; town: (typeof places)[0][0]['towns'][0]; sub: (typeof SUBS)[number]; actor: string; toll: number; words: string[] }, variant: number): FusionReport {
  const slip = variant > 0 && rand() < 0.2 ? 1 : 0;
  const vague = variant > 0 && rand() < 0.2;
  const toll = variant > 0 && ev.toll > 0 ? ev.toll + Math.floor(rand() * 3) : ev.toll;
  const words = ev.words.filter(() => rand() < 0.7).concat(Array.from({ length: 3 }, () => pick(WORDS)));
  const text = `${ev.sub[2]} ${vague ? ev.town.district : ev.town.name} ${words.join(' ')}, killing ${toll}.`;
  const inc: ReportIncident = {
    id: `${article}#${idx}`,
    articles: [article],
    background: false,
    confidence: 0.7,
    event_date: iso(ev.day + slip),
    time_precision: 1,
    disorder_type: ev.sub[1] === 'Protests' ? 'Demonstrations' : 'Political violence',
    event_type: ev.sub[1],
    sub_event_type: ev.sub[0],
    actor1: `${ev.actor} (${ev.country})`,
    inter1: 3,
    actor2: null,
    inter2: null,
    country: ev.country,
    admin1: ev.prov.admin1,
    admin2: ev.town.district,
    location: vague ? ev.town.district : ev.town.name,
    latitude: ev.town.lat,
    longitude: ev.town.lon,
    geo_precision: vague ? 2 : 1,
    fatalities: toll,
    fatalities_low: null,
    fatalities_high: null,
    injuries: null,
    disputed: null,
    evidence: [{ article, start: 0, end: text.length, text }],
    trace: {},
  } as ReportIncident;
  return { key: reportKey(article.padStart(20, '0'), article, idx), article, articleKey: article, dupGroup: article, published: iso(ev.day + 1), incident: inc };
}

function make(n: number): FusionReport[] {
  const out: FusionReport[] = [];
  let art = 0;
  while (out.length < n) {
    const ci = Math.floor(rand() * COUNTRIES.length);
    const prov = pick(places[ci]!);
    const ev = { day: Math.floor(rand() * 365), country: COUNTRIES[ci]!, prov, town: pick(prov.towns), sub: pick(SUBS), actor: pick(ACTORS), toll: Math.floor(rand() * 8), words: Array.from({ length: 6 }, () => pick(WORDS)) };
    const tellings = 1 + Math.floor(rand() * 4);
    for (let v = 0; v < tellings && out.length < n; v++) out.push(reportOf(`a${art++}`, 0, ev, v));
  }
  return out;
}

function main(): void {
  const reports = make(N);
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const incidents = fuseAll(reports);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  // CPU time as well as the wall clock: on a shared machine the wall clock counts the waits.
  const cpu = process.cpuUsage(c0);
  const result = {
    reports: N,
    incidents: incidents.length,
    seconds: Math.round(ms / 100) / 10,
    cpu_seconds: Math.round((cpu.user + cpu.system) / 1e5) / 10,
    reports_per_second: Math.round((N * 1000) / ms),
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  if (args.includes('--json')) console.log(JSON.stringify(result));
  else console.log(`fusion of ${N} reports on one core: ${result.seconds} s wall, ${result.cpu_seconds} s CPU (${result.reports_per_second} reports/s), ${result.incidents} incidents, peak RSS ${result.peak_rss_mb} MB`);
}

main();
