/**
 * The analysts' desk over HTTP: Fastify with the REST API under /api, its OpenAPI document at
 * /openapi.json with a docs page at /docs, and the web UI (static ES modules from web/) at /.
 *
 * Safe by default: it binds 127.0.0.1, sends security headers (a strict Content-Security-Policy:
 * the UI's scripts and styles come from this server only), limits body sizes, answers invalid
 * input with a 400 that says what is wrong, and asks for a token: reading needs a viewer's,
 * writing an analyst's (an anonymous write gets 401, a viewer's 403), tokens an admin's.
 */
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { VERSION } from '../run.js';
import { dataDir } from '../geo/gazetteer.js';
import type { Store } from '../store/store.js';
import { hashToken, RANK, TokenResolver, type Role, type TokenInfo } from './auth.js';
import { defaultJobs, ExtractPool } from '../run/pool.js';
import { BadRequest } from './filters.js';
import { ListIndex } from './list-index.js';
import { bundleWeb } from './web-bundle.js';
import { registerRoutes } from './routes.js';
import { registerAlertRoutes } from './alert-routes.js';

declare module 'fastify' {
  interface FastifyRequest {
    user: TokenInfo | null;
  }
  interface FastifyContextConfig {
    /** The least role a route needs; routes without one are public (health, docs, the UI). */
    role?: Role;
  }
}

export interface ServerOptions {
  store: Store;
  /** Role given to requests without a token (npm start's local desk lets anyone on 127.0.0.1 read). */
  anonymous?: Role | null;
  /**
   * Rate limits (false: none, for tests of other things). A number is the per-address limit of
   * requests without a token, as before; see RateLimits for the rest.
   */
  rateLimit?: number | false | Partial<RateLimits>;
  /** Request and security logs, JSON lines (pino), on by default. */
  logger?: boolean;
  /** false: serve web/'s modules as they are, not bundled (default: bundled where esbuild is installed). */
  bundleWeb?: boolean;
  /** Where the logs go (default standard output). */
  logStream?: { write(line: string): unknown };
  /** Extraction threads for POST /api/articles and /api/feeds (default: 2, or 1 on one core). */
  extractThreads?: number;
  /** Time budget of one article's extraction (default: the pool's, 60 s). */
  budgetMs?: number;
  /** Largest request body, in bytes, of the routes that take an article. */
  articleBodyLimit?: number;
  /** POST /api/feeds may fetch private, loopback, link-local and metadata addresses (default false). */
  allowPrivateFetch?: boolean | readonly string[];
  /** Serve the MCP server at POST /mcp (Streamable HTTP), with links to this address (default: the caller's Host). */
  mcp?: boolean | { publicUrl?: string | null };
}

/** What the routes share. */
export interface Desk {
  store: Store;
  index: ListIndex;
  tokens: TokenResolver;
  anonymous: Role | null;
  /** Failed authentications by address (null: not limited). */
  failedAuth: FailedAuth | null;
}

/** Failed authentications per address in a sliding 10-minute window. */
export class FailedAuth {
  private byAddress = new Map<string, { count: number; since: number }>();
  constructor(readonly limit: number) {}
  /** Count one failure; how long to wait before answering, and whether the address is over the limit. */
  fail(ip: string, now = Date.now()): { waitMs: number; blocked: boolean; retryAfterS: number } {
    let e = this.byAddress.get(ip);
    if (!e || now - e.since > FAILED_AUTH_WINDOW_MS) {
      if (this.byAddress.size > 100_000) this.byAddress.clear();
      e = { count: 0, since: now };
      this.byAddress.set(ip, e);
    }
    e.count++;
    return { waitMs: Math.min(1000, e.count * FAILED_AUTH_STEP_MS), blocked: e.count > this.limit, retryAfterS: Math.max(1, Math.ceil((e.since + FAILED_AUTH_WINDOW_MS - now) / 1000)) };
  }
}

const require = createRequire(import.meta.url);
/** web/ beside src/ (and beside dist/ once compiled): found from this file, compiled or not. */
export const WEB_DIR = findUp(dirname(fileURLToPath(import.meta.url)), 'web');
/** data/map: the admin1 boundaries and town labels built by scripts/build-map.ts. */
export const MAP_DATA_DIR = join(dataDir(), 'map');

function findUp(from: string, name: string): string {
  let d = from;
  for (let i = 0; i < 5; i++) {
    const cand = join(d, name);
    try {
      statSync(join(cand, 'index.html'));
      return cand;
    } catch {
      d = dirname(d);
    }
  }
  return join(from, '..', '..', name);
}

/**
 * Default rate limits, per minute. A token has its own budget, so that analysts behind one
 * address (an office, a proxy) do not share one, and high enough for a script or the desk's
 * bursts (the load benchmark runs 50 connections on one token); requests without a token share
 * their address's budget. Failed authentications are counted per address over 10 minutes: each
 * waits a little longer than the one before, and past the limit the address gets 429 for them.
 * The UI's own files are not counted.
 */
export interface RateLimits {
  perToken: number;
  perAddress: number;
  failedAuth: number;
}
export const DEFAULT_RATE_LIMITS: RateLimits = { perToken: 120_000, perAddress: 1_200, failedAuth: 20 };
const FAILED_AUTH_WINDOW_MS = 10 * 60_000;
/** The wait added to each failed authentication, per failure so far (capped at 1 s). */
const FAILED_AUTH_STEP_MS = 50;

/** A generic body limit: everything but an article is small. */
const BODY_LIMIT = 64 * 1024;

export async function buildServer(opts: ServerOptions): Promise<{ app: FastifyInstance; desk: Desk }> {
  const app = Fastify({
    // Request logs (method, URL, address, status, time) and security events, as JSON lines.
    // Headers are not logged; the authorization header is redacted should a serializer add it.
    logger:
      opts.logger === false
        ? false
        : { level: 'info', redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization'], censor: '[redacted]' }, ...(opts.logStream ? { stream: opts.logStream } : {}) },
    bodyLimit: BODY_LIMIT,
    // Query strings such as ?country=Pakistan&disputed=true are typed by their schema.
    ajv: { customOptions: { coerceTypes: true, removeAdditional: false, useDefaults: true, allErrors: false, allowUnionTypes: true } },
    routerOptions: { maxParamLength: 500 },
  });
  const index = new ListIndex(opts.store);
  await index.load();
  index.watch();
  app.addHook('onClose', async () => index.unwatch());
  const limits: RateLimits | null =
    opts.rateLimit === false ? null : typeof opts.rateLimit === 'number' ? { ...DEFAULT_RATE_LIMITS, perAddress: opts.rateLimit } : { ...DEFAULT_RATE_LIMITS, ...(opts.rateLimit ?? {}) };
  const desk: Desk = { store: opts.store, index, tokens: new TokenResolver(opts.store), anonymous: opts.anonymous ?? null, failedAuth: limits ? new FailedAuth(limits.failedAuth) : null };

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        // blob: for the stats charts' PNG download (an SVG drawn on a canvas).
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        // Plain HTTP on 127.0.0.1: upgrading the page's requests to https would break it.
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    // HSTS belongs to the TLS proxy in front of a public server, not to plain HTTP on loopback.
    strictTransportSecurity: false,
  });
  if (limits) {
    await app.register(rateLimit, {
      timeWindow: '1 minute',
      // A token's budget is its own (keyed by its hash, never the token); without one, the address's.
      keyGenerator: (req) => {
        const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
        return m ? `token:${hashToken(m[1]!).slice(0, 24)}` : `address:${req.ip}`;
      },
      max: (_req, key) => (key.startsWith('token:') ? limits.perToken : limits.perAddress),
      // The UI's files and the docs' assets are not counted: only the API is limited.
      allowList: (req) => !req.url.startsWith('/api/') && req.url !== '/openapi.json',
      onExceeded: (req, key) => req.log.warn({ event: 'rate_limited', ip: req.ip, by: key.split(':')[0] }, 'rate limit exceeded'),
      errorResponseBuilder: (_req, ctx) => ({ statusCode: 429, error: 'rate_limited', message: `too many requests: ${ctx.max} a minute; retry in ${ctx.after}` }),
    });
  }
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'sitrep API',
        version: VERSION,
        description:
          'The analysts\' desk of sitrep: incidents coded like ACLED with the evidence of every field, their articles, stats, exports and review actions. ' +
          'Send `Authorization: Bearer <token>` (`sitrep token create --role viewer|analyst|admin`). Reading needs viewer, writing analyst, managing tokens admin.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });

  // Numbers in query strings are plain decimal digits within their schema's bounds: '1e999' and
  // 'Infinity' would be coerced to Infinity, which passes JSON Schema's checks and breaks the
  // answer's serializer (a 500); they are a 400 that names the parameter.
  app.addHook('preValidation', async (req) => {
    const props = (req.routeOptions.schema?.querystring as { properties?: Record<string, { type?: unknown; minimum?: number; maximum?: number }> } | undefined)?.properties;
    if (!props) return;
    for (const [k, v] of Object.entries(req.query as Record<string, unknown>)) {
      const t = props[k]?.type;
      if (t !== 'integer' && t !== 'number') continue;
      const ok = t === 'integer' ? /^-?\d{1,16}$/ : /^-?(?:\d{1,16}(?:\.\d{0,16})?|\.\d{1,16})$/;
      if (typeof v !== 'string' || !ok.test(v)) {
        const range = props[k]!.minimum !== undefined || props[k]!.maximum !== undefined ? ` from ${props[k]!.minimum ?? '-∞'} to ${props[k]!.maximum ?? '∞'}` : '';
        throw new BadRequest(`invalid querystring: ${k} must be ${t === 'integer' ? 'a whole number' : 'a number'}${range}, written in digits (got ${JSON.stringify(String(v)).slice(0, 40)})`);
      }
    }
  });

  app.decorateRequest('user', null);
  // Server-Timing: how long the server took over each API answer (until its body is serialised),
  // readable in the browser's resource timing (the desk's first-load profile reads it).
  app.addHook('onRequest', async (req) => {
    (req as FastifyRequest & { t0?: bigint }).t0 = process.hrtime.bigint();
  });
  app.addHook('onSend', async (req, reply, payload) => {
    const t0 = (req as FastifyRequest & { t0?: bigint }).t0;
    if (t0 !== undefined && req.url.startsWith('/api/')) reply.header('server-timing', `app;dur=${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(1)}`);
    return payload;
  });
  app.addHook('onRequest', async (req, reply) => authenticate(desk, req, reply));

  app.setErrorHandler((err: Error & { validation?: unknown; statusCode?: number; code?: string; validationContext?: string }, req, reply) => {
    if (err.validation) {
      return reply.code(400).send({ error: 'bad_request', message: `invalid ${err.validationContext ?? 'request'}: ${err.message.replace(/^(querystring|body|params)\/?/, '')}`, details: err.validation });
    }
    if (err instanceof BadRequest) return reply.code(400).send({ error: 'bad_request', message: err.message });
    if (err.name === 'EditError') {
      const notFound = /^no incident /.test(err.message);
      return reply.code(notFound ? 404 : 400).send({ error: notFound ? 'not_found' : 'bad_request', message: err.message });
    }
    if (err.statusCode === 429) return reply.code(429).send({ error: 'rate_limited', message: err.message });
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.code(err.statusCode).send({ error: err.code ?? 'bad_request', message: err.message });
    }
    req.log.error(err);
    return reply.code(500).send({ error: 'internal', message: 'internal error (see the server log)' });
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send({ error: 'not_found', message: `no route ${req.method} ${req.url.split('?')[0]}` }));

  // Extraction for POST /api/articles and /api/feeds runs on worker threads under a time budget,
  // made on first use (the language model loads there, not with the server): the server keeps
  // answering while a long article is read.
  let pool: ExtractPool | null = null;
  const extractPool = () => (pool ??= new ExtractPool({ threads: opts.extractThreads ?? Math.min(2, defaultJobs()), ...(opts.budgetMs ? { budgetMs: opts.budgetMs } : {}) }));
  app.addHook('onClose', async () => pool?.close());
  await registerRoutes(app, desk, { articleBodyLimit: opts.articleBodyLimit ?? 4 * 1024 * 1024, allowPrivateFetch: opts.allowPrivateFetch ?? false, pool: extractPool });
  await registerAlertRoutes(app, desk);
  if (opts.mcp) {
    const { registerMcpRoutes } = await import('../mcp/http.js');
    await registerMcpRoutes(app, desk, { bodyLimit: opts.articleBodyLimit ?? 4 * 1024 * 1024, publicUrl: typeof opts.mcp === 'object' ? opts.mcp.publicUrl : null });
  }

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  // The docs page (Swagger UI, its assets served from the package: offline). Swagger UI sets
  // inline styles, so its pages alone may; scripts stay 'self' everywhere.
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list', deepLinking: true }, staticCSP: false });
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.url.startsWith('/docs')) {
      const csp = reply.getHeader('content-security-policy');
      if (typeof csp === 'string') reply.header('content-security-policy', csp.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"));
    }
    return payload;
  });

  // The UI: plain ES modules, and the offline map data from npm packages (no tile server, no CDN).
  // The desk's modules bundled at start (src/api/web-bundle.ts), or web/ as it is without esbuild.
  const bundle = opts.bundleWeb === false ? null : await bundleWeb(WEB_DIR);
  await app.register(fastifyStatic, { root: bundle?.dir ?? WEB_DIR, prefix: '/', index: ['index.html'], decorateReply: true });
  await app.register(fastifyStatic, { root: dirname(require.resolve('world-atlas/countries-50m.json')), prefix: '/vendor/world-atlas/', decorateReply: false, allowedPath: (p) => /^\/?countries-(50m|110m)\.json$/.test(p) });
  await app.register(fastifyStatic, { root: join(dirname(require.resolve('topojson-client')), '..', 'src'), prefix: '/vendor/topojson-client/', decorateReply: false });
  // The map layers built by scripts/build-map.ts.
  await app.register(fastifyStatic, { root: MAP_DATA_DIR, prefix: '/map-data/', decorateReply: false, allowedPath: (p) => /^\/?(admin1\.topo|cities)\.json$/.test(p) });

  return { app, desk };
}

async function authenticate(desk: Desk, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const need = req.routeOptions.config?.role;
  if (!need) return;
  const h = req.headers.authorization;
  let user: TokenInfo | null = null;
  if (h) {
    const m = /^Bearer\s+(\S+)$/i.exec(h);
    user = m ? await desk.tokens.resolve(m[1]!) : null;
    if (!user) {
      // Counted per address and slowed: guessing tokens gets slower, then refused for a while.
      const f = desk.failedAuth?.fail(req.ip);
      req.log.warn({ event: 'auth_failed', ip: req.ip, route: req.routeOptions.url, failures_blocked: f?.blocked ?? false }, 'authentication failed');
      if (f?.blocked) {
        reply.header('retry-after', String(f.retryAfterS));
        return reply.code(429).send({ error: 'rate_limited', message: `too many failed authentications from this address; retry in ${f.retryAfterS} s` });
      }
      if (f) await new Promise((r) => setTimeout(r, f.waitMs));
      reply.header('www-authenticate', 'Bearer error="invalid_token"');
      return reply.code(401).send({ error: 'unauthorized', message: 'the token is not valid (revoked, mistyped, or from another database)' });
    }
  } else if (desk.anonymous) {
    user = { id: 'anonymous', role: desk.anonymous, name: 'anonymous', created_at: '' };
  }
  // Without a token (even where anonymous requests may read), a write is a 401: a token would help.
  if (!user || (user.id === 'anonymous' && RANK[user.role] < RANK[need])) {
    reply.header('www-authenticate', 'Bearer');
    return reply.code(401).send({ error: 'unauthorized', message: `this needs a token with the role ${need} or higher (Authorization: Bearer <token>)` });
  }
  if (RANK[user.role] < RANK[need]) {
    return reply.code(403).send({ error: 'forbidden', message: `this needs the role ${need}; the token's role is ${user.role}` });
  }
  req.user = user;
}

export interface Started {
  app: FastifyInstance;
  desk: Desk;
  url: string;
}

export async function startServer(opts: ServerOptions & { host?: string; port?: number }): Promise<Started> {
  const { app, desk } = await buildServer(opts);
  const address = await app.listen({ host: opts.host ?? '127.0.0.1', port: opts.port ?? 8787 });
  return { app, desk, url: address.replace('[::1]', 'localhost') };
}
