/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds, from a file or a URL, and web pages by URL. A feed item
 * that carries its full text (content:encoded, Atom content) becomes an article directly; one
 * that carries only a summary is fetched from its link and read as an HTML page. A failure costs
 * only its item: it is yielded as an InputError and reading goes on.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { promises as fs } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Article } from '../core/types.js';
import { InputError } from './errors.js';
import { htmlToArticle, normaliseDate } from './html.js';
import { MAX_FILE_BYTES } from './limits.js';
import { checkText, type InputItem } from './read.js';

export interface FeedItem {
  title?: string;
  link?: string;
  guid?: string;
  published?: string;
  /** Full content (HTML), when the feed carries it. */
  content?: string;
  /** Summary (HTML or text). */
  summary?: string;
}

export interface Feed {
  title?: string;
  link?: string;
  items: FeedItem[];
}

export class FeedError extends Error {
  override name = 'FeedError';
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  // Item bodies are HTML inside CDATA or escaped: keep them as strings, never as parsed nodes.
  cdataPropName: false,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

/** Whether a text is an RSS or Atom document (as opposed to an HTML page). */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 2048).replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '').trimStart();
  return /^<(rss|feed|rdf:RDF)\b/i.test(head) || (/^<\?xml/i.test(text.trimStart()) && /<(rss|feed|rdf:RDF)\b/i.test(text.slice(0, 4096)));
}

function str(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'object' && '#text' in (v as Record<string, unknown>)) return str((v as Record<string, unknown>)['#text']);
  return undefined;
}

function atomLink(links: unknown): string | undefined {
  const list = (Array.isArray(links) ? links : [links]) as Array<Record<string, unknown> | string>;
  let fallback: string | undefined;
  for (const l of list) {
    if (typeof l === 'string') return l.trim() || undefined;
    if (!l) continue;
    const href = str(l['@href']) ?? str(l);
    const rel = str(l['@rel']) ?? 'alternate';
    if (rel === 'alternate' && href) return href;
    fallback ??= href;
  }
  return fallback;
}

/** Parse an RSS or Atom document. Throws FeedError when it is neither. */
export function parseFeed(xml: string): Feed {
  let doc: Record<string, unknown>;
  // The parser is lenient (it would read "<item><title>unclosed" as an item); a feed cut off in
  // transfer must be reported as broken, not read as half a feed.
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new FeedError(`feed is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  try {
    doc = parser.parse(xml) as Record<string, unknown>;
  } catch (e) {
    throw new FeedError(`feed is not well-formed XML (${(e as Error).message})`);
  }
  const rss = doc.rss as Record<string, unknown> | undefined;
  const rdf = doc['rdf:RDF'] as Record<string, unknown> | undefined;
  if (rss || rdf) {
    const channel = ((rss?.channel ?? rdf?.channel) ?? {}) as Record<string, unknown>;
    const rawItems = ((rss ? channel.item : rdf?.item) ?? []) as Array<Record<string, unknown>>;
    return {
      title: str(channel.title),
      link: atomLink(channel.link),
      items: rawItems.map((it) => ({
        title: str(it.title),
        link: atomLink(it.link),
        guid: str(it.guid),
        published: str(it.pubDate) ?? str(it['dc:date']),
        content: str(it['content:encoded']),
        summary: str(it.description),
      })),
    };
  }
  const feed = doc.feed as Record<string, unknown> | undefined;
  if (feed) {
    const entries = (feed.entry ?? []) as Array<Record<string, unknown>>;
    return {
      title: str(feed.title),
      link: atomLink(feed.link),
      items: entries.map((e) => ({
        title: str(e.title),
        link: atomLink(e.link),
        guid: str(e.id),
        published: str(e.published) ?? str(e.updated),
        content: str(e.content),
        summary: str(e.summary),
      })),
    };
  }
  throw new FeedError('not an RSS or Atom feed (no <rss>, <rdf:RDF> or <feed> root)');
}

/** Content below this many characters of text is a teaser: the linked page is fetched instead. */
const MIN_FULL_TEXT = 600;

export interface FeedOptions {
  /** Fetch the page of an item that carries only a summary (default true). */
  fetchPages?: boolean;
  /** Time limit of one request, redirects and body included (default 20 s). */
  timeoutMs?: number;
  /**
   * Fetch private, loopback, link-local and metadata addresses too (default false). For a lab
   * or a test server on this machine; never for a server that takes URLs from its users.
   */
  allowPrivate?: boolean | readonly string[];
}

/** Whether the options let a fetch reach this (private) address: all of them, or those listed. */
function allowed(allow: FeedOptions['allowPrivate'], ip: string): boolean {
  return allow === true || (Array.isArray(allow) && allow.includes(ip));
}

/** Redirects followed before a fetch is given up. */
export const MAX_REDIRECTS = 5;

/**
 * Addresses a fetch never reaches unless allowed (SSRF: a URL handed in by a user must not make
 * the server read its own network): 'this' network, private (RFC 1918), carrier-grade NAT
 * (and Alibaba's metadata at 100.100.100.200), loopback, link-local (cloud metadata at
 * 169.254.169.254), IETF protocol assignments, benchmarking, multicast and reserved, and their
 * IPv6 kin (unique local, link-local, multicast, IPv4-mapped and NAT64), plus Azure's wire server.
 */
const BLOCKED = (() => {
  const b = new BlockList();
  for (const [net, bits] of [
    ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
    ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
    ['224.0.0.0', 4], ['240.0.0.0', 4],
  ] as const) b.addSubnet(net, bits, 'ipv4');
  b.addAddress('168.63.129.16', 'ipv4');
  for (const [net, bits] of [
    // (IPv4-mapped addresses, ::ffff:a.b.c.d, are checked as the IPv4 address they carry: a
    // BlockList rule for ::ffff:0:0/96 would match every IPv4 address.)
    ['::', 128], ['::1', 128], ['64:ff9b::', 96], ['100::', 64], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8],
  ] as const) b.addSubnet(net, bits, 'ipv6');
  return b;
})();

/** Whether a fetch may not reach this IP address by default. */
export function isPrivateAddress(ip: string): boolean {
  const v = isIP(ip);
  if (v === 4) return BLOCKED.check(ip, 'ipv4');
  if (v === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip) ?? /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ip);
    if (mapped) {
      const v4 = mapped[2] === undefined ? mapped[1]! : [parseInt(mapped[1]!, 16) >> 8, parseInt(mapped[1]!, 16) & 255, parseInt(mapped[2], 16) >> 8, parseInt(mapped[2], 16) & 255].join('.');
      return BLOCKED.check(v4, 'ipv4');
    }
    return BLOCKED.check(ip, 'ipv6');
  }
  return true;
}

/** Types a page or a feed comes as; a body without a type is let through and read for what it is. */
const PAGE_TYPES = /^(?:text\/html|application\/xhtml\+xml|application\/(?:rss|atom|rdf)\+xml|application\/xml|text\/xml|text\/plain)$/i;

/**
 * DNS lookup that refuses private addresses: it runs when the connection is made, so the address
 * checked is the address connected to (a name that resolves to a public address for the check and
 * a private one for the connection cannot slip through).
 */
function guardedLookup(allowPrivate: FeedOptions['allowPrivate']): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as LookupAddress[];
      const bad = allowPrivate === true ? undefined : list.find((a) => isPrivateAddress(a.address) && !allowed(allowPrivate, a.address));
      if (bad) return callback(new FeedError(`refused: ${hostname} resolves to ${bad.address}, a private, loopback, link-local or metadata address (--allow-private-fetch allows it)`) as NodeJS.ErrnoException, '', 0);
      if (list.length === 0) return callback(new FeedError(`${hostname} has no address`) as NodeJS.ErrnoException, '', 0);
      if (options.all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      else callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

/**
 * Fetch a URL as text: http(s) only; every hop (the URL and each redirect, at most
 * MAX_REDIRECTS) checked against private addresses after DNS resolution; the body read as a
 * stream and given up as soon as it passes the size limit, header or no header; only page and
 * feed content types.
 */
export async function fetchText(url: string, opts: FeedOptions = {}): Promise<{ text: string; type: string; url: string }> {
  const signal = AbortSignal.timeout(opts.timeoutMs ?? 20_000);
  let current = url;
  for (let hop = 0; ; hop++) {
    const res = await requestOnce(current, opts.allowPrivate, signal);
    if (res.status >= 300 && res.status < 400 && res.location !== null) {
      res.body.destroy();
      if (hop >= MAX_REDIRECTS) throw new FeedError(`more than ${MAX_REDIRECTS} redirects`);
      current = new URL(res.location, current).toString();
      continue;
    }
    if (res.status < 200 || res.status >= 300) {
      res.body.destroy();
      throw new FeedError(`HTTP ${res.status} ${res.statusText}`);
    }
    const type = res.type;
    const mime = type.split(';')[0]!.trim();
    if (mime && !PAGE_TYPES.test(mime)) {
      res.body.destroy();
      throw new FeedError(`content type ${mime} is not a web page or a feed`);
    }
    const len = Number(res.length ?? 0);
    if (len > MAX_FILE_BYTES) {
      res.body.destroy();
      throw new FeedError(`page is ${len} bytes, over the limit of ${MAX_FILE_BYTES}`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of res.body) {
      size += (c as Buffer).length;
      if (size > MAX_FILE_BYTES) {
        res.body.destroy();
        throw new FeedError(`page is over the limit of ${MAX_FILE_BYTES} bytes`);
      }
      chunks.push(c as Buffer);
    }
    return { text: Buffer.concat(chunks).toString('utf8'), type, url: current };
  }
}

interface RawResponse {
  status: number;
  statusText: string;
  location: string | null;
  type: string;
  length: string | null;
  body: IncomingMessage;
}

function requestOnce(url: string, allowPrivate: FeedOptions['allowPrivate'], signal: AbortSignal): Promise<RawResponse> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return Promise.reject(new FeedError(`not a URL: ${url}`));
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return Promise.reject(new FeedError(`only http and https URLs are fetched, not ${u.protocol}`));
  // A literal address is connected to without a lookup: it is checked here.
  const host = u.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && isPrivateAddress(host) && !allowed(allowPrivate, host)) {
    return Promise.reject(new FeedError(`refused: ${host} is a private, loopback, link-local or metadata address (--allow-private-fetch allows it)`));
  }
  const request = u.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      u,
      {
        method: 'GET',
        headers: { 'user-agent': 'sitrep (+https://github.com/sitrep)', accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8' },
        lookup: guardedLookup(allowPrivate),
        signal,
      },
      (res) => {
        const loc = res.headers.location;
        resolve({
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? '',
          location: typeof loc === 'string' ? loc : null,
          type: String(res.headers['content-type'] ?? ''),
          length: res.headers['content-length'] ?? null,
          body: res,
        });
      },
    );
    req.on('error', (e) => reject(signal.aborted ? new FeedError(`timed out`) : e));
    req.end();
  });
}

function htmlFragmentToText(html: string, where: { id: string; file: string }, title?: string): Article | InputError {
  const page = `<html><head>${title ? `<title>${escapeHtml(title)}</title>` : ''}</head><body><article>${/<[a-z][\s\S]*>/i.test(html) ? html : html.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</article></body></html>`;
  return htmlToArticle(page, where);
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The articles of a feed document (already read), fetching teaser items' pages. */
export async function* feedItems(xml: string, where: string, opts: FeedOptions = {}): AsyncGenerator<InputItem> {
  let feed: Feed;
  try {
    feed = parseFeed(xml);
  } catch (e) {
    yield { error: new InputError(where, (e as Error).message) };
    return;
  }
  for (const [i, it] of feed.items.entries()) {
    const id = it.guid ?? it.link ?? `${where}#${i + 1}`;
    const file = `${where}#${i + 1}`;
    const meta = {
      ...(it.link ? { url: it.link } : {}),
      ...(it.title ? { title: it.title } : {}),
      ...(feed.title ? { source: feed.title } : {}),
      ...(normaliseDate(it.published) ? { published: normaliseDate(it.published)! } : {}),
    };
    let art: Article | InputError | null = null;
    if (it.content) {
      const a = htmlFragmentToText(it.content, { id, file }, it.title);
      if (!(a instanceof InputError) && a.text.length >= MIN_FULL_TEXT) art = a;
    }
    if (!art && it.link && opts.fetchPages !== false) {
      try {
        const page = await fetchText(it.link, opts);
        art = htmlToArticle(page.text, { id, file });
      } catch (e) {
        art = new InputError(file, `could not fetch ${it.link}: ${(e as Error).message}`);
      }
      // A page that could not be had (timeout, 404, 500, oversize, refused) or read is this
      // item's error: the feed's teaser is not the article, and storing it as one would hide
      // the failure and fill the database with first lines.
      if (art instanceof InputError) {
        yield { error: art };
        continue;
      }
    }
    if (!art || art instanceof InputError) {
      // No link to follow (or fetching turned off): the feed's own text is all there is.
      const body = it.content ?? it.summary;
      const fallback = body ? htmlFragmentToText(body, { id, file }, it.title) : null;
      if (fallback && !(fallback instanceof InputError)) art = fallback;
      else {
        yield { error: art instanceof InputError ? art : new InputError(file, 'feed item has no text and no link') };
        continue;
      }
    }
    const article: Article = { ...art, id, ...meta };
    const bad = checkText(file, article.text);
    if (bad) yield { error: bad };
    else yield { article, file };
  }
}

export function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

const FEED_EXT = /\.(rss|atom|xml|rdf)$/i;

/** Whether an input path names a feed file (by its extension). */
export function isFeedPath(p: string): boolean {
  return FEED_EXT.test(p);
}

/** A feed file, a feed URL, or a web page URL → its articles. */
export async function* readSource(source: string, opts: FeedOptions = {}): AsyncGenerator<InputItem> {
  if (isUrl(source)) {
    let page: { text: string; type: string; url: string };
    try {
      page = await fetchText(source, opts);
    } catch (e) {
      yield { error: new InputError(source, `could not fetch: ${(e as Error).message}`) };
      return;
    }
    if (/xml|rss|atom/i.test(page.type) || looksLikeFeed(page.text)) {
      yield* feedItems(page.text, source, opts);
      return;
    }
    const art = htmlToArticle(page.text, { id: page.url, file: source });
    if (art instanceof InputError) {
      yield { error: art };
      return;
    }
    const article: Article = { ...art, url: art.url ?? page.url };
    const bad = checkText(source, article.text);
    if (bad) yield { error: bad };
    else yield { article, file: source };
    return;
  }
  let xml: string;
  try {
    const st = await fs.stat(source);
    if (st.size > MAX_FILE_BYTES) {
      yield { error: new InputError(source, `file is ${st.size} bytes, over the limit of ${MAX_FILE_BYTES}`) };
      return;
    }
    xml = await fs.readFile(source, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    yield { error: new InputError(source, code === 'ENOENT' ? 'no such file or directory' : (e as Error).message) };
    return;
  }
  yield* feedItems(xml, source, opts);
}
