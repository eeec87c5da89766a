import type { FastifyInstance } from 'fastify';
import type { Config } from './config';
import { createRealtime } from './graphql/realtime';
import { registerCaptchaRoute } from './http/captcha';
import { createRateLimiter, LIMITS, type RateLimit, type RateLimitName } from './http/rate-limit';
import { registerRoutes } from './http/routes';
import { createHttpServer } from './http/server';
import { registerWebApp } from './http/web';
import {
  ALL_JOBS,
  detectFakeEngagement,
  expireStories,
  processPostMedia,
  rebuildExplorePools,
  rebuildExploreSimilarity,
  refreshHashtags,
  rerenderPostMedia,
  rotateSecrets,
  sendMail,
  sweepUploads,
  trainRanking,
} from './jobs';
import { configurePasswordHashing } from './modules/accounts/passwords';
import { createAccounts } from './modules/accounts/service';
import { createSessions } from './modules/accounts/sessions';
import { createDiscovery } from './modules/discovery/service';
import { createEngagement } from './modules/engagement/service';
import { createExplore } from './modules/explore/service';
import { createSuggestions } from './modules/explore/suggestions';
import { createFavorites } from './modules/feed/favorites';
import { createRankedFeed } from './modules/feed/ranked';
import { createFeed } from './modules/feed/service';
import { createGraph } from './modules/graph/service';
import { createHashtags } from './modules/hashtags/service';
import { createAvatars } from './modules/media/avatars';
import { createMediaGate } from './modules/media/serve';
import { createUploads } from './modules/media/uploads';
import { createModeration } from './modules/moderation/service';
import { createNotificationEvents } from './modules/notifications/events';
import { createNotifications, notificationOutbox } from './modules/notifications/service';
import { createPosts } from './modules/posts/service';
import { createRanking } from './modules/ranking/service';
import { createSafety } from './modules/safety/service';
import { createSearch } from './modules/search/service';
import { createCaptcha } from './modules/security/captcha';
import { createPasskeys } from './modules/security/passkeys';
import { createSecurity } from './modules/security/passwords';
import { createRecovery } from './modules/security/recovery';
import { createTwoFactor } from './modules/security/two-factor';
import { createHighlights } from './modules/stories/highlights';
import { createStoryInteractions } from './modules/stories/interactions';
import { createStoryMediaRule } from './modules/stories/serve';
import { createStories } from './modules/stories/service';
import { closePlatform, createPlatform, type Platform } from './platform';
import { createInvalidationBus } from './platform/cache/invalidation';
import { type Clock, createClock } from './platform/clock';
import { type Logger, subsystemLogger } from './platform/logger';
import { createMail } from './platform/mail';
import { createMetrics, type Metrics } from './platform/metrics';
import { createOutboxRelay } from './platform/queue/outbox';
import { createSecretBox, loadSecretKeys } from './platform/secrets';
import type { Services } from './services';
import { registerJobHandlers } from './worker';

/**
 * The composition root: config -> platform adapters -> services -> job handlers -> HTTP app.
 * Everything is wired by hand here and nowhere else.
 */
export interface Glimpse {
  config: Readonly<Config>;
  platform: Platform;
  /** The time stories expire by; tests and journeys move it forward (clock.advance). */
  clock: Clock;
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
  const cacheLogger = subsystemLogger(logger, 'cache');
  const hydration = {
    cache,
    logger: cacheLogger,
    invalidations: createInvalidationBus(platform.pubsub, cacheLogger),
  };
  // The search box keeps what it found for a string and each viewer's circle in process (issue 7).
  const search = createSearch({
    db,
    logger: subsystemLogger(logger, 'search'),
    invalidations: hydration.invalidations,
  });
  const accounts = createAccounts(db, hydration, { namesChanged: search.namesChanged });
  const uploads = createUploads(db, blobs);
  const avatars = createAvatars({ db, blobs, queue, accounts, logger: subsystemLogger(logger, 'media') });
  const posts = createPosts({ db, outbox: relay, uploads, accounts, ...hydration });
  const feed = createFeed(db, platform.timelines, config.feed);
  const ranking = createRanking(db, subsystemLogger(logger, 'ranking'));
  const hashtags = createHashtags(db);
  configurePasswordHashing(config.argon2);
  const mail = createMail(config.mail);
  // Passkeys are bound to the site's origin: GLIMPSE_PUBLIC_URL, or localhost on the port we listen on.
  let listeningPort = config.port;
  const relyingParty = () => {
    const origin = config.publicUrl ? new URL(config.publicUrl).origin : `http://localhost:${listeningPort}`;
    return { origin, rpId: new URL(origin).hostname };
  };
  const secretKeys = await loadSecretKeys(config.secretKeys, config.dataDir);
  const secrets = createSecretBox(secretKeys);
  const captcha = createCaptcha({ cache, secret: [...secretKeys.values()][0]!, options: config.captcha });
  const sessions = createSessions(db, { ttlDays: config.sessionTtlDays, ...hydration });
  const realtime = createRealtime(platform.pubsub, subsystemLogger(logger, 'pubsub'));
  const notifying = notificationOutbox(relay);
  const safety = createSafety(db, notifying, hydration);
  const clock = createClock();
  const graph = createGraph(
    db,
    {
      // Every follow, unfollow, approval, removal and block changes both people's circles.
      usersChanged: async (ids) => {
        search.circles.drop(ids);
        await accounts.invalidate(ids);
      },
      notifications: notifying,
    },
    hydration,
  );
  const engagement = createEngagement(
    db,
    {
      postsChanged: posts.invalidate,
      gateComment: (q, author, commenter, text) => safety.gateComment(q, author, commenter, text),
      notifications: notifying,
    },
    hydration,
  );
  const services: Services = {
    accounts,
    sessions,
    graph,
    uploads,
    avatars,
    posts,
    engagement,
    feed,
    rankedFeed: createRankedFeed({ feed, ranking, cache, hashtagPosts: hashtags.feedSuggestions }),
    ranking,
    favorites: createFavorites(db),
    discovery: createDiscovery(db),
    search,
    hashtags,
    explore: createExplore({ db, cache, queue, logger: subsystemLogger(logger, 'jobs') }),
    suggestions: createSuggestions(db),
    moderation: createModeration(db, {
      postsChanged: posts.invalidate,
      // Suspension and its end also take the account out of, or back into, the search box.
      usersChanged: async (ids) => {
        await Promise.all([accounts.invalidate(ids), search.namesChanged(ids)]);
      },
      deleteComment: (id) => engagement.deleteComment(id),
      revokeSessions: (userId) => sessions.revokeAllOf(userId),
    }),
    security: createSecurity(db),
    safety,
    notifications: createNotifications({ db, queue, realtime }),
    stories: createStories({
      db,
      blobs,
      clock,
      uploads,
      accounts,
      graph,
      outbox: relay,
      logger: subsystemLogger(logger, 'media'),
      onMentions: async (storyId, ownerId, mentionedIds) => {
        await db.transaction(async (tx) => {
          for (const recipientId of mentionedIds) {
            await notifying.inTx(tx, {
              kind: 'STORY_MENTION',
              actorId: ownerId,
              subjectId: storyId,
              recipientId,
            });
          }
        });
        notifying.kick();
      },
    }),
    storyInteractions: createStoryInteractions(db, notifying),
    highlights: createHighlights(db),
    realtime,
    twoFactor: createTwoFactor({ db, cache, secrets }),
    passkeys: createPasskeys({ db, cache }),
    relyingParty,
    captcha,
    cache,
    recovery: createRecovery({
      db,
      // Mail leaves through the queue (retried there), never inside the request.
      send: (message) => queue.enqueue(sendMail, message),
      revokeSessions: (userId) => sessions.revokeAllOf(userId),
      link: (path) => `${(config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/$/, '')}${path}`,
    }),
  };

  registerJobHandlers({
    platform,
    services,
    metrics,
    logger: subsystemLogger(logger, 'jobs'),
    avatars,
    outbox: relay,
    mail,
    notificationEvents: createNotificationEvents({ db, cache, realtime }),
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
    // Likewise re-edits of published photos (the job skips one already swapped in or replaced).
    await db.query(
      `/* recoverPendingEdits */ insert into outbox (job, payload)
       select $1, jsonb_build_object('postId', m.post_id::text, 'mediaId', m.id::text, 'mediaKey', m.pending_media_key)
       from post_media m where m.pending_media_key is not null and not exists (
         select 1 from outbox o where o.job = $1 and o.payload->>'mediaKey' = m.pending_media_key)`,
      [rerenderPostMedia.name],
    );
    relay.kick();
    const sweep = () => queue.enqueue(sweepUploads, { olderThanHours: 24 }).catch(() => {});
    timers.push(setInterval(sweep, 60 * 60 * 1000).unref());
    // Retrain the ranking model on schedule; with several workers each asks, and the job skips when a
    // fresh model exists. The first run comes a minute after start (there may be a backlog of impressions).
    const retrainEvery = config.feed.trainIntervalMinutes;
    const retrain = () =>
      queue.enqueue(trainRanking, { minAgeMinutes: Math.floor(retrainEvery / 2) }).catch(() => {});
    timers.push(setTimeout(retrain, 60 * 1000).unref());
    timers.push(setInterval(retrain, retrainEvery * 60 * 1000).unref());
    // With an older key still configured (a rotation under way), re-seal what it sealed, once per start.
    if (secretKeys.size > 1) await queue.enqueue(rotateSecrets, {}).catch(() => {});
    // Fake-engagement detection looks at the last ten minutes; several workers asking is harmless.
    const detect = () => queue.enqueue(detectFakeEngagement, {}).catch(() => {});
    // Stories past their 24 hours move to their owners' archives (reads already hide them by the clock).
    const expire = () => queue.enqueue(expireStories, {}).catch(() => {});
    timers.push(setInterval(expire, 5 * 60 * 1000).unref());
    timers.push(setInterval(detect, 5 * 60 * 1000).unref());
    // Hashtags' top posts (their time decay moves), related tags and the trending list; cheap to repeat.
    const refreshTags = () => queue.enqueue(refreshHashtags, {}).catch(() => {});
    timers.push(setTimeout(refreshTags, 60 * 1000).unref(), setInterval(refreshTags, 10 * 60 * 1000).unref());
    // Explore's precomputed tables. The pools rebuild wholesale (several workers asking only costs a
    // repeat); similarity takes the likes since its last run, so running it often keeps each run small.
    // The first runs come shortly after start.
    const pools = () => queue.enqueue(rebuildExplorePools, {}).catch(() => {});
    const similarity = () => queue.enqueue(rebuildExploreSimilarity, {}).catch(() => {});
    timers.push(setTimeout(pools, 30 * 1000).unref(), setTimeout(similarity, 90 * 1000).unref());
    timers.push(setInterval(pools, 10 * 60 * 1000).unref());
    timers.push(setInterval(similarity, 10 * 60 * 1000).unref());
  }

  let http: FastifyInstance | null = null;
  if (config.role !== 'worker') {
    const rateLimit = createRateLimiter(cache, options.limits ?? { ...LIMITS, ...config.rateLimits }, {
      onFlushError: (error) =>
        logger.warn({ err: error }, 'rate limit counts not added to the shared counter'),
    });
    http = await createHttpServer({ config, logger, metrics, services, rateLimit });
    registerRoutes(http, {
      services,
      blobs,
      gate: createMediaGate({
        db,
        graph: services.graph,
        isModerator: async (userId) => (await services.moderation.roleOf(userId)) !== 'member',
        storyMedia: createStoryMediaRule({ db, graph: services.graph, clock }),
      }),
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
    registerCaptchaRoute(http, captcha);
    await registerWebApp(http);
  }

  return {
    config,
    platform,
    clock,
    services,
    metrics,
    http,
    async listen() {
      if (!http) return 'worker';
      const address = await http.listen({ port: config.port, host: config.host });
      listeningPort = Number(new URL(address).port) || config.port;
      return address;
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
      await mail.close();
    },
  };
}
