import { type Case, defineCase } from './case';
import {
  actAs,
  type Cell,
  classify,
  draftPost,
  gqlAs,
  marker,
  type Observed,
  ownerView,
  uploadAs,
  type World,
  withEffect,
} from './world';

/**
 * Mutations on the owner's posts and comments. Those that change or destroy a post get a throwaway one
 * per cell; every cell then reads the post back as its owner to see whether it changed.
 */

/** A throwaway post of the owner, READY once the case's fixtures are prepared (archived if asked). */
const throwawayPost =
  (archived = false) =>
  async (world: World, target: Cell['target']) => {
    const id = await draftPost(world, target.owner, marker('throwaway'));
    if (archived)
      await world.api.ok('mutation($id: ID!) { archivePost(id: $id) { id } }', { id }, target.owner.token);
    return id;
  };

const postMutation = (
  name: string,
  mutation: string,
  changed: (
    before: NonNullable<Awaited<ReturnType<typeof ownerView>>>,
    after: Awaited<ReturnType<typeof ownerView>>,
  ) => boolean,
  archived = false,
) =>
  defineCase<string>({
    name,
    prepare: throwawayPost(archived),
    run: async (cell, postId) => {
      const before = (await ownerView(cell.world, cell.target, postId))!;
      const res = await gqlAs<Record<string, { id?: string; deletedId?: string }>>(
        cell.world,
        cell.caller,
        mutation,
        {
          id: postId,
        },
      );
      const observed = classify(res, (data) => (Object.values(data)[0] ? 'ok' : 'hidden'));
      return withEffect(observed, changed(before, await ownerView(cell.world, cell.target, postId)));
    },
  });

/** Calls a mutation on the shared post or comment, then undoes a successful call so later cells start alike. */
async function sharedCall(
  cell: Cell,
  mutation: string,
  id: string,
  check: (cell: Cell) => Promise<boolean | number>,
  undo?: string,
): Promise<Observed> {
  const before = await check(cell);
  const res = await gqlAs<Record<string, { id: string }>>(cell.world, cell.caller, mutation, { id });
  const observed = classify(res, () => 'ok');
  const after = await check(cell);
  if (undo && observed.outcome === 'ok') await gqlAs(cell.world, cell.caller, undo, { id });
  return withEffect(observed, before !== after);
}

const likedBy = async (cell: Cell) =>
  (await ownerView(cell.world, cell.target, cell.target.post.id))!.likers.edges.some(
    (e) => e.node.id === cell.caller?.id,
  );

// Read from the table of saves: a saved post the caller may not see is left out of its saved list too.
const savedBy = async (cell: Cell) => {
  if (!cell.caller) return false;
  const [row] = await cell.world.server.glimpse.platform.db.query<{ saved: boolean }>(
    'select exists(select 1 from saves where user_id = $1 and post_id = $2) as saved',
    [cell.caller.id, cell.target.post.id],
  );
  return row?.saved ?? false;
};

const commentLikes = async (cell: Cell) =>
  (await ownerView(cell.world, cell.target, cell.target.post.id))!.comments.edges.find(
    (e) => e.node.id === cell.target.commentId,
  )?.node.likeCount ?? -1;

/** For the un- mutations: put the caller's like or save in place first, when the caller may make one. */
async function primeThen(cell: Cell, prime: string, id: string) {
  if (cell.caller) await gqlAs(cell.world, cell.caller, prime, { id });
}

export const POST_CASES: Case<unknown>[] = [
  defineCase<string>({
    name: 'Mutation.createPost',
    // Someone else's pending upload, tried as the photo of a new post.
    prepare: (world, target) => uploadAs(world, target.owner),
    run: async ({ world, caller, target }, uploadId) => {
      const res = await gqlAs<{ createPost: { id: string } }>(
        world,
        caller,
        'mutation($input: CreatePostInput!) { createPost(input: $input) { id author { id } } }',
        { input: { caption: marker('stolen'), media: [{ uploadId }] } },
      );
      const observed = classify(res, (data) => (data.createPost.id ? 'ok' : 'hidden'));
      if (res.data?.createPost) {
        await world.api.ok(
          'mutation($id: ID!) { deletePost(id: $id) { deletedId } }',
          { id: res.data.createPost.id },
          target.owner.token,
        );
      }
      return uploadGone(observed);
    },
  }),
  postMutation(
    'Mutation.editPost',
    'mutation($id: ID!) { editPost(input: { postId: $id, caption: "edited" }) { id caption } }',
    (before, after) => after?.caption !== before.caption,
  ),
  defineCase<{ postId: string; mediaId: string }>({
    name: 'Mutation.editPostMedia',
    prepare: async (world, target) => {
      const postId = await throwawayPost()(world, target);
      return { postId, mediaId: await firstMediaOf(world, target, postId) };
    },
    run: async (cell, { postId, mediaId }) => {
      const before = await editState(cell.world, mediaId);
      const res = await gqlAs<{ editPostMedia: { id: string } | null }>(
        cell.world,
        cell.caller,
        `mutation($id: ID!, $mediaId: ID!) {
          editPostMedia(postId: $id, media: [{ mediaId: $mediaId, recipe: { version: 1, adjust: { saturation: -1 } } }]) { id }
        }`,
        { id: postId, mediaId },
      );
      const observed = classify(res, (data) => (data.editPostMedia?.id === postId ? 'ok' : 'hidden'));
      return withEffect(observed, (await editState(cell.world, mediaId)) !== before);
    },
  }),
  defineCase<string>({
    // The unedited original of a photo, for re-editing: its author's alone.
    name: 'GET /media/*[original]',
    prepare: (world, target) => firstMediaOf(world, target, target.post.id),
    run: async (cell, mediaId) => {
      const get = (id: string) =>
        fetch(`${cell.world.api.url}/media/original/${id}`, {
          headers: cell.caller ? { authorization: `Bearer ${cell.caller.token}` } : {},
        });
      const response = await get(mediaId);
      const body = await response.text();
      if (response.status === 404) {
        const missing = await get('9000000000000000001');
        const same = missing.status === 404 && (await missing.text()) === body;
        return { outcome: same ? 'hidden' : 'unexpected: 404 unlike a missing photo', body };
      }
      if (response.status !== 200) return { outcome: `unexpected: status ${response.status}`, body: '' };
      const cacheControl = response.headers.get('cache-control');
      if (cacheControl !== 'private, no-store') {
        return { outcome: `unexpected: an original served with cache-control "${cacheControl}"`, body: '' };
      }
      return { outcome: 'ok', body: '' };
    },
  }),
  postMutation(
    'Mutation.archivePost',
    'mutation($id: ID!) { archivePost(id: $id) { id } }',
    (before, after) => after?.archived !== before.archived,
  ),
  postMutation(
    'Mutation.unarchivePost',
    'mutation($id: ID!) { unarchivePost(id: $id) { id } }',
    (before, after) => after?.archived !== before.archived,
    true,
  ),
  postMutation(
    'Mutation.deletePost',
    'mutation($id: ID!) { deletePost(id: $id) { deletedId } }',
    (_, after) => after === null,
  ),
  postMutation(
    'Mutation.setCommentsDisabled',
    'mutation($id: ID!) { setCommentsDisabled(postId: $id, disabled: true) { id } }',
    (before, after) => after?.commentsDisabled !== before.commentsDisabled,
  ),
  defineCase({
    name: 'Mutation.likePost',
    run: (cell) =>
      sharedCall(
        cell,
        'mutation($id: ID!) { likePost(id: $id) { id } }',
        cell.target.post.id,
        likedBy,
        'mutation($id: ID!) { unlikePost(id: $id) { id } }',
      ),
  }),
  defineCase({
    name: 'Mutation.unlikePost',
    run: async (cell) => {
      await primeThen(cell, 'mutation($id: ID!) { likePost(id: $id) { id } }', cell.target.post.id);
      const observed = await sharedCall(
        cell,
        'mutation($id: ID!) { unlikePost(id: $id) { id } }',
        cell.target.post.id,
        likedBy,
      );
      return observed;
    },
  }),
  defineCase({
    name: 'Mutation.savePost',
    run: (cell) =>
      sharedCall(
        cell,
        'mutation($id: ID!) { savePost(id: $id) { id } }',
        cell.target.post.id,
        savedBy,
        'mutation($id: ID!) { unsavePost(id: $id) { id } }',
      ),
  }),
  defineCase({
    name: 'Mutation.unsavePost',
    run: async (cell) => {
      await primeThen(cell, 'mutation($id: ID!) { savePost(id: $id) { id } }', cell.target.post.id);
      return sharedCall(
        cell,
        'mutation($id: ID!) { unsavePost(id: $id) { id } }',
        cell.target.post.id,
        savedBy,
      );
    },
  }),
  defineCase({
    name: 'Mutation.addComment',
    run: (cell) => addComment(cell, cell.target.post.id),
  }),
  defineCase({
    name: 'Mutation.addComment[comments off]',
    run: (cell) => addComment(cell, cell.target.quiet.id),
  }),
  defineCase<string>({
    name: 'Mutation.deleteComment',
    prepare: async (world, target) => {
      const data = (await actAs(
        world,
        world.people.follower,
        'mutation($input: AddCommentInput!) { addComment(input: $input) { id } }',
        {
          input: { postId: target.post.id, text: marker('throwawaycomment') },
        },
      )) as { addComment: { id: string } };
      return data.addComment.id;
    },
    run: async (cell, commentId) => {
      const present = async () =>
        (await ownerView(cell.world, cell.target, cell.target.post.id))!.comments.edges.some(
          (e) => e.node.id === commentId,
        );
      const res = await gqlAs<{ deleteComment: { deletedId: string } }>(
        cell.world,
        cell.caller,
        'mutation($id: ID!) { deleteComment(id: $id) { deletedId } }',
        { id: commentId },
      );
      const observed = classify(res, (data) =>
        data.deleteComment.deletedId === commentId ? 'ok' : 'hidden',
      );
      return withEffect(observed, !(await present()));
    },
  }),
  defineCase({
    name: 'Mutation.likeComment',
    run: (cell) =>
      sharedCall(
        cell,
        'mutation($id: ID!) { likeComment(id: $id) { id } }',
        cell.target.commentId,
        commentLikes,
        'mutation($id: ID!) { unlikeComment(id: $id) { id } }',
      ),
  }),
  defineCase({
    name: 'Mutation.unlikeComment',
    run: async (cell) => {
      await primeThen(cell, 'mutation($id: ID!) { likeComment(id: $id) { id } }', cell.target.commentId);
      return sharedCall(
        cell,
        'mutation($id: ID!) { unlikeComment(id: $id) { id } }',
        cell.target.commentId,
        commentLikes,
      );
    },
  }),
];

async function addComment(cell: Cell, postId: string): Promise<Observed> {
  const text = marker('newcomment');
  const res = await gqlAs<{ addComment: { id: string; text: string } }>(
    cell.world,
    cell.caller,
    'mutation($input: AddCommentInput!) { addComment(input: $input) { id text post { caption } } }',
    { input: { postId, text } },
  );
  const observed = classify(res, (data) => (data.addComment.text === text ? 'ok' : 'hidden'));
  const made = (await ownerView(cell.world, cell.target, postId))!.comments.edges.find(
    (e) => e.node.text === text,
  );
  if (made) {
    await cell.world.api.ok(
      'mutation($id: ID!) { deleteComment(id: $id) { deletedId } }',
      { id: made.node.id },
      cell.target.owner.token,
    );
  }
  return withEffect(observed, made !== undefined);
}

async function firstMediaOf(world: World, target: Cell['target'], postId: string): Promise<string> {
  const data = await world.api.ok<{ post: { media: { id: string }[] } }>(
    'query($id: ID!) { post(id: $id) { media { id } } }',
    { id: postId },
    target.owner.token,
  );
  return data.post.media[0]!.id;
}

/** A photo's recipe and pending re-edit, as stored: any change means an edit went through. */
async function editState(world: World, mediaId: string): Promise<string> {
  const [row] = await world.server.glimpse.platform.db.query<{ state: string }>(
    "select coalesce(recipe::text, '') || coalesce(pending_media_key, '') as state from post_media where id = $1",
    [mediaId],
  );
  return row?.state ?? 'gone';
}

/** Someone else's upload must answer exactly as one that does not exist: that is `hidden`. */
export function uploadGone(observed: Observed): Observed {
  const gone =
    observed.outcome === 'rejected' &&
    observed.body.includes('This upload does not exist or was already used');
  return gone ? { ...observed, outcome: 'hidden' } : observed;
}
