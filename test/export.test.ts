/**
 * The exports as a user runs them (a real child process, real extraction, a real SQLite file,
 * texts written for this test): `acled-csv` has exactly ACLED's 31 columns in ACLED's order and
 * ACLED's value conventions, and ../shared/eval/acled-to-eval.mjs reads it back without a
 * warning; `sitrep-csv` adds sitrep's own columns; no CSV cell can run as a spreadsheet formula.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { csvCell, neutralise } from '../src/store/export.js';
import { countryCodes, eventIdCnty, summary } from '../src/store/acled-codes.js';
import { CLI, EVAL, HAVE_SHARED, ROOT } from './paths.js';

const here = '[export] ';

function sitrep(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT, maxBuffer: 1 << 26 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A minimal RFC 4180 reader (quoted cells, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (q) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') q = false;
      else cell += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else if (ch !== '\r') cell += ch;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

const ACLED_31 =
  'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp';

const FORMULA = '=HYPERLINK("http://x","click")';
const ARTICLES = [
  // The source is what a hostile feed title or POST could carry.
  { id: 'bannu-clash', source: FORMULA, published: '2025-05-03', text: "Security forces killed four militants in an exchange of fire in Bannu district of Khyber Pakhtunkhwa on Friday, the military's media wing said." },
  { id: 'turbat-ied', source: 'Makran Times', published: '2025-05-06', text: 'A roadside bomb killed three soldiers near Turbat in Kech district of Balochistan on Monday, officials said.' },
];

let made: { dir: string; db: string } | null = null;
/** One database for both export tests (an ingest loads the language model: seconds). */
function database(): { dir: string; db: string } {
  if (made) return made;
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-export-'));
  writeFileSync(join(dir, 'in.jsonl'), ARTICLES.map((a) => JSON.stringify(a)).join('\n') + '\n');
  const db = join(dir, 'x.db');
  const r = sitrep(['ingest', join(dir, 'in.jsonl'), '--db', db, '--no-progress']);
  assert.equal(r.code, 0, r.err);
  made = { dir, db };
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return made;
}

test(here + 'a cell that begins with =, +, -, @, tab or CR is written as text; numbers stay numbers', () => {
  for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) assert.equal(neutralise(s)[0], "'", JSON.stringify(s));
  assert.equal(neutralise('Quetta'), 'Quetta');
  assert.equal(csvCell(-33.5), '-33.5');
  assert.equal(csvCell(FORMULA), `"'=HYPERLINK(""http://x"",""click"")"`);
});

test(here + "ACLED's codes and notes: ISO numeric, region, the country's letters in the id, one summary sentence", () => {
  assert.deepEqual(countryCodes('Pakistan'), { alpha2: 'PK', alpha3: 'PAK', numeric: 586, region: 'Southern Asia' });
  assert.equal(countryCodes('Afghanistan')!.numeric, 4);
  assert.equal(countryCodes('Democratic Republic of Congo')!.region, 'Middle Africa');
  assert.equal(countryCodes('Syria')!.region, 'Middle East');
  assert.equal(eventIdCnty('i00000000ff', 'Pakistan'), 'PAK255');
  assert.equal(
    summary({ event_date: '2025-03-11', sub_event_type: 'Remote explosive/landmine/IED', actor1: 'Unidentified Armed Group (Pakistan)', actor2: 'Police Forces of Pakistan (2024-)', location: 'Quetta', admin2: 'Quetta', admin1: 'Balochistan', country: 'Pakistan', fatalities: 4 }),
    'On 11 March 2025, Unidentified Armed Group (Pakistan) detonated an explosive device against Police Forces of Pakistan (2024-) in Quetta (Quetta, Balochistan). 4 fatalities.',
  );
});

test(here + "acled-csv: ACLED's 31 columns in order, ACLED's conventions, formulas inert; the converter reads it without a warning", { timeout: 120_000 }, () => {
  const { dir, db } = database();
  try {
    const file = join(dir, 'acled.csv');
    const r = sitrep(['export', '--format', 'acled-csv', '-o', file, '--db', db]);
    assert.equal(r.code, 0, r.err);
    const text = readFileSync(file, 'utf8');
    const rows = parseCsv(text);
    assert.equal(rows[0]!.join(','), ACLED_31);
    assert.equal(rows[0]!.length, 31);
    const recs = rows.slice(1).map((r) => Object.fromEntries(rows[0]!.map((h, i) => [h, r[i]!])));
    assert.equal(recs.length, 2, text);
    for (const x of recs) {
      assert.equal(Object.keys(x).length, 31);
      assert.match(x.event_id_cnty!, /^PAK\d+$/);
      assert.equal(x.iso, '586');
      assert.equal(x.region, 'Southern Asia');
      assert.equal(x.country, 'Pakistan');
      assert.match(x.notes!, /^On \d+ May 2025, .+\.( \d+ fatalit(y|ies)\.)?$/);
      assert.ok(!x.notes!.includes('said'), 'notes are a summary, not the article sentences');
      assert.match(x.timestamp!, /^\d{10}$/);
      assert.match(x.interaction!, /^\d{2}$/);
    }
    const bannu = recs.find((x) => x.admin1 === 'Khyber Pakhtunkhwa')!;
    assert.equal(bannu.source, "'" + FORMULA, 'the formula is written as text');
    assert.ok(!/^=|,=/m.test(text.replace(/"'=/g, '')), 'no cell starts with =');
    if (HAVE_SHARED) {
      const out = join(dir, 'back');
      const conv = spawnSync(process.execPath, [join(EVAL, 'acled-to-eval.mjs'), '--csv', file, '--out', out], { encoding: 'utf8' });
      assert.equal(conv.status, 0, conv.stderr);
      assert.doesNotMatch(conv.stderr, /warning/, conv.stderr);
      const gold = JSON.parse(readFileSync(join(out, 'gold.json'), 'utf8')) as { incidents: Array<Record<string, unknown>> };
      assert.equal(gold.incidents.length, 2);
      for (const g of gold.incidents) {
        const x = recs.find((r) => r.event_id_cnty === g.id)!;
        for (const f of ['event_type', 'sub_event_type', 'actor1', 'actor2', 'admin1', 'admin2', 'location', 'event_date'] as const) assert.equal(g[f], x[f] || null, f);
        assert.equal(g.fatalities, Number(x.fatalities));
        assert.equal(g.latitude, Number(x.latitude));
      }
    }
  } finally {
    rmSync(join(dir, 'acled.csv'), { force: true });
  }
});

test(here + "sitrep-csv: ACLED's columns, then the toll's range, confidence, review state, articles, evidence; formulas inert", { timeout: 120_000 }, () => {
  const { db } = database();
  {
    const r = sitrep(['export', '--format', 'sitrep-csv', '--db', db]);
    assert.equal(r.code, 0, r.err);
    const rows = parseCsv(r.out);
    assert.equal(rows[0]!.slice(0, 31).join(','), ACLED_31);
    assert.deepEqual(rows[0]!.slice(31), ['sitrep_id', 'fatalities_low', 'fatalities_high', 'injuries', 'confidence', 'status', 'disputed', 'articles', 'evidence']);
    const recs = rows.slice(1).map((r) => Object.fromEntries(rows[0]!.map((h, i) => [h, r[i]!])));
    const bannu = recs.find((x) => x.articles === 'bannu-clash')!;
    assert.equal(bannu.source, "'" + FORMULA);
    assert.equal(bannu.status, 'new');
    assert.ok(Number(bannu.confidence) > 0 && Number(bannu.confidence) <= 1, bannu.confidence);
    assert.match(bannu.evidence!, /exchange of fire in Bannu/);
    assert.match(bannu.sitrep_id!, /^i[0-9a-f]{10}$/);
  }
});
