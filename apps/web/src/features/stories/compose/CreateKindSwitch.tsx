import { Link } from 'wouter';
import styles from './CreateKindSwitch.module.css';

/** Post | Story, at the top of both composers: the Create button leads to either. */
export function CreateKindSwitch({ current }: { current: 'post' | 'story' }) {
  return (
    <nav className={styles.switch} aria-label="What to create">
      <Link href="/create" className={styles.item} aria-current={current === 'post' ? 'page' : undefined}>
        Post
      </Link>
      <Link
        href="/stories/create"
        className={styles.item}
        aria-current={current === 'story' ? 'page' : undefined}
      >
        Story
      </Link>
    </nav>
  );
}
