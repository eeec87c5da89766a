import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetOfflineCache } from '../../lib/client';
import PasswordResetRequestPage from './PasswordResetRequestPage';
import ResetPasswordPage from './ResetPasswordPage';
import { ADA, fieldError, refusal, renderScreen, type Script } from './test-utils';

vi.mock('../../lib/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/client')>()),
  forgetOfflineCache: vi.fn(async () => {}),
}));

beforeEach(() => {
  vi.mocked(forgetOfflineCache).mockClear();
});

const SENT = 'If an account matches, we sent a link to reset your password. It works for 30 minutes.';
const TOKEN = 'Aq3xZ9-reset-token_0123456789abcdefghijklmno';

describe('asking for a reset link', () => {
  async function ask(login: string) {
    await userEvent.type(await screen.findByRole('textbox', { name: 'Username or email' }), login);
    await userEvent.click(screen.getByRole('button', { name: 'Send reset link' }));
  }

  it.each(['ada', 'nobody@example.com'])('gives the same answer for %s', async (login) => {
    const { sent } = renderScreen(<PasswordResetRequestPage />, {
      path: '/accounts/password/reset',
      script: { RequestPasswordReset: () => ({ data: { requestPasswordReset: true } }) },
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Trouble logging in?' })).toBeInTheDocument();
    await ask(`  ${login} `);
    expect(await screen.findByRole('status')).toHaveTextContent(SENT);
    expect(screen.getByRole('heading', { level: 1, name: 'Check your email' })).toBeInTheDocument();
    expect(sent('RequestPasswordReset')).toEqual([{ login }]);
    expect(screen.getByRole('link', { name: 'Back to log in' })).toHaveAttribute('href', '/accounts/login');
    expect(document.title).toBe('Reset password • Glimpse');
  });

  it('waits for something to be typed, shows a field error on the field and a rate limit on the form', async () => {
    let tries = 0;
    renderScreen(<PasswordResetRequestPage />, {
      script: {
        RequestPasswordReset: () =>
          ++tries === 1
            ? fieldError('login', 'Enter your username or email')
            : refusal('Too many attempts. Try again in 120 seconds.', {
                code: 'RATE_LIMITED',
                retryAfterSeconds: 120,
              }),
      },
    });
    const field = await screen.findByRole('textbox', { name: 'Username or email' });
    expect(screen.getByRole('button', { name: 'Send reset link' })).toBeDisabled();

    await ask('x');
    expect(await screen.findByRole('alert')).toHaveTextContent('Enter your username or email');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription('Enter your username or email');

    await userEvent.click(screen.getByRole('button', { name: 'Send reset link' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many attempts. Try again in 120 seconds.',
    );
    expect(field).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('offers the way back to the app to someone logged in', async () => {
    renderScreen(<PasswordResetRequestPage />, { user: ADA });
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Trouble logging in?' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to Glimpse' })).toHaveAttribute('href', '/');
    expect(screen.queryByRole('link', { name: 'Create new account' })).not.toBeInTheDocument();
  });
});

describe('setting a new password', () => {
  function renderReset(script: Script, user: typeof ADA | null = null) {
    return renderScreen(<ResetPasswordPage token={TOKEN} />, {
      path: `/accounts/password/reset/${TOKEN}`,
      script,
      user,
    });
  }

  async function fill(password: string, confirm = password) {
    await userEvent.type(await screen.findByLabelText('New password'), password);
    await userEvent.type(screen.getByLabelText('Confirm new password'), confirm);
    await userEvent.click(screen.getByRole('button', { name: 'Reset password' }));
  }

  it('stops at two different passwords, on the confirmation field, without asking the API', async () => {
    const { sent } = renderReset({ ResetPassword: () => ({ data: { resetPassword: true } }) });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Create a new password' }),
    ).toBeInTheDocument();
    await fill('correct horse battery', 'correct horse battery!');

    const confirm = screen.getByLabelText('Confirm new password');
    expect(confirm).toHaveAttribute('aria-invalid', 'true');
    expect(confirm).toHaveAccessibleDescription('Please make sure both passwords match.');
    expect(screen.getByRole('alert')).toHaveTextContent('Please make sure both passwords match.');
    expect(sent('ResetPassword')).toEqual([]);

    // Fixing it clears the message, and the reset goes through.
    await userEvent.type(confirm, '{Backspace}');
    expect(confirm).not.toHaveAttribute('aria-invalid');
    await userEvent.click(screen.getByRole('button', { name: 'Reset password' }));
    expect(sent('ResetPassword')).toEqual([{ token: TOKEN, password: 'correct horse battery' }]);
  });

  it('shows a refused password on the password field and lets the person try another', async () => {
    let tries = 0;
    const { sent } = renderReset({
      ResetPassword: () =>
        ++tries === 1
          ? fieldError('password', 'This password is too common; choose another')
          : { data: { resetPassword: true } },
    });
    await fill('password1');

    const field = screen.getByLabelText('New password');
    expect(await screen.findByRole('alert')).toHaveTextContent('This password is too common; choose another');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(
      expect.stringContaining('This password is too common; choose another'),
    );
    expect(screen.getByLabelText('Confirm new password')).not.toHaveAttribute('aria-invalid');

    await userEvent.clear(field);
    await userEvent.clear(screen.getByLabelText('Confirm new password'));
    await fill('a much better passphrase');
    expect(await screen.findByRole('status')).toHaveTextContent(
      "Your password was changed. You're logged out everywhere.",
    );
    expect(sent('ResetPassword').map((v) => v.password)).toEqual(['password1', 'a much better passphrase']);
  });

  it('explains a dead link and points to a new one', async () => {
    renderReset({
      ResetPassword: () => fieldError('token', 'This link is invalid or has expired. Ask for a new one.'),
    });
    await fill('a much better passphrase');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This link is invalid or has expired. Ask for a new one.',
    );
    expect(screen.getByRole('link', { name: 'Get a new link' })).toHaveAttribute(
      'href',
      '/accounts/password/reset',
    );
    expect(screen.queryByLabelText('New password')).not.toBeInTheDocument();
  });

  it('confirms the change and sends a logged-out visitor to log in', async () => {
    const { sent, viewerRefreshes } = renderReset({
      ResetPassword: () => ({ data: { resetPassword: true } }),
    });
    await fill('a much better passphrase');

    expect(await screen.findByRole('status')).toHaveTextContent(
      "Your password was changed. You're logged out everywhere.",
    );
    expect(screen.getByRole('link', { name: 'Log in' })).toHaveAttribute('href', '/accounts/login');
    expect(sent('ResetPassword')).toEqual([{ token: TOKEN, password: 'a much better passphrase' }]);
    expect(forgetOfflineCache).not.toHaveBeenCalled();
    expect(viewerRefreshes()).toBe(0);
  });

  it('ends the session on this device too when it was logged in, and keeps the confirmation', async () => {
    const { session, viewerRefreshes } = renderReset(
      {
        ResetPassword: () => {
          session.user = null; // the server signs the account out everywhere
          return { data: { resetPassword: true } };
        },
      },
      ADA,
    );
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    await fill('a much better passphrase');

    await waitFor(() => expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument());
    expect(forgetOfflineCache).toHaveBeenCalledTimes(1);
    expect(viewerRefreshes()).toBe(1);
    // The frame changed to the logged-out one; the answer is still there.
    expect(screen.getByRole('status')).toHaveTextContent("You're logged out everywhere.");
    expect(screen.getByRole('link', { name: 'Log in' })).toHaveAttribute('href', '/accounts/login');
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  });
});
