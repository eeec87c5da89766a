import { type CombinedError, useMutation } from 'urql';
import { graphql } from '../../graphql';
import { showToast } from './toast';

// Each mutation selects exactly what its optimistic result in features/feed/cache.ts provides.
export const LikePostMutation = graphql(`
  mutation LikePost($id: ID!) {
    likePost(id: $id) { id viewerHasLiked likeCount }
  }
`);

export const UnlikePostMutation = graphql(`
  mutation UnlikePost($id: ID!) {
    unlikePost(id: $id) { id viewerHasLiked likeCount }
  }
`);

export const SavePostMutation = graphql(`
  mutation SavePost($id: ID!) {
    savePost(id: $id) { id viewerHasSaved }
  }
`);

export const UnsavePostMutation = graphql(`
  mutation UnsavePost($id: ID!) {
    unsavePost(id: $id) { id viewerHasSaved }
  }
`);

/**
 * Like, unlike, save and unsave a post. The cache shows the change at once and undoes it by itself
 * when the server refuses; all that is left here is saying so.
 */
export function usePostMutations(postId: string) {
  const [, likePost] = useMutation(LikePostMutation);
  const [, unlikePost] = useMutation(UnlikePostMutation);
  const [, savePost] = useMutation(SavePostMutation);
  const [, unsavePost] = useMutation(UnsavePostMutation);

  const run = async (
    execute: (variables: { id: string }) => Promise<{ error?: CombinedError | undefined }>,
    failure: string,
  ) => {
    const result = await execute({ id: postId });
    if (result.error) showToast(failure);
  };

  return {
    like: () => run(likePost, "Couldn't like this post. Try again."),
    unlike: () => run(unlikePost, "Couldn't unlike this post. Try again."),
    save: () => run(savePost, "Couldn't save this post. Try again."),
    unsave: () => run(unsavePost, "Couldn't remove this post from saved. Try again."),
  };
}
