-- The transactional outbox: side effects (media jobs, fan-out, file deletion) are written here in the
-- transaction that causes them and relayed to the job queue afterwards, so a commit while the broker is
-- down loses nothing.
create table outbox (
  id bigint generated always as identity primary key,
  job text not null,
  payload jsonb not null,
  created_at timestamptz not null default now()
);
-- relayOutbox reads oldest first by the primary key; nothing else queries this table.
