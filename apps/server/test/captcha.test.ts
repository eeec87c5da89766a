import { describe, expect, it } from 'vitest';
import { solvedCaptcha } from './support/captcha';
import type { Api } from './support/client';
import { MODE, modeAvailable, useTestWorld } from './support/harness';
import { PASSWORD, type Seed } from './support/seed';

const SIGN_UP = 'mutation($input: SignUpInput!) { signUp(input: $input) { token } }';
const LOG_IN =
  'mutation($l: String!, $p: String!, $c: String) { logIn(input: { login: $l, password: $p, captcha: $c }) { token } }';

describe.skipIf(!(await modeAvailable()))(`proof-of-work CAPTCHA [${MODE}]`, () => {
  let api: Api;
  let seed: Seed;
  useTestWorld((w) => ({ api, seed } = w));
  let n = 0;
  const input = (captcha: string | null) => {
    n += 1;
    const username = `robot${n}_${Date.now().toString(36)}`;
    return { username, email: `${username}@example.test`, password: PASSWORD, captcha };
  };

  it('hands out signed, expiring, uncacheable challenges', async () => {
    const response = await fetch(`${api.url}/captcha`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const challenge = (await response.json()) as {
      parameters: { algorithm: string; expiresAt: number };
      signature: string;
    };
    expect(challenge.parameters.algorithm).toBe('SHA-256');
    expect(challenge.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(challenge.parameters.expiresAt).toBeGreaterThan(Date.now() / 1000);
  });

  it('sign-up needs a solved challenge, and each works once', async () => {
    for (const captcha of [null, '', 'not base64 json', Buffer.from('{"challenge":{}}').toString('base64')]) {
      const err = await api.fails(SIGN_UP, { input: input(captcha) });
      expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'captcha' });
    }
    const payload = await solvedCaptcha(api.url);
    await api.ok(SIGN_UP, { input: input(payload) });
    expect((await api.fails(SIGN_UP, { input: input(payload) })).extensions?.field).toBe('captcha');
  });

  it('refuses a tampered solution or a challenge re-signed by someone else', async () => {
    const payload = JSON.parse(Buffer.from(await solvedCaptcha(api.url), 'base64').toString()) as {
      challenge: { parameters: { cost: number } };
      solution: { counter: number; derivedKey: string };
    };
    // A made-up key (the work not done), or parameters made easier after signing.
    const key = payload.solution.derivedKey;
    const wrongKey = {
      ...payload,
      solution: { ...payload.solution, derivedKey: `${key.slice(0, -1)}${key.endsWith('0') ? '1' : '0'}` },
    };
    const easier = {
      ...payload,
      challenge: { ...payload.challenge, parameters: { ...payload.challenge.parameters, cost: 0 } },
    };
    for (const forged of [wrongKey, easier]) {
      const err = await api.fails(SIGN_UP, {
        input: input(Buffer.from(JSON.stringify(forged)).toString('base64')),
      });
      expect(err.extensions?.field).toBe('captcha');
    }
  });

  it('log-in asks for one after three failures from the same address', async () => {
    const user = await seed.user();
    for (let i = 0; i < 3; i++) {
      expect((await api.fails(LOG_IN, { l: user.username, p: 'wrong password' })).extensions?.code).toBe(
        'BAD_USER_INPUT',
      );
    }
    const asked = await api.fails(LOG_IN, { l: user.username, p: PASSWORD });
    expect(asked.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'captcha',
      reason: 'CAPTCHA_REQUIRED',
    });
    await api.ok(LOG_IN, { l: user.username, p: PASSWORD, c: await solvedCaptcha(api.url) });
  });
});
