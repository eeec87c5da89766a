import styles from './UnreadBadge.module.css';

/** "9+" past nine, as Instagram's red dot counts. */
export function badgeText(count: number): string | null {
  if (count <= 0) return null;
  return count > 9 ? '9+' : String(count);
}

/** The red count on the Notifications item; nothing at zero. The link around it says the number aloud. */
export function UnreadBadge({ count }: { count: number }) {
  const text = badgeText(count);
  if (!text) return null;
  return (
    <span className={styles.badge} aria-hidden="true" data-testid="unread-badge">
      {text}
    </span>
  );
}
