import { randomUUID } from 'node:crypto';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import mercurius from 'mercurius';
import type { Config } from '../config';
import type { GraphQLContext } from '../graphql/context';
import { assertCost, memoizedQueryCost, worstCaseVariables } from '../graphql/cost';
import { formatError, unwrapErrors } from '../graphql/errors';
import { createLoaders } from '../graphql/loaders';
import { assembleResolvers } from '../graphql/schema';
import { loadTypeDefs } from '../graphql/sdl';
import type { Logger } from '../platform/logger';
import type { Metrics } from '../platform/metrics';
import type { Services } from '../services';
import { clearSessionCookie, isCrossSiteWrite, resolveViewer, setSessionCookie } from './auth';
import { errorHandler } from './errors';
import { registerStrictJson } from './json';
import type { RateLimiter } from './rate-limit';

/** The Fastify app: JSON parsing (multipart only for uploads, routes.ts), sessions, GraphQL at /graphql, metrics per route and operation. */
export async function createHttpServer(deps: {
  config: Readonly<Config>;
  logger: Logger;
  metrics: Metrics;
  services: Services;
  rateLimit: RateLimiter;
}): Promise<FastifyInstance> {
  const { config, logger, metrics, services, rateLimit } = deps;
  const app = Fastify({
    loggerInstance: logger.child({ subsystem: 'http' }) as FastifyBaseLogger,
    // One log line per request, written in onResponse below with the fields we want.
    logController: new LogController({ disableRequestLogging: true }),
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    // Narrowed to one type: a union here makes TypeScript pick Fastify's HTTP/2 overload.
    trustProxy: config.trustProxy as boolean,
  });
  app.setErrorHandler(errorHandler);
  registerStrictJson(app);
  // Dynamic responses (GraphQL pages of tens of kilobytes) are gzipped for clients that ask; brotli is kept
  // for the precompressed static files, as compressing it per request costs too much CPU.
  await app.register(compress, { global: true, threshold: 1024, encodings: ['gzip', 'deflate'] });
  await app.register(cookie);

  // Once shutdown starts, responses close their connection: a keep-alive client whose request was in
  // flight would otherwise hold the process open for the whole keep-alive timeout.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  const siteOrigin = config.publicUrl ? new URL(config.publicUrl).origin : null;
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
    // No framing (clickjacking), no MIME sniffing, no full URLs leaked to other sites.
    reply.header('x-frame-options', 'DENY');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    if (!reply.hasHeader('content-security-policy')) {
      reply.header('content-security-policy', "frame-ancestors 'none'; base-uri 'none'; object-src 'none'");
    }
    if (config.cookieSecure) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });

  app.decorateRequest('viewer', null);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // In development the web dev server's proxy forwards its own localhost origin: allowed there.
    if (isCrossSiteWrite(request, siteOrigin, { allowLocalhost: config.env === 'development' })) {
      return reply.code(403).send({
        errors: [{ message: 'Cross-site request refused', extensions: { code: 'FORBIDDEN' } }],
      });
    }
    request.viewer = await resolveViewer(services.sessions, request);
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const seconds = reply.elapsedTime / 1000;
    metrics.httpDuration.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      seconds,
    );
    if (route === '/graphql') {
      // Named from the parsed document (clients need not send operationName); unparsed requests are 'invalid'.
      const operation = request.graphqlOperation?.slice(0, 64) ?? 'invalid';
      metrics.graphqlDuration.observe(
        { operation, outcome: reply.statusCode < 400 ? 'ok' : 'error' },
        seconds,
      );
    }
    request.log.info(
      {
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });

  const publicBase = config.publicUrl?.replace(/\/$/, '') ?? '';
  // One object for every request: image sources are remembered per URL builder (graphql/present.ts).
  const urls: GraphQLContext['urls'] = {
    media: (key) => `${publicBase}/media/${key}`,
    post: (id) => `${publicBase}/p/${id}`,
  };
  await app.register(mercurius, {
    schema: loadTypeDefs(),
    resolvers: assembleResolvers() as never,
    path: '/graphql',
    graphiql: config.env !== 'production',
    // Automatic persisted queries: the web client sends a query's SHA-256 and the text only once.
    persistedQueryProvider: mercurius.persistedQueryDefaults.automatic(5000),
    queryDepth: config.graphql.maxDepth,
    // Compile a query to a specialised executor once it has run once (graphql-jit).
    jit: 1,
    // Subscriptions over WebSocket (graphql-ws, and the legacy protocol), fed by the pub/sub adapter.
    subscription: {
      // A page on another site must not open a socket that rides on the viewer's cookie.
      verifyClient: (info, next) =>
        next(!isCrossSiteSocket(info.origin, info.req.headers.host, siteOrigin, config)),
      context: (_socket, request): GraphQLContext => ({
        viewer: request.viewer,
        services,
        loaders: createLoaders(services, request.viewer?.userId ?? null),
        request: socketRequest(request.ip, request.headers['user-agent'] ?? null),
        // Sessions are not set or cleared over a socket.
        session: { set: () => {}, clear: () => {} },
        urls,
        rateLimit,
      }),
      // The session cookie on the upgrade request signs the socket in, or a token in connection_init's
      // payload (clients that can't send cookies); a token that resolves to no session is refused.
      onConnect: async ({ payload }) => {
        const token = typeof payload?.token === 'string' ? payload.token : null;
        if (!token) return true;
        const viewer = await services.sessions.resolve(token);
        return viewer ? { viewer, loaders: createLoaders(services, viewer.userId) } : false;
      },
      keepAlive: 30_000,
    },
    context: (request, reply): GraphQLContext => ({
      viewer: request.viewer,
      services,
      loaders: createLoaders(services, request.viewer?.userId ?? null),
      request: { ip: request.ip, userAgent: request.headers['user-agent'] ?? null },
      session: {
        set: (token, expiresAt) => setSessionCookie(reply, token, expiresAt, config.cookieSecure),
        clear: () => clearSessionCookie(reply, config.cookieSecure),
      },
      urls,
      rateLimit,
    }),
    errorFormatter: (execution, context) => {
      const log: FastifyBaseLogger = context.reply?.log ?? logger;
      const errors = unwrapErrors(execution.errors).map((error) => formatError(error, log));
      const validationOnly =
        execution.data == null && errors.every((e) => e.extensions?.code !== 'INTERNAL' && !e.path);
      const tooLarge = errors.some((e) => e.extensions?.code === 'PAYLOAD_TOO_LARGE');
      // Over a rate limit: the wait goes in Retry-After too; a request refused outright is a 429.
      const limited = errors.find((e) => e.extensions?.code === 'RATE_LIMITED');
      const retryAfter = limited?.extensions?.retryAfterSeconds;
      if (typeof retryAfter === 'number') context.reply?.header('retry-after', String(retryAfter));
      return {
        statusCode: tooLarge ? 413 : limited && execution.data == null ? 429 : validationOnly ? 400 : 200,
        response: { data: execution.data ?? null, errors },
      };
    },
  });
  // A subscription pays for its selection once, when it starts, as a query does per request.
  app.graphql.addHook('preSubscriptionExecution', async (schema, document, context) => {
    const ctx = context as unknown as GraphQLContext;
    // The hook is not given the subscription's variables: price required ones at their worst.
    const cost = memoizedQueryCost(schema, document, worstCaseVariables(document));
    assertCost(cost, config.graphql.maxCost);
    await rateLimit(
      'queryCost',
      ctx.viewer ? `u:${ctx.viewer.userId}` : `ip:${ctx.request.ip}`,
      Math.max(1, cost),
    );
  });
  app.graphql.addHook('preExecution', async (schema, document, context) => {
    const operation = document.definitions.find((d) => d.kind === 'OperationDefinition');
    context.reply.request.graphqlOperation = operation?.name?.value ?? 'anonymous';
    const body = context.reply.request.body as
      | { variables?: Record<string, unknown>; operationName?: string }
      | undefined;
    const cost = memoizedQueryCost(schema, document, body?.variables, body?.operationName);
    assertCost(cost, config.graphql.maxCost);
    // Expensive queries spend a per-minute budget, per account (or per address when signed out).
    const viewer = (context as unknown as { viewer?: { userId: string } | null }).viewer;
    await rateLimit(
      'queryCost',
      viewer ? `u:${viewer.userId}` : `ip:${context.reply.request.ip}`,
      Math.max(1, cost),
    );
  });
  return app;
}

/**
 * The request facts of a socket's context. Mercurius merges this context over its own, whose `request`
 * is the upgrade request, and then copies connection_init's payload (our `token`) into
 * `context.request.headers` as if they were HTTP headers: this object gives it a headers object of its
 * own to write to, so a token in the payload neither crashes the subscription nor touches real headers.
 */
function socketRequest(ip: string, userAgent: string | null): GraphQLContext['request'] {
  return Object.assign({ ip, userAgent }, { headers: {} as Record<string, string> });
}

/** A WebSocket upgrade from a page on another site (browsers always send Origin on one; other clients may not). */
function isCrossSiteSocket(
  origin: string | undefined,
  host: string | undefined,
  siteOrigin: string | null,
  config: Readonly<Config>,
): boolean {
  if (!origin) return false;
  if (config.env === 'development' && /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(origin))
    return false;
  if (siteOrigin) return origin !== siteOrigin;
  return origin !== `http://${host ?? ''}` && origin !== `https://${host ?? ''}`;
}
