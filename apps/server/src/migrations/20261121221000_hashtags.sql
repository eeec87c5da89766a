-- Hashtag pages, followed hashtags and trends. Top posts, related tags and the trending list are
-- precomputed by the hashtags.refresh job, so a hashtag page reads a few short index ranges.
-- Every index names the query it serves.

create table hashtag_follows (
  id bigint not null,
  user_id bigint not null references users (id) on delete cascade,
  hashtag_id bigint not null references hashtags (id) on delete cascade,
  created_at timestamptz not null default now(),
  -- viewerFollowsHashtags, unfollowHashtag
  primary key (user_id, hashtag_id)
);
-- followedHashtags, followedHashtagPosts: the viewer's follows, most recent first
create unique index hashtag_follows_user_id on hashtag_follows (user_id, id desc);

-- A tag's best public posts by engagement with time decay, at most a few dozen per tag.
create table hashtag_top_posts (
  hashtag_id bigint not null references hashtags (id) on delete cascade,
  post_id bigint not null references posts (id) on delete cascade,
  author_id bigint not null references users (id) on delete cascade,
  score double precision not null,
  primary key (hashtag_id, post_id)
);
-- hashtagTopPosts, followedHashtagPosts: a tag's list, best first
create index hashtag_top_posts_rank on hashtag_top_posts (hashtag_id, score desc, post_id desc);

-- Tags that co-occur with a tag on the same public posts, normalised by both tags' popularity.
create table hashtag_related (
  hashtag_id bigint not null references hashtags (id) on delete cascade,
  related_id bigint not null references hashtags (id) on delete cascade,
  score double precision not null,
  primary key (hashtag_id, related_id)
);
-- relatedHashtags: a tag's related tags, best first
create index hashtag_related_rank on hashtag_related (hashtag_id, score desc, related_id);

-- The current trending list: tags used on public posts in the last hours far above their usual rate.
create table trending_hashtags (
  hashtag_id bigint primary key references hashtags (id) on delete cascade,
  score double precision not null,
  window_uses integer not null,
  baseline_uses integer not null,
  computed_at timestamptz not null
);
-- trendingHashtags
create index trending_hashtags_score on trending_hashtags (score desc, hashtag_id);

-- hashtagRecentPosts (keyset on post id, newest first) reads the primary key of post_hashtags
-- (hashtag_id, post_id) backwards; the refresh job's time windows are ranges of time-sortable post IDs
-- on post_hashtags_post (post_id) for recently used tags, then the same primary key per tag.
