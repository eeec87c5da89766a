import { AppError } from '../errors';
import type { Cache } from '../platform/cache/port';

/** Fixed-window limits over the cache (Redis when configured, so every API process shares them). */
export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

export const LIMITS = {
  signUp: { limit: 10, windowSeconds: 3600 },
  logIn: { limit: 20, windowSeconds: 300 },
  upload: { limit: 120, windowSeconds: 3600 },
} as const satisfies Record<string, RateLimit>;

export type RateLimitName = keyof typeof LIMITS;

export type RateLimiter = (name: RateLimitName, subject: string) => Promise<void>;

export function createRateLimiter(
  cache: Cache,
  limits: Record<RateLimitName, RateLimit> = LIMITS,
): RateLimiter {
  return async (name, subject) => {
    const { limit, windowSeconds } = limits[name];
    const window = Math.floor(Date.now() / 1000 / windowSeconds);
    const key = `rl:${name}:${subject}:${window}`;
    const count = await cache.incr(key, windowSeconds);
    if (count > limit) {
      const retryAfterSeconds = Math.max(1, (window + 1) * windowSeconds - Math.floor(Date.now() / 1000));
      throw new AppError('RATE_LIMITED', `Too many attempts. Try again in ${retryAfterSeconds} seconds.`, {
        retryAfterSeconds,
      });
    }
  };
}
