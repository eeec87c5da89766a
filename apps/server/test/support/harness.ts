import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { createGlimpse, type Glimpse } from '../../src/app';
import { type Config, loadConfig } from '../../src/config';
import { LIMITS, type RateLimit, type RateLimitName } from '../../src/http/rate-limit';
import { createLogger } from '../../src/platform/logger';
import { Api } from './client';
import { startS3Server } from './s3';
import { createSeed, type Seed } from './seed';
import { SERVICES, servicesAvailable } from './services';

/**
 * Starts a whole Glimpse over real HTTP on a free port, in one of two modes:
 * - 'embedded': PGlite, memory cache and pub/sub, in-process queue, local disk (npm start's defaults);
 * - 'services': a fresh PostgreSQL database, Redis, RabbitMQ and an S3-compatible server.
 * Each instance is isolated (own database, key prefix, queue prefix, bucket) and removed by stop().
 */
export type Mode = 'embedded' | 'services';

export const MODE: Mode = process.env.GLIMPSE_TEST_MODE === 'services' ? 'services' : 'embedded';

/** Generous limits so a suite that signs up many users from 127.0.0.1 is not throttled (one test checks the real ones). */
export const TEST_LIMITS: Record<RateLimitName, RateLimit> = Object.fromEntries(
  Object.keys(LIMITS).map((name) => [name, { limit: 100_000, windowSeconds: 60 }]),
) as Record<RateLimitName, RateLimit>;

export interface TestServer {
  mode: Mode;
  url: string;
  glimpse: Glimpse;
  stop(): Promise<void>;
}

export async function modeAvailable(mode: Mode = MODE): Promise<boolean> {
  return mode === 'embedded' ? true : servicesAvailable('postgres', 'redis', 'rabbitmq');
}

export async function startServer(
  options: { mode?: Mode; limits?: Record<RateLimitName, RateLimit>; env?: Record<string, string> } = {},
): Promise<TestServer> {
  const mode = options.mode ?? MODE;
  const tag = `t${randomBytes(5).toString('hex')}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'glimpse-test-'));
  const cleanups: (() => Promise<void>)[] = [async () => rmSync(dataDir, { recursive: true, force: true })];
  const env: Record<string, string> = {
    GLIMPSE_DATA_DIR: dataDir,
    GLIMPSE_SEED: '0',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    // A real proof-of-work CAPTCHA, made cheap: the test client solves it on every sign-up.
    CAPTCHA_MAX_COUNTER: '50',
    ...options.env,
  };
  let config: Config;
  if (mode === 'services') {
    const admin = new pg.Client({ connectionString: SERVICES.postgres.url });
    await admin.connect();
    await admin.query(`create database ${tag}`);
    await admin.end();
    cleanups.push(async () => {
      const client = new pg.Client({ connectionString: SERVICES.postgres.url });
      await client.connect();
      await client.query(`drop database if exists ${tag} with (force)`);
      await client.end();
    });
    const s3 = await startS3Server(path.join(dataDir, 's3'), tag);
    cleanups.push(s3.stop);
    config = {
      ...loadConfig({
        ...env,
        DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${tag}`,
        DATABASE_POOL_SIZE: '5',
        REDIS_URL: SERVICES.redis.url,
        CACHE_PREFIX: `${tag}:`,
        AMQP_URL: SERVICES.rabbitmq.url,
        QUEUE_PREFIX: `${tag}.`,
        S3_BUCKET: s3.bucket,
        S3_ENDPOINT: s3.endpoint,
        S3_ACCESS_KEY_ID: 'S3RVER',
        S3_SECRET_ACCESS_KEY: 'S3RVER',
        S3_FORCE_PATH_STYLE: 'true',
      }),
    };
  } else {
    // In-memory PGlite: the same engine as the default, without the disk writes (one test covers persistence).
    config = { ...loadConfig(env), database: { kind: 'pglite', dir: null } };
  }
  const glimpse = await createGlimpse(config, createLogger(env.LOG_LEVEL ?? 'silent'), {
    limits: options.limits ?? TEST_LIMITS,
  });
  const address = await glimpse.listen();
  return {
    mode,
    url: address,
    glimpse,
    async stop() {
      await glimpse.close();
      if (mode === 'services') {
        await deleteQueues(tag);
        await deleteRedisKeys(tag);
      }
      for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
    },
  };
}

/** Removes the Redis keys (cache, timelines, rate limits) a test instance wrote under its prefix. */
async function deleteRedisKeys(tag: string): Promise<void> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(SERVICES.redis.url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${tag}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Removes the RabbitMQ queues a test instance declared (they are durable and would outlive it). */
async function deleteQueues(tag: string): Promise<void> {
  const { ALL_JOBS } = await import('../../src/jobs');
  const { retryDelaysFor } = await import('../../src/platform/queue/registry');
  const amqp = await import('amqplib');
  const connection = await amqp.connect(SERVICES.rabbitmq.url);
  try {
    const channel = await connection.createChannel();
    const names = [
      ...ALL_JOBS.flatMap((job) => [
        `${tag}.job.${job.name}`,
        ...retryDelaysFor(job, 1000).map((ms) => `${tag}.job.${job.name}.retry.${ms}ms`),
      ]),
      `${tag}.dead-letter`,
    ];
    for (const name of names) await channel.deleteQueue(name).catch(() => {});
    await channel.close().catch(() => {});
  } finally {
    await connection.close().catch(() => {});
  }
}

/**
 * Starts one server for a test file (before its tests, stopped after them) with an API client and a
 * seed helper on it: `useTestWorld((w) => ({ server, api, seed } = w));`.
 */
export function useTestWorld(
  receive: (world: { server: TestServer; api: Api; seed: Seed }) => void,
  options: Parameters<typeof startServer>[0] = {},
): void {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startServer(options);
    const api = new Api(server.url);
    receive({ server, api, seed: createSeed(server, api) });
  });
  afterAll(() => server?.stop());
}
