/**
 * The queue's commands: `sitrep worker` (take jobs and store them) and `sitrep queue status`;
 * and the `--queue` side of ingest, watch and reprocess (put jobs on the queue and return).
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_BUDGET_MS } from '../run/pool.js';
import { DEFAULT_PREFIX, enqueueInputs, isRedisUrl, openQueue, queueStatus, redactRedis, type EnqueueSummary } from '../run/queue.js';
import { startWorker } from '../run/worker.js';
import { isPostgresUrl } from '../store/open-store.js';

function say(s: string): void {
  process.stderr.write(s);
}

function redisUrl(v: string): string {
  if (!isRedisUrl(v)) throw new InvalidArgumentError('expected a redis:// or rediss:// URL.');
  return v;
}

function positiveInt(v: string): number {
  if (!/^\d+$/.test(v) || Number(v) < 1) throw new InvalidArgumentError('expected a whole number of at least 1.');
  return Number(v);
}

function seconds(v: string): number {
  const n = Number(v);
  if (!/^\d+(\.\d+)?$/.test(v) || !(n > 0)) throw new InvalidArgumentError('expected a positive number of seconds.');
  return n;
}

/** --queue and --queue-prefix, for ingest, watch, reprocess, worker and queue status. */
export function queueOption(mandatory = false): Option {
  const o = new Option('--queue <redis-url>', 'a Redis server: put the work on its queue for `sitrep worker`s, and return').argParser(redisUrl);
  if (process.env.SITREP_QUEUE) o.default(process.env.SITREP_QUEUE);
  return mandatory ? o.makeOptionMandatory() : o;
}

export function prefixOption(): Option {
  return new Option('--queue-prefix <prefix>', 'key prefix in Redis, to share one Redis between deployments').default(process.env.SITREP_QUEUE_PREFIX || DEFAULT_PREFIX);
}

export function enqueueSummary(s: EnqueueSummary): string {
  return `sitrep: ${s.read} articles read in ${s.seconds.toFixed(1)} s: ${s.queued} queued, ${s.already} on the queue already; ${s.problems.length} bad inputs\n`;
}

/** `ingest --queue`: read the inputs here, queue one job per article. */
export async function ingestToQueue(inputs: string[], o: { queue: string; queuePrefix: string; published?: string; quiet?: boolean }): Promise<number> {
  const queue = openQueue({ url: o.queue, prefix: o.queuePrefix });
  try {
    const s = await enqueueInputs(queue, inputs, o.published ? { published: o.published } : {});
    for (const p of s.problems) say(`sitrep: ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}\n`);
    if (!o.quiet) say(enqueueSummary(s));
    return s.problems.length === 0 ? 0 : s.read > 0 ? 1 : 2;
  } catch (e) {
    say(`sitrep: cannot queue on ${redactRedis(o.queue)}: ${(e as Error).message}\n`);
    return 2;
  } finally {
    await queue.close();
  }
}

export function registerQueueCommands(program: Command, setCode: (c: number) => void): void {
  program
    .command('worker')
    .description('take jobs from the queue (articles, feed items, reprocess requests), extract them and store them into the database; fuse what changed')
    .addOption(new Option('--db <url>', 'the PostgreSQL database the workers share (postgres://…)').default(process.env.SITREP_DB))
    .addOption(queueOption(true))
    .addOption(prefixOption())
    .option('--concurrency <n>', 'extraction threads (the worker holds up to 16 jobs per thread, so that writes overlap extraction and go in groups)', positiveInt, 2)
    .option('--budget <seconds>', "time budget of one article's extraction", seconds, DEFAULT_BUDGET_MS / 1000)
    .option('--lock <seconds>', "how long a job stays this worker's without a renewal: a worker killed outright gives its jobs back after it", seconds, 30)
    .option('--fuse-every <seconds>', 'how often the dirty blocks are fused', seconds, 2)
    .option('--health <port>', 'answer GET /health on this port', (v) => {
      if (!/^\d+$/.test(v) || Number(v) > 65535) throw new InvalidArgumentError('expected a port number.');
      return Number(v);
    })
    .option('--health-host <host>', 'address of the health server', '127.0.0.1')
    .action(async (o: { db?: string; queue: string; queuePrefix: string; concurrency: number; budget: number; lock: number; fuseEvery: number; health?: number; healthHost: string }) => {
      if (!o.db) {
        say('sitrep: a worker needs --db (or $SITREP_DB)\n');
        return setCode(2);
      }
      if (!isPostgresUrl(o.db)) say('sitrep: warning: workers on a SQLite file must share one machine and wait on its lock; PostgreSQL is meant for them\n');
      let w;
      try {
        w = await startWorker({
          db: o.db,
          url: o.queue,
          prefix: o.queuePrefix,
          concurrency: o.concurrency,
          budgetMs: Math.round(o.budget * 1000),
          lockMs: Math.round(o.lock * 1000),
          fuseEveryMs: Math.round(o.fuseEvery * 1000),
          ...(o.health !== undefined ? { healthPort: o.health, healthHost: o.healthHost } : {}),
        });
      } catch (e) {
        say(`sitrep: the worker cannot start: ${(e as Error).message}\n`);
        return setCode(2);
      }
      const stop = () => void w.close();
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
      await w.closed;
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      setCode(0);
    });

  const queue = program.command('queue').description("the queue's state");
  queue
    .command('status')
    .description('waiting, active, delayed, failed and done jobs, and the latest failures with their errors')
    .addOption(queueOption(true))
    .addOption(prefixOption())
    .option('--json', 'as JSON')
    .option('--failures <n>', 'list this many failed jobs', (v) => Number(v), 20)
    .action(async (o: { queue: string; queuePrefix: string; json?: boolean; failures: number }) => {
      const q = openQueue({ url: o.queue, prefix: o.queuePrefix });
      try {
        const s = await queueStatus(q, o.failures);
        if (o.json) process.stdout.write(JSON.stringify(s, null, 1) + '\n');
        else {
          process.stdout.write(`waiting ${s.waiting}  active ${s.active}  delayed ${s.delayed}  failed ${s.failed}  done ${s.done}\n`);
          for (const f of s.failures) process.stdout.write(`failed ${f.id} (${f.name}${f.article ? ` ${f.article}` : ''}, ${f.attempts} attempts${f.at ? `, ${f.at}` : ''}): ${f.error}\n`);
        }
        setCode(0);
      } catch (e) {
        say(`sitrep: cannot read the queue on ${redactRedis(o.queue)}: ${(e as Error).message}\n`);
        setCode(2);
      } finally {
        await q.close();
      }
    });
}
