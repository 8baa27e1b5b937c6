/**
 * HTML page → Article: the article body (Mozilla's Readability, the reader-view algorithm of
 * Firefox, over linkedom, a light DOM that loads about 10 times faster than jsdom), its title,
 * published time and site. The body becomes plain text with one paragraph per line, so the text
 * layer sees the same paragraphs a reader sees.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Article } from '../core/types.js';
import { InputError } from './errors.js';

const BLOCK = new Set([
  'P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'FIGCAPTION', 'TD', 'TH', 'DT', 'DD',
]);

export function htmlToArticle(html: string, where: { id: string; file: string }): Article | InputError {
  // Whatever the bytes are (plain text, JSON, a comment, nothing), the page fails alone: a DOM
  // library's exception is this input's error, never the batch's.
  try {
    return readPage(html, where);
  } catch (e) {
    return new InputError(where.file, `HTML could not be read (${(e as Error).message})`);
  }
}

function readPage(html: string, where: { id: string; file: string }): Article | InputError {
  // linkedom builds no <html> element for input without one ('plain text', '{"a": 1}', a lone
  // comment, '<p>a fragment</p>'), and its document.body then throws or is null: such input is
  // read as the body of a page.
  const whole = /<(?:html|body)[\s>]/i.test(html);
  let document = parseHTML(whole ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`).document as unknown as Document;
  if (!document.documentElement) document = parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`).document as unknown as Document;
  if (!document.documentElement) return new InputError(where.file, 'HTML page has no document element');
  const meta = readMeta(document);
  let parsed: ReturnType<Readability<Node>['parse']> = null;
  try {
    parsed = new Readability<Node>(document.cloneNode(true) as Document, { serializer: (n) => n }).parse();
  } catch {
    parsed = null;
  }
  const root: Node | null = (parsed?.content as Node | undefined) ?? document.body ?? null;
  const text = root ? blocksToText(root) : '';
  if (!text.trim()) return new InputError(where.file, 'HTML page has no readable article text');
  const title = (parsed?.title || meta.title || '').trim();
  const published = normaliseDate(parsed?.publishedTime ?? meta.published);
  return {
    id: where.id,
    text,
    ...(title ? { title } : {}),
    ...(meta.url ? { url: meta.url } : {}),
    ...(parsed?.siteName || meta.site ? { source: (parsed?.siteName || meta.site)! } : {}),
    ...(published ? { published } : {}),
  };
}

/** Text of the block elements under `root`, one per line, inner white space collapsed. */
function blocksToText(root: Node): string {
  const lines: string[] = [];
  const walk = (n: Node) => {
    const el = n as Element;
    if (n.nodeType === 1 && BLOCK.has(el.tagName)) {
      const hasBlockChild = Array.from(el.children ?? []).some((c) => BLOCK.has(c.tagName));
      if (!hasBlockChild) {
        const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
        if (t) lines.push(t);
        return;
      }
    }
    if (n.nodeType === 3) {
      const parent = n.parentNode as Element | null;
      if (parent && !BLOCK.has(parent.tagName)) {
        const t = (n.textContent ?? '').replace(/\s+/g, ' ').trim();
        if (t.length > 40) lines.push(t);
      }
      return;
    }
    for (const c of Array.from(n.childNodes ?? [])) walk(c);
  };
  walk(root);
  return lines.join('\n');
}

function readMeta(document: Document): { title?: string; published?: string; site?: string; url?: string } {
  const get = (sel: string, attr = 'content') => document.querySelector(sel)?.getAttribute(attr) ?? undefined;
  return {
    title: get('meta[property="og:title"]') ?? document.querySelector('title')?.textContent ?? undefined,
    published:
      get('meta[property="article:published_time"]') ??
      get('meta[name="date"]') ??
      get('meta[itemprop="datePublished"]') ??
      get('time[datetime]', 'datetime'),
    site: get('meta[property="og:site_name"]'),
    url: get('link[rel="canonical"]', 'href') ?? get('meta[property="og:url"]'),
  };
}

/** YYYY-MM-DD from an ISO date or timestamp, or undefined. */
export function normaliseDate(s: string | null | undefined): string | undefined {
  if (!s) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s.trim());
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
}
