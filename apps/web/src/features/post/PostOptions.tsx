import { useState } from 'react';
import { useMutation } from 'urql';
import { useLocation } from 'wouter';
import { Dialog } from '../../components/Dialog';
import { MoreIcon } from '../../components/post/PostIcon';
// The same sheet as the feed card's "…" menu.
import styles from '../../components/post/PostMenu.module.css';
import { showToast } from '../../components/post/toast';
import { graphql } from '../../graphql';

const ArchivePostMutation = graphql(`
  mutation ArchivePost($id: ID!) {
    archivePost(id: $id) { id archived }
  }
`);

const DeletePostMutation = graphql(`
  mutation DeletePost($id: ID!) {
    deletePost(id: $id) { deletedId }
  }
`);

const SetCommentsDisabledMutation = graphql(`
  mutation SetCommentsDisabled($postId: ID!, $disabled: Boolean!) {
    setCommentsDisabled(postId: $postId, disabled: $disabled) { id commentsDisabled viewerCanComment }
  }
`);

/**
 * The owner's "More options" on a post: delete (after a confirmation), edit the photos (filters and
 * adjustments, in the editor), archive, comments on or off.
 */
export function PostOptions({
  postId,
  username,
  commentsDisabled,
  archived,
  canEdit = true,
}: {
  postId: string;
  username: string;
  commentsDisabled: boolean;
  archived: boolean;
  /** Only the author edits; a moderator who may delete the post does not see "Edit photos". */
  canEdit?: boolean;
}) {
  const [step, setStep] = useState<'closed' | 'menu' | 'confirmDelete'>('closed');
  const [, archivePost] = useMutation(ArchivePostMutation);
  const [deleteState, deletePost] = useMutation(DeletePostMutation);
  const [, setCommentsDisabled] = useMutation(SetCommentsDisabledMutation);
  const [, navigate] = useLocation();

  const archive = async () => {
    setStep('closed');
    const result = await archivePost({ id: postId });
    if (result.error) return showToast("Couldn't archive the post. Try again.");
    showToast('Post archived');
    navigate(`/${username}`);
  };

  const remove = async () => {
    const result = await deletePost({ id: postId });
    setStep('closed');
    if (result.error) return showToast("Couldn't delete the post. Try again.");
    showToast('Post deleted');
    navigate(`/${username}`);
  };

  const toggleComments = async () => {
    setStep('closed');
    const disabled = !commentsDisabled;
    const result = await setCommentsDisabled({ postId, disabled });
    if (result.error) return showToast("Couldn't change commenting. Try again.");
    showToast(disabled ? 'Commenting turned off' : 'Commenting turned on');
  };

  return (
    <>
      <button
        type="button"
        className="icon-button"
        aria-label="More options"
        aria-haspopup="dialog"
        onClick={() => setStep('menu')}
      >
        <MoreIcon />
      </button>
      {step === 'menu' && (
        <Dialog title="Post options" onClose={() => setStep('closed')}>
          <div className={styles.menu}>
            <button type="button" className={styles.danger} onClick={() => setStep('confirmDelete')}>
              Delete
            </button>
            {canEdit && (
              <button
                type="button"
                onClick={() => {
                  setStep('closed');
                  navigate(`/p/${postId}/edit-photos`);
                }}
              >
                Edit photos
              </button>
            )}
            {!archived && (
              <button type="button" onClick={archive}>
                Archive
              </button>
            )}
            <button type="button" onClick={toggleComments}>
              {commentsDisabled ? 'Turn on commenting' : 'Turn off commenting'}
            </button>
            <button type="button" onClick={() => setStep('closed')}>
              Cancel
            </button>
          </div>
        </Dialog>
      )}
      {step === 'confirmDelete' && (
        <Dialog title="Delete post?" onClose={() => setStep('closed')}>
          <p className={styles.question}>Are you sure you want to delete this post?</p>
          <div className={styles.menu}>
            <button type="button" className={styles.danger} onClick={remove} disabled={deleteState.fetching}>
              Delete
            </button>
            <button type="button" onClick={() => setStep('closed')}>
              Cancel
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
