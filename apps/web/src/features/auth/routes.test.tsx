import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../App';
import { ADA, renderScreen } from './test-utils';

const TOKEN = 'Aq3xZ9-route-token_0123456789abcdefghijklmno';

describe('the emailed links open with a session or without', () => {
  it.each([
    ['/accounts/password/reset', 'Trouble logging in?'],
    [`/accounts/password/reset/${TOKEN}`, 'Create a new password'],
  ])('%s in the log-in look when logged out', async (path, title) => {
    renderScreen(<App />, { path });
    expect(await screen.findByRole('heading', { level: 1, name: title })).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();
  });

  it.each([
    ['/accounts/password/reset', 'Trouble logging in?'],
    [`/accounts/password/reset/${TOKEN}`, 'Create a new password'],
  ])('%s in the app when logged in, without a redirect', async (path, title) => {
    const { path: current } = renderScreen(<App />, { path, user: ADA });
    expect(await screen.findByRole('heading', { level: 1, name: title })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    expect(current()).toBe(path);
  });

  it('confirms an email from the link, logged in', async () => {
    const { sent } = renderScreen(<App />, {
      path: `/accounts/email/verify/${TOKEN}`,
      user: ADA,
      script: { VerifyEmail: () => ({ data: { verifyEmail: true } }) },
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Your email is confirmed' }),
    ).toBeInTheDocument();
    expect(sent('VerifyEmail')).toEqual([{ token: TOKEN }]);
  });
});
