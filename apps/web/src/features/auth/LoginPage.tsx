import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { Link, useLocation } from 'wouter';
import { Captcha } from '../../components/Captcha';
import { graphql } from '../../graphql';
import { errorMessage, errorReason, fieldErrorsOf } from '../../lib/errors';
import { useViewer } from '../../lib/viewer';
import styles from './Auth.module.css';
import { AuthField, AuthLayout, FormError } from './AuthLayout';
import { type PasskeyOutcome, passkeyMessage, usePasskeyLogIn } from './passkey';
import { SuspendedStep } from './SuspendedStep';
import { TwoFactorStep } from './TwoFactorStep';

const LogInMutation = graphql(`
  mutation LogIn($input: LogInInput!) {
    logIn(input: $input) {
      expiresAt
    }
  }
`);

/** Where a log-in stands after the password: done, or a second factor, or a suspension to explain. */
type Step =
  | { kind: 'credentials' }
  | { kind: 'twoFactor'; challenge: string }
  | { kind: 'suspended'; message: string; viaPasskey: boolean };

export default function LoginPage() {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'credentials' });
  // After a few failed tries from this address the API wants a CAPTCHA too; from then on it stays.
  const [needsCaptcha, setNeedsCaptcha] = useState(false);
  const [captcha, setCaptcha] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [result, logIn] = useMutation(LogInMutation);
  const passkey = usePasskeyLogIn();
  // The form shows what the latest try answered: the password's, or the passkey's (null while it runs).
  const [passkeyTry, setPasskeyTry] = useState<{ outcome: PasskeyOutcome | null } | null>(null);
  const { refresh } = useViewer();
  const [, navigate] = useLocation();

  const finish = () => {
    refresh();
    navigate('/');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPasskeyTry(null);
    const res = await logIn({ input: { login, password, ...(needsCaptcha && captcha ? { captcha } : {}) } });
    if (!res.error) return finish();
    const { reason, challenge } = errorReason(res.error);
    if (reason === 'TWO_FACTOR_REQUIRED' && challenge) setStep({ kind: 'twoFactor', challenge });
    else if (reason === 'SUSPENDED')
      setStep({ kind: 'suspended', message: res.error.graphQLErrors[0]?.message ?? '', viaPasskey: false });
    else if (reason === 'CAPTCHA_REQUIRED' || fieldErrorsOf(res.error).captcha) setNeedsCaptcha(true);
    // A solved challenge is spent by the try that sent it.
    if (needsCaptcha) setAttempt((n) => n + 1);
  };

  /** Password-less: any passkey saved for this site answers, and it is both factors at once. */
  const logInWithPasskey = async () => {
    setPasskeyTry({ outcome: null });
    const outcome = await passkey.run();
    if (!outcome) return;
    if (outcome.kind === 'done') return finish();
    if (outcome.kind === 'refused' && errorReason(outcome.error).reason === 'SUSPENDED') {
      setStep({
        kind: 'suspended',
        message: outcome.error?.graphQLErrors[0]?.message ?? '',
        viaPasskey: true,
      });
      return;
    }
    setPasskeyTry({ outcome });
  };

  const backToCredentials = () => {
    setStep({ kind: 'credentials' });
    setPassword('');
    setPasskeyTry(null);
  };

  const footer = (
    <p>
      Don't have an account?{' '}
      <Link href="/accounts/signup" className="link-button">
        Sign up
      </Link>
    </p>
  );

  if (step.kind === 'twoFactor') {
    return (
      <AuthLayout footer={footer}>
        <TwoFactorStep challenge={step.challenge} onDone={finish} onBack={backToCredentials} />
      </AuthLayout>
    );
  }
  if (step.kind === 'suspended') {
    return (
      <AuthLayout footer={footer}>
        <SuspendedStep
          message={step.message}
          login={step.viaPasskey ? '' : login}
          password={step.viaPasskey ? null : password}
          onBack={backToCredentials}
        />
      </AuthLayout>
    );
  }

  const passwordError = passkeyTry ? undefined : result.error;
  const errors = fieldErrorsOf(passwordError);
  const { reason } = errorReason(passwordError);
  const stopped = reason === 'TWO_FACTOR_REQUIRED' || reason === 'SUSPENDED';
  const outcome = passkeyTry?.outcome;
  const passkeyCancelled = outcome?.kind === 'cancelled';
  const general =
    outcome && !passkeyCancelled
      ? passkeyMessage(outcome)
      : passwordError && !stopped && Object.keys(errors).length === 0
        ? errorMessage(passwordError)
        : null;
  const passkeyBusy = passkey.phase !== 'idle';
  return (
    <AuthLayout footer={footer}>
      <form className={styles.form} onSubmit={submit} noValidate aria-label="Log in">
        <AuthField
          name="login"
          label="Username or email"
          autoComplete="username"
          value={login}
          onChange={setLogin}
          error={errors.login}
        />
        <AuthField
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={errors.password}
        />
        {needsCaptcha && <Captcha onChange={setCaptcha} error={errors.captcha} attempt={attempt} />}
        <button
          type="submit"
          className={`button ${styles.submit}`}
          disabled={result.fetching || passkeyBusy || !login || !password || (needsCaptcha && !captcha)}
        >
          {result.fetching ? 'Logging in…' : 'Log in'}
        </button>
        <FormError message={general} />
      </form>
      {passkey.supported && (
        <>
          <p className={styles.divider}>
            <span>or</span>
          </p>
          <button
            type="button"
            className={`button secondary ${styles.passkey}`}
            onClick={logInWithPasskey}
            disabled={passkeyBusy || result.fetching}
          >
            {passkey.phase === 'finishing'
              ? 'Logging in…'
              : passkey.phase === 'waiting'
                ? 'Waiting for your passkey…'
                : 'Log in with a passkey'}
          </button>
          {passkeyCancelled && (
            <p className={styles.notice} role="status">
              {passkeyMessage(outcome)}
            </p>
          )}
        </>
      )}
      <Link href="/accounts/password/reset" className={styles.forgot}>
        Forgot password?
      </Link>
    </AuthLayout>
  );
}
