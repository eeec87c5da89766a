-- Explore, similar posts and account suggestions: tables the scheduled jobs precompute, so reads stay
-- a handful of index lookups.

-- Item-to-item collaborative filtering: for each recent post, its nearest posts by who liked both
-- (cosine over likers, shrunk for small overlaps). Rebuilt wholesale by the explore.similarity job.
create table post_similarity (
  post_id bigint not null references posts (id) on delete cascade,
  neighbor_id bigint not null references posts (id) on delete cascade,
  score real not null,
  primary key (post_id, neighbor_id)
);
-- exploreCollaborative (neighbours of the viewer's recent likes), similarPostsNeighbours (best first)
create index post_similarity_best on post_similarity (post_id, score desc);
-- deletePost cascade
create index post_similarity_neighbor on post_similarity (neighbor_id);

-- Ranked lists of public posts everyone's Explore draws from: 'trending' (engagement velocity over the
-- last day) and 'popular' (most liked of the last weeks, the cold start). Rebuilt by explore.pools.
create table explore_pools (
  pool text not null check (pool in ('trending', 'popular')),
  post_id bigint not null references posts (id) on delete cascade,
  score real not null,
  primary key (pool, post_id)
);
-- explorePools (the best of each pool)
create index explore_pools_best on explore_pools (pool, score desc);
-- deletePost cascade
create index explore_pools_post on explore_pools (post_id);

-- Accounts a person asked not to be suggested again.
create table suggestion_dismissals (
  user_id bigint not null references users (id) on delete cascade,
  dismissed_id bigint not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (user_id, dismissed_id)
);
-- deleteUser cascade
create index suggestion_dismissals_dismissed on suggestion_dismissals (dismissed_id);

-- exploreCollaborative: the viewer's most recent likes (like IDs are time-sortable).
create index likes_user_recent on likes (user_id, id desc);
-- explorePopularPool: recent visible posts (the job reads a few weeks of post IDs).
create index posts_recent_visible on posts (id desc) where status = 'ready' and archived_at is null;
