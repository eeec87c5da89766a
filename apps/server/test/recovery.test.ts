import { SMTPServer } from 'smtp-server';
import { afterAll, describe, expect, it } from 'vitest';
import { Api } from './support/client';
import { MODE, modeAvailable, startServer, type TestServer, useTestWorld } from './support/harness';
import { linkIn, mailTo } from './support/mail';
import { PASSWORD, type Seed } from './support/seed';

const RESET = 'mutation($l: String!) { requestPasswordReset(login: $l) }';
const DO_RESET = 'mutation($t: String!, $p: String!) { resetPassword(token: $t, password: $p) }';
const LOG_IN = 'mutation($l: String!, $p: String!) { logIn(input: { login: $l, password: $p }) { token } }';

describe.skipIf(!(await modeAvailable()))(`password reset and email verification [${MODE}]`, () => {
  let server: TestServer;
  let api: Api;
  let seed: Seed;
  useTestWorld((w) => ({ server, api, seed } = w));

  it('mails a verification link at sign-up; the link confirms the address once', async () => {
    const user = await seed.user();
    const email = `${user.username}@example.test`;
    const [message] = await mailTo(server, email);
    expect(message).toMatch(/Subject: Confirm your email for Glimpse/);
    const token = linkIn(message!, '/accounts/email/verify');
    const STATUS = '{ viewer { emailVerified } }';
    expect(await api.ok(STATUS, {}, user.token)).toEqual({ viewer: { emailVerified: false } });
    await api.ok('mutation($t: String!) { verifyEmail(token: $t) }', { t: token });
    expect(await api.ok(STATUS, {}, user.token)).toEqual({ viewer: { emailVerified: true } });
    const again = await api.fails('mutation($t: String!) { verifyEmail(token: $t) }', { t: token });
    expect(again.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
  });

  it('resets a password by link: once, signing out everywhere; unknown accounts get the same answer', async () => {
    const user = await seed.user();
    const email = `${user.username}@example.test`;
    expect(await api.ok(RESET, { l: 'nobody-at-all' })).toEqual({ requestPasswordReset: true });
    expect(await api.ok(RESET, { l: email.toUpperCase() })).toEqual({ requestPasswordReset: true });
    const resets = (await mailTo(server, email)).filter((m) => m.includes('Reset your Glimpse password'));
    expect(resets).toHaveLength(1);
    const token = linkIn(resets[0]!, '/accounts/password/reset');
    // A weak password is refused without spending the link.
    expect((await api.fails(DO_RESET, { t: token, p: 'short' })).extensions?.field).toBe('password');
    await api.ok(DO_RESET, { t: token, p: 'a brand new passphrase' });
    expect(
      (await api.ok<{ viewer: unknown }>('{ viewer { user { id } } }', {}, user.token)).viewer,
    ).toBeNull();
    expect((await api.fails(LOG_IN, { l: user.username, p: PASSWORD })).extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    await api.ok(LOG_IN, { l: user.username, p: 'a brand new passphrase' });
    expect((await api.fails(DO_RESET, { t: token, p: 'yet another passphrase' })).extensions?.field).toBe(
      'token',
    );
    expect((await api.fails(DO_RESET, { t: 'forged', p: 'yet another passphrase' })).extensions?.field).toBe(
      'token',
    );
  });

  it('changes the email behind the password: the new address must be confirmed, the old one is told', async () => {
    const user = await seed.user();
    const other = await seed.user();
    const old = `${user.username}@example.test`;
    const CHANGE =
      'mutation($p: String!, $e: String!) { changeEmail(password: $p, email: $e) { email emailVerified } }';
    // The sign-up link to the old address, not yet opened.
    const oldLink = linkIn((await mailTo(server, old))[0]!, '/accounts/email/verify');

    const wrong = await api.fails(CHANGE, { p: 'not my password', e: 'new@example.test' }, user.token);
    expect(wrong.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    for (const bad of ['', 'no-at-sign', 'two@@example.test', `${'a'.repeat(250)}@example.test`]) {
      const refused = await api.fails(CHANGE, { p: PASSWORD, e: bad }, user.token);
      expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    }
    const taken = await api.fails(CHANGE, { p: PASSWORD, e: `${other.username}@example.test` }, user.token);
    expect(taken.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    expect(taken.message).toMatch(/Another account/);
    expect((await api.fails(CHANGE, { p: PASSWORD, e: 'x@example.test' })).extensions?.code).toBe(
      'UNAUTHENTICATED',
    );

    const fresh = `${user.username}.new@example.test`;
    const changed = await api.ok<{ changeEmail: unknown }>(
      CHANGE,
      { p: PASSWORD, e: ` ${fresh.toUpperCase()} ` },
      user.token,
    );
    expect(changed.changeEmail).toEqual({ email: fresh, emailVerified: false });
    const notice = (await mailTo(server, old)).find((m) => m.includes('email address was changed'));
    expect(notice).toContain(fresh);
    const verify = (await mailTo(server, fresh)).find((m) => m.includes('Confirm your email'));
    // A link sent to the old address no longer confirms anything; the new one does.
    expect(
      (await api.fails('mutation($t: String!) { verifyEmail(token: $t) }', { t: oldLink })).extensions?.field,
    ).toBe('token');
    await api.ok('mutation($t: String!) { verifyEmail(token: $t) }', {
      t: linkIn(verify!, '/accounts/email/verify'),
    });
    expect(await api.ok('{ viewer { emailVerified } }', {}, user.token)).toEqual({
      viewer: { emailVerified: true },
    });
    // Password reset now goes to the new address.
    await api.ok(RESET, { l: fresh });
    expect((await mailTo(server, fresh)).some((m) => m.includes('Reset your Glimpse password'))).toBe(true);
  });

  it('sends at most three reset mails an hour per account, answering the same', async () => {
    const user = await seed.user();
    for (let i = 0; i < 5; i++)
      expect(await api.ok(RESET, { l: user.username })).toEqual({ requestPasswordReset: true });
    const resets = (await mailTo(server, `${user.username}@example.test`)).filter((m) =>
      m.includes('Reset your'),
    );
    expect(resets).toHaveLength(3);
  });

  it('mails the account when it logs in from a new device, not from a known one', async () => {
    const user = await seed.user();
    const email = `${user.username}@example.test`;
    const logInWith = (agent: string) =>
      fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': agent },
        body: JSON.stringify({ query: LOG_IN, variables: { l: user.username, p: PASSWORD } }),
      });
    const signUpAgent = 'node'; // the test client's own user agent made the sign-up session
    await logInWith(signUpAgent);
    await logInWith('Mozilla/5.0 (X11; Linux x86_64) NewPhone/1.0');
    const alerts = (await mailTo(server, email)).filter((m) => m.includes('New log-in'));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toContain('NewPhone/1.0');
  });
});

describe.skipIf(!(await modeAvailable()))(`mail over SMTP [${MODE}]`, () => {
  const received: string[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, _session, done) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => {
        raw += chunk.toString('utf8');
      });
      stream.on('end', () => {
        received.push(raw);
        done();
      });
    },
  });
  let server: TestServer | null = null;
  afterAll(async () => {
    await server?.stop();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('delivers through the configured SMTP server', async () => {
    const port = await new Promise<number>((resolve) => {
      smtp.listen(0, '127.0.0.1', () => resolve((smtp.server.address() as { port: number }).port));
    });
    server = await startServer({
      env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Glimpse <hi@glimpse.test>' },
    });
    const api = new Api(server.url);
    const { createSeed } = await import('./support/seed');
    const user = await createSeed(server, api).user();
    await server.glimpse.jobsIdle();
    const message = received.find((m) => m.includes(`${user.username}@example.test`));
    expect(message).toMatch(/Subject: Confirm your email for Glimpse/);
    expect(message).toMatch(/From: Glimpse <hi@glimpse.test>/);
  });
});
