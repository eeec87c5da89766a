import { createHash, randomBytes } from 'node:crypto';
import type { InvalidationBus } from '../../platform/cache/invalidation';
import type { Cache } from '../../platform/cache/port';
import type { Db } from '../../platform/db';
import type { Logger } from '../../platform/logger';
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
  /** A person's live sessions, most recently used first. */
  listOf(userId: string): Promise<SessionSummary[]>;
  /** Revokes one of the person's own sessions; false when it isn't theirs (or is gone). */
  revokeOwn(userId: string, sessionId: string): Promise<boolean>;
  revokeAllOf(userId: string, options?: { except?: string }): Promise<void>;
}

export interface SessionSummary {
  id: string;
  user_agent: string | null;
  ip: string | null;
  created_at: Date;
  last_used_at: Date;
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const TOUCH_EVERY_MS = 60_000;
/**
 * Every request resolves its session, so live sessions are kept in the cache, keyed by the token's
 * hash. Revocation deletes the key with the row; the short TTL bounds how long a missed deletion (a
 * request on another process that read the row just before it was deleted) keeps a revoked session usable.
 */
const SESSION_TTL_SECONDS = 60;
/**
 * With an invalidation bus, each process also keeps the sessions it resolved for a few seconds, decoded
 * (a request then costs no round trip for its session). Revocation drops them in every process as the
 * bus delivers it; a lost message leaves a revoked session usable here for at most this long.
 */
const NEAR_TTL_MS = 5000;
const NEAR_MAX_ENTRIES = 50_000;
const BUS_NAMESPACE = 'sessions';

/** A cached session: epoch milliseconds, so no date parsing per request. */
interface CachedSession {
  id: string;
  userId: string;
  expiresAt: number;
  lastUsedAt: number;
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

export function createSessions(
  db: Db,
  options: { ttlDays: number; cache: Cache; logger: Logger; invalidations?: InvalidationBus },
): Sessions {
  const { cache, logger, invalidations } = options;
  // The drivers return bytea as a Buffer (pg) or a plain Uint8Array (PGlite).
  const keyOf = (tokenHash: Uint8Array) => `session:${Buffer.from(tokenHash).toString('base64url')}`;

  // A session revoked while this process was reading it must not be written back.
  const revokedAt = new Map<string, number>();
  const near = new Map<string, { session: CachedSession; until: number }>();
  const dropNear = (keys: readonly string[]) => {
    const now = performance.now();
    if (revokedAt.size > 10_000) revokedAt.clear();
    for (const key of keys) {
      near.delete(key);
      revokedAt.set(key, now);
    }
  };
  invalidations?.subscribe(BUS_NAMESPACE, dropNear);
  const keepNear = (key: string, session: CachedSession, readAt: number) => {
    if (!invalidations || (revokedAt.get(key) ?? -1) >= readAt) return;
    near.delete(key);
    near.set(key, { session, until: Date.now() + NEAR_TTL_MS });
    if (near.size > NEAR_MAX_ENTRIES) near.delete(near.keys().next().value!);
  };
  const remember = async (tokenHash: Buffer, session: CachedSession, readAt: number) => {
    const key = keyOf(tokenHash);
    if ((revokedAt.get(key) ?? -1) >= readAt) return;
    keepNear(key, session, readAt);
    const ttl = Math.min(SESSION_TTL_SECONDS, Math.floor((session.expiresAt - Date.now()) / 1000));
    if (ttl < 1) return;
    await cache
      .set(key, JSON.stringify(session), ttl)
      .catch((error: unknown) => logger.warn({ err: error }, 'session cache write failed'));
  };
  const forget = async (tokenHashes: readonly Uint8Array[]) => {
    if (tokenHashes.length === 0) return;
    const keys = tokenHashes.map(keyOf);
    dropNear(keys);
    await cache.del(...keys);
    // Other processes drop their copies; a lost message is bounded by NEAR_TTL_MS.
    await invalidations
      ?.publish(BUS_NAMESPACE, keys)
      .catch((error: unknown) => logger.warn({ err: error }, 'session revocation not broadcast'));
  };
  const cached = async (tokenHash: Buffer, readAt: number): Promise<CachedSession | null> => {
    const key = keyOf(tokenHash);
    const kept = near.get(key);
    if (kept) {
      if (kept.until > Date.now()) return kept.session;
      near.delete(key);
    }
    try {
      const json = await cache.get(key);
      if (!json) return null;
      const session = JSON.parse(json) as CachedSession;
      keepNear(key, session, readAt);
      return session;
    } catch (error) {
      logger.warn({ err: error }, 'session cache read failed; reading the database');
      return null;
    }
  };

  /** Touches last-used; null when the row is gone (revoked where the cache could not be told). */
  const touch = async (session: CachedSession): Promise<CachedSession | null> => {
    const [row] = await db.query<{ last_used_at: Date }>(
      `/* touchSession */ update sessions set last_used_at = now() where id = $1 and expires_at > now()
       returning last_used_at`,
      [session.id],
    );
    return row ? { ...session, lastUsedAt: row.last_used_at.getTime() } : null;
  };

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
      const tokenHash = hashToken(token);
      const readAt = performance.now();
      let session = await cached(tokenHash, readAt);
      if (session && session.expiresAt <= Date.now()) {
        await forget([tokenHash]);
        return null;
      }
      if (!session) {
        const [row] = await db.query<SessionRow>(
          `/* sessionByToken */ select id, user_id, expires_at, last_used_at
           from sessions where token_hash = $1 and expires_at > now()`,
          [tokenHash],
        );
        if (!row) return null;
        session = {
          id: row.id,
          userId: row.user_id,
          expiresAt: row.expires_at.getTime(),
          lastUsedAt: row.last_used_at.getTime(),
        };
        if (Date.now() - session.lastUsedAt < TOUCH_EVERY_MS) {
          await remember(tokenHash, session, readAt);
          return { sessionId: session.id, userId: session.userId };
        }
      }
      if (Date.now() - session.lastUsedAt >= TOUCH_EVERY_MS) {
        session = await touch(session);
        if (!session) {
          await forget([tokenHash]);
          return null;
        }
        await remember(tokenHash, session, readAt);
      }
      return { sessionId: session.id, userId: session.userId };
    },
    async revoke(sessionId) {
      const rows = await db.query<{ token_hash: Uint8Array }>(
        '/* revokeSession */ delete from sessions where id = $1 returning token_hash',
        [sessionId],
      );
      await forget(rows.map((r) => r.token_hash));
    },
    async listOf(userId) {
      return db.query<SessionSummary>(
        `/* sessionsOfUser */ select id::text, user_agent, ip, created_at, last_used_at from sessions
         where user_id = $1 and expires_at > now() order by last_used_at desc, id desc limit 100`,
        [userId],
      );
    },
    async revokeOwn(userId, sessionId) {
      const rows = await db.query<{ token_hash: Uint8Array }>(
        '/* revokeOwnSession */ delete from sessions where id = $1 and user_id = $2 returning token_hash',
        [sessionId, userId],
      );
      await forget(rows.map((r) => r.token_hash));
      return rows.length > 0;
    },
    async revokeAllOf(userId, opts = {}) {
      const rows = await db.query<{ token_hash: Uint8Array }>(
        `/* revokeSessionsOfUser */ delete from sessions where user_id = $1 and id <> coalesce($2::bigint, 0)
         returning token_hash`,
        [userId, opts.except ?? null],
      );
      await forget(rows.map((r) => r.token_hash));
    },
  };
}
