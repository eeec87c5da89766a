-- Fake-engagement detection files reports itself (no reporter) for a new reason.
alter table reports alter column reporter_id drop not null;
alter table reports drop constraint reports_reason_check;
alter table reports add constraint reports_reason_check check (reason in ('spam', 'nudity', 'hate', 'violence',
  'bullying', 'false_information', 'scam', 'intellectual_property', 'self_harm', 'illegal_goods',
  'fake_engagement', 'other'));

-- Fake engagement: bursts of follows or likes from new accounts (what bought-follower services look
-- like), and accounts that only follow. Flagged accounts' follows and likes are left out of the counts
-- shown to others and out of ranking; each detection is kept for the moderators.
alter table users add column engagement_flagged_at timestamptz;
alter table users add column flagged_follower_count integer not null default 0 check (flagged_follower_count >= 0);
alter table posts add column flagged_like_count integer not null default 0 check (flagged_like_count >= 0);

-- detectFollowBursts, detectLikeBursts: the newest rows by time-sortable ID
create index follows_recent on follows (id);
create index likes_recent on likes (id);

create table engagement_flags (
  id bigint primary key,
  kind text not null check (kind in ('follow_burst', 'like_burst', 'follow_only')),
  subject_user_id bigint not null references users (id) on delete cascade,
  subject_post_id bigint references posts (id) on delete cascade,
  actor_count integer not null,
  new_actor_count integer not null,
  window_minutes integer not null,
  detected_at timestamptz not null default now()
);
-- flagsOfSubjects (moderation queue context)
create index engagement_flags_subject on engagement_flags (subject_user_id, id desc);
