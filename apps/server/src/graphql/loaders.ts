import DataLoader from 'dataloader';
import { isId } from '../errors';
import type { UserRow } from '../modules/accounts/rows';
import type { CommentRow } from '../modules/engagement/service';
import { NO_RELATIONSHIP, type Relationship } from '../modules/graph/service';
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
  viewerLiked: DataLoader<string, boolean>;
  viewerSaved: DataLoader<string, boolean>;
  viewerLikedComment: DataLoader<string, boolean>;
  viewerFavorite: DataLoader<string, boolean>;
  likePreview: DataLoader<string, string | null>;
  previewComments: DataLoader<string, CommentRow[]>;
}

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
    viewerLiked: viewerSet(engagement.likedAmong),
    viewerSaved: viewerSet(engagement.savedAmong),
    viewerLikedComment: viewerSet(engagement.likedCommentsAmong),
    viewerFavorite: viewerSet(services.favorites.among),
    likePreview: new DataLoader(async (ids) => {
      const map = await engagement.likePreviews(viewerId, ids);
      return ids.map((id) => map.get(id) ?? null);
    }),
    previewComments: new DataLoader(async (ids) => {
      const grouped = new Map<string, CommentRow[]>();
      for (const row of await engagement.previewComments(ids, 2)) {
        grouped.set(row.post_id, [...(grouped.get(row.post_id) ?? []), row]);
      }
      return ids.map((id) => grouped.get(id) ?? []);
    }),
  };
}
