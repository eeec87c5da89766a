import DataLoader from 'dataloader';
import { isId, notFound } from '../../errors';
import type { GraphQLContext } from '../../graphql/context';
import type { Loaders } from '../../graphql/loaders';
import { canSeeStory } from '../policy/policy';
import type { HighlightRow, StoryRow } from './rows';

/**
 * The stories module's per-request loaders (kept beside the request's shared loaders) and its read rule:
 * every story shown passes canSeeStory with the clock's time, so a page costs a constant number of queries.
 */
export interface StoryLoaders {
  story: DataLoader<string, StoryRow | null>;
  liveOf: DataLoader<string, StoryRow[]>;
  /** Whether the viewer is on this owner's close friends list. */
  viewerOnListOf: DataLoader<string, boolean>;
  /** Whether this user is on the viewer's close friends list. */
  onViewerList: DataLoader<string, boolean>;
  seen: DataLoader<string, boolean>;
  votes: DataLoader<string, { option: number | null; slider: number | null } | null>;
  tally: DataLoader<string, { counts: number[]; total: number } | null>;
  slider: DataLoader<string, { average: number; count: number } | null>;
  highlightsOf: DataLoader<string, HighlightRow[]>;
  inHighlight: DataLoader<string, boolean>;
}

const perRequest = new WeakMap<Loaders, StoryLoaders>();

export function storyLoaders(ctx: GraphQLContext): StoryLoaders {
  const known = perRequest.get(ctx.loaders);
  if (known) return known;
  const { stories, storyInteractions, highlights } = ctx.services;
  const viewerId = ctx.viewer?.userId ?? null;
  const group = <Row>(rows: Row[], key: (r: Row) => string, ids: readonly string[]) => {
    const map = new Map<string, Row[]>(ids.map((id) => [id, []]));
    for (const row of rows) map.get(key(row))?.push(row);
    return ids.map((id) => map.get(id) ?? []);
  };
  const forViewer = <V>(
    fetch: (viewer: string, ids: string[]) => Promise<Map<string, V> | Set<string>>,
    none: V,
  ) =>
    new DataLoader<string, V>(async (ids) => {
      if (!viewerId) return ids.map(() => none);
      const found = await fetch(viewerId, ids.filter(isId));
      return ids.map((id) => (found instanceof Set ? (found.has(id) as V) : (found.get(id) ?? none)));
    });
  const loaders: StoryLoaders = {
    story: new DataLoader(async (ids) => {
      const rows = new Map((await stories.byIds(ids)).map((r) => [r.id, r]));
      return ids.map((id) => rows.get(id) ?? null);
    }),
    liveOf: new DataLoader(async (ids) =>
      group(await stories.liveOf(ids.filter(isId)), (r) => r.owner_id, ids),
    ),
    viewerOnListOf: forViewer<boolean>((viewer, ids) => stories.closeFriendOwnersAmong(viewer, ids), false),
    onViewerList: forViewer<boolean>((viewer, ids) => stories.closeFriendsAmong(viewer, ids), false),
    seen: forViewer<boolean>((viewer, ids) => stories.seenAmong(viewer, ids), false),
    votes: forViewer((viewer, ids) => storyInteractions.votesOf(viewer, ids), null),
    tally: new DataLoader(async (ids) => {
      const found = await storyInteractions.pollTallies(ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
    slider: new DataLoader(async (ids) => {
      const found = await storyInteractions.sliderAverages(ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
    highlightsOf: new DataLoader(async (ids) =>
      group(await highlights.ofOwners(ids.filter(isId)), (r) => r.owner_id, ids),
    ),
    inHighlight: new DataLoader(async (ids) => {
      const found = await highlights.containing(ids);
      return ids.map((id) => found.has(id));
    }),
  };
  perRequest.set(ctx.loaders, loaders);
  return loaders;
}

/** Whether the viewer may see this story now (live), or through a highlight when `inHighlight`. */
export async function canViewStory(
  ctx: GraphQLContext,
  story: StoryRow,
  inHighlight = false,
): Promise<boolean> {
  const loaders = storyLoaders(ctx);
  const [owner, rel, closeFriend] = await Promise.all([
    ctx.loaders.user.load(story.owner_id),
    ctx.loaders.relationship.load(story.owner_id),
    loaders.viewerOnListOf.load(story.owner_id),
  ]);
  if (!owner) return false;
  return canSeeStory(ctx.viewer?.userId ?? null, story, owner, rel, {
    now: ctx.services.stories.now(),
    closeFriend,
    inHighlight,
  });
}

/** A live story the viewer may see (its owner sees it in any state, expired included), or null. */
export async function visibleStory(ctx: GraphQLContext, id: string): Promise<StoryRow | null> {
  if (!isId(id)) return null;
  const story = await storyLoaders(ctx).story.load(id);
  return story && (await canViewStory(ctx, story)) ? story : null;
}

/** A story others may act on: visible and live, for everyone including its owner. */
export async function requireLiveStory(ctx: GraphQLContext, id: string): Promise<StoryRow> {
  const story = await visibleStory(ctx, id);
  if (story?.status !== 'ready' || story.expires_at.getTime() <= ctx.services.stories.now().getTime())
    throw notFound('Story');
  return story;
}

/** The stories among `rows` the viewer may see, in order. */
export async function presentStories(
  ctx: GraphQLContext,
  rows: StoryRow[],
  inHighlight = false,
): Promise<StoryRow[]> {
  const kept = await Promise.all(rows.map((row) => canViewStory(ctx, row, inHighlight)));
  return rows.filter((_, i) => kept[i]);
}

/** The stories of a highlight the viewer may see (they stay after their 24 hours), oldest first. */
export async function highlightStories(ctx: GraphQLContext, highlight: HighlightRow): Promise<StoryRow[]> {
  const rows = (await storyLoaders(ctx).story.loadMany(highlight.story_ids)).filter(
    (r): r is StoryRow => !!r && !(r instanceof Error),
  );
  return presentStories(ctx, rows, true);
}
