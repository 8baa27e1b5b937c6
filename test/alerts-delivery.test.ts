/**
 * Alerts that arrive: a local HTTP server receives the webhook and checks its HMAC-SHA256
 * signature (and answers 503 twice first, so the retries and the delivery log are seen); a local
 * SMTP server (smtp-server) receives the e-mail, one per alert or a digest. Test ports 8850-8859.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { Dispatcher } from '../src/alerts/deliver.js';
import { digestDue } from '../src/alerts/record.js';
import { parseFilter } from '../src/alerts/rule.js';
import { addRule, deliveryLog } from '../src/alerts/rules-store.js';
import type { Store } from '../src/store/store.js';
import { DIALECTS, prepared, skipFor, withStore, type Spec } from './store-fixtures.js';

const KURRAM: Spec = { date: '2025-05-03', sub: 'Suicide bomb', country: 'Pakistan', admin1: 'Khyber Pakhtunkhwa', admin2: 'Kurram', location: 'Parachinar', lat: 33.9, lon: 70.1, actor1: 'Unidentified Armed Group (Pakistan)', inter1: 3 };
const WIRE = { id: 'kurram-wire', url: 'https://example.org/wire/parachinar', source: 'Example Wire', text: 'A suicide bomber blew himself up in a crowded market in Parachinar on Saturday, killing 12 people, officials said.' };
const LOCAL = { id: 'kurram-local', url: 'https://example.org/local/parachinar', source: 'Example Daily', text: 'The toll of the Parachinar market bombing rose to 21 on Sunday after nine of the wounded died.' };

interface Received {
  body: string;
  headers: IncomingMessage['headers'];
  valid: boolean;
}

/** A webhook receiver that checks the signature with the rule's secret; `answers` are its status codes, in turn (then 200). */
async function receiver(port: number, secret: () => string, answers: number[] = []): Promise<{ server: Server; got: Received[]; url: string }> {
  const got: Received[] = [];
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      const body = Buffer.concat(parts).toString('utf8');
      const want = Buffer.from('sha256=' + createHmac('sha256', secret()).update(body).digest('hex'));
      const have = Buffer.from(String(req.headers['x-sitrep-signature'] ?? ''));
      const valid = want.length === have.length && timingSafeEqual(want, have);
      got.push({ body, headers: req.headers, valid });
      const code = answers.shift() ?? (valid ? 200 : 401);
      res.writeHead(code, code === 503 ? { 'retry-after': '0' } : {}).end();
    });
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return { server, got, url: `http://127.0.0.1:${port}/hooks/sitrep` };
}

const close = (s: Server) => new Promise<void>((r) => s.close(() => r()));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Run passes until nothing is pending (retries wait their backoff), at most `ms`. */
async function drain(store: Store, d: Dispatcher, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    await d.runOnce();
    const left = await store.db.selectFrom('alert_deliveries').select('id').where('status', 'in', ['pending', 'sending']).execute();
    if (left.length === 0 || Date.now() > until) return;
    await sleep(20);
  }
}

for (const dialect of DIALECTS) {
  const here = `[alerts-delivery/${dialect}] `;
  const skip = skipFor(dialect);

  test(here + 'webhook: signed, retried with backoff after 503s, logged; a second dispatcher never sends it twice', { skip }, async () => {
    let secret = '';
    const rx = await receiver(8851, () => secret, [503, 503]);
    try {
      await withStore(dialect, async (store) => {
        const rule = await addRule(store, { name: 'Kurram', owner: 'amina', filter: parseFilter('country=Pakistan&sub_event_type=Suicide bomb'), webhook_url: rx.url });
        secret = rule.webhook_secret!;
        await store.saveBatch([prepared(WIRE, [{ ...KURRAM, fatalities: 12 }])]);
        await store.fuseDirty();
        const a = new Dispatcher(store, { publicUrl: 'http://desk.example:8787/', backoffMs: 10 });
        const b = new Dispatcher(store, { publicUrl: 'http://desk.example:8787/', backoffMs: 10 });
        // Two dispatchers (two processes' worth) racing over the same rows.
        await Promise.all([drain(store, a), drain(store, b)]);
        assert.equal(rx.got.length, 3, 'two 503s, then delivered');
        assert.ok(rx.got.every((g) => g.valid), 'every request carries a valid signature');
        assert.equal(new Set(rx.got.map((g) => g.headers['x-sitrep-delivery'])).size, 1, 'one delivery id across its retries');
        assert.equal(new Set(rx.got.map((g) => g.body)).size, 1, 'the same body each time');
        const sent = JSON.parse(rx.got[0]!.body);
        assert.equal(sent.alert.title, 'Suicide bomb in Parachinar, Khyber Pakhtunkhwa, Pakistan on 2025-05-03: 12 killed');
        assert.equal(sent.alert.link, `http://desk.example:8787/#/incident/${sent.alert.incident}`);
        assert.deepEqual(sent.alert.sources.map((s: { url: string }) => s.url), [WIRE.url]);
        assert.equal(rx.got[0]!.headers['content-type'], 'application/json');
        const log = await deliveryLog(store, rule.id);
        assert.equal(log.length, 1);
        assert.deepEqual([log[0]!.status, log[0]!.attempts, log[0]!.log.map((x) => x.status_code)], ['delivered', 3, [503, 503, 200]]);
        assert.ok(log[0]!.delivered_at);

        // A toll update fires once more, and is delivered once; a pass with nothing due sends nothing.
        await store.saveBatch([prepared(LOCAL, [{ ...KURRAM, fatalities: 21, actor1: null, inter1: null }])]);
        await store.fuseDirty();
        await drain(store, a);
        await drain(store, b);
        assert.equal(rx.got.length, 4);
        assert.equal(JSON.parse(rx.got[3]!.body).alert.kind, 'update');
        assert.deepEqual(await a.runOnce(), { delivered: 0, retrying: 0, failed: 0 });
        // A tampered body would not verify: the receiver's check is a real one.
        const forged = rx.got[3]!.body.replace('"update"', '"new"');
        assert.notEqual('sha256=' + createHmac('sha256', secret).update(forged).digest('hex'), rx.got[3]!.headers['x-sitrep-signature']);
      });
    } finally {
      await close(rx.server);
    }
  });
}

test('[alerts-delivery] webhook: a 4xx refusal is not retried; an unreachable receiver is retried until the attempts run out', async () => {
  let secret = '';
  const rx = await receiver(8852, () => secret, [410]);
  try {
    await withStore('sqlite', async (store) => {
      const gone = await addRule(store, { name: 'gone', owner: 'a', filter: parseFilter('country=Pakistan'), webhook_url: rx.url });
      secret = gone.webhook_secret!;
      // Port 8859 has no listener in these tests: connection refused.
      const down = await addRule(store, { name: 'down', owner: 'a', filter: parseFilter('country=Pakistan'), webhook_url: 'http://127.0.0.1:8859/x' });
      await store.saveBatch([prepared(WIRE, [{ ...KURRAM, fatalities: 12 }])]);
      await store.fuseDirty();
      const d = new Dispatcher(store, { publicUrl: 'http://127.0.0.1:8787', backoffMs: 5, maxAttempts: 3 });
      await drain(store, d);
      const g = (await deliveryLog(store, gone.id))[0]!;
      assert.deepEqual([g.status, g.attempts, g.last_error], ['failed', 1, 'HTTP 410']);
      const w = (await deliveryLog(store, down.id))[0]!;
      assert.deepEqual([w.status, w.attempts], ['failed', 3]);
      assert.match(w.last_error!, /ECONNREFUSED/);
      assert.ok(w.log.every((x) => !x.ok));
    });
  } finally {
    await close(rx.server);
  }
});

test('[alerts-delivery] a digest is due at the next full hour or midnight (UTC)', () => {
  assert.equal(digestDue('none', '2025-05-03T10:17:05.000Z'), '2025-05-03T10:17:05.000Z');
  assert.equal(digestDue('hourly', '2025-05-03T10:17:05.000Z'), '2025-05-03T11:00:00.000Z');
  assert.equal(digestDue('hourly', '2025-05-03T23:59:59.999Z'), '2025-05-04T00:00:00.000Z');
  assert.equal(digestDue('daily', '2025-05-03T10:17:05.000Z'), '2025-05-04T00:00:00.000Z');
});

/** Quoted-printable bytes → text (`underscore` for the header form, RFC 2047's Q). */
function unQ(s: string, underscore = false): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const m = /^=([0-9A-F]{2})/i.exec(s.slice(i, i + 3));
    if (m) {
      bytes.push(parseInt(m[1]!, 16));
      i += 2;
    } else bytes.push(...Buffer.from(underscore && s[i] === '_' ? ' ' : s[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** A message as sent: headers unfolded, encoded words decoded, the quoted-printable body decoded. */
function readMail(raw: string): { headers: string; subject: string; body: string } {
  const cut = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, cut).replace(/\r\n(?=[ \t])/g, '');
  const subj = /^Subject: (.*)$/m.exec(headers)?.[1] ?? '';
  const subject = subj.replace(/=\?UTF-8\?Q\?(.*?)\?=\s*/gi, (_, q: string) => unQ(q, true));
  return { headers, subject, body: unQ(raw.slice(cut + 4).replace(/=\r?\n/g, '')) };
}

test('[alerts-delivery] e-mail over SMTP: one mail per alert, or one hourly digest with all of them', async () => {
  const { SMTPServer } = await import('smtp-server');
  const mails: Array<{ from: string; to: string[]; raw: string }> = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      const parts: Buffer[] = [];
      stream.on('data', (c: Buffer) => parts.push(c));
      stream.on('end', () => {
        mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(parts).toString('utf8') });
        done();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(8853, '127.0.0.1', () => r()));
  try {
    await withStore('sqlite', async (store) => {
      const each = await addRule(store, { name: 'Kurram, each', owner: 'amina', filter: parseFilter('country=Pakistan&sub_event_type=Suicide bomb'), email_to: 'amina@desk.example' });
      const hourly = await addRule(store, { name: 'Kurram, hourly', owner: 'omar', filter: parseFilter('country=Pakistan'), email_to: 'omar@desk.example', email_digest: 'hourly' });
      await store.saveBatch([prepared(WIRE, [{ ...KURRAM, fatalities: 12 }])]);
      await store.fuseDirty();
      await store.saveBatch([prepared(LOCAL, [{ ...KURRAM, fatalities: 21, actor1: null, inter1: null }])]);
      await store.fuseDirty();
      const d = new Dispatcher(store, { publicUrl: 'http://desk.example:8787', smtpUrl: 'smtp://127.0.0.1:8853', from: 'sitrep <alerts@desk.example>', backoffMs: 10 });
      try {
        await d.runOnce();
        assert.equal(mails.length, 2, 'one mail per alert; the digest waits for its hour');
        assert.ok(mails.every((m) => m.to.join() === 'amina@desk.example' && m.from === 'alerts@desk.example'));
        const first = readMail(mails[0]!.raw);
        assert.equal(first.subject, '[sitrep] Suicide bomb in Parachinar, Khyber Pakhtunkhwa, Pakistan on 2025-05-03: 12 killed');
        assert.match(first.body, /Sources: Example Wire <https:\/\/example\.org\/wire\/parachinar>/);
        assert.match(first.body, /Incident: http:\/\/desk\.example:8787\/#\/incident\/i[0-9a-f]+/);
        assert.match(first.headers, new RegExp(`^X-Sitrep-Rule: ${each.id}$`, 'm'));
        const second = readMail(mails[1]!.raw);
        assert.equal(second.subject, '[sitrep] Update: Suicide bomb in Parachinar, Khyber Pakhtunkhwa, Pakistan on 2025-05-03: 21 killed (12–21)');
        assert.match(second.body, /Toll: 21 \(reports range 12–21\)/);
        assert.match(second.body, /Example Daily <https:\/\/example\.org\/local\/parachinar>/);
        // An hour later the digest goes: one mail with both alerts.
        const pending = await store.db.selectFrom('alert_deliveries').select('next_at').where('rule_id', '=', hourly.id).execute();
        assert.equal(pending.length, 2);
        const at = new Date(Date.parse(pending[0]!.next_at) + 1000);
        await d.runOnce(at);
        assert.equal(mails.length, 3);
        const digest = readMail(mails[2]!.raw);
        assert.deepEqual(mails[2]!.to, ['omar@desk.example']);
        assert.equal(digest.subject, '[sitrep] hourly digest, Kurram, hourly: 2 alerts');
        assert.equal(digest.body.split('\r\n----\r\n').length, 2, 'two alerts in one mail');
        assert.match(digest.body, /^Update: Suicide bomb/m);
        assert.equal((await deliveryLog(store, hourly.id)).filter((x) => x.status === 'delivered').length, 2);
        assert.equal((await deliveryLog(store, each.id)).filter((x) => x.status === 'delivered').length, 2);
        assert.deepEqual(await d.runOnce(at), { delivered: 0, retrying: 0, failed: 0 }, 'nothing is sent twice');
      } finally {
        await d.stop();
      }
    });
    // Without an SMTP server configured, the mail waits and the log says why.
    await withStore('sqlite', async (store) => {
      const r = await addRule(store, { name: 'no smtp', owner: 'a', filter: parseFilter('country=Pakistan'), email_to: 'a@desk.example' });
      await store.saveBatch([prepared(WIRE, [{ ...KURRAM, fatalities: 12 }])]);
      await store.fuseDirty();
      const d = new Dispatcher(store, { publicUrl: 'http://desk.example', backoffMs: 60_000 });
      assert.deepEqual(await d.runOnce(), { delivered: 0, retrying: 1, failed: 0 });
      const log = (await deliveryLog(store, r.id))[0]!;
      assert.deepEqual([log.status, log.last_error], ['pending', 'no SMTP server configured (SITREP_SMTP_URL or --smtp)']);
    });
  } finally {
    await new Promise<void>((r) => smtp.close(() => r()));
  }
});
