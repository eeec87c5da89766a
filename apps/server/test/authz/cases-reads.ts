import { type Case, defineCase } from './case';
import { type Cell, classify, gqlAs } from './world';

/** The Query fields: each reports `ok` only when the target's content is really in the answer. */

const captions = (edges: { node: { caption: string } }[] | undefined) =>
  (edges ?? []).map((e) => e.node.caption);

/** The post query, shared by Query.post and the /graphql routes. */
export const POST_QUERY = `query($id: ID!) { post(id: $id) { id caption author { username }
  media { image { sources { url } } } comments { edges { node { text } } } likers { edges { node { username } } }
  previewComments { text } likePreview { username } } }`;

export interface PostData {
  post: { caption: string; comments: { edges: { node: { text: string } }[] } } | null;
}

export function postSeen(cell: Cell) {
  return (data: PostData) => {
    if (!data.post) return 'hidden';
    const complete =
      data.post.caption.startsWith(cell.target.caption) &&
      data.post.comments.edges.some((e) => e.node.text === cell.target.commentText);
    return complete ? 'ok' : 'unexpected: the post came back without its caption or comment';
  };
}

const feed = (name: string, query: string) =>
  defineCase({
    name,
    run: async (cell) =>
      classify(
        await gqlAs<Record<string, { edges: { node: { caption: string } }[] }>>(
          cell.world,
          cell.caller,
          query,
        ),
        (data) =>
          captions(Object.values(data)[0]?.edges).some((c) => c.startsWith(cell.target.caption))
            ? 'ok'
            : 'hidden',
      ),
  });

export const READ_CASES: Case<unknown>[] = [
  defineCase({
    name: 'Query.viewer',
    run: async ({ world, caller }) => {
      const res = await gqlAs<{ viewer: { user: { id: string } } | null }>(
        world,
        caller,
        `{ viewer { user { id } email followRequests { edges { node { username } } }
           savedPosts { edges { node { caption } } } archivedPosts { edges { node { caption } } } favorites { username } } }`,
      );
      return classify(res, (data) => {
        if (!data.viewer) return 'hidden';
        return data.viewer.user.id === caller?.id ? 'self' : 'unexpected: another account';
      });
    },
  }),
  defineCase({
    name: 'Query.node[post]',
    run: async ({ world, caller, target }) =>
      classify(
        await gqlAs<{ node: { caption?: string } | null }>(
          world,
          caller,
          'query($id: ID!) { node(id: $id) { id ... on Post { caption } } }',
          { id: target.post.id },
        ),
        (data) => (data.node?.caption?.startsWith(target.caption) ? 'ok' : 'hidden'),
      ),
  }),
  defineCase({
    name: 'Query.node[comment]',
    run: async ({ world, caller, target }) =>
      classify(
        await gqlAs<{ node: { text?: string } | null }>(
          world,
          caller,
          'query($id: ID!) { node(id: $id) { id ... on Comment { text post { caption } author { username } } } }',
          { id: target.commentId },
        ),
        (data) => (data.node?.text === target.commentText ? 'ok' : 'hidden'),
      ),
  }),
  defineCase({
    name: 'Query.node[account]',
    run: async ({ world, caller, target }) =>
      classify(
        await gqlAs<{ node: { username?: string } | null }>(
          world,
          caller,
          'query($id: ID!) { node(id: $id) { id ... on User { username postCount } } }',
          { id: target.owner.id },
        ),
        (data) => (data.node?.username === target.owner.username ? 'ok' : 'hidden'),
      ),
  }),
  defineCase({
    name: 'Query.user[header]',
    run: async ({ world, caller, target }) =>
      classify(
        await gqlAs<{ user: { id: string } | null }>(
          world,
          caller,
          'query($u: String!) { user(username: $u) { id username isPrivate followerCount postCount } }',
          { u: target.owner.username },
        ),
        (data) => (data.user?.id === target.owner.id ? 'ok' : 'hidden'),
      ),
  }),
  defineCase({
    name: 'Query.user[content]',
    run: async ({ world, caller, target }) => {
      const res = await gqlAs<{
        user: {
          viewerCanSeeContent: boolean;
          posts: { edges: { node: { caption: string } }[] };
          followers: { edges: { node: { username: string } }[] };
        } | null;
      }>(
        world,
        caller,
        `query($u: String!) { user(username: $u) { viewerCanSeeContent posts { edges { node { caption } } }
           followers { edges { node { username } } } following { edges { node { username } } } } }`,
        { u: target.owner.username },
      );
      return classify(res, (data) => {
        if (!data.user) return 'hidden';
        const sees =
          captions(data.user.posts.edges).some((c) => c.startsWith(target.caption)) &&
          data.user.followers.edges.some((e) => e.node.username === world.people.follower.username);
        const empty = data.user.posts.edges.length === 0 && data.user.followers.edges.length === 0;
        if (sees !== data.user.viewerCanSeeContent)
          return 'unexpected: viewerCanSeeContent disagrees with the lists';
        return sees ? 'ok' : empty ? 'hidden' : 'unexpected: partial content';
      });
    },
  }),
  defineCase({
    name: 'Query.post',
    run: async (cell) =>
      classify(
        await gqlAs<PostData>(cell.world, cell.caller, POST_QUERY, { id: cell.target.post.id }),
        postSeen(cell),
      ),
  }),
  defineCase({
    name: 'Query.post[archived]',
    run: async ({ world, caller, target }) =>
      classify(
        await gqlAs<{ post: { caption: string } | null }>(
          world,
          caller,
          'query($id: ID!) { post(id: $id) { caption } }',
          {
            id: target.archived.id,
          },
        ),
        (data) => (data.post?.caption === target.archivedCaption ? 'ok' : 'hidden'),
      ),
  }),
  defineCase({
    name: 'Query.searchAccounts',
    run: async ({ world, caller, target }) =>
      classify(
        await gqlAs<{ searchAccounts: { id: string }[] }>(
          world,
          caller,
          'query($q: String!) { searchAccounts(query: $q) { id username } }',
          { q: target.owner.username },
        ),
        (data) => (data.searchAccounts.some((u) => u.id === target.owner.id) ? 'ok' : 'hidden'),
      ),
  }),
  defineCase({
    name: 'Query.searchHashtags',
    run: async ({ world, caller, target }) =>
      classify(
        await gqlAs<{ searchHashtags: { name: string }[] }>(
          world,
          caller,
          'query($q: String!) { searchHashtags(query: $q) { name postCount } }',
          { q: target.tag },
        ),
        (data) => (data.searchHashtags.some((h) => h.name === target.tag) ? 'ok' : 'hidden'),
      ),
  }),
  defineCase({
    name: 'Query.suggestedAccounts',
    // Suggestions are the caller's own; the leak check makes sure a blocker is never among them.
    run: async ({ world, caller }) =>
      classify(await gqlAs(world, caller, '{ suggestedAccounts(first: 50) { id username } }'), () => 'self'),
  }),
  defineCase({
    name: 'Query.accountSuggestions',
    run: async ({ world, caller }) =>
      classify(
        await gqlAs(
          world,
          caller,
          '{ accountSuggestions(first: 50) { user { id username } reason mutualFollowers { username } } }',
        ),
        () => 'self',
      ),
  }),
  defineCase({
    name: 'Query.explore',
    // Any post of the target account counts: which of its posts ranks first is the ranking's business.
    run: async ({ world, caller, target }) =>
      classify(
        await gqlAs<{ explore: { edges: { node: { caption: string; author: { id: string } } }[] } }>(
          world,
          caller,
          '{ explore(first: 50) { edges { node { caption author { id } } } } }',
        ),
        (data) => (data.explore.edges.some((e) => e.node.author.id === target.owner.id) ? 'ok' : 'hidden'),
      ),
  }),
  defineCase({
    name: 'Query.similarPosts',
    run: async ({ world, caller, target }) =>
      classify(
        await gqlAs<{ similarPosts: { edges: { node: { caption: string } }[] } }>(
          world,
          caller,
          'query($id: ID!) { similarPosts(postId: $id, first: 50) { edges { node { caption } } } }',
          { id: target.post.id },
        ),
        (data) => (captions(data.similarPosts.edges)[0]?.startsWith(target.caption) ? 'ok' : 'hidden'),
      ),
  }),
  feed('Query.homeFeed', '{ homeFeed(first: 50) { edges { node { caption } } } }'),
  feed(
    'Query.homeFeed[chronological]',
    '{ homeFeed(first: 50, order: CHRONOLOGICAL) { edges { node { caption } } } }',
  ),
  feed('Query.favoritesFeed', '{ favoritesFeed(first: 50) { edges { node { caption } } } }'),
];
