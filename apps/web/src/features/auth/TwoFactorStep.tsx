import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../graphql';
import { errorMessage } from '../../lib/errors';
import styles from './Auth.module.css';

const CompleteTwoFactorLogInMutation = graphql(`
  mutation CompleteTwoFactorLogIn($challenge: String!, $code: String!) {
    completeTwoFactorLogIn(challenge: $challenge, code: $code) {
      expiresAt
    }
  }
`);

/**
 * The log-in's second step for an account with two-factor authentication: the 6-digit code from the
 * authenticator app, or one of the recovery codes when the phone is gone.
 */
export function TwoFactorStep({
  challenge,
  onDone,
  onBack,
}: {
  challenge: string;
  onDone: () => void;
  onBack: () => void;
}) {
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [result, complete] = useMutation(CompleteTwoFactorLogInMutation);
  const error = errorMessage(result.error);
  const ready = recovery ? code.trim().length >= 10 : /^\d{6}$/.test(code);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    const res = await complete({ challenge, code: code.trim() });
    if (!res.error) onDone();
  };

  const switchMode = () => {
    setRecovery((r) => !r);
    setCode('');
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-labelledby="two-factor-title">
      <h2 id="two-factor-title" className={styles.stepTitle}>
        Two-factor authentication
      </h2>
      <p className={styles.stepText} id="two-factor-hint">
        {recovery
          ? 'Enter one of the recovery codes you saved when you turned on two-factor authentication.'
          : 'Enter the 6-digit code from your authenticator app.'}
      </p>
      <div className={styles.fieldWrap}>
        <label htmlFor="two-factor-code" className="visually-hidden">
          {recovery ? 'Recovery code' : 'Security code'}
        </label>
        {recovery ? (
          <input
            key="recovery"
            id="two-factor-code"
            className="field"
            placeholder="Recovery code"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            aria-describedby="two-factor-hint"
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        ) : (
          <input
            key="totp"
            id="two-factor-code"
            className={`field ${styles.code}`}
            placeholder="Security code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]*"
            maxLength={6}
            aria-describedby="two-factor-hint"
            aria-invalid={result.error ? true : undefined}
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
          />
        )}
      </div>
      <button type="submit" className={`button ${styles.submit}`} disabled={result.fetching || !ready}>
        {result.fetching ? 'Confirming…' : 'Confirm'}
      </button>
      {error && (
        <p className={styles.formError} role="alert">
          {error}
        </p>
      )}
      <button type="button" className={`link-button ${styles.secondaryAction}`} onClick={switchMode}>
        {recovery ? 'Use your authenticator app instead' : 'Use a recovery code instead'}
      </button>
      <button type="button" className={`link-button ${styles.secondaryAction}`} onClick={onBack}>
        Back to log in
      </button>
    </form>
  );
}
