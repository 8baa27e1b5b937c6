/**
 * `sitrep serve` and `sitrep token` as a user runs them, in a child process: `npm start`'s
 * command on an empty database ingests the bundled examples (through the real extractor), serves
 * the UI and prints its address and a sign-in link; the link's token edits, anonymous requests
 * only read; an article posted to the API is extracted and stored once; Ctrl-C stops it cleanly.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT } from './paths.js';

const here = '[api/cli] ';

test(`${here}npm start's command: examples in, UI served, address and sign-in link printed`, { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-serve-'));
  const db = join(dir, 'sitrep.db');
  const start = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  // The start script's own arguments, on a port of the system's choosing and a fresh database.
  const args = start.replace(/^node dist\/src\/cli\/main\.js /, '').split(/\s+/);
  assert.equal(args[0], 'serve');
  const child = spawn(process.execPath, [CLI, ...args, '--port', '0', '--db', db], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const t0 = Date.now();
    while (!/Ctrl-C/.test(out)) {
      if (Date.now() - t0 > 90_000 || child.exitCode !== null) assert.fail(`no address printed\nstdout: ${out}\nstderr: ${err}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const url = /desk is at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)?.[1];
    assert.ok(url, out);
    const token = /#token=(st_[A-Za-z0-9_-]+)/.exec(out)?.[1];
    assert.ok(token, out);
    assert.match(err, /ingesting the bundled examples/);

    const health = (await (await fetch(`${url}/api/health`)).json()) as { incidents: number };
    // Worked out by hand from examples/README.md: the Quetta bombing and the Peshawar attack are
    // told by two articles each and fuse; with the Khost strike, North Waziristan, Lahore and
    // Karachi that makes six; the floods are no incident.
    assert.equal(health.incidents, 6, `examples gave ${health.incidents} incidents`);
    const page = await fetch(`${url}/`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /analysts' desk/);
    // Anonymous requests read (a local desk) but do not write.
    const list = (await (await fetch(`${url}/api/incidents?country=Pakistan`)).json()) as { total: number; items: Array<{ id: string; n_articles: number }> };
    assert.ok(list.total >= 2);
    assert.ok(list.items.some((i) => i.n_articles >= 2), 'the Quetta bombing, reported by two example articles, is one incident');
    const id = list.items[0]!.id;
    const anon = await fetch(`${url}/api/incidents/${id}/review`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"accept"}' });
    assert.equal(anon.status, 401);
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const ok = await fetch(`${url}/api/incidents/${id}/review`, { method: 'POST', headers: auth, body: '{"action":"accept"}' });
    assert.equal(ok.status, 200);

    // An article posted to the API is extracted, stored and fused; posting it again changes nothing.
    const article = {
      id: 'post-1',
      published: '2025-06-10',
      text: 'Gunmen shot dead two policemen at a checkpoint in Bannu district of Khyber Pakhtunkhwa on Monday, police said.',
    };
    const p1 = await fetch(`${url}/api/articles`, { method: 'POST', headers: auth, body: JSON.stringify(article) });
    assert.equal(p1.status, 201, await p1.clone().text());
    const r1 = (await p1.json()) as { article: string; status: string; incidents: string[] };
    assert.equal(r1.status, 'inserted');
    const p2 = await fetch(`${url}/api/articles`, { method: 'POST', headers: auth, body: JSON.stringify(article) });
    assert.equal(p2.status, 200);
    assert.equal(((await p2.json()) as { status: string }).status, 'unchanged');
    const stored = (await (await fetch(`${url}/api/articles/post-1`)).json()) as { text: string };
    assert.equal(stored.text, article.text);
    const bad = await fetch(`${url}/api/articles`, { method: 'POST', headers: auth, body: JSON.stringify({ text: '' }) });
    assert.equal(bad.status, 400);
  } finally {
    child.kill('SIGINT');
    const code = await exited;
    assert.equal(code, 0, err);
  }

  // The token commands, on the same database.
  const again = spawnSync(process.execPath, [CLI, 'token', 'create', '--role', 'viewer', '--name', 'Guest', '--db', db], { encoding: 'utf8' });
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout.trim(), /^st_[A-Za-z0-9_-]{32}$/);
  const listed = spawnSync(process.execPath, [CLI, 'token', 'list', '--db', db], { encoding: 'utf8' });
  assert.match(listed.stdout, /viewer\s+\S+\s+Guest/);
  const bad = spawnSync(process.execPath, [CLI, 'token', 'create', '--role', 'root', '--db', db], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  rmSync(dir, { recursive: true, force: true });
});
