import type { z } from 'zod';
import { badInput, FieldErrors, isId } from '../../errors';
import type { KeysetPage } from '../../graphql/keyset';
import { CHANNELS, type Realtime } from '../../graphql/realtime';
import { notificationEvent } from '../../jobs';
import type { Db, Queryable } from '../../platform/db';
import { enqueueInTx } from '../../platform/queue/outbox';
import type { JobQueue } from '../../platform/queue/port';

/**
 * The recipient's side of notifications: the list (keyset on the latest activity), the unread count,
 * marking read, per-kind preferences, and `notify` for other modules. Rows are written only by the
 * `notifications.event` job (events.ts), never inside a request.
 */
export const NOTIFICATION_KINDS = [
  'LIKE',
  'COMMENT',
  'REPLY',
  'MENTION',
  'FOLLOW',
  'FOLLOW_REQUEST',
  'FOLLOW_ACCEPTED',
  'STORY_MENTION',
  'STORY_REPLY',
  'STORY_REACTION',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  subject_id: string;
  post_id: string | null;
  comment_id: string | null;
  actor_count: number;
  activity_id: string;
  updated_at: Date;
  read_at: Date | null;
  /** The latest actors, newest first (a few more than shown, for those the viewer may not see). */
  actor_ids: string[];
}

/** What a notification event names; see the `notifications.event` job. */
export type NotificationEvent = z.infer<typeof notificationEvent.schema>;

export interface NotificationPreference {
  kind: NotificationKind;
  enabled: boolean;
}

export interface Notifications {
  page(recipientId: string, page: KeysetPage): Promise<NotificationRow[]>;
  byIds(recipientId: string, ids: readonly string[]): Promise<NotificationRow[]>;
  unreadCount(recipientId: string): Promise<number>;
  /** Marks every notification read, or those up to (and including) one; returns how many stay unread. */
  markRead(recipientId: string, upTo: string | null): Promise<number>;
  preferences(userId: string): Promise<NotificationPreference[]>;
  updatePreferences(
    userId: string,
    changes: readonly NotificationPreference[],
  ): Promise<NotificationPreference[]>;
  /**
   * For other modules (stories): enqueues an event; the job writes the notification off the request
   * path, applying blocks, mutes, self and preferences. Use `notifyInTx` inside the write's transaction.
   */
  notify(event: NotificationEvent): Promise<void>;
  notifyInTx(tx: Queryable, event: NotificationEvent): Promise<void>;
}

/** Latest actors read per row: three are shown, the rest stand in for actors the viewer may not see. */
const ACTORS_READ = 8;

const COLUMNS = `n.id::text, n.kind, n.subject_id::text, n.post_id::text, n.comment_id::text, n.actor_count,
  n.activity_id::text, n.updated_at, n.read_at,
  array(select a.actor_id::text from notification_actors a where a.notification_id = n.id
        order by a.activity_id desc limit ${ACTORS_READ}) as actor_ids`;

/**
 * Unread entries with at least one actor the recipient may still see (not blocked either way, not
 * suspended), so the badge never counts an entry the list hides. `$1` is the recipient.
 */
export const UNREAD_COUNT_SQL = `/* unreadNotificationCount */ select count(*)::int as n from notifications n
  where n.recipient_id = $1 and n.read_at is null and exists (
    select 1 from notification_actors a join users u on u.id = a.actor_id
    where a.notification_id = n.id and u.suspended_at is null and not exists (
      select 1 from blocks b where (b.blocker_id = $1 and b.blocked_id = a.actor_id)
        or (b.blocker_id = a.actor_id and b.blocked_id = $1)))`;

export function createNotifications(deps: { db: Db; queue: JobQueue; realtime: Realtime }): Notifications {
  const { db, queue, realtime } = deps;
  const unreadCount = async (q: Queryable, recipientId: string) => {
    const [row] = await q.query<{ n: number }>(UNREAD_COUNT_SQL, [recipientId]);
    return row?.n ?? 0;
  };
  const preferences = async (userId: string): Promise<NotificationPreference[]> => {
    const [row] = await db.query<{ disabled: string[] }>(
      '/* notificationPreferences */ select disabled from notification_preferences where user_id = $1',
      [userId],
    );
    const disabled = new Set(row?.disabled ?? []);
    return NOTIFICATION_KINDS.map((kind) => ({ kind, enabled: !disabled.has(kind) }));
  };

  return {
    page: (recipientId, page) =>
      db.query<NotificationRow>(
        `/* notificationsPage */ select ${COLUMNS} from notifications n
         where n.recipient_id = $1 and ($2::bigint is null or n.activity_id < $2)
         order by n.activity_id desc limit $3`,
        [recipientId, page.after, page.limit],
      ),
    async byIds(recipientId, ids) {
      const valid = ids.filter(isId);
      if (valid.length === 0) return [];
      return db.query<NotificationRow>(
        `/* notificationsByIds */ select ${COLUMNS} from notifications n
         where n.recipient_id = $1 and n.id = any($2::bigint[])`,
        [recipientId, valid],
      );
    },
    unreadCount: (recipientId) => unreadCount(db, recipientId),
    async markRead(recipientId, upTo) {
      if (upTo !== null && !isId(upTo)) throw badInput('upTo', 'Unknown notification');
      const remaining = await db.transaction(async (tx) => {
        if (upTo === null) {
          await tx.query(
            `/* markAllNotificationsRead */ update notifications set read_at = now()
             where recipient_id = $1 and read_at is null`,
            [recipientId],
          );
        } else {
          const marked = await tx.query<{ found: boolean }>(
            `/* markNotificationsReadUpTo */ with bound as (
               select activity_id from notifications where id = $2 and recipient_id = $1
             ), upd as (
               update notifications set read_at = now()
               where recipient_id = $1 and read_at is null and activity_id <= (select activity_id from bound)
             ) select exists(select 1 from bound) as found`,
            [recipientId, upTo],
          );
          if (!marked[0]?.found) throw badInput('upTo', 'Unknown notification');
        }
        return unreadCount(tx, recipientId);
      });
      await realtime.publish(CHANNELS.unreadNotifications(recipientId), { count: remaining });
      return remaining;
    },
    preferences,
    async updatePreferences(userId, changes) {
      const errors = new FieldErrors();
      const seen = new Set<string>();
      changes.forEach((change, i) => {
        if (!(NOTIFICATION_KINDS as readonly string[]).includes(change.kind))
          errors.add(`input.${i}.kind`, 'Unknown notification kind');
        else if (seen.has(change.kind)) errors.add(`input.${i}.kind`, `${change.kind} is listed twice`);
        seen.add(change.kind);
      });
      errors.throwIfAny();
      const disabled = changes.filter((c) => !c.enabled).map((c) => c.kind);
      const enabled = changes.filter((c) => c.enabled).map((c) => c.kind);
      await db.query(
        `/* updateNotificationPreferences */ insert into notification_preferences (user_id, disabled)
         values ($1, $2::text[])
         on conflict (user_id) do update set updated_at = now(), disabled = array(
           select distinct k from unnest(notification_preferences.disabled || $2::text[]) as k
           where k <> all($3::text[]) order by k)`,
        [userId, disabled, enabled],
      );
      return preferences(userId);
    },
    notify: (event) => queue.enqueue(notificationEvent, event),
    notifyInTx: (tx, event) => enqueueInTx(tx, notificationEvent, event),
  };
}

/** How a write adds a notification event to its own transaction, then wakes the outbox relay after commit. */
export interface NotificationOutbox {
  inTx(tx: Queryable, event: NotificationEvent): Promise<void>;
  kick(): void;
}

export function notificationOutbox(relay: { kick(): void }): NotificationOutbox {
  return { inTx: (tx, event) => enqueueInTx(tx, notificationEvent, event), kick: () => relay.kick() };
}
