/**
 * For the queue tests: worker processes of the real CLI, a key prefix of their own in Redis
 * (removed at the end by SCAN and DEL, never FLUSHALL), and waiting for a condition.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { CLI, ROOT } from './paths.js';

export const REDIS_URL = process.env.SITREP_TEST_REDIS ?? 'redis://127.0.0.1:6379';

async function redisProblem(url: string): Promise<string | null> {
  const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2000, retryStrategy: () => null });
  r.on('error', () => {});
  try {
    await r.connect();
    await r.ping();
    return null;
  } catch (e) {
    return (e as Error).message || String(e);
  } finally {
    r.disconnect();
  }
}
const problem = await redisProblem(REDIS_URL);
if (problem && process.env.SITREP_REQUIRE_REDIS) throw new Error(`SITREP_REQUIRE_REDIS is set but Redis is not reachable at ${REDIS_URL}: ${problem}`);
export const REDIS_SKIP: string | false = problem ? `skipped: Redis is not reachable at ${REDIS_URL} (${problem}); set SITREP_TEST_REDIS` : false;

export function testPrefix(): string {
  // SITREP_TEST_REDIS_PREFIX: where several people share one Redis, each keeps to a prefix of theirs.
  return `${process.env.SITREP_TEST_REDIS_PREFIX ?? 'sitrep-test-scale-'}${randomBytes(4).toString('hex')}`;
}

/** Remove every key of the prefix. */
export async function dropPrefix(url: string, prefix: string): Promise<void> {
  const r = new Redis(url, { maxRetriesPerRequest: 2 });
  r.on('error', () => {});
  try {
    let cursor = '0';
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await r.del(...keys);
    } while (cursor !== '0');
  } finally {
    r.disconnect();
  }
}

export interface WorkerProc {
  child: ChildProcess;
  /** The JSON lines it logged so far. */
  lines: Array<Record<string, unknown>>;
  stderr: string;
  exited: Promise<number | null>;
}

export function spawnWorker(db: string, queue: string, prefix: string, extra: string[] = []): WorkerProc {
  const child = spawn(process.execPath, [CLI, 'worker', '--db', db, '--queue', queue, '--queue-prefix', prefix, '--concurrency', '1', '--lock', '5', '--fuse-every', '0.5', ...extra], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const w: WorkerProc = { child, lines: [], stderr: '', exited: new Promise((r) => child.on('exit', (code) => r(code))) };
  let buf = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => {
    buf += d;
    let nl;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      try {
        w.lines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        w.lines.push({ raw: line });
      }
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (w.stderr += d));
  return w;
}

export async function waitFor(what: string, cond: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 250): Promise<void> {
  const t0 = Date.now();
  for (;;) {
    if (await cond()) return;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
