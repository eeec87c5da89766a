-- Reports and moderation: who may moderate, suspensions, removed posts, reports, the audit log, appeals.

alter table users add column role text not null default 'member' check (role in ('member', 'moderator', 'admin'));
alter table users add column suspended_at timestamptz;

-- A post removed by a moderator is hidden from everyone, its author included, until an appeal restores it.
alter table posts drop constraint posts_status_check;
alter table posts add constraint posts_status_check check (status in ('processing', 'ready', 'failed', 'removed'));

create table reports (
  id bigint primary key,
  reporter_id bigint not null references users (id) on delete cascade,
  subject_kind text not null check (subject_kind in ('post', 'comment', 'account')),
  subject_id bigint not null,
  subject_owner_id bigint not null references users (id) on delete cascade,
  reason text not null check (reason in ('spam', 'nudity', 'hate', 'violence', 'bullying', 'false_information',
    'scam', 'intellectual_property', 'self_harm', 'illegal_goods', 'other')),
  details text not null default '',
  status text not null default 'open' check (status in ('open', 'actioned', 'dismissed')),
  created_at timestamptz not null default now(),
  resolved_at timestamptz
);
-- One open report per reporter and subject: reporting again changes nothing.
create unique index reports_once on reports (reporter_id, subject_kind, subject_id) where status = 'open';
-- moderationQueue (open cases, oldest first) and resolveReports
create index reports_open_subject on reports (subject_kind, subject_id) where status = 'open';

-- The audit log: every moderator action, with what the subject looked like when it was taken.
create table moderation_actions (
  id bigint primary key,
  moderator_id bigint references users (id) on delete set null,
  action text not null check (action in ('remove', 'warn', 'suspend', 'dismiss', 'restore', 'unsuspend')),
  subject_kind text not null check (subject_kind in ('post', 'comment', 'account')),
  subject_id bigint not null,
  target_user_id bigint not null references users (id) on delete cascade,
  note text not null default '',
  snapshot jsonb not null default '{}',
  created_at timestamptz not null default now()
);
-- moderationLog (newest first)
create index moderation_actions_newest on moderation_actions (id desc);
-- moderationNotices (what was done to an account)
create index moderation_actions_target on moderation_actions (target_user_id, id desc);

create table appeals (
  id bigint primary key,
  action_id bigint not null unique references moderation_actions (id) on delete cascade,
  user_id bigint not null references users (id) on delete cascade,
  text text not null,
  status text not null default 'open' check (status in ('open', 'granted', 'denied')),
  created_at timestamptz not null default now(),
  decided_at timestamptz,
  decided_by bigint references users (id) on delete set null,
  decision_note text not null default ''
);
-- openAppeals (oldest first)
create index appeals_open on appeals (id) where status = 'open';
