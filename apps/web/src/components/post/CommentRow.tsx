import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { type FragmentOf, graphql, readFragment } from '../../graphql';
import { useViewer } from '../../lib/viewer';
import { Dialog } from '../Dialog';
import { Icon } from '../Icon';
import { RelativeTime } from '../RelativeTime';
import { RichText } from '../RichText';
import { ReportDialog } from '../report/ReportDialog';
import { AuthorAvatar, AuthorName } from './Author';
import styles from './CommentRow.module.css';
import { PostAuthor_user } from './fragments';
import { MoreIcon } from './PostIcon';
import { showToast } from './toast';

/**
 * Everything a comment row shows. `post`, `parentId` and `replyCount` also let the cache find the
 * lists a new or deleted comment belongs to (features/post/cache.ts); its optimistic comment
 * provides every field selected here.
 */
export const CommentRow_comment = graphql(
  `
  fragment CommentRow_comment on Comment {
    id
    text
    textEntities { kind start end value }
    createdAt
    likeCount
    replyCount
    parentId
    viewerHasLiked
    viewerCanDelete
    heldFor
    author { id ...PostAuthor_user }
    post { id author { id username } }
  }
`,
  [PostAuthor_user],
);

const LikeCommentMutation = graphql(`
  mutation LikeComment($id: ID!) {
    likeComment(id: $id) { id viewerHasLiked likeCount }
  }
`);

const UnlikeCommentMutation = graphql(`
  mutation UnlikeComment($id: ID!) {
    unlikeComment(id: $id) { id viewerHasLiked likeCount }
  }
`);

const ApproveCommentMutation = graphql(`
  mutation ApproveComment($id: ID!) {
    approveComment(id: $id) { id heldFor }
  }
`);

const DeleteCommentMutation = graphql(`
  mutation DeleteComment($id: ID!) {
    deleteComment(id: $id) { deletedId }
  }
`);

/** Who is being answered: the composer prefills "@username " and replies in that comment's thread. */
export interface ReplyTarget {
  commentId: string;
  username: string;
}

/** One comment on the post page: author, text, time, likes, Reply, like and delete; replies below. */
export function CommentRow({
  comment,
  onReply,
  children,
}: {
  comment: FragmentOf<typeof CommentRow_comment>;
  onReply?: (target: ReplyTarget) => void;
  children?: ReactNode;
}) {
  const data = readFragment(CommentRow_comment, comment);
  const author = readFragment(PostAuthor_user, data.author);
  const [, likeComment] = useMutation(LikeCommentMutation);
  const [, unlikeComment] = useMutation(UnlikeCommentMutation);
  const [, deleteComment] = useMutation(DeleteCommentMutation);
  const [approving, approveComment] = useMutation(ApproveCommentMutation);
  const [confirming, setConfirming] = useState(false);
  const [sheet, setSheet] = useState<'closed' | 'options' | 'report'>('closed');
  const pending = data.id.startsWith('optimistic-');
  const { viewer } = useViewer();
  const row = useRef<HTMLLIElement>(null);
  // Someone else's comment: its "…" offers Report (and Delete, on the viewer's own post).
  const othersComment = viewer !== null && author.id !== viewer.id;
  // A held comment shows only to its author and the post's author; the post's author may approve it.
  const postAuthor = data.post.author;
  const viewerOwnsPost = viewer !== null && postAuthor.id === viewer.id;
  const held = data.heldFor !== null && !pending;

  // A comment the viewer has just written lands at the end of the list or of its thread: show it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the row first appears
  useLayoutEffect(() => {
    const justWritten =
      pending || (author.id === viewer?.id && Date.now() - Date.parse(data.createdAt) < 10_000);
    if (justWritten) row.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);

  const toggleLike = async () => {
    const result = await (data.viewerHasLiked ? unlikeComment : likeComment)({ id: data.id });
    if (result.error) showToast("Couldn't update the like on this comment. Try again.");
  };

  const approve = async () => {
    const result = await approveComment({ id: data.id });
    if (result.error) showToast("Couldn't approve the comment. Try again.");
  };

  const remove = async () => {
    setConfirming(false);
    const result = await deleteComment({ id: data.id });
    if (result.error) showToast("Couldn't delete the comment. Try again.");
  };

  return (
    <li ref={row} className={`${styles.comment} ${pending ? styles.pending : ''}`}>
      <div className={styles.row}>
        <AuthorAvatar user={data.author} />
        <div className={styles.body}>
          <p className={styles.text}>
            <AuthorName user={data.author} /> <RichText text={data.text} entities={data.textEntities} />
          </p>
          {held && (
            <p className={styles.held}>
              {viewerOwnsPost
                ? `Only you and ${author.username} can see this comment — ${
                    data.heldFor === 'RESTRICTED' ? 'restricted' : 'hidden word'
                  }`
                : // Its author is never told why (a restriction is kept from them).
                  `Only you and ${postAuthor.username} can see this comment`}
            </p>
          )}
          <div className={styles.meta}>
            {pending ? <span>Posting…</span> : <RelativeTime iso={data.createdAt} />}
            {data.likeCount > 0 && (
              <span className={styles.strong}>
                {data.likeCount} {data.likeCount === 1 ? 'like' : 'likes'}
              </span>
            )}
            {held && viewerOwnsPost && (
              <button
                type="button"
                className={`${styles.metaButton} ${styles.approve}`}
                disabled={approving.fetching}
                onClick={approve}
              >
                Approve
              </button>
            )}
            {onReply && !pending && (
              <button
                type="button"
                className={styles.metaButton}
                onClick={() => onReply({ commentId: data.id, username: author.username })}
              >
                Reply
              </button>
            )}
            {othersComment && !pending && (
              <button
                type="button"
                className={`${styles.metaButton} ${styles.options}`}
                aria-label="Comment options"
                aria-haspopup="dialog"
                title="Comment options"
                onClick={() => setSheet('options')}
              >
                <MoreIcon size={16} />
              </button>
            )}
            {data.viewerCanDelete && !othersComment && !pending && (
              <button
                type="button"
                className={`${styles.metaButton} ${styles.options}`}
                aria-label="Delete comment"
                title="Delete comment"
                onClick={() => setConfirming(true)}
              >
                <MoreIcon size={16} />
              </button>
            )}
          </div>
        </div>
        {!pending && (
          <button
            type="button"
            className={`${styles.like} ${data.viewerHasLiked ? styles.liked : ''}`}
            aria-label={data.viewerHasLiked ? 'Unlike comment' : 'Like comment'}
            aria-pressed={data.viewerHasLiked}
            onClick={toggleLike}
          >
            <Icon name="heart" filled={data.viewerHasLiked} size={12} />
          </button>
        )}
      </div>
      {children}
      {sheet === 'options' && (
        <Dialog title="Comment options" onClose={() => setSheet('closed')}>
          <div className={styles.confirm}>
            <button type="button" className={styles.danger} onClick={() => setSheet('report')}>
              Report
            </button>
            {data.viewerCanDelete && (
              <button
                type="button"
                className={styles.danger}
                onClick={() => {
                  setSheet('closed');
                  setConfirming(true);
                }}
              >
                Delete
              </button>
            )}
            <button type="button" onClick={() => setSheet('closed')}>
              Cancel
            </button>
          </div>
        </Dialog>
      )}
      {sheet === 'report' && (
        <ReportDialog subject="COMMENT" id={data.id} onClose={() => setSheet('closed')} />
      )}
      {confirming && (
        <Dialog title="Delete comment?" onClose={() => setConfirming(false)}>
          <div className={styles.confirm}>
            <button type="button" className={styles.danger} onClick={remove}>
              Delete
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </Dialog>
      )}
    </li>
  );
}
