import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link } from 'wouter';
import { Avatar } from '../../components/Avatar';
import { Icon } from '../../components/Icon';
import { usePagedQuery } from '../../components/post/usePagedQuery';
import { Skeleton } from '../../components/Skeleton';
import { graphql, readFragment } from '../../graphql';
import { errorMessage } from '../../lib/errors';
import { useLoadMoreOnScroll } from '../profile/useLoadMoreOnScroll';
import styles from './Activity.module.css';
import { ActivityRow } from './ActivityRow';
import { ActivityQuery, ActivityRow_notification, MarkNotificationsReadMutation } from './fragments';
import { groupByPeriod } from './grouping';

const PAGE_SIZE = 20;

// The same page the requests inbox asks for, so the two share what the cache holds.
const PendingRequestsQuery = graphql(`
  query ActivityPendingRequests($first: Int!) {
    viewer {
      followRequests(first: $first) {
        edges { node { id username avatar { thumbhash dominantColor sources { url width format } } } }
        pageInfo { hasNextPage }
      }
    }
  }
`);

/** Instagram's "Follow requests" line above the list, for a private account with people waiting. */
function FollowRequestsLink() {
  const [{ data }] = useQuery({
    query: PendingRequestsQuery,
    variables: { first: PAGE_SIZE },
    requestPolicy: 'cache-and-network',
  });
  const requests = data?.viewer?.followRequests;
  const first = requests?.edges[0]?.node;
  if (!requests || !first) return null;
  const others = requests.edges.length - 1;
  return (
    <Link href="/accounts/requests" className={styles.requests}>
      <Avatar user={first} size={44} decorative />
      <span className={styles.requestsText}>
        <strong>Follow requests</strong>
        <span className={styles.time}>
          {first.username}
          {others > 0 &&
            ` + ${others}${requests.pageInfo.hasNextPage ? '+' : ''} ${others === 1 ? 'other' : 'others'}`}
        </span>
      </span>
      <Icon name="chevronRight" size={16} />
    </Link>
  );
}

function RowsSkeleton({ rows }: { rows: number }) {
  return (
    <ul className={styles.list} aria-hidden="true">
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <li key={i} className={styles.row}>
          <Skeleton width={44} height={44} round />
          <span className={styles.skeletonLines}>
            <Skeleton width="80%" height={12} />
            <Skeleton width="40%" height={12} />
          </span>
          <Skeleton width={44} height={44} />
        </li>
      ))}
    </ul>
  );
}

/**
 * Marks the list read once it has shown, and again when a new entry arrives while it is open. Returns
 * the entries that were unread when they first showed: they stay highlighted for this visit, as on
 * Instagram, although the server (and the badge) already count them read.
 */
function useMarkReadOnView(
  entries: readonly { id: string; read: boolean }[] | undefined,
): ReadonlySet<string> {
  const [, markRead] = useMutation(MarkNotificationsReadMutation);
  const [highlighted, setHighlighted] = useState<ReadonlySet<string>>(() => new Set());
  const marked = useRef(false);
  const shown = entries !== undefined;
  const unread = (entries ?? [])
    .filter((e) => !e.read)
    .map((e) => e.id)
    .join(' ');

  useEffect(() => {
    if (!shown) return;
    if (unread) setHighlighted((prev) => new Set([...prev, ...unread.split(' ')]));
    if (marked.current && !unread) return;
    marked.current = true;
    void markRead({ upTo: null });
  }, [shown, unread, markRead]);

  return highlighted;
}

/** /activity: likes, comments, follows and story replies, latest first, grouped by when they happened. */
export default function ActivityPage() {
  const paged = usePagedQuery({
    query: ActivityQuery,
    variables: { first: PAGE_SIZE },
    pageInfo: (data) => data.viewer?.notifications.pageInfo,
    // Activity arrives while the screen is closed (and the live socket may have been down).
    requestPolicy: 'cache-and-network',
  });
  const sentinel = useLoadMoreOnScroll(() => void paged.loadMore(), paged.hasNextPage && !paged.loadingMore);
  const connection = paged.data?.viewer?.notifications;
  const nodes = connection?.edges.map((edge) => edge.node);
  const entries = nodes?.map((node) => ({ node, entry: readFragment(ActivityRow_notification, node) }));
  const highlighted = useMarkReadOnView(entries?.map((e) => e.entry));
  const sections = groupByPeriod((entries ?? []).map((e) => ({ ...e, createdAt: e.entry.createdAt })));

  return (
    <div className={styles.page}>
      <h1 className={styles.title}>Notifications</h1>
      <FollowRequestsLink />
      {!entries ? (
        paged.error ? (
          <div className={styles.empty}>
            <p role="alert">{errorMessage(paged.error)}</p>
            <button type="button" className="button secondary" onClick={paged.retry}>
              Try again
            </button>
          </div>
        ) : (
          <div role="status" aria-live="polite">
            <span className="visually-hidden">Loading</span>
            <RowsSkeleton rows={8} />
          </div>
        )
      ) : entries.length === 0 ? (
        <div className={styles.empty}>
          <span className={styles.emptyIcon}>
            <Icon name="heart" size={40} strokeWidth={1.5} />
          </span>
          <h2 className={styles.emptyTitle}>No activity yet</h2>
          <p className={styles.emptyText}>
            Activity on your posts will show here: likes, comments, mentions and new followers.
          </p>
        </div>
      ) : (
        <>
          {sections.map((section) => (
            <section key={section.period} aria-label={section.period} className={styles.section}>
              <h2 className={styles.period}>{section.period}</h2>
              <ul className={styles.list}>
                {section.entries.map(({ node, entry }) => (
                  <ActivityRow
                    key={entry.id}
                    notification={node}
                    highlighted={highlighted.has(entry.id) || !entry.read}
                  />
                ))}
              </ul>
            </section>
          ))}
          <div ref={sentinel} />
          {paged.loadingMore && <RowsSkeleton rows={2} />}
          {paged.loadMoreError && (
            <div className={styles.more}>
              <p role="alert">{errorMessage(paged.loadMoreError)}</p>
              <button type="button" className="button secondary" onClick={paged.retry}>
                Try again
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
