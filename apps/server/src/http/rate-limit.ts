import { AppError } from '../errors';
import type { Cache } from '../platform/cache/port';

/**
 * Fixed-window limits over the cache (Redis when configured, so every API process shares them). Each
 * action is limited per account and, separately and more loosely, per client address, so one person
 * with many accounts and many people behind one address are both bounded. Answers over a limit carry
 * RATE_LIMITED and a retry time (also sent as the Retry-After header).
 */
export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

export const LIMITS = {
  signUp: { limit: 10, windowSeconds: 3600 },
  logIn: { limit: 20, windowSeconds: 300 },
  passwordReset: { limit: 5, windowSeconds: 3600 },
  upload: { limit: 120, windowSeconds: 3600 },
  // Per account, roughly Instagram's published action limits.
  post: { limit: 25, windowSeconds: 3600 },
  comment: { limit: 60, windowSeconds: 3600 },
  follow: { limit: 60, windowSeconds: 3600 },
  like: { limit: 300, windowSeconds: 3600 },
  search: { limit: 120, windowSeconds: 60 },
  // Per address: a few accounts' worth.
  postByIp: { limit: 100, windowSeconds: 3600 },
  commentByIp: { limit: 300, windowSeconds: 3600 },
  followByIp: { limit: 300, windowSeconds: 3600 },
  likeByIp: { limit: 1500, windowSeconds: 3600 },
  searchByIp: { limit: 600, windowSeconds: 60 },
  /** GraphQL query cost spent per account (or address when signed out) per minute. */
  queryCost: { limit: 1_000_000, windowSeconds: 60 },
} as const satisfies Record<string, RateLimit>;

export type RateLimitName = keyof typeof LIMITS;
export type ActionName = 'post' | 'comment' | 'follow' | 'like' | 'search';

export type RateLimiter = (name: RateLimitName, subject: string, weight?: number) => Promise<void>;

export function createRateLimiter(
  cache: Cache,
  limits: Record<RateLimitName, RateLimit> = LIMITS,
): RateLimiter {
  return async (name, subject, weight = 1) => {
    const { limit, windowSeconds } = limits[name];
    const window = Math.floor(Date.now() / 1000 / windowSeconds);
    const key = `rl:${name}:${subject}:${window}`;
    const count = await cache.incr(key, windowSeconds, weight);
    if (count > limit) {
      const retryAfterSeconds = Math.max(1, (window + 1) * windowSeconds - Math.floor(Date.now() / 1000));
      throw new AppError('RATE_LIMITED', `Too many attempts. Try again in ${retryAfterSeconds} seconds.`, {
        retryAfterSeconds,
      });
    }
  };
}

/** Limits an action per account and per address. */
export async function limitAction(
  rateLimit: RateLimiter,
  action: ActionName,
  who: { userId: string | null; ip: string },
): Promise<void> {
  // Both counted in one round trip (the cache pipelines them); either over its limit refuses.
  await Promise.all([
    rateLimit(`${action}ByIp`, who.ip),
    who.userId ? rateLimit(action, who.userId) : undefined,
  ]);
}

/**
 * Parses RATE_LIMITS overrides: `name=limit/seconds` pairs separated by commas, e.g.
 * `post=10/3600,like=100/3600`. Throws a message naming the problem.
 */
export function parseRateLimits(spec: string): Partial<Record<RateLimitName, RateLimit>> {
  const out: Partial<Record<RateLimitName, RateLimit>> = {};
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([A-Za-z]+)=(\d+)\/(\d+)$/.exec(part);
    if (!match) throw new Error(`"${part.slice(0, 40)}" must look like name=limit/seconds`);
    const [, name, limit, seconds] = match as unknown as [string, string, string, string];
    if (!(name in LIMITS))
      throw new Error(`unknown limit "${name}" (known: ${Object.keys(LIMITS).join(', ')})`);
    if (Number(limit) < 1 || Number(seconds) < 1)
      throw new Error(`${name}: limit and seconds must be at least 1`);
    out[name as RateLimitName] = { limit: Number(limit), windowSeconds: Number(seconds) };
  }
  return out;
}
