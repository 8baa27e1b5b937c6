/**
 * The database commands: ingest, watch, incidents, incident show|edit, reprocess, export. A thin
 * layer over src/store: each opens the database named by --db (SQLite file, ./sitrep.db by
 * default, or a postgres:// URL), does one thing, and closes it. Exit codes as in main.ts:
 * 0 done, 1 some inputs failed (the rest went in), 2 bad usage or nothing could be done.
 */
import { writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { Command, InvalidArgumentError, Option } from 'commander';
import { SUB_EVENT_TYPES, EVENT_TYPES } from '../core/types.js';
import { acledCsv, geojson, incidentsCsv, reportOf, sitrepCsv, table } from '../store/export.js';
import { countArticles, ingest, reprocess, type IngestProgress, type IngestSummary } from '../store/ingest-run.js';
import { DEFAULT_DB, openStore } from '../store/open-store.js';
import { DEFAULT_BUDGET_MS, defaultJobs, ExtractPool } from '../run/pool.js';
import { enqueueReprocess, openQueue, redactRedis } from '../run/queue.js';
import { enqueueSummary, ingestToQueue, prefixOption, queueOption } from './queue-commands.js';
import type { IncidentView } from '../store/overlay.js';
import { EditError, type EditInput, type IncidentFilter, type Store } from '../store/store.js';

const OK = 0;
const PARTIAL = 1;
const USAGE = 2;

function isoDate(v: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) throw new InvalidArgumentError('expected a date YYYY-MM-DD.');
  return v;
}

/** "15m", "90s", "2h", "1h30m" → milliseconds. */
export function parseDuration(v: string): number {
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(v.trim());
  if (!m || !(m[1] || m[2] || m[3])) throw new InvalidArgumentError('expected a duration such as 15m, 1h or 90s.');
  const ms = ((+(m[1] ?? 0) * 60 + +(m[2] ?? 0)) * 60 + +(m[3] ?? 0)) * 1000;
  if (ms < 1000) throw new InvalidArgumentError('the interval must be at least 1s.');
  return ms;
}

function nonNegInt(v: string): number {
  if (!/^\d+$/.test(v)) throw new InvalidArgumentError('expected a whole number.');
  return Number(v);
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

function say(s: string): void {
  process.stderr.write(s);
}

async function withStore<T>(db: string, fn: (s: Store) => Promise<T>): Promise<T | null> {
  let store: Store;
  try {
    store = await openStore(db);
  } catch (e) {
    say(`sitrep: cannot open the database ${redact(db)}: ${(e as Error).message}\n`);
    return null;
  }
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** A postgres:// URL without its password, for messages. */
function redact(db: string): string {
  return db.replace(/(postgres(?:ql)?:\/\/[^:/@]+):[^@]*@/i, '$1:***@');
}

function jobsOption(): Option {
  return new Option('--jobs <n>', 'extraction threads (default: one per core)').argParser(positiveInt).default(defaultJobs());
}

function budgetOption(): Option {
  return new Option('--budget <seconds>', "time budget of one article's extraction; an article over it is recorded as a problem and the batch goes on")
    .argParser((v: string) => {
      const n = Number(v);
      if (!/^\d+(\.\d+)?$/.test(v) || !(n > 0)) throw new InvalidArgumentError('expected a positive number of seconds.');
      return n;
    })
    .default(DEFAULT_BUDGET_MS / 1000);
}

function positiveInt(v: string): number {
  if (!/^\d+$/.test(v) || Number(v) < 1) throw new InvalidArgumentError('expected a whole number of at least 1.');
  return Number(v);
}

/** Run with an extraction pool of the command's --jobs and --budget, closed at the end. */
async function withPool<T>(o: { jobs: number; budget: number }, fn: (pool: ExtractPool) => Promise<T>): Promise<T> {
  const pool = new ExtractPool({ threads: o.jobs, budgetMs: Math.round(o.budget * 1000) });
  try {
    return await fn(pool);
  } finally {
    await pool.close();
  }
}

function dbOption(): Option {
  return new Option('--db <file|url>', 'SQLite file or postgres:// URL').default(process.env.SITREP_DB || DEFAULT_DB);
}

/** A progress bar on stderr: done/total, articles per second and the time left. */
export class ProgressBar {
  private last = 0;
  private width = 24;
  constructor(
    private readonly enabled: boolean,
    private readonly label = 'ingest',
  ) {}

  update(p: IngestProgress, final = false): void {
    if (!this.enabled) return;
    const t = Date.now();
    if (!final && t - this.last < 100) return;
    this.last = t;
    say(`\r\x1b[K${this.render(p)}${final ? '\n' : ''}`);
  }

  render(p: IngestProgress): string {
    const rate = p.elapsedMs > 0 ? (p.done * 1000) / p.elapsedMs : 0;
    const parts = [this.label];
    if (p.total) {
      const frac = Math.min(1, p.done / p.total);
      const full = Math.round(frac * this.width);
      parts.push(`[${'#'.repeat(full)}${'-'.repeat(this.width - full)}]`, `${String(Math.floor(frac * 100)).padStart(3)}%`, `${p.done}/${p.total}`);
    } else parts.push(`${p.done} articles`);
    parts.push(`${rate.toFixed(0)} articles/s`);
    if (p.total && rate > 0 && p.done < p.total) parts.push(`${clock((p.total - p.done) / rate)} left`);
    else parts.push(`${clock(p.elapsedMs / 1000)} elapsed`);
    if (p.problems) parts.push(`${p.problems} problems`);
    return parts.join('  ');
  }
}

function clock(sec: number): string {
  const s = Math.round(sec);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

function summaryLine(s: IngestSummary): string {
  const rate = s.seconds > 0 ? (s.read / s.seconds).toFixed(0) : '-';
  return (
    `sitrep: ${s.read} articles read in ${s.seconds.toFixed(1)} s (${rate}/s): ${s.inserted} new, ${s.updated} updated, ` +
    `${s.unchanged} already stored, ${s.duplicates} near-duplicates, ${s.failed} failed extraction; ` +
    `${s.reports} incident reports; ${s.problems} bad inputs; fusion: ${s.fused.incidents} incidents in ${s.fused.blocks} blocks\n`
  );
}

function codeOf(s: IngestSummary): number {
  if (s.problems === 0 && s.failed === 0) return OK;
  return s.read > 0 ? PARTIAL : USAGE;
}

async function writeOut(text: string, out?: string): Promise<void> {
  if (out) {
    writeFileSync(out, text);
    return;
  }
  await new Promise<void>((resolve, reject) => process.stdout.write(text, (e) => (e ? reject(e) : resolve())));
}

function author(a?: string): string {
  if (a) return a;
  if (process.env.SITREP_AUTHOR) return process.env.SITREP_AUTHOR;
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** A value from the command line: JSON where it parses ("12", "null", "true"), else the string. */
function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

function showIncident(v: IncidentView): string {
  const lines = [
    `${v.id}  [${v.status}]${v.merged_into ? ` merged into ${v.merged_into}` : ''}`,
    `  ${v.event_date ?? '?'}  ${v.event_type} / ${v.sub_event_type}`,
    `  actors: ${v.actor1 ?? '?'} (${v.inter1 ?? '-'})${v.actor2 ? ` v ${v.actor2} (${v.inter2 ?? '-'})` : ''}`,
    `  place: ${[v.location, v.admin2, v.admin1, v.country].filter(Boolean).join(', ') || '?'}${v.latitude !== null ? ` (${v.latitude}, ${v.longitude}; precision ${v.geo_precision})` : ''}`,
    `  fatalities: ${v.fatalities ?? 'unknown'} (low ${v.fatalities_low ?? '-'}, high ${v.fatalities_high ?? '-'})`,
    `  articles (${v.articles.length}): ${v.articles.join(', ')}`,
  ];
  if (v.sources.length > 1) {
    lines.push('  sources:');
    for (const s of v.sources) lines.push(`    ${s.article}: ${s.fatalities ?? 'unknown'}${s.evidence[0] ? `  "${s.evidence[0].text}"` : ''}`);
  }
  const edited = Object.entries(v.edited);
  if (edited.length) {
    lines.push('  edited:');
    for (const [f, e] of edited) lines.push(`    ${f} by ${e.author} at ${e.at} (extracted: ${JSON.stringify(e.extracted)})`);
  }
  if (v.edits.length) {
    lines.push('  edits:');
    for (const e of v.edits) lines.push(`    ${e.at} ${e.author}: ${e.action}${e.field ? ` ${e.field}` : ''}${e.value !== undefined ? ` ${JSON.stringify(e.value)}` : ''}${e.note ? ` (${e.note})` : ''}`);
  }
  lines.push('  evidence:');
  for (const e of v.evidence.slice(0, 6)) lines.push(`    [${e.article} ${e.start}-${e.end}] ${e.text}`);
  return lines.join('\n') + '\n';
}

export function registerStoreCommands(program: Command, setCode: (c: number) => void): void {
  program
    .command('ingest')
    .description('read articles (files, directories, .jsonl, HTML, RSS/Atom feeds, URLs) into the incident database and fuse their incidents')
    .argument('<inputs...>', 'files, directories, feed files (.rss, .atom, .xml) or http(s) URLs')
    .addOption(dbOption())
    .option('--published <YYYY-MM-DD>', 'publication date of plain-text inputs', isoDate)
    .option('--batch <n>', 'articles per transaction', nonNegInt, 250)
    .option('--progress', 'show the progress bar even when stderr is not a terminal')
    .option('--no-progress', 'no progress bar')
    .option('--quiet', 'no summary line')
    .addOption(jobsOption())
    .addOption(budgetOption())
    .addOption(queueOption())
    .addOption(prefixOption())
    .option('--allow-private-fetch', 'let URLs reach private, loopback, link-local and metadata addresses (a lab; refused by default)')
    .action(async (inputs: string[], o: { db: string; published?: string; batch: number; progress?: boolean; quiet?: boolean; jobs: number; budget: number; queue?: string; queuePrefix: string; allowPrivateFetch?: boolean }) => {
      if (o.queue) return setCode(await ingestToQueue(inputs, { ...o, queue: o.queue }));
      const code = await withStore(o.db, async (store) => {
        const showBar = o.progress === true ? true : o.progress === false ? false : Boolean(process.stderr.isTTY);
        const bar = new ProgressBar(showBar && !o.quiet);
        const total = showBar ? await countArticles(inputs) : null;
        const s = await withPool(o, (pool) =>
          ingest(store, inputs, {
            ...(o.published ? { published: o.published } : {}),
            batchSize: Math.max(1, o.batch),
            total,
            onProgress: (p) => bar.update(p),
            pool,
            ...(o.allowPrivateFetch ? { feed: { allowPrivate: true } } : {}),
          }),
        );
        bar.update({ done: s.read + s.problems, total, stored: s.inserted, skipped: s.unchanged, problems: s.problems, elapsedMs: s.seconds * 1000 }, true);
        for (const p of s.problemList) say(`sitrep: ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}\n`);
        if (!o.quiet) say(summaryLine(s));
        return codeOf(s);
      });
      setCode(code ?? USAGE);
    });

  program
    .command('watch')
    .description('ingest a feed now and then again at every interval')
    .argument('<feed>', 'feed URL or file')
    .addOption(dbOption())
    .option('--every <interval>', 'how often, e.g. 15m, 1h, 90s', parseDuration, 15 * 60_000)
    .option('--times <n>', 'stop after this many rounds (default: never)', nonNegInt)
    .addOption(queueOption())
    .addOption(prefixOption())
    .option('--allow-private-fetch', 'let the feed and its pages be on private, loopback, link-local and metadata addresses (a lab; refused by default)')
    .addOption(jobsOption())
    .addOption(budgetOption())
    .action(async (feed: string, o: { db: string; every: number; times?: number; queue?: string; queuePrefix: string; allowPrivateFetch?: boolean; jobs: number; budget: number }) => {
      const code = await withStore(o.db, async (store) => {
        let stop = false;
        let wake: (() => void) | null = null;
        const onSignal = () => {
          stop = true;
          wake?.();
        };
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        let last = OK;
        // One extraction pool for all rounds (a thread takes seconds to start).
        const pool = o.queue ? null : new ExtractPool({ threads: o.jobs, budgetMs: Math.round(o.budget * 1000) });
        try {
          for (let round = 1; !stop; round++) {
            if (o.queue) {
              // The feed's items go on the queue; the workers fetch nothing, they store.
              const queue = openQueue({ url: o.queue, prefix: o.queuePrefix });
              try {
                const { enqueueInputs } = await import('../run/queue.js');
                const s = await enqueueInputs(queue, [feed], { store });
                say(`${new Date().toISOString()} ${enqueueSummary(s).replace(/^sitrep: /, '')}`);
                last = s.problems.length ? PARTIAL : OK;
              } finally {
                await queue.close();
              }
            } else {
              const s = await ingest(store, [feed], { ...(pool ? { pool } : {}), ...(o.allowPrivateFetch ? { feed: { allowPrivate: true } } : {}) });
              say(`${new Date().toISOString()} ${summaryLine(s).replace(/^sitrep: /, '')}`);
              last = codeOf(s);
            }
            if (o.times !== undefined && round >= o.times) break;
            await new Promise<void>((resolve) => {
              const t = setTimeout(resolve, o.every);
              wake = () => {
                clearTimeout(t);
                resolve();
              };
            });
          }
        } finally {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
          await pool?.close();
        }
        return last;
      });
      setCode(code ?? USAGE);
    });

  program
    .command('incidents')
    .description('list the fused incidents, with filters')
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv', 'geojson']).default('table'))
    .option('--country <name>', 'country')
    .option('--admin1 <name>', 'first-level region')
    .addOption(new Option('--type <event type>', 'event type').choices([...EVENT_TYPES]))
    .addOption(new Option('--sub-type <sub-event type>', 'sub-event type').choices(Object.keys(SUB_EVENT_TYPES)))
    .option('--from <YYYY-MM-DD>', 'from this date', isoDate)
    .option('--to <YYYY-MM-DD>', 'up to this date', isoDate)
    .option('--actor <text>', 'an actor name containing this text')
    .addOption(new Option('--status <status>', 'analyst status').choices(['new', 'reviewed', 'rejected', 'merged', 'orphaned']))
    .option('--min-fatalities <n>', 'at least this many deaths', nonNegInt)
    .option('--search <words>', 'incidents reported by articles matching these words (full-text search)')
    .option('--article <id>', 'incidents reported by this article')
    .option('--limit <n>', 'at most this many', nonNegInt)
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .action(async (o: { db: string; format: string; country?: string; admin1?: string; type?: string; subType?: string; from?: string; to?: string; actor?: string; status?: string; minFatalities?: number; search?: string; article?: string; limit?: number; out?: string }) => {
      const code = await withStore(o.db, async (store) => {
        const f: IncidentFilter = {
          ...(o.country ? { country: o.country } : {}),
          ...(o.admin1 ? { admin1: o.admin1 } : {}),
          ...(o.type ? { eventType: o.type } : {}),
          ...(o.subType ? { subEventType: o.subType } : {}),
          ...(o.from ? { from: o.from } : {}),
          ...(o.to ? { to: o.to } : {}),
          ...(o.actor ? { actor: o.actor } : {}),
          ...(o.status ? { status: o.status, all: true } : {}),
          ...(o.minFatalities !== undefined ? { minFatalities: o.minFatalities } : {}),
          ...(o.search !== undefined ? { search: o.search } : {}),
          ...(o.article !== undefined ? { article: o.article } : {}),
          ...(o.limit ? { limit: o.limit } : {}),
        };
        const views = await store.incidents(f);
        const text =
          o.format === 'json' ? JSON.stringify(views, null, 1) + '\n' : o.format === 'csv' ? incidentsCsv(views) : o.format === 'geojson' ? geojson(views) : table(views);
        await writeOut(text, o.out);
        return OK;
      });
      setCode(code ?? USAGE);
    });

  const incident = program.command('incident').description('show or edit one incident');
  incident
    .command('show')
    .argument('<id>', 'incident id')
    .addOption(dbOption())
    .option('--json', 'the whole incident as JSON (values, evidence, sources, edits)')
    .action(async (id: string, o: { db: string; json?: boolean }) => {
      const code = await withStore(o.db, async (store) => {
        const v = await store.incident(id);
        if (!v) {
          say(`sitrep: no incident ${id}\n`);
          return USAGE;
        }
        await writeOut(o.json ? JSON.stringify(v, null, 1) + '\n' : showIncident(v));
        return OK;
      });
      setCode(code ?? USAGE);
    });

  incident
    .command('edit')
    .description('an analyst edit, kept as an overlay with its author and time: reprocessing never overwrites it')
    .argument('<id>', 'incident id')
    .addOption(dbOption())
    .option('--set <field=value>', 'set a field (repeatable), e.g. --set fatalities=12 --set "location=Turbat"', collect)
    .option('--clear <field>', 'clear a field (repeatable)', collect)
    .option('--merge <other>', 'fold another incident into this one')
    .option('--split <articles>', 'move the reports of these articles (comma-separated ids) into a new incident')
    .option('--review', 'mark reviewed')
    .option('--reject', 'mark rejected (left out of exports)')
    .option('--reopen', 'back to new')
    .option('--author <name>', 'who edits (default: $SITREP_AUTHOR or the user name)')
    .option('--note <text>', 'why')
    .option('--json', 'print the incident after the edit as JSON')
    .action(async (id: string, o: { db: string; set?: string[]; clear?: string[]; merge?: string; split?: string; review?: boolean; reject?: boolean; reopen?: boolean; author?: string; note?: string; json?: boolean }) => {
      const base = { incident: id, author: author(o.author), ...(o.note ? { note: o.note } : {}) };
      const edits: EditInput[] = [];
      for (const s of o.set ?? []) {
        const eq = s.indexOf('=');
        if (eq <= 0) {
          say(`sitrep: --set needs field=value, got "${s}"\n`);
          setCode(USAGE);
          return;
        }
        edits.push({ ...base, action: 'set', field: s.slice(0, eq).trim(), value: parseValue(s.slice(eq + 1)) });
      }
      for (const f of o.clear ?? []) edits.push({ ...base, action: 'clear', field: f });
      if (o.merge) edits.push({ ...base, action: 'merge', other: o.merge });
      if (o.split) edits.push({ ...base, action: 'split', articles: o.split.split(',').map((x) => x.trim()).filter(Boolean) });
      if (o.review) edits.push({ ...base, action: 'review' });
      if (o.reject) edits.push({ ...base, action: 'reject' });
      if (o.reopen) edits.push({ ...base, action: 'reopen' });
      if (edits.length === 0) {
        say('sitrep: nothing to do: give --set, --clear, --merge, --split, --review, --reject or --reopen\n');
        setCode(USAGE);
        return;
      }
      const code = await withStore(o.db, async (store) => {
        let v: IncidentView | null = null;
        for (const e of edits) {
          try {
            v = await store.edit(e);
          } catch (err) {
            if (err instanceof EditError) {
              say(`sitrep: ${err.message}\n`);
              return USAGE;
            }
            throw err;
          }
        }
        await writeOut(o.json ? JSON.stringify(v, null, 1) + '\n' : showIncident(v!));
        return OK;
      });
      setCode(code ?? USAGE);
    });

  program
    .command('reprocess')
    .description("extract the stored articles again (after an upgrade) and fuse again; analysts' edits are kept")
    .addOption(dbOption())
    .option('--all', 'every article, not only those extracted by another version')
    .addOption(jobsOption())
    .addOption(budgetOption())
    .addOption(queueOption())
    .addOption(prefixOption())
    .action(async (o: { db: string; all?: boolean; jobs: number; budget: number; queue?: string; queuePrefix: string }) => {
      const code = await withStore(o.db, async (store) => {
        const t0 = Date.now();
        if (o.queue) {
          // Fan out: the articles to extract again, in jobs for the workers.
          const queue = openQueue({ url: o.queue, prefix: o.queuePrefix });
          try {
            const r = await enqueueReprocess(queue, store, { all: o.all ?? false });
            say(`sitrep: ${r.articles} articles to extract again, queued in ${r.jobs} jobs on ${redactRedis(o.queue)}\n`);
            return OK;
          } finally {
            await queue.close();
          }
        }
        const r = await withPool(o, (pool) => reprocess(store, { all: o.all ?? false, pool }));
        say(`sitrep: ${r.articles} articles extracted again in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${r.reports} incident reports; fusion: ${r.fused.incidents} incidents in ${r.fused.blocks} blocks\n`);
        return OK;
      });
      setCode(code ?? USAGE);
    });

  program
    .command('export')
    .description("write the fused database: ACLED's CSV (ACLED's 31 columns), sitrep's CSV (those and sitrep's extras), GeoJSON, or FORMAT.md's report")
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'output format').choices(['acled-csv', 'sitrep-csv', 'geojson', 'report']).makeOptionMandatory())
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .action(async (o: { db: string; format: string; out?: string }) => {
      const code = await withStore(o.db, async (store) => {
        let text: string;
        if (o.format === 'report') text = JSON.stringify(await reportOf(store), null, 1) + '\n';
        else {
          const views = await store.incidents();
          if (o.format === 'geojson') text = geojson(views);
          else {
            const src = new Map((await store.articles()).map((a) => [a.id, a.source]));
            text = (o.format === 'sitrep-csv' ? sitrepCsv : acledCsv)(views, (a) => src.get(a) ?? null);
          }
        }
        await writeOut(text, o.out);
        return OK;
      });
      setCode(code ?? USAGE);
    });
}
