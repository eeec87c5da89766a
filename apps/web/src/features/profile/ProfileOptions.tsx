import { useCallback, useState } from 'react';
import { type CombinedError, useMutation } from 'urql';
import { Dialog } from '../../components/Dialog';
import { ReportDialog } from '../../components/report/ReportDialog';
import { type FragmentOf, graphql, readFragment } from '../../graphql';
import { errorMessage } from '../../lib/errors';
import styles from './Profile.module.css';
import sheet from './Sheet.module.css';

export const ProfileOptions_user = graphql(`
  fragment ProfileOptions_user on User {
    id
    username
    viewerBlocks
    viewerRestricted
    viewerMutedPosts
    viewerMutedStories
  }
`);

// A block ends follows both ways, so the counts and states on both sides change with it.
const BlockMutation = graphql(`
  mutation Block($userId: ID!) {
    block(userId: $userId) {
      id
      viewerBlocks
      viewerFollowState
      viewerFollows
      followsViewer
      viewerCanSeeContent
      followerCount
      followingCount
    }
  }
`);

const UnblockMutation = graphql(`
  mutation Unblock($userId: ID!) {
    unblock(userId: $userId) {
      id
      viewerBlocks
      viewerCanSeeContent
    }
  }
`);

// Restricting and muting are quiet: the other account is never told (features/profile/cache.ts flips them at once).
const RestrictMutation = graphql(`
  mutation Restrict($userId: ID!) {
    restrict(userId: $userId) { id viewerRestricted }
  }
`);

const UnrestrictMutation = graphql(`
  mutation Unrestrict($userId: ID!) {
    unrestrict(userId: $userId) { id viewerRestricted }
  }
`);

const MuteMutation = graphql(`
  mutation Mute($userId: ID!, $posts: Boolean!, $stories: Boolean!) {
    mute(userId: $userId, posts: $posts, stories: $stories) { id viewerMutedPosts viewerMutedStories }
  }
`);

function MoreIcon() {
  return (
    <svg aria-hidden="true" focusable="false" width="24" height="24" viewBox="0 0 24 24" fill="currentColor">
      <circle cx="5" cy="12" r="1.6" />
      <circle cx="12" cy="12" r="1.6" />
      <circle cx="19" cy="12" r="1.6" />
    </svg>
  );
}

/**
 * The "…" button on someone else's profile: block (after a confirmation) or unblock, restrict, mute
 * their posts or stories, and report. Restrict and mute keep the sheet open: their labels flip.
 */
export function ProfileOptions({ user: data }: { user: FragmentOf<typeof ProfileOptions_user> }) {
  const user = readFragment(ProfileOptions_user, data);
  const [open, setOpen] = useState(false);
  const [confirmBlock, setConfirmBlock] = useState(false);
  const [reporting, setReporting] = useState(false);
  const [blockResult, block] = useMutation(BlockMutation);
  const [unblockResult, unblock] = useMutation(UnblockMutation);
  const [restrictResult, restrict] = useMutation(RestrictMutation);
  const [unrestrictResult, unrestrict] = useMutation(UnrestrictMutation);
  const [muteResult, mute] = useMutation(MuteMutation);
  const [notice, setNotice] = useState('');
  const focusOnMount = useCallback((button: HTMLButtonElement | null) => button?.focus(), []);
  const error = errorMessage(
    blockResult.error ??
      unblockResult.error ??
      restrictResult.error ??
      unrestrictResult.error ??
      muteResult.error,
  );

  const close = () => {
    setOpen(false);
    setConfirmBlock(false);
    setNotice('');
  };

  const toggleRestrict = async () => {
    const restricting = !user.viewerRestricted;
    const result = await (restricting ? restrict : unrestrict)({ userId: user.id });
    if (result.error) return;
    setNotice(
      restricting
        ? `You restricted ${user.username}. Their new comments on your posts wait for your approval, and they won't be told.`
        : `You unrestricted ${user.username}.`,
    );
  };

  const toggleMute = async (what: 'posts' | 'stories') => {
    const posts = what === 'posts' ? !user.viewerMutedPosts : user.viewerMutedPosts;
    const stories = what === 'stories' ? !user.viewerMutedStories : user.viewerMutedStories;
    const result = await mute({ userId: user.id, posts, stories });
    if (result.error) return;
    const muted = what === 'posts' ? posts : stories;
    setNotice(
      muted
        ? `You muted ${user.username}'s ${what}. They won't be told.`
        : `You unmuted ${user.username}'s ${what}.`,
    );
  };

  const act = async (
    action: (variables: { userId: string }) => Promise<{ error?: CombinedError | undefined }>,
  ) => {
    const result = await action({ userId: user.id });
    if (!result.error) close();
  };

  return (
    <>
      <button
        type="button"
        className={`icon-button ${styles.options}`}
        aria-label="Options"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        <MoreIcon />
      </button>
      {open && (
        <Dialog title={confirmBlock ? `Block ${user.username}?` : 'Options'} onClose={close}>
          <div className={sheet.sheet}>
            {confirmBlock ? (
              <>
                <p className={sheet.text}>
                  They won't be able to find your profile or posts on Glimpse, and any follows between you
                  end. Glimpse won't let them know you blocked them.
                </p>
                <button
                  type="button"
                  className={sheet.danger}
                  disabled={blockResult.fetching}
                  // The first "Block" is gone; keep the keyboard user on the choice that replaced it.
                  ref={focusOnMount}
                  onClick={() => act(block)}
                >
                  Block
                </button>
              </>
            ) : user.viewerBlocks ? (
              <button
                type="button"
                className={sheet.danger}
                disabled={unblockResult.fetching}
                onClick={() => act(unblock)}
              >
                Unblock
              </button>
            ) : (
              <button type="button" className={sheet.danger} onClick={() => setConfirmBlock(true)}>
                Block
              </button>
            )}
            {!confirmBlock && !user.viewerBlocks && (
              <>
                <button
                  type="button"
                  className={sheet.button}
                  disabled={restrictResult.fetching || unrestrictResult.fetching}
                  onClick={toggleRestrict}
                >
                  {user.viewerRestricted ? 'Unrestrict' : 'Restrict'}
                </button>
                <button
                  type="button"
                  className={sheet.button}
                  disabled={muteResult.fetching}
                  onClick={() => toggleMute('posts')}
                >
                  {user.viewerMutedPosts ? 'Unmute posts' : 'Mute posts'}
                </button>
                <button
                  type="button"
                  className={sheet.button}
                  disabled={muteResult.fetching}
                  onClick={() => toggleMute('stories')}
                >
                  {user.viewerMutedStories ? 'Unmute stories' : 'Mute stories'}
                </button>
              </>
            )}
            {!confirmBlock && (
              <button
                type="button"
                className={sheet.danger}
                onClick={() => {
                  close();
                  setReporting(true);
                }}
              >
                Report
              </button>
            )}
            <p className={`${sheet.text} ${sheet.status}`} role="status">
              {notice}
            </p>
            {error && (
              <p className={sheet.text} role="alert">
                {error}
              </p>
            )}
            <button type="button" className={sheet.button} onClick={close}>
              Cancel
            </button>
          </div>
        </Dialog>
      )}
      {reporting && <ReportDialog subject="ACCOUNT" id={user.id} onClose={() => setReporting(false)} />}
    </>
  );
}
