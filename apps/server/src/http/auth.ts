import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Sessions } from '../modules/accounts/sessions';

export const SESSION_COOKIE = 'glimpse_session';

export interface RequestViewer {
  userId: string;
  sessionId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    viewer: RequestViewer | null;
    /** The GraphQL operation's name, once parsed (metrics label). */
    graphqlOperation?: string;
  }
}

/** The session token from the httpOnly cookie (browsers) or a bearer header (other clients). */
export function tokenOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match?.[1] ?? null;
  }
  return request.cookies[SESSION_COOKIE] ?? null;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF: a state-changing request from a browser page on another site. Browsers send Origin with every
 * POST (and Sec-Fetch-Site), so a request whose Origin is not this site's is refused, whatever it
 * carries (a session cookie, or credentials for a log-in CSRF). Requests with a bearer token can't be
 * forged by a page, and clients that send no Origin are not browsers.
 */
export function isCrossSiteWrite(
  request: FastifyRequest,
  siteOrigin: string | null,
  options: { allowLocalhost?: boolean } = {},
): boolean {
  if (SAFE_METHODS.has(request.method) || request.headers.authorization) return false;
  const origin = request.headers.origin;
  if (!origin) return request.headers['sec-fetch-site'] === 'cross-site';
  if (origin === 'null') return true;
  if (options.allowLocalhost && /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(origin)) return false;
  const expected = siteOrigin ?? `${request.protocol}://${request.headers.host ?? ''}`;
  return origin !== expected;
}

export async function resolveViewer(
  sessions: Sessions,
  request: FastifyRequest,
): Promise<RequestViewer | null> {
  const token = tokenOf(request);
  return token ? sessions.resolve(token) : null;
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
