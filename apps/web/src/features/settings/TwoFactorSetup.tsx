import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../graphql';
import { errorMessage, fieldErrorsOf } from '../../lib/errors';
import { QrCode } from './QrCode';
import styles from './Settings.module.css';

const ConfirmTwoFactorSetupMutation = graphql(`
  mutation ConfirmTwoFactorSetup($code: String!) {
    confirmTwoFactorSetup(code: $code)
  }
`);

/** The secret in groups of four, easier to type into an app by hand. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * Turning two-factor on, after the password: scan the QR code (or type the key) into an authenticator
 * app, then prove it works with its first code. Success answers with the recovery codes.
 */
export function TwoFactorSetup({
  setup,
  onConfirmed,
  onCancel,
}: {
  setup: { secret: string; uri: string };
  onConfirmed: (codes: string[]) => void;
  onCancel: () => void;
}) {
  const [code, setCode] = useState('');
  const [result, confirm] = useMutation(ConfirmTwoFactorSetupMutation);
  const error = fieldErrorsOf(result.error).code ?? errorMessage(result.error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const res = await confirm({ code });
    if (res.data?.confirmTwoFactorSetup) onConfirmed(res.data.confirmTwoFactorSetup);
  };

  return (
    <section className={styles.card} aria-labelledby="two-factor-setup-title">
      <h2 id="two-factor-setup-title" className={styles.cardTitle}>
        Set up an authenticator app
      </h2>
      <ol className={styles.steps}>
        <li>
          <p>
            Open an authenticator app (such as Google Authenticator, 1Password or Authy) and scan this QR
            code.
          </p>
          <QrCode value={setup.uri} label="QR code for your authenticator app" />
        </li>
        <li>
          <p id="setup-key-label">Can't scan it? Enter this key in the app instead:</p>
          <code className={styles.secret}>{grouped(setup.secret)}</code>
        </li>
        <li>
          <form className={styles.codeForm} onSubmit={submit} noValidate>
            <label htmlFor="setup-code">Enter the 6-digit code the app shows</label>
            <div className={styles.row}>
              <input
                id="setup-code"
                className={`field ${styles.codeInput}`}
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]*"
                maxLength={6}
                value={code}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? 'setup-code-error' : undefined}
                onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
              />
              <button type="submit" className="button" disabled={result.fetching || code.length !== 6}>
                {result.fetching ? 'Checking…' : 'Turn on'}
              </button>
            </div>
            {error && (
              <p id="setup-code-error" className="field-error" role="alert">
                {error}
              </p>
            )}
          </form>
        </li>
      </ol>
      <button type="button" className="link-button" onClick={onCancel}>
        Cancel
      </button>
    </section>
  );
}
