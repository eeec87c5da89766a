import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { mockClient, operationName } from '../profile/mock-client';
import SecurityPage from './SecurityPage';
import { viewer } from './securityTestServer';

// The QR code's library is loaded lazily in the app; here a stand-in draws a plain SVG.
vi.mock('uqr', () => ({ renderSVG: (value: string) => `<svg data-value="${value}"></svg>` }));

const CODES = Array.from({ length: 10 }, (_, i) => `code${i}-abcde`);

function renderPage(twoFactorEnabled = false) {
  const mock = mockClient({
    Security: () => ({ data: { viewer: viewer({ twoFactorEnabled, recoveryCodesLeft: 7 }) } }),
    BeginTwoFactorSetup: ({ password }) =>
      password === 'right password'
        ? { data: { beginTwoFactorSetup: { secret: 'JBSWY3DPEHPK3PXP', uri: 'otpauth://totp/Glimpse:ada' } } }
        : { data: undefined, error: undefined },
    ConfirmTwoFactorSetup: () => ({ data: { confirmTwoFactorSetup: CODES } }),
    DisableTwoFactor: () => ({ data: { disableTwoFactor: true } }),
    RegenerateRecoveryCodes: () => ({ data: { regenerateRecoveryCodes: CODES } }),
  });
  render(
    <Provider value={mock.client}>
      <SecurityPage />
    </Provider>,
  );
  return mock;
}

describe('SecurityPage', () => {
  it('turns two-factor on: password, QR code and key, first code, then the ten recovery codes once', async () => {
    const { executeMutation } = renderPage();
    expect(await screen.findByText('Off')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Turn on two-factor authentication' }));

    const dialog = screen.getByRole('dialog', { name: 'Turn on two-factor authentication' });
    await userEvent.type(within(dialog).getByLabelText('Password'), 'right password');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Continue' }));
    expect(executeMutation.mock.calls[0]![0].variables).toEqual({ password: 'right password' });

    expect(
      await screen.findByRole('img', { name: 'QR code for your authenticator app' }),
    ).toBeInTheDocument();
    expect(screen.getByText('JBSW Y3DP EHPK 3PXP')).toBeInTheDocument();
    const turnOn = screen.getByRole('button', { name: 'Turn on' });
    expect(turnOn).toBeDisabled();
    const code = screen.getByRole('textbox', { name: 'Enter the 6-digit code the app shows' });
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    await userEvent.type(code, '12a3456');
    expect(code).toHaveValue('123456');
    await userEvent.click(turnOn);
    expect(operationName(executeMutation.mock.calls[1]!)).toBe('ConfirmTwoFactorSetup');
    expect(executeMutation.mock.calls[1]![0].variables).toEqual({ code: '123456' });

    const list = await screen.findByRole('list', { name: 'Recovery codes' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(10);
    expect(screen.getByRole('button', { name: 'Copy' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('list', { name: 'Recovery codes' })).not.toBeInTheDocument();
  });

  it('shows the codes left and asks for the password before new codes or turning off', async () => {
    const { executeMutation } = renderPage(true);
    expect(await screen.findByText('7 recovery codes left')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Get new recovery codes' }));
    let dialog = screen.getByRole('dialog', { name: 'Get new recovery codes' });
    await userEvent.type(within(dialog).getByLabelText('Password'), 'pw');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Get new codes' }));
    expect(operationName(executeMutation.mock.calls[0]!)).toBe('RegenerateRecoveryCodes');
    expect(await screen.findByRole('list', { name: 'Recovery codes' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));

    await userEvent.click(screen.getByRole('button', { name: 'Turn off two-factor authentication' }));
    dialog = screen.getByRole('dialog', { name: 'Turn off two-factor authentication' });
    await userEvent.type(within(dialog).getByLabelText('Password'), 'pw');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Turn off' }));
    expect(operationName(executeMutation.mock.calls[1]!)).toBe('DisableTwoFactor');
    expect(await screen.findByText('Two-factor authentication is off.')).toBeInTheDocument();
  });
});
