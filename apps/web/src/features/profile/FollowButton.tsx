import { useState } from 'react';
import { type CombinedError, useMutation } from 'urql';
import { useLocation } from 'wouter';
import { Avatar } from '../../components/Avatar';
import { Dialog } from '../../components/Dialog';
import { Icon } from '../../components/Icon';
import { type FragmentOf, graphql, type ResultOf, readFragment } from '../../graphql';
import { errorCode, errorMessage } from '../../lib/errors';
import { AddFavoriteMutation, RemoveFavoriteMutation } from '../feed/favoriteMutations';
import styles from './FollowButton.module.css';
import sheet from './Sheet.module.css';

export const FollowButton_user = graphql(`
  fragment FollowButton_user on User {
    id
    username
    isPrivate
    viewerFollowState
    viewerFavorite
    avatar { thumbhash dominantColor sources { url width format } }
  }
`);

// What a follow changes on the user: the button's state, their count, and whether their grid opens.
const FollowMutation = graphql(`
  mutation Follow($userId: ID!) {
    follow(userId: $userId) {
      id
      viewerFollowState
      viewerFollows
      followerCount
      viewerCanSeeContent
    }
  }
`);

const UnfollowMutation = graphql(`
  mutation Unfollow($userId: ID!) {
    unfollow(userId: $userId) {
      id
      viewerFollowState
      viewerFollows
      followerCount
      viewerCanSeeContent
    }
  }
`);

type FollowState = ResultOf<typeof FollowButton_user>['viewerFollowState'];

/**
 * Follow / Requested / Following, as on Instagram. "Follow" on a private account sends a request;
 * "Requested" cancels it; "Following" asks before unfollowing. The button shows the state it is going
 * to while the server answers, and falls back if the change fails.
 */
export function FollowButton({
  user: data,
  compact = false,
}: {
  user: FragmentOf<typeof FollowButton_user>;
  compact?: boolean;
}) {
  const user = readFragment(FollowButton_user, data);
  const [followResult, follow] = useMutation(FollowMutation);
  const [unfollowResult, unfollow] = useMutation(UnfollowMutation);
  const [pending, setPending] = useState<FollowState | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const [, navigate] = useLocation();

  if (user.viewerFollowState === 'SELF') return null;
  const state = pending ?? user.viewerFollowState;
  const busy = followResult.fetching || unfollowResult.fetching;

  const run = async (
    next: FollowState,
    action: (variables: { userId: string }) => Promise<{ error?: CombinedError | undefined }>,
  ) => {
    setPending(next);
    setFailed(null);
    const result = await action({ userId: user.id });
    setPending(null);
    // A visitor who is not logged in is asked to, as Instagram does.
    if (errorCode(result.error) === 'UNAUTHENTICATED') navigate('/accounts/login');
    else if (result.error) setFailed(errorMessage(result.error));
  };

  const size = compact ? styles.compact : '';
  return (
    <>
      {state === 'NONE' && (
        <button
          type="button"
          className={`button ${size}`}
          disabled={busy}
          onClick={() => run(user.isPrivate ? 'REQUESTED' : 'FOLLOWING', follow)}
        >
          Follow
        </button>
      )}
      {state === 'REQUESTED' && (
        <button
          type="button"
          className={`button secondary ${size}`}
          disabled={busy}
          onClick={() => run('NONE', unfollow)}
        >
          Requested
        </button>
      )}
      {state === 'FOLLOWING' && (
        <button
          type="button"
          className={`button secondary ${size}`}
          disabled={busy}
          aria-haspopup="dialog"
          onClick={() => setConfirming(true)}
        >
          Following
          {!compact && <Icon name="chevronRight" size={12} className={styles.chevron} />}
        </button>
      )}
      {failed && (
        <span className={styles.error} role="alert">
          {failed}
        </span>
      )}
      {confirming && (
        <Dialog title={user.username} onClose={() => setConfirming(false)}>
          <div className={sheet.sheet}>
            <Avatar user={user} size={90} />
            {user.isPrivate && (
              <p className={sheet.text}>
                If you change your mind, you'll have to request to follow @{user.username} again.
              </p>
            )}
            <FavoriteToggle userId={user.id} favorite={user.viewerFavorite} />
            <button
              type="button"
              className={sheet.danger}
              onClick={() => {
                setConfirming(false);
                run('NONE', unfollow);
              }}
            >
              Unfollow
            </button>
            <button type="button" className={sheet.button} onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}

/**
 * "Add to favorites" / "Remove from favorites" in the Following menu, as on Instagram: the menu stays
 * open and the choice flips, so the result shows where it was made. Adding can be refused (the limit of
 * 50): the server's reason shows under it.
 */
function FavoriteToggle({ userId, favorite }: { userId: string; favorite: boolean }) {
  const [added, add] = useMutation(AddFavoriteMutation);
  const [removed, remove] = useMutation(RemoveFavoriteMutation);
  const [failed, setFailed] = useState<string | null>(null);
  const busy = added.fetching || removed.fetching;

  const toggle = async () => {
    setFailed(null);
    const result = await (favorite ? remove : add)({ userId });
    if (result.error) setFailed(errorMessage(result.error));
  };

  return (
    <>
      <button type="button" className={sheet.button} disabled={busy} onClick={toggle}>
        <Icon name="star" size={16} filled={favorite} className={styles.star} />
        {favorite ? 'Remove from favorites' : 'Add to favorites'}
      </button>
      {failed && (
        <p className={sheet.text} role="alert">
          {failed}
        </p>
      )}
    </>
  );
}
