import {
  deleteBlobs,
  detectFakeEngagement,
  expireStories,
  fanoutPost,
  notificationEvent,
  processPostMedia,
  processStoryMedia,
  rankExplore,
  rebuildExplorePools,
  rebuildExploreSimilarity,
  refreshHashtags,
  renderAvatar,
  rerenderPostMedia,
  rotateSecrets,
  sendMail,
  sweepUploads,
  trainRanking,
} from './jobs';
import type { createAvatars } from './modules/media/avatars';
import { createPostMediaProcessor, createPostMediaRerenderer } from './modules/media/processing';
import { detectFakeEngagement as detect } from './modules/moderation/fake-engagement';
import type { createNotificationEvents } from './modules/notifications/events';
import type { Platform } from './platform';
import type { Logger } from './platform/logger';
import type { Mail } from './platform/mail';
import type { Metrics } from './platform/metrics';
import type { Services } from './services';

/** Registers the one handler of every declared job. */
export function registerJobHandlers(deps: {
  platform: Platform;
  services: Services;
  metrics: Metrics;
  logger: Logger;
  avatars: ReturnType<typeof createAvatars>;
  outbox: { kick(): void };
  mail: Mail;
  notificationEvents: ReturnType<typeof createNotificationEvents>;
}): void {
  const { platform, services, metrics, logger, avatars, outbox, mail } = deps;
  const { queue, db, blobs } = platform;
  queue.register(notificationEvent, (event) => deps.notificationEvents.handle(event));
  queue.register(
    processPostMedia,
    createPostMediaProcessor({
      db,
      blobs,
      metrics,
      logger,
      outbox,
      invalidate: { posts: services.posts.invalidate, users: services.accounts.invalidate },
    }),
  );
  queue.register(
    rerenderPostMedia,
    createPostMediaRerenderer({
      db,
      blobs,
      metrics,
      logger,
      outbox,
      invalidate: { media: services.posts.invalidateMedia },
    }),
  );
  queue.register(processStoryMedia, ({ storyId }) => services.stories.process(storyId));
  queue.register(expireStories, async () => {
    const archived = await services.stories.archiveExpired();
    return archived.length > 0 ? 'done' : 'skipped';
  });
  queue.register(fanoutPost, ({ postId }) => services.feed.fanOut(postId));
  queue.register(refreshHashtags, async () => {
    const result = await services.hashtags.refresh();
    return result.activeTags > 0 || result.trending > 0 ? 'done' : 'skipped';
  });
  queue.register(renderAvatar, (payload) => avatars.render(payload));
  queue.register(deleteBlobs, async ({ keys }) => {
    await blobs.delete(keys);
    return 'done';
  });
  queue.register(trainRanking, async ({ minAgeMinutes }) => {
    const result = await services.ranking.train({ minAgeMinutes });
    return result.status === 'trained' ? 'done' : 'skipped';
  });
  queue.register(detectFakeEngagement, async () => {
    const found = await detect(db);
    await services.accounts.invalidate(found.changed.users);
    await services.posts.invalidate(found.changed.posts);
    if (found.flaggedAccounts > 0) {
      logger.warn({ ...found, changed: undefined }, 'fake engagement flagged');
    }
    return found.flaggedAccounts > 0 ? 'done' : 'skipped';
  });
  queue.register(rebuildExploreSimilarity, async () => {
    const run = await services.explore.updateSimilarity();
    // A backlog larger than one run's budget continues in the next job rather than holding a worker.
    if (run.more) await queue.enqueue(rebuildExploreSimilarity, {});
    return run.posts > 0 ? 'done' : 'skipped';
  });
  queue.register(rebuildExplorePools, async () => {
    const pools = await services.explore.rebuildPools();
    return pools.trending + pools.popular > 0 ? 'done' : 'skipped';
  });
  queue.register(rankExplore, async ({ viewerId }) =>
    (await services.explore.rankNext(viewerId)) > 0 ? 'done' : 'skipped',
  );
  queue.register(rotateSecrets, async () => {
    const resealed = await services.twoFactor.rotateSecrets();
    if (resealed > 0) logger.info({ resealed }, 'secrets re-sealed under the current key');
    return resealed > 0 ? 'done' : 'skipped';
  });
  queue.register(sendMail, async (message) => {
    await mail.send(message);
    return 'done';
  });
  queue.register(sweepUploads, async ({ olderThanHours }) => {
    const removed = await services.uploads.sweep(olderThanHours);
    return removed.length > 0 ? 'done' : 'skipped';
  });
}
