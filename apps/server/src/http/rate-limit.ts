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

/**
 * How the counting is shared. Far below its limit, a count is kept in process and added to the shared
 * counter in one command per key every `flushMs` (a request then costs no round trip for its limits);
 * near it, or the first time a process counts a key, every count goes to the shared counter at once, so
 * the limit holds. What several processes may let through beyond a limit is bounded by what each may
 * hold back in one flush: a tenth of the limit.
 */
export interface RateLimiterOptions {
  flushMs?: number;
  /** Told of a batch the shared counter did not take (the counts are dropped: limits err lenient). */
  onFlushError?: (error: unknown) => void;
}

const FLUSH_MS = 100;
/** Counted in process only while the shared count, plus what is held back, stays under this share. */
const LOCAL_SHARE = 0.5;
/** What one process may hold back per key, as a share of the limit. */
const HELD_SHARE = 0.1;
const PRUNE_EVERY_MS = 10_000;
/** Past this many keys counted in process (a flood of addresses), they are all forgotten. */
const MAX_COUNTERS = 200_000;

interface Counter {
  key: string;
  windowSeconds: number;
  /** The window it counts, so a finished one is forgotten at the next flush. */
  window: number;
  /** The shared count as the last command returned it. */
  known: number;
  /** Counted here and not yet sent. */
  held: number;
}

export function createRateLimiter(
  cache: Cache,
  limits: Record<RateLimitName, RateLimit> = LIMITS,
  options: RateLimiterOptions = {},
): RateLimiter {
  const flushMs = options.flushMs ?? FLUSH_MS;
  const counters = new Map<string, Counter>();
  const dirty = new Set<Counter>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let prunedAt = Date.now();

  /** Forgets the counters of finished windows (their keys are never asked again). */
  const prune = (now: number) => {
    prunedAt = now;
    for (const counter of counters.values()) {
      if (counter.held === 0 && Math.floor(now / 1000 / counter.windowSeconds) !== counter.window) {
        counters.delete(counter.key);
      }
    }
  };
  const flush = () => {
    timer = null;
    for (const counter of dirty) {
      const held = counter.held;
      counter.held = 0;
      if (held === 0) continue;
      cache.incr(counter.key, counter.windowSeconds, held).then(
        (count) => {
          counter.known = Math.max(counter.known, count);
        },
        (error: unknown) => options.onFlushError?.(error),
      );
    }
    dirty.clear();
    pruneNow();
  };
  const pruneNow = () => {
    const now = Date.now();
    if (now - prunedAt > PRUNE_EVERY_MS || counters.size > MAX_COUNTERS) prune(now);
    if (counters.size > MAX_COUNTERS) counters.clear();
  };
  const hold = (counter: Counter, weight: number) => {
    counter.held += weight;
    dirty.add(counter);
    if (timer === null) {
      timer = setTimeout(flush, flushMs);
      timer.unref?.();
    }
  };

  return async (name, subject, weight = 1) => {
    const { limit, windowSeconds } = limits[name];
    const window = Math.floor(Date.now() / 1000 / windowSeconds);
    const key = `rl:${name}:${subject}:${window}`;
    const counter = counters.get(key);
    if (
      counter &&
      counter.known + counter.held + weight <= limit * LOCAL_SHARE &&
      counter.held + weight <= limit * HELD_SHARE
    ) {
      hold(counter, weight);
      return;
    }
    // Sent now, with whatever was held back for the key.
    const held = counter?.held ?? 0;
    if (counter) counter.held = 0;
    const count = await cache.incr(key, windowSeconds, held + weight);
    const kept = counters.get(key);
    if (kept) kept.known = Math.max(kept.known, count);
    // A limit too small to hold back even one count (log-in, sign-up) is always counted in Redis.
    else if (limit * HELD_SHARE >= 1) {
      counters.set(key, { key, windowSeconds, window, known: count, held: 0 });
      // Counters are pruned here too: keys counted only at the shared counter never reach a flush.
      pruneNow();
    }
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
