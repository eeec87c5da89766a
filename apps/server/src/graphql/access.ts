import { isId, notFound, unauthenticated } from '../errors';
import { type ActionName, limitAction as limitBoth } from '../http/rate-limit';
import type { UserRow } from '../modules/accounts/rows';
import type { CommentRow } from '../modules/engagement/service';
import { NO_RELATIONSHIP, type Relationship } from '../modules/graph/service';
import { canSeeAccount, canSeeActor, canSeeContent, canSeePost } from '../modules/policy/policy';
import type { PostRow } from '../modules/posts/rows';
import type { GraphQLContext } from './context';

/**
 * The read side of authorization for resolvers: load through the request's loaders, then ask the
 * policy. Invisible things are reported as absent (NOT_FOUND / null), never as "forbidden", so a
 * private or blocking account's content does not even reveal that it exists.
 */

/** Counts an action against the viewer's and the address's rate limits (RATE_LIMITED when over). */
export function limitAction(ctx: GraphQLContext, action: ActionName): Promise<void> {
  return limitBoth(ctx.rateLimit, action, { userId: ctx.viewer?.userId ?? null, ip: ctx.request.ip });
}

export function requireViewer(ctx: GraphQLContext): string {
  if (!ctx.viewer) throw unauthenticated();
  return ctx.viewer.userId;
}

export interface VisiblePost {
  post: PostRow;
  author: UserRow;
  rel: Relationship;
}

export async function visiblePost(ctx: GraphQLContext, id: string): Promise<VisiblePost | null> {
  if (!isId(id)) return null;
  const post = await ctx.loaders.post.load(id);
  if (!post) return null;
  const [author, rel] = await Promise.all([
    ctx.loaders.user.load(post.author_id),
    ctx.loaders.relationship.load(post.author_id),
  ]);
  if (!author || !canSeePost(ctx.viewer?.userId ?? null, post, author, rel)) return null;
  return { post, author, rel };
}

export async function requirePost(ctx: GraphQLContext, id: string): Promise<VisiblePost> {
  const found = await visiblePost(ctx, id);
  if (!found) throw notFound('Post');
  return found;
}

/** Posts in order, null where absent or invisible (the "rules" step of a feed-like read). */
export async function presentPosts(ctx: GraphQLContext, ids: readonly string[]): Promise<(PostRow | null)[]> {
  const found = await Promise.all(ids.map((id) => visiblePost(ctx, id)));
  return found.map((f) => f?.post ?? null);
}

export async function visibleUser(
  ctx: GraphQLContext,
  id: string,
): Promise<{ user: UserRow; rel: Relationship } | null> {
  if (!isId(id)) return null;
  const [user, rel] = await Promise.all([ctx.loaders.user.load(id), ctx.loaders.relationship.load(id)]);
  if (!user || !canSeeAccount(ctx.viewer?.userId ?? null, user, rel)) return null;
  return { user, rel };
}

export async function requireUser(
  ctx: GraphQLContext,
  id: string,
): Promise<{ user: UserRow; rel: Relationship }> {
  const found = await visibleUser(ctx, id);
  if (!found) throw notFound('User');
  return found;
}

/**
 * Users in order, null for those in a block relation with the viewer (lists of followers, likers).
 * Only blocks decide this, so it reads the viewer's block lists once per request instead of a
 * relationship per user: a feed page's likers and commenters cost no lookup of their own.
 */
export async function presentActors(
  ctx: GraphQLContext,
  ids: readonly string[],
): Promise<(UserRow | null)[]> {
  const viewerId = ctx.viewer?.userId ?? null;
  const [users, blocks] = await Promise.all([
    ctx.loaders.user.loadMany(ids),
    ctx.loaders.viewerBlocks.load(),
  ]);
  return ids.map((id, i) => {
    const user = users[i];
    if (!user || user instanceof Error) return null;
    // canSeeActor reads only the block flags of a relationship (and the actor's suspension).
    const rel = {
      ...NO_RELATIONSHIP,
      blocking: blocks.blocking.has(id),
      blockedBy: blocks.blockedBy.has(id),
    };
    return canSeeActor(viewerId, user, rel) ? user : null;
  });
}

/** Comments whose authors the viewer may see. */
export async function presentComments(
  ctx: GraphQLContext,
  rows: CommentRow[],
): Promise<(CommentRow | null)[]> {
  const authors = await presentActors(
    ctx,
    rows.map((r) => r.author_id),
  );
  // A comment held for approval (restricted author, hidden word) is seen only by its author and by the
  // post's author, who can approve it.
  const viewerId = ctx.viewer?.userId ?? null;
  const held = await Promise.all(
    rows.map(async (row) => {
      if (!row.hidden_reason || row.author_id === viewerId) return false;
      const post = await ctx.loaders.post.load(row.post_id);
      return post?.author_id !== viewerId;
    }),
  );
  return rows.map((row, i) => (authors[i] && !held[i] ? row : null));
}

/** A comment on a post the viewer may see, by an author not in a block relation with the viewer; null otherwise. */
export async function visibleComment(ctx: GraphQLContext, id: string): Promise<CommentRow | null> {
  if (!isId(id)) return null;
  const comment = await ctx.loaders.comment.load(id);
  if (!comment || !(await visiblePost(ctx, comment.post_id))) return null;
  const [shown] = await presentComments(ctx, [comment]);
  return shown ?? null;
}

/** Whether the viewer may see an account's posts, followers and following. */
export async function canSeeContentOf(ctx: GraphQLContext, user: UserRow): Promise<boolean> {
  const rel = await ctx.loaders.relationship.load(user.id);
  return canSeeContent(ctx.viewer?.userId ?? null, user, rel);
}
