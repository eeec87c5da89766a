-- Search (issue 7): typo-tolerant account search, caption full-text search and recent searches.

-- Trigram similarity for typo-tolerant account search (bundled with PostgreSQL; PGlite loads it too).
create extension if not exists pg_trgm;

-- searchAccounts (fuzzy tier): `username % $q`, best similarity first
create index users_username_trgm on users using gin (username gin_trgm_ops);
-- searchAccounts (fuzzy tier): `$q <% lower(display_name)`, a word of the name close to the query
create index users_display_name_trgm on users using gin (lower(display_name) gin_trgm_ops);

-- Captions are indexed twice, as written ('simple': names, other languages, exact words) and stemmed
-- for English ('english': "running" finds "run"); a query is matched against both forms.
alter table posts add column caption_search tsvector
  generated always as (to_tsvector('simple', caption) || to_tsvector('english', caption)) stored;
-- searchPosts: `caption_search @@ $query`
create index posts_caption_search on posts using gin (caption_search);

-- Recent searches: what a person opened from the search box (an account, a hashtag or a text query),
-- one row per distinct subject, the newest ~20 kept.
create table recent_searches (
  id bigint primary key,
  user_id bigint not null references users (id) on delete cascade,
  kind text not null check (kind in ('account', 'hashtag', 'query')),
  -- The account's ID, the hashtag's name or the query's text: what makes an entry distinct.
  subject text not null,
  -- Set for accounts, so an entry goes when the account is deleted.
  account_id bigint references users (id) on delete cascade,
  searched_at timestamptz not null default now()
);
-- addRecentSearch (one entry per subject: searching it again moves it to the top)
create unique index recent_searches_subject on recent_searches (user_id, kind, subject);
-- recentSearches, trimRecentSearches (newest first)
create index recent_searches_newest on recent_searches (user_id, searched_at desc, id desc);
