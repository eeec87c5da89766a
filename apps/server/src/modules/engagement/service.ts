import { badInput, notFound } from '../../errors';
import type { KeysetPage } from '../../graphql/keyset';
import type { Db } from '../../platform/db';
import { isForeignKeyViolation } from '../../platform/db/errors';
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
}

export const COMMENT_COLUMNS = 'id, post_id, author_id, parent_id, text, like_count, reply_count, created_at';

export interface Engagement {
  like(userId: string, postId: string): Promise<void>;
  unlike(userId: string, postId: string): Promise<void>;
  save(userId: string, postId: string): Promise<void>;
  unsave(userId: string, postId: string): Promise<void>;
  /** Which of these posts the user liked / saved (hydration). */
  likedAmong(userId: string, postIds: readonly string[]): Promise<Set<string>>;
  savedAmong(userId: string, postIds: readonly string[]): Promise<Set<string>>;
  likers(postId: string, page: KeysetPage): Promise<{ edgeId: string; userId: string }[]>;
  saved(userId: string, page: KeysetPage): Promise<{ edgeId: string; postId: string }[]>;

  addComment(authorId: string, postId: string, text: string, replyToId: string | null): Promise<CommentRow>;
  deleteComment(commentId: string): Promise<void>;
  commentsByIds(ids: readonly string[]): Promise<CommentRow[]>;
  /** Top-level comments of a post, oldest first. */
  commentsOf(postId: string, page: KeysetPage): Promise<CommentRow[]>;
  /** Replies to a comment, oldest first. */
  repliesOf(commentId: string, page: KeysetPage): Promise<CommentRow[]>;
  /** Per post, one liker to name ("liked by ana and 12 others"): someone the viewer follows when possible. */
  likePreviews(viewerId: string | null, postIds: readonly string[]): Promise<Map<string, string>>;
  /** Per post, its latest top-level comments (newest last), `perPost` at most. */
  previewComments(postIds: readonly string[], perPost: number): Promise<CommentRow[]>;
  likeComment(userId: string, commentId: string): Promise<void>;
  unlikeComment(userId: string, commentId: string): Promise<void>;
  likedCommentsAmong(userId: string, commentIds: readonly string[]): Promise<Set<string>>;
}

export function checkCommentText(raw: string): string {
  const text = cleanText(raw);
  const problem = textProblem(text, { label: 'Comment', max: COMMENT_MAX, min: 1 });
  if (problem) throw badInput('text', problem);
  return text;
}

export function createEngagement(
  db: Db,
  hooks: { postsChanged(ids: readonly string[]): Promise<void> },
): Engagement {
  const engagement = createEngagementStore(db);
  // Like and comment counts live on the post rows: invalidate the post after each change.
  const then =
    <Args extends unknown[]>(write: (...args: Args) => Promise<unknown>, postOf: (...args: Args) => string) =>
    async (...args: Args) => {
      await write(...args);
      await hooks.postsChanged([postOf(...args)]);
    };
  return {
    ...engagement,
    like: then(engagement.like, (_user, post) => post),
    unlike: then(engagement.unlike, (_user, post) => post),
    async addComment(authorId, postId, text, replyToId) {
      const comment = await engagement.addComment(authorId, postId, text, replyToId);
      await hooks.postsChanged([postId]);
      return comment;
    },
    async deleteComment(commentId) {
      const [comment] = await engagement.commentsByIds([commentId]);
      await engagement.deleteComment(commentId);
      if (comment) await hooks.postsChanged([comment.post_id]);
    },
  };
}

function createEngagementStore(db: Db): Engagement {
  const among = (sql: string) => async (userId: string, ids: readonly string[]) => {
    if (ids.length === 0) return new Set<string>();
    const rows = await db.query<{ id: string }>(sql, [userId, ids]);
    return new Set(rows.map((r) => r.id));
  };

  return {
    async like(userId, postId) {
      await db.query(
        `/* likePost */ with ins as (
           insert into likes (id, post_id, user_id) values (next_id(shard_of($2)), $1, $2)
           on conflict do nothing returning post_id
         ) update posts set like_count = like_count + 1 where id in (select post_id from ins)`,
        [postId, userId],
      );
    },
    async unlike(userId, postId) {
      await db.query(
        `/* unlikePost */ with del as (delete from likes where post_id = $1 and user_id = $2 returning post_id)
         update posts set like_count = like_count - 1 where id in (select post_id from del)`,
        [postId, userId],
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
    likedAmong: among(
      '/* viewerLikes */ select post_id::text as id from likes where user_id = $1 and post_id = any($2::bigint[])',
    ),
    savedAmong: among(
      '/* viewerSaves */ select post_id::text as id from saves where user_id = $1 and post_id = any($2::bigint[])',
    ),
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
      return db.transaction(async (tx) => {
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
        try {
          const [row] = await tx.query<CommentRow>(
            `/* addComment */ insert into comments (id, post_id, author_id, parent_id, text)
             values (next_id(shard_of($2)), $1, $2, $3, $4) returning ${COMMENT_COLUMNS}`,
            [postId, authorId, parentId, text],
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
          return row!;
        } catch (error) {
          if (isForeignKeyViolation(error)) throw notFound('Post');
          throw error;
        }
      });
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

    async likePreviews(viewerId, postIds) {
      if (postIds.length === 0) return new Map();
      // A followed liker is looked for among each post's latest 200 likes (newest first, on the likes
      // index, each checked against the follows key), so the cost is bounded whether the viewer follows
      // ten accounts or five thousand and whether the post has ten likes or a million.
      const rows = await db.query<{ post_id: string; user_id: string }>(
        `/* likePreviews */ select p.id::text as post_id, pick.user_id::text as user_id
         from unnest($2::bigint[]) as p(id)
         cross join lateral (
           (select recent.user_id from (
              select l.id, l.user_id from likes l where l.post_id = p.id order by l.id desc limit 200
            ) recent
            where $1::bigint is not null
              and exists (select 1 from follows f where f.follower_id = $1 and f.followee_id = recent.user_id)
            order by recent.id desc limit 1)
           union all
           (select l.user_id from likes l where l.post_id = p.id order by l.id desc limit 1)
           limit 1
         ) pick`,
        [viewerId, postIds],
      );
      return new Map(rows.map((r) => [r.post_id, r.user_id]));
    },

    async previewComments(postIds, perPost) {
      if (postIds.length === 0) return [];
      return db.query<CommentRow>(
        `/* previewComments */ select c.* from unnest($1::bigint[]) as p(id)
         cross join lateral (
           select ${COMMENT_COLUMNS} from comments
           where post_id = p.id and parent_id is null order by id desc limit $2
         ) c order by c.id`,
        [postIds, perPost],
      );
    },

    async likeComment(userId, commentId) {
      await db.query(
        `/* likeComment */ with ins as (
           insert into comment_likes (comment_id, user_id) values ($1, $2) on conflict do nothing returning comment_id
         ) update comments set like_count = like_count + 1 where id in (select comment_id from ins)`,
        [commentId, userId],
      );
    },
    async unlikeComment(userId, commentId) {
      await db.query(
        `/* unlikeComment */ with del as (
           delete from comment_likes where comment_id = $1 and user_id = $2 returning comment_id
         ) update comments set like_count = like_count - 1 where id in (select comment_id from del)`,
        [commentId, userId],
      );
    },
  };
}
