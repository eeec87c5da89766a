import { useMutation } from 'urql';
import { showToast } from '../../components/post/toast';
import { FollowHashtagMutation, UnfollowHashtagMutation } from './queries';

/**
 * Follow / Following for a hashtag. The cache flips the button before the server answers (hashtagCache)
 * and puts it back if the server refuses, with a toast saying so.
 */
export function HashtagFollowButton({ name, following }: { name: string; following: boolean }) {
  const [, follow] = useMutation(FollowHashtagMutation);
  const [, unfollow] = useMutation(UnfollowHashtagMutation);

  const toggle = async () => {
    const outcome = following ? await unfollow({ name }) : await follow({ name });
    if (outcome.error) showToast(`Couldn't ${following ? 'unfollow' : 'follow'} #${name}. Try again.`);
  };

  return (
    <button type="button" className={following ? 'button secondary' : 'button'} onClick={toggle}>
      {following ? 'Following' : 'Follow'}
    </button>
  );
}
