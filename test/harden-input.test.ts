/**
 * Bad input costs only itself: HTML files without tags, standard input that starts with '<',
 * JSON lines over the line limit (skipped while streaming, the next line still read), and a
 * seeded, bounded fuzz test over every reader (text, HTML, JSON lines, standard input, feeds):
 * each input yields articles or errors that name it, and nothing throws.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { Report } from '../src/core/report.js';
import { InputError } from '../src/ingest/errors.js';
import { feedItems } from '../src/ingest/feed.js';
import { htmlToArticle } from '../src/ingest/html.js';
import { MAX_LINE_BYTES } from '../src/ingest/limits.js';
import { boundedLines, readInputs, readStdinBytes, readStdinStream, type InputItem } from '../src/ingest/read.js';
import { CLI, ROOT } from './paths.js';

const here = '[harden/input] ';
const GOOD = 'On 3 May 2025, gunmen shot dead two policemen at a checkpoint in Quetta, Balochistan.';

function sitrep(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input, maxBuffer: 1 << 26, cwd: ROOT });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function all<T = InputItem>(gen: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of gen) out.push(x);
  return out;
}

test(here + '.html files with no tags (empty, plain text, JSON, a comment) fail one by one; the good file goes through', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-harden-'));
  const files = { empty: '', plain: 'just some words, no tags at all', json: '{"id": 1, "text": "x"}', comment: '<!-- only a comment -->' };
  for (const [k, v] of Object.entries(files)) writeFileSync(join(dir, `${k}.html`), v);
  writeFileSync(join(dir, 'good.txt'), GOOD);
  const r = sitrep(['extract', ...Object.keys(files).map((k) => join(dir, `${k}.html`)), join(dir, 'good.txt'), '--json']);
  assert.equal(r.code, 1, r.err);
  const lines = r.err.trim().split('\n');
  assert.equal(lines.length, 4, r.err);
  for (const k of Object.keys(files)) assert.ok(lines.some((l) => l.startsWith(`sitrep: ${join(dir, `${k}.html`)}: `)), r.err);
  assert.doesNotMatch(r.err, /internal error/);
  const report = Report.parse(JSON.parse(r.out));
  assert.deepEqual(report.articles.map((a) => a.id), ['good']);
});

test(here + 'standard input starting with "<" that is no page is a bad input (exit 2), not an internal error', () => {
  const r = sitrep(['extract', '-'], '<x');
  assert.equal(r.code, 2, r.err);
  assert.match(r.err, /^sitrep: -: /);
  const ok = sitrep(['extract', '-', '--json'], `<p>${GOOD}</p>`);
  assert.equal(ok.code, 0, ok.err);
  assert.equal(Report.parse(JSON.parse(ok.out)).articles.length, 1);
});

test(here + 'boundedLines: lines split across chunks are whole; a line over the limit is null and the next line is read', async () => {
  const chunks = ['ab', 'c\nde', 'fghijk', 'lmn\n', '\nxyz'].map((s) => Buffer.from(s));
  const lines = await all(boundedLines(chunks, 5));
  assert.deepEqual(
    lines.map((l) => (l === null ? null : l.toString())),
    ['abc', null, '', 'xyz'],
  );
  // exactly at the limit is kept
  const at = await all(boundedLines([Buffer.from('12345\n123456')], 5));
  assert.deepEqual(at.map((l) => (l === null ? null : l.toString())), ['12345', null]);
});

test(here + 'a JSON line over the limit is refused while streaming; the line after it is read', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-harden-'));
  const f = join(dir, 'big.jsonl');
  // a line one byte over the limit, written in pieces (never one string in memory)
  const out = createWriteStream(f);
  const piece = 'x'.repeat(1 << 20);
  out.write('{"id":"big","text":"');
  let written = 20;
  while (written + piece.length < MAX_LINE_BYTES) {
    out.write(piece);
    written += piece.length;
  }
  out.write('y'.repeat(MAX_LINE_BYTES - written + 1));
  out.write(`\n${JSON.stringify({ id: 'after', text: GOOD })}\n`);
  await new Promise<void>((r) => out.end(r));
  const items = await all(readInputs([f]));
  assert.equal(items.length, 2);
  assert.ok('error' in items[0]! && items[0].error.line === 1 && /over the limit/.test(items[0].error.message));
  assert.ok('article' in items[1]! && items[1].article.id === 'after' && items[1].line === 2);
});

test(here + 'JSON lines on standard input stream: more than the file limit in all, a line over the line limit skipped, the next read', async () => {
  const line = JSON.stringify({ id: 'x', text: GOOD });
  let n = 0;
  // 2 × MAX_LINE_BYTES of good lines, then one line over the limit, then a good one: generated, never held whole
  async function* input() {
    yield Buffer.from('  \n');
    let sent = 0;
    while (sent < 2 * MAX_LINE_BYTES) {
      const chunk = Array.from({ length: 500 }, () => JSON.stringify({ id: `a${n++}`, text: GOOD })).join('\n') + '\n';
      sent += chunk.length;
      yield Buffer.from(chunk);
    }
    for (let i = 0; i <= MAX_LINE_BYTES; i += 1 << 20) yield Buffer.alloc(1 << 20, 'x');
    yield Buffer.from(`\n${line}\n`);
  }
  let articles = 0;
  const errors: string[] = [];
  for await (const it of readStdinStream(input())) {
    if ('article' in it) articles++;
    else errors.push(`${it.error.line}: ${it.error.message}`);
  }
  assert.equal(articles, n + 1);
  assert.equal(errors.length, 1);
  assert.match(errors[0]!, /over the limit/);
});

/** Strings a careless user or an attacker might hand each reader. */
const nasty = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom('', ' ', '<', '<html', '<!--', '<![CDATA[', '<rss>', '<feed>', '{', '{"text":', '\u0000', '\uFEFF<p>x</p>', '<script>alert(1)</script>', '<?xml version="1.0"?>'),
  fc.array(fc.constantFrom('<p>', '</p>', '<div>', '<rss>', '<item>', '<title>', '</title>', '<body>', '{"text":"', '"}', '\n', GOOD, '&amp;', '&#0;', '\r'), { maxLength: 30 }).map((a) => a.join('')),
);

test(here + 'fuzz (seeded, 120 runs per reader): every reader yields articles or errors naming the input, and never throws', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-fuzz-'));
  let n = 0;
  const check = (items: InputItem[], name: string) => {
    for (const it of items) {
      if ('error' in it) {
        assert.ok(it.error instanceof InputError);
        assert.ok(it.error.file.startsWith(name), `${it.error.file} is not ${name}`);
      } else {
        assert.ok(it.article.text.trim().length > 0);
      }
    }
  };
  await fc.assert(
    fc.asyncProperty(nasty, fc.constantFrom('txt', 'html', 'jsonl'), async (s, ext) => {
      const f = join(dir, `f${n++}.${ext}`);
      writeFileSync(f, s);
      check(await all(readInputs([f])), f);
    }),
    { seed: 20261207, numRuns: 120 },
  );
  await fc.assert(
    fc.asyncProperty(nasty, async (s) => {
      check(await all(readStdinBytes(Buffer.from(s))), '-');
      const h = htmlToArticle(s, { id: 'x', file: 'x.html' });
      assert.ok(h instanceof InputError || h.text.trim().length > 0);
      check(await all(feedItems(s, 'feed.xml', { fetchPages: false })), 'feed.xml');
    }),
    { seed: 20261207, numRuns: 120 },
  );
});
