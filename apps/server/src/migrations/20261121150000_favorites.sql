-- Favorites: up to 50 accounts a person follows whose posts get their own feed tab.
create table favorites (
  user_id bigint not null references users (id) on delete cascade,
  favorite_id bigint not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (user_id, favorite_id)
);
-- favoritesOf (the list, newest first)
create index favorites_user_created on favorites (user_id, created_at desc);
