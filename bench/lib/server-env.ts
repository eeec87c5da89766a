import path from 'node:path';
import { DATA_DIR } from './paths';
import { databaseUrl, type Installation, SERVICES } from './services';

/** The environment of a Glimpse process under test: production mode, one installation, real services. */
export interface ServerEnvOptions {
  installation: Installation;
  blobs: Record<string, string>;
  port: number;
  /** Overrides the installation's database URL (the SQL-counting proxy). */
  databaseUrl?: string;
  /** What the process does: serve and run jobs (default), serve only, or run jobs only. */
  role?: 'all' | 'api' | 'worker';
}

// Settings the developer's shell may carry that must not leak into a benchmarked process.
const OWNED =
  /^(GLIMPSE_|DATABASE_|REDIS_|AMQP_|S3_|CACHE_|QUEUE_|JOB_|GRAPHQL_|RATE_LIMITS$|LOG_LEVEL$|NODE_ENV$|PORT$|HOST$)/;

/**
 * The load generator is a handful of accounts on one address doing thousands of requests a second:
 * far past any person's rate limits, which are not what is measured. They are raised for the run.
 */
const UNLIMITED = ['queryCost', 'search', 'searchByIp', 'post', 'postByIp', 'like', 'likeByIp', 'logIn']
  .map((name) => `${name}=1000000000/60`)
  .join(',');

export function serverEnv(options: ServerEnvOptions): Record<string, string> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && !OWNED.test(entry[0]),
    ),
  );
  const { installation } = options;
  return {
    ...inherited,
    NODE_ENV: 'production',
    // Per-request info logs would measure the log pipe, not the server; warnings and errors still show.
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: String(options.port),
    GLIMPSE_SEED: '0',
    GLIMPSE_ROLE: options.role ?? 'all',
    RATE_LIMITS: UNLIMITED,
    GLIMPSE_DATA_DIR: path.join(DATA_DIR, 'server'),
    DATABASE_URL: options.databaseUrl ?? databaseUrl(installation.database),
    REDIS_URL: SERVICES.redis,
    CACHE_PREFIX: installation.cachePrefix,
    AMQP_URL: SERVICES.amqp,
    QUEUE_PREFIX: installation.queuePrefix,
    S3_BUCKET: installation.bucket,
    ...options.blobs,
    ...installation.settings,
  };
}
