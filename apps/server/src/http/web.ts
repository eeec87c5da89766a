import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** The built web app (apps/web/dist), served at the same origin as the API. */
export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

const API_PREFIXES = ['/graphql', '/graphiql', '/uploads', '/media/', '/healthz', '/readyz', '/metrics'];

/**
 * The placeholder the web build writes wherever a script needs the page's nonce (Vite's html.cspNonce,
 * set to the same string in apps/web/vite.config.ts; Vite also puts it in a csp-nonce meta tag, where its
 * preload helper reads it for the chunks it adds later).
 */
export const NONCE_PLACEHOLDER = '__GLIMPSE_CSP_NONCE__';

/**
 * The entry page's policy: scripts run only when they carry this response's nonce or were loaded by one
 * that did ('strict-dynamic'), so an injected <script> or inline handler does nothing. Styles allow inline
 * (the CAPTCHA widget injects its own), workers may come from blobs (it solves in one), and nothing may
 * frame the app, change its base URL or post forms elsewhere.
 */
export function entryPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Puts the nonce on every script and module preload of the page, placeholder or not. */
export function stampNonce(html: string, nonce: string): string {
  return html
    .replaceAll(NONCE_PLACEHOLDER, nonce)
    .replace(/<(script|link)\b([^>]*)>/gi, (tag, name: string, attributes: string) => {
      if (/\snonce=/i.test(attributes)) return tag;
      if (name.toLowerCase() === 'link' && !/rel=["']?modulepreload/i.test(attributes)) return tag;
      return `<${name}${attributes} nonce="${nonce}">`;
    });
}

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
  // The entry page is read once per build (a rebuilt app is picked up by its new modification time) and
  // stamped with a fresh nonce per response.
  const entryFile = path.join(dist, 'index.html');
  let entry: { mtimeMs: number; html: string } | null = null;
  const sendEntry = async (reply: FastifyReply) => {
    const { mtimeMs } = await stat(entryFile);
    if (entry?.mtimeMs !== mtimeMs) entry = { mtimeMs, html: await readFile(entryFile, 'utf8') };
    const nonce = randomBytes(16).toString('base64');
    return reply
      .header('cache-control', 'no-cache')
      .header('content-security-policy', entryPolicy(nonce))
      .type('text/html; charset=utf-8')
      .send(stampNonce(entry.html, nonce));
  };
  // The wildcard does not cover the root itself (a directory); /index.html is what the service worker
  // precaches as the offline shell, so it is stamped too.
  app.get('/', (_request, reply) => sendEntry(reply));
  app.get('/index.html', (_request, reply) => sendEntry(reply));
  app.setNotFoundHandler((request, reply) => {
    const wantsHtml = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (wantsHtml && !API_PREFIXES.some((prefix) => request.url.startsWith(prefix))) {
      return sendEntry(reply);
    }
    return reply.code(404).send({
      errors: [
        { message: `Route ${request.method} ${request.url} not found`, extensions: { code: 'NOT_FOUND' } },
      ],
    });
  });
  return true;
}
