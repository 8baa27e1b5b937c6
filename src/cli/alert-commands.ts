/**
 * `sitrep alert add|list|remove|log|deliver`: alert rules on saved views (src/alerts/), from the
 * command line. A rule's filter is the desk's query string, as the address bar shows it after
 * `#/?` ("country=Pakistan&admin1=Khyber Pakhtunkhwa&min_fatalities=5").
 */
import { userInfo } from 'node:os';
import { Command, InvalidArgumentError, Option } from 'commander';
import { DIGESTS, FilterError, filterQuery, parseFilter, type AlertFilter, type Digest } from '../alerts/rule.js';
import { addRule, deliveryLog, getRule, listRules, publicRule, removeRule } from '../alerts/rules-store.js';
import { DEFAULT_DB, openStore } from '../store/open-store.js';
import { Dispatcher } from '../alerts/deliver.js';
import type { Store } from '../store/store.js';

const OK = 0;
const USAGE = 2;

function say(s: string): void {
  process.stderr.write(s);
}

function dbOption(): Option {
  return new Option('--db <file|url>', 'SQLite file or postgres:// URL').default(process.env.SITREP_DB || DEFAULT_DB);
}

function filterArg(v: string): AlertFilter {
  try {
    return parseFilter(v);
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message + '.');
  }
}

function digestArg(v: string): Digest {
  if (!(DIGESTS as readonly string[]).includes(v)) throw new InvalidArgumentError(`expected one of ${DIGESTS.join(', ')}.`);
  return v as Digest;
}

/** Where the desk is reached, for the links in alerts. */
export function publicUrlOption(): Option {
  return new Option('--public-url <url>', "the desk's address, for the links in alerts").default(process.env.SITREP_PUBLIC_URL || 'http://127.0.0.1:8787');
}

async function withStore(db: string, setCode: (c: number) => void, fn: (s: Store) => Promise<number>): Promise<void> {
  let store: Store;
  try {
    store = await openStore(db);
  } catch (e) {
    say(`sitrep: cannot open the database: ${(e as Error).message}\n`);
    return setCode(USAGE);
  }
  try {
    setCode(await fn(store));
  } finally {
    await store.close();
  }
}

export function registerAlertCommands(program: Command, setCode: (c: number) => void): void {
  const alert = program.command('alert').description('alert rules on saved views: a feed, a signed webhook or e-mail when an incident matches (or changes)');

  alert
    .command('add')
    .description('add a rule; it fires on new incidents that match, and again when a toll, merge or edit changes one')
    .requiredOption('--name <name>', 'what the rule is about')
    .requiredOption('--filter <query>', "the desk's filter, e.g. 'country=Pakistan&sub_event_type=Suicide bomb&min_fatalities=5'", filterArg)
    .option('--owner <name>', 'whose rule it is', userInfo().username)
    .option('--webhook <url>', 'POST each alert here, signed (X-Sitrep-Signature: sha256=HMAC of the body)')
    .option('--email <address>', 'mail each alert here (SMTP from SITREP_SMTP_URL)')
    .option('--digest <every>', `mail a digest instead: ${DIGESTS.join(', ')}`, digestArg, 'none' as Digest)
    .addOption(publicUrlOption())
    .addOption(dbOption())
    .option('--json', 'print the rule as JSON (with its secrets)')
    .action(async (o: { name: string; filter: AlertFilter; owner: string; webhook?: string; email?: string; digest: Digest; publicUrl: string; db: string; json?: boolean }) =>
      withStore(o.db, setCode, async (store) => {
        try {
          const r = await addRule(store, { name: o.name, owner: o.owner, filter: o.filter, webhook_url: o.webhook ?? null, email_to: o.email ?? null, email_digest: o.digest });
          const feed = `${o.publicUrl}/api/alerts/${r.id}/feed.atom?key=${r.feed_key}`;
          if (o.json) process.stdout.write(JSON.stringify({ ...r, feed_url: feed }) + '\n');
          else {
            process.stdout.write(`${r.id}\n`);
            say(`sitrep: rule ${r.id} "${r.name}" added\n  feed: ${feed}\n`);
            if (r.webhook_secret) say(`  webhook signing secret (the receiver checks X-Sitrep-Signature with it): ${r.webhook_secret}\n`);
          }
          return OK;
        } catch (e) {
          if (!(e instanceof FilterError)) throw e;
          say(`sitrep: ${e.message}\n`);
          return USAGE;
        }
      }),
    );

  alert
    .command('list')
    .description('list the rules')
    .option('--owner <name>', 'only this owner\'s')
    .addOption(dbOption())
    .option('--json', 'one JSON object per line (without secrets)')
    .action(async (o: { owner?: string; db: string; json?: boolean }) =>
      withStore(o.db, setCode, async (store) => {
        for (const r of await listRules(store, o.owner)) {
          const to = [r.webhook_url ? `webhook ${r.webhook_url}` : null, r.email_to ? `mail ${r.email_to}${r.email_digest !== 'none' ? ` (${r.email_digest})` : ''}` : null, 'feed'].filter(Boolean).join(', ');
          process.stdout.write(o.json ? JSON.stringify(publicRule(r)) + '\n' : `${r.id}  ${r.owner}  ${r.name}  [${filterQuery(r.filter)}]  → ${to}\n`);
        }
        return OK;
      }),
    );

  alert
    .command('remove')
    .description('remove a rule with its alerts and delivery log')
    .argument('<id>')
    .addOption(dbOption())
    .action(async (id: string, o: { db: string }) =>
      withStore(o.db, setCode, async (store) => {
        if (await removeRule(store, id)) return OK;
        say(`sitrep: no alert rule ${id}\n`);
        return USAGE;
      }),
    );

  alert
    .command('log')
    .description("a rule's delivery log: each webhook and mail, its attempts and answers")
    .argument('<id>')
    .addOption(dbOption())
    .option('--json', 'print JSON')
    .action(async (id: string, o: { db: string; json?: boolean }) =>
      withStore(o.db, setCode, async (store) => {
        if (!(await getRule(store, id))) {
          say(`sitrep: no alert rule ${id}\n`);
          return USAGE;
        }
        const log = await deliveryLog(store, id);
        if (o.json) process.stdout.write(JSON.stringify(log, null, 1) + '\n');
        else
          for (const d of log) {
            process.stdout.write(`${d.delivery}  ${d.channel.padEnd(7)} ${d.status.padEnd(9)} incident ${d.incident}  attempts ${d.attempts}${d.last_error ? `  last error: ${d.last_error}` : ''}\n`);
            for (const a of d.log) process.stdout.write(`    ${a.at}  ${a.ok ? 'ok  ' : 'fail'}  ${a.status_code ?? '-'}  ${a.ms} ms${a.error ? `  ${a.error}` : ''}\n`);
          }
        return OK;
      }),
    );

  alert
    .command('deliver')
    .description('send the alerts that are due (webhooks, e-mail, retries); `sitrep serve` does this by itself')
    .option('--watch', 'keep sending as alerts fire, until Ctrl-C')
    .option('--smtp <url>', 'SMTP server, e.g. smtp://user:pass@mail.example.org:587 (default: SITREP_SMTP_URL)')
    .addOption(publicUrlOption())
    .addOption(dbOption())
    .action(async (o: { watch?: boolean; smtp?: string; publicUrl: string; db: string }) =>
      withStore(o.db, setCode, async (store) => {
        const d = new Dispatcher(store, { publicUrl: o.publicUrl, smtpUrl: o.smtp ?? process.env.SITREP_SMTP_URL ?? null });
        if (!o.watch) {
          const r = await d.runOnce();
          await d.stop();
          say(`sitrep: ${r.delivered} delivered, ${r.retrying} to retry, ${r.failed} given up\n`);
          return r.failed > 0 ? 1 : OK;
        }
        d.onPass = (r) => say(`sitrep: ${r.delivered} delivered, ${r.retrying} to retry, ${r.failed} given up\n`);
        d.start();
        await new Promise<void>((resolve) => {
          process.once('SIGINT', () => resolve());
          process.once('SIGTERM', () => resolve());
        });
        await d.stop();
        return OK;
      }),
    );
}
