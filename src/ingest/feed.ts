/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds, from a file or a URL, and web pages by URL. A feed item
 * that carries its full text (content:encoded, Atom content) becomes an article directly; one
 * that carries only a summary is fetched from its link and read as an HTML page. A failure costs
 * only its item: it is yielded as an InputError and reading goes on.
 */
import { promises as fs } from 'node:fs';
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
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** Fetch a URL as text, within the size limit. */
export async function fetchText(url: string, opts: FeedOptions = {}): Promise<{ text: string; type: string; url: string }> {
  const f = opts.fetch ?? fetch;
  const res = await f(url, {
    headers: { 'user-agent': 'sitrep (+https://github.com/sitrep)', accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8' },
    redirect: 'follow',
    signal: AbortSignal.timeout(opts.timeoutMs ?? 20_000),
  });
  if (!res.ok) throw new FeedError(`HTTP ${res.status} ${res.statusText}`);
  const len = Number(res.headers.get('content-length') ?? 0);
  if (len > MAX_FILE_BYTES) throw new FeedError(`page is ${len} bytes, over the limit of ${MAX_FILE_BYTES}`);
  const buf = Buffer.from(await res.arrayBuffer());
  if (buf.length > MAX_FILE_BYTES) throw new FeedError(`page is over the limit of ${MAX_FILE_BYTES} bytes`);
  return { text: buf.toString('utf8'), type: res.headers.get('content-type') ?? '', url: res.url || url };
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
    }
    if (!art || art instanceof InputError) {
      // The page could not be had: the feed's own text is better than nothing.
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
