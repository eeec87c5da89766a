import { randomBytes } from 'node:crypto';
import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { AppError, badInput, notFound } from '../../errors';
import type { Cache } from '../../platform/cache/port';
import type { Db } from '../../platform/db';
import { cleanText, textProblem } from '../text/validate';

/**
 * Passkeys (WebAuthn, via SimpleWebAuthn): registered while signed in, then used either to sign in
 * with no password (discoverable credentials, user verification required) or as the second step of a
 * password log-in. Challenges live in the cache for five minutes and work once; the signature counter
 * is checked so a cloned authenticator shows up.
 */
export interface PasskeyRow {
  id: string;
  name: string;
  created_at: Date;
  last_used_at: Date | null;
}

/** Where the browser says it is: WebAuthn binds credentials to this origin and its host (the RP ID). */
export interface RelyingParty {
  origin: string;
  rpId: string;
}

export interface Passkeys {
  list(userId: string): Promise<PasskeyRow[]>;
  beginRegistration(userId: string, username: string, rp: RelyingParty): Promise<string>;
  finishRegistration(
    userId: string,
    response: string,
    name: string | null,
    rp: RelyingParty,
  ): Promise<PasskeyRow>;
  remove(userId: string, id: string): Promise<void>;
  /** Options for signing in; with `userId`, only that account's passkeys are allowed (second factor). */
  beginLogIn(rp: RelyingParty, userId: string | null): Promise<{ token: string; options: string }>;
  /** Verifies an assertion; returns the account it signs in. */
  finishLogIn(token: string, response: string, rp: RelyingParty): Promise<string>;
}

const CHALLENGE_TTL_SECONDS = 5 * 60;
const MAX_PASSKEYS = 20;
const RP_NAME = 'Glimpse';

function parseJson<T>(raw: string, field: string): T {
  if (raw.length > 64_000) throw badInput(field, 'The passkey response is too large');
  try {
    const value = JSON.parse(raw) as unknown;
    if (typeof value !== 'object' || value === null) throw new Error('not an object');
    return value as T;
  } catch {
    throw badInput(field, 'The passkey response is not valid JSON');
  }
}

export function createPasskeys(deps: { db: Db; cache: Cache }): Passkeys {
  const { db, cache } = deps;
  const refused = () =>
    new AppError('UNAUTHENTICATED', "That passkey didn't work. Try again or use your password.");

  return {
    async list(userId) {
      return db.query<PasskeyRow>(
        '/* passkeysOf */ select id::text, name, created_at, last_used_at from passkeys where user_id = $1 order by id',
        [userId],
      );
    },

    async beginRegistration(userId, username, rp) {
      const existing = await db.query<{ credential_id: string; transports: string[] }>(
        '/* passkeyCredentialsOf */ select credential_id, transports from passkeys where user_id = $1',
        [userId],
      );
      if (existing.length >= MAX_PASSKEYS)
        throw badInput('password', `You can have up to ${MAX_PASSKEYS} passkeys`);
      const options = await generateRegistrationOptions({
        rpName: RP_NAME,
        rpID: rp.rpId,
        userName: username,
        userID: new TextEncoder().encode(userId),
        attestationType: 'none',
        excludeCredentials: existing.map((c) => ({ id: c.credential_id, transports: c.transports })),
        authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      });
      await cache.set(`webauthn:reg:${userId}`, options.challenge, CHALLENGE_TTL_SECONDS);
      return JSON.stringify(options);
    },

    async finishRegistration(userId, raw, rawName, rp) {
      const response = parseJson<RegistrationResponseJSON>(raw, 'response');
      const name = cleanText(rawName ?? '') || 'Passkey';
      const problem = textProblem(name, { label: 'Name', max: 60, min: 1 });
      if (problem) throw badInput('name', problem);
      const key = `webauthn:reg:${userId}`;
      const expectedChallenge = await cache.get(key);
      if (!expectedChallenge) throw badInput('response', 'This passkey set-up has expired. Start again.');
      await cache.del(key);
      const verification = await verifyRegistrationResponse({
        response,
        expectedChallenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.rpId,
        requireUserVerification: true,
      }).catch(() => null);
      if (!verification?.verified) throw badInput('response', "The passkey couldn't be verified. Try again.");
      const { credential } = verification.registrationInfo;
      const [row] = await db.query<PasskeyRow>(
        `/* addPasskey */ insert into passkeys (id, user_id, credential_id, public_key, counter, transports, name)
         values (next_id(shard_of($1)), $1, $2, $3, $4, $5, $6)
         on conflict (credential_id) do nothing
         returning id::text, name, created_at, last_used_at`,
        [
          userId,
          credential.id,
          Buffer.from(credential.publicKey),
          credential.counter,
          credential.transports ?? [],
          name,
        ],
      );
      if (!row) throw new AppError('CONFLICT', 'This passkey is already registered');
      return row;
    },

    async remove(userId, id) {
      const removed = await db.query(
        '/* removePasskey */ delete from passkeys where id = $1 and user_id = $2 returning 1',
        [id, userId],
      );
      if (removed.length === 0) throw notFound('Passkey');
    },

    async beginLogIn(rp, userId) {
      const allow = userId
        ? await db.query<{ credential_id: string; transports: string[] }>(
            '/* passkeyCredentialsOf */ select credential_id, transports from passkeys where user_id = $1',
            [userId],
          )
        : [];
      if (userId && allow.length === 0) throw badInput('challenge', 'This account has no passkeys');
      const options = await generateAuthenticationOptions({
        rpID: rp.rpId,
        userVerification: 'required',
        allowCredentials: allow.map((c) => ({ id: c.credential_id, transports: c.transports })),
      });
      const token = randomBytes(24).toString('base64url');
      await cache.set(
        `webauthn:auth:${token}`,
        JSON.stringify({ challenge: options.challenge, userId }),
        CHALLENGE_TTL_SECONDS,
      );
      return { token, options: JSON.stringify(options) };
    },

    async finishLogIn(token, raw, rp) {
      if (!/^[A-Za-z0-9_-]{32}$/.test(token)) throw refused();
      const key = `webauthn:auth:${token}`;
      const stored = await cache.get(key);
      if (!stored) throw refused();
      await cache.del(key);
      const { challenge, userId } = JSON.parse(stored) as { challenge: string; userId: string | null };
      const response = parseJson<AuthenticationResponseJSON>(raw, 'response');
      const [passkey] = await db.query<{
        id: string;
        user_id: string;
        public_key: Buffer;
        counter: string;
        transports: string[];
      }>(
        `/* passkeyByCredential */ select id::text, user_id::text, public_key, counter::text, transports
         from passkeys where credential_id = $1`,
        [typeof response.id === 'string' ? response.id : ''],
      );
      // As a second factor, only the account that typed its password.
      if (!passkey || (userId !== null && passkey.user_id !== userId)) throw refused();
      const verification = await verifyAuthenticationResponse({
        response,
        expectedChallenge: challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.rpId,
        requireUserVerification: true,
        credential: {
          id: response.id,
          publicKey: new Uint8Array(passkey.public_key),
          counter: Number(passkey.counter),
          transports: passkey.transports as never,
        },
      }).catch(() => null);
      if (!verification?.verified) throw refused();
      await db.query(
        '/* usePasskey */ update passkeys set counter = $2, last_used_at = now() where id = $1',
        [passkey.id, verification.authenticationInfo.newCounter],
      );
      return passkey.user_id;
    },
  };
}
