-- One-time links sent by mail: password resets and email verification. Only a digest of the token is
-- kept; a link works once and expires.
alter table users add column email_verified_at timestamptz;

create table one_time_tokens (
  id bigint primary key,
  user_id bigint not null references users (id) on delete cascade,
  purpose text not null check (purpose in ('password_reset', 'verify_email')),
  token_digest text not null,
  -- For email verification: the address the link confirms (an email change invalidates it).
  email text,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
-- redeemToken
create unique index one_time_tokens_digest on one_time_tokens (token_digest);
-- recentTokens (rate of reset mails per account)
create index one_time_tokens_user on one_time_tokens (user_id, purpose, created_at desc);

-- Passkeys (WebAuthn credentials): a second factor, or sign-in with no password at all.
create table passkeys (
  id bigint primary key,
  user_id bigint not null references users (id) on delete cascade,
  credential_id text not null,
  public_key bytea not null,
  counter bigint not null default 0,
  transports text[] not null default '{}',
  name text not null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz
);
-- passkeyByCredential (sign-in)
create unique index passkeys_credential on passkeys (credential_id);
-- passkeysOf
create index passkeys_user on passkeys (user_id, id);
