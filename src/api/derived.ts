/**
 * Answers derived from the whole incident list (the timeline's and the stats page's tallies),
 * kept while the list does not change: each is stored with the list index's stamp and thrown
 * away when the stamp moves, so an answer is never older than the data. The desk's opening view
 * (no filter) is built ahead of its first request: when the server starts, and again soon after
 * each change (see `Rewarm`).
 */
import type { ListIndex } from './list-index.js';

export class StampCache<T> {
  private entries = new Map<string, { stamp: number; value: T }>();

  constructor(
    private readonly index: ListIndex,
    private readonly max = 16,
  ) {}

  /** The value kept for `key` while the data have not changed, if any. */
  peek(key: string): T | undefined {
    const e = this.entries.get(key);
    return e && e.stamp === this.index.stamp ? e.value : undefined;
  }

  get(key: string, compute: () => T): T {
    const hit = this.peek(key);
    if (hit !== undefined) return hit;
    const value = compute();
    // The stamp is read after computing: building the columns may sort the rows, which moves it.
    this.entries.delete(key);
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { stamp: this.index.stamp, value });
    return value;
  }
}

/**
 * Runs `warm` when the server starts and soon after the incidents change (`quietMs` later, so a
 * burst of writes is one warm), but never more than a sixth of the time: the next warm starts no
 * sooner than five times the last one's duration after it ended. During a long ingest (a change
 * every second) warming so takes at most about a sixth of one core; a request that comes before
 * a warm builds its answer itself.
 */
export class Rewarm {
  private timer: NodeJS.Timeout | null = null;
  private lastMs = 0;
  private lastEnd = 0;
  private readonly off: () => void;
  /** How many warms have run (for tests and the bench). */
  runs = 0;

  constructor(
    index: ListIndex,
    private readonly warm: () => Promise<void> | void,
    private readonly quietMs = 50,
  ) {
    this.off = index.onChange(() => this.schedule());
    this.timer = setTimeout(() => void this.run(), 0);
    this.timer.unref();
  }

  private schedule(): void {
    // One warm waiting is enough: it reads the data as they are when it runs.
    if (this.timer) return;
    const wait = Math.max(this.quietMs, this.lastEnd + 5 * this.lastMs - performance.now());
    this.timer = setTimeout(() => void this.run(), wait);
    this.timer.unref();
  }

  private async run(): Promise<void> {
    this.timer = null;
    const t = performance.now();
    try {
      await this.warm();
    } catch {
      /* built on the next request instead */
    }
    this.lastEnd = performance.now();
    this.lastMs = this.lastEnd - t;
    this.runs++;
  }

  stop(): void {
    this.off();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
