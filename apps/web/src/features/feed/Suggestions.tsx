import { useQuery } from 'urql';
import { Link } from 'wouter';
import { Avatar } from '../../components/Avatar';
import { AuthorAvatar } from '../../components/post/Author';
import { FollowToggle, FollowToggle_user } from '../../components/post/FollowToggle';
import { PostAuthor_user } from '../../components/post/fragments';
import { Skeleton } from '../../components/Skeleton';
import { graphql } from '../../graphql';
import type { ViewerUser } from '../../lib/viewer';
import styles from './Suggestions.module.css';

export const SuggestedAccountsQuery = graphql(
  `
  query SuggestedAccounts {
    suggestedAccounts(first: 10) {
      id
      username
      displayName
      followsViewer
      ...PostAuthor_user
      ...FollowToggle_user
    }
  }
`,
  [PostAuthor_user, FollowToggle_user],
);

/**
 * "Suggested for you": accounts to follow, each with a Follow button. Beside the feed on wide
 * screens (a short list), and in place of an empty feed (`variant="feed"`).
 */
export function Suggestions({ limit, variant }: { limit: number; variant: 'aside' | 'feed' }) {
  const [{ data, fetching, error }] = useQuery({ query: SuggestedAccountsQuery });
  const accounts = data?.suggestedAccounts.slice(0, limit) ?? [];
  if (!fetching && (error || accounts.length === 0)) {
    return variant === 'feed' ? (
      <p className={`${styles.empty} muted`}>No suggestions right now. Check back later.</p>
    ) : null;
  }

  return (
    <section className={`${styles.suggestions} ${styles[variant]}`} aria-labelledby={`suggested-${variant}`}>
      <h2 id={`suggested-${variant}`} className={styles.title}>
        Suggested for you
      </h2>
      <ul className={styles.list}>
        {fetching && accounts.length === 0
          ? Array.from({ length: Math.min(limit, 5) }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
              <li key={i} className={styles.item} aria-hidden="true">
                <Skeleton width={44} height={44} round />
                <span className={styles.names}>
                  <Skeleton width={110} height={12} />
                  <Skeleton width={80} height={10} />
                </span>
              </li>
            ))
          : accounts.map((account) => (
              <li key={account.id} className={styles.item}>
                <AuthorAvatar user={account} size={44} />
                <span className={styles.names}>
                  <Link href={`/${account.username}`} className={styles.username}>
                    {account.username}
                  </Link>
                  <span className={styles.reason}>
                    {account.followsViewer ? 'Follows you' : account.displayName || 'Suggested for you'}
                  </span>
                </span>
                {/* Following someone refreshes the feed: features/profile/cache.ts invalidates it. */}
                <FollowToggle user={account} variant={variant === 'feed' ? 'button' : 'link'} />
              </li>
            ))}
      </ul>
    </section>
  );
}

/** The viewer's own row at the top of the right column, as on instagram.com. */
export function ViewerRow({ viewer }: { viewer: ViewerUser }) {
  return (
    <div className={styles.viewer}>
      <Link href={`/${viewer.username}`} tabIndex={-1} aria-hidden="true">
        <Avatar user={viewer} size={44} />
      </Link>
      <span className={styles.names}>
        <Link href={`/${viewer.username}`} className={styles.username}>
          {viewer.username}
        </Link>
        <span className={styles.reason}>{viewer.displayName}</span>
      </span>
    </div>
  );
}
