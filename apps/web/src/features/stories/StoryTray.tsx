import { useQuery } from 'urql';
import { Link } from 'wouter';
import { Avatar } from '../../components/Avatar';
import { Skeleton } from '../../components/Skeleton';
import { useViewer } from '../../lib/viewer';
import { StoryTrayQuery } from './queries';
import styles from './StoryTray.module.css';
import { type Ring, ringOf } from './StoryTrayRing';

const AVATAR = 56;

/** The history state the tray opens the viewer with: closing it goes back here rather than home. */
export const OPENED_IN_APP = { storyOpener: true } as const;

const RING_LABEL: Record<Ring, string> = {
  unseen: 'not seen yet',
  closeFriends: 'close friends, not seen yet',
  seen: 'seen',
};

function Circle({
  user,
  ring,
  badge = false,
}: {
  user: Parameters<typeof Avatar>[0]['user'];
  ring: Ring | 'none';
  badge?: boolean;
}) {
  return (
    <span className={`${styles.ring} ${styles[ring] ?? ''}`} data-ring={ring}>
      <span className={styles.gap}>
        <Avatar user={user} size={AVATAR} decorative />
      </span>
      {badge && (
        <span className={styles.badge} aria-hidden="true">
          +
        </span>
      )}
    </span>
  );
}

function TraySkeleton() {
  return (
    <div className={styles.tray} role="status" aria-live="polite">
      <span className="visually-hidden">Loading stories</span>
      {[0, 1, 2, 3, 4, 5].map((i) => (
        <span key={i} className={styles.item} aria-hidden="true">
          <Skeleton width={AVATAR + 10} height={AVATAR + 10} round />
          <Skeleton width={48} height={10} />
        </span>
      ))}
    </div>
  );
}

/**
 * The row of story circles above the home feed: the viewer's own first ("Your story", with a + to add
 * one when there is none), then the accounts they follow with live stories. Each opens the viewer.
 */
export function StoryTray() {
  const { viewer } = useViewer();
  // Stories come and go within the day: show the cached tray at once and refresh it on every visit.
  const [{ data, error }] = useQuery({ query: StoryTrayQuery, requestPolicy: 'cache-and-network' });
  if (!viewer) return null;
  if (!data && !error) return <TraySkeleton />;

  const entries = data?.storyTray ?? [];
  const own = entries.find((entry) => entry.user.id === viewer.id);
  const others = entries.filter((entry) => entry.user.id !== viewer.id);

  return (
    <nav className={styles.tray} aria-label="Stories">
      <ul className={styles.list}>
        <li>
          {own ? (
            <Link
              href={`/stories/${viewer.username}`}
              state={OPENED_IN_APP}
              className={styles.item}
              aria-label={`Your story, ${RING_LABEL[ringOf(own)]}`}
            >
              <Circle user={viewer} ring={ringOf(own)} />
              <span className={styles.name}>Your story</span>
            </Link>
          ) : (
            <Link href="/stories/create" className={styles.item} aria-label="Your story: add to your story">
              <Circle user={viewer} ring="none" badge />
              <span className={styles.name}>Your story</span>
            </Link>
          )}
        </li>
        {others.map((entry) => {
          const ring = ringOf(entry);
          return (
            <li key={entry.user.id}>
              <Link
                href={`/stories/${entry.user.username}`}
                state={OPENED_IN_APP}
                className={styles.item}
                aria-label={`Story by ${entry.user.username}, ${RING_LABEL[ring]}`}
              >
                <Circle user={entry.user} ring={ring} />
                <span className={styles.name}>{entry.user.username}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
