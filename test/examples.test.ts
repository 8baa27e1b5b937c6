/**
 * The bundled examples (examples/articles.jsonl), the first thing a user sees, checked field by
 * field against examples/gold.json, coded by hand from the texts: each incident's date, type,
 * actors, place and toll (a range where accounts compete), the quotes and their speakers, and
 * whose figure a claim is. Known extraction faults are listed in the gold file's `todo` with the
 * reason; their tests run as todo (reported, not failing) until src/extract is fixed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CLI, ROOT } from './paths.js';

const here = '[examples] ';

interface Gold {
  articles: Record<string, { incidents: Array<Record<string, unknown>>; quotes?: Array<{ starts: string; speaker: string }>; no_quote_starts?: string[]; claims?: Array<{ value: number; source: string }> }>;
  todo: Record<string, string>;
}
const gold = JSON.parse(readFileSync(join(ROOT, 'examples', 'gold.json'), 'utf8')) as Gold;

type Inc = Record<string, unknown> & { articles: string[]; disputed: unknown };
interface Report {
  incidents: Inc[];
  quotes: Array<{ article: string; text: string; speaker: string | null }>;
  claims: Array<{ article: string; value: number; source: string | null }>;
}

let report: Report | null = null;
function out(): Report {
  if (report) return report;
  const r = spawnSync(process.execPath, [CLI, 'extract', join(ROOT, 'examples', 'articles.jsonl'), '--json'], { encoding: 'utf8', cwd: ROOT, maxBuffer: 1 << 26 });
  assert.equal(r.status, 0, r.stderr);
  report = JSON.parse(r.stdout) as Report;
  return report;
}

/** One test per checked value; a value in the gold file's todo list is a todo test with its reason. */
function check(key: string, fn: () => void): void {
  const todo = gold.todo[key];
  test(here + key, todo ? { todo, timeout: 120_000 } : { timeout: 120_000 }, fn);
}

for (const [id, want] of Object.entries(gold.articles)) {
  check(`${id}.incidents`, () => {
    const got = out().incidents.filter((i) => i.articles.includes(id) && !i.background);
    assert.equal(got.length, want.incidents.length, `${id}: ${got.length} incidents`);
  });
  want.incidents.forEach((inc, k) => {
    for (const [field, value] of Object.entries(inc)) {
      check(`${id}${k ? `#${k + 1}` : ''}.${field}`, () => {
        const got = out().incidents.filter((i) => i.articles.includes(id) && !i.background)[k];
        assert.ok(got, `${id}: no incident ${k + 1}`);
        if (field === 'disputed') assert.equal(got.disputed !== null && got.disputed !== undefined, value);
        else assert.deepEqual(got[field] ?? null, value, `${id}.${field}`);
      });
    }
  });
  for (const q of want.quotes ?? []) {
    check(`${id}.quote:${q.starts}`, () => {
      const got = out().quotes.find((x) => x.article === id && x.text.startsWith(q.starts));
      assert.ok(got, `no quote "${q.starts}…"`);
      assert.equal(got.speaker, q.speaker);
    });
  }
  for (const s of want.no_quote_starts ?? []) {
    check(`${id}.quote:${s}`, () => {
      assert.equal(out().quotes.find((x) => x.article === id && x.text.startsWith(s)), undefined, `"${s}…" is narrative, not a quote`);
    });
  }
  for (const c of want.claims ?? []) {
    check(`${id}.claim:${c.value}`, () => {
      const got = out().claims.filter((x) => x.article === id && x.value === c.value);
      assert.ok(got.length > 0, `no claim of ${c.value}`);
      assert.ok(got.every((x) => x.source === c.source), `${c.value} is ${c.source}'s figure, not ${got.map((x) => x.source).join(', ')}'s`);
    });
  }
}
