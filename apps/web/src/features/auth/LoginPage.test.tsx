import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError, Provider } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { mockClient, operationName } from '../profile/mock-client';
import LoginPage from './LoginPage';

// The real widget solves a proof of work in web workers; here it reports a payload at once.
vi.mock('../../components/Captcha', () => ({
  Captcha: ({ onChange }: { onChange: (payload: string) => void }) => (
    <button type="button" onClick={() => onChange('solved-payload')}>
      I'm not a robot
    </button>
  ),
}));

function refusal(message: string, extensions: Record<string, unknown>) {
  return { error: new CombinedError({ graphQLErrors: [{ message, extensions }] }) };
}

type Answer = () => ReturnType<typeof refusal> | { data: unknown };

function renderLogin(logIn: Answer, complete: Answer = () => ({ data: {} })) {
  const mock = mockClient({
    LogIn: logIn,
    CompleteTwoFactorLogIn: complete,
    AppealSuspension: () => ({ data: { appealSuspension: true } }),
  });
  render(
    <Provider value={mock.client}>
      <LoginPage />
    </Provider>,
  );
  return mock;
}

async function submitCredentials(login = 'ada') {
  await userEvent.type(screen.getByRole('textbox', { name: 'Username or email' }), login);
  await userEvent.type(screen.getByLabelText('Password'), 'secret words');
  await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
}

const TWO_FACTOR = () =>
  refusal('Enter the 6-digit code from your authenticator app', {
    code: 'UNAUTHENTICATED',
    reason: 'TWO_FACTOR_REQUIRED',
    challenge: 'challenge-token',
  });

describe('LoginPage', () => {
  it('asks for the authenticator code as a second step and sends it with the challenge', async () => {
    const { executeMutation } = renderLogin(TWO_FACTOR);
    await submitCredentials();
    expect(
      await screen.findByText('Enter the 6-digit code from your authenticator app.'),
    ).toBeInTheDocument();
    const code = screen.getByRole('textbox', { name: 'Security code' });
    expect(code).toHaveAttribute('inputmode', 'numeric');
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    await userEvent.type(code, '123456');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(operationName(executeMutation.mock.calls[1]!)).toBe('CompleteTwoFactorLogIn');
    expect(executeMutation.mock.calls[1]![0].variables).toEqual({
      challenge: 'challenge-token',
      code: '123456',
    });
  });

  it('takes a recovery code instead', async () => {
    const { executeMutation } = renderLogin(TWO_FACTOR);
    await submitCredentials();
    await userEvent.click(await screen.findByRole('button', { name: 'Use a recovery code instead' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Recovery code' }), 'abcde-fghij');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(executeMutation.mock.calls[1]![0].variables).toEqual({
      challenge: 'challenge-token',
      code: 'abcde-fghij',
    });
  });

  it('shows the wrong-code message and lets the person go back', async () => {
    renderLogin(TWO_FACTOR, () =>
      refusal('That code isn’t right', { code: 'BAD_USER_INPUT', field: 'code' }),
    );
    await submitCredentials();
    await userEvent.type(await screen.findByRole('textbox', { name: 'Security code' }), '000000');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That code isn’t right');
    await userEvent.click(screen.getByRole('button', { name: 'Back to log in' }));
    expect(screen.getByRole('button', { name: 'Log in' })).toBeInTheDocument();
  });

  it('shows the CAPTCHA when the API asks for it and retries with its payload', async () => {
    let tries = 0;
    const { executeMutation } = renderLogin(() =>
      ++tries === 1
        ? refusal('Please confirm you are not a robot', {
            code: 'BAD_USER_INPUT',
            field: 'captcha',
            reason: 'CAPTCHA_REQUIRED',
          })
        : { data: { logIn: { expiresAt: '2030-01-01T00:00:00Z' } } },
    );
    await submitCredentials();
    await userEvent.click(await screen.findByRole('button', { name: "I'm not a robot" }));
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(executeMutation.mock.calls[1]![0].variables).toEqual({
      input: { login: 'ada', password: 'secret words', captcha: 'solved-payload' },
    });
  });

  it('explains a suspension and files an appeal with "Disagree with decision"', async () => {
    const { executeMutation } = renderLogin(() =>
      refusal('Your account has been suspended for going against our community guidelines.', {
        code: 'FORBIDDEN',
        reason: 'SUSPENDED',
      }),
    );
    await submitCredentials();
    expect(
      await screen.findByRole('heading', { name: 'Your account has been suspended' }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Disagree with decision' }));
    await userEvent.type(
      screen.getByLabelText('Tell us why you think we made a mistake'),
      'It was my own photo',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Submit appeal' }));
    expect(operationName(executeMutation.mock.calls[1]!)).toBe('AppealSuspension');
    expect(executeMutation.mock.calls[1]![0].variables).toEqual({
      username: 'ada',
      password: 'secret words',
      text: 'It was my own photo',
    });
    expect(await screen.findByText(/received your appeal/)).toBeInTheDocument();
  });
});
