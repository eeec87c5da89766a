import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { solvedCaptcha } from '../support/captcha';
import { PASSWORD, type SeededUser } from '../support/seed';
import type { FuzzWorld } from './world';

/** Account set-ups the token cases start from: extra sessions, two-factor sign-in, mailed links. */
export const AUTHED = 'mutation { updateProfile(input: { bio: "still me" }) { id } }';
export const LOG_IN = 'mutation($input: LogInInput!) { logIn(input: $input) { token } }';
export const COMPLETE_2FA =
  'mutation($ch: String!, $c: String!) { completeTwoFactorLogIn(challenge: $ch, code: $c) { token } }';

export const codeAt = (secret: string, ms: number) =>
  new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate({
    timestamp: ms,
  });

/** Another session of the user, by logging in (with a CAPTCHA: the fuzzing made failed log-ins from here). */
export async function logIn(world: FuzzWorld, user: SeededUser) {
  const answer = await world.api.gql<{ logIn: { token: string } }>(LOG_IN, {
    input: { login: user.username, password: PASSWORD, captcha: await solvedCaptcha(world.api.url) },
  });
  return answer;
}

export async function newSession(world: FuzzWorld, user: SeededUser): Promise<string> {
  const answer = await logIn(world, user);
  if (!answer.data) throw new Error(`log-in failed: ${JSON.stringify(answer.errors)}`);
  return answer.data.logIn.token;
}

/** Turns two-factor sign-in on; returns the secret. */
export async function enableTwoFactor(world: FuzzWorld, user: SeededUser): Promise<string> {
  const begun = await world.api.ok<{ beginTwoFactorSetup: { secret: string } }>(
    'mutation($p: String!) { beginTwoFactorSetup(password: $p) { secret } }',
    { p: PASSWORD },
    user.token,
  );
  const { secret } = begun.beginTwoFactorSetup;
  // The previous step's code (one step of drift is allowed) leaves the current one for the log-in.
  await world.api.ok(
    'mutation($c: String!) { confirmTwoFactorSetup(code: $c) }',
    { c: codeAt(secret, Date.now() - 30_000) },
    user.token,
  );
  return secret;
}

/** A log-in that stops at the second factor: its challenge. */
export async function twoFactorChallenge(world: FuzzWorld, user: SeededUser): Promise<string> {
  const answer = await logIn(world, user);
  const challenge = answer.errors?.[0]?.extensions?.challenge;
  if (!challenge) throw new Error(`expected a two-factor challenge: ${JSON.stringify(answer.errors)}`);
  return challenge;
}

/** The token of the newest link to `route` mailed to the user (the outbox mail adapter). */
export async function mailedToken(world: FuzzWorld, user: SeededUser, route: string): Promise<string> {
  const mail = world.server.glimpse.config.mail;
  if (mail.kind !== 'outbox') throw new Error('expected the outbox mail adapter');
  await world.server.glimpse.jobsIdle();
  const files = (await readdir(mail.dir).catch(() => [] as string[])).sort();
  const messages = await Promise.all(files.map((f) => readFile(path.join(mail.dir, f), 'utf8')));
  const tokens = messages
    .filter((raw) => raw.includes(`To: ${user.username}@example.test`))
    .map((raw) => raw.replace(/=\r?\n/g, '').replace(/=3D/g, '='))
    .flatMap((raw) => new RegExp(`${route}/([A-Za-z0-9_-]{43})`).exec(raw)?.[1] ?? []);
  const token = tokens.at(-1);
  if (!token) throw new Error(`no ${route} link mailed to ${user.username}`);
  return token;
}
