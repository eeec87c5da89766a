import styles from './Avatar.module.css';
import { type ImageData, Picture } from './Picture';

/** A round profile photo, or the initial on a soft colour when there is none. */
export function Avatar({
  user,
  size = 32,
  ring = false,
}: {
  user: { username: string; avatar?: Omit<ImageData, 'width' | 'height'> | null };
  size?: number;
  ring?: boolean;
}) {
  const style = { width: size, height: size };
  return (
    <span className={`${styles.avatar} ${ring ? styles.ring : ''}`} style={style}>
      {user.avatar ? (
        <Picture
          image={{ ...user.avatar, width: size, height: size }}
          alt={`${user.username}'s profile picture`}
          sizes={`${size}px`}
          className={styles.image}
        />
      ) : (
        <span className={styles.initial} style={{ fontSize: size * 0.42 }} aria-hidden="true">
          {user.username.slice(0, 1).toUpperCase()}
        </span>
      )}
    </span>
  );
}
