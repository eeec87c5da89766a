/**
 * The real services the benchmark runs on, and the names it owns in them: its own databases, Redis key
 * prefixes and RabbitMQ queue prefixes, so it never touches a developer's data or the test suite's.
 */
export const SERVICES = {
  postgres: process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432',
  redis: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
  amqp: process.env.BENCH_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
} as const;

/** One isolated Glimpse installation on the shared services. */
export interface Installation {
  database: string;
  cachePrefix: string;
  queuePrefix: string;
  bucket: string;
  /** Server settings this installation needs beyond the defaults. */
  settings?: Record<string, string>;
}

/** The large seed (10k users, 1M follows, 200k posts): feed, SQL and upload figures. */
export const MAIN: Installation = {
  database: 'glimpse_bench',
  cachePrefix: 'bench:',
  queuePrefix: 'bench.',
  bucket: 'glimpse-bench',
};

/** Authors with 10k and 100k synthetic followers, kept apart so they do not change the large seed. */
export const FANOUT: Installation = {
  database: 'glimpse_bench_fanout',
  cachePrefix: 'bench-fanout:',
  queuePrefix: 'bench-fanout.',
  bucket: 'glimpse-bench-fanout',
  // Both authors are over the default threshold (10,000 followers), above which posts are merged into
  // feeds at read time; raise it so the figures measure fan-out on write, which they are about.
  settings: { FEED_CELEBRITY_THRESHOLD: '1000000' },
};

export function databaseUrl(database: string): string {
  return `${SERVICES.postgres.replace(/\/$/, '')}/${database}`;
}
