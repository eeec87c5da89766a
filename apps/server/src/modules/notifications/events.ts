import { CHANNELS, type Realtime } from '../../graphql/realtime';
import type { Cache } from '../../platform/cache/port';
import type { Db, Queryable } from '../../platform/db';
import type { JobStatus } from '../../platform/queue/port';
import { mentionsIn } from '../text/entities';
import { type NotificationEvent, type NotificationKind, UNREAD_COUNT_SQL } from './service';

/**
 * The `notifications.event` job: reads the current state behind an event (is the like still there? is
 * the comment still held?) and brings the recipient's rows in line with it, under a lock per
 * (recipient, kind, subject). Being state-based, it is idempotent, and a flood of like/unlike events in
 * any order ends in the state the likes table holds. New activity is published in real time at most
 * once per actor and subject per window, so a flood does not ping the recipient a thousand times.
 */

/** Likes and follows group per (recipient, kind, subject) per day; the rest are one row each. */
const AGGREGATED: ReadonlySet<NotificationKind> = new Set(['LIKE', 'FOLLOW']);
const WINDOW_SECONDS = 24 * 60 * 60;

interface Target {
  recipientId: string;
  kind: NotificationKind;
  subjectId: string;
  postId: string | null;
  commentId: string | null;
  actorId: string;
}

/**
 * The fact behind a target as it stands now (the like, the follow): null when it no longer holds, else
 * the time-sortable ID of the activity (the like's, the comment's), or null where it has none. Read
 * under the target's lock: two jobs of one like/unlike churn then apply in turn, and the later one reads
 * the later state. Read before the lock, an older job could apply a state a newer one had already
 * replaced. Actors are ordered by the activity's own ID, not by when a job got to it: jobs run
 * concurrently, so two likes a moment apart may be settled in either order.
 */
type Fact = { activityId: string | null } | null;
type Presence = (q: Queryable) => Promise<Fact>;
const holdsSince =
  (activityId: string | null): Presence =>
  async () => ({ activityId });
export function createNotificationEvents(deps: { db: Db; cache: Cache; realtime: Realtime }) {
  const { db, cache, realtime } = deps;

  /** Whether the recipient wants to hear about this actor now: not self, no block, no mute, kind on. */
  const allowed = async (q: Queryable, t: Target) => {
    if (t.recipientId === t.actorId) return false;
    const [facts] = await q.query<{ ok: boolean }>(
      `/* notificationAllowed */ select
         exists(select 1 from users where id = $2 and suspended_at is null)
         and not exists(select 1 from blocks where (blocker_id = $1 and blocked_id = $2) or (blocker_id = $2 and blocked_id = $1))
         and not exists(select 1 from mutes where user_id = $1 and muted_id = $2 and (posts or stories))
         and not exists(select 1 from notification_preferences where user_id = $1 and $3 = any(disabled))
         as ok`,
      [t.recipientId, t.actorId, t.kind],
    );
    return facts?.ok ?? false;
  };

  /** Adds or removes the actor; returns the row id when the actor is newly added. */
  const apply = async (t: Target, presence: Presence): Promise<string | null> =>
    db.transaction(async (tx) => {
      await tx.query(`/* notificationLock */ select pg_advisory_xact_lock(hashtextextended($1, 0))`, [
        `${t.recipientId}:${t.kind}:${t.subjectId}`,
      ]);
      const fact = await presence(tx);
      if (!fact) {
        const changed = await tx.query<{ id: string; actor_count: number }>(
          `/* notificationRemoveActor */ with gone as (
             delete from notification_actors a using notifications n
             where n.id = a.notification_id and n.recipient_id = $1 and n.kind = $2 and n.subject_id = $3
               and a.actor_id = $4
             returning a.notification_id
           ) update notifications set actor_count = actor_count - 1
           where id in (select notification_id from gone) returning id, actor_count`,
          [t.recipientId, t.kind, t.subjectId, t.actorId],
        );
        const empty = changed.filter((r) => r.actor_count <= 0).map((r) => r.id);
        if (empty.length > 0)
          await tx.query(
            '/* notificationDropEmpty */ delete from notifications where id = any($1::bigint[])',
            [empty],
          );
        return null;
      }
      // Counted already (in this window's row or an earlier one): nothing new to tell.
      const [known] = await tx.query(
        `/* notificationActorKnown */ select 1 from notification_actors a join notifications n on n.id = a.notification_id
         where n.recipient_id = $1 and n.kind = $2 and n.subject_id = $3 and a.actor_id = $4 limit 1`,
        [t.recipientId, t.kind, t.subjectId, t.actorId],
      );
      if (known || !(await allowed(tx, t))) return null;
      const bucket = AGGREGATED.has(t.kind) ? Math.floor(Date.now() / 1000 / WINDOW_SECONDS) : 0;
      const [row] = await tx.query<{ id: string }>(
        `/* notificationUpsert */ insert into notifications
           (id, recipient_id, kind, subject_id, bucket, post_id, comment_id, activity_id)
         values (next_id(shard_of($1)), $1, $2, $3, $4, $5, $6, coalesce($7::bigint, next_id(shard_of($1))))
         on conflict (recipient_id, kind, subject_id, bucket) do update set post_id = excluded.post_id
         returning id::text`,
        [t.recipientId, t.kind, t.subjectId, bucket, t.postId, t.commentId, fact.activityId],
      );
      await tx.query(
        `/* notificationAddActor */ insert into notification_actors (notification_id, actor_id, activity_id)
         values ($1, $2, coalesce($4::bigint, next_id(shard_of($3))))`,
        [row!.id, t.actorId, t.recipientId, fact.activityId],
      );
      // The entry moves up to its latest activity, never down (a late job for an older like).
      await tx.query(
        `/* notificationBump */ update notifications set actor_count = actor_count + 1,
           activity_id = greatest(activity_id, coalesce($3::bigint, next_id(shard_of($2)))),
           updated_at = now(), read_at = null
         where id = $1`,
        [row!.id, t.recipientId, fact.activityId],
      );
      return row!.id;
    });

  /** Publishes a new notification, once per actor, subject and window whatever the churn. */
  const announce = async (t: Target, notificationId: string) => {
    const key = `notif-rt:${t.recipientId}:${t.kind}:${t.subjectId}:${t.actorId}`;
    if ((await cache.incr(key, WINDOW_SECONDS)) > 1) return;
    const [unread] = await db.query<{ n: number }>(UNREAD_COUNT_SQL, [t.recipientId]);
    await realtime.publish(CHANNELS.notifications(t.recipientId), { id: notificationId });
    await realtime.publish(CHANNELS.unreadNotifications(t.recipientId), { count: unread?.n ?? 0 });
  };

  const settle = async (targets: { target: Target; present: Presence }[]): Promise<JobStatus> => {
    let changed = false;
    for (const { target, present } of targets) {
      const added = await apply(target, present);
      if (added) {
        changed = true;
        await announce(target, added);
      }
    }
    return changed ? 'done' : 'skipped';
  };

  /** The targets of one comment: the post's author, the author replied to, and those it mentions. */
  const commentTargets = async (commentId: string, actorId: string) => {
    const [c] = await db.query<{
      id: string;
      post_id: string;
      author_id: string;
      text: string;
      hidden_reason: string | null;
      post_author: string;
      parent_author: string | null;
    }>(
      `/* notificationComment */ select c.id::text, c.post_id::text, c.author_id::text, c.text, c.hidden_reason,
         p.author_id::text as post_author, parent.author_id::text as parent_author
       from comments c join posts p on p.id = c.post_id
       left join comments parent on parent.id = c.parent_id
       where c.id = $1`,
      [commentId],
    );
    // Gone (the list hides it when read), or held for approval: approving sends the event again.
    if (!c || c.author_id !== actorId || c.hidden_reason !== null) return [];
    const base = { subjectId: c.id, postId: c.post_id, commentId: c.id, actorId: c.author_id };
    const out: { target: Target; present: Presence }[] = [];
    const told = new Set<string>();
    const add = (recipientId: string, kind: NotificationKind) => {
      if (told.has(recipientId)) return;
      told.add(recipientId);
      out.push({ target: { ...base, recipientId, kind }, present: holdsSince(c.id) });
    };
    if (c.parent_author) add(c.parent_author, 'REPLY');
    add(c.post_author, 'COMMENT');
    for (const id of await idsOfUsernames(mentionsIn(c.text))) add(id, 'MENTION');
    return out;
  };

  const idsOfUsernames = async (usernames: string[]) => {
    if (usernames.length === 0) return [];
    const rows = await db.query<{ id: string }>(
      '/* notificationMentioned */ select id::text from users where username = any($1::text[])',
      [usernames],
    );
    return rows.map((r) => r.id);
  };

  return {
    async handle(event: NotificationEvent): Promise<JobStatus> {
      const { kind, actorId, subjectId } = event;
      switch (kind) {
        case 'LIKE': {
          const [post] = await db.query<{ author_id: string }>(
            '/* notificationLikedPost */ select author_id::text from posts where id = $1',
            [subjectId],
          );
          if (!post) return 'skipped';
          const target = {
            recipientId: post.author_id,
            kind,
            subjectId,
            postId: subjectId,
            commentId: null,
            actorId,
          };
          const liked: Presence = async (q) => {
            const [row] = await q.query<{ id: string }>(
              '/* notificationLikeExists */ select id::text from likes where post_id = $1 and user_id = $2',
              [subjectId, actorId],
            );
            return row ? { activityId: row.id } : null;
          };
          return settle([{ target, present: liked }]);
        }
        case 'COMMENT':
          return settle(await commentTargets(subjectId, actorId));
        case 'MENTION': {
          // A caption's mentions, once the post is published.
          const rows = await db.query<{ user_id: string }>(
            `/* notificationCaptionMentions */ select m.user_id::text from post_mentions m join posts p on p.id = m.post_id
             where m.post_id = $1 and p.author_id = $2 and p.status = 'ready'`,
            [subjectId, actorId],
          );
          return settle(
            rows.map((r) => ({
              target: {
                recipientId: r.user_id,
                kind,
                subjectId,
                postId: subjectId,
                commentId: null,
                actorId,
              },
              present: holdsSince(subjectId),
            })),
          );
        }
        case 'FOLLOW':
        case 'FOLLOW_REQUEST':
        case 'FOLLOW_ACCEPTED': {
          const recipientId = event.recipientId;
          if (!recipientId) return 'skipped';
          // FOLLOW: actor follows recipient; REQUEST: actor asked recipient; ACCEPTED: recipient now follows actor.
          const sql =
            kind === 'FOLLOW_REQUEST'
              ? '/* notificationRequestExists */ select id::text from follow_requests where requester_id = $1 and target_id = $2'
              : '/* notificationFollowExists */ select id::text from follows where follower_id = $1 and followee_id = $2';
          const [follower, followee] =
            kind === 'FOLLOW_ACCEPTED' ? [recipientId, actorId] : [actorId, recipientId];
          const holds: Presence = async (q) => {
            const [state] = await q.query<{ id: string }>(sql, [follower, followee]);
            return state ? { activityId: state.id } : null;
          };
          // Aggregated follows share one subject (the recipient); a request or acceptance is about its actor.
          const subject = kind === 'FOLLOW' ? recipientId : actorId;
          const target = { recipientId, kind, subjectId: subject, postId: null, commentId: null, actorId };
          return settle([{ target, present: holds }]);
        }
        default: {
          // Stories' kinds: the stories module states the fact; a reaction may be taken back.
          const recipientId = event.recipientId;
          if (!recipientId) return 'skipped';
          const target = { recipientId, kind, subjectId, postId: null, commentId: null, actorId };
          const fact = (event.present ?? true) ? { activityId: null } : null;
          return settle([{ target, present: async () => fact }]);
        }
      }
    },
  };
}
