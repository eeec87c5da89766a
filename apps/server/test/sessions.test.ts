import { hash } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { describeDevice } from '../src/modules/security/devices';
import type { Api } from './support/client';
import { MODE, modeAvailable, type TestServer, useTestWorld } from './support/harness';
import { PASSWORD, type Seed } from './support/seed';

const SESSIONS = '{ viewer { sessions { id device current lastUsedAt } } }';
type Sessions = { viewer: { sessions: { id: string; device: string; current: boolean }[] } };

describe('device names', () => {
  it('names common browsers and systems', () => {
    expect(
      describeDevice(
        'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36',
      ),
    ).toBe('Chrome on Android');
    expect(
      describeDevice(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari on iOS');
    expect(
      describeDevice('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0'),
    ).toBe('Firefox on Windows');
    expect(describeDevice(null)).toBe('Unknown device');
    expect(describeDevice('curl/8.5')).toBe('curl/8.5');
  });
});

describe.skipIf(!(await modeAvailable()))(`active sessions [${MODE}]`, () => {
  let api: Api;
  let seed: Seed;
  let server: TestServer;
  useTestWorld((w) => ({ api, seed, server } = w));

  it('rehashes a password made with older argon2 parameters at the next log-in', async () => {
    const user = await seed.user();
    const db = server.glimpse.platform.db;
    const weak = await hash(PASSWORD, { memoryCost: 8192, timeCost: 1, parallelism: 1 });
    await db.query('update users set password_hash = $2 where id = $1', [user.id, weak]);
    await api.ok(
      'mutation($l: String!, $p: String!) { logIn(input: { login: $l, password: $p }) { token } }',
      {
        l: user.username,
        p: PASSWORD,
      },
    );
    const [row] = await db.query<{ password_hash: string }>('select password_hash from users where id = $1', [
      user.id,
    ]);
    expect(row?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('lists where the account is signed in and signs out one other device', async () => {
    const user = await seed.user();
    const phone = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36',
      },
      body: JSON.stringify({
        query: 'mutation($l: String!, $p: String!) { logIn(input: { login: $l, password: $p }) { token } }',
        variables: { l: user.username, p: PASSWORD },
      }),
    });
    const phoneToken = ((await phone.json()) as { data: { logIn: { token: string } } }).data.logIn.token;
    const listed = (await api.ok<Sessions>(SESSIONS, {}, user.token)).viewer.sessions;
    expect(listed).toHaveLength(2);
    expect(listed.filter((s) => s.current)).toHaveLength(1);
    const other = listed.find((s) => !s.current)!;
    expect(other.device).toBe('Chrome on Android');

    const REVOKE = 'mutation($id: ID!) { revokeSession(id: $id) }';
    const stranger = await seed.user();
    expect((await api.fails(REVOKE, { id: other.id }, stranger.token)).extensions?.code).toBe('NOT_FOUND');
    expect((await api.fails(REVOKE, { id: 'nope' }, user.token)).extensions?.code).toBe('NOT_FOUND');
    await api.ok(REVOKE, { id: other.id }, user.token);
    expect(
      (await api.ok<{ viewer: unknown }>('{ viewer { user { id } } }', {}, phoneToken)).viewer,
    ).toBeNull();
    expect((await api.ok<Sessions>(SESSIONS, {}, user.token)).viewer.sessions).toHaveLength(1);
  });
});
