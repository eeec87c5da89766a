-- The ranked home feed: per-pair affinity, logged impressions, and the trained models.

-- How much a person interacts with an author: the ranking's affinity features. Kept by triggers in the
-- transaction of the like, comment or profile visit, so the counts never drift from the rows they count
-- and the feed reads one row per author instead of aggregating likes at request time.
create table user_affinity (
  user_id bigint not null references users (id) on delete cascade,
  author_id bigint not null references users (id) on delete cascade,
  likes integer not null default 0 check (likes >= 0),
  comments integer not null default 0 check (comments >= 0),
  visits integer not null default 0 check (visits >= 0),
  updated_at timestamptz not null default now(),
  primary key (user_id, author_id)
);

create function bump_affinity(viewer bigint, post bigint, d_likes integer, d_comments integer)
returns void language plpgsql as $$
begin
  insert into user_affinity as a (user_id, author_id, likes, comments)
  select viewer, p.author_id, greatest(d_likes, 0), greatest(d_comments, 0)
  from posts p where p.id = post and p.author_id <> viewer
  on conflict (user_id, author_id) do update
    set likes = greatest(a.likes + d_likes, 0),
        comments = greatest(a.comments + d_comments, 0),
        updated_at = now();
end $$;

create function likes_affinity() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform bump_affinity(new.user_id, new.post_id, 1, 0);
  else
    perform bump_affinity(old.user_id, old.post_id, -1, 0);
  end if;
  return null;
end $$;
create trigger likes_affinity after insert or delete on likes
  for each row execute function likes_affinity();

create function comments_affinity() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform bump_affinity(new.author_id, new.post_id, 0, 1);
  else
    perform bump_affinity(old.author_id, old.post_id, 0, -1);
  end if;
  return null;
end $$;
create trigger comments_affinity after insert or delete on comments
  for each row execute function comments_affinity();

insert into user_affinity (user_id, author_id, likes, comments)
select user_id, author_id, sum(likes)::int, sum(comments)::int from (
  select l.user_id, p.author_id, 1 as likes, 0 as comments from likes l join posts p on p.id = l.post_id
  union all
  select c.author_id, p.author_id, 0, 1 from comments c join posts p on p.id = c.post_id
) e where user_id <> author_id
group by user_id, author_id;

-- What the ranked feed showed whom, with the features it scored: the training data. `features` is null
-- for posts marked seen elsewhere (the Following tab, a profile), which count only for "already seen".
create table feed_impressions (
  viewer_id bigint not null references users (id) on delete cascade,
  post_id bigint not null references posts (id) on delete cascade,
  served_at timestamptz not null default now(),
  position smallint,
  features real[],
  seen_at timestamptz,
  primary key (viewer_id, post_id)
);
-- trainingExamples (the newest seen impressions)
create index feed_impressions_seen on feed_impressions (seen_at desc) where seen_at is not null and features is not null;

-- Logistic-regression weights, newest last; the feed scores with the newest.
create table ranking_models (
  id bigserial primary key,
  feature_names text[] not null,
  weights double precision[] not null,
  examples integer not null,
  positives integer not null,
  auc double precision,
  trained_at timestamptz not null default now()
);
