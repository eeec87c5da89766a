import type { ReactNode } from 'react';
import { InputField } from '../../components/Field';
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

// The label is read, not shown: the placeholder shows the same words.
const fieldClasses = { field: styles.fieldWrap, label: 'visually-hidden' };

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
  return (
    <InputField
      id={name}
      name={name}
      classes={fieldClasses}
      label={label}
      error={error}
      describedBy={hintId}
      type={type}
      placeholder={label}
      autoComplete={autoComplete}
      autoCapitalize="none"
      spellCheck={false}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** What went wrong with the form as a whole (no field claims it), under its button and announced. */
export function FormError({ message }: { message: string | null | undefined }) {
  return message ? (
    <p className={styles.formError} role="alert">
      {message}
    </p>
  ) : null;
}
