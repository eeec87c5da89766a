import type { Config } from '../config';
import { createDiskBlobStore } from './blobs/disk';
import type { BlobStore } from './blobs/port';
import { createS3BlobStore } from './blobs/s3';
import { createMemoryCache } from './cache/memory';
import type { Cache } from './cache/port';
import { createRedisCache } from './cache/redis';
import { createDb, type Db } from './db';
import { migrate } from './db/migrate';
import { type Logger, subsystemLogger } from './logger';
import type { Metrics } from './metrics';
import { createMemoryPubSub } from './pubsub/memory';
import type { PubSub } from './pubsub/port';
import { createRedisPubSub } from './pubsub/redis';
import { createMemoryQueue } from './queue/memory';
import type { JobQueue } from './queue/port';
import { createRabbitQueue } from './queue/rabbitmq';
import { createMemoryTimelines } from './timelines/memory';
import type { TimelineStore } from './timelines/port';
import { createRedisTimelines } from './timelines/redis';

/** The platform adapters, each chosen by configuration alone: embedded defaults or the real services. */
export interface Platform {
  db: Db;
  cache: Cache;
  pubsub: PubSub;
  queue: JobQueue;
  blobs: BlobStore;
  timelines: TimelineStore;
}

export async function createPlatform(
  config: Readonly<Config>,
  logger: Logger,
  metrics: Metrics,
): Promise<Platform> {
  const db = await createDb(config.database);
  await migrate(db);
  const cache =
    config.cache.kind === 'redis'
      ? createRedisCache({
          url: config.cache.url,
          prefix: config.cache.prefix,
          logger: subsystemLogger(logger, 'cache'),
        })
      : createMemoryCache({ prefix: config.cache.prefix });
  const pubsub =
    config.cache.kind === 'redis'
      ? createRedisPubSub({
          url: config.cache.url,
          prefix: config.cache.prefix,
          logger: subsystemLogger(logger, 'pubsub'),
        })
      : createMemoryPubSub();
  const queueLogger = subsystemLogger(logger, 'queue');
  const queue =
    config.queue.kind === 'rabbitmq'
      ? await createRabbitQueue({
          url: config.queue.url,
          prefix: config.queue.prefix,
          logger: queueLogger,
          metrics,
          prefetch: config.queue.concurrency,
        })
      : createMemoryQueue({ logger: queueLogger, metrics, concurrency: config.queue.concurrency });
  const blobs =
    config.blobs.kind === 's3'
      ? createS3BlobStore({
          bucket: config.blobs.bucket,
          region: config.blobs.region,
          endpoint: config.blobs.endpoint,
          accessKeyId: config.blobs.accessKeyId,
          secretAccessKey: config.blobs.secretAccessKey,
          forcePathStyle: config.blobs.forcePathStyle,
        })
      : createDiskBlobStore({ root: config.blobs.root });
  const timelines =
    config.cache.kind === 'redis'
      ? createRedisTimelines({
          url: config.cache.url,
          prefix: config.cache.prefix,
          logger: subsystemLogger(logger, 'cache'),
        })
      : createMemoryTimelines();
  return { db, cache, pubsub, queue, blobs, timelines };
}

/** Closes in dependency order: the queue (waits for running jobs) before the stores those jobs use. */
export async function closePlatform(platform: Platform): Promise<void> {
  await platform.queue.close();
  await Promise.allSettled([
    platform.pubsub.close(),
    platform.cache.close(),
    platform.blobs.close(),
    platform.timelines.close(),
  ]);
  await platform.db.close();
}
