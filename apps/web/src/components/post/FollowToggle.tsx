import { useMutation } from 'urql';
import { type FragmentOf, graphql, readFragment } from '../../graphql';
import styles from './FollowToggle.module.css';
import { showToast } from './toast';

export const FollowToggle_user = graphql(`
  fragment FollowToggle_user on User {
    id
    username
    viewerFollowState
  }
`);

const FollowMutation = graphql(`
  mutation FollowFromList($userId: ID!) {
    follow(userId: $userId) { id viewerFollowState viewerFollows followerCount }
  }
`);

const UnfollowMutation = graphql(`
  mutation UnfollowFromList($userId: ID!) {
    unfollow(userId: $userId) { id viewerFollowState viewerFollows followerCount }
  }
`);

/**
 * The compact "Follow" of suggestion and likes lists: blue text, "Following" or "Requested" once
 * pressed, and pressing again takes it back.
 */
export function FollowToggle({
  user,
  onChange,
  variant = 'link',
}: {
  user: FragmentOf<typeof FollowToggle_user>;
  onChange?: () => void;
  variant?: 'link' | 'button';
}) {
  const data = readFragment(FollowToggle_user, user);
  const [followState, follow] = useMutation(FollowMutation);
  const [unfollowState, unfollow] = useMutation(UnfollowMutation);
  if (data.viewerFollowState === 'SELF') return null;
  const following = data.viewerFollowState !== 'NONE';
  const label =
    data.viewerFollowState === 'FOLLOWING'
      ? 'Following'
      : data.viewerFollowState === 'REQUESTED'
        ? 'Requested'
        : 'Follow';

  const toggle = async () => {
    const result = await (following ? unfollow : follow)({ userId: data.id });
    if (result.error) showToast(`Couldn't ${following ? 'unfollow' : 'follow'} ${data.username}. Try again.`);
    else onChange?.();
  };

  return (
    <button
      type="button"
      className={`${variant === 'button' ? `button ${following ? 'secondary' : ''}` : styles.link} ${
        following ? styles.following : ''
      }`}
      disabled={followState.fetching || unfollowState.fetching}
      onClick={toggle}
    >
      {label}
    </button>
  );
}
