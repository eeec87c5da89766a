-- Notifications: one row per thing the recipient sees in their activity list. Likes and follows
-- aggregate into one row per (recipient, kind, subject, day); comments, replies and mentions are one
-- row each (bucket 0, subject = the comment or post).
create table notifications (
  id bigint primary key,
  recipient_id bigint not null references users (id) on delete cascade,
  kind text not null check (kind in ('LIKE', 'COMMENT', 'REPLY', 'MENTION', 'FOLLOW', 'FOLLOW_REQUEST',
    'FOLLOW_ACCEPTED', 'STORY_MENTION', 'STORY_REPLY', 'STORY_REACTION')),
  subject_id bigint not null,
  -- Aggregation window (days since the epoch) for aggregated kinds, 0 for individual ones.
  bucket integer not null default 0,
  post_id bigint,
  comment_id bigint,
  actor_count integer not null default 0 check (actor_count >= 0),
  -- Time-sortable id of the latest activity: the list's keyset, bumped by every new actor.
  activity_id bigint not null,
  updated_at timestamptz not null default now(),
  read_at timestamptz
);
-- notificationEvent (find the row an event adds to or removes from)
create unique index notifications_key on notifications (recipient_id, kind, subject_id, bucket);
-- notificationsPage (keyset on the latest activity)
create index notifications_recipient_activity on notifications (recipient_id, activity_id desc);
-- unreadNotificationCount
create index notifications_unread on notifications (recipient_id) where read_at is null;

-- Who did it: the actors of a row, latest first.
create table notification_actors (
  notification_id bigint not null references notifications (id) on delete cascade,
  actor_id bigint not null references users (id) on delete cascade,
  activity_id bigint not null,
  primary key (notification_id, actor_id)
);
-- notificationsPage (latest actors of each row)
create index notification_actors_latest on notification_actors (notification_id, activity_id desc);
-- removeActor (an actor's rows when they unlike, unfollow, or are deleted)
create index notification_actors_actor on notification_actors (actor_id);

-- Kinds a user turned off (absent: every kind on).
create table notification_preferences (
  user_id bigint primary key references users (id) on delete cascade,
  disabled text[] not null default '{}',
  updated_at timestamptz not null default now()
);
