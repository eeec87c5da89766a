import type { ReactNode } from 'react';
import styles from './Auth.module.css';

/**
 * The logged-out frame: the wordmark in a card, and a second card under it (sign up, log in instead).
 * On log-in and sign-up the wordmark is the page's heading; a screen with a title of its own (the
 * password-reset and email screens) passes `titled` and brings its own h1.
 */
export function AuthLayout({
  children,
  footer,
  titled = false,
}: {
  children: ReactNode;
  footer?: ReactNode;
  titled?: boolean;
}) {
  return (
    <main className={styles.page}>
      <div className={styles.card}>
        {titled ? <p className={styles.wordmark}>Glimpse</p> : <h1 className={styles.wordmark}>Glimpse</h1>}
        {children}
      </div>
      {footer && <div className={`${styles.card} ${styles.footer}`}>{footer}</div>}
    </main>
  );
}

/** A labelled input with its API field error shown inline and announced. */
export function AuthField({
  name,
  label,
  type = 'text',
  autoComplete,
  error,
  hintId,
  value,
  onChange,
}: {
  name: string;
  label: string;
  type?: string;
  autoComplete: string;
  error: string | undefined;
  /** The id of a sentence that explains the field (a password's rules), read with it. */
  hintId?: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const errorId = `${name}-error`;
  const describedBy = [error ? errorId : null, hintId ?? null].filter(Boolean).join(' ');
  return (
    <div className={styles.fieldWrap}>
      <label htmlFor={name} className="visually-hidden">
        {label}
      </label>
      <input
        id={name}
        name={name}
        type={type}
        className="field"
        placeholder={label}
        autoComplete={autoComplete}
        autoCapitalize="none"
        spellCheck={false}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
