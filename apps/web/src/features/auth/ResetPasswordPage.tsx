import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { Link } from 'wouter';
import { graphql } from '../../graphql';
import { forgetOfflineCache } from '../../lib/client';
import { errorMessage, fieldErrorsOf } from '../../lib/errors';
import { useViewer } from '../../lib/viewer';
import styles from './Auth.module.css';
import { AuthField, FormError } from './AuthLayout';
import { BackLink, RecoveryLayout, RecoveryMessage } from './RecoveryLayout';

const ResetPasswordMutation = graphql(`
  mutation ResetPassword($token: String!, $password: String!) {
    resetPassword(token: $token, password: $password)
  }
`);

const MISMATCH = 'Please make sure both passwords match.';

/**
 * /accounts/password/reset/:token, opened from the emailed link: a new password, typed twice. The API
 * checks the password before it spends the link, so a refused password can be fixed and sent again.
 */
export default function ResetPasswordPage({ token }: { token: string }) {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [result, reset] = useMutation(ResetPasswordMutation);
  const { viewer, refresh } = useViewer();
  // Set once the password changed; `hadSession` if this device was logged in, its session ending too.
  const [done, setDone] = useState<{ hadSession: boolean } | null>(null);
  const errors = fieldErrorsOf(result.error);
  const general = result.error && Object.keys(errors).length === 0 ? errorMessage(result.error) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password !== confirm) {
      setMismatch(true);
      return;
    }
    const hadSession = viewer !== null;
    const res = await reset({ token, password });
    if (res.error || !res.data?.resetPassword) return;
    setDone({ hadSession });
    if (hadSession) {
      // As at log-out: this account's cached feed must not outlive its session on this device. (If the
      // browser won't clear its storage, the session has still ended: carry on.)
      await forgetOfflineCache().catch(() => undefined);
      refresh();
    }
  };

  const edit = (set: (value: string) => void) => (value: string) => {
    set(value);
    setMismatch(false);
  };

  if (done) {
    return (
      <RecoveryLayout title="Password changed">
        <RecoveryMessage
          headingId="reset-done-title"
          heading="Password changed"
          text="Your password was changed. You're logged out everywhere."
        >
          {done.hadSession ? (
            // A full page load: a fresh client, with nothing of the old session in memory.
            <a href="/accounts/login" className={`button ${styles.primaryLink}`}>
              Log in
            </a>
          ) : (
            <Link href="/accounts/login" className={`button ${styles.primaryLink}`}>
              Log in
            </Link>
          )}
        </RecoveryMessage>
      </RecoveryLayout>
    );
  }

  if (errors.token) {
    return (
      <RecoveryLayout title="Reset password" footer={<BackLink />}>
        <RecoveryMessage
          headingId="reset-link-title"
          heading="This link isn't working"
          role="alert"
          text={errors.token}
        >
          <Link href="/accounts/password/reset" className={`button ${styles.primaryLink}`}>
            Get a new link
          </Link>
        </RecoveryMessage>
      </RecoveryLayout>
    );
  }

  return (
    <RecoveryLayout title="Reset password" footer={<BackLink />}>
      <form className={styles.form} onSubmit={submit} noValidate aria-labelledby="reset-title">
        <h1 id="reset-title" className={styles.title}>
          Create a new password
        </h1>
        <p className={styles.stepText} id="new-password-hint">
          Your new password must be at least 8 characters. Choose one you don't use anywhere else.
        </p>
        <AuthField
          name="password"
          label="New password"
          type="password"
          autoComplete="new-password"
          hintId="new-password-hint"
          value={password}
          onChange={edit(setPassword)}
          error={errors.password}
        />
        <AuthField
          name="confirm"
          label="Confirm new password"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={edit(setConfirm)}
          error={mismatch ? MISMATCH : undefined}
        />
        <button
          type="submit"
          className={`button ${styles.submit}`}
          disabled={result.fetching || !password || !confirm}
        >
          {result.fetching ? 'Resetting…' : 'Reset password'}
        </button>
        <FormError message={general} />
      </form>
    </RecoveryLayout>
  );
}
