/**
 * kill -9 in the middle of a 5,000-article ingest, then the same command again: every article is
 * stored exactly once and no incident is duplicated. A real child process runs the real CLI; the
 * database it leaves must equal the one a clean, uninterrupted run makes.
 *
 * The articles are generated from templates written for this test: 1,400 events, each reported by
 * one to six outlets in different words, so fusion has real work to do.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openStore } from '../src/store/open-store.js';
import { CLI, ROOT } from './paths.js';
import { rng } from './rng.js';
import { freshDb, skipFor, type Dialect } from './store-fixtures.js';

const N = 5000;

const CITIES = [
  ['Quetta', 'Balochistan'], ['Turbat', 'Balochistan'], ['Gwadar', 'Balochistan'], ['Khuzdar', 'Balochistan'],
  ['Peshawar', 'Khyber Pakhtunkhwa'], ['Bannu', 'Khyber Pakhtunkhwa'], ['Dera Ismail Khan', 'Khyber Pakhtunkhwa'], ['Mardan', 'Khyber Pakhtunkhwa'],
  ['Karachi', 'Sindh'], ['Hyderabad', 'Sindh'], ['Lahore', 'Punjab'], ['Multan', 'Punjab'],
  ['Kandahar', 'Kandahar'], ['Jalalabad', 'Nangarhar'], ['Kunduz', 'Kunduz'], ['Herat', 'Herat'],
] as const;
const MONTH = ['May', 'June'] as const;
const NUMBER = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const OUTLETS = ['Frontier Courier', 'Daily Indus', 'Kabul Observer', 'Makran Times', 'Northern Herald', 'Valley Post'];


type Ev = { city: string; region: string; day: number; month: string; n: number; kind: number };

const TEMPLATES: Array<(e: Ev, k: number) => string> = [
  (e) => `${e.city.toUpperCase()}: Gunmen shot dead ${NUMBER[e.n - 2]} policemen at a checkpoint in ${e.city} on ${e.day} ${e.month} 2025, officials said. The attackers fled the scene.`,
  (e) => `At least ${e.n} people were killed when a roadside bomb struck a vehicle near ${e.city} in ${e.region} on ${e.day} ${e.month} 2025, police said.`,
  (e) => `On ${e.day} ${e.month} 2025, security forces clashed with militants in ${e.city}, ${e.region}. The military said ${e.n} militants were killed in the exchange of fire.`,
  (e) => `Hundreds of traders protested in ${e.city} on ${e.day} ${e.month} 2025 against power cuts, blocking the main road for ${e.n} hours before dispersing peacefully.`,
  (e) => `Police arrested ${NUMBER[e.n - 2]} suspects in ${e.city} on ${e.day} ${e.month} 2025 in connection with a string of attacks on security personnel, a spokesman said.`,
];
const LEADS = ['', 'Officials said on Sunday that ', 'According to local sources, ', 'In a statement, the provincial government said that '];
const TAILS = ['', ' An investigation is under way.', ' No group has claimed responsibility.', ' The injured were taken to a district hospital.', ' Residents said the area was tense.'];

function articles(): string {
  const rnd = rng(20250503);
  const lines: string[] = [];
  let ev = 0;
  while (lines.length < N) {
    const [city, region] = CITIES[Math.floor(rnd() * CITIES.length)]!;
    const e: Ev = { city, region, day: 1 + Math.floor(rnd() * 28), month: MONTH[Math.floor(rnd() * 2)]!, n: 2 + Math.floor(rnd() * 10), kind: Math.floor(rnd() * TEMPLATES.length) };
    const reports = 1 + Math.floor(rnd() * 6);
    for (let k = 0; k < reports && lines.length < N; k++) {
      const lead = LEADS[(ev + k) % LEADS.length]!;
      let text = TEMPLATES[e.kind]!(e, k);
      if (lead) text = lead + text.charAt(0).toLowerCase() + text.slice(1);
      text += TAILS[(ev * 7 + k) % TAILS.length];
      const outlet = OUTLETS[(ev + k) % OUTLETS.length]!;
      lines.push(JSON.stringify({ id: `ev${ev}-r${k}`, url: `https://${outlet.toLowerCase().replace(/ /g, '-')}.example/news/${ev}-${k}`, source: outlet, text }));
    }
    ev++;
  }
  return lines.join('\n') + '\n';
}

function countArticles(d: Dialect, target: string): Promise<number> {
  if (d === 'sqlite') {
    try {
      const db = new Database(target, { readonly: true, fileMustExist: true });
      try {
        return Promise.resolve(Number((db.prepare('select count(*) as n from articles').get() as { n: number }).n));
      } finally {
        db.close();
      }
    } catch {
      return Promise.resolve(0);
    }
  }
  const c = new pg.Client({ connectionString: target });
  return c
    .connect()
    .then(() => c.query('select count(*)::int as n from articles'))
    .then((r) => Number(r.rows[0].n))
    .catch(() => 0)
    .finally(() => c.end().catch(() => {}));
}

/** Run the CLI's ingest and kill it with SIGKILL once `killAt` articles are committed. */
async function ingestAndKill(d: Dialect, target: string, input: string, killAt: number): Promise<number> {
  const child = spawn(process.execPath, [CLI, 'ingest', input, '--db', target, '--batch', '100', '--no-progress', '--quiet'], { cwd: ROOT, stdio: 'ignore' });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  let done = false;
  void exited.then(() => (done = true));
  for (;;) {
    await new Promise((r) => setTimeout(r, 25));
    if (done) throw new Error('the ingest finished before it could be killed: raise N or lower killAt');
    const n = await countArticles(d, target);
    if (n >= killAt) {
      child.kill('SIGKILL');
      await exited;
      return n;
    }
  }
}

function ingest(target: string, input: string) {
  return spawnSync(process.execPath, [CLI, 'ingest', input, '--db', target, '--batch', '100', '--no-progress'], { cwd: ROOT, encoding: 'utf8' });
}

/** The database's content in an order-free form: articles and the fused incidents. */
async function snapshot(target: string) {
  const store = await openStore(target);
  try {
    const arts = await store.db.selectFrom('articles').select(['ext_id', 'identity']).execute();
    const views = await store.incidents({ all: true });
    const st = await store.stats();
    const links = await store.db.selectFrom('incident_reports').select('report_id').execute();
    return {
      articles: arts.map((a) => a.ext_id).sort(),
      identities: new Set(arts.map((a) => a.identity)).size,
      reports: st.reports,
      linked: links.length,
      distinctLinked: new Set(links.map((l) => Number(l.report_id))).size,
      incidents: views.map((v) => JSON.stringify([v.articles, v.event_date, v.sub_event_type, v.location, v.fatalities, v.fatalities_low, v.fatalities_high])).sort(),
    };
  } finally {
    await store.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'sitrep-crash-'));
const input = join(dir, 'articles.jsonl');
writeFileSync(input, articles());
const results = new Map<Dialect, Awaited<ReturnType<typeof snapshot>>>();

for (const dialect of ['sqlite', 'postgres'] as const) {
  test(`[crash/${dialect}] kill -9 during a 5,000-article ingest, then the same command: each article once, no incident twice`, { skip: skipFor(dialect), timeout: 180_000 }, async () => {
    const db = await freshDb(dialect);
    try {
      // Killed at different points on the two databases, so their results cross-check each other.
      const killedAt = await ingestAndKill(dialect, db.target, input, dialect === 'sqlite' ? 1200 : 2600);
      assert.ok(killedAt < N, `killed at ${killedAt}`);
      const again = ingest(db.target, input);
      assert.equal(again.status, 0, again.stderr);
      // The second run skipped what the first had committed.
      assert.match(again.stderr, /(\d+) already stored/);
      assert.ok(Number(/(\d+) already stored/.exec(again.stderr)![1]) >= killedAt, again.stderr);
      const snap = await snapshot(db.target);
      assert.equal(snap.articles.length, N);
      assert.equal(new Set(snap.articles).size, N, 'no article stored twice');
      assert.equal(snap.identities, N);
      assert.ok(snap.reports >= N * 0.5, `${snap.reports} reports`);
      // No incident twice: every report in exactly one incident.
      assert.equal(snap.linked, snap.reports);
      assert.equal(snap.distinctLinked, snap.reports);
      // Fusing every block again from the stored reports changes nothing.
      const store = await openStore(db.target);
      try {
        const blocks = await store.db.selectFrom('reports').select('block').distinct().execute();
        await store.db.insertInto('dirty_blocks').values(blocks).execute();
        await store.fuseDirty();
      } finally {
        await store.close();
      }
      assert.deepEqual((await snapshot(db.target)).incidents, snap.incidents);
      // And a third run of the command changes nothing.
      const third = ingest(db.target, input);
      assert.equal(third.status, 0, third.stderr);
      assert.match(third.stderr, new RegExp(`0 new, 0 updated, ${N} already stored`));
      assert.deepEqual((await snapshot(db.target)).incidents, snap.incidents);
      results.set(dialect, snap);
      const other = results.get(dialect === 'sqlite' ? 'postgres' : 'sqlite');
      if (other) {
        assert.equal(snap.reports, other.reports);
        assert.deepEqual(snap.incidents, other.incidents, 'both databases, killed at different points, end the same');
      }
    } finally {
      await db.drop();
    }
  });
}

for (const dialect of ['sqlite', 'postgres'] as const) {
  test(`[crash/${dialect}] two ingests of the same articles at once: each article once`, { skip: skipFor(dialect), timeout: 120_000 }, async () => {
    const db = await freshDb(dialect);
    const small = join(dir, `small-${dialect}.jsonl`);
    writeFileSync(small, readFileSync(input, 'utf8').split('\n').slice(0, 150).join('\n') + '\n');
    try {
      const run = () =>
        new Promise<{ code: number | null; err: string }>((resolve) => {
          const c = spawn(process.execPath, [CLI, 'ingest', small, '--db', db.target, '--batch', '25', '--no-progress'], { cwd: ROOT });
          let err = '';
          c.stderr.on('data', (d: Buffer) => (err += d.toString()));
          c.on('exit', (code) => resolve({ code, err }));
        });
      const [a, b] = await Promise.all([run(), run()]);
      assert.equal(a.code, 0, a.err);
      assert.equal(b.code, 0, b.err);
      const snap = await snapshot(db.target);
      assert.equal(snap.articles.length, 150);
      assert.equal(new Set(snap.articles).size, 150);
      assert.equal(snap.linked, snap.reports);
      assert.equal(snap.distinctLinked, snap.reports);
    } finally {
      await db.drop();
    }
  });
}

test('[crash] cleanup', () => rmSync(dir, { recursive: true, force: true }));
