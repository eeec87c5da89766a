import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The built web app (apps/web/dist), served at the same origin as the API. */
export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

const API_PREFIXES = ['/graphql', '/graphiql', '/uploads', '/media/', '/healthz', '/readyz', '/metrics'];

/**
 * Hashed assets are immutable; index.html and the service worker are revalidated on every load so a
 * deploy reaches everyone. Any other GET that wants HTML is a client-side route: it gets index.html.
 */
export async function registerWebApp(app: FastifyInstance, dist = WEB_DIST): Promise<boolean> {
  if (!existsSync(path.join(dist, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: dist,
    // One wildcard route rather than a route per file found at start: a rebuilt app's new files are served
    // without a restart. Missing files fall through to the not-found handler below.
    wildcard: true,
    index: false,
    // The build writes .br and .gz beside each asset: served by Accept-Encoding, compressed once.
    preCompressed: true,
    setHeaders: (res, file) => {
      const immutable = file.includes(`${path.sep}assets${path.sep}`);
      res.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  // The wildcard does not cover the root itself (a directory): the app's entry page.
  app.get('/', (_request, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'));
  app.setNotFoundHandler((request, reply) => {
    const wantsHtml = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (wantsHtml && !API_PREFIXES.some((prefix) => request.url.startsWith(prefix))) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.code(404).send({
      errors: [
        { message: `Route ${request.method} ${request.url} not found`, extensions: { code: 'NOT_FOUND' } },
      ],
    });
  });
  return true;
}
