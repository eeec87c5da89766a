import { useState } from 'react';
import { useClient } from 'urql';
import { CommentRow, type ReplyTarget } from '../../components/post/CommentRow';
import { showToast } from '../../components/post/toast';
import type { PagedQuery } from '../../components/post/usePagedQuery';
import { Skeleton } from '../../components/Skeleton';
import type { ResultOf } from '../../graphql';
import styles from './CommentList.module.css';
import { CommentRepliesQuery, type PostCommentsQuery, REPLIES_PAGE } from './queries';

type CommentsPage = PagedQuery<ResultOf<typeof PostCommentsQuery>>;
type TopComment = NonNullable<
  ResultOf<typeof PostCommentsQuery>['post']
>['comments']['edges'][number]['node'];

/** The post page's comments, oldest first, with "Load more comments" and each thread's replies. */
export function CommentList({
  comments,
  onReply,
}: {
  comments: CommentsPage;
  onReply?: (target: ReplyTarget) => void;
}) {
  const edges = comments.data?.post?.comments.edges ?? [];
  if (!comments.data) {
    return comments.error ? (
      <p className={styles.problem}>
        Couldn't load the comments.{' '}
        <button type="button" className="link-button" onClick={comments.retry}>
          Try again
        </button>
      </p>
    ) : (
      <div className={styles.loading} role="status" aria-live="polite">
        <span className="visually-hidden">Loading comments</span>
        {[0, 1, 2].map((i) => (
          <div key={i} className={styles.skeletonRow} aria-hidden="true">
            <Skeleton width={32} height={32} round />
            <Skeleton width={i === 1 ? 160 : 220} height={12} />
          </div>
        ))}
      </div>
    );
  }
  return (
    <>
      {edges.length > 0 && (
        <ul className={styles.list} aria-label="Comments">
          {edges.map((edge) => (
            <CommentThread key={edge.node.id} comment={edge.node} onReply={onReply} />
          ))}
        </ul>
      )}
      {comments.hasNextPage && (
        <button
          type="button"
          className={styles.loadMore}
          onClick={() => void comments.loadMore()}
          disabled={comments.loadingMore}
        >
          {comments.loadingMore ? 'Loading…' : 'Load more comments'}
        </button>
      )}
      {comments.loadMoreError && (
        <p className={styles.problem} role="alert">
          Couldn't load more comments.{' '}
          <button type="button" className="link-button" onClick={comments.retry}>
            Try again
          </button>
        </p>
      )}
    </>
  );
}

function CommentThread({
  comment,
  onReply,
}: {
  comment: TopComment;
  onReply?: (target: ReplyTarget) => void;
}) {
  const [expanded, setExpanded] = useState(false);
  const reply = onReply
    ? (target: ReplyTarget) => {
        // Answering a thread opens it, so the answer shows where it lands.
        setExpanded(true);
        onReply(target);
      }
    : undefined;
  return (
    <CommentRow comment={comment} onReply={reply}>
      {comment.replyCount > 0 && (
        <div className={styles.thread}>
          <button
            type="button"
            className={styles.toggle}
            aria-expanded={expanded}
            onClick={() => setExpanded((e) => !e)}
          >
            <span className={styles.line} aria-hidden="true" />
            {expanded ? 'Hide replies' : `View replies (${comment.replyCount})`}
          </button>
          {expanded && <Replies comment={comment} onReply={reply} />}
        </div>
      )}
    </CommentRow>
  );
}

/**
 * A thread's replies: the first ones came with the comments; more are fetched into the cache, where
 * relayPagination joins them to the ones shown.
 */
function Replies({ comment, onReply }: { comment: TopComment; onReply?: (target: ReplyTarget) => void }) {
  const client = useClient();
  const [loading, setLoading] = useState(false);
  const { edges, pageInfo } = comment.replies;
  const remaining = Math.max(0, comment.replyCount - edges.length);

  const loadMore = async () => {
    if (!pageInfo.endCursor) return;
    setLoading(true);
    const page = await client
      .query(CommentRepliesQuery, { id: comment.id, first: REPLIES_PAGE, after: pageInfo.endCursor })
      .toPromise();
    setLoading(false);
    if (page.error || !page.data?.node) showToast("Couldn't load more replies. Try again later.");
  };

  return (
    <>
      <ul className={styles.replies}>
        {edges.map((edge) => (
          <CommentRow key={edge.node.id} comment={edge.node} onReply={onReply} />
        ))}
      </ul>
      {pageInfo.hasNextPage && (
        <button type="button" className={styles.toggle} onClick={loadMore} disabled={loading}>
          <span className={styles.line} aria-hidden="true" />
          {loading ? 'Loading…' : `View more replies${remaining > 0 ? ` (${remaining})` : ''}`}
        </button>
      )}
    </>
  );
}
