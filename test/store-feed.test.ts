/**
 * Ingest adapters of the database: RSS and Atom feeds (from a file and over HTTP, with teaser items
 * fetched from their links), canonical URLs, content hashes and MinHash near-duplicates.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { canonicalUrl, contentHash, minhash, similarity } from '../src/ingest/dedupe.js';
import { looksLikeFeed, parseFeed, readSource } from '../src/ingest/feed.js';
import type { InputItem } from '../src/ingest/read.js';

const here = '[store/feed] ';

const BODY =
  'Gunmen on motorcycles opened fire on a police checkpoint on the outskirts of Quetta late on Friday, killing two constables ' +
  'and wounding a third, police officials said. The attackers escaped under the cover of darkness, and a search operation was ' +
  'launched in the surrounding neighbourhoods on Saturday morning. No group has so far claimed the attack, ' +
  'the third on the police in the provincial capital this month. The provincial home minister condemned the killing and ' +
  'ordered an inquiry into the security lapse at the checkpoint, which had been set up after a bombing in March.';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Frontier Courier</title>
  <link>https://courier.example/</link>
  <item>
    <title>Two policemen killed in Quetta checkpoint attack</title>
    <link>https://courier.example/2025/05/03/quetta-attack</link>
    <guid>https://courier.example/?p=101</guid>
    <pubDate>Sat, 03 May 2025 06:10:00 +0500</pubDate>
    <description>Two constables were killed…</description>
    <content:encoded><![CDATA[<p>${BODY}</p><p>Funeral prayers were held at the police lines.</p>]]></content:encoded>
  </item>
  <item>
    <title>Teaser only &amp; a link</title>
    <link>LINK_PLACEHOLDER</link>
    <pubDate>Sun, 04 May 2025 09:00:00 GMT</pubDate>
    <description>&lt;p&gt;Short teaser.&lt;/p&gt;</description>
  </item>
</channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Border Monitor</title>
  <link href="https://monitor.example/"/>
  <entry>
    <title>Clash near Chaman</title>
    <link rel="alternate" href="https://monitor.example/chaman-clash"/>
    <id>tag:monitor.example,2025:1</id>
    <published>2025-05-02T18:00:00Z</published>
    <content type="html">&lt;p&gt;${BODY.replace('Quetta', 'Chaman')}&lt;/p&gt;</content>
  </entry>
</feed>`;

const PAGE = `<!doctype html><html><head><title>Blast in Turbat</title>
<meta property="og:site_name" content="Makran Daily"><meta property="article:published_time" content="2025-05-04T08:00:00Z">
<link rel="canonical" href="https://makran.example/turbat-blast"></head>
<body><nav>Home | World</nav><article><h1>Blast in Turbat</h1>
<p>A roadside bomb struck a Frontier Corps vehicle near Turbat in Kech district on Saturday, killing three soldiers, the military's media wing said in a statement on Sunday.</p>
<p>The vehicle was on a routine patrol when the improvised device went off, officials said, adding that the area had been cordoned off and a search was under way.</p>
</article><footer>© Makran Daily</footer></body></html>`;

let server: Server;
let base = '';
before(async () => {
  server = createServer((req, res) => {
    if (req.url === '/page') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    } else if (req.url === '/feed') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(RSS.replace('LINK_PLACEHOLDER', `${base}/page`));
    } else {
      res.writeHead(404);
      res.end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server.close());

async function all(gen: AsyncGenerator<InputItem>): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const x of gen) out.push(x);
  return out;
}

test(here + 'RSS and Atom are parsed: title, link, date, full content', () => {
  const rss = parseFeed(RSS);
  assert.equal(rss.title, 'Frontier Courier');
  assert.equal(rss.items.length, 2);
  assert.equal(rss.items[0]!.link, 'https://courier.example/2025/05/03/quetta-attack');
  assert.match(rss.items[0]!.content ?? '', /<p>Gunmen on motorcycles/);
  assert.equal(rss.items[1]!.title, 'Teaser only & a link');
  const atom = parseFeed(ATOM);
  assert.equal(atom.title, 'Border Monitor');
  assert.equal(atom.items[0]!.link, 'https://monitor.example/chaman-clash');
  assert.equal(atom.items[0]!.published, '2025-05-02T18:00:00Z');
  assert.ok(looksLikeFeed(RSS) && looksLikeFeed(ATOM) && !looksLikeFeed(PAGE));
  assert.throws(() => parseFeed('<html><body>no feed</body></html>'), /not an RSS or Atom feed/);
});

test(here + 'a feed over HTTP: full-content items read directly, teaser items fetched from their link', async () => {
  const items = await all(readSource(`${base}/feed`, { allowPrivate: ['127.0.0.1'] }));
  const arts = items.flatMap((x) => ('article' in x ? [x.article] : []));
  assert.equal(arts.length, 2, JSON.stringify(items.filter((x) => 'error' in x)));
  const [a, b] = arts;
  assert.equal(a!.url, 'https://courier.example/2025/05/03/quetta-attack');
  assert.equal(a!.source, 'Frontier Courier');
  assert.equal(a!.published, '2025-05-03');
  assert.match(a!.text, /^Gunmen on motorcycles/);
  assert.match(a!.text, /\nFuneral prayers/);
  // The teaser's page was fetched: its body, not the teaser.
  assert.match(b!.text, /roadside bomb struck a Frontier Corps vehicle near Turbat/);
  assert.doesNotMatch(b!.text, /Home \| World/);
  assert.equal(b!.published, '2025-05-04');
});

test(here + 'a feed file; an unreachable page costs only its item, and its teaser is not stored as the article', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-feed-'));
  const f = join(dir, 'courier.rss');
  writeFileSync(f, RSS.replace('LINK_PLACEHOLDER', `${base}/missing`));
  const items = await all(readSource(f, { allowPrivate: ['127.0.0.1'] }));
  // The teaser's page is a 404: the item is an error naming the page, not 'Short teaser.'.
  assert.equal(items.length, 2);
  assert.ok('article' in items[0]!);
  const second = items[1]!;
  assert.ok('error' in second && second.error.file === `${f}#2` && /could not fetch .*\/missing: HTTP 404/.test(second.error.message), JSON.stringify(second));
  const broken = join(dir, 'broken.xml');
  writeFileSync(broken, '<rss><channel><item><title>unclosed');
  const bad = await all(readSource(broken));
  assert.equal(bad.length, 1);
  assert.ok('error' in bad[0]! && bad[0].error.file === broken);
});

test(here + 'canonical URLs: tracking parameters, www, scheme, trailing slash and fragments do not matter', () => {
  const c = canonicalUrl('https://www.dawn.com/news/1900001/?utm_source=twitter&utm_medium=social#comments');
  assert.equal(c, 'https://dawn.com/news/1900001');
  assert.equal(canonicalUrl('http://dawn.com/news/1900001?fbclid=abc'), c);
  // Parameters that choose the page stay, in a fixed order.
  assert.equal(canonicalUrl('https://x.example/story?id=7&page=2'), canonicalUrl('https://x.example/story?page=2&id=7'));
  assert.notEqual(canonicalUrl('https://x.example/story?id=7'), canonicalUrl('https://x.example/story?id=8'));
  assert.equal(canonicalUrl('not a url'), null);
  assert.equal(canonicalUrl('ftp://x.example/a'), null);
});

test(here + 'content hash ignores white space; MinHash sees the same story under other boilerplate', () => {
  assert.equal(contentHash('Two  killed\r\nin Quetta. '), contentHash('Two killed in Quetta.'));
  assert.notEqual(contentHash('Two killed in Quetta.'), contentHash('Three killed in Quetta.'));
  const a = minhash(`LIVE UPDATES | ${BODY} Follow us for more.`)!;
  const b = minhash(`${BODY}\nCopyright 2025 Courier. All rights reserved.`)!;
  const c = minhash(BODY.replace(/Quetta/g, 'Chaman').replace('two constables', 'four soldiers').replace('Friday', 'Monday').replace('March', 'January').replace('home minister', 'chief minister'))!;
  assert.ok(similarity(a, b) >= 0.8, `same story: ${similarity(a, b)}`);
  assert.ok(similarity(a, c) < 0.8, `another story on the same template: ${similarity(a, c)}`);
  assert.equal(minhash('Too short to compare.'), null);
});
