/**
 * The MCP server over Streamable HTTP, on the API server (`sitrep serve --mcp`): POST /mcp, behind
 * the same bearer tokens as the API (a viewer's token reads; ingest_article needs an analyst's).
 * Stateless: each request gets its own MCP server for the caller's role and answers as JSON, so
 * nothing is kept between requests and any number of clients may call at once.
 */
import type { FastifyInstance } from 'fastify';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { baseOf } from '../api/alert-routes.js';
import type { Desk } from '../api/server.js';
import { buildMcpServer } from './server.js';

export async function registerMcpRoutes(app: FastifyInstance, desk: Desk, opts: { bodyLimit: number; publicUrl?: string | null }): Promise<void> {
  app.post('/mcp', { config: { role: 'viewer' }, bodyLimit: opts.bodyLimit, schema: { tags: ['mcp'], summary: 'the MCP server (Streamable HTTP, stateless, JSON answers): tools search_incidents, get_incident, stats, extract, ingest_article' } }, async (req, reply) => {
    const server = buildMcpServer({ store: desk.store, index: desk.index, role: req.user!.role, publicUrl: opts.publicUrl ?? baseOf(req) });
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    reply.hijack();
    reply.raw.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req.raw, reply.raw, req.body);
  });
  // Stateless: no server-sent stream to open, no session to end.
  for (const method of ['GET', 'DELETE'] as const) {
    app.route({
      method,
      url: '/mcp',
      config: { role: 'viewer' },
      schema: { hide: true },
      handler: async (_req, reply) => reply.code(405).header('allow', 'POST').send({ jsonrpc: '2.0', error: { code: -32000, message: 'this MCP server is stateless: POST only' }, id: null }),
    });
  }
}
