import DataLoader from 'dataloader';
import { isId } from '../errors';
import type { UserRow } from '../modules/accounts/rows';
import type { CommentRow, ViewerPostFacts } from '../modules/engagement/service';
import { type BlockSets, NO_BLOCKS, NO_RELATIONSHIP, type Relationship } from '../modules/graph/service';
import type { MediaRow, PostRow } from '../modules/posts/rows';
import type { Services } from '../services';

/**
 * Per-request batching: every lookup a page makes of one kind becomes one statement, so a feed page
 * costs the same number of queries whether it has 5 posts or 50.
 */
export interface Loaders {
  user: DataLoader<string, UserRow | null>;
  post: DataLoader<string, PostRow | null>;
  comment: DataLoader<string, CommentRow | null>;
  mediaOfPost: DataLoader<string, MediaRow[]>;
  /** The viewer's relationship to a user (no query for anonymous viewers). */
  relationship: DataLoader<string, Relationship>;
  /**
   * Whom the viewer blocks and is blocked by: enough to show or hide likers and commenters without a
   * relationship lookup per person (one cached read per request, none for anonymous viewers).
   */
  viewerBlocks: { load(): Promise<BlockSets>; clear(): void };
  /** Liked, saved, the liker to name and the preview comments liked, in one statement for the page's posts. */
  viewerPost: DataLoader<string, ViewerPostFacts>;
  /**
   * Whether the viewer liked a comment: answered by its post's facts when this request loads them and
   * the comment is in its preview (a feed card's comments cost no statement of their own), else batched.
   */
  viewerLikesComment(comment: Pick<CommentRow, 'id' | 'post_id'>): Promise<boolean>;
  viewerLikedComment: DataLoader<string, boolean>;
  viewerFavorite: DataLoader<string, boolean>;
  viewerRestricted: DataLoader<string, boolean>;
  viewerMute: DataLoader<string, { posts: boolean; stories: boolean }>;
  previewComments: DataLoader<string, CommentRow[]>;
}

const NO_FACTS: ViewerPostFacts = Object.freeze({
  liked: false,
  saved: false,
  likedBy: null,
  previewCommentIds: [],
  likedPreviewCommentIds: [],
});

/** Fetches rows for the well-formed IDs only; a malformed ID simply finds nothing. */
async function byId<Row extends { id: string }>(
  fetch: (ids: string[]) => Promise<Row[]>,
  ids: readonly string[],
): Promise<(Row | null)[]> {
  const valid = ids.filter(isId);
  const rows = valid.length > 0 ? await fetch(valid) : [];
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
}

export function createLoaders(services: Services, viewerId: string | null): Loaders {
  const { accounts, posts, engagement, graph } = services;
  const viewerSet = (fetch: (viewer: string, ids: readonly string[]) => Promise<Set<string>>) =>
    new DataLoader<string, boolean>(async (ids) => {
      if (!viewerId) return ids.map(() => false);
      const set = await fetch(viewerId, ids);
      return ids.map((id) => set.has(id));
    });

  let blocks: Promise<BlockSets> | undefined;
  // The viewerPost loader's own cache, so viewerLikesComment can tell whose facts this request loads.
  const postFacts = new Map<string, Promise<ViewerPostFacts>>();
  const viewerPost = new DataLoader<string, ViewerPostFacts>(
    async (ids) => {
      const facts = await engagement.viewerFacts(viewerId, ids.filter(isId));
      return ids.map((id) => facts.get(id) ?? NO_FACTS);
    },
    { cacheMap: postFacts },
  );
  const viewerLikedComment = viewerSet(engagement.likedCommentsAmong);

  return {
    user: new DataLoader((ids) => byId(accounts.byIds, ids)),
    post: new DataLoader((ids) => byId(posts.byIds, ids)),
    comment: new DataLoader((ids) => byId(engagement.commentsByIds, ids)),
    mediaOfPost: new DataLoader(async (ids) => {
      const grouped = new Map<string, MediaRow[]>();
      for (const row of await posts.mediaOf(ids)) {
        const list = grouped.get(row.post_id) ?? [];
        list.push(row);
        grouped.set(row.post_id, list);
      }
      return ids.map((id) => grouped.get(id) ?? []);
    }),
    relationship: new DataLoader(async (ids) => {
      if (!viewerId) return ids.map(() => NO_RELATIONSHIP);
      const others = ids.filter((id) => id !== viewerId);
      const map = await graph.relationships(viewerId, others);
      return ids.map((id) => map.get(id) ?? NO_RELATIONSHIP);
    }),
    viewerBlocks: {
      load() {
        blocks ??= viewerId ? graph.blocksOf(viewerId) : Promise.resolve(NO_BLOCKS);
        return blocks;
      },
      clear() {
        blocks = undefined;
      },
    },
    viewerPost,
    async viewerLikesComment(comment) {
      if (!viewerId) return false;
      if (postFacts.has(comment.post_id)) {
        const facts = await viewerPost.load(comment.post_id);
        if (facts.previewCommentIds.includes(comment.id))
          return facts.likedPreviewCommentIds.includes(comment.id);
      }
      return viewerLikedComment.load(comment.id);
    },
    viewerLikedComment,
    viewerFavorite: viewerSet(services.favorites.among),
    viewerRestricted: viewerSet(services.safety.restrictedAmong),
    viewerMute: new DataLoader(async (ids) => {
      if (!viewerId) return ids.map(() => ({ posts: false, stories: false }));
      const mutes = await services.safety.mutesAmong(viewerId, ids);
      return ids.map((id) => mutes.get(id) ?? { posts: false, stories: false });
    }),
    previewComments: new DataLoader(async (ids) => {
      const grouped = new Map<string, CommentRow[]>();
      for (const row of await engagement.previewComments(ids)) {
        const list = grouped.get(row.post_id);
        if (list) list.push(row);
        else grouped.set(row.post_id, [row]);
      }
      return ids.map((id) => grouped.get(id) ?? []);
    }),
  };
}
