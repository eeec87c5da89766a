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

/**
 * The loaders of one request, each made when first used: a request uses a few of them (a typeahead
 * keystroke two). They are fields of one object whose getters live on the class, so a request that
 * uses none allocates one object, not a closure per loader.
 */
export function createLoaders(services: Services, viewerId: string | null): Loaders {
  return new RequestLoaders(services, viewerId);
}

/** Rows grouped by their post, in the order of `postIds` (an empty list for a post with none). */
function byPost<Row extends { post_id: string }>(postIds: readonly string[], rows: readonly Row[]): Row[][] {
  const grouped = new Map<string, Row[]>();
  for (const row of rows) {
    const list = grouped.get(row.post_id);
    if (list) list.push(row);
    else grouped.set(row.post_id, [row]);
  }
  return postIds.map((id) => grouped.get(id) ?? []);
}

/** A DataLoader that answers, per ID, whether it is in a set the viewer has (false when signed out). */
function viewerSet(
  viewerId: string | null,
  fetch: (viewer: string, ids: readonly string[]) => Promise<Set<string>>,
) {
  return new DataLoader<string, boolean>(async (ids) => {
    if (!viewerId) return ids.map(() => false);
    const set = await fetch(viewerId, ids);
    return ids.map((id) => set.has(id));
  });
}

const noMute = () => ({ posts: false, stories: false });

class RequestLoaders implements Loaders {
  #user?: Loaders['user'];
  #post?: Loaders['post'];
  #comment?: Loaders['comment'];
  #mediaOfPost?: Loaders['mediaOfPost'];
  #relationship?: Loaders['relationship'];
  #viewerPost?: Loaders['viewerPost'];
  #viewerLikedComment?: Loaders['viewerLikedComment'];
  #viewerFavorite?: Loaders['viewerFavorite'];
  #viewerRestricted?: Loaders['viewerRestricted'];
  #viewerMute?: Loaders['viewerMute'];
  #previewComments?: Loaders['previewComments'];
  #blocks?: Promise<BlockSets>;
  #viewerBlocks?: Loaders['viewerBlocks'];
  // The viewerPost loader's own cache, so viewerLikesComment can tell whose facts this request loads.
  #postFacts?: Map<string, Promise<ViewerPostFacts>>;

  constructor(
    private readonly services: Services,
    private readonly viewerId: string | null,
  ) {}

  get user() {
    const { accounts } = this.services;
    this.#user ??= new DataLoader((ids) => byId(accounts.byIds, ids));
    return this.#user;
  }

  get post() {
    const { posts } = this.services;
    this.#post ??= new DataLoader((ids) => byId(posts.byIds, ids));
    return this.#post;
  }

  get comment() {
    const { engagement } = this.services;
    this.#comment ??= new DataLoader((ids) => byId(engagement.commentsByIds, ids));
    return this.#comment;
  }

  get mediaOfPost() {
    const { posts } = this.services;
    this.#mediaOfPost ??= new DataLoader(async (ids) => byPost(ids, await posts.mediaOf(ids)));
    return this.#mediaOfPost;
  }

  get relationship() {
    const { graph } = this.services;
    const viewerId = this.viewerId;
    this.#relationship ??= new DataLoader(async (ids) => {
      if (!viewerId) return ids.map(() => NO_RELATIONSHIP);
      const others = ids.filter((id) => id !== viewerId);
      const map = await graph.relationships(viewerId, others);
      return ids.map((id) => map.get(id) ?? NO_RELATIONSHIP);
    });
    return this.#relationship;
  }

  get viewerBlocks() {
    this.#viewerBlocks ??= {
      load: () => {
        this.#blocks ??= this.viewerId
          ? this.services.graph.blocksOf(this.viewerId)
          : Promise.resolve(NO_BLOCKS);
        return this.#blocks;
      },
      clear: () => {
        this.#blocks = undefined;
      },
    };
    return this.#viewerBlocks;
  }

  get viewerPost() {
    const { engagement } = this.services;
    const viewerId = this.viewerId;
    this.#postFacts ??= new Map();
    this.#viewerPost ??= new DataLoader<string, ViewerPostFacts>(
      async (ids) => {
        const facts = await engagement.viewerFacts(viewerId, ids.filter(isId));
        return ids.map((id) => facts.get(id) ?? NO_FACTS);
      },
      { cacheMap: this.#postFacts },
    );
    return this.#viewerPost;
  }

  async viewerLikesComment(comment: Pick<CommentRow, 'id' | 'post_id'>): Promise<boolean> {
    if (!this.viewerId) return false;
    if (this.#postFacts?.has(comment.post_id)) {
      const facts = await this.viewerPost.load(comment.post_id);
      if (facts.previewCommentIds.includes(comment.id))
        return facts.likedPreviewCommentIds.includes(comment.id);
    }
    return this.viewerLikedComment.load(comment.id);
  }

  get viewerLikedComment() {
    this.#viewerLikedComment ??= viewerSet(this.viewerId, this.services.engagement.likedCommentsAmong);
    return this.#viewerLikedComment;
  }

  get viewerFavorite() {
    this.#viewerFavorite ??= viewerSet(this.viewerId, this.services.favorites.among);
    return this.#viewerFavorite;
  }

  get viewerRestricted() {
    this.#viewerRestricted ??= viewerSet(this.viewerId, this.services.safety.restrictedAmong);
    return this.#viewerRestricted;
  }

  get viewerMute() {
    const { safety } = this.services;
    const viewerId = this.viewerId;
    this.#viewerMute ??= new DataLoader(async (ids) => {
      if (!viewerId) return ids.map(noMute);
      const mutes = await safety.mutesAmong(viewerId, ids);
      return ids.map((id) => mutes.get(id) ?? noMute());
    });
    return this.#viewerMute;
  }

  get previewComments() {
    const { engagement } = this.services;
    this.#previewComments ??= new DataLoader(async (ids) =>
      byPost(ids, await engagement.previewComments(ids)),
    );
    return this.#previewComments;
  }
}
