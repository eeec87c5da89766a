import { Link } from 'wouter';
import styles from './NotFoundPage.module.css';

/** Broken links, removed posts and accounts that are not there (or not there for you) all land here. */
export default function NotFoundPage() {
  return (
    <section className={styles.page} aria-labelledby="not-found-title">
      <h1 id="not-found-title">Sorry, this page isn't available.</h1>
      <p className="muted">
        The link you followed may be broken, or the page may have been removed.{' '}
        <Link href="/" className="entity">
          Go back to Glimpse.
        </Link>
      </p>
    </section>
  );
}
