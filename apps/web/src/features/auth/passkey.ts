import { browserSupportsWebAuthn, startAuthentication } from '@simplewebauthn/browser';
import { useRef, useState } from 'react';
import { type CombinedError, useMutation } from 'urql';
import { graphql } from '../../graphql';
import { errorMessage } from '../../lib/errors';

const BeginPasskeyLogInMutation = graphql(`
  mutation BeginPasskeyLogIn($twoFactorChallenge: String) {
    beginPasskeyLogIn(twoFactorChallenge: $twoFactorChallenge) {
      token
      options
    }
  }
`);

const FinishPasskeyLogInMutation = graphql(`
  mutation FinishPasskeyLogIn($token: String!, $response: String!, $twoFactorChallenge: String) {
    finishPasskeyLogIn(token: $token, response: $response, twoFactorChallenge: $twoFactorChallenge) {
      expiresAt
    }
  }
`);

/**
 * How a passkey sign-in ended: signed in; put off by the person (they closed the browser's sheet, or it
 * timed out); refused by the API (its error, to show on the form); or impossible in this browser.
 */
export type PasskeyOutcome =
  | { kind: 'done' }
  | { kind: 'cancelled' }
  | { kind: 'refused'; error: CombinedError | undefined }
  | { kind: 'failed' };

/** `waiting` while the browser asks for the passkey, `finishing` while the API checks its answer. */
export type PasskeyPhase = 'idle' | 'waiting' | 'finishing';

/** What to show for an outcome that is not a sign-in; null for `done`. */
export function passkeyMessage(outcome: PasskeyOutcome): string | null {
  switch (outcome.kind) {
    case 'done':
      return null;
    case 'cancelled':
      return "Passkey sign-in didn't finish. Try again when you're ready.";
    case 'refused':
      return errorMessage(outcome.error) ?? 'Something went wrong. Try again.';
    case 'failed':
      return "Couldn't use a passkey in this browser. Try again or use your password.";
  }
}

/**
 * The browser says no this way when the person closes its passkey sheet, picks nothing, or lets it time
 * out (NotAllowedError), or when a newer ceremony replaced this one (AbortError): nothing went wrong.
 */
function isCancellation(error: unknown): boolean {
  const name = typeof error === 'object' && error !== null && 'name' in error ? error.name : null;
  return name === 'NotAllowedError' || name === 'AbortError';
}

/**
 * Signs in with a passkey: the API's options go to the browser's WebAuthn sheet, its signed answer back to
 * the API, which then sets the session cookie as logIn does. Without `twoFactorChallenge` any discoverable
 * passkey may answer (no password at all); with the challenge of a log-in that asked for a second factor,
 * only that account's passkeys, as the second factor.
 */
export function usePasskeyLogIn() {
  // WebAuthn is there or not for the page's lifetime.
  const [supported] = useState(() => browserSupportsWebAuthn());
  const [phase, setPhase] = useState<PasskeyPhase>('idle');
  const running = useRef(false);
  const [, begin] = useMutation(BeginPasskeyLogInMutation);
  const [, finish] = useMutation(FinishPasskeyLogInMutation);

  const run = async (twoFactorChallenge: string | null = null): Promise<PasskeyOutcome | null> => {
    // A second tap while the sheet is open would abort the first ceremony: ignore it.
    if (running.current) return null;
    running.current = true;
    setPhase('waiting');
    try {
      const started = await begin({ twoFactorChallenge });
      const options = started.data?.beginPasskeyLogIn;
      if (started.error || !options) return { kind: 'refused', error: started.error };
      let response: Awaited<ReturnType<typeof startAuthentication>>;
      try {
        response = await startAuthentication({ optionsJSON: JSON.parse(options.options) });
      } catch (error) {
        return isCancellation(error) ? { kind: 'cancelled' } : { kind: 'failed' };
      }
      setPhase('finishing');
      const finished = await finish({
        token: options.token,
        response: JSON.stringify(response),
        twoFactorChallenge,
      });
      return finished.error || !finished.data ? { kind: 'refused', error: finished.error } : { kind: 'done' };
    } finally {
      running.current = false;
      setPhase('idle');
    }
  };

  return { supported, phase, run };
}
