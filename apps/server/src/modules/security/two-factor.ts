import { createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { AppError, badInput } from '../../errors';
import type { Cache } from '../../platform/cache/port';
import type { Db } from '../../platform/db';
import type { SecretBox } from '../../platform/secrets';

/**
 * Two-factor sign-in with time-based one-time codes (RFC 6238, via otpauth), as authenticator apps
 * expect: 6 digits, 30 seconds, SHA-1. Set-up returns a secret and an otpauth:// URI (the QR code); the
 * first valid code turns it on and yields ten one-time recovery codes. Signing in with a password
 * then stops at a short-lived challenge that a code (or a recovery code) completes. Secrets and codes
 * are sealed at rest; an accepted code's time step is remembered so it can't be replayed.
 */
export interface TwoFactor {
  isEnabled(userId: string): Promise<boolean>;
  /** Starts (or restarts) set-up; 2FA stays off until `confirm`. */
  begin(userId: string, accountName: string): Promise<{ secret: string; uri: string }>;
  /** Checks the first code from the app, turns 2FA on, and returns the recovery codes (shown once). */
  confirm(userId: string, code: string): Promise<string[]>;
  disable(userId: string): Promise<void>;
  regenerateRecoveryCodes(userId: string): Promise<string[]>;
  recoveryCodesLeft(userId: string): Promise<number>;
  /** After a correct password: a challenge to complete with a code. */
  challenge(userId: string): Promise<string>;
  /** Completes a challenge with a 6-digit code or a recovery code; returns the user, or throws. */
  complete(challenge: string, code: string): Promise<string>;
  /** The user a live challenge belongs to (for completing it with a passkey), or null. */
  challengeUser(challenge: string): Promise<string | null>;
  /** Ends a challenge completed another way (a passkey). */
  endChallenge(challenge: string): Promise<void>;
  /** Re-seals secrets sealed under an older key; returns how many were re-sealed. */
  rotateSecrets(): Promise<number>;
}

export const RECOVERY_CODES = 10;
const CHALLENGE_TTL_SECONDS = 5 * 60;
const CHALLENGE_ATTEMPTS = 5;
const ISSUER = 'Glimpse';
const PERIOD = 30;

const CODE = /^[0-9]{6}$/;
const RECOVERY = /^[a-z2-7]{5}-?[a-z2-7]{5}$/;

const totpOf = (secret: string, label = '') =>
  new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secret),
  });

const normalise = (code: string) => code.trim().toLowerCase().replace(/\s+/g, '');
const digestOf = (userId: string, code: string) =>
  createHash('sha256')
    .update(`${userId}:${normalise(code).replace('-', '')}`)
    .digest('base64url');

function newRecoveryCode(): string {
  // 10 base32 characters (50 bits), shown as xxxxx-xxxxx.
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => alphabet[b % 32]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

export function createTwoFactor(deps: {
  db: Db;
  cache: Cache;
  secrets: SecretBox;
  now?: () => number;
}): TwoFactor {
  const { db, cache, secrets } = deps;
  const now = deps.now ?? Date.now;
  const purpose = (userId: string) => `totp:${userId}`;

  const storeRecoveryCodes = async (userId: string): Promise<string[]> => {
    const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
    await db.transaction(async (tx) => {
      await tx.query('/* dropRecoveryCodes */ delete from recovery_codes where user_id = $1', [userId]);
      await tx.query(
        `/* storeRecoveryCodes */ insert into recovery_codes (id, user_id, code_sealed, code_digest)
         select next_id(shard_of($1)), $1, c.sealed, c.digest
         from jsonb_to_recordset($2::jsonb) as c(sealed text, digest text)`,
        [
          userId,
          JSON.stringify(
            codes.map((code) => ({
              sealed: secrets.seal(code, `recovery:${userId}`),
              digest: digestOf(userId, code),
            })),
          ),
        ],
      );
    });
    return codes;
  };

  /** Accepts a code for the user's enabled secret once; false when wrong or already used. */
  const acceptCode = async (userId: string, code: string, enabled: boolean): Promise<boolean> => {
    const [row] = await db.query<{ secret_sealed: string; last_step: string }>(
      `/* totpOf */ select secret_sealed, last_step::text from user_totp
       where user_id = $1 and (enabled_at is not null) = $2`,
      [userId, enabled],
    );
    if (!row) return false;
    const totp = totpOf(secrets.open(row.secret_sealed, purpose(userId)));
    const timestamp = now();
    const delta = totp.validate({ token: code, timestamp, window: 1 });
    if (delta === null) return false;
    const step = Math.floor(timestamp / 1000 / PERIOD) + delta;
    // Only a later step than the last accepted one: a code can't be used twice, even concurrently.
    const updated = await db.query(
      `/* acceptTotpStep */ update user_totp set last_step = $2 where user_id = $1 and last_step < $2 returning 1`,
      [userId, step],
    );
    return updated.length === 1;
  };

  const useRecoveryCode = async (userId: string, code: string): Promise<boolean> => {
    const used = await db.query(
      `/* useRecoveryCode */ update recovery_codes set used_at = now()
       where user_id = $1 and code_digest = $2 and used_at is null returning 1`,
      [userId, digestOf(userId, code)],
    );
    return used.length === 1;
  };

  return {
    async isEnabled(userId) {
      const [row] = await db.query<{ on: boolean }>(
        '/* totpEnabled */ select exists (select 1 from user_totp where user_id = $1 and enabled_at is not null) as on',
        [userId],
      );
      return row?.on ?? false;
    },

    async begin(userId, accountName) {
      const secret = new Secret({ size: 20 }).base32;
      const [row] = await db.query(
        `/* beginTotp */ insert into user_totp (user_id, secret_sealed) values ($1, $2)
         on conflict (user_id) do update set secret_sealed = excluded.secret_sealed, last_step = 0
           where user_totp.enabled_at is null
         returning 1`,
        [userId, secrets.seal(secret, purpose(userId))],
      );
      if (!row) throw new AppError('CONFLICT', 'Two-factor authentication is already on');
      return { secret, uri: totpOf(secret, accountName).toString() };
    },

    async confirm(userId, code) {
      if (!CODE.test(code.trim()))
        throw badInput('code', 'Enter the 6-digit code from your authenticator app');
      if (!(await acceptCode(userId, code.trim(), false))) {
        throw badInput('code', "That code isn't right. Check your app's clock and try the newest code.");
      }
      await db.query('/* enableTotp */ update user_totp set enabled_at = now() where user_id = $1', [userId]);
      return storeRecoveryCodes(userId);
    },

    async disable(userId) {
      await db.transaction(async (tx) => {
        await tx.query('/* disableTotp */ delete from user_totp where user_id = $1', [userId]);
        await tx.query('/* dropRecoveryCodes */ delete from recovery_codes where user_id = $1', [userId]);
      });
    },

    async regenerateRecoveryCodes(userId) {
      const [row] = await db.query(
        '/* totpOn */ select 1 from user_totp where user_id = $1 and enabled_at is not null',
        [userId],
      );
      if (!row) throw badInput('code', 'Turn on two-factor authentication first');
      return storeRecoveryCodes(userId);
    },

    async recoveryCodesLeft(userId) {
      const [row] = await db.query<{ n: number }>(
        '/* recoveryCodesLeft */ select count(*)::int as n from recovery_codes where user_id = $1 and used_at is null',
        [userId],
      );
      return row?.n ?? 0;
    },

    async challenge(userId) {
      const token = randomBytes(24).toString('base64url');
      await cache.set(`2fa:${token}`, JSON.stringify({ userId, attempts: 0 }), CHALLENGE_TTL_SECONDS);
      return token;
    },

    async challengeUser(challenge) {
      if (!/^[A-Za-z0-9_-]{32}$/.test(challenge)) return null;
      const stored = await cache.get(`2fa:${challenge}`);
      return stored ? (JSON.parse(stored) as { userId: string }).userId : null;
    },

    async endChallenge(challenge) {
      await cache.del(`2fa:${challenge}`);
    },

    async complete(challenge, raw) {
      const expired = () => new AppError('UNAUTHENTICATED', 'This sign-in has expired. Log in again.');
      if (!/^[A-Za-z0-9_-]{32}$/.test(challenge)) throw expired();
      const key = `2fa:${challenge}`;
      const stored = await cache.get(key);
      if (!stored) throw expired();
      const { userId, attempts } = JSON.parse(stored) as { userId: string; attempts: number };
      const code = normalise(raw);
      const ok = CODE.test(code)
        ? await acceptCode(userId, code, true)
        : RECOVERY.test(code)
          ? await useRecoveryCode(userId, code)
          : false;
      if (ok) {
        await cache.del(key);
        return userId;
      }
      // A few tries, then the password is needed again.
      if (attempts + 1 >= CHALLENGE_ATTEMPTS) await cache.del(key);
      else {
        const ttl = await cache.ttl(key);
        await cache.set(key, JSON.stringify({ userId, attempts: attempts + 1 }), Math.max(ttl, 1));
      }
      throw badInput('code', "That code isn't right. Try the newest code from your app, or a recovery code.");
    },

    async rotateSecrets() {
      let rotated = 0;
      const rows = await db.query<{ user_id: string; secret_sealed: string }>(
        '/* sealedTotpSecrets */ select user_id::text, secret_sealed from user_totp',
      );
      for (const row of rows) {
        if (!secrets.isStale(row.secret_sealed)) continue;
        await db.query(
          '/* resealTotp */ update user_totp set secret_sealed = $2 where user_id = $1 and secret_sealed = $3',
          [row.user_id, secrets.rotate(row.secret_sealed, purpose(row.user_id)), row.secret_sealed],
        );
        rotated++;
      }
      const codes = await db.query<{ id: string; user_id: string; code_sealed: string }>(
        '/* sealedRecoveryCodes */ select id::text, user_id::text, code_sealed from recovery_codes where used_at is null',
      );
      for (const row of codes) {
        if (!secrets.isStale(row.code_sealed)) continue;
        await db.query('/* resealRecoveryCode */ update recovery_codes set code_sealed = $2 where id = $1', [
          row.id,
          secrets.rotate(row.code_sealed, `recovery:${row.user_id}`),
        ]);
        rotated++;
      }
      return rotated;
    },
  };
}
