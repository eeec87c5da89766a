import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../graphql';
import { errorMessage } from '../../lib/errors';
import styles from './Auth.module.css';
import { type PasskeyOutcome, passkeyMessage, usePasskeyLogIn } from './passkey';

const CompleteTwoFactorLogInMutation = graphql(`
  mutation CompleteTwoFactorLogIn($challenge: String!, $code: String!) {
    completeTwoFactorLogIn(challenge: $challenge, code: $code) {
      expiresAt
    }
  }
`);

/**
 * The log-in's second step for an account with two-factor authentication: the 6-digit code from the
 * authenticator app, one of the recovery codes when the phone is gone, or one of the account's passkeys.
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
  const passkey = usePasskeyLogIn();
  // What the latest try answered: the code's, or the passkey's (null while it runs).
  const [passkeyTry, setPasskeyTry] = useState<{ outcome: PasskeyOutcome | null } | null>(null);
  const codeError = passkeyTry ? null : errorMessage(result.error);
  const outcome = passkeyTry?.outcome ?? null;
  const passkeyCancelled = outcome?.kind === 'cancelled';
  const error = codeError ?? (outcome && !passkeyCancelled ? passkeyMessage(outcome) : null);
  const passkeyBusy = passkey.phase !== 'idle';
  const ready = recovery ? code.trim().length >= 10 : /^\d{6}$/.test(code);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setPasskeyTry(null);
    const res = await complete({ challenge, code: code.trim() });
    if (!res.error) onDone();
  };

  const confirmWithPasskey = async () => {
    setPasskeyTry({ outcome: null });
    const outcome = await passkey.run(challenge);
    if (!outcome) return;
    if (outcome.kind === 'done') return onDone();
    setPasskeyTry({ outcome });
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
            aria-describedby={codeError ? 'two-factor-hint two-factor-error' : 'two-factor-hint'}
            aria-invalid={codeError ? true : undefined}
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
            aria-describedby={codeError ? 'two-factor-hint two-factor-error' : 'two-factor-hint'}
            aria-invalid={codeError ? true : undefined}
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
          />
        )}
      </div>
      <button
        type="submit"
        className={`button ${styles.submit}`}
        disabled={result.fetching || passkeyBusy || !ready}
      >
        {result.fetching ? 'Confirming…' : 'Confirm'}
      </button>
      {error && (
        <p id="two-factor-error" className={styles.formError} role="alert">
          {error}
        </p>
      )}
      {passkeyCancelled && (
        <p className={styles.notice} role="status">
          {passkeyMessage(outcome)}
        </p>
      )}
      {passkey.supported && (
        <button
          type="button"
          className={`link-button ${styles.secondaryAction}`}
          onClick={confirmWithPasskey}
          disabled={passkeyBusy || result.fetching}
        >
          {passkey.phase === 'finishing'
            ? 'Confirming…'
            : passkey.phase === 'waiting'
              ? 'Waiting for your passkey…'
              : 'Use a passkey instead'}
        </button>
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
