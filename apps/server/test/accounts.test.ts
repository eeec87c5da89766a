import { describe, expect, it } from 'vitest';
import { solvedCaptcha } from './support/captcha';
import type { Api } from './support/client';
import { MODE, modeAvailable, type TestServer, useTestWorld } from './support/harness';
import { PASSWORD, type Seed } from './support/seed';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { token expiresAt viewer { email user { id username displayName } } } }`;
const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { token viewer { user { username } } } }`;
const VIEWER = '{ viewer { email user { id username bio bioEntities { kind start end value } website } } }';

describe.skipIf(!(await modeAvailable()))(`accounts [${MODE}]`, () => {
  let server: TestServer;
  let api: Api;
  let seed: Seed;
  useTestWorld((w) => ({ server, api, seed } = w));

  const signUp = async (input: Record<string, unknown>) =>
    api.gql<{ signUp: { token: string; viewer: { email: string; user: { id: string; username: string } } } }>(
      SIGN_UP,
      {
        input: {
          email: `${String(input.username ?? 'x')}@example.test`,
          password: PASSWORD,
          captcha: await solvedCaptcha(api.url),
          ...input,
        },
      },
    );

  it('signs up, returning a session token, and stores the username normalised', async () => {
    const res = await signUp({ username: 'Ana.Silva', displayName: 'Ana Silva', email: 'Ana@Example.TEST' });
    expect(res.errors).toBeUndefined();
    expect(res.data?.signUp.viewer.user.username).toBe('ana.silva');
    expect(res.data?.signUp.viewer.email).toBe('ana@example.test');
    expect(res.data?.signUp.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The browser gets the same session as an httpOnly SameSite cookie.
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/glimpse_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it.each([
    ['', 'username', 'Enter a username'],
    ['a'.repeat(31), 'username', 'at most 30'],
    ['has space', 'username', 'letters, numbers, underscores and periods'],
    ['.dotstart', 'username', 'start or end with a period'],
    ['two..dots', 'username', 'two periods'],
    ['admin', 'username', 'not available'],
    ['аdmin', 'username', 'letters, numbers'], // Cyrillic а: a confusable is refused, not folded
    ['<script>', 'username', 'letters, numbers'],
    ['1234', 'username', 'at least one letter'],
  ])('refuses the username %j with a field error', async (username, field, message) => {
    const res = await signUp({ username });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.field).toBe(field);
    expect(res.errors?.[0]?.message).toContain(message);
  });

  it('treats usernames as unique case-insensitively and after NFKC folding', async () => {
    await seed.user('marco_p');
    const upper = await signUp({ username: 'MARCO_P', email: 'other1@example.test' });
    expect(upper.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'username' });
    expect(upper.errors?.[0]?.message).toBe('This username is taken');
    // Full-width letters fold to ASCII under NFKC: the same name.
    const wide = await signUp({ username: 'ｍａｒｃｏ_p', email: 'other2@example.test' });
    expect(wide.errors?.[0]?.message).toBe('This username is taken');
  });

  it('reports every invalid field of a sign-up at once and writes nothing', async () => {
    const res = await api.gql(SIGN_UP, {
      input: {
        username: 'ok_name1',
        email: 'not-an-email',
        password: 'short',
        captcha: await solvedCaptcha(api.url),
      },
    });
    const fields = res.errors?.[0]?.extensions?.fieldErrors?.map((e) => e.field);
    expect(fields).toEqual(['email', 'password']);
    const again = await signUp({ username: 'ok_name1' });
    expect(again.errors).toBeUndefined();
  });

  it('refuses a duplicate email and a too-common password', async () => {
    await seed.user('dupe_owner');
    const dupe = await signUp({ username: 'dupe_other', email: 'dupe_owner@example.test' });
    expect(dupe.errors?.[0]?.extensions?.field).toBe('email');
    const common = await signUp({ username: 'weakling', password: 'password' });
    expect(common.errors?.[0]?.extensions?.field).toBe('password');
  });

  it('logs in by username or email, case-insensitively, and refuses a wrong password without saying which part was wrong', async () => {
    await seed.user('lia');
    const byName = await api.gql<{ logIn: { token: string } }>(LOG_IN, {
      input: { login: 'LIA', password: PASSWORD },
    });
    expect(byName.errors).toBeUndefined();
    const byEmail = await api.gql(LOG_IN, { input: { login: 'Lia@example.test', password: PASSWORD } });
    expect(byEmail.errors).toBeUndefined();
    const wrong = await api.gql(LOG_IN, { input: { login: 'lia', password: 'wrong password!' } });
    const missing = await api.gql(LOG_IN, { input: { login: 'nobody_here', password: 'wrong password!' } });
    expect(wrong.errors?.[0]?.message).toBe('Incorrect username, email or password');
    expect(missing.errors?.[0]?.message).toBe(wrong.errors?.[0]?.message);
  });

  it('accepts the session as a bearer token or a cookie, and logs out', async () => {
    const user = await seed.user('sam');
    const viaBearer = await api.gql<{ viewer: { user: { username: string } } }>(
      VIEWER,
      {},
      { token: user.token },
    );
    expect(viaBearer.data?.viewer.user.username).toBe('sam');
    const viaCookie = await api.gql<{ viewer: { user: { username: string } } }>(
      VIEWER,
      {},
      { cookie: `glimpse_session=${user.token}` },
    );
    expect(viaCookie.data?.viewer.user.username).toBe('sam');
    await api.ok('mutation { logOut }', {}, user.token);
    const after = await api.gql<{ viewer: null }>(VIEWER, {}, { token: user.token });
    expect(after.data?.viewer).toBeNull();
  });

  it('ignores forged and malformed tokens (anonymous, not an error)', async () => {
    for (const token of ['x'.repeat(43), 'not a token', `${'A'.repeat(42)}=`]) {
      const res = await api.gql<{ viewer: null }>(VIEWER, {}, { token });
      expect(res.data?.viewer).toBeNull();
    }
  });

  it('logs out everywhere', async () => {
    const user = await seed.user('multi');
    const second = await api.ok<{ logIn: { token: string } }>(LOG_IN, {
      input: { login: 'multi', password: PASSWORD },
    });
    await api.ok('mutation { logOutEverywhere }', {}, user.token);
    for (const token of [user.token, second.logIn.token]) {
      expect((await api.gql<{ viewer: null }>(VIEWER, {}, { token })).data?.viewer).toBeNull();
    }
  });

  it('edits the profile: bio entities, website normalised, hostile markup kept as text', async () => {
    const user = await seed.user('editor');
    const bio = 'Shooting #film with @sam <script>alert(1)</script>';
    const data = await api.ok<{
      updateProfile: { bio: string; website: string; bioEntities: { kind: string; value: string }[] };
    }>(
      `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { bio website bioEntities { kind value } } }`,
      { input: { bio, website: 'example.com/me', displayName: 'Ed <b>Itor</b>' } },
      user.token,
    );
    expect(data.updateProfile.bio).toBe(bio);
    expect(data.updateProfile.website).toBe('https://example.com/me');
    expect(data.updateProfile.bioEntities).toEqual([
      { kind: 'HASHTAG', value: 'film' },
      { kind: 'MENTION', value: 'sam' },
    ]);
  });

  it.each([
    [{ bio: 'x'.repeat(151) }, 'bio', 'longer than 150'],
    [{ website: 'javascript:alert(1)' }, 'website', 'http'],
    [{ displayName: 'nul\u0000byte' }, 'displayName', 'control characters'],
    [{ bio: 'lone \ud800 surrogate' }, 'bio', 'invalid characters'],
  ])('refuses profile input %j', async (input, field, message) => {
    const user = await seed.user();
    const err = await api.fails(
      'mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }',
      { input },
      user.token,
    );
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(err.message).toContain(message);
  });

  it('refuses a body that is not valid UTF-8', async () => {
    const body = Buffer.concat([
      Buffer.from('{"query":"{ viewer { email } }","x":"'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}'),
    ]);
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(res.status).toBe(400);
    const json = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(json.errors[0]).toMatchObject({
      message: 'The request body is not valid UTF-8',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('changes username and password; a new password ends the other sessions', async () => {
    const user = await seed.user('renamer');
    const other = await api.ok<{ logIn: { token: string } }>(LOG_IN, {
      input: { login: 'renamer', password: PASSWORD },
    });
    const renamed = await api.ok<{ changeUsername: { username: string } }>(
      'mutation { changeUsername(username: "Renamed.Now") { username } }',
      {},
      user.token,
    );
    expect(renamed.changeUsername.username).toBe('renamed.now');
    const wrong = await api.fails(
      'mutation($input: ChangePasswordInput!) { changePassword(input: $input) }',
      { input: { currentPassword: 'not it at all', newPassword: 'a new long password' } },
      user.token,
    );
    expect(wrong.extensions?.field).toBe('currentPassword');
    await api.ok(
      'mutation($input: ChangePasswordInput!) { changePassword(input: $input) }',
      { input: { currentPassword: PASSWORD, newPassword: 'a new long password' } },
      user.token,
    );
    expect(
      (await api.gql<{ viewer: unknown }>(VIEWER, {}, { token: user.token })).data?.viewer,
    ).not.toBeNull();
    expect(
      (await api.gql<{ viewer: unknown }>(VIEWER, {}, { token: other.logIn.token })).data?.viewer,
    ).toBeNull();
    const login = await api.gql(LOG_IN, { input: { login: 'renamed.now', password: 'a new long password' } });
    expect(login.errors).toBeUndefined();
  });

  it('requires a session for mutations that act as someone', async () => {
    const err = await api.fails('mutation { updateProfile(input: { bio: "hi" }) { id } }');
    expect(err.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
