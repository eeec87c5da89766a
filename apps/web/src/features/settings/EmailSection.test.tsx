import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiError, fieldError, renderSecurity, viewer } from './securityTestServer';

async function openChangeEmail() {
  const section = await screen.findByRole('region', { name: 'Email' });
  await userEvent.click(within(section).getByRole('button', { name: 'Change email' }));
  return { section, dialog: screen.getByRole('dialog', { name: 'Change email' }) };
}

describe('SecurityPage: email', () => {
  it('shows the address as confirmed, with no link to resend', async () => {
    renderSecurity();
    const section = await screen.findByRole('region', { name: 'Email' });
    expect(within(section).getByText('ada@example.com')).toBeInTheDocument();
    expect(within(section).getByText('Confirmed')).toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: 'Resend link' })).not.toBeInTheDocument();
  });

  it("shows the server's refusal on the new address and keeps the dialog and the old address", async () => {
    const { mutations } = renderSecurity({
      ChangeEmail: () => fieldError('email', 'Another account is using this email address'),
    });
    const { section, dialog } = await openChangeEmail();
    await userEvent.type(within(dialog).getByLabelText('New email'), ' taken@example.com ');
    await userEvent.type(within(dialog).getByLabelText('Password'), 'secret pw');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Change email' }));

    expect(mutations()).toEqual([['ChangeEmail', { email: 'taken@example.com', password: 'secret pw' }]]);
    const email = within(dialog).getByLabelText('New email');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Another account is using this email address',
    );
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Another account is using this email address');
    expect(within(dialog).getByLabelText('Password')).not.toHaveAttribute('aria-invalid');
    expect(within(section).getByText('ada@example.com')).toBeInTheDocument();
    expect(within(section).getByText('Confirmed')).toBeInTheDocument();
  });

  it('shows a wrong password on the password field', async () => {
    renderSecurity({ ChangeEmail: () => fieldError('password', 'That password is incorrect') });
    const { dialog } = await openChangeEmail();
    await userEvent.type(within(dialog).getByLabelText('New email'), 'new@example.com');
    await userEvent.type(within(dialog).getByLabelText('Password'), 'wrong');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Change email' }));
    const password = within(dialog).getByLabelText('Password');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('That password is incorrect');
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAccessibleDescription('That password is incorrect');
  });

  it('changes the email: the new address shows as not confirmed, and a new link can be sent', async () => {
    const { mutations } = renderSecurity({
      ChangeEmail: ({ email }) => ({
        changeEmail: { __typename: 'Viewer', email, emailVerified: false },
      }),
      ResendVerificationEmail: () => ({ resendVerificationEmail: true }),
    });
    const { section, dialog } = await openChangeEmail();
    await userEvent.type(within(dialog).getByLabelText('New email'), 'ada.new@example.com');
    await userEvent.type(within(dialog).getByLabelText('Password'), 'secret pw');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Change email' }));

    expect(screen.queryByRole('dialog', { name: 'Change email' })).not.toBeInTheDocument();
    expect(within(section).getByText('ada.new@example.com')).toBeInTheDocument();
    expect(within(section).queryByText('ada@example.com')).not.toBeInTheDocument();
    expect(within(section).getByText('Not confirmed')).toBeInTheDocument();
    expect(within(section).getByRole('status')).toHaveTextContent(
      'Your email is now ada.new@example.com. Open the link we sent there to confirm it.',
    );

    await userEvent.click(within(section).getByRole('button', { name: 'Resend link' }));
    expect(mutations().map(([name]) => name)).toEqual(['ChangeEmail', 'ResendVerificationEmail']);
    expect(within(section).getByRole('status')).toHaveTextContent(
      'We sent a new link to ada.new@example.com.',
    );
  });

  it("says why a new link wasn't sent", async () => {
    renderSecurity(
      {
        ResendVerificationEmail: () => apiError('Too many attempts. Try again in a few minutes.'),
      },
      viewer({ emailVerified: false }),
    );
    const section = await screen.findByRole('region', { name: 'Email' });
    expect(within(section).getByText('Not confirmed')).toBeInTheDocument();
    await userEvent.click(within(section).getByRole('button', { name: 'Resend link' }));
    expect(await within(section).findByRole('alert')).toHaveTextContent('Too many attempts.');
    expect(within(section).getByRole('status')).toBeEmptyDOMElement();
  });
});
