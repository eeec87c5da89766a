import { deleteBlobs, fanoutPost, processPostMedia, renderAvatar, sweepUploads } from './jobs';
import type { createAvatars } from './modules/media/avatars';
import { createPostMediaProcessor } from './modules/media/processing';
import type { Platform } from './platform';
import type { Logger } from './platform/logger';
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
}): void {
  const { platform, services, metrics, logger, avatars, outbox } = deps;
  const { queue, db, blobs } = platform;
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
  queue.register(fanoutPost, ({ postId }) => services.feed.fanOut(postId));
  queue.register(renderAvatar, (payload) => avatars.render(payload));
  queue.register(deleteBlobs, async ({ keys }) => {
    await blobs.delete(keys);
    return 'done';
  });
  queue.register(sweepUploads, async ({ olderThanHours }) => {
    const removed = await services.uploads.sweep(olderThanHours);
    return removed.length > 0 ? 'done' : 'skipped';
  });
}
