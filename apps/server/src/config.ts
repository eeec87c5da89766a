import path from 'node:path';
import { z } from 'zod';
import { parseRateLimits, type RateLimit, type RateLimitName } from './http/rate-limit';
import { parseSecretKeys } from './platform/secrets';

/**
 * Every setting comes from the environment, validated once at start. All errors are reported together,
 * and the result is frozen. Each backend has an embedded default and switches to the real service when
 * its variable is set.
 */

const bool = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const url = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
  );

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  GLIMPSE_DATA_DIR: z.string().min(1).default('data'),
  GLIMPSE_PUBLIC_URL: url(['http:', 'https:']).optional(),
  GLIMPSE_SEED: bool.default(true),
  GLIMPSE_ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  COOKIE_SECURE: bool.optional(),
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: url(['redis:', 'rediss:']).optional(),
  AMQP_URL: url(['amqp:', 'amqps:']).optional(),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9._-]*$/)
    .default('glimpse.'),
  CACHE_PREFIX: z.string().default('glimpse:'),
  S3_BUCKET: z.string().min(3).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ENDPOINT: url(['http:', 'https:']).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: bool.default(false),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(12),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(10).default(20_000),
  JOB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  TRUST_PROXY: z
    .string()
    .regex(/^(false|true|\d+|[0-9a-fA-F.:/,\s]+)$/, 'must be false, true, a hop count, or addresses/CIDRs')
    .default('false'),
  FEED_CELEBRITY_THRESHOLD: z.coerce.number().int().min(1).default(10_000),
  /**
   * Keys sealing secrets at rest (TOTP), `id:base64-of-32-bytes` separated by commas, newest first.
   * Unset: one key is made and kept in GLIMPSE_DATA_DIR/secret-keys (fine for one machine).
   */
  SECRET_KEYS: z.string().min(1).optional(),
  /** Outgoing mail through this SMTP server (smtp://user:pass@host:587); unset: a local outbox of .eml files. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Glimpse <no-reply@glimpse.invalid>'),
  /** argon2id parameters for new password hashes; existing ones are rehashed at their next log-in. */
  ARGON2_MEMORY_KIB: z.coerce.number().int().min(8_192).max(4_194_304).default(19_456),
  ARGON2_TIME_COST: z.coerce.number().int().min(1).max(20).default(2),
  ARGON2_PARALLELISM: z.coerce.number().int().min(1).max(16).default(1),
  /** Overrides of rate limits, `name=limit/seconds,...` (names in src/http/rate-limit.ts). */
  RATE_LIMITS: z.string().optional(),
  /** The CAPTCHA's work: SHA-256 tries the browser makes, at most (about a second at the default). */
  CAPTCHA_MAX_COUNTER: z.coerce.number().int().min(10).max(10_000_000).default(100_000),
  /** How often the ranked feed's model is retrained from logged impressions (minutes). */
  RANKING_TRAIN_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(10_080).default(360),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  dataDir: string;
  publicUrl: string | undefined;
  seedDemo: boolean;
  role: Env['GLIMPSE_ROLE'];
  logLevel: Env['LOG_LEVEL'];
  cookieSecure: boolean;
  sessionTtlDays: number;
  database: { kind: 'pglite'; dir: string | null } | { kind: 'postgres'; url: string; poolSize: number };
  cache: { kind: 'memory'; prefix: string } | { kind: 'redis'; url: string; prefix: string };
  queue:
    | { kind: 'memory'; concurrency: number }
    | { kind: 'rabbitmq'; url: string; prefix: string; concurrency: number };
  blobs:
    | { kind: 'disk'; root: string }
    | {
        kind: 's3';
        bucket: string;
        region: string;
        endpoint: string | undefined;
        accessKeyId: string | undefined;
        secretAccessKey: string | undefined;
        forcePathStyle: boolean;
      };
  graphql: { maxDepth: number; maxCost: number };
  feed: { celebrityThreshold: number; trainIntervalMinutes: number };
  /** Which proxies' X-Forwarded-For to believe (client IPs drive rate limits): none, all, N hops, or addresses. */
  trustProxy: boolean | number | string;
  /** Keys for secrets at rest, newest first; null: kept in a file under the data directory. */
  secretKeys: Map<string, Buffer> | null;
  captcha: { maxCounter: number };
  rateLimits: Partial<Record<RateLimitName, RateLimit>>;
  argon2: { memoryCost: number; timeCost: number; parallelism: number };
  mail: { kind: 'outbox'; dir: string; from: string } | { kind: 'smtp'; url: string; from: string };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws ConfigError listing every problem at once. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if ((e.S3_ACCESS_KEY_ID === undefined) !== (e.S3_SECRET_ACCESS_KEY === undefined)) {
    problems.push('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together');
  }
  if (!e.S3_BUCKET && (e.S3_ENDPOINT || e.S3_ACCESS_KEY_ID)) {
    problems.push('S3_BUCKET is required when other S3_* settings are given');
  }
  let secretKeys: Map<string, Buffer> | null = null;
  if (e.SECRET_KEYS) {
    try {
      secretKeys = parseSecretKeys(e.SECRET_KEYS);
    } catch (error) {
      problems.push(`SECRET_KEYS: ${(error as Error).message}`);
    }
  }
  let rateLimits: Partial<Record<RateLimitName, RateLimit>> = {};
  if (e.RATE_LIMITS) {
    try {
      rateLimits = parseRateLimits(e.RATE_LIMITS);
    } catch (error) {
      problems.push(`RATE_LIMITS: ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const dataDir = path.resolve(e.GLIMPSE_DATA_DIR);
  const config: Config = {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    publicUrl: e.GLIMPSE_PUBLIC_URL,
    seedDemo: e.GLIMPSE_SEED,
    role: e.GLIMPSE_ROLE,
    logLevel: e.LOG_LEVEL,
    cookieSecure: e.COOKIE_SECURE ?? e.GLIMPSE_PUBLIC_URL?.startsWith('https:') ?? false,
    sessionTtlDays: e.SESSION_TTL_DAYS,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
      : { kind: 'pglite', dir: path.join(dataDir, 'pg') },
    cache: e.REDIS_URL
      ? { kind: 'redis', url: e.REDIS_URL, prefix: e.CACHE_PREFIX }
      : { kind: 'memory', prefix: e.CACHE_PREFIX },
    queue: e.AMQP_URL
      ? { kind: 'rabbitmq', url: e.AMQP_URL, prefix: e.QUEUE_PREFIX, concurrency: e.JOB_CONCURRENCY }
      : { kind: 'memory', concurrency: e.JOB_CONCURRENCY },
    blobs: e.S3_BUCKET
      ? {
          kind: 's3',
          bucket: e.S3_BUCKET,
          region: e.S3_REGION,
          endpoint: e.S3_ENDPOINT,
          accessKeyId: e.S3_ACCESS_KEY_ID,
          secretAccessKey: e.S3_SECRET_ACCESS_KEY,
          forcePathStyle: e.S3_FORCE_PATH_STYLE,
        }
      : { kind: 'disk', root: path.join(dataDir, 'media') },
    graphql: { maxDepth: e.GRAPHQL_MAX_DEPTH, maxCost: e.GRAPHQL_MAX_COST },
    feed: {
      celebrityThreshold: e.FEED_CELEBRITY_THRESHOLD,
      trainIntervalMinutes: e.RANKING_TRAIN_INTERVAL_MINUTES,
    },
    secretKeys,
    captcha: { maxCounter: e.CAPTCHA_MAX_COUNTER },
    rateLimits,
    argon2: {
      memoryCost: e.ARGON2_MEMORY_KIB,
      timeCost: e.ARGON2_TIME_COST,
      parallelism: e.ARGON2_PARALLELISM,
    },
    mail: e.SMTP_URL
      ? { kind: 'smtp', url: e.SMTP_URL, from: e.MAIL_FROM }
      : { kind: 'outbox', dir: path.join(dataDir, 'mail-outbox'), from: e.MAIL_FROM },
    trustProxy:
      e.TRUST_PROXY === 'false'
        ? false
        : e.TRUST_PROXY === 'true'
          ? true
          : /^\d+$/.test(e.TRUST_PROXY)
            ? Number(e.TRUST_PROXY)
            : e.TRUST_PROXY,
  };
  return Object.freeze(config);
}
