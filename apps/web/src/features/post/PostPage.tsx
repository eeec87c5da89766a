import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { useHistoryState } from 'wouter/use-browser-location';
import type { ComposerHandle } from '../../components/post/CommentComposer';
import type { ReplyTarget } from '../../components/post/CommentRow';
import type { PostLocationState } from '../../components/post/PostActions';
import { PostDetailCard } from '../../components/post/PostCard';
import { PostMenu } from '../../components/post/PostMenu';
import { usePagedQuery } from '../../components/post/usePagedQuery';
import { PageSkeleton } from '../../components/Skeleton';
import { errorMessage } from '../../lib/errors';
import { useViewer } from '../../lib/viewer';
import NotFoundPage from '../NotFoundPage';
import { CommentList } from './CommentList';
import { LikersDialog } from './LikersDialog';
import { PostOptions } from './PostOptions';
import styles from './PostPage.module.css';
import { COMMENTS_PAGE, PostCommentsQuery, PostPageQuery, REPLIES_PAGE } from './queries';

const SEEN_KEY = 'glimpsePostSeen';

/**
 * A link followed from far down the feed opens the post at its top; going back or forward to a post
 * already seen (its history entry is marked) leaves the browser's own scroll position alone.
 */
function scrollToTopOnFirstVisit(id: string) {
  const state: unknown = window.history.state;
  const base = typeof state === 'object' && state !== null ? (state as Record<string, unknown>) : {};
  if (base[SEEN_KEY] === id) return;
  window.scrollTo(0, 0);
  window.history.replaceState({ ...base, [SEEN_KEY]: id }, '');
}

/** A post on its own page (/p/:id): the photos, the whole conversation, likers, the owner's options. */
export default function PostPage({ id }: { id: string }) {
  // The post and its first comments are asked for side by side: the photos need not wait for the talk.
  const [{ data, error, fetching }, reexecute] = useQuery({ query: PostPageQuery, variables: { id } });
  const comments = usePagedQuery({
    query: PostCommentsQuery,
    variables: { id, first: COMMENTS_PAGE, replies: REPLIES_PAGE },
    pageInfo: (result) => result.post?.comments.pageInfo,
  });
  const { viewer } = useViewer();
  const [likersOpen, setLikersOpen] = useState(false);
  const composer = useRef<ComposerHandle>(null);
  const locationState = useHistoryState<PostLocationState | null>();
  const post = data?.post;

  useLayoutEffect(() => scrollToTopOnFirstVisit(id), [id]);

  useEffect(() => {
    if (!post) return;
    const previous = document.title;
    document.title = post.caption
      ? `${post.author.username} on Glimpse: “${post.caption.slice(0, 60)}”`
      : `Post by ${post.author.username} • Glimpse`;
    return () => {
      document.title = previous;
    };
  }, [post]);

  if (!data) {
    if (error) {
      return (
        <div className={styles.problem} role="alert">
          <p>{errorMessage(error)}</p>
          <button
            type="button"
            className="button"
            onClick={() => reexecute({ requestPolicy: 'network-only' })}
          >
            Try again
          </button>
        </div>
      );
    }
    return fetching ? <PageSkeleton /> : null;
  }
  if (!post) return <NotFoundPage />;

  const owner = post.viewerCanEdit || post.viewerCanDelete;
  const onReply = (target: ReplyTarget) => composer.current?.replyTo(target);

  return (
    <div className={styles.page}>
      <h1 className="visually-hidden">Post by {post.author.username}</h1>
      <PostDetailCard
        post={post}
        options={
          owner ? (
            <PostOptions
              postId={post.id}
              username={post.author.username}
              commentsDisabled={post.commentsDisabled}
              archived={post.archived}
              canEdit={post.viewerCanEdit}
            />
          ) : viewer ? (
            <PostMenu postId={post.id} canReport={post.author.id !== viewer.id} onPostPage />
          ) : undefined
        }
        onOpenLikers={() => setLikersOpen(true)}
        comments={
          <CommentList comments={comments} onReply={viewer && post.viewerCanComment ? onReply : undefined} />
        }
        composer={{
          handle: composer,
          focus: () => composer.current?.focus(),
          autoFocus: locationState?.focusComment === true,
        }}
      />
      {likersOpen && <LikersDialog postId={post.id} onClose={() => setLikersOpen(false)} />}
    </div>
  );
}
