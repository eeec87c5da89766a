import type { Relationship } from '../graph/service';

/**
 * The one place that decides who may see and do what. Every resolver, loader and job asks here;
 * functions are pure over rows already loaded, so a page applies them without extra queries.
 */

export interface OwnerFacts {
  id: string;
  is_private: boolean;
  /** A suspended account is gone for everyone else until a moderator lifts the suspension. */
  suspended_at?: Date | null;
}

export interface PostFacts {
  author_id: string;
  status: 'processing' | 'ready' | 'failed' | 'removed';
  archived_at: Date | null;
  comments_disabled: boolean;
}

/** A blocked user sees nothing of the blocker: to them the account does not exist. */
export function canSeeAccount(viewerId: string | null, owner: OwnerFacts, rel: Relationship): boolean {
  if (viewerId === owner.id) return true;
  return !rel.blockedBy && !owner.suspended_at;
}

/** Posts, media, likes, comments, followers and following of an account. */
export function canSeeContent(viewerId: string | null, owner: OwnerFacts, rel: Relationship): boolean {
  if (viewerId === owner.id) return true;
  if (rel.blockedBy || rel.blocking || owner.suspended_at) return false;
  return !owner.is_private || rel.following;
}

export function canSeePost(
  viewerId: string | null,
  post: PostFacts,
  author: OwnerFacts,
  rel: Relationship,
): boolean {
  // Removed by a moderator: gone for everyone, its author included (who sees a notice instead).
  if (post.status === 'removed') return false;
  if (viewerId === post.author_id) return true;
  if (post.status !== 'ready' || post.archived_at !== null) return false;
  return canSeeContent(viewerId, author, rel);
}

export function canComment(
  viewerId: string | null,
  post: PostFacts,
  author: OwnerFacts,
  rel: Relationship,
): boolean {
  return (
    viewerId !== null &&
    !post.comments_disabled &&
    canSeePost(viewerId, post, author, rel) &&
    post.status === 'ready'
  );
}

export function canLike(
  viewerId: string | null,
  post: PostFacts,
  author: OwnerFacts,
  rel: Relationship,
): boolean {
  return viewerId !== null && post.status === 'ready' && canSeePost(viewerId, post, author, rel);
}

export function canModifyPost(viewerId: string | null, post: PostFacts): boolean {
  return viewerId === post.author_id;
}

/** The author of a comment, or the author of the post it is on. */
export function canDeleteComment(
  viewerId: string | null,
  comment: { author_id: string },
  post: { author_id: string },
): boolean {
  return viewerId !== null && (viewerId === comment.author_id || viewerId === post.author_id);
}

/** Saved posts are private to their owner; so are follow requests and the account's email. */
export function isSelf(viewerId: string | null, userId: string): boolean {
  return viewerId !== null && viewerId === userId;
}

/**
 * Whether content made by an actor (a comment, a like) is shown to the viewer: never when either has
 * blocked the other, nor while the actor is suspended (their content disappears with them).
 */
export function canSeeActor(
  viewerId: string | null,
  actor: Pick<OwnerFacts, 'id' | 'suspended_at'>,
  rel: Relationship,
): boolean {
  if (viewerId === actor.id) return true;
  return !rel.blockedBy && !rel.blocking && !actor.suspended_at;
}

export interface StoryFacts {
  owner_id: string;
  audience: 'everyone' | 'close_friends';
  status: 'processing' | 'ready' | 'failed';
  expires_at: Date;
}

/**
 * Stories follow the account's content rule, narrowed to the owner's close friends when so posted, and
 * live for 24 hours by the application's clock; after that only the owner sees them, or everyone who
 * may see the story through a highlight (`inHighlight`), never in the tray.
 */
export function canSeeStory(
  viewerId: string | null,
  story: StoryFacts,
  owner: OwnerFacts,
  rel: Relationship,
  facts: { now: Date; closeFriend: boolean; inHighlight?: boolean },
): boolean {
  if (viewerId === story.owner_id) return true;
  if (story.status !== 'ready') return false;
  if (!facts.inHighlight && story.expires_at.getTime() <= facts.now.getTime()) return false;
  if (story.audience === 'close_friends' && !facts.closeFriend) return false;
  return canSeeContent(viewerId, owner, rel);
}
