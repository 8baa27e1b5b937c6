/**
 * Sending the alerts that rules fired: a signed webhook, or e-mail over SMTP (nodemailer), one
 * mail per alert or a digest per hour or day. Deliveries are rows (`alert_deliveries`) written in
 * the same transaction as the change that fired them; a dispatcher claims a due row (an update
 * that only one process can win, with a lease, so a dispatcher that dies mid-send leaves the row
 * to be taken again once the lease ends), sends it, and logs the attempt. A failure is retried
 * with exponential backoff (base × 2^attempt, or the receiver's Retry-After) until the attempts
 * run out; a 4xx other than 408 and 429 means the receiver refuses it, and is not retried.
 *
 * The webhook's body is JSON; `X-Sitrep-Signature: sha256=<hex>` is the HMAC-SHA256 of the exact
 * body bytes under the rule's secret, and `X-Sitrep-Delivery` is the same for every retry of one
 * alert, so a receiver can drop a repeat (an answer lost on the way back makes us send again).
 */
import { createHmac } from 'node:crypto';
import { createTransport } from 'nodemailer';
import { VERSION } from '../run.js';
import type { Store } from '../store/store.js';
import { plainText } from './atom.js';
import type { AlertPayload } from './record.js';

export interface DispatcherOptions {
  /** The desk's address, for the links in alerts. */
  publicUrl: string;
  /** SMTP server as a URL (smtp://user:pass@host:587, smtps://…); without it e-mail stays pending and says why. */
  smtpUrl?: string | null;
  /** The sender of alert mail. */
  from?: string;
  /** First retry after this long; each next one waits twice as long (default 30 s). */
  backoffMs?: number;
  /** Attempts before a delivery is given up (default 8: about two hours with the default backoff). */
  maxAttempts?: number;
  /** One webhook request's time limit (default 10 s). */
  timeoutMs?: number;
  /** How often to look for due deliveries: retries, and alerts fired by other processes (default 2 s). */
  pollMs?: number;
}

export interface DispatchResult {
  delivered: number;
  retrying: number;
  failed: number;
}

const LEASE_MS = 2 * 60_000;
const MAX_BACKOFF_MS = 6 * 3600_000;

export function sign(secret: string, body: string): string {
  return 'sha256=' + createHmac('sha256', secret).update(body).digest('hex');
}

export class Dispatcher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<DispatchResult> | null = null;
  private again = false;
  private readonly listener = () => this.kick();
  private readonly opts: Required<Omit<DispatcherOptions, 'smtpUrl'>> & { smtpUrl: string | null };
  private mailer: ReturnType<typeof createTransport> | null = null;
  /** Called after each pass that sent or failed something (tests and the bench wait on it). */
  onPass: ((r: DispatchResult) => void) | null = null;

  constructor(
    private readonly store: Store,
    opts: DispatcherOptions,
  ) {
    this.opts = {
      publicUrl: opts.publicUrl.replace(/\/+$/, ''),
      smtpUrl: opts.smtpUrl ?? null,
      from: opts.from ?? 'sitrep <sitrep@localhost>',
      backoffMs: opts.backoffMs ?? 30_000,
      maxAttempts: opts.maxAttempts ?? 8,
      timeoutMs: opts.timeoutMs ?? 10_000,
      pollMs: opts.pollMs ?? 2000,
    };
    if (this.opts.smtpUrl) this.mailer = createTransport(this.opts.smtpUrl);
  }

  /** Send at once what this process fires, and look for the rest every pollMs. */
  start(): void {
    this.store.alertListeners.add(this.listener);
    this.timer = setInterval(() => this.kick(), this.opts.pollMs);
    this.timer.unref();
    this.kick();
  }

  async stop(): Promise<void> {
    this.store.alertListeners.delete(this.listener);
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.again = false;
    await this.running;
    this.mailer?.close();
  }

  /** Run a pass now, or right after the one running. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.runOnce()
      .catch((e) => {
        process.stderr.write(`sitrep: alert delivery: ${(e as Error).message}\n`);
        return { delivered: 0, retrying: 0, failed: 0 };
      })
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Send every delivery due now; returns what happened. */
  async runOnce(now = new Date()): Promise<DispatchResult> {
    const res: DispatchResult = { delivered: 0, retrying: 0, failed: 0 };
    const t = now.toISOString();
    const due = await this.store.db
      .selectFrom('alert_deliveries')
      .select(['id', 'event_id', 'rule_id', 'channel', 'attempts'])
      .where((eb) => eb.or([eb.and([eb('status', '=', 'pending'), eb('next_at', '<=', t)]), eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', t)])]))
      .orderBy('id')
      .limit(500)
      .execute();
    // E-mail of one rule goes as one message (a digest's window closes for all of them at once).
    const mail = new Map<string, typeof due>();
    const hooks = [];
    for (const d of due) {
      if (!(await this.claim(Number(d.id), t))) continue;
      if (d.channel === 'email') mail.set(d.rule_id, [...(mail.get(d.rule_id) ?? []), d]);
      else hooks.push(d);
    }
    await Promise.all(hooks.map(async (d) => this.tally(res, await this.sendWebhook(Number(d.id), Number(d.event_id), d.rule_id, Number(d.attempts)))));
    for (const [rule, ds] of mail) {
      const outcome = await this.sendMail(rule, ds.map((d) => ({ id: Number(d.id), event: Number(d.event_id), attempts: Number(d.attempts) })));
      for (const o of outcome) this.tally(res, o);
    }
    if (res.delivered + res.retrying + res.failed > 0) this.onPass?.(res);
    return res;
  }

  private tally(res: DispatchResult, o: 'delivered' | 'retrying' | 'failed'): void {
    res[o]++;
  }

  /** Take a due delivery for this process; false when another process took it first. */
  private async claim(id: number, t: string): Promise<boolean> {
    const lease = new Date(Date.parse(t) + LEASE_MS).toISOString();
    const r = await this.store.db
      .updateTable('alert_deliveries')
      .set({ status: 'sending', lease_until: lease })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('status', '=', 'pending'), eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', t)])]))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  private async payload(eventId: number): Promise<AlertPayload & { link: string }> {
    const e = await this.store.db.selectFrom('alert_events').select('payload').where('id', '=', eventId).executeTakeFirstOrThrow();
    const p = JSON.parse(e.payload) as AlertPayload;
    return { ...p, link: this.opts.publicUrl + p.path };
  }

  private async sendWebhook(id: number, eventId: number, ruleId: string, attempts: number): Promise<'delivered' | 'retrying' | 'failed'> {
    const rule = await this.store.db.selectFrom('alert_rules').select(['webhook_url', 'webhook_secret']).where('id', '=', ruleId).executeTakeFirst();
    if (!rule?.webhook_url || !rule.webhook_secret) return this.finish(id, attempts, { ok: false, code: null, error: 'the rule has no webhook any more', ms: 0, final: true });
    const alert = await this.payload(eventId);
    const body = JSON.stringify({ delivery: id, event: eventId, alert });
    const started = performance.now();
    try {
      const r = await fetch(rule.webhook_url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': `sitrep/${VERSION}`,
          'x-sitrep-signature': sign(rule.webhook_secret, body),
          'x-sitrep-delivery': String(id),
          'x-sitrep-event': String(eventId),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.opts.timeoutMs),
      });
      // The body is read (and dropped) so the connection can be reused.
      await r.arrayBuffer().catch(() => null);
      const ms = Math.round(performance.now() - started);
      if (r.ok) return this.finish(id, attempts, { ok: true, code: r.status, error: null, ms });
      const refused = r.status >= 400 && r.status < 500 && r.status !== 408 && r.status !== 429;
      const after = Number(r.headers.get('retry-after'));
      return this.finish(id, attempts, { ok: false, code: r.status, error: `HTTP ${r.status}`, ms, final: refused, ...(after > 0 ? { retryAfterMs: after * 1000 } : {}) });
    } catch (e) {
      const err = e as Error & { cause?: { code?: string } };
      const why = err.name === 'TimeoutError' ? `no answer within ${this.opts.timeoutMs} ms` : (err.cause?.code ?? err.message);
      return this.finish(id, attempts, { ok: false, code: null, error: why, ms: Math.round(performance.now() - started) });
    }
  }

  private async sendMail(ruleId: string, ds: Array<{ id: number; event: number; attempts: number }>): Promise<Array<'delivered' | 'retrying' | 'failed'>> {
    const rule = await this.store.db.selectFrom('alert_rules').select(['name', 'email_to', 'email_digest']).where('id', '=', ruleId).executeTakeFirst();
    const all = (o: Parameters<Dispatcher['finish']>[2]) => Promise.all(ds.map((d) => this.finish(d.id, d.attempts, o)));
    if (!rule?.email_to) return all({ ok: false, code: null, error: 'the rule has no e-mail address any more', ms: 0, final: true });
    if (!this.mailer) return all({ ok: false, code: null, error: 'no SMTP server configured (SITREP_SMTP_URL or --smtp)', ms: 0 });
    // Without a digest each alert is its own mail.
    const groups = rule.email_digest === 'none' ? ds.map((d) => [d]) : [ds];
    const out: Array<'delivered' | 'retrying' | 'failed'> = [];
    for (const g of groups) {
      const alerts = await Promise.all(g.map((d) => this.payload(d.event)));
      const subject = alerts.length === 1 && rule.email_digest === 'none' ? `[sitrep] ${alerts[0]!.title}` : `[sitrep] ${rule.email_digest} digest, ${rule.name}: ${alerts.length} alert${alerts.length === 1 ? '' : 's'}`;
      const text = alerts.map((a) => plainText(a, this.opts.publicUrl)).join('\n\n----\n\n') + `\n\n(sitrep alert rule "${rule.name}")\n`;
      const started = performance.now();
      let o: Parameters<Dispatcher['finish']>[2];
      try {
        const info = await this.mailer.sendMail({ from: this.opts.from, to: rule.email_to, subject, text, headers: { 'X-Sitrep-Rule': ruleId } });
        o = { ok: true, code: null, error: info.rejected?.length ? `rejected: ${info.rejected.join(', ')}` : null, ms: Math.round(performance.now() - started) };
      } catch (e) {
        const err = e as Error & { responseCode?: number };
        // A permanent SMTP refusal (5xx) will not change on a retry.
        o = { ok: false, code: err.responseCode ?? null, error: err.message, ms: Math.round(performance.now() - started), final: (err.responseCode ?? 0) >= 500 };
      }
      for (const d of g) out.push(await this.finish(d.id, d.attempts, o));
    }
    return out;
  }

  /** Log an attempt and set the delivery's next state. */
  private async finish(id: number, attempts: number, o: { ok: boolean; code: number | null; error: string | null; ms: number; final?: boolean; retryAfterMs?: number }): Promise<'delivered' | 'retrying' | 'failed'> {
    const t = new Date();
    const n = attempts + 1;
    const outcome = o.ok ? 'delivered' : o.final || n >= this.opts.maxAttempts ? 'failed' : 'retrying';
    const wait = Math.min(MAX_BACKOFF_MS, o.retryAfterMs ?? this.opts.backoffMs * 2 ** (n - 1));
    await this.store.db.transaction().execute(async (trx) => {
      await trx.insertInto('alert_attempts').values({ delivery_id: id, at: t.toISOString(), ok: o.ok ? 1 : 0, status_code: o.code, error: o.error, ms: o.ms }).execute();
      await trx
        .updateTable('alert_deliveries')
        .set({
          status: outcome === 'retrying' ? 'pending' : outcome,
          attempts: n,
          lease_until: null,
          last_error: o.ok ? null : o.error,
          ...(o.ok ? { delivered_at: t.toISOString() } : {}),
          ...(outcome === 'retrying' ? { next_at: new Date(t.getTime() + wait).toISOString() } : {}),
        })
        .where('id', '=', id)
        .execute();
    });
    return outcome;
  }
}
