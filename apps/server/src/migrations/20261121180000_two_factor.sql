-- Two-factor sign-in with TOTP: the secret and recovery codes are sealed (AES-256-GCM, see
-- platform/secrets.ts) under a key from configuration; nothing here is usable from a database dump.
create table user_totp (
  user_id bigint primary key references users (id) on delete cascade,
  secret_sealed text not null,
  -- Null while set-up waits for the first code from the authenticator app.
  enabled_at timestamptz,
  -- The last 30-second step a code was accepted for: the same code can't be used twice.
  last_step bigint not null default 0,
  created_at timestamptz not null default now()
);

create table recovery_codes (
  id bigint primary key,
  user_id bigint not null references users (id) on delete cascade,
  code_sealed text not null,
  -- SHA-256 of the user and the code: finds a typed code without opening every sealed one (the codes
  -- are 50 random bits, so the digest reveals nothing practical).
  code_digest text not null,
  used_at timestamptz
);
-- useRecoveryCode, recoveryCodesLeft
create index recovery_codes_user on recovery_codes (user_id, code_digest);
