-- Glimpse core schema: IDs, accounts, sessions, social graph, uploads, posts, media, engagement.
-- Every index names the query it serves.

-- 64-bit time-sortable IDs in Instagram's scheme: 41 bits of milliseconds since the project epoch
-- (2020-01-01T00:00:00Z), 13 bits of logical shard, 10 bits of sequence.
create sequence if not exists id_seq;

create or replace function make_id(ms bigint, shard int, seq bigint) returns bigint
language sql immutable as $$
  select ((ms - 1577836800000) << 23) | ((shard % 8192)::bigint << 10) | (seq % 1024)
$$;

create or replace function next_id(shard int) returns bigint
language sql volatile as $$
  select make_id(floor(extract(epoch from clock_timestamp()) * 1000)::bigint, shard, nextval('id_seq'))
$$;

-- The logical shard a row lives on: a user's own, carried by every row that user owns.
create or replace function shard_of(id bigint) returns int
language sql immutable as $$
  select ((id >> 10) & 8191)::int
$$;

create or replace function id_time(id bigint) returns timestamptz
language sql immutable as $$
  select to_timestamp(((id >> 23) + 1577836800000) / 1000.0)
$$;

create table users (
  id bigint primary key default next_id(floor(random() * 8192)::int),
  username text not null,
  email text not null,
  password_hash text not null,
  display_name text not null default '',
  bio text not null default '',
  website text,
  avatar jsonb,
  is_private boolean not null default false,
  is_verified boolean not null default false,
  follower_count integer not null default 0 check (follower_count >= 0),
  following_count integer not null default 0 check (following_count >= 0),
  post_count integer not null default 0 check (post_count >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- userByUsername; usernames are stored NFKC-normalised and lowercase, so this is case-insensitive.
create unique index users_username on users (username);
-- logIn by email.
create unique index users_email on users (email);

create table sessions (
  id bigint primary key,
  user_id bigint not null references users (id) on delete cascade,
  token_hash bytea not null,
  user_agent text,
  ip text,
  created_at timestamptz not null default now(),
  last_used_at timestamptz not null default now(),
  expires_at timestamptz not null
);
-- sessionByToken
create unique index sessions_token_hash on sessions (token_hash);
-- logOutEverywhere, sessionsOfUser
create index sessions_user on sessions (user_id);

create table follows (
  id bigint not null,
  follower_id bigint not null references users (id) on delete cascade,
  followee_id bigint not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (follower_id, followee_id)
);
-- followersOf (keyset on id)
create index follows_followee on follows (followee_id, id desc);
-- followingOf (keyset on id)
create unique index follows_follower_id on follows (follower_id, id desc);

create table follow_requests (
  id bigint not null,
  requester_id bigint not null references users (id) on delete cascade,
  target_id bigint not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (requester_id, target_id)
);
-- followRequestsOf (keyset on id)
create index follow_requests_target on follow_requests (target_id, id desc);

create table blocks (
  blocker_id bigint not null references users (id) on delete cascade,
  blocked_id bigint not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (blocker_id, blocked_id)
);
-- relationships: "does any of these users block the viewer"
create index blocks_blocked on blocks (blocked_id, blocker_id);

-- An uploaded original waiting to be used by a post or an avatar; swept when left unused.
create table uploads (
  id bigint primary key,
  owner_id bigint not null references users (id) on delete cascade,
  original_key text not null,
  format text not null,
  width integer not null,
  height integer not null,
  byte_size integer not null,
  created_at timestamptz not null default now()
);
-- sweepStaleUploads
create index uploads_created on uploads (created_at);

create table posts (
  id bigint primary key,
  author_id bigint not null references users (id) on delete cascade,
  caption text not null default '',
  status text not null default 'processing' check (status in ('processing', 'ready', 'failed')),
  comments_disabled boolean not null default false,
  archived_at timestamptz,
  like_count integer not null default 0 check (like_count >= 0),
  comment_count integer not null default 0 check (comment_count >= 0),
  created_at timestamptz not null default now(),
  edited_at timestamptz
);
-- homeFeed and profileGrid: an author's visible posts, newest first.
create index posts_author_visible on posts (author_id, id desc) where status = 'ready' and archived_at is null;
-- profileGrid for the owner (archived and processing included), archivedPosts
create index posts_author_all on posts (author_id, id desc);

create table post_media (
  id bigint primary key,
  post_id bigint not null references posts (id) on delete cascade,
  position smallint not null,
  alt_text text not null default '',
  original_key text not null,
  -- Random and unguessable: served files live under m/<media_key>/, derived keys stay stable across job retries.
  media_key text not null,
  crop jsonb not null,
  status text not null default 'processing' check (status in ('processing', 'ready', 'failed')),
  width integer,
  height integer,
  thumbhash text,
  dominant_color text,
  variants jsonb not null default '[]'::jsonb
);
-- mediaOfPosts (hydration)
create unique index post_media_post_position on post_media (post_id, position);
-- serveMedia: which post a served file belongs to (authorization)
create unique index post_media_key on post_media (media_key);

create table hashtags (
  id bigint primary key,
  name text not null,
  post_count integer not null default 0 check (post_count >= 0)
);
-- hashtagByName
create unique index hashtags_name on hashtags (name);

create table post_hashtags (
  hashtag_id bigint not null references hashtags (id) on delete cascade,
  post_id bigint not null references posts (id) on delete cascade,
  primary key (hashtag_id, post_id)
);
-- hashtagsOfPost (caption edits, delete)
create index post_hashtags_post on post_hashtags (post_id);

create table post_mentions (
  post_id bigint not null references posts (id) on delete cascade,
  user_id bigint not null references users (id) on delete cascade,
  primary key (post_id, user_id)
);
-- postsMentioning (keyset on post id)
create index post_mentions_user on post_mentions (user_id, post_id desc);

create table likes (
  id bigint not null,
  post_id bigint not null references posts (id) on delete cascade,
  user_id bigint not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (post_id, user_id)
);
-- likersOf (keyset on id)
create index likes_post_id on likes (post_id, id desc);
-- viewerLikes (hydration: which of these posts the viewer liked)
create index likes_user_post on likes (user_id, post_id);

create table comments (
  id bigint primary key,
  post_id bigint not null references posts (id) on delete cascade,
  author_id bigint not null references users (id) on delete cascade,
  parent_id bigint references comments (id) on delete cascade,
  text text not null,
  like_count integer not null default 0 check (like_count >= 0),
  reply_count integer not null default 0 check (reply_count >= 0),
  created_at timestamptz not null default now()
);
-- commentsOfPost: top-level comments, oldest first (keyset on id)
create index comments_post_top on comments (post_id, id) where parent_id is null;
-- repliesOf (keyset on id)
create index comments_parent on comments (parent_id, id) where parent_id is not null;

create table comment_likes (
  comment_id bigint not null references comments (id) on delete cascade,
  user_id bigint not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (comment_id, user_id)
);
-- viewerCommentLikes (hydration)
create index comment_likes_user on comment_likes (user_id, comment_id);

create table saves (
  id bigint not null,
  user_id bigint not null references users (id) on delete cascade,
  post_id bigint not null references posts (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (user_id, post_id)
);
-- savedPosts (keyset on id)
create unique index saves_user_id on saves (user_id, id desc);
-- deletePost cascade
create index saves_post on saves (post_id);
