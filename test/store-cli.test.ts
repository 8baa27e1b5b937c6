/**
 * The database commands end to end, as a user runs them (a real child process, real extraction,
 * texts written for this test), on SQLite and PostgreSQL: ingest with a bad input, the listing
 * formats, show and edit, reprocess keeping the edit, the exports (the ACLED CSV read back by
 * ../shared/eval/acled-to-eval.mjs with no field lost), and watch over a feed file.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Report } from '../src/core/report.js';
import { eventIdCnty } from '../src/store/acled-codes.js';
import type { IncidentView } from '../src/store/overlay.js';
import { CLI, EVAL, HAVE_SHARED, ROOT } from './paths.js';
import { DIALECTS, freshDb, skipFor } from './store-fixtures.js';

function sitrep(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 1 << 26 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const ARTICLES: Record<string, string> = {
  'dawn-quetta.txt':
    'Gunmen shot dead two policemen at a checkpoint on Sariab Road in Quetta on Saturday, officials said.\nThe attackers, who were riding a motorcycle, fled the scene. No group claimed responsibility.\n',
  'geo-quetta.txt':
    'Two police constables were killed when unidentified gunmen opened fire on a checkpoint in Quetta on Saturday, police said. A search operation was launched in the area.\n',
  'bannu.txt': "Security forces killed four militants in an exchange of fire in Bannu district of Khyber Pakhtunkhwa on Friday, the military's media wing said.\n",
};
const JSONL = [
  { id: 'kabul-protest', source: 'Kabul Observer', published: '2025-05-04', text: 'Hundreds of students protested peacefully outside Kabul University on Sunday, demanding the reopening of classes.' },
  { id: 'turbat-ied', source: 'Makran Times', published: '2025-05-05', text: 'A roadside bomb killed three soldiers near Turbat in Kech district on Monday, officials said.' },
];

function inputs(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-store-cli-'));
  const inDir = join(dir, 'in');
  mkdirSync(inDir);
  for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(inDir, name), text);
  // The third line is cut off: it must be reported with its line number while the rest goes in.
  writeFileSync(join(inDir, 'more.jsonl'), JSONL.map((x) => JSON.stringify(x)).join('\n') + '\n{"id":"broken", "text": \n');
  return dir;
}

for (const dialect of DIALECTS) {
  const here = `[store-cli/${dialect}] `;

  test(here + 'ingest, list, show, edit, reprocess and export', { skip: skipFor(dialect), timeout: 120_000 }, async () => {
    const dir = inputs();
    const db = await freshDb(dialect);
    const D = ['--db', db.target];
    try {
      const first = sitrep(['ingest', join(dir, 'in'), '--published', '2025-05-04', '--no-progress', ...D]);
      assert.equal(first.code, 1, first.err);
      assert.match(first.err, /more\.jsonl:3: line is not JSON/);
      assert.match(first.err, /5 articles read .*: 5 new, 0 updated, 0 already stored/);
      // The same command again: nothing new, nothing changed.
      const listBefore = sitrep(['incidents', '--format', 'json', ...D]);
      const again = sitrep(['ingest', join(dir, 'in'), '--published', '2025-05-04', '--no-progress', ...D]);
      assert.match(again.err, /0 new, 0 updated, 5 already stored/);
      assert.equal(sitrep(['incidents', '--format', 'json', ...D]).out, listBefore.out);

      const list = JSON.parse(listBefore.out) as IncidentView[];
      // The two Quetta reports are one incident listing both articles.
      const quetta = list.find((v) => v.articles.includes('dawn-quetta'));
      assert.ok(quetta, listBefore.out);
      assert.deepEqual(quetta.articles, ['dawn-quetta', 'geo-quetta']);
      assert.equal(quetta.event_date, '2025-05-03');
      assert.equal(quetta.fatalities, 2);
      assert.ok(list.length >= 3 && list.length <= 4, `${list.length} incidents`);

      // The listing formats and filters are the same code on both databases: checked once.
      if (dialect === 'sqlite') {
        const table = sitrep(['incidents', ...D]);
        assert.equal(table.code, 0);
        assert.match(table.out, /^id\s+date\s+type/);
        assert.match(table.out, new RegExp(quetta.id));
        const csv = sitrep(['incidents', '--format', 'csv', '--country', 'Pakistan', ...D]);
        assert.match(csv.out, /^id,status,event_date,time_precision,/);
        assert.ok(!csv.out.includes('Kabul'));
        const geo = JSON.parse(sitrep(['incidents', '--format', 'geojson', ...D]).out) as { type: string; features: Array<{ geometry: { coordinates: number[] } }> };
        assert.equal(geo.type, 'FeatureCollection');
        assert.ok(geo.features.length >= 1);
        const search = JSON.parse(sitrep(['incidents', '--format', 'json', '--search', 'motorcycle', ...D]).out) as IncidentView[];
        assert.deepEqual(search.map((v) => v.id), [quetta.id]);
      }

      // An analyst corrects the toll and the place, and marks the incident reviewed.
      const edit = sitrep(['incident', 'edit', quetta.id, '--set', 'fatalities=3', '--set', 'location=Sariab Road, "Quetta"', '--review', '--author', 'amina', '--note', 'hospital records', ...D]);
      assert.equal(edit.code, 0, edit.err);
      assert.match(edit.out, /fatalities by amina/);
      if (dialect === 'sqlite') {
        const bad = sitrep(['incident', 'edit', quetta.id, '--set', 'fatalities=many', ...D]);
        assert.equal(bad.code, 2);
        assert.match(bad.err, /bad value for fatalities/);
      }

      // Extraction again (as after an upgrade): the edit stays.
      const re = sitrep(['reprocess', '--all', ...D]);
      assert.equal(re.code, 0, re.err);
      assert.match(re.err, /5 articles extracted again/);
      const shown = JSON.parse(sitrep(['incident', 'show', quetta.id, '--json', ...D]).out) as IncidentView;
      assert.equal(shown.fatalities, 3);
      assert.equal(shown.location, 'Sariab Road, "Quetta"');
      assert.equal(shown.status, 'reviewed');
      assert.equal(shown.edited.fatalities!.author, 'amina');
      assert.equal(shown.edited.fatalities!.extracted, 2);
      assert.deepEqual(shown.articles, ['dawn-quetta', 'geo-quetta']);

      // FORMAT.md's report of the fused database.
      const report = Report.parse(JSON.parse(sitrep(['export', '--format', 'report', ...D]).out));
      assert.equal(report.articles.length, 5);
      assert.equal(report.incidents.find((i) => i.id === quetta.id)!.fatalities, 3);
      assert.equal(report.problems.length, 1);

      // ACLED's CSV, read back by the evaluation kit's converter: no field lost.
      const csvFile = join(dir, 'export.csv');
      const exp = sitrep(['export', '--format', 'acled-csv', '-o', csvFile, ...D]);
      assert.equal(exp.code, 0, exp.err);
      if (HAVE_SHARED) {
        const out = join(dir, 'roundtrip');
        const conv = spawnSync(process.execPath, [join(EVAL, 'acled-to-eval.mjs'), '--csv', csvFile, '--out', out], { encoding: 'utf8' });
        assert.equal(conv.status, 0, conv.stderr);
        const gold = JSON.parse(readFileSync(join(out, 'gold.json'), 'utf8')) as { incidents: Array<Record<string, unknown>> };
        const views = report.incidents;
        assert.equal(gold.incidents.length, views.length);
        const FIELDS = ['event_date', 'time_precision', 'event_type', 'sub_event_type', 'actor1', 'inter1', 'actor2', 'inter2', 'country', 'admin1', 'admin2', 'location', 'latitude', 'longitude', 'geo_precision', 'fatalities'] as const;
        for (const g of gold.incidents) {
          // ACLED's event_id_cnty: the country's letters and the incident's hash as a number.
          const v = views.find((x) => eventIdCnty(x.id, x.country) === g.id)!;
          assert.ok(v, `incident ${String(g.id)} came back`);
          for (const f of FIELDS) assert.deepEqual(g[f], v[f] ?? null, `${v.id}.${f}`);
        }
        const arts = readFileSync(join(out, 'articles.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; text: string });
        // ACLED's notes: one summary sentence of the incident.
        assert.match(arts.find((a) => a.id === eventIdCnty(quetta.id, 'Pakistan'))!.text, /^On \d+ May 2025, .* in .*Quetta/);
      } else {
        assert.match(readFileSync(csvFile, 'utf8'), /^event_id_cnty,event_date,year,/);
      }
    } finally {
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('[store-cli] watch ingests a feed at every interval; the second round finds nothing new', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-watch-'));
  try {
    const body = (s: string) => `<p>${s}</p>`.repeat(1);
    const item = (n: number, text: string) =>
      `<item><title>Story ${n}</title><link>https://courier.example/story-${n}</link><pubDate>Sat, 03 May 2025 10:00:00 GMT</pubDate><description>teaser</description><content:encoded><![CDATA[${body(text)}]]></content:encoded></item>`;
    const long = (t: string) => `${t} ${'Residents said the area remained tense through the evening as security forces patrolled the main roads and markets. '.repeat(6)}`;
    const feed = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Frontier Courier</title>${item(1, long('Gunmen shot dead two policemen in Quetta on Saturday, officials said.'))}${item(2, long('Police arrested five suspects in Peshawar on Saturday after a raid, a spokesman said.'))}</channel></rss>`;
    const f = join(dir, 'courier.rss');
    writeFileSync(f, feed);
    const db = join(dir, 'w.db');
    const r = sitrep(['watch', f, '--every', '1s', '--times', '2', '--db', db]);
    assert.equal(r.code, 0, r.err);
    const rounds = r.err.trim().split('\n');
    assert.equal(rounds.length, 2, r.err);
    assert.match(rounds[0]!, /2 articles read .*: 2 new/);
    assert.match(rounds[1]!, /2 articles read .*: 0 new, 0 updated, 2 already stored/);
    assert.equal(sitrep(['watch', f, '--every', 'soon', '--db', db]).code, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('[store-cli] the progress bar shows articles/s and the time left', async () => {
  const { ProgressBar, parseDuration } = await import('../src/cli/store-commands.js');
  const bar = new ProgressBar(true);
  const line = bar.render({ done: 2500, total: 5000, stored: 2400, skipped: 100, problems: 2, elapsedMs: 10_000 });
  // 2,500 articles in 10 s: 250 articles/s, and 2,500 more take 10 s.
  assert.match(line, /\[#{12}-{12}\]/);
  assert.match(line, / 50%/);
  assert.match(line, /2500\/5000/);
  assert.match(line, /250 articles\/s/);
  assert.match(line, /0:10 left/);
  assert.match(line, /2 problems/);
  assert.match(bar.render({ done: 40, total: null, stored: 40, skipped: 0, problems: 0, elapsedMs: 2000 }), /40 articles {2}20 articles\/s {2}0:02 elapsed/);
  assert.equal(parseDuration('15m'), 900_000);
  assert.equal(parseDuration('1h30m'), 5_400_000);
  assert.throws(() => parseDuration('soon'));
});
