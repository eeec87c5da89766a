import { PASSWORD } from '../support/seed';
import { type Case, defineCase } from './case';
import { classify, gqlAs, marker } from './world';

/**
 * Two-factor settings act only on the caller's own account (and ask for its password again); no call
 * here turns 2FA on, so the shared world keeps signing in with passwords. Completing a log-in needs a
 * challenge only a correct password yields: a forged one is refused alike for everyone.
 */
const own = (
  name: string,
  query: string,
  variables: Record<string, unknown>,
  success: 'self' | 'ok' | 'public' = 'self',
) =>
  defineCase({
    name,
    run: async ({ world, caller }) => classify(await gqlAs(world, caller, query, variables), () => success),
  });

export const SECURITY_CASES: Case<unknown>[] = [
  own('Mutation.beginTwoFactorSetup', 'mutation($p: String!) { beginTwoFactorSetup(password: $p) { uri } }', {
    p: PASSWORD,
  }),
  own('Mutation.confirmTwoFactorSetup', 'mutation { confirmTwoFactorSetup(code: "000000") }', {}),
  own('Mutation.disableTwoFactor', 'mutation($p: String!) { disableTwoFactor(password: $p) }', {
    p: PASSWORD,
  }),
  own('Mutation.regenerateRecoveryCodes', 'mutation($p: String!) { regenerateRecoveryCodes(password: $p) }', {
    p: PASSWORD,
  }),
  own(
    'Mutation.completeTwoFactorLogIn',
    'mutation { completeTwoFactorLogIn(challenge: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", code: "123456") { token } }',
    {},
  ),
  // Asking for a reset link answers true for anyone and any login (no enumeration); the owner's own
  // username is tried, and nothing about the owner changes.
  own(
    'Mutation.requestPasswordReset',
    'mutation($l: String!) { requestPasswordReset(login: $l) }',
    { l: 'nobody-here' },
    'public',
  ),
  // A forged reset or verification token is refused alike for everyone.
  own(
    'Mutation.resetPassword',
    'mutation { resetPassword(token: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", password: "a long new passphrase") }',
    {},
  ),
  own(
    'Mutation.verifyEmail',
    'mutation { verifyEmail(token: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA") }',
    {},
  ),
  own('Mutation.resendVerificationEmail', 'mutation { resendVerificationEmail }', {}),
  // Changing the email asks for the password and touches only the caller's account (a fresh address
  // per cell, so no two cells collide).
  defineCase({
    name: 'Mutation.changeEmail',
    run: async ({ world, caller }) =>
      classify(
        await gqlAs(
          world,
          caller,
          'mutation($p: String!, $e: String!) { changeEmail(password: $p, email: $e) { emailVerified } }',
          {
            p: PASSWORD,
            e: `${marker('moved')}@example.com`,
          },
        ),
        () => 'self',
      ),
  }),
  // Passkeys: adding one starts behind the password; finishing without a started set-up is refused;
  // removing another account's passkey finds nothing. Signing in with a forged token or response is
  // refused alike; starting a passwordless sign-in is open to everyone (it reveals nothing).
  own(
    'Mutation.beginPasskeyRegistration',
    'mutation($p: String!) { beginPasskeyRegistration(password: $p) }',
    {
      p: PASSWORD,
    },
  ),
  own(
    'Mutation.finishPasskeyRegistration',
    'mutation { finishPasskeyRegistration(response: "{}") { id } }',
    {},
  ),
  own('Mutation.removePasskey', 'mutation($p: String!) { removePasskey(id: "1234", password: $p) }', {
    p: PASSWORD,
  }),
  own('Mutation.beginPasskeyLogIn', 'mutation { beginPasskeyLogIn { token } }', {}, 'public'),
  own(
    'Mutation.finishPasskeyLogIn',
    'mutation { finishPasskeyLogIn(token: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", response: "{}") { token } }',
    {},
  ),
  // Another account's (or no) session: nothing to sign out.
  own('Mutation.revokeSession', 'mutation { revokeSession(id: "1234") }', {}),
];
