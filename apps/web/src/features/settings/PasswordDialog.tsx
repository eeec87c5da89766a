import { type FormEvent, useState } from 'react';
import type { CombinedError } from 'urql';
import { Dialog } from '../../components/Dialog';
import { errorMessage, fieldErrorsOf } from '../../lib/errors';
import styles from './Settings.module.css';

/**
 * "Confirm it's you": security changes ask for the password again. `onConfirm` sends it and answers
 * with the API's error, if any, which shows on the field.
 */
export function PasswordDialog({
  title,
  explanation,
  action,
  danger = false,
  onConfirm,
  onClose,
}: {
  title: string;
  explanation: string;
  action: string;
  danger?: boolean;
  onConfirm: (password: string) => Promise<CombinedError | undefined>;
  onClose: () => void;
}) {
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CombinedError | undefined>();
  const fieldError =
    fieldErrorsOf(error).password ?? (error ? (errorMessage(error) ?? undefined) : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const problem = await onConfirm(password);
    setBusy(false);
    setError(problem);
  };

  return (
    <Dialog title={title} onClose={onClose}>
      <form className={styles.dialogForm} onSubmit={submit} noValidate>
        <p className="muted">{explanation}</p>
        <label htmlFor="confirm-password" className={styles.fieldLabel}>
          Password
        </label>
        <input
          id="confirm-password"
          type="password"
          className="field"
          autoComplete="current-password"
          autoFocus
          value={password}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? 'confirm-password-error' : undefined}
          onChange={(e) => setPassword(e.target.value)}
        />
        {fieldError && (
          <p id="confirm-password-error" className="field-error" role="alert">
            {fieldError}
          </p>
        )}
        <div className={styles.dialogButtons}>
          <button type="button" className="button secondary" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className={`button ${danger ? styles.dangerButton : ''}`}
            disabled={busy || !password}
          >
            {busy ? 'Checking…' : action}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
