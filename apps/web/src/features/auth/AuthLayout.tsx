import type { ReactNode } from 'react';
import styles from './Auth.module.css';

export function AuthLayout({ children, footer }: { children: ReactNode; footer: ReactNode }) {
  return (
    <main className={styles.page}>
      <div className={styles.card}>
        <h1 className={styles.wordmark}>Glimpse</h1>
        {children}
      </div>
      <div className={`${styles.card} ${styles.footer}`}>{footer}</div>
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
  value,
  onChange,
}: {
  name: string;
  label: string;
  type?: string;
  autoComplete: string;
  error: string | undefined;
  value: string;
  onChange: (value: string) => void;
}) {
  const errorId = `${name}-error`;
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
        aria-describedby={error ? errorId : undefined}
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
