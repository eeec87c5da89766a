-- Restrict, mute, hidden words and interaction limits: tools a person uses on their own account.

-- A restricted account's new comments on your posts are seen only by them until you approve them.
create table restrictions (
  user_id bigint not null references users (id) on delete cascade,
  restricted_id bigint not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (user_id, restricted_id)
);
-- restrictedAmong (a commenter is restricted by the post's author)
create index restrictions_restricted on restrictions (restricted_id, user_id);

-- Muting hides an account's posts (and later stories) from you; they don't know.
create table mutes (
  user_id bigint not null references users (id) on delete cascade,
  muted_id bigint not null references users (id) on delete cascade,
  posts boolean not null default false,
  stories boolean not null default false,
  created_at timestamptz not null default now(),
  primary key (user_id, muted_id)
);

-- Words that hide comments on your posts (your list, plus Glimpse's default list when on).
create table hidden_words (
  user_id bigint primary key references users (id) on delete cascade,
  words text[] not null default '{}',
  use_default boolean not null default true,
  updated_at timestamptz not null default now()
);

-- "Limit interactions": until then, only followers of more than a week may comment.
create table interaction_limits (
  user_id bigint primary key references users (id) on delete cascade,
  until timestamptz not null
);

-- Why a comment is shown only to its author and the post's author (null: shown to everyone).
alter table comments add column hidden_reason text check (hidden_reason in ('restricted', 'hidden_word'));
