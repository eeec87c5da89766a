import {
  browserSupportsWebAuthn,
  type RegistrationResponseJSON,
  startRegistration,
} from '@simplewebauthn/browser';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fieldError, LAPTOP_PASSKEY, renderSecurity } from './securityTestServer';

// The browser's part (navigator.credentials.create) is the library's: here it is scripted.
vi.mock('@simplewebauthn/browser', () => ({
  browserSupportsWebAuthn: vi.fn(() => true),
  startRegistration: vi.fn(),
}));

const OPTIONS = {
  rp: { name: 'Glimpse', id: 'localhost' },
  user: { id: 'dXNlci0x', name: 'ada', displayName: 'ada' },
  challenge: 'Y2hhbGxlbmdlLTE',
  pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
  authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
};

const RESPONSE: RegistrationResponseJSON = {
  id: 'Y3JlZC0x',
  rawId: 'Y3JlZC0x',
  type: 'public-key',
  authenticatorAttachment: 'cross-platform',
  clientExtensionResults: { credProps: { rk: true } },
  response: {
    clientDataJSON: 'eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIn0',
    attestationObject: 'o2NmbXRkbm9uZQ',
    transports: ['usb', 'nfc'],
  },
};

/** The server's side of adding: the password is "right pw"; a name defaults to "Passkey". */
function addingAnswers() {
  return {
    BeginPasskeyRegistration: ({ password }: Record<string, unknown>) =>
      password === 'right pw'
        ? { beginPasskeyRegistration: JSON.stringify(OPTIONS) }
        : fieldError('password', 'That password is incorrect'),
    FinishPasskeyRegistration: ({ name }: Record<string, unknown>) => ({
      finishPasskeyRegistration: {
        __typename: 'Passkey',
        id: '42',
        name: typeof name === 'string' ? name : 'Passkey',
        createdAt: new Date().toISOString(),
        lastUsedAt: null,
      },
    }),
  };
}

async function startAdding(password: string) {
  const section = await screen.findByRole('region', { name: 'Passkeys' });
  await userEvent.click(within(section).getByRole('button', { name: 'Add a passkey' }));
  const dialog = screen.getByRole('dialog', { name: 'Add a passkey' });
  await userEvent.type(within(dialog).getByLabelText('Password'), password);
  await userEvent.click(within(dialog).getByRole('button', { name: 'Continue' }));
  return { section, dialog };
}

beforeEach(() => {
  vi.mocked(browserSupportsWebAuthn).mockReset().mockReturnValue(true);
  vi.mocked(startRegistration).mockReset();
});

describe('SecurityPage: passkeys', () => {
  it('lists each passkey with its name, when it was added and when it was last used', async () => {
    renderSecurity();
    const list = await screen.findByRole('list', { name: 'Your passkeys' });
    const [item] = within(list).getAllByRole('listitem');
    expect(item).toHaveTextContent('MacBook');
    expect(item).toHaveTextContent('Added');
    expect(within(item!).getByText('2025', { exact: false })).toHaveAttribute(
      'datetime',
      LAPTOP_PASSKEY.createdAt,
    );
    expect(item).toHaveTextContent('Last used 2 days ago');
    expect(within(item!).getByRole('button', { name: 'Remove passkey MacBook' })).toBeInTheDocument();
  });

  it('adds a passkey: the password, the browser creates it, a name, and it joins the list', async () => {
    const { mutations } = renderSecurity(addingAnswers());
    let finishCeremony: (response: RegistrationResponseJSON) => void = () => {};
    vi.mocked(startRegistration).mockImplementation(
      () => new Promise((resolve) => (finishCeremony = resolve)),
    );

    // A wrong password stays in the dialog, on its field, and the browser is not asked.
    const { section, dialog } = await startAdding('wrong');
    const password = within(dialog).getByLabelText('Password');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('That password is incorrect');
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(startRegistration).not.toHaveBeenCalled();

    await userEvent.clear(password);
    await userEvent.type(password, 'right pw');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Continue' }));
    expect(startRegistration).toHaveBeenCalledWith({ optionsJSON: OPTIONS });
    expect(screen.queryByRole('dialog', { name: 'Add a passkey' })).not.toBeInTheDocument();
    expect(within(section).getByRole('status')).toHaveTextContent('Follow the steps your browser shows');
    expect(within(section).getByRole('button', { name: 'Adding a passkey…' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );

    finishCeremony(RESPONSE);
    const naming = await screen.findByRole('dialog', { name: 'Name your passkey' });
    await userEvent.type(within(naming).getByLabelText('Name'), '  YubiKey ');
    await userEvent.click(within(naming).getByRole('button', { name: 'Save' }));

    expect(mutations().map(([name]) => name)).toEqual([
      'BeginPasskeyRegistration',
      'BeginPasskeyRegistration',
      'FinishPasskeyRegistration',
    ]);
    const variables = mutations()[2]![1] as { response: string; name: string | null };
    expect(variables.name).toBe('YubiKey');
    expect(JSON.parse(variables.response)).toEqual(RESPONSE);

    expect(screen.queryByRole('dialog', { name: 'Name your passkey' })).not.toBeInTheDocument();
    const items = within(within(section).getByRole('list', { name: 'Your passkeys' })).getAllByRole(
      'listitem',
    );
    expect(items.map((item) => item.querySelector('span')?.textContent)).toEqual(['MacBook', 'YubiKey']);
    expect(items[1]).toHaveTextContent('Never used');
    expect(within(section).getByRole('button', { name: 'Remove passkey YubiKey' })).toBeInTheDocument();
    expect(within(section).getByRole('status')).toHaveTextContent('Passkey "YubiKey" added.');
    expect(within(section).getByRole('button', { name: 'Add a passkey' })).not.toHaveAttribute(
      'aria-disabled',
    );
  });

  it('keeps the name dialog open for a name the server refuses; Skip saves it under the default name', async () => {
    const answers = addingAnswers();
    const { mutations } = renderSecurity({
      ...answers,
      FinishPasskeyRegistration: (variables) =>
        typeof variables.name === 'string'
          ? fieldError('name', 'Name contains invalid characters')
          : answers.FinishPasskeyRegistration(variables),
    });
    vi.mocked(startRegistration).mockResolvedValue(RESPONSE);
    const { section } = await startAdding('right pw');

    const naming = await screen.findByRole('dialog', { name: 'Name your passkey' });
    const name = within(naming).getByLabelText('Name');
    await userEvent.type(name, 'bad\u0007name');
    await userEvent.click(within(naming).getByRole('button', { name: 'Save' }));
    expect(await within(naming).findByRole('alert')).toHaveTextContent('Name contains invalid characters');
    expect(name).toHaveAttribute('aria-invalid', 'true');

    await userEvent.click(within(naming).getByRole('button', { name: 'Skip' }));
    const finishes = mutations().filter(([op]) => op === 'FinishPasskeyRegistration');
    expect(finishes).toHaveLength(2);
    expect((finishes[1]![1] as { name: unknown }).name).toBeNull();
    expect(JSON.parse((finishes[1]![1] as { response: string }).response)).toEqual(RESPONSE);
    expect(screen.queryByRole('dialog', { name: 'Name your passkey' })).not.toBeInTheDocument();
    expect(within(section).getByRole('button', { name: 'Remove passkey Passkey' })).toBeInTheDocument();
  });

  it('says calmly that nothing was added when the browser prompt is cancelled', async () => {
    const { mutations } = renderSecurity(addingAnswers());
    vi.mocked(startRegistration).mockRejectedValue(
      Object.assign(new Error('The operation either timed out or was not allowed.'), {
        name: 'NotAllowedError',
      }),
    );
    const { section } = await startAdding('right pw');

    expect(await within(section).findByRole('status')).toHaveTextContent(
      'No passkey was added. The request was cancelled or timed out.',
    );
    expect(within(section).queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(mutations().map(([name]) => name)).toEqual(['BeginPasskeyRegistration']);
    expect(
      within(within(section).getByRole('list', { name: 'Your passkeys' })).getAllByRole('listitem'),
    ).toHaveLength(1);
    expect(within(section).getByRole('button', { name: 'Add a passkey' })).toBeEnabled();
  });

  it('reports a browser failure as a problem, and adds nothing', async () => {
    const { mutations } = renderSecurity(addingAnswers());
    vi.mocked(startRegistration).mockRejectedValue(
      Object.assign(new Error('boom'), { name: 'UnknownError' }),
    );
    const { section } = await startAdding('right pw');
    expect(await within(section).findByRole('alert')).toHaveTextContent(
      "Your browser couldn't create a passkey. Try again.",
    );
    expect(mutations().map(([name]) => name)).toEqual(['BeginPasskeyRegistration']);
  });

  it('removes a passkey after asking for the password', async () => {
    const { mutations } = renderSecurity({
      RemovePasskey: ({ password }) =>
        password === 'right pw'
          ? { removePasskey: true }
          : fieldError('password', 'That password is incorrect'),
    });
    const section = await screen.findByRole('region', { name: 'Passkeys' });
    await userEvent.click(within(section).getByRole('button', { name: 'Remove passkey MacBook' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove passkey' });
    expect(dialog).toHaveTextContent('"MacBook" will no longer log you in.');

    await userEvent.type(within(dialog).getByLabelText('Password'), 'wrong');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('That password is incorrect');
    expect(within(section).getByRole('list', { name: 'Your passkeys' })).toBeInTheDocument();

    await userEvent.clear(within(dialog).getByLabelText('Password'));
    await userEvent.type(within(dialog).getByLabelText('Password'), 'right pw');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(mutations()).toEqual([
      ['RemovePasskey', { id: '41', password: 'wrong' }],
      ['RemovePasskey', { id: '41', password: 'right pw' }],
    ]);
    expect(screen.queryByRole('dialog', { name: 'Remove passkey' })).not.toBeInTheDocument();
    expect(within(section).queryByRole('list', { name: 'Your passkeys' })).not.toBeInTheDocument();
    expect(within(section).getByText("You haven't added a passkey yet.")).toBeInTheDocument();
    expect(within(section).getByRole('status')).toHaveTextContent('Passkey "MacBook" removed.');
    expect(within(section).getByRole('heading', { name: 'Passkeys' })).toHaveFocus();
  });

  it("says when the browser can't create passkeys, and disables adding (removing still works)", async () => {
    vi.mocked(browserSupportsWebAuthn).mockReturnValue(false);
    renderSecurity();
    const section = await screen.findByRole('region', { name: 'Passkeys' });
    const add = within(section).getByRole('button', { name: 'Add a passkey' });
    expect(add).toBeDisabled();
    expect(add).toHaveAccessibleDescription(
      "This browser can't create passkeys. To add one, use a browser that supports them, such as a recent version of Chrome, Safari, Firefox or Edge.",
    );
    expect(within(section).getByRole('button', { name: 'Remove passkey MacBook' })).toBeEnabled();
    await userEvent.click(add);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
