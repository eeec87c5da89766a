import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { type FragmentOf, graphql, readFragment } from '../../graphql';
import { RelativeTime } from '../RelativeTime';
import { AuthorAvatar, AuthorName } from './Author';
import { PostAuthor_user } from './fragments';
import styles from './PostHeader.module.css';

export const PostHeader_post = graphql(
  `
  fragment PostHeader_post on Post {
    id
    createdAt
    author { id ...PostAuthor_user }
  }
`,
  [PostAuthor_user],
);

/** Avatar, username and "• 2h" (a link to the post), with room on the right for the owner's options. */
export function PostHeader({
  post,
  showTime = true,
  follow,
  actions,
}: {
  post: FragmentOf<typeof PostHeader_post>;
  showTime?: boolean;
  /** "• Follow" after the name, on the post page of an account the viewer does not follow. */
  follow?: ReactNode;
  actions?: ReactNode;
}) {
  const data = readFragment(PostHeader_post, post);
  return (
    <header className={styles.header}>
      <AuthorAvatar user={data.author} />
      <div className={styles.byline}>
        <AuthorName user={data.author} />
        {showTime && (
          <>
            <span className={styles.dot} aria-hidden="true">
              •
            </span>
            <Link href={`/p/${data.id}`} className={styles.time}>
              <RelativeTime iso={data.createdAt} />
            </Link>
          </>
        )}
        {follow && (
          <>
            <span className={styles.dot} aria-hidden="true">
              •
            </span>
            {follow}
          </>
        )}
      </div>
      {actions}
    </header>
  );
}
