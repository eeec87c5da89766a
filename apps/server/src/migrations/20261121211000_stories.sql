-- Stories (24 hours, then the owner's archive), close friends, seen state, sticker responses, highlights.
-- Expiry is decided by the application's clock passed as a parameter (tests move it), never by now().

create table stories (
  id bigint primary key,
  owner_id bigint not null references users (id) on delete cascade,
  audience text not null check (audience in ('everyone', 'close_friends')),
  status text not null default 'processing' check (status in ('processing', 'ready', 'failed')),
  original_key text not null,
  -- The random folder its rendered files are served under (s/<media_key>/<width>.<ext>).
  media_key text not null,
  width integer,
  height integer,
  thumbhash text,
  dominant_color text,
  variants jsonb not null default '[]',
  overlays jsonb not null default '[]',
  -- Accounts named by @mention stickers (for notifications).
  mentioned_ids bigint[] not null default '{}',
  created_at timestamptz not null,
  expires_at timestamptz not null,
  -- Set by the expiry job: the story is in its owner's archive.
  archived_at timestamptz
);
-- storyTray, liveStoriesOf (an owner's live stories by expiry)
create index stories_owner_expiry on stories (owner_id, expires_at);
-- storyArchive (keyset on id)
create index stories_owner_archived on stories (owner_id, id desc) where archived_at is not null;
-- archiveExpiredStories
create index stories_to_archive on stories (expires_at) where archived_at is null;
-- servedStoryMedia
create unique index stories_media_key on stories (media_key);

-- The owner's close friends list: who sees CLOSE_FRIENDS stories.
create table close_friends (
  id bigint not null,
  owner_id bigint not null references users (id) on delete cascade,
  friend_id bigint not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (owner_id, friend_id)
);
-- closeFriendsOf (keyset on id)
create unique index close_friends_owner_id on close_friends (owner_id, id desc);
-- closeFriendOwnersAmong, storyTray (is the viewer on this owner's list)
create index close_friends_friend on close_friends (friend_id, owner_id);

-- Who saw a story (once each; the id orders the viewers list).
create table story_views (
  id bigint not null,
  story_id bigint not null references stories (id) on delete cascade,
  viewer_id bigint not null references users (id) on delete cascade,
  seen_at timestamptz not null,
  primary key (story_id, viewer_id)
);
-- storyViewers (keyset on id)
create unique index story_views_story_id on story_views (story_id, id desc);
-- storyTray affinity (the viewer's views of an owner's stories)
create index story_views_viewer on story_views (viewer_id, story_id);

-- Poll votes and slider positions: one per person per story.
create table story_votes (
  story_id bigint not null references stories (id) on delete cascade,
  user_id bigint not null references users (id) on delete cascade,
  poll_option smallint,
  slider_value real check (slider_value between 0 and 1),
  created_at timestamptz not null default now(),
  primary key (story_id, user_id)
);

-- Question answers, emoji reactions and text replies: shown to the story's owner only.
create table story_responses (
  id bigint primary key,
  story_id bigint not null references stories (id) on delete cascade,
  user_id bigint not null references users (id) on delete cascade,
  kind text not null check (kind in ('answer', 'reaction', 'reply')),
  body text not null,
  created_at timestamptz not null default now()
);
-- storyResponses (keyset on id, per kind)
create index story_responses_story on story_responses (story_id, kind, id desc);

create table highlights (
  id bigint primary key,
  owner_id bigint not null references users (id) on delete cascade,
  title text not null,
  cover_story_id bigint references stories (id) on delete set null,
  created_at timestamptz not null default now()
);
-- highlightsOf
create index highlights_owner on highlights (owner_id, id);

create table highlight_stories (
  highlight_id bigint not null references highlights (id) on delete cascade,
  story_id bigint not null references stories (id) on delete cascade,
  primary key (highlight_id, story_id)
);
-- storyInHighlight (media gate), deleteStory
create index highlight_stories_story on highlight_stories (story_id);
