import { z } from 'zod';
import { defineJob, type JobDefinition } from './platform/queue/port';

/**
 * Every job Glimpse runs, declared once with its payload schema. Start-up refuses to consume when
 * one of these has no handler.
 */
const id = z.string().regex(/^[0-9]{1,19}$/);
const crop = z.object({
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
  width: z.number().gt(0).max(1),
  height: z.number().gt(0).max(1),
});

export const processPostMedia = defineJob('media.process-post', z.object({ postId: id }));
/**
 * A re-edit of a published photo: renders its pending recipe into `mediaKey`, then swaps it in (only if
 * that is still the photo's pending edit) and deletes the previous render's files.
 */
export const rerenderPostMedia = defineJob(
  'media.rerender-post-media',
  z.object({ postId: id, mediaId: id, mediaKey: z.string().regex(/^[0-9a-f]{32}$/) }),
);
export const renderAvatar = defineJob(
  'media.render-avatar',
  z.object({ userId: id, uploadId: id, crop: crop.nullable() }),
);
export const deleteBlobs = defineJob(
  'blobs.delete',
  z.object({ keys: z.array(z.string().min(1)).min(1).max(1000) }),
);
export const fanoutPost = defineJob('feed.fanout', z.object({ postId: id }));
export const trainRanking = defineJob(
  'ranking.train',
  z.object({ minAgeMinutes: z.number().int().min(0).max(10_080) }),
);
export const detectFakeEngagement = defineJob('moderation.detect-fake-engagement', z.object({}));
/** Explore's precomputation: post-to-post similarity from co-likes, and the trending and popular pools. */
export const rebuildExploreSimilarity = defineJob('explore.similarity', z.object({}));
export const rebuildExplorePools = defineJob('explore.pools', z.object({}));
/** Ranks a person's next Explore grid, after they were shown the one ranked before (issue 7). */
export const rankExplore = defineJob('explore.rank', z.object({ viewerId: id }));
export const sendMail = defineJob(
  'mail.send',
  z.object({
    to: z.string().email(),
    subject: z.string().min(1).max(200),
    text: z.string().min(1).max(20_000),
  }),
);
export const rotateSecrets = defineJob('security.rotate-secrets', z.object({}));
export const processStoryMedia = defineJob('media.process-story', z.object({ storyId: id }));
export const expireStories = defineJob('stories.expire', z.object({}));
/** Recomputes hashtags' top posts and related tags, and the trending list. */
export const refreshHashtags = defineJob('hashtags.refresh', z.object({}));
export const sweepUploads = defineJob('uploads.sweep', z.object({ olderThanHours: z.number().int().min(1) }));
/**
 * Something that may notify someone happened (or was undone): the handler reads the current state and
 * brings the recipient's notifications in line with it, so redelivery and reordering are harmless.
 */
export const notificationEvent = defineJob(
  'notifications.event',
  z.object({
    kind: z.enum([
      'LIKE',
      'COMMENT',
      'MENTION',
      'FOLLOW',
      'FOLLOW_REQUEST',
      'FOLLOW_ACCEPTED',
      'STORY_MENTION',
      'STORY_REPLY',
      'STORY_REACTION',
    ]),
    actorId: id,
    /** The post (LIKE, MENTION in a caption), the comment (COMMENT: comment, reply, mentions) or the story's. */
    subjectId: id,
    /** Required for follows and stories; derived from the subject otherwise. */
    recipientId: id.optional(),
    /** Story kinds only: false takes the actor's notification back. */
    present: z.boolean().optional(),
  }),
);

export const ALL_JOBS: readonly JobDefinition<unknown>[] = [
  processPostMedia,
  rerenderPostMedia,
  processStoryMedia,
  expireStories,
  fanoutPost,
  renderAvatar,
  deleteBlobs,
  sweepUploads,
  trainRanking,
  detectFakeEngagement,
  rebuildExploreSimilarity,
  rebuildExplorePools,
  rankExplore,
  sendMail,
  rotateSecrets,
  notificationEvent,
  refreshHashtags,
] as readonly JobDefinition<unknown>[];
