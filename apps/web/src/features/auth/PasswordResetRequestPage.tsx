import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { Link } from 'wouter';
import { graphql } from '../../graphql';
import { errorMessage, fieldErrorsOf } from '../../lib/errors';
import { useViewer } from '../../lib/viewer';
import styles from './Auth.module.css';
import { AuthField, FormError } from './AuthLayout';
import { BackLink, RecoveryLayout, RecoveryMessage } from './RecoveryLayout';

const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($login: String!) {
    requestPasswordReset(login: $login)
  }
`);

/** The same words whatever was typed: the answer must not tell who has an account. */
const RESET_SENT = 'If an account matches, we sent a link to reset your password. It works for 30 minutes.';

/** /accounts/password/reset: "Trouble logging in?", which mails a link to set a new password. */
export default function PasswordResetRequestPage() {
  const [login, setLogin] = useState('');
  const [result, request] = useMutation(RequestPasswordResetMutation);
  const { viewer } = useViewer();
  const errors = fieldErrorsOf(result.error);
  const general = result.error && Object.keys(errors).length === 0 ? errorMessage(result.error) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!login.trim()) return;
    await request({ login: login.trim() });
  };

  if (result.data?.requestPasswordReset) {
    return (
      <RecoveryLayout title="Reset password" footer={<BackLink />}>
        <RecoveryMessage headingId="reset-sent-title" heading="Check your email" text={RESET_SENT} />
      </RecoveryLayout>
    );
  }

  return (
    <RecoveryLayout title="Reset password" footer={<BackLink />}>
      <form className={styles.form} onSubmit={submit} noValidate aria-labelledby="reset-request-title">
        <h1 id="reset-request-title" className={styles.title}>
          Trouble logging in?
        </h1>
        <p className={styles.stepText}>
          Enter your username or email and we'll send you a link to get back into your account.
        </p>
        <AuthField
          name="login"
          label="Username or email"
          autoComplete="username"
          value={login}
          onChange={setLogin}
          error={errors.login}
        />
        <button
          type="submit"
          className={`button ${styles.submit}`}
          disabled={result.fetching || !login.trim()}
        >
          {result.fetching ? 'Sending…' : 'Send reset link'}
        </button>
        <FormError message={general} />
      </form>
      {!viewer && (
        <>
          <p className={styles.divider}>
            <span>or</span>
          </p>
          <Link href="/accounts/signup" className={`link-button ${styles.create}`}>
            Create new account
          </Link>
        </>
      )}
    </RecoveryLayout>
  );
}
