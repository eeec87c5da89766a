import styles from './Avatar.module.css';
import { type ImageData, Picture } from './Picture';

/** A round profile photo, or the initial on a soft colour when there is none. */
export function Avatar({
  user,
  size = 32,
  ring = false,
  decorative = false,
}: {
  user: { username: string; avatar?: Omit<ImageData, 'width' | 'height'> | null };
  size?: number;
  ring?: boolean;
  /** Inside a control already named (the Profile link), the photo adds nothing for a screen reader. */
  decorative?: boolean;
}) {
  const style = { width: size, height: size };
  return (
    <span className={`${styles.avatar} ${ring ? styles.ring : ''}`} style={style}>
      {user.avatar ? (
        <Picture
          image={{ ...user.avatar, width: size, height: size }}
          alt={decorative ? '' : `${user.username}'s profile picture`}
          sizes={`${size}px`}
          className={styles.image}
        />
      ) : (
        <span
          className={styles.initial}
          style={{ fontSize: size * 0.42 }}
          data-initial={user.username.slice(0, 1).toUpperCase()}
          aria-hidden="true"
        />
      )}
    </span>
  );
}
