import type { FastifyInstance } from 'fastify';
import type { Config } from './config';
import { createRateLimiter, LIMITS, type RateLimit, type RateLimitName } from './http/rate-limit';
import { registerRoutes } from './http/routes';
import { createHttpServer } from './http/server';
import { registerWebApp } from './http/web';
import { ALL_JOBS, processPostMedia, sweepUploads } from './jobs';
import { createAccounts } from './modules/accounts/service';
import { createSessions } from './modules/accounts/sessions';
import { createDiscovery } from './modules/discovery/service';
import { createEngagement } from './modules/engagement/service';
import { createFavorites } from './modules/feed/favorites';
import { createFeed } from './modules/feed/service';
import { createGraph } from './modules/graph/service';
import { createAvatars } from './modules/media/avatars';
import { createMediaGate } from './modules/media/serve';
import { createUploads } from './modules/media/uploads';
import { createPosts } from './modules/posts/service';
import { closePlatform, createPlatform, type Platform } from './platform';
import { type Logger, subsystemLogger } from './platform/logger';
import { createMetrics, type Metrics } from './platform/metrics';
import { createOutboxRelay } from './platform/queue/outbox';
import type { Services } from './services';
import { registerJobHandlers } from './worker';

/**
 * The composition root: config -> platform adapters -> services -> job handlers -> HTTP app.
 * Everything is wired by hand here and nowhere else.
 */
export interface Glimpse {
  config: Readonly<Config>;
  platform: Platform;
  services: Services;
  metrics: Metrics;
  /** Null in a worker-only process. */
  http: FastifyInstance | null;
  listen(): Promise<string>;
  /** Resolves when the outbox is relayed and every job this process enqueued has finished (tests, seeding). */
  jobsIdle(): Promise<void>;
  close(): Promise<void>;
}

export async function createGlimpse(
  config: Readonly<Config>,
  logger: Logger,
  options: { limits?: Record<RateLimitName, RateLimit> } = {},
): Promise<Glimpse> {
  const metrics = createMetrics({ defaultMetrics: config.env === 'production' });
  const platform = await createPlatform(config, logger, metrics);
  const { db, queue, blobs, cache } = platform;

  const relay = createOutboxRelay({ db, queue, jobs: ALL_JOBS, logger: subsystemLogger(logger, 'queue') });
  const hydration = { cache, logger: subsystemLogger(logger, 'cache') };
  const accounts = createAccounts(db, hydration);
  const uploads = createUploads(db, blobs);
  const avatars = createAvatars({ db, blobs, queue, accounts, logger: subsystemLogger(logger, 'media') });
  const posts = createPosts({ db, outbox: relay, uploads, accounts, ...hydration });
  const services: Services = {
    accounts,
    sessions: createSessions(db, { ttlDays: config.sessionTtlDays }),
    graph: createGraph(db, { usersChanged: accounts.invalidate }),
    uploads,
    avatars,
    posts,
    engagement: createEngagement(db, { postsChanged: posts.invalidate }),
    feed: createFeed(db, platform.timelines, config.feed),
    favorites: createFavorites(db),
    discovery: createDiscovery(db),
  };

  registerJobHandlers({
    platform,
    services,
    metrics,
    logger: subsystemLogger(logger, 'jobs'),
    avatars,
    outbox: relay,
  });
  const consume = config.role !== 'api';
  await queue.start(ALL_JOBS, { consume });

  const timers: NodeJS.Timeout[] = [];
  if (consume) {
    // Jobs held in memory die with an embedded process; posts they left processing are picked up again
    // (processing is idempotent, so a post another worker is still rendering only costs a repeat).
    await db.query(
      `/* recoverProcessingPosts */ insert into outbox (job, payload)
       select $1, jsonb_build_object('postId', p.id::text) from posts p
       where p.status = 'processing' and not exists (
         select 1 from outbox o where o.job = $1 and o.payload->>'postId' = p.id::text)`,
      [processPostMedia.name],
    );
    relay.kick();
    const sweep = () => queue.enqueue(sweepUploads, { olderThanHours: 24 }).catch(() => {});
    timers.push(setInterval(sweep, 60 * 60 * 1000).unref());
  }

  let http: FastifyInstance | null = null;
  if (config.role !== 'worker') {
    const rateLimit = createRateLimiter(cache, options.limits ?? LIMITS);
    http = await createHttpServer({ config, logger, metrics, services, rateLimit });
    registerRoutes(http, {
      services,
      blobs,
      gate: createMediaGate({ db, graph: services.graph }),
      metrics,
      queue,
      rateLimit,
      probes: [
        { name: `database:${db.kind}`, ping: () => db.ping() },
        { name: `cache:${platform.cache.kind}`, ping: () => platform.cache.ping() },
        { name: `pubsub:${platform.pubsub.kind}`, ping: () => platform.pubsub.ping() },
        { name: `queue:${queue.kind}`, ping: () => queue.ping() },
        { name: `blobs:${blobs.kind}`, ping: () => blobs.ping() },
      ],
    });
    await registerWebApp(http);
  }

  return {
    config,
    platform,
    services,
    metrics,
    http,
    async listen() {
      if (!http) return 'worker';
      return http.listen({ port: config.port, host: config.host });
    },
    async jobsIdle() {
      // Jobs may write to the outbox (a published post's fan-out): settle until both are empty.
      for (let round = 0; round < 20; round++) {
        await relay.drain();
        await queue.whenIdle();
        // A relay run may have been publishing while we waited: let it finish, then wait for its jobs.
        await relay.drain();
        await queue.whenIdle();
        const [left] = await db.query<{ any: boolean }>(
          '/* outboxPending */ select exists(select 1 from outbox) as any',
        );
        if (!left?.any) return;
      }
    },
    async close() {
      for (const timer of timers) clearInterval(timer);
      // Stop taking requests and finish those in flight, then drain jobs, then close the stores.
      if (http) await http.close();
      await relay.close();
      await closePlatform(platform);
    },
  };
}
