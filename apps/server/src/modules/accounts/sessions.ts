import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../platform/db';
import type { SessionRow } from './rows';

/**
 * Sessions are random opaque tokens; only their SHA-256 is stored, so a database leak yields no
 * usable token. The same token works as a cookie (browsers) or a bearer token (other clients).
 */
export interface Sessions {
  create(
    userId: string,
    meta: { userAgent: string | null; ip: string | null },
  ): Promise<{ token: string; expiresAt: Date }>;
  /** The live session for a token, or null; touches last-used at most once a minute. */
  resolve(token: string): Promise<{ sessionId: string; userId: string } | null>;
  revoke(sessionId: string): Promise<void>;
  revokeAllOf(userId: string, options?: { except?: string }): Promise<void>;
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

export function createSessions(db: Db, options: { ttlDays: number }): Sessions {
  return {
    async create(userId, meta) {
      const token = randomBytes(32).toString('base64url');
      const [row] = await db.query<{ expires_at: Date }>(
        `/* createSession */ insert into sessions (id, user_id, token_hash, user_agent, ip, expires_at)
         values (next_id(shard_of($1)), $1, $2, $3, $4, now() + make_interval(days => $5))
         returning expires_at`,
        [userId, hashToken(token), meta.userAgent?.slice(0, 300) ?? null, meta.ip, options.ttlDays],
      );
      return { token, expiresAt: row!.expires_at };
    },
    async resolve(token) {
      if (!TOKEN_PATTERN.test(token)) return null;
      const [row] = await db.query<SessionRow & { stale: boolean }>(
        `/* sessionByToken */ select id, user_id, expires_at, last_used_at, last_used_at < now() - interval '1 minute' as stale
         from sessions where token_hash = $1 and expires_at > now()`,
        [hashToken(token)],
      );
      if (!row) return null;
      if (row.stale) {
        await db.query('/* touchSession */ update sessions set last_used_at = now() where id = $1', [row.id]);
      }
      return { sessionId: row.id, userId: row.user_id };
    },
    async revoke(sessionId) {
      await db.query('/* revokeSession */ delete from sessions where id = $1', [sessionId]);
    },
    async revokeAllOf(userId, opts = {}) {
      await db.query(
        '/* revokeSessionsOfUser */ delete from sessions where user_id = $1 and id <> coalesce($2::bigint, 0)',
        [userId, opts.except ?? null],
      );
    },
  };
}
