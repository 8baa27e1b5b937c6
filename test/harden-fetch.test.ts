/**
 * Fetching under guard: private, loopback, link-local and metadata addresses refused by default,
 * checked after DNS resolution and again on every redirect; a redirect limit; the size limit kept
 * while the body streams in (no length header needed); only page and feed content types; a feed
 * item whose page fails (404, 500, timeout, oversize) is that item's error, never its teaser.
 * The test server listens on 127.0.0.1:8821, which the tests allow by address.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, test } from 'node:test';
import { fetchText, isPrivateAddress, MAX_REDIRECTS, readSource } from '../src/ingest/feed.js';
import { MAX_FILE_BYTES } from '../src/ingest/limits.js';
import type { InputItem } from '../src/ingest/read.js';

const here = '[harden/fetch] ';
const PORT = 8821;
const BASE = `http://127.0.0.1:${PORT}`;
const LOCAL = { allowPrivate: ['127.0.0.1'] } as const;

const PAGE = `<!doctype html><html><head><title>Blast in Turbat</title></head><body><article>
<p>A roadside bomb struck a Frontier Corps vehicle near Turbat in Kech district on Saturday, killing three soldiers, the military's media wing said.</p>
<p>The vehicle was on a routine patrol when the improvised device went off, officials said, adding that the area had been cordoned off.</p>
</article></body></html>`;

const feedWith = (links: string[]) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Courier</title>
${links.map((l, i) => `<item><title>Item ${i + 1}</title><link>${l}</link><description>Teaser ${i + 1}.</description></item>`).join('\n')}
</channel></rss>`;

let server: Server;
before(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? '';
    if (url === '/page') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    } else if (url.startsWith('/redirect-to?')) {
      res.writeHead(302, { location: decodeURIComponent(url.slice('/redirect-to?'.length)) });
      res.end();
    } else if (url.startsWith('/loop')) {
      const n = Number(url.slice(5) || 0);
      res.writeHead(301, { location: `/loop${n + 1}` });
      res.end();
    } else if (url === '/json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"text": "not a page"}');
    } else if (url === '/huge') {
      // chunked, no content-length: the limit must hold while streaming
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(1 << 20, 'a');
      let sent = 0;
      const pump = () => {
        while (sent <= MAX_FILE_BYTES + (1 << 20)) {
          sent += chunk.length;
          if (!res.write(chunk)) return res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => (sent = Infinity));
      pump();
    } else if (url === '/error') {
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end('<p>oops</p>');
    } else if (url === '/slow') {
      // never answers
    } else if (url === '/feed') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(feedWith([`${BASE}/page`, `${BASE}/missing`, `${BASE}/error`, `${BASE}/slow`, `${BASE}/huge`, `${BASE}/json`]));
    } else {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(PORT, '127.0.0.1', r));
});
after(() => {
  server.closeAllConnections();
  server.close();
});

async function all(gen: AsyncGenerator<InputItem>): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const x of gen) out.push(x);
  return out;
}

test(here + 'private, loopback, link-local, metadata and reserved addresses are recognised; public ones are not', () => {
  for (const ip of ['127.0.0.1', '127.9.9.9', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.100.100.200', '168.63.129.16', '0.0.0.0', '224.0.0.1', '::1', '::', 'fe80::1', 'fd00:ec2::254', 'fc00::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '::ffff:7f00:1', 'not an ip']) {
    assert.equal(isPrivateAddress(ip), true, ip);
  }
  for (const ip of ['8.8.8.8', '1.1.1.1', '172.32.0.1', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e', '::ffff:8.8.8.8']) assert.equal(isPrivateAddress(ip), false, ip);
});

test(here + 'by default a loopback address is refused, as a literal and after DNS resolution', async () => {
  await assert.rejects(fetchText(`${BASE}/page`), /refused: 127\.0\.0\.1 is a private, loopback/);
  await assert.rejects(fetchText(`http://localhost:${PORT}/page`), /refused: localhost resolves to (127\.0\.0\.1|::1)/);
  await assert.rejects(fetchText(`http://[::1]:${PORT}/page`), /refused: ::1 is a private/);
  // allowed by address (a lab), the page is read
  const ok = await fetchText(`${BASE}/page`, LOCAL);
  assert.match(ok.text, /roadside bomb/);
});

test(here + 'every redirect is checked again, and redirects are limited', async () => {
  for (const target of [`http://127.0.0.2:${PORT}/page`, 'http://169.254.169.254/latest/meta-data/', `http://[::ffff:7f00:1]:${PORT}/page`]) {
    await assert.rejects(fetchText(`${BASE}/redirect-to?${encodeURIComponent(target)}`, LOCAL), /refused: /, target);
  }
  const ok = await fetchText(`${BASE}/redirect-to?${encodeURIComponent('/page')}`, LOCAL);
  assert.equal(ok.url, `${BASE}/page`);
  await assert.rejects(fetchText(`${BASE}/loop`, LOCAL), new RegExp(`more than ${MAX_REDIRECTS} redirects`));
  await assert.rejects(fetchText(`${BASE}/redirect-to?${encodeURIComponent('file:///etc/passwd')}`, LOCAL), /only http and https/);
});

test(here + 'a body without a length header is given up once over the size limit; other content types are refused', async () => {
  await assert.rejects(fetchText(`${BASE}/huge`, LOCAL), /over the limit of \d+ bytes/);
  await assert.rejects(fetchText(`${BASE}/json`, LOCAL), /content type application\/json is not a web page or a feed/);
  // a URL of any content type is an error of that input, not of the batch
  const items = await all(readSource(`${BASE}/json`, LOCAL));
  assert.equal(items.length, 1);
  assert.ok('error' in items[0]! && /content type/.test(items[0].error.message));
});

test(here + "a feed item whose page fails is that item's error (visible, with the reason); no teaser becomes an article", async () => {
  const items = await all(readSource(`${BASE}/feed`, { ...LOCAL, timeoutMs: 1500 }));
  assert.equal(items.length, 6);
  assert.ok('article' in items[0]! && /roadside bomb/.test(items[0].article.text));
  const reasons = items.slice(1).map((x) => ('error' in x ? x.error.message : `article: ${x.article.text}`));
  assert.match(reasons[0]!, /HTTP 404/);
  assert.match(reasons[1]!, /HTTP 500/);
  assert.match(reasons[2]!, /timed out|aborted/i);
  assert.match(reasons[3]!, /over the limit/);
  assert.match(reasons[4]!, /content type/);
  for (const x of items) if ('article' in x) assert.doesNotMatch(x.article.text, /Teaser/);
});
