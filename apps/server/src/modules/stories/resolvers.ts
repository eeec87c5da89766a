import { badInput, notFound } from '../../errors';
import { presentActors, requireUser, requireViewer, visibleUser } from '../../graphql/access';
import type { GraphQLContext } from '../../graphql/context';
import { pageArgs, toConnection } from '../../graphql/keyset';
import { createLoaders } from '../../graphql/loaders';
import { userConnection } from '../../graphql/present';
import { CHANNELS, mapEvents } from '../../graphql/realtime';
import type { Resolvers } from '../../graphql/resolvers.generated';
import { canSeeContent, isSelf } from '../policy/policy';
import { highlightStories, presentStories, requireLiveStory, storyLoaders, visibleStory } from './access';
import type { ResponseKind, StoryRow } from './rows';

const upper = <S extends string>(s: S) => s.toUpperCase() as Uppercase<S>;

/** A response (vote, answer, reaction, reply) to a live story the viewer may see; the story after it. */
async function respond(
  ctx: GraphQLContext,
  storyId: string,
  act: (story: StoryRow, viewerId: string) => Promise<void>,
) {
  const viewerId = requireViewer(ctx);
  const story = await requireLiveStory(ctx, storyId);
  // As on Instagram: stickers, reactions and replies are for the people watching, not the owner.
  if (story.owner_id === viewerId) throw badInput('storyId', "You can't respond to your own story");
  await act(story, viewerId);
  await ctx.services.realtime.publish(CHANNELS.story(story.id), { id: story.id });
  const loaders = storyLoaders(ctx);
  loaders.votes.clear(story.id);
  loaders.tally.clear(story.id);
  loaders.slider.clear(story.id);
  return story;
}

const respondWith = (kind: ResponseKind) => (ctx: GraphQLContext, storyId: string, body: string) =>
  respond(ctx, storyId, (story, viewerId) =>
    ctx.services.storyInteractions.respond(story, viewerId, kind, body),
  );

const isOwner = (ctx: GraphQLContext, story: StoryRow) => isSelf(ctx.viewer?.userId ?? null, story.owner_id);

export const storiesResolvers: Resolvers = {
  Query: {
    storyTray: async (_, __, ctx) => {
      const viewerId = requireViewer(ctx);
      const rows = await ctx.services.stories.tray(viewerId);
      const loaders = storyLoaders(ctx);
      const entries = await Promise.all(
        rows.map(async (row) => {
          const visible = await presentStories(ctx, await loaders.liveOf.load(row.owner_id));
          if (visible.length === 0) return null;
          const seen = await Promise.all(visible.map((s) => loaders.seen.load(s.id)));
          return {
            userId: row.owner_id,
            // The owner's own stories are never "unseen" by them; others by the viewer's seen state.
            hasUnseen: row.owner_id !== viewerId && seen.some((s) => !s),
            closeFriendsOnly: visible.some((s) => s.audience === 'close_friends'),
            stories: visible,
          };
        }),
      );
      // The skeleton's order (own first, unseen first, then affinity) holds after the rules drop entries.
      const kept = entries.filter((e) => e !== null);
      return [
        ...kept.filter((e) => e.userId === viewerId),
        ...kept.filter((e) => e.userId !== viewerId && e.hasUnseen),
        ...kept.filter((e) => e.userId !== viewerId && !e.hasUnseen),
      ];
    },
    story: (_, { id }, ctx) => visibleStory(ctx, id),
  },
  StoryTrayEntry: {
    user: async (e, _, ctx) => (await ctx.loaders.user.load(e.userId))!,
  },
  Story: {
    owner: async (s, _, ctx) => (await ctx.loaders.user.load(s.owner_id))!,
    audience: (s) => (s.audience === 'close_friends' ? 'CLOSE_FRIENDS' : 'EVERYONE'),
    closeFriendsOnly: (s) => s.audience === 'close_friends',
    status: (s) => upper(s.status),
    image: (s) =>
      s.status === 'ready' && s.width && s.height
        ? {
            width: s.width,
            height: s.height,
            thumbhash: s.thumbhash ?? '',
            dominantColor: s.dominant_color ?? '#000000',
            variants: s.variants,
          }
        : null,
    overlays: (s) => s.overlays.map((o, index) => ({ ...o, index })),
    createdAt: (s) => s.created_at,
    expiresAt: (s) => s.expires_at,
    expired: (s, _, ctx) => s.expires_at.getTime() <= ctx.services.stories.now().getTime(),
    viewerHasSeen: (s, _, ctx) => storyLoaders(ctx).seen.load(s.id),
    viewerIsOwner: (s, _, ctx) => isOwner(ctx, s),
    poll: (s) => (s.overlays.some((o) => o.kind === 'poll') ? { story: s } : null),
    slider: (s) => (s.overlays.some((o) => o.kind === 'slider') ? { story: s } : null),
    viewers: async (s, args, ctx) => {
      if (!isOwner(ctx, s)) return null;
      const page = pageArgs(args, 20);
      const rows = await ctx.services.stories.viewers(s.id, page);
      return toConnection(
        rows,
        page,
        (r) => r.id,
        async (kept) => {
          const users = await presentActors(
            ctx,
            kept.map((r) => r.viewer_id),
          );
          return kept.map((r, i) => (users[i] ? { node: users[i]!, seenAt: r.seen_at } : null));
        },
      ).then((c) => ({ ...c, edges: c.edges.map((e) => ({ cursor: e.cursor, ...e.node })) }));
    },
    responses: async (s, args, ctx) => {
      if (!isOwner(ctx, s)) return null;
      const page = pageArgs(args, 20);
      const rows = await ctx.services.storyInteractions.responses(
        s.id,
        args.kind.toLowerCase() as ResponseKind,
        page,
      );
      return toConnection(
        rows,
        page,
        (r) => r.id,
        async (kept) => {
          const users = await presentActors(
            ctx,
            kept.map((r) => r.user_id),
          );
          return kept.map((r, i) => (users[i] ? r : null));
        },
      );
    },
  },
  StoryOverlay: {
    kind: (o) => upper(o.kind),
    position: (o) => ({ x: o.x, y: o.y, scale: o.scale, rotation: o.rotation }),
    text: (o) => (o.kind === 'text' ? o.text : null),
    style: (o) => (o.kind === 'text' ? upper(o.style) : null),
    color: (o) => (o.kind === 'text' ? o.color : null),
    user: async (o, _, ctx) =>
      o.kind === 'mention' ? ((await visibleUser(ctx, o.userId))?.user ?? null) : null,
    hashtag: (o) => (o.kind === 'hashtag' ? o.hashtag : null),
    question: (o) => (o.kind === 'poll' || o.kind === 'slider' || o.kind === 'question' ? o.question : null),
    options: (o) => (o.kind === 'poll' ? o.options : null),
    emoji: (o) => (o.kind === 'slider' ? o.emoji : null),
  },
  StoryPollResults: {
    counts: async ({ story }, _, ctx) => {
      const loaders = storyLoaders(ctx);
      const [mine, tally] = await Promise.all([loaders.votes.load(story.id), loaders.tally.load(story.id)]);
      if (!isOwner(ctx, story) && mine?.option == null) return null;
      const options = story.overlays.find((o) => o.kind === 'poll');
      const n = options?.kind === 'poll' ? options.options.length : 0;
      return Array.from({ length: n }, (_, i) => tally?.counts[i] ?? 0);
    },
    total: async ({ story }, _, ctx) => {
      const loaders = storyLoaders(ctx);
      const [mine, tally] = await Promise.all([loaders.votes.load(story.id), loaders.tally.load(story.id)]);
      if (!isOwner(ctx, story) && mine?.option == null) return null;
      return tally?.total ?? 0;
    },
    viewerVote: async ({ story }, _, ctx) => (await storyLoaders(ctx).votes.load(story.id))?.option ?? null,
  },
  StorySliderResults: {
    average: async ({ story }, _, ctx) => {
      const loaders = storyLoaders(ctx);
      const [mine, avg] = await Promise.all([loaders.votes.load(story.id), loaders.slider.load(story.id)]);
      if (!isOwner(ctx, story) && mine?.slider == null) return null;
      return avg?.average ?? null;
    },
    responseCount: async ({ story }, _, ctx) => {
      const loaders = storyLoaders(ctx);
      const [mine, avg] = await Promise.all([loaders.votes.load(story.id), loaders.slider.load(story.id)]);
      if (!isOwner(ctx, story) && mine?.slider == null) return null;
      return avg?.count ?? 0;
    },
    viewerValue: async ({ story }, _, ctx) => (await storyLoaders(ctx).votes.load(story.id))?.slider ?? null,
  },
  StoryResponse: {
    kind: (r) => upper(r.kind),
    user: async (r, _, ctx) => (await ctx.loaders.user.load(r.user_id))!,
    text: (r) => r.body,
    createdAt: (r) => r.created_at,
  },
  Highlight: {
    owner: async (h, _, ctx) => (await ctx.loaders.user.load(h.owner_id))!,
    createdAt: (h) => h.created_at,
    stories: (h, _, ctx) => highlightStories(ctx, h),
    cover: async (h, _, ctx) => {
      // The chosen cover, or the first story the viewer may see when the cover is for close friends.
      const visible = (await highlightStories(ctx, h)).filter((s) => s.status === 'ready');
      const story = visible.find((s) => s.id === h.cover_story_id) ?? visible[0];
      if (!story?.width || !story.height) return null;
      return {
        width: story.width,
        height: story.height,
        thumbhash: story.thumbhash ?? '',
        dominantColor: story.dominant_color ?? '#000000',
        variants: story.variants,
      };
    },
  },
  User: {
    stories: async (u, _, ctx) => presentStories(ctx, await storyLoaders(ctx).liveOf.load(u.id)),
    highlights: async (u, _, ctx) => {
      const viewerId = ctx.viewer?.userId ?? null;
      const rel = await ctx.loaders.relationship.load(u.id);
      if (!canSeeContent(viewerId, u, rel)) return [];
      const loaders = storyLoaders(ctx);
      const rows = await loaders.highlightsOf.load(u.id);
      if (isSelf(viewerId, u.id)) return rows;
      // A highlight with no story the viewer may see (close friends only) is left out: its title would tell.
      const shown = await Promise.all(rows.map(async (h) => (await highlightStories(ctx, h)).length > 0));
      return rows.filter((_, i) => shown[i]);
    },
    viewerCloseFriend: (u, _, ctx) => storyLoaders(ctx).onViewerList.load(u.id),
  },
  Viewer: {
    closeFriends: async ({ userId }, args, ctx) => {
      const page = pageArgs(args, 20);
      const rows = await ctx.services.stories.closeFriendsOf(userId, page);
      return userConnection(
        ctx,
        rows,
        page,
        (r) => r.id,
        (r) => r.friend_id,
      );
    },
    storyArchive: async ({ userId }, args, ctx) => {
      const page = pageArgs(args, 20);
      const ids = await ctx.services.stories.archiveOf(userId, page);
      const loaders = storyLoaders(ctx);
      return toConnection(
        ids,
        page,
        (id) => id,
        (kept) =>
          loaders.story
            .loadMany(kept)
            .then((rows) =>
              rows.map((r) => (r && !(r instanceof Error) && r.owner_id === userId ? r : null)),
            ),
      );
    },
  },
  Subscription: {
    storyActivity: {
      // Started through realtime.start, so a refusal reaches the client with its extensions.code.
      subscribe: (_, { storyId }, ctx) =>
        ctx.services.realtime.start(async () => {
          const viewerId = requireViewer(ctx);
          if (!(await visibleStory(ctx, storyId))) throw notFound('Story');
          const events = await ctx.services.realtime.listen<{ id: string }>(CHANNELS.story(storyId));
          return mapEvents(events, async () => {
            // Each event is read afresh, and through the rules again: the story may have expired, been
            // deleted, or the viewer blocked since the subscription began.
            ctx.loaders = createLoaders(ctx.services, viewerId);
            const story = await visibleStory(ctx, storyId);
            if (!story) throw notFound('Story');
            return { storyActivity: story };
          });
        }),
    },
  },
  Mutation: {
    createStory: async (_, { input }, ctx) => {
      const viewerId = requireViewer(ctx);
      return ctx.services.stories.create(viewerId, {
        uploadId: input.uploadId,
        audience: input.audience === 'CLOSE_FRIENDS' ? 'close_friends' : 'everyone',
        overlays: input.overlays ?? [],
      });
    },
    deleteStory: async (_, { id }, ctx) => {
      const viewerId = requireViewer(ctx);
      const story = await visibleStory(ctx, id);
      if (!story) throw notFound('Story');
      await ctx.services.stories.delete(viewerId, id);
      return { deletedId: id };
    },
    markStoriesSeen: async (_, { ids }, ctx) => {
      const viewerId = requireViewer(ctx);
      const found = await Promise.all(ids.slice(0, 100).map((id) => visibleStory(ctx, id)));
      const visible = found.filter((s): s is StoryRow => s !== null && s.status === 'ready');
      const firstViews = await ctx.services.stories.markSeen(
        viewerId,
        visible.map((s) => s.id),
      );
      for (const id of firstViews) await ctx.services.realtime.publish(CHANNELS.story(id), { id });
      for (const s of visible) storyLoaders(ctx).seen.clear(s.id);
      return visible;
    },
    voteInStoryPoll: (_, { storyId, option }, ctx) =>
      respond(ctx, storyId, (story, viewerId) =>
        ctx.services.storyInteractions.vote(story, viewerId, option),
      ),
    slideStorySlider: (_, { storyId, value }, ctx) =>
      respond(ctx, storyId, (story, viewerId) =>
        ctx.services.storyInteractions.slide(story, viewerId, value),
      ),
    answerStoryQuestion: (_, { storyId, text }, ctx) => respondWith('answer')(ctx, storyId, text),
    reactToStory: (_, { storyId, emoji }, ctx) => respondWith('reaction')(ctx, storyId, emoji),
    replyToStory: (_, { storyId, text }, ctx) => respondWith('reply')(ctx, storyId, text),
    addCloseFriend: async (_, { userId }, ctx) => {
      const viewerId = requireViewer(ctx);
      const { user } = await requireUser(ctx, userId);
      await ctx.services.stories.addCloseFriend(viewerId, user.id);
      storyLoaders(ctx).onViewerList.clear(user.id);
      return user;
    },
    removeCloseFriend: async (_, { userId }, ctx) => {
      const viewerId = requireViewer(ctx);
      const { user } = await requireUser(ctx, userId);
      await ctx.services.stories.removeCloseFriend(viewerId, user.id);
      storyLoaders(ctx).onViewerList.clear(user.id);
      return user;
    },
    createHighlight: async (_, { input }, ctx) => ctx.services.highlights.create(requireViewer(ctx), input),
    updateHighlight: async (_, { input }, ctx) => ctx.services.highlights.edit(requireViewer(ctx), input),
    deleteHighlight: async (_, { id }, ctx) => {
      await ctx.services.highlights.delete(requireViewer(ctx), id);
      return { deletedId: id };
    },
  },
};
