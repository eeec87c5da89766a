import { Link } from 'wouter';
import { type FragmentOf, readFragment } from '../../graphql';
import { Avatar } from '../Avatar';
import styles from './Author.module.css';
import { PostAuthor_user } from './fragments';
import { VerifiedBadge } from './PostIcon';

type AuthorRef = FragmentOf<typeof PostAuthor_user>;

/**
 * The avatar as a link to the profile. The username beside it is the link a keyboard or screen reader
 * user takes, so this one stays out of the tab order and the accessibility tree.
 */
export function AuthorAvatar({ user, size = 32 }: { user: AuthorRef; size?: number }) {
  const author = readFragment(PostAuthor_user, user);
  return (
    <Link href={`/${author.username}`} className={styles.avatar} tabIndex={-1} aria-hidden="true">
      <Avatar user={author} size={size} />
    </Link>
  );
}

export function AuthorName({ user }: { user: AuthorRef }) {
  const author = readFragment(PostAuthor_user, user);
  return (
    <span className={styles.name}>
      <Link href={`/${author.username}`} className={styles.username}>
        {author.username}
      </Link>
      {author.isVerified && <VerifiedBadge />}
    </span>
  );
}
