import { Link } from 'wouter';
import { Dialog } from '../../components/Dialog';
import { AuthorAvatar } from '../../components/post/Author';
import { FollowToggle } from '../../components/post/FollowToggle';
import { usePagedQuery } from '../../components/post/usePagedQuery';
import { Skeleton } from '../../components/Skeleton';
import styles from './LikersDialog.module.css';
import { LIKERS_PAGE, PostLikersQuery } from './queries';

/** The "Likes" dialog: who liked the post, most recent first, a page at a time. */
export function LikersDialog({ postId, onClose }: { postId: string; onClose: () => void }) {
  const likers = usePagedQuery({
    query: PostLikersQuery,
    variables: { id: postId, first: LIKERS_PAGE },
    pageInfo: (data) => data.post?.likers.pageInfo,
  });
  const edges = likers.data?.post?.likers.edges ?? [];

  return (
    <Dialog title="Likes" onClose={onClose}>
      {!likers.data ? (
        likers.error ? (
          <p className={styles.message}>
            Couldn't load the likes.{' '}
            <button type="button" className="link-button" onClick={likers.retry}>
              Try again
            </button>
          </p>
        ) : (
          <div className={styles.list} role="status" aria-live="polite">
            <span className="visually-hidden">Loading</span>
            {[0, 1, 2, 3].map((i) => (
              <div key={i} className={styles.item} aria-hidden="true">
                <Skeleton width={44} height={44} round />
                <Skeleton width={140} height={12} />
              </div>
            ))}
          </div>
        )
      ) : edges.length === 0 ? (
        <p className={`${styles.message} muted`}>No likes yet.</p>
      ) : (
        <>
          <ul className={styles.list}>
            {edges.map(({ node }) => (
              <li key={node.id} className={styles.item}>
                <AuthorAvatar user={node} size={44} />
                <span className={styles.names}>
                  <Link href={`/${node.username}`} className={styles.username}>
                    {node.username}
                  </Link>
                  {node.displayName && <span className={styles.display}>{node.displayName}</span>}
                </span>
                <FollowToggle user={node} variant="button" />
              </li>
            ))}
          </ul>
          {likers.hasNextPage && (
            <button
              type="button"
              className={styles.more}
              onClick={() => void likers.loadMore()}
              disabled={likers.loadingMore}
            >
              {likers.loadingMore ? 'Loading…' : 'Load more'}
            </button>
          )}
          {likers.loadMoreError && (
            <p className={styles.message} role="alert">
              Couldn't load more.{' '}
              <button type="button" className="link-button" onClick={likers.retry}>
                Try again
              </button>
            </p>
          )}
        </>
      )}
    </Dialog>
  );
}
