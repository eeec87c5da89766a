import { browserSupportsWebAuthn, startAuthentication } from '@simplewebauthn/browser';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import LoginPage from './LoginPage';
import { ADA, refusal, renderScreen, type Script } from './test-utils';

// The browser's WebAuthn sheet: each test says what the person did with it.
vi.mock('@simplewebauthn/browser', () => ({
  browserSupportsWebAuthn: vi.fn(() => true),
  startAuthentication: vi.fn(),
}));

const OPTIONS = { challenge: 'c2lnbi1tZS1pbg', rpId: 'localhost', userVerification: 'preferred' };

const ASSERTION = {
  id: 'cred-1',
  rawId: 'cred-1',
  type: 'public-key' as const,
  response: { authenticatorData: 'YXV0aA', clientDataJSON: 'Y2xpZW50', signature: 'c2ln', userHandle: 'MQ' },
  clientExtensionResults: {},
};

function cancelled() {
  return Object.assign(new Error('The operation either timed out or was not allowed.'), {
    name: 'NotAllowedError',
  });
}

/** A server whose passkey sign-in works, unless the test's script says otherwise. */
function passkeyServer(overrides: Script = {}): Script {
  return {
    BeginPasskeyLogIn: () => ({
      data: { beginPasskeyLogIn: { token: 'passkey-token', options: JSON.stringify(OPTIONS) } },
    }),
    FinishPasskeyLogIn: () => ({ data: { finishPasskeyLogIn: { expiresAt: '2030-01-01T00:00:00Z' } } }),
    ...overrides,
  };
}

function renderLogin(script: Script) {
  return renderScreen(<LoginPage />, { path: '/accounts/login', script });
}

const TWO_FACTOR = () =>
  refusal('Enter the 6-digit code from your authenticator app', {
    code: 'UNAUTHENTICATED',
    reason: 'TWO_FACTOR_REQUIRED',
    challenge: 'challenge-token',
  });

beforeEach(() => {
  vi.mocked(startAuthentication).mockReset();
  vi.mocked(browserSupportsWebAuthn).mockReturnValue(true);
});

describe('passkey log-in', () => {
  it('signs in with a passkey alone, refreshes the viewer and opens the feed', async () => {
    vi.mocked(startAuthentication).mockResolvedValue(ASSERTION);
    const script = passkeyServer();
    const { sent, path, session, viewerRefreshes } = renderLogin({
      ...script,
      FinishPasskeyLogIn: (vars) => {
        session.user = ADA;
        return script.FinishPasskeyLogIn!(vars);
      },
    });
    expect(viewerRefreshes()).toBe(0);

    await userEvent.click(screen.getByRole('button', { name: 'Log in with a passkey' }));

    await waitFor(() => expect(path()).toBe('/'));
    expect(sent('BeginPasskeyLogIn')).toEqual([{ twoFactorChallenge: null }]);
    expect(startAuthentication).toHaveBeenCalledWith({ optionsJSON: OPTIONS });
    expect(sent('FinishPasskeyLogIn')).toEqual([
      { token: 'passkey-token', response: JSON.stringify(ASSERTION), twoFactorChallenge: null },
    ]);
    // The same path as a password log-in: the viewer is asked again, now with the new session.
    expect(viewerRefreshes()).toBe(1);
    expect(sent('LogIn')).toEqual([]);
  });

  it('shows the busy state while the browser waits for the passkey', async () => {
    let answer: (value: typeof ASSERTION) => void = () => {};
    vi.mocked(startAuthentication).mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const script = passkeyServer({ FinishPasskeyLogIn: () => 'pending' });
    renderLogin(script);

    await userEvent.click(await screen.findByRole('button', { name: 'Log in with a passkey' }));
    expect(await screen.findByRole('button', { name: 'Waiting for your passkey…' })).toBeDisabled();
    answer(ASSERTION);
    expect(await screen.findByRole('button', { name: 'Logging in…' })).toBeDisabled();
  });

  it('says calmly that a cancelled passkey sheet did nothing, and lets the person try again', async () => {
    vi.mocked(startAuthentication).mockRejectedValueOnce(cancelled()).mockResolvedValueOnce(ASSERTION);
    const script = passkeyServer();
    const { sent, path } = renderLogin(script);

    await userEvent.click(await screen.findByRole('button', { name: 'Log in with a passkey' }));

    expect(await screen.findByRole('status')).toHaveTextContent(
      "Passkey sign-in didn't finish. Try again when you're ready.",
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(sent('FinishPasskeyLogIn')).toEqual([]);
    expect(path()).toBe('/accounts/login');

    await userEvent.click(screen.getByRole('button', { name: 'Log in with a passkey' }));
    await waitFor(() => expect(path()).toBe('/'));
    expect(sent('BeginPasskeyLogIn')).toHaveLength(2);
  });

  it("shows the API's refusal of the passkey on the form", async () => {
    vi.mocked(startAuthentication).mockResolvedValue(ASSERTION);
    const script = passkeyServer({
      FinishPasskeyLogIn: () =>
        refusal("That passkey didn't work. Try again or use your password.", { code: 'UNAUTHENTICATED' }),
    });
    const { path } = renderLogin(script);

    await userEvent.click(await screen.findByRole('button', { name: 'Log in with a passkey' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("That passkey didn't work. Try again or use your password.");
    expect(screen.getByRole('form', { name: 'Log in' })).toContainElement(alert);
    expect(path()).toBe('/accounts/login');
    expect(screen.getByRole('button', { name: 'Log in with a passkey' })).toBeEnabled();
  });

  it('shows a rate limit from the start of the ceremony without opening the browser sheet', async () => {
    const script = passkeyServer({
      BeginPasskeyLogIn: () =>
        refusal('Too many attempts. Try again in 60 seconds.', {
          code: 'RATE_LIMITED',
          retryAfterSeconds: 60,
        }),
    });
    renderLogin(script);
    await userEvent.click(await screen.findByRole('button', { name: 'Log in with a passkey' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts. Try again in 60 seconds.');
    expect(startAuthentication).not.toHaveBeenCalled();
  });

  it('has no passkey button where the browser has no WebAuthn, and links to password reset', async () => {
    vi.mocked(browserSupportsWebAuthn).mockReturnValue(false);
    renderLogin(passkeyServer());
    expect(await screen.findByRole('button', { name: 'Log in' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Log in with a passkey' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Forgot password?' })).toHaveAttribute(
      'href',
      '/accounts/password/reset',
    );
  });

  it('explains a suspension after a passkey and asks for username and password to appeal', async () => {
    vi.mocked(startAuthentication).mockResolvedValue(ASSERTION);
    const script = passkeyServer({
      FinishPasskeyLogIn: () =>
        refusal('Your account has been suspended. You can appeal.', {
          code: 'FORBIDDEN',
          reason: 'SUSPENDED',
        }),
      AppealSuspension: () => ({ data: { appealSuspension: true } }),
    });
    const { sent } = renderLogin(script);

    await userEvent.click(await screen.findByRole('button', { name: 'Log in with a passkey' }));
    expect(
      await screen.findByRole('heading', { name: 'Your account has been suspended' }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Disagree with decision' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Username' }), 'ada');
    await userEvent.type(screen.getByLabelText('Password'), 'secret words');
    await userEvent.type(screen.getByLabelText('Tell us why you think we made a mistake'), 'Mistaken');
    await userEvent.click(screen.getByRole('button', { name: 'Submit appeal' }));
    expect(sent('AppealSuspension')).toEqual([
      { username: 'ada', password: 'secret words', text: 'Mistaken' },
    ]);
  });
});

describe('passkey as the second factor', () => {
  async function reachSecondStep() {
    await userEvent.type(await screen.findByRole('textbox', { name: 'Username or email' }), 'ada');
    await userEvent.type(screen.getByLabelText('Password'), 'secret words');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
    await screen.findByRole('heading', { name: 'Two-factor authentication' });
  }

  it("answers the log-in's challenge with a passkey and opens the feed", async () => {
    vi.mocked(startAuthentication).mockResolvedValue(ASSERTION);
    const script = passkeyServer({ LogIn: TWO_FACTOR });
    const { sent, path, viewerRefreshes } = renderLogin(script);
    await reachSecondStep();

    await userEvent.click(screen.getByRole('button', { name: 'Use a passkey instead' }));

    await waitFor(() => expect(path()).toBe('/'));
    expect(sent('BeginPasskeyLogIn')).toEqual([{ twoFactorChallenge: 'challenge-token' }]);
    expect(sent('FinishPasskeyLogIn')).toEqual([
      {
        token: 'passkey-token',
        response: JSON.stringify(ASSERTION),
        twoFactorChallenge: 'challenge-token',
      },
    ]);
    expect(sent('CompleteTwoFactorLogIn')).toEqual([]);
    expect(viewerRefreshes()).toBe(1);
  });

  it('keeps the code field after a cancelled passkey, and shows an expired challenge as an error', async () => {
    vi.mocked(startAuthentication).mockRejectedValueOnce(cancelled()).mockResolvedValueOnce(ASSERTION);
    const script = passkeyServer({
      LogIn: TWO_FACTOR,
      FinishPasskeyLogIn: () =>
        refusal('This sign-in has expired. Log in again.', { code: 'UNAUTHENTICATED' }),
    });
    const { path } = renderLogin(script);
    await reachSecondStep();

    await userEvent.click(screen.getByRole('button', { name: 'Use a passkey instead' }));
    expect(await screen.findByRole('status')).toHaveTextContent("Passkey sign-in didn't finish.");
    expect(screen.getByRole('textbox', { name: 'Security code' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Use a passkey instead' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This sign-in has expired. Log in again.');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(path()).toBe('/accounts/login');
  });

  it('offers no passkey where the browser has no WebAuthn', async () => {
    vi.mocked(browserSupportsWebAuthn).mockReturnValue(false);
    renderLogin(passkeyServer({ LogIn: TWO_FACTOR }));
    await reachSecondStep();
    expect(screen.getByRole('button', { name: 'Use a recovery code instead' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Use a passkey instead' })).not.toBeInTheDocument();
  });
});
