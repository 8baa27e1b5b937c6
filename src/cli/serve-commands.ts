/**
 * The desk's commands: `sitrep serve` (the API and the web UI) and `sitrep token create|list|revoke`.
 * `npm start` is `sitrep serve --examples --anonymous viewer --session-token`: on an empty
 * database it first ingests the bundled example articles, then serves the UI on 127.0.0.1 and
 * prints its address, with a sign-in link whose token lives as long as the server.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError, Option } from 'commander';
import { createToken, listTokens, newToken, revokeToken, ROLES, type Role } from '../api/auth.js';
import { startServer } from '../api/server.js';
import { DEFAULT_DB, openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { Dispatcher } from '../alerts/deliver.js';

const OK = 0;
const USAGE = 2;

function say(s: string): void {
  process.stderr.write(s);
}

function port(v: string): number {
  if (!/^\d+$/.test(v) || Number(v) > 65535) throw new InvalidArgumentError('expected a port number 0-65535 (0: any free port).');
  return Number(v);
}

function role(v: string): Role {
  if (!(ROLES as readonly string[]).includes(v)) throw new InvalidArgumentError(`expected one of ${ROLES.join(', ')}.`);
  return v as Role;
}

function dbOption(): Option {
  return new Option('--db <file|url>', 'SQLite file or postgres:// URL').default(process.env.SITREP_DB || DEFAULT_DB);
}

/** A postgres:// URL without its password, for messages. */
function redact(db: string): string {
  return db.replace(/(postgres(?:ql)?:\/\/[^:/@]+):[^@]*@/i, '$1:***@');
}

/** The bundled examples folder, found from this file whether it runs compiled (dist/) or not. */
export function examplesDir(): string {
  let d = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(d, 'examples', 'articles.jsonl'))) return join(d, 'examples');
    d = dirname(d);
  }
  throw new Error('the bundled examples folder was not found');
}

async function open(db: string): Promise<Store | null> {
  try {
    return await openStore(db);
  } catch (e) {
    say(`sitrep: cannot open the database ${redact(db)}: ${(e as Error).message}\n`);
    return null;
  }
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

export function registerServeCommands(program: Command, setCode: (c: number) => void): void {
  program
    .command('serve')
    .description('serve the REST API (OpenAPI at /openapi.json, docs at /docs) and the web UI')
    .addOption(dbOption())
    .option('--host <address>', 'address to bind (keep 127.0.0.1 unless a proxy with TLS is in front)', '127.0.0.1')
    .option('--port <n>', 'port to listen on', port, 8787)
    .option('--anonymous <role>', 'role of requests without a token (e.g. viewer for a local desk); default: none, a token is needed', role)
    .option('--examples', 'ingest the bundled example articles first if the database has none')
    .option('--session-token', 'print a sign-in link with an admin token valid while this server runs')
    .option('--no-log', 'no request and security logs (they are on by default: JSON lines on stdout, tokens never written)')
    .option('--allow-private-fetch', 'let POST /api/feeds fetch private, loopback, link-local and metadata addresses (a lab; refused by default)')
    .option('--public-url <url>', "the desk's address in alerts' links (default: SITREP_PUBLIC_URL, else the address it listens on)")
    .option('--mcp', 'also serve the MCP server for AI assistants at POST /mcp (Streamable HTTP, same tokens)')
    .option('--smtp <url>', 'SMTP server for alert e-mail, e.g. smtp://user:pass@mail.example.org:587 (default: SITREP_SMTP_URL)')
    .action(async (opts: { db: string; host: string; port: number; anonymous?: Role; examples?: boolean; sessionToken?: boolean; log?: boolean; allowPrivateFetch?: boolean; publicUrl?: string; smtp?: string; mcp?: boolean }) => {
      const store = await open(opts.db);
      if (!store) return setCode(USAGE);
      if (!LOOPBACK.test(opts.host)) {
        say(`sitrep: warning: listening on ${opts.host}, reachable from other machines; put a TLS proxy in front${opts.anonymous ? ', and anonymous requests can read everything' : ''}.\n`);
      }
      if (opts.examples && (await store.articleCount()) === 0) {
        const dir = examplesDir();
        say(`sitrep: the database ${redact(opts.db)} is empty: ingesting the bundled examples from ${dir}\n`);
        const { ingest } = await import('../store/ingest-run.js');
        const sum = await ingest(store, [dir]);
        say(`sitrep: ${sum.inserted} articles stored, ${sum.fused.incidents} incidents\n`);
      }
      let started;
      try {
        started = await startServer({ store, host: opts.host, port: opts.port, anonymous: opts.anonymous ?? null, logger: opts.log !== false, allowPrivateFetch: !!opts.allowPrivateFetch, ...(opts.mcp ? { mcp: { publicUrl: opts.publicUrl ?? process.env.SITREP_PUBLIC_URL ?? null } } : {}) });
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        say(`sitrep: cannot listen on ${opts.host}:${opts.port}: ${err.code === 'EADDRINUSE' ? 'the port is in use (try --port)' : err.message}\n`);
        await store.close();
        return setCode(USAGE);
      }
      const { app, desk, url } = started;
      // The server sends the alerts that rules fire (its own ingests at once, other processes' within seconds).
      const dispatcher = new Dispatcher(store, { publicUrl: opts.publicUrl ?? process.env.SITREP_PUBLIC_URL ?? url, smtpUrl: opts.smtp ?? process.env.SITREP_SMTP_URL ?? null });
      dispatcher.start();
      process.stdout.write(`sitrep: the analysts' desk is at ${url}/  (API docs: ${url}/docs, OpenAPI: ${url}/openapi.json)\n`);
      if (opts.sessionToken) {
        const t = newToken();
        desk.tokens.addEphemeral(t, 'admin', 'local analyst');
        process.stdout.write(`sitrep: to review and edit, open ${url}/#token=${t}  (this token works until the server stops)\n`);
      }
      if (opts.mcp) process.stdout.write(`sitrep: MCP server (Streamable HTTP) at ${url}/mcp, with the same tokens\n`);
      process.stdout.write('sitrep: press Ctrl-C to stop\n');
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await app.close();
      await dispatcher.stop();
      await store.close();
      setCode(OK);
    });

  program
    .command('mcp')
    .description('the MCP server for AI assistants over stdio: tools search_incidents, get_incident, stats, extract, ingest_article')
    .addOption(dbOption())
    .option('--role <role>', 'what the assistant may do: viewer reads; analyst may also ingest articles', role, 'viewer' as Role)
    .option('--public-url <url>', "the desk's address, for links to incident pages (default: SITREP_PUBLIC_URL)")
    .action(async (opts: { db: string; role: Role; publicUrl?: string }) => {
      const store = await open(opts.db);
      if (!store) return setCode(USAGE);
      const { ListIndex } = await import('../api/list-index.js');
      const { buildMcpServer } = await import('../mcp/server.js');
      const { StdioServerTransport } = await import('@modelcontextprotocol/sdk/server/stdio.js');
      const index = new ListIndex(store);
      await index.load();
      index.watch();
      const server = buildMcpServer({ store, index, role: opts.role, publicUrl: opts.publicUrl ?? process.env.SITREP_PUBLIC_URL ?? null });
      // Standard output is the protocol's: messages for people go to standard error.
      say(`sitrep: MCP server on stdio over ${redact(opts.db)} (role ${opts.role})\n`);
      const closed = new Promise<void>((resolve) => {
        process.stdin.once('end', resolve);
        process.stdin.once('close', resolve);
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await server.connect(new StdioServerTransport());
      await closed;
      index.unwatch();
      await server.close();
      await store.close();
      setCode(OK);
    });

  const token = program.command('token').description('manage API tokens (roles: viewer reads, analyst edits and ingests, admin manages tokens)');
  token
    .command('create')
    .description('make a token and print it (it is shown this once; the database keeps only its hash)')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`, role)
    .option('--name <name>', 'who will hold it (recorded as the author of their edits)', 'analyst')
    .addOption(dbOption())
    .option('--json', 'print the token and its details as JSON')
    .action(async (opts: { role: Role; name: string; db: string; json?: boolean }) => {
      const store = await open(opts.db);
      if (!store) return setCode(USAGE);
      try {
        const { token: t, info } = await createToken(store, opts.role, opts.name);
        process.stdout.write(opts.json ? JSON.stringify({ token: t, ...info }) + '\n' : `${t}\n`);
        if (!opts.json) say(`sitrep: token ${info.id} (${info.role}, ${info.name}) created; send it as "Authorization: Bearer <token>"\n`);
        setCode(OK);
      } finally {
        await store.close();
      }
    });
  token
    .command('list')
    .description('list the tokens (their ids, roles and holders; never their secrets)')
    .addOption(dbOption())
    .action(async (opts: { db: string }) => {
      const store = await open(opts.db);
      if (!store) return setCode(USAGE);
      try {
        for (const t of await listTokens(store)) process.stdout.write(`${t.id}  ${t.role.padEnd(7)}  ${t.created_at}  ${t.name}\n`);
        setCode(OK);
      } finally {
        await store.close();
      }
    });
  token
    .command('revoke')
    .description('revoke a token by its id (as `token list` shows it)')
    .argument('<id>')
    .addOption(dbOption())
    .action(async (id: string, opts: { db: string }) => {
      const store = await open(opts.db);
      if (!store) return setCode(USAGE);
      try {
        const ok = await revokeToken(store, id);
        if (!ok) say(`sitrep: no token ${id}\n`);
        setCode(ok ? OK : USAGE);
      } finally {
        await store.close();
      }
    });
}
