import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { SoftwareAuthenticator } from './support/authenticator';
import type { Api } from './support/client';
import { MODE, modeAvailable, type TestServer, useTestWorld } from './support/harness';
import { PASSWORD, type Seed, type SeededUser } from './support/seed';

const BEGIN_REG = 'mutation($p: String!) { beginPasskeyRegistration(password: $p) }';
const FINISH_REG =
  'mutation($r: String!, $n: String) { finishPasskeyRegistration(response: $r, name: $n) { id name lastUsedAt } }';
const BEGIN_LOGIN = 'mutation($c: String) { beginPasskeyLogIn(twoFactorChallenge: $c) { token options } }';
const FINISH_LOGIN = `mutation($t: String!, $r: String!, $c: String) {
  finishPasskeyLogIn(token: $t, response: $r, twoFactorChallenge: $c) { token viewer { user { username } } } }`;

describe.skipIf(!(await modeAvailable()))(`passkeys [${MODE}]`, () => {
  let server: TestServer;
  let api: Api;
  let seed: Seed;
  useTestWorld((w) => ({ server, api, seed } = w));
  const origin = () => server.glimpse.services.relyingParty().origin;

  const register = async (user: SeededUser, name = 'Laptop') => {
    const device = new SoftwareAuthenticator(origin());
    const options = await api.ok<{ beginPasskeyRegistration: string }>(
      BEGIN_REG,
      { p: PASSWORD },
      user.token,
    );
    const done = await api.ok<{ finishPasskeyRegistration: { id: string; name: string } }>(
      FINISH_REG,
      { r: device.create(options.beginPasskeyRegistration), n: name },
      user.token,
    );
    return { device, passkey: done.finishPasskeyRegistration };
  };
  const begin = async (challenge: string | null = null) =>
    (await api.ok<{ beginPasskeyLogIn: { token: string; options: string } }>(BEGIN_LOGIN, { c: challenge }))
      .beginPasskeyLogIn;

  it('registers a passkey and signs in with it alone, once per challenge', async () => {
    const user = await seed.user();
    const { device, passkey } = await register(user);
    expect(passkey.name).toBe('Laptop');
    const { token, options } = await begin();
    const response = device.get(options, user.id);
    const signedIn = await api.ok<{ finishPasskeyLogIn: { viewer: { user: { username: string } } } }>(
      FINISH_LOGIN,
      {
        t: token,
        r: response,
      },
    );
    expect(signedIn.finishPasskeyLogIn.viewer.user.username).toBe(user.username);
    // Replaying the same assertion (or the same token) signs no one in.
    expect((await api.fails(FINISH_LOGIN, { t: token, r: response })).extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    const listed = await api.ok<{ viewer: { passkeys: { name: string; lastUsedAt: string | null }[] } }>(
      '{ viewer { passkeys { name lastUsedAt } } }',
      {},
      user.token,
    );
    expect(listed.viewer.passkeys).toHaveLength(1);
    expect(listed.viewer.passkeys[0]?.lastUsedAt).not.toBeNull();
  });

  it('refuses a wrong origin, a cloned authenticator (counter going back) and an unknown credential', async () => {
    const user = await seed.user();
    const { device } = await register(user);
    let attempt = await begin();
    const phishing = device.get(attempt.options, user.id, { origin: 'https://glimpse.evil.example' });
    expect((await api.fails(FINISH_LOGIN, { t: attempt.token, r: phishing })).extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    attempt = await begin();
    await api.ok(FINISH_LOGIN, {
      t: attempt.token,
      r: device.get(attempt.options, user.id, { signCount: 10 }),
    });
    attempt = await begin();
    const cloned = device.get(attempt.options, user.id, { signCount: 5 });
    expect((await api.fails(FINISH_LOGIN, { t: attempt.token, r: cloned })).extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    attempt = await begin();
    const stranger = new SoftwareAuthenticator(origin());
    const unknown = stranger.get(attempt.options, user.id);
    expect((await api.fails(FINISH_LOGIN, { t: attempt.token, r: unknown })).extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect((await api.fails(FINISH_LOGIN, { t: attempt.token, r: '{not json' })).extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it("is a second factor after a password, for that account's passkeys only", async () => {
    const user = await seed.user();
    const other = await seed.user();
    const { device } = await register(user);
    const { device: otherDevice } = await register(other);
    const begun = await api.ok<{ beginTwoFactorSetup: { secret: string } }>(
      'mutation($p: String!) { beginTwoFactorSetup(password: $p) { secret } }',
      { p: PASSWORD },
      user.token,
    );
    const code = new TOTP({ secret: Secret.fromBase32(begun.beginTwoFactorSetup.secret) }).generate({
      timestamp: Date.now() - 30_000,
    });
    await api.ok('mutation($c: String!) { confirmTwoFactorSetup(code: $c) }', { c: code }, user.token);
    const refused = await api.fails(
      'mutation($l: String!, $p: String!) { logIn(input: { login: $l, password: $p }) { token } }',
      {
        l: user.username,
        p: PASSWORD,
      },
    );
    const challenge = refused.extensions?.challenge ?? '';
    // Another account's passkey does not finish this log-in.
    let attempt = await begin(challenge);
    expect(JSON.parse(attempt.options).allowCredentials).toHaveLength(1);
    const wrong = otherDevice.get(attempt.options, other.id);
    expect(
      (await api.fails(FINISH_LOGIN, { t: attempt.token, r: wrong, c: challenge })).extensions?.code,
    ).toBe('UNAUTHENTICATED');
    attempt = await begin(challenge);
    const ok = await api.ok<{ finishPasskeyLogIn: { viewer: { user: { username: string } } } }>(
      FINISH_LOGIN,
      {
        t: attempt.token,
        r: device.get(attempt.options, user.id),
        c: challenge,
      },
    );
    expect(ok.finishPasskeyLogIn.viewer.user.username).toBe(user.username);
    // The challenge is spent.
    expect((await api.fails(BEGIN_LOGIN, { c: challenge })).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('adding and removing ask for the password; a passkey registers once', async () => {
    const user = await seed.user();
    expect((await api.fails(BEGIN_REG, { p: 'wrong' }, user.token)).extensions?.field).toBe('password');
    expect((await api.fails(BEGIN_REG, { p: PASSWORD })).extensions?.code).toBe('UNAUTHENTICATED');
    const { passkey } = await register(user);
    // A response for a stale or missing registration is refused.
    expect(
      (
        await api.fails(
          FINISH_REG,
          { r: new SoftwareAuthenticator(origin()).create('{"challenge":"x","user":{"id":"a"}}') },
          user.token,
        )
      ).extensions?.field,
    ).toBe('response');
    const REMOVE = 'mutation($id: ID!, $p: String!) { removePasskey(id: $id, password: $p) }';
    const other = await seed.user();
    expect((await api.fails(REMOVE, { id: passkey.id, p: PASSWORD }, other.token)).extensions?.code).toBe(
      'NOT_FOUND',
    );
    await api.ok(REMOVE, { id: passkey.id, p: PASSWORD }, user.token);
    const left = await api.ok<{ viewer: { passkeys: unknown[] } }>(
      '{ viewer { passkeys { id } } }',
      {},
      user.token,
    );
    expect(left.viewer.passkeys).toEqual([]);
  });
});
