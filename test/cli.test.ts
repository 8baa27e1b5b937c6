/**
 * The command line, run as a real child process on real files: output formats, the report
 * schema, and bad input (each a one-line error naming the file and line; the batch goes on; the
 * exit code says some failed).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Report } from '../src/core/report.js';
import { MAX_ARTICLE_CHARS } from '../src/ingest/limits.js';
import { CLI, EVAL, FIXTURES, ROOT, SKIP_SHARED } from './paths.js';

function sitrep(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input, maxBuffer: 1 << 26, cwd: ROOT });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const GOOD = 'On 3 May 2025, gunmen shot dead two policemen at a checkpoint in Quetta, Balochistan.';

test('[cli] --help lists the commands', () => {
  const r = sitrep(['--help']);
  assert.equal(r.code, 0);
  assert.match(r.out, /extract/);
});

test('[cli] the seed report validates against the report schema', { skip: SKIP_SHARED }, () => {
  const r = sitrep(['extract', join(EVAL, 'seed/articles.jsonl'), '--json']);
  assert.equal(r.code, 0, r.err);
  const report = Report.parse(JSON.parse(r.out));
  assert.deepEqual(report.articles.map((a) => a.id), ['seed']);
  assert.ok(report.incidents.length >= 1);
  assert.equal(report.problems.length, 0);
});

test('[cli] a text file takes its publication date from --published', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-'));
  const f = join(dir, 'quetta.txt');
  writeFileSync(f, 'Gunmen shot dead two policemen at a checkpoint in Quetta on Tuesday, officials said.');
  const r = sitrep(['extract', f, '--published', '2025-05-08', '--json']);
  assert.equal(r.code, 0, r.err);
  const report = Report.parse(JSON.parse(r.out));
  assert.equal(report.articles[0]!.id, 'quetta');
  assert.equal(report.articles[0]!.published, '2025-05-08');
  // Tuesday before Thursday 8 May 2025 is 6 May.
  assert.equal(report.incidents[0]?.event_date, '2025-05-06');
  const bad = sitrep(['extract', f, '--published', 'yesterday']);
  assert.equal(bad.code, 2);
});

test('[cli] an HTML page gives its body, title, site and publication time', () => {
  const r = sitrep(['extract', join(FIXTURES, 'html/strike.html'), '--json']);
  assert.equal(r.code, 0, r.err);
  const report = Report.parse(JSON.parse(r.out));
  const a = report.articles[0]!;
  assert.equal(a.published, '2025-05-07');
  assert.equal(a.source, 'Example News');
  assert.match(a.title ?? '', /Drone strike kills two in Miranshah/);
  assert.ok(!/Subscribe|Home/.test(JSON.stringify(report.incidents)), 'boilerplate leaked into the text');
  assert.equal(report.incidents[0]?.sub_event_type, 'Air/drone strike');
});

test('[cli] the readable summary shows incidents with their evidence', () => {
  const r = sitrep(['extract', '-', '--published', '2025-05-05'], GOOD);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /stdin/);
  assert.match(r.out, /evidence:/);
  assert.match(r.out, /gunmen shot dead two policemen/);
});

test('[cli] bad input: one clear line per failure, the batch goes on, exit code 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bad-'));
  const w = (name: string, data: string | Buffer) => {
    const p = join(dir, name);
    writeFileSync(p, data);
    return p;
  };
  const good = w('good.txt', GOOD);
  const latin1 = w('latin1.txt', Buffer.from([0x50, 0x65, 0x73, 0x68, 0xe2, 0x77, 0x61, 0x72, 0xff, 0x0a]));
  const empty = w('empty.txt', '  \n\t\n');
  const binary = w('binary.txt', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01, 0x02, 0x03, 0x00, 0x00]));
  const huge = w('huge.txt', 'a'.repeat(MAX_ARTICLE_CHARS + 1));
  const jsonl = w(
    'batch.jsonl',
    [
      JSON.stringify({ id: 'ok1', text: GOOD }),
      '{not json',
      JSON.stringify({ id: 'notext', title: 'no text here' }),
      JSON.stringify([1, 2]),
      JSON.stringify({ id: 'ok2', text: GOOD }),
      JSON.stringify({ id: 'ok1', text: GOOD }),
    ].join('\n') + '\n',
  );
  mkdirSync(join(dir, 'nothing'));
  w('nothing/notes.md', 'not an article');
  const missing = join(dir, 'missing.txt');

  const r = sitrep(['extract', good, latin1, empty, binary, huge, jsonl, join(dir, 'nothing'), missing, '--json']);
  assert.equal(r.code, 1, r.err);
  const lines = r.err.trim().split('\n');
  const expect: [string, RegExp][] = [
    [`${latin1}: `, /not valid UTF-8/],
    [`${empty}: `, /empty/],
    [`${binary}: `, /binary/],
    [`${huge}: `, /over the limit/],
    [`${jsonl}:2: `, /not JSON/],
    [`${jsonl}:3: `, /no "text"/],
    [`${jsonl}:4: `, /not a JSON object/],
    [`${jsonl}:6: `, /duplicate article id/],
    [`${join(dir, 'nothing')}: `, /no articles/],
    [`${missing}: `, /no such file/],
  ];
  for (const [prefix, msg] of expect) {
    const line = lines.find((l) => l.startsWith(`sitrep: ${prefix}`));
    assert.ok(line, `no error line for ${prefix} in:\n${r.err}`);
    assert.match(line, msg);
  }
  assert.equal(lines.length, expect.length, r.err);
  const report = Report.parse(JSON.parse(r.out));
  assert.deepEqual(report.articles.map((a) => a.id).sort(), ['good', 'ok1', 'ok2']);
  assert.equal(report.problems.length, expect.length);
});

test('[cli] nothing readable at all: exit code 2', () => {
  const r = sitrep(['extract', join(tmpdir(), 'sitrep-no-such-file.txt')]);
  assert.equal(r.code, 2);
  assert.match(r.err, /no such file/);
  assert.equal(r.err.trim().split('\n').length, 1);
});
