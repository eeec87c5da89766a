import { type Challenge, solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';

/**
 * Does what the ALTCHA widget does in a browser: fetches a challenge from GET /captcha, finds the
 * counter, and returns the payload sign-up (and a log-in after failures) expects. The test servers use
 * a small CAPTCHA_MAX_COUNTER, so solving takes microseconds; the protocol is the real one.
 */
export async function solvedCaptcha(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/captcha`);
  if (!response.ok) throw new Error(`GET /captcha answered ${response.status}`);
  const challenge = (await response.json()) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('could not solve the CAPTCHA challenge');
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}
