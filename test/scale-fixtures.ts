/**
 * Shared by the scale-out tests (pool, queue): generated articles written for these tests (events
 * in invented words, each told by one to four outlets, so fusion has work to do), and the content
 * of a database in an order-free form, to compare the database one process builds with the one
 * many build.
 */
import { openStore } from '../src/store/open-store.js';
import { rng } from './rng.js';

const CITIES = [
  ['Quetta', 'Balochistan'], ['Turbat', 'Balochistan'], ['Peshawar', 'Khyber Pakhtunkhwa'], ['Bannu', 'Khyber Pakhtunkhwa'],
  ['Karachi', 'Sindh'], ['Multan', 'Punjab'], ['Kandahar', 'Kandahar'], ['Kunduz', 'Kunduz'],
] as const;
const NUMBER = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const OUTLETS = ['Hill Gazette', 'River Courier', 'Plains Monitor', 'Border Herald'];

type Ev = { city: string; region: string; day: number; n: number; kind: number };
const TELLINGS: Array<(e: Ev) => string> = [
  (e) => `Unknown gunmen killed ${NUMBER[e.n - 2]} policemen at a checkpoint in ${e.city} on ${e.day} July 2025, officials said.`,
  (e) => `A roadside bomb hit a bus near ${e.city} in ${e.region} on ${e.day} July 2025, killing ${e.n} passengers, police said.`,
  (e) => `Troops and militants exchanged fire in ${e.city}, ${e.region}, on ${e.day} July 2025; the army said ${e.n} militants died.`,
  (e) => `Shopkeepers marched peacefully through ${e.city} on ${e.day} July 2025 to protest against a new tax.`,
];
const TAILS = ['', ' The wounded were taken to hospital.', ' Nobody has claimed the attack.', ' Officials promised an inquiry.'];


/** `n` articles as JSON lines, the same on every run for one seed. */
export function generatedArticles(n: number, seed = 7): string[] {
  const rnd = rng(seed);
  const lines: string[] = [];
  for (let ev = 0; lines.length < n; ev++) {
    const [city, region] = CITIES[Math.floor(rnd() * CITIES.length)]!;
    const e: Ev = { city, region, day: 1 + Math.floor(rnd() * 28), n: 2 + Math.floor(rnd() * 8), kind: Math.floor(rnd() * TELLINGS.length) };
    const tellings = 1 + Math.floor(rnd() * 4);
    for (let k = 0; k < tellings && lines.length < n; k++) {
      const outlet = OUTLETS[(ev + k) % OUTLETS.length]!;
      const text = (k % 2 ? 'According to local sources, ' + TELLINGS[e.kind]!(e).replace(/^./, (c) => c.toLowerCase()) : TELLINGS[e.kind]!(e)) + TAILS[(ev + k) % TAILS.length];
      lines.push(JSON.stringify({ id: `g${ev}-${k}`, url: `https://${outlet.toLowerCase().replace(/ /g, '-')}.example/${ev}/${k}`, source: outlet, published: '2025-07-30', text }));
    }
  }
  return lines;
}

/** The database's content, free of row ids and arrival order: articles, and incidents by their articles and fields. */
export async function snapshot(target: string, opts: { dupFlags?: boolean } = {}) {
  const store = await openStore(target);
  try {
    const arts = await store.db.selectFrom('articles').select(['ext_id', 'identity', 'status', 'duplicate_of']).execute();
    const views = await store.incidents({ all: true });
    const st = await store.stats();
    const links = await store.db.selectFrom('incident_reports').select('report_id').execute();
    return {
      // Which of two near-duplicates is the copy depends on which was stored first: with several
      // workers, compare without it.
      articles: arts.map((a) => `${a.ext_id} ${a.status} ${opts.dupFlags === false ? '' : a.duplicate_of === null ? '' : 'dup'}`).sort(),
      duplicates: arts.filter((a) => a.duplicate_of !== null).length,
      identities: new Set(arts.map((a) => a.identity)).size,
      reports: st.reports,
      linked: links.length,
      distinctLinked: new Set(links.map((l) => Number(l.report_id))).size,
      // The incidents by their articles only: which of two near-duplicates counts as the copy
      // depends on arrival order (similarity is not transitive), and the copy's vote on a field's
      // value with it.
      clusters: views.map((v) => JSON.stringify([...v.articles].sort())).sort(),
      incidents: views
        .map((v) => JSON.stringify([[...v.articles].sort(), v.event_date, v.sub_event_type, v.actor1, v.actor2, v.location, v.admin1, v.country, v.fatalities, v.fatalities_low, v.fatalities_high]))
        .sort(),
    };
  } finally {
    await store.close();
  }
}
