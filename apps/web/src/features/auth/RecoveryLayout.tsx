import { type ReactNode, useEffect } from 'react';
import { Link } from 'wouter';
import { PageSkeleton } from '../../components/Skeleton';
import { Shell } from '../../layout/Shell';
import { useViewer } from '../../lib/viewer';
import styles from './Auth.module.css';
import { AuthLayout } from './AuthLayout';

/**
 * The frame of the screens an emailed link opens (password reset, email confirmation), which work with a
 * session or without: logged out they look like log-in; logged in they sit in the app's shell, same cards.
 *
 * The screen keeps its state above this frame: when the session ends under it (a password reset signs
 * out everywhere), the frame changes and the screen's answer stays.
 */
export function RecoveryLayout({
  title,
  children,
  footer,
}: {
  /** The document's title, "… • Glimpse". */
  title: string;
  children: ReactNode;
  footer?: ReactNode;
}) {
  const { viewer, loading } = useViewer();

  useEffect(() => {
    const previous = document.title;
    document.title = `${title} • Glimpse`;
    return () => {
      document.title = previous;
    };
  }, [title]);

  if (loading) return <PageSkeleton />;
  if (!viewer) {
    return (
      <AuthLayout titled footer={footer}>
        {children}
      </AuthLayout>
    );
  }
  return (
    <Shell>
      <div className={styles.inShell}>
        <div className={styles.card}>{children}</div>
        {footer && <div className={`${styles.card} ${styles.footer}`}>{footer}</div>}
      </div>
    </Shell>
  );
}

/**
 * What a screen in this frame shows when it only tells how things stand: its heading, a sentence
 * announced as `role` (a status, or an alert when something went wrong), and what to do next (`children`).
 */
export function RecoveryMessage({
  headingId,
  heading,
  role = 'status',
  text,
  children,
}: {
  headingId: string;
  heading: string;
  role?: 'status' | 'alert';
  text: ReactNode;
  children?: ReactNode;
}) {
  return (
    <section className={styles.form} aria-labelledby={headingId}>
      <h1 id={headingId} className={styles.title}>
        {heading}
      </h1>
      <p className={styles.stepText} role={role}>
        {text}
      </p>
      {children}
    </section>
  );
}

/** Back to where the person came from: log-in, or the app when they are logged in after all. */
export function BackLink() {
  const { viewer } = useViewer();
  return viewer ? (
    <Link href="/" className="link-button">
      Back to Glimpse
    </Link>
  ) : (
    <Link href="/accounts/login" className="link-button">
      Back to log in
    </Link>
  );
}
