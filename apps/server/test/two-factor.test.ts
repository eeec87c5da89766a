import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import type { Api } from './support/client';
import { MODE, modeAvailable, type TestServer, useTestWorld } from './support/harness';
import { PASSWORD, type Seed, type SeededUser } from './support/seed';

const BEGIN = 'mutation($p: String!) { beginTwoFactorSetup(password: $p) { secret uri } }';
const CONFIRM = 'mutation($c: String!) { confirmTwoFactorSetup(code: $c) }';
const LOG_IN = 'mutation($l: String!, $p: String!) { logIn(input: { login: $l, password: $p }) { token } }';
const COMPLETE =
  'mutation($ch: String!, $c: String!) { completeTwoFactorLogIn(challenge: $ch, code: $c) { token viewer { user { username } } } }';
const STATUS = '{ viewer { twoFactorEnabled recoveryCodesLeft } }';

const codeAt = (secret: string, ms: number) =>
  new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate({
    timestamp: ms,
  });

describe.skipIf(!(await modeAvailable()))(`two-factor sign-in [${MODE}]`, () => {
  let server: TestServer;
  let api: Api;
  let seed: Seed;
  useTestWorld((w) => ({ server, api, seed } = w));

  /** Turns 2FA on; returns the secret and the recovery codes. */
  const enable = async (user: SeededUser) => {
    const begun = await api.ok<{ beginTwoFactorSetup: { secret: string; uri: string } }>(
      BEGIN,
      { p: PASSWORD },
      user.token,
    );
    const { secret } = begun.beginTwoFactorSetup;
    const codes = await api.ok<{ confirmTwoFactorSetup: string[] }>(
      CONFIRM,
      // The previous step's code: accepted (one step of clock drift), and leaves the current one unused.
      { c: codeAt(secret, Date.now() - 30_000) },
      user.token,
    );
    return { secret, uri: begun.beginTwoFactorSetup.uri, recovery: codes.confirmTwoFactorSetup };
  };

  const challengeFor = async (user: SeededUser) => {
    const refused = await api.fails(LOG_IN, { l: user.username, p: PASSWORD });
    expect(refused.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TWO_FACTOR_REQUIRED' });
    return refused.extensions?.challenge ?? '';
  };

  it('turns on with the first code, then a log-in needs a code, which works once', async () => {
    const user = await seed.user();
    const { secret, uri, recovery } = await enable(user);
    expect(uri).toMatch(/^otpauth:\/\/totp\/Glimpse:.+\?.*secret=/);
    expect(recovery).toHaveLength(10);
    expect(new Set(recovery).size).toBe(10);
    expect(await api.ok(STATUS, {}, user.token)).toEqual({
      viewer: { twoFactorEnabled: true, recoveryCodesLeft: 10 },
    });
    // The secret is sealed at rest: the database holds no base32 secret.
    const [stored] = await server.glimpse.platform.db.query<{ secret_sealed: string }>(
      'select secret_sealed from user_totp where user_id = $1',
      [user.id],
    );
    expect(stored?.secret_sealed).toMatch(/^v1\./);
    expect(stored?.secret_sealed).not.toContain(secret);

    const challenge = await challengeFor(user);
    const wrong = await api.fails(COMPLETE, { ch: challenge, c: '000000' });
    expect(wrong.extensions?.code).toBe('BAD_USER_INPUT');
    const code = codeAt(secret, Date.now());
    const done = await api.ok<{
      completeTwoFactorLogIn: { token: string; viewer: { user: { username: string } } };
    }>(COMPLETE, { ch: challenge, c: code });
    expect(done.completeTwoFactorLogIn.viewer.user.username).toBe(user.username);
    // The same challenge, and the same code with a new challenge, are both refused (no replay).
    expect((await api.fails(COMPLETE, { ch: challenge, c: code })).extensions?.code).toBe('UNAUTHENTICATED');
    const again = await challengeFor(user);
    expect((await api.fails(COMPLETE, { ch: again, c: code })).extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a recovery code signs in once', async () => {
    const user = await seed.user();
    const { recovery } = await enable(user);
    const first = await challengeFor(user);
    await api.ok(COMPLETE, { ch: first, c: recovery[3]!.toUpperCase() });
    const second = await challengeFor(user);
    expect((await api.fails(COMPLETE, { ch: second, c: recovery[3]! })).extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    await api.ok(COMPLETE, { ch: second, c: recovery[4]! });
    expect(await api.ok(STATUS, {}, user.token)).toEqual({
      viewer: { twoFactorEnabled: true, recoveryCodesLeft: 8 },
    });
  });

  it('a challenge allows five tries, then the password is needed again', async () => {
    const user = await seed.user();
    const { secret } = await enable(user);
    const challenge = await challengeFor(user);
    for (let i = 0; i < 5; i++) {
      expect((await api.fails(COMPLETE, { ch: challenge, c: '123456' })).extensions?.code).toBe(
        'BAD_USER_INPUT',
      );
    }
    const late = await api.fails(COMPLETE, { ch: challenge, c: codeAt(secret, Date.now()) });
    expect(late.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await api.fails(COMPLETE, { ch: 'forged', c: '123456' })).extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('changing 2FA asks for the password again; wrong codes and wrong passwords change nothing', async () => {
    const user = await seed.user();
    expect((await api.fails(BEGIN, { p: 'not my password' }, user.token)).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'password',
    });
    expect((await api.fails(BEGIN, { p: PASSWORD })).extensions?.code).toBe('UNAUTHENTICATED');
    await api.ok(BEGIN, { p: PASSWORD }, user.token);
    expect((await api.fails(CONFIRM, { c: '12345' }, user.token)).extensions?.code).toBe('BAD_USER_INPUT');
    expect((await api.fails(CONFIRM, { c: '000000' }, user.token)).extensions?.code).toBe('BAD_USER_INPUT');
    expect(await api.ok(STATUS, {}, user.token)).toEqual({
      viewer: { twoFactorEnabled: false, recoveryCodesLeft: 0 },
    });
    // Log-in still needs no code while set-up is unfinished.
    await api.ok(LOG_IN, { l: user.username, p: PASSWORD });

    const { secret } = await enable(user);
    expect((await api.fails(BEGIN, { p: PASSWORD }, user.token)).extensions?.code).toBe('CONFLICT');
    const DISABLE = 'mutation($p: String!) { disableTwoFactor(password: $p) }';
    expect((await api.fails(DISABLE, { p: 'nope' }, user.token)).extensions?.code).toBe('BAD_USER_INPUT');
    const REGEN = 'mutation($p: String!) { regenerateRecoveryCodes(password: $p) }';
    const fresh = await api.ok<{ regenerateRecoveryCodes: string[] }>(REGEN, { p: PASSWORD }, user.token);
    expect(fresh.regenerateRecoveryCodes).toHaveLength(10);
    await api.ok(DISABLE, { p: PASSWORD }, user.token);
    await api.ok(LOG_IN, { l: user.username, p: PASSWORD });
    void secret;
  });

  it('re-seals secrets under a new key without changing the codes they make', async () => {
    const user = await seed.user();
    const { secret } = await enable(user);
    const { createSecretBox, parseSecretKeys } = await import('../src/platform/secrets');
    const { createTwoFactor } = await import('../src/modules/security/two-factor');
    const { db, cache } = server.glimpse.platform;
    const [row] = await db.query<{ secret_sealed: string }>(
      'select secret_sealed from user_totp where user_id = $1',
      [user.id],
    );
    const oldKeyId = row!.secret_sealed.split('.')[1]!;
    // The server's current keys, with a new one in front.
    const { loadSecretKeys } = await import('../src/platform/secrets');
    const current = await loadSecretKeys(server.glimpse.config.secretKeys, server.glimpse.config.dataDir);
    const rotatedKeys = new Map([
      ...parseSecretKeys(`next:${Buffer.alloc(32, 7).toString('base64')}`),
      ...current,
    ]);
    const rotated = createTwoFactor({ db, cache, secrets: createSecretBox(rotatedKeys) });
    expect(await rotated.rotateSecrets()).toBeGreaterThanOrEqual(11);
    const [after] = await db.query<{ secret_sealed: string }>(
      'select secret_sealed from user_totp where user_id = $1',
      [user.id],
    );
    expect(after!.secret_sealed.split('.')[1]).toBe('next');
    expect(oldKeyId).not.toBe('next');
    // Still the same secret: a code from the app completes a log-in through the rotated service.
    const challenge = await rotated.challenge(user.id);
    expect(await rotated.complete(challenge, codeAt(secret, Date.now() + 30_000))).toBe(user.id);
  });
});

describe.skipIf(!(await modeAvailable()))(`secret key rotation on start [${MODE}]`, () => {
  it('re-seals secrets sealed under an older configured key (the job queued at start while one is configured)', async () => {
    const { createSecretBox, parseSecretKeys } = await import('../src/platform/secrets');
    const { startServer } = await import('./support/harness');
    const { Api } = await import('./support/client');
    const { createSeed } = await import('./support/seed');
    const oldKey = `old:${Buffer.alloc(32, 1).toString('base64')}`;
    const newKey = `new:${Buffer.alloc(32, 2).toString('base64')}`;
    const server = await startServer({ env: { SECRET_KEYS: `${newKey},${oldKey}` } });
    try {
      const user = await createSeed(server, new Api(server.url)).user();
      // A secret sealed before the rotation began, under the old key.
      const old = createSecretBox(parseSecretKeys(oldKey));
      const db = server.glimpse.platform.db;
      await db.query('insert into user_totp (user_id, secret_sealed, enabled_at) values ($1, $2, now())', [
        user.id,
        old.seal('JBSWY3DPEHPK3PXP', `totp:${user.id}`),
      ]);
      const { rotateSecrets } = await import('../src/jobs');
      await server.glimpse.platform.queue.enqueue(rotateSecrets, {});
      await server.glimpse.jobsIdle();
      const [row] = await db.query<{ secret_sealed: string }>(
        'select secret_sealed from user_totp where user_id = $1',
        [user.id],
      );
      expect(row?.secret_sealed.split('.')[1]).toBe('new');
      expect(createSecretBox(parseSecretKeys(newKey)).open(row!.secret_sealed, `totp:${user.id}`)).toBe(
        'JBSWY3DPEHPK3PXP',
      );
    } finally {
      await server.stop();
    }
  });
});
