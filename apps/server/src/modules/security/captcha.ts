import { createHash, randomInt } from 'node:crypto';
import type { Challenge, Solution } from 'altcha-lib';
import { createChallenge, verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { badInput } from '../../errors';
import type { Cache } from '../../platform/cache/port';

/**
 * A self-hosted proof-of-work CAPTCHA (ALTCHA): the server hands out a signed challenge, the browser
 * spends a second or so of CPU finding the counter that produces its key prefix, and the server
 * checks the answer in microseconds. No third party sees anyone. Each solved challenge works once
 * (its signature is remembered until it expires), and challenges expire after ten minutes.
 */
export interface Captcha {
  /** A challenge as JSON, what the ALTCHA widget fetches. */
  challenge(): Promise<Challenge>;
  /** Verifies a widget payload (base64 JSON of { challenge, solution }); throws a field error when not. */
  verify(payload: string | null | undefined, field: string): Promise<void>;
}

export interface CaptchaOptions {
  /** The solver's work: the counter is drawn up to this (SHA-256 per try). */
  maxCounter: number;
  /** Seconds a challenge stays valid. */
  ttlSeconds?: number;
}

const ALGORITHM = 'SHA-256';

export function createCaptcha(deps: { cache: Cache; secret: Buffer; options: CaptchaOptions }): Captcha {
  const { cache, options } = deps;
  // Separate keys for the challenge and the derived-key signatures, both from the server's secret.
  const hmac = (label: string) =>
    createHash('sha256').update(`altcha:${label}:`).update(deps.secret).digest('base64url');
  const signatureSecret = hmac('challenge');
  const keySecret = hmac('key');
  const ttl = options.ttlSeconds ?? 600;

  return {
    challenge() {
      return createChallenge({
        algorithm: ALGORITHM,
        cost: 1,
        counter: randomInt(Math.floor(options.maxCounter / 2), options.maxCounter + 1),
        deriveKey,
        expiresAt: Math.floor(Date.now() / 1000) + ttl,
        hmacSignatureSecret: signatureSecret,
        hmacKeySignatureSecret: keySecret,
      });
    },

    async verify(payload, field) {
      const refuse = () =>
        badInput(field, 'Please complete the verification ("I\'m not a robot") and try again');
      if (!payload || payload.length > 4096) throw refuse();
      let parsed: { challenge?: Challenge; solution?: Solution } | null;
      try {
        parsed = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as typeof parsed;
      } catch {
        throw refuse();
      }
      // Any JSON decodes, `null` included: only an object can hold a challenge and a solution.
      if (typeof parsed !== 'object' || parsed === null) throw refuse();
      if (!parsed.challenge?.parameters || !parsed.challenge.signature || !parsed.solution) throw refuse();
      const result = await verifySolution({
        challenge: parsed.challenge,
        solution: parsed.solution,
        deriveKey,
        hmacSignatureSecret: signatureSecret,
        hmacKeySignatureSecret: keySecret,
      }).catch(() => null);
      if (!result?.verified) throw refuse();
      // Once only: the first use of a signature counts it to 1.
      const uses = await cache.incr(`captcha:${parsed.challenge.signature}`, ttl);
      if (uses > 1) throw refuse();
    },
  };
}
