import { badInput, forbidden, isId, notFound } from '../../errors';
import type { KeysetPage } from '../../graphql/keyset';
import { type Hydration, readThrough } from '../../platform/cache/read-through';
import type { Db, Queryable } from '../../platform/db';
import { isForeignKeyViolation } from '../../platform/db/errors';
import type { NotificationOutbox } from '../notifications/service';
import { cleanText, textProblem } from '../text/validate';

export const COMMENT_MAX = 2200;

export interface CommentRow {
  id: string;
  post_id: string;
  author_id: string;
  parent_id: string | null;
  text: string;
  like_count: number;
  reply_count: number;
  created_at: Date;
  /** Set while the comment waits for the post author's approval (restricted author, hidden word). */
  hidden_reason: 'restricted' | 'hidden_word' | null;
}

export const COMMENT_COLUMNS =
  'id, post_id, author_id, parent_id, text, like_count, reply_count, created_at, hidden_reason';

/** Decides, in the comment's transaction, whether a comment is refused, shown, or held for approval. */
export type CommentGateHook = (
  q: Queryable,
  postAuthorId: string,
  commenterId: string,
  text: string,
) => Promise<
  { allowed: false; reason: string } | { allowed: true; hiddenReason: 'restricted' | 'hidden_word' | null }
>;

/** How many of a post's latest top-level comments a feed card shows. */
export const PREVIEW_COMMENTS = 2;

/** The viewer's side of a post, read in one statement for a whole page. */
export interface ViewerPostFacts {
  liked: boolean;
  saved: boolean;
  /** One liker to name ("liked by ana and 12 others"): someone the viewer follows when possible. */
  likedBy: string | null;
  /** The post's latest top-level comments (the preview's), and those of them the viewer liked. */
  previewCommentIds: readonly string[];
  likedPreviewCommentIds: readonly string[];
}

export interface Engagement {
  like(userId: string, postId: string): Promise<void>;
  unlike(userId: string, postId: string): Promise<void>;
  save(userId: string, postId: string): Promise<void>;
  unsave(userId: string, postId: string): Promise<void>;
  /**
   * Whether the viewer liked and saved each post, whom to name as a liker, and which of its preview
   * comments the viewer liked (hydration; one statement for a page).
   */
  viewerFacts(viewerId: string | null, postIds: readonly string[]): Promise<Map<string, ViewerPostFacts>>;
  likers(postId: string, page: KeysetPage): Promise<{ edgeId: string; userId: string }[]>;
  saved(userId: string, page: KeysetPage): Promise<{ edgeId: string; postId: string }[]>;

  addComment(authorId: string, postId: string, text: string, replyToId: string | null): Promise<CommentRow>;
  deleteComment(commentId: string): Promise<void>;
  commentsByIds(ids: readonly string[]): Promise<CommentRow[]>;
  /** Top-level comments of a post, oldest first. */
  commentsOf(postId: string, page: KeysetPage): Promise<CommentRow[]>;
  /** Replies to a comment, oldest first. */
  repliesOf(commentId: string, page: KeysetPage): Promise<CommentRow[]>;
  /** Per post, its latest top-level comments (newest last), PREVIEW_COMMENTS at most. */
  previewComments(postIds: readonly string[]): Promise<CommentRow[]>;
  likeComment(userId: string, commentId: string): Promise<void>;
  unlikeComment(userId: string, commentId: string): Promise<void>;
  /** Drops cached comment previews of these posts (a comment became visible or hidden). */
  commentsChanged(postIds: readonly string[]): Promise<void>;
  likedCommentsAmong(userId: string, commentIds: readonly string[]): Promise<Set<string>>;
}

export function checkCommentText(raw: string): string {
  const text = cleanText(raw);
  const problem = textProblem(text, { label: 'Comment', max: COMMENT_MAX, min: 1 });
  if (problem) throw badInput('text', problem);
  return text;
}

/**
 * Preview comments hydrate through the cache: every write that changes a post's latest top-level
 * comments (or their counts) invalidates them; the TTL bounds what the counter reconciler moves.
 */
const PREVIEW_TTL_SECONDS = 120;

interface CommentPreview {
  id: string;
  comments: CommentRow[];
}

export function createEngagement(
  db: Db,
  hooks: {
    postsChanged(ids: readonly string[]): Promise<void>;
    gateComment?: CommentGateHook;
    /** Likes and visible comments add a notification event in their transaction. */
    notifications?: NotificationOutbox;
  },
  hydration: Hydration,
): Engagement {
  const engagement = createEngagementStore(db, hooks.gateComment, hooks.notifications);
  const previews = readThrough<CommentPreview>({
    ...hydration,
    namespace: 'comment-preview',
    ttlSeconds: PREVIEW_TTL_SECONDS,
    nearTtlSeconds: 10,
    dates: [],
    revive: (entry) => {
      for (const c of entry.comments) c.created_at = new Date(c.created_at);
      return entry;
    },
    async fetch(ids) {
      const byPost = new Map<string, CommentRow[]>(ids.map((id) => [id, []]));
      for (const row of await engagement.previewComments(ids)) byPost.get(row.post_id)?.push(row);
      return [...byPost].map(([id, comments]) => ({ id, comments }));
    },
  });
  const commentsChanged = (postIds: readonly string[]) => previews.invalidate(postIds);
  // Like and comment counts live on the post rows: invalidate the post after each change.
  const then =
    <Args extends unknown[]>(write: (...args: Args) => Promise<unknown>, postOf: (...args: Args) => string) =>
    async (...args: Args) => {
      await write(...args);
      await hooks.postsChanged([postOf(...args)]);
    };
  return {
    ...engagement,
    commentsChanged,
    like: then(engagement.like, (_user, post) => post),
    unlike: then(engagement.unlike, (_user, post) => post),
    async addComment(authorId, postId, text, replyToId) {
      const comment = await engagement.addComment(authorId, postId, text, replyToId);
      await hooks.postsChanged([postId]);
      await commentsChanged([postId]);
      return comment;
    },
    async deleteComment(commentId) {
      const [comment] = await engagement.commentsByIds([commentId]);
      await engagement.deleteComment(commentId);
      if (comment) {
        await hooks.postsChanged([comment.post_id]);
        await commentsChanged([comment.post_id]);
      }
    },
    // A comment's like count shows in its post's preview.
    async likeComment(userId, commentId) {
      const postId = await engagement.likeComment(userId, commentId);
      if (postId) await commentsChanged([postId]);
    },
    async unlikeComment(userId, commentId) {
      const postId = await engagement.unlikeComment(userId, commentId);
      if (postId) await commentsChanged([postId]);
    },
    async previewComments(postIds) {
      const valid = postIds.filter(isId);
      return (await previews.many(valid)).flatMap((entry) => entry.comments);
    },
  };
}

/** The statements behind Engagement; a comment like reports the post whose preview it changed, if any. */
type EngagementStore = Omit<Engagement, 'likeComment' | 'unlikeComment' | 'commentsChanged'> & {
  likeComment(userId: string, commentId: string): Promise<string | null>;
  unlikeComment(userId: string, commentId: string): Promise<string | null>;
};

function createEngagementStore(
  db: Db,
  gateComment?: CommentGateHook,
  notifications?: NotificationOutbox,
): EngagementStore {
  /** A like that changed something tells the notifications job, whose reading of the likes table decides. */
  const likeEvent = async (sql: string, userId: string, postId: string) => {
    if (!notifications) {
      await db.query(sql, [postId, userId]);
      return;
    }
    await db.transaction(async (tx) => {
      const changed = await tx.query(`${sql} returning id`, [postId, userId]);
      if (changed.length > 0)
        await notifications.inTx(tx, { kind: 'LIKE', actorId: userId, subjectId: postId });
    });
    notifications.kick();
  };
  const among = (sql: string) => async (userId: string, ids: readonly string[]) => {
    if (ids.length === 0) return new Set<string>();
    const rows = await db.query<{ id: string }>(sql, [userId, ids]);
    return new Set(rows.map((r) => r.id));
  };

  return {
    async like(userId, postId) {
      await likeEvent(
        `/* likePost */ with ins as (
           insert into likes (id, post_id, user_id) values (next_id(shard_of($2)), $1, $2)
           on conflict do nothing returning post_id
         ) update posts set like_count = like_count + 1 where id in (select post_id from ins)`,
        userId,
        postId,
      );
    },
    async unlike(userId, postId) {
      await likeEvent(
        `/* unlikePost */ with del as (delete from likes where post_id = $1 and user_id = $2 returning post_id)
         update posts set like_count = like_count - 1 where id in (select post_id from del)`,
        userId,
        postId,
      );
    },
    async save(userId, postId) {
      await db.query(
        `/* savePost */ insert into saves (id, user_id, post_id) values (next_id(shard_of($1)), $1, $2)
         on conflict do nothing`,
        [userId, postId],
      );
    },
    async unsave(userId, postId) {
      await db.query('/* unsavePost */ delete from saves where user_id = $1 and post_id = $2', [
        userId,
        postId,
      ]);
    },
    likedCommentsAmong: among(
      `/* viewerCommentLikes */ select comment_id::text as id from comment_likes
       where user_id = $1 and comment_id = any($2::bigint[])`,
    ),
    likers: (postId, page) =>
      db.query(
        `/* likersOf */ select id as "edgeId", user_id as "userId" from likes
         where post_id = $1 and ($2::bigint is null or id < $2) order by id desc limit $3`,
        [postId, page.after, page.limit],
      ),
    saved: (userId, page) =>
      db.query(
        `/* savedPosts */ select id as "edgeId", post_id as "postId" from saves
         where user_id = $1 and ($2::bigint is null or id < $2) order by id desc limit $3`,
        [userId, page.after, page.limit],
      ),

    async addComment(authorId, postId, raw, replyToId) {
      const text = checkCommentText(raw);
      const comment = await db.transaction(async (tx) => {
        let parentId: string | null = null;
        if (replyToId) {
          const [parent] = await tx.query<{ id: string; post_id: string; parent_id: string | null }>(
            '/* replyTarget */ select id, post_id, parent_id from comments where id = $1',
            [replyToId],
          );
          if (!parent || parent.post_id !== postId)
            throw badInput('replyToId', 'The comment you replied to is gone');
          // One level of replies, as on Instagram: a reply to a reply joins the same thread.
          parentId = parent.parent_id ?? parent.id;
        }
        let hiddenReason: 'restricted' | 'hidden_word' | null = null;
        if (gateComment) {
          const [post] = await tx.query<{ author_id: string }>(
            '/* commentedPostAuthor */ select author_id::text from posts where id = $1',
            [postId],
          );
          if (!post) throw notFound('Post');
          const gate = await gateComment(tx, post.author_id, authorId, text);
          if (!gate.allowed) throw forbidden(gate.reason);
          hiddenReason = gate.hiddenReason;
        }
        try {
          const [row] = await tx.query<CommentRow>(
            `/* addComment */ insert into comments (id, post_id, author_id, parent_id, text, hidden_reason)
             values (next_id(shard_of($2)), $1, $2, $3, $4, $5) returning ${COMMENT_COLUMNS}`,
            [postId, authorId, parentId, text, hiddenReason],
          );
          await tx.query(
            '/* countComment */ update posts set comment_count = comment_count + 1 where id = $1',
            [postId],
          );
          if (parentId) {
            await tx.query(
              '/* countReply */ update comments set reply_count = reply_count + 1 where id = $1',
              [parentId],
            );
          }
          // A held comment notifies nobody until its approval sends the event.
          if (notifications && !hiddenReason)
            await notifications.inTx(tx, { kind: 'COMMENT', actorId: authorId, subjectId: row!.id });
          return row!;
        } catch (error) {
          if (isForeignKeyViolation(error)) throw notFound('Post');
          throw error;
        }
      });
      notifications?.kick();
      return comment;
    },

    async deleteComment(commentId) {
      await db.transaction(async (tx) => {
        const [gone] = await tx.query<{ post_id: string; parent_id: string | null; reply_count: number }>(
          '/* deleteComment */ delete from comments where id = $1 returning post_id, parent_id, reply_count',
          [commentId],
        );
        if (!gone) throw notFound('Comment');
        // Its replies went with it (cascade): the post's count drops by all of them.
        await tx.query(
          '/* uncountComment */ update posts set comment_count = comment_count - $2 where id = $1',
          [gone.post_id, 1 + gone.reply_count],
        );
        if (gone.parent_id) {
          await tx.query(
            '/* uncountReply */ update comments set reply_count = reply_count - 1 where id = $1',
            [gone.parent_id],
          );
        }
      });
    },

    async commentsByIds(ids) {
      if (ids.length === 0) return [];
      return db.query<CommentRow>(
        `/* commentsByIds */ select ${COMMENT_COLUMNS} from comments where id = any($1::bigint[])`,
        [ids],
      );
    },
    commentsOf: (postId, page) =>
      db.query<CommentRow>(
        `/* commentsOfPost */ select ${COMMENT_COLUMNS} from comments
         where post_id = $1 and parent_id is null and ($2::bigint is null or id > $2) order by id limit $3`,
        [postId, page.after, page.limit],
      ),
    repliesOf: (commentId, page) =>
      db.query<CommentRow>(
        `/* repliesOf */ select ${COMMENT_COLUMNS} from comments
         where parent_id = $1 and ($2::bigint is null or id > $2) order by id limit $3`,
        [commentId, page.after, page.limit],
      ),

    async viewerFacts(viewerId, postIds) {
      if (postIds.length === 0) return new Map();
      // The liker to name is looked for among each post's latest 200 likes (newest first, on the likes
      // index, each checked against the follows key), so the cost is bounded whether the viewer follows
      // ten accounts or five thousand and whether the post has ten likes or a million. Every check is a
      // scalar subquery or a LIMIT 1 lateral: as EXISTS, the generic plan PostgreSQL adopts for a
      // prepared statement would hash or merge-join the viewer's whole follow (or like) list instead.
      const rows = await db.query<{
        post_id: string;
        liked: boolean;
        saved: boolean;
        liked_by: string | null;
        preview_comments: string[] | null;
        liked_comments: string[] | null;
      }>(
        `/* viewerPostFacts */ select p.id::text as post_id,
           coalesce((select true from likes l where l.post_id = p.id and l.user_id = $1), false) as liked,
           coalesce((select true from saves s where s.user_id = $1 and s.post_id = p.id), false) as saved,
           pick.user_id::text as liked_by, previews.ids as preview_comments, previews.liked as liked_comments
         from unnest($2::bigint[]) as p(id)
         left join lateral (
           (select recent.user_id from (
              select l.id, l.user_id from likes l where l.post_id = p.id order by l.id desc limit 200
            ) recent
            cross join lateral (
              select 1 from follows f where f.follower_id = $1 and f.followee_id = recent.user_id limit 1
            ) followed
            order by recent.id desc limit 1)
           union all
           (select l.user_id from likes l where l.post_id = p.id order by l.id desc limit 1)
           limit 1
         ) pick on true
         left join lateral (
           select array_agg(c.id::text) as ids,
             array_agg(c.id::text) filter (
               where (select true from comment_likes cl where cl.comment_id = c.id and cl.user_id = $1)
             ) as liked
           from (
             select id from comments where post_id = p.id and parent_id is null order by id desc limit $3
           ) c
         ) previews on true`,
        [viewerId, postIds, PREVIEW_COMMENTS],
      );
      return new Map(
        rows.map((r) => [
          r.post_id,
          {
            liked: r.liked,
            saved: r.saved,
            likedBy: r.liked_by,
            previewCommentIds: r.preview_comments ?? [],
            likedPreviewCommentIds: r.liked_comments ?? [],
          },
        ]),
      );
    },

    async previewComments(postIds) {
      if (postIds.length === 0) return [];
      return db.query<CommentRow>(
        `/* previewComments */ select c.* from unnest($1::bigint[]) as p(id)
         cross join lateral (
           select ${COMMENT_COLUMNS} from comments
           where post_id = p.id and parent_id is null and hidden_reason is null order by id desc limit $2
         ) c order by c.id`,
        [postIds, PREVIEW_COMMENTS],
      );
    },

    async likeComment(userId, commentId) {
      const [row] = await db.query<{ post_id: string }>(
        `/* likeComment */ with ins as (
           insert into comment_likes (comment_id, user_id) values ($1, $2) on conflict do nothing returning comment_id
         ) update comments set like_count = like_count + 1 where id in (select comment_id from ins)
         returning post_id`,
        [commentId, userId],
      );
      return row?.post_id ?? null;
    },
    async unlikeComment(userId, commentId) {
      const [row] = await db.query<{ post_id: string }>(
        `/* unlikeComment */ with del as (
           delete from comment_likes where comment_id = $1 and user_id = $2 returning comment_id
         ) update comments set like_count = like_count - 1 where id in (select comment_id from del)
         returning post_id`,
        [commentId, userId],
      );
      return row?.post_id ?? null;
    },
  };
}
