import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fieldError, renderSecurity } from './securityTestServer';

async function fillPasswords(current: string, next: string, confirm: string) {
  const section = await screen.findByRole('region', { name: 'Password' });
  await userEvent.type(within(section).getByLabelText('Current password'), current);
  await userEvent.type(within(section).getByLabelText('New password'), next);
  await userEvent.type(within(section).getByLabelText('Confirm new password'), confirm);
  await userEvent.click(within(section).getByRole('button', { name: 'Change password' }));
  return section;
}

describe('SecurityPage: password', () => {
  it('comes first, before email, two-factor, passkeys and sessions', async () => {
    renderSecurity();
    await screen.findByRole('heading', { level: 1, name: 'Security' });
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Password',
      'Email',
      'Two-factor authentication',
      'Passkeys',
      "Where you're logged in",
    ]);
  });

  it("catches new passwords that don't match, on the confirmation field, without asking the server", async () => {
    const { mutations } = renderSecurity({ ChangePassword: () => ({ changePassword: true }) });
    const section = await fillPasswords('old secret', 'new secret 1', 'new secret 2');

    const confirm = within(section).getByLabelText('Confirm new password');
    expect(confirm).toHaveAttribute('aria-invalid', 'true');
    expect(confirm).toHaveAccessibleDescription("The new passwords don't match.");
    expect(within(section).getByLabelText('New password')).not.toHaveAttribute('aria-invalid');
    expect(mutations()).toEqual([]);

    // Fixing the field clears its error.
    await userEvent.clear(confirm);
    await userEvent.type(confirm, 'new secret 1');
    expect(confirm).not.toHaveAttribute('aria-invalid');
    expect(within(section).queryByRole('alert')).not.toBeInTheDocument();
  });

  it("shows the server's refusal on the field it is about, and changes nothing else", async () => {
    const { mutations } = renderSecurity({
      ChangePassword: () => fieldError('currentPassword', 'Your current password is incorrect'),
    });
    const section = await fillPasswords('wrong', 'new secret 1', 'new secret 1');

    expect(mutations()).toEqual([
      ['ChangePassword', { input: { currentPassword: 'wrong', newPassword: 'new secret 1' } }],
    ]);
    const current = within(section).getByLabelText('Current password');
    expect(await within(section).findByRole('alert')).toHaveTextContent('Your current password is incorrect');
    expect(current).toHaveAttribute('aria-invalid', 'true');
    expect(current).toHaveAccessibleDescription('Your current password is incorrect');
    // The typed passwords stay for another try; no success is claimed; the other sessions are still listed.
    expect(within(section).getByLabelText('New password')).toHaveValue('new secret 1');
    expect(within(section).getByRole('status')).toBeEmptyDOMElement();
    const sessions = screen.getByRole('list', { name: 'Sessions' });
    expect(within(sessions).getAllByRole('listitem')).toHaveLength(3);
  });

  it("shows a new password's problem under it, after the hint", async () => {
    renderSecurity({
      ChangePassword: () => fieldError('newPassword', 'This password is too common; choose another'),
    });
    const section = await fillPasswords('old secret', 'password', 'password');
    const next = within(section).getByLabelText('New password');
    expect(await within(section).findByRole('alert')).toHaveTextContent('too common');
    expect(next).toHaveAttribute('aria-invalid', 'true');
    expect(next).toHaveAccessibleDescription(
      'At least 8 characters. This password is too common; choose another',
    );
  });

  it('changes the password: says so, empties the form, and the other sessions leave the list', async () => {
    const { mutations, securityFetches } = renderSecurity({
      ChangePassword: () => ({ changePassword: true }),
    });
    const sessions = await screen.findByRole('list', { name: 'Sessions' });
    expect(within(sessions).getAllByRole('listitem')).toHaveLength(3);
    const fetchesBefore = securityFetches();

    const section = await fillPasswords('old secret', 'new secret 1', 'new secret 1');
    expect(mutations()).toEqual([
      ['ChangePassword', { input: { currentPassword: 'old secret', newPassword: 'new secret 1' } }],
    ]);
    expect(await within(section).findByRole('status')).toHaveTextContent('Your password was changed.');
    for (const label of ['Current password', 'New password', 'Confirm new password']) {
      expect(within(section).getByLabelText(label)).toHaveValue('');
    }
    expect(within(section).queryByRole('alert')).not.toBeInTheDocument();

    // The server ended every other session: only this device is left, from the cache (no refetch).
    const left = within(sessions).getAllByRole('listitem');
    expect(left).toHaveLength(1);
    expect(left[0]).toHaveTextContent('Chrome on Linux');
    expect(left[0]).toHaveTextContent('This device');
    expect(securityFetches()).toBe(fetchesBefore);
  });
});
