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
