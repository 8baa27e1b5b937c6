/**
 * Input adapters: text files, HTML pages, JSON lines, directories of them, and standard input,
 * each turned into Articles. One bad input never stops the others: every failure is yielded as an
 * InputError that names the file and line, and reading goes on.
 */
import { createReadStream, promises as fs } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { Article } from '../core/types.js';
import { InputError } from './errors.js';
import { htmlToArticle } from './html.js';
import { MAX_ARTICLE_CHARS, MAX_FILE_BYTES, MAX_LINE_BYTES } from './limits.js';

export type InputItem = { article: Article; file: string; line?: number } | { error: InputError };

export interface ReadOptions {
  /** Publication date for plain-text inputs (YYYY-MM-DD). */
  published?: string;
}

const TEXT_EXT = new Set(['.txt', '.text']);
const HTML_EXT = new Set(['.html', '.htm', '.xhtml']);
const JSONL_EXT = new Set(['.jsonl', '.ndjson']);
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Read every input path ('-' is standard input) and yield its articles and its errors. */
export async function* readInputs(paths: string[], opts: ReadOptions = {}): AsyncGenerator<InputItem> {
  for (const p of paths) {
    // A reader's own bug costs the rest of this input, never the other inputs of the batch.
    try {
      yield* readPath(p, opts);
    } catch (e) {
      yield { error: new InputError(p, `could not be read: ${(e as Error).message}`) };
    }
  }
}

async function* readPath(p: string, opts: ReadOptions): AsyncGenerator<InputItem> {
  if (p === '-') {
    yield* readStdin(opts);
    return;
  }
  let stat;
  try {
    stat = await fs.stat(p);
  } catch (e) {
    yield { error: new InputError(p, describeFsError(e)) };
    return;
  }
  if (!stat.isDirectory()) {
    yield* readFile(p, opts);
    return;
  }
  const files = await listArticleFiles(p);
  if (files.length === 0) {
    yield { error: new InputError(p, 'directory holds no articles (.txt, .html, .jsonl)') };
    return;
  }
  for (const f of files) {
    try {
      yield* readFile(f, opts);
    } catch (e) {
      yield { error: new InputError(f, `could not be read: ${(e as Error).message}`) };
    }
  }
}

async function listArticleFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listArticleFiles(full)));
    else if (kindOf(full) !== null) out.push(full);
  }
  return out;
}

function kindOf(file: string): 'text' | 'html' | 'jsonl' | null {
  const ext = extname(file).toLowerCase();
  if (TEXT_EXT.has(ext)) return 'text';
  if (HTML_EXT.has(ext)) return 'html';
  if (JSONL_EXT.has(ext)) return 'jsonl';
  return null;
}

async function* readFile(file: string, opts: ReadOptions): AsyncGenerator<InputItem> {
  const kind = kindOf(file) ?? 'text';
  if (kind === 'jsonl') {
    yield* readJsonLines(file, createReadStream(file));
    return;
  }
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.size > MAX_FILE_BYTES) {
      yield { error: new InputError(file, `file is ${stat.size} bytes, over the limit of ${MAX_FILE_BYTES}`) };
      return;
    }
    bytes = await fs.readFile(file);
  } catch (e) {
    yield { error: new InputError(file, describeFsError(e)) };
    return;
  }
  yield* fromBytes(file, bytes, kind, opts);
}

function* fromBytes(
  file: string,
  bytes: Buffer,
  kind: 'text' | 'html',
  opts: ReadOptions,
): Generator<InputItem> {
  const text = decode(file, bytes);
  if (text instanceof InputError) {
    yield { error: text };
    return;
  }
  const id = file === '-' ? 'stdin' : basename(file, extname(file));
  if (kind === 'html') {
    const art = htmlToArticle(text, { id, file });
    if (art instanceof InputError) {
      yield { error: art };
      return;
    }
    const bad = checkText(file, art.text);
    if (bad) yield { error: bad };
    else yield { article: { ...art, published: art.published ?? opts.published }, file };
    return;
  }
  const bad = checkText(file, text);
  if (bad) {
    yield { error: bad };
    return;
  }
  yield { article: { id, text, ...(opts.published ? { published: opts.published } : {}) }, file };
}

async function* readStdin(opts: ReadOptions): AsyncGenerator<InputItem> {
  yield* readStdinStream(process.stdin, opts);
}

/**
 * Standard input as a stream: JSON lines are read line by line as they come (any number of
 * lines, each within the line limit, memory bounded by one line); a page or a text is gathered
 * up to the file limit.
 */
export async function* readStdinStream(stream: AsyncIterable<Buffer | string>, opts: ReadOptions = {}): AsyncGenerator<InputItem> {
  const it = stream[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  // Enough to see the first character that is not white space.
  for (let r = await it.next(); !r.done; r = await it.next()) {
    const b = typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
    head.push(b);
    size += b.length;
    if (size > MAX_FILE_BYTES) {
      yield { error: new InputError('-', `standard input is over the limit of ${MAX_FILE_BYTES} bytes`) };
      return;
    }
    if (/\S/.test(b.toString('latin1'))) break;
  }
  const first = Buffer.concat(head).toString('utf8').trimStart();
  const rest = async function* () {
    yield* head;
    for (let r = await it.next(); !r.done; r = await it.next()) yield typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
  };
  if (first.startsWith('{')) {
    yield* readJsonLines('-', rest());
    return;
  }
  const chunks: Buffer[] = [];
  size = 0;
  for await (const c of rest()) {
    size += c.length;
    if (size > MAX_FILE_BYTES) {
      yield { error: new InputError('-', `standard input is over the limit of ${MAX_FILE_BYTES} bytes`) };
      return;
    }
    chunks.push(c);
  }
  yield* readStdinBytes(Buffer.concat(chunks), opts);
}

/** Standard input's bytes: JSON lines if they start with '{', HTML if with '<', else text. */
export async function* readStdinBytes(bytes: Buffer, opts: ReadOptions = {}): AsyncGenerator<InputItem> {
  const head = bytes.subarray(0, 512).toString('utf8').trimStart();
  if (head.startsWith('{')) {
    yield* readJsonLines('-', [bytes]);
  } else {
    yield* fromBytes('-', bytes, head.startsWith('<') ? 'html' : 'text', opts);
  }
}

/**
 * The lines of a byte stream, each at most `max` bytes: a longer line is skipped as it streams
 * by (its bytes are dropped, not gathered), so memory stays within one line's limit and one
 * chunk whatever the input holds. A line is `null` when it was over the limit.
 */
export async function* boundedLines(stream: AsyncIterable<Buffer | string> | Iterable<Buffer | string>, max: number): AsyncGenerator<Buffer | null> {
  let parts: Buffer[] = [];
  let size = 0;
  let over = false;
  const take = (b: Buffer) => {
    if (over) return;
    if (size + b.length > max) {
      over = true;
      parts = [];
      size = 0;
      return;
    }
    if (b.length > 0) parts.push(b);
    size += b.length;
  };
  const end = (): Buffer | null => {
    const line = over ? null : parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
    parts = [];
    size = 0;
    over = false;
    return line;
  };
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let from = 0;
    for (let nl = buf.indexOf(10, from); nl >= 0; nl = buf.indexOf(10, from)) {
      take(buf.subarray(from, nl));
      yield end();
      from = nl + 1;
    }
    if (from < buf.length) take(Buffer.from(buf.subarray(from)));
  }
  if (size > 0 || over) yield end();
}

async function* readJsonLines(file: string, stream: AsyncIterable<Buffer | string> | Iterable<Buffer | string>): AsyncGenerator<InputItem> {
  // Lines are decoded one by one so that a bad byte or a bad line costs only that line, and the
  // line limit is kept while reading (a line of 500 MB without a newline is skipped, not gathered).
  let lineNo = 0;
  let any = false;
  const seen = new Set<string>();
  try {
    for await (const bytes of boundedLines(stream, MAX_LINE_BYTES)) {
      lineNo++;
      if (bytes === null) {
        any = true;
        yield { error: new InputError(file, `line is over the limit of ${MAX_LINE_BYTES} bytes`, lineNo) };
        continue;
      }
      let raw: string;
      try {
        raw = utf8.decode(bytes);
      } catch {
        any = true;
        yield { error: new InputError(file, 'line is not valid UTF-8', lineNo) };
        continue;
      }
      const line = raw.trim();
      if (!line) continue;
      any = true;
      let obj: unknown;
      try {
        obj = JSON.parse(line);
      } catch (e) {
        yield { error: new InputError(file, `line is not JSON (${(e as Error).message})`, lineNo) };
        continue;
      }
      if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
        yield { error: new InputError(file, 'line is not a JSON object', lineNo) };
        continue;
      }
      const o = obj as Record<string, unknown>;
      if (typeof o.text !== 'string') {
        yield { error: new InputError(file, 'line has no "text" string', lineNo) };
        continue;
      }
      const id = typeof o.id === 'string' || typeof o.id === 'number' ? String(o.id) : `${basename(file)}:${lineNo}`;
      if (seen.has(id)) {
        yield { error: new InputError(file, `duplicate article id "${id}"`, lineNo) };
        continue;
      }
      const parsed = Article.safeParse({
        id,
        text: o.text,
        ...(typeof o.url === 'string' ? { url: o.url } : {}),
        ...(typeof o.source === 'string' ? { source: o.source } : {}),
        ...(typeof o.title === 'string' ? { title: o.title } : {}),
        ...(typeof o.published === 'string' && o.published ? { published: o.published } : {}),
      });
      if (!parsed.success) {
        yield { error: new InputError(file, `line is not an article: ${parsed.error.issues[0]?.message}`, lineNo) };
        continue;
      }
      const bad = checkText(file, parsed.data.text, lineNo);
      if (bad) {
        yield { error: bad };
        continue;
      }
      seen.add(id);
      yield { article: parsed.data, file, line: lineNo };
    }
  } catch (e) {
    yield { error: new InputError(file, describeFsError(e), lineNo || undefined) };
    return;
  }
  if (!any) yield { error: new InputError(file, 'file holds no JSON lines') };
}

function decode(file: string, bytes: Buffer): string | InputError {
  try {
    return utf8.decode(bytes);
  } catch {
    return new InputError(file, 'bytes are not valid UTF-8');
  }
}

/** An article text must be non-empty, not binary, and within the size limit. */
export function checkText(file: string, text: string, line?: number): InputError | null {
  if (text.trim() === '') return new InputError(file, 'article text is empty', line);
  if (text.length > MAX_ARTICLE_CHARS)
    return new InputError(file, `article text is ${text.length} characters, over the limit of ${MAX_ARTICLE_CHARS}`, line);
  if (looksBinary(text)) return new InputError(file, 'article text looks binary (NUL or control bytes)', line);
  return null;
}

function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  let control = 0;
  const n = Math.min(text.length, 4096);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return control > n * 0.05;
}

function describeFsError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return err.message ?? String(e);
  }
}
