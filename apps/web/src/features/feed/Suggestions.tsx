import { useMutation, useQuery } from 'urql';
import { Link } from 'wouter';
import { Avatar } from '../../components/Avatar';
import { Icon } from '../../components/Icon';
import { AuthorAvatar } from '../../components/post/Author';
import { FollowToggle, FollowToggle_user } from '../../components/post/FollowToggle';
import { PostAuthor_user } from '../../components/post/fragments';
import { showToast } from '../../components/post/toast';
import { Skeleton } from '../../components/Skeleton';
import { graphql } from '../../graphql';
import type { ViewerUser } from '../../lib/viewer';
import styles from './Suggestions.module.css';

export const AccountSuggestionsQuery = graphql(
  `
  query AccountSuggestions {
    accountSuggestions(first: 10) {
      reason
      user {
        id
        username
        ...PostAuthor_user
        ...FollowToggle_user
      }
    }
  }
`,
  [PostAuthor_user, FollowToggle_user],
);

// The list updates itself: features/feed/cache.ts takes the account out before the server answers.
const DismissSuggestionMutation = graphql(`
  mutation DismissSuggestion($userId: ID!) {
    dismissSuggestion(userId: $userId)
  }
`);

/**
 * "Suggested for you": accounts to follow, each with why it is suggested, a Follow button and a × to
 * dismiss it. Beside the feed on wide screens (a short list), and in place of an empty feed
 * (`variant="feed"`).
 */
export function Suggestions({ limit, variant }: { limit: number; variant: 'aside' | 'feed' }) {
  const [{ data, fetching, error }] = useQuery({ query: AccountSuggestionsQuery });
  const [, dismiss] = useMutation(DismissSuggestionMutation);
  const suggestions = data?.accountSuggestions.slice(0, limit) ?? [];
  if (!fetching && (error || suggestions.length === 0)) {
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
        {fetching && suggestions.length === 0
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
          : suggestions.map(({ user, reason }) => (
              <li key={user.id} className={styles.item}>
                <AuthorAvatar user={user} size={44} />
                <span className={styles.names}>
                  <Link href={`/${user.username}`} className={styles.username}>
                    {user.username}
                  </Link>
                  <span className={styles.reason}>{reason}</span>
                </span>
                {/* Following someone refreshes the feed: features/profile/cache.ts invalidates it. */}
                <FollowToggle user={user} variant={variant === 'feed' ? 'button' : 'link'} />
                <button
                  type="button"
                  className={styles.dismiss}
                  aria-label={`Dismiss ${user.username}`}
                  onClick={async () => {
                    const result = await dismiss({ userId: user.id });
                    if (result.error) showToast(`Couldn't dismiss ${user.username}. Try again.`);
                  }}
                >
                  <Icon name="close" size={12} />
                </button>
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
