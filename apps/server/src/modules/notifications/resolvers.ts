import { presentActors, requireViewer, visibleComment, visiblePost } from '../../graphql/access';
import type { GraphQLContext } from '../../graphql/context';
import { pageArgs, toConnection } from '../../graphql/keyset';
import { createLoaders } from '../../graphql/loaders';
import { CHANNELS, mapEvents } from '../../graphql/realtime';
import type { Resolvers } from '../../graphql/resolvers.generated';
import type { UserRow } from '../accounts/rows';
import type { NotificationParent } from './rows';
import type { NotificationRow } from './service';

const SHOWN_ACTORS = 3;

/**
 * The rules step of the activity list: actors the viewer may not see are dropped (an entry with none
 * left is dropped), and so is an entry whose post or comment the viewer can no longer see. Every lookup
 * goes through the request's loaders, so a page costs a constant number of statements.
 */
async function presentNotifications(
  ctx: GraphQLContext,
  rows: readonly NotificationRow[],
): Promise<(NotificationParent | null)[]> {
  const [actors, posts, comments] = await Promise.all([
    Promise.all(rows.map((r) => presentActors(ctx, r.actor_ids))),
    Promise.all(rows.map((r) => (r.post_id ? visiblePost(ctx, r.post_id) : null))),
    Promise.all(rows.map((r) => (r.comment_id ? visibleComment(ctx, r.comment_id) : null))),
  ]);
  return rows.map((row, i) => {
    const shown = (actors[i] ?? []).filter((u): u is UserRow => u !== null).slice(0, SHOWN_ACTORS);
    if (shown.length === 0) return null;
    if (row.post_id && !posts[i]) return null;
    if (row.comment_id && !comments[i]) return null;
    return { row, actors: shown };
  });
}

export const notificationsResolvers: Resolvers = {
  Notification: {
    id: (n) => n.row.id,
    kind: (n) => n.row.kind,
    createdAt: (n) => n.row.updated_at,
    read: (n) => n.row.read_at !== null,
    actors: (n) => n.actors,
    actorCount: (n) => n.row.actor_count,
    post: async (n, _, ctx) =>
      n.row.post_id ? ((await visiblePost(ctx, n.row.post_id))?.post ?? null) : null,
    comment: (n, _, ctx) => (n.row.comment_id ? visibleComment(ctx, n.row.comment_id) : null),
    subjectId: (n) => n.row.subject_id,
  },
  Viewer: {
    notifications: async ({ userId }, args, ctx) => {
      const page = pageArgs(args, 20);
      const rows = await ctx.services.notifications.page(userId, page);
      return toConnection(
        rows,
        page,
        (r) => r.activity_id,
        (kept) => presentNotifications(ctx, kept),
      );
    },
    unreadNotificationCount: ({ userId }, _, ctx) => ctx.services.notifications.unreadCount(userId),
    notificationPreferences: ({ userId }, _, ctx) => ctx.services.notifications.preferences(userId),
  },
  Mutation: {
    markNotificationsRead: (_, { upTo }, ctx) =>
      ctx.services.notifications.markRead(requireViewer(ctx), upTo ?? null),
    updateNotificationPreferences: (_, { input }, ctx) =>
      ctx.services.notifications.updatePreferences(requireViewer(ctx), input),
  },
  Subscription: {
    notificationReceived: {
      subscribe: (_, __, ctx) =>
        ctx.services.realtime.start(async () => {
          const viewerId = requireViewer(ctx);
          const channel = CHANNELS.notifications(viewerId);
          const events = await ctx.services.realtime.listen<{ id: string }>(channel);
          return mapEvents(events, async ({ id }) => {
            // A subscription lives long: each event is read afresh, not from the last one's loaders.
            ctx.loaders = createLoaders(ctx.services, viewerId);
            const rows = await ctx.services.notifications.byIds(viewerId, [id]);
            const [shown] = await presentNotifications(ctx, rows);
            return shown ? { notificationReceived: shown } : null;
          });
        }),
    },
    unreadNotificationCount: {
      subscribe: (_, __, ctx) =>
        ctx.services.realtime.start(async () => {
          const viewerId = requireViewer(ctx);
          const events = await ctx.services.realtime.listen<{ count: number }>(
            CHANNELS.unreadNotifications(viewerId),
          );
          return mapEvents(events, async ({ count }) => ({ unreadNotificationCount: count }));
        }),
    },
  },
};
