import { useState } from 'react';
import { useClient, useMutation } from 'urql';
import { Dialog } from '../../components/Dialog';
import { MoreIcon } from '../../components/post/PostIcon';
import { showToast } from '../../components/post/toast';
import { graphql } from '../../graphql';
import { errorMessage } from '../../lib/errors';
import sheet from '../profile/Sheet.module.css';
import { keepPointer } from './OverlaysShared';
import { StoryTrayQuery } from './queries';

const MuteStoriesMutation = graphql(`
  mutation MuteStories($userId: ID!, $posts: Boolean!, $stories: Boolean!) {
    mute(userId: $userId, posts: $posts, stories: $stories) { id viewerMutedPosts viewerMutedStories }
  }
`);

const DeleteStoryMutation = graphql(`
  mutation DeleteStory($id: ID!) {
    deleteStory(id: $id) { deletedId }
  }
`);

type Step = 'closed' | 'menu' | 'confirmDelete';

/**
 * The "⋯" over a story: for someone else's, mute their stories (quietly: their posts stay as they
 * were, and they are not told); for one's own, delete it after a confirmation.
 */
export function StoryViewerMenu({
  storyId,
  owner,
  isOwner,
  onOpenChange,
  onMuted,
  onDeleted,
}: {
  storyId: string;
  owner: { id: string; username: string; viewerMutedPosts: boolean };
  isOwner: boolean;
  onOpenChange: (open: boolean) => void;
  onMuted: () => void;
  onDeleted: () => void;
}) {
  const [step, setStepState] = useState<Step>('closed');
  const [muting, mute] = useMutation(MuteStoriesMutation);
  const [deleting, remove] = useMutation(DeleteStoryMutation);
  const client = useClient();
  const error = errorMessage(muting.error ?? deleting.error);

  const setStep = (next: Step) => {
    setStepState(next);
    onOpenChange(next !== 'closed');
  };

  const muteStories = async () => {
    const result = await mute({ userId: owner.id, posts: owner.viewerMutedPosts, stories: true });
    if (result.error) return;
    setStep('closed');
    showToast(`You muted ${owner.username}'s stories`);
    // Their circle leaves the tray (the server filters muted accounts out).
    void client.query(StoryTrayQuery, {}, { requestPolicy: 'network-only' }).toPromise();
    onMuted();
  };

  const deleteStory = async () => {
    const result = await remove({ id: storyId });
    if (result.error) return;
    setStep('closed');
    showToast('Story deleted');
    onDeleted();
  };

  return (
    <>
      <button
        type="button"
        className="icon-button"
        aria-label="More options"
        aria-haspopup="dialog"
        onClick={() => setStep('menu')}
        {...keepPointer}
      >
        <MoreIcon />
      </button>
      {step === 'menu' && (
        <Dialog title="Story options" onClose={() => setStep('closed')}>
          <div className={sheet.sheet}>
            {error && (
              <p className={sheet.text} role="alert">
                {error}
              </p>
            )}
            {isOwner ? (
              <button type="button" className={sheet.danger} onClick={() => setStep('confirmDelete')}>
                Delete
              </button>
            ) : (
              <button
                type="button"
                className={sheet.button}
                disabled={muting.fetching}
                onClick={() => void muteStories()}
              >
                Mute stories from {owner.username}
              </button>
            )}
            <button type="button" className={sheet.button} onClick={() => setStep('closed')}>
              Cancel
            </button>
          </div>
        </Dialog>
      )}
      {step === 'confirmDelete' && (
        <Dialog title="Delete story?" onClose={() => setStep('closed')}>
          <div className={sheet.sheet}>
            <p className={sheet.text}>It will also leave any highlights it is in. You can't undo this.</p>
            {error && (
              <p className={sheet.text} role="alert">
                {error}
              </p>
            )}
            <button
              type="button"
              className={sheet.danger}
              disabled={deleting.fetching}
              onClick={() => void deleteStory()}
            >
              Delete
            </button>
            <button type="button" className={sheet.button} onClick={() => setStep('closed')}>
              Cancel
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
