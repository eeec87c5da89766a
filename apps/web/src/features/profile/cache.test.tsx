import { relayPagination } from '@urql/exchange-graphcache/extras';
import type { Client, Operation } from 'urql';
import { describe, expect, it } from 'vitest';
import { graphql } from '../../graphql';
import { dataReply, graphcacheClient, scriptedServer } from '../../test/scriptedServer';
import { createCache } from '../create/cache';
import { profileCache } from './cache';

/** Graphcache set up as lib/client.ts sets it up, with this feature's updates, over a scripted server. */
function clientWith(answers: Record<string, (op: Operation) => unknown | 'pending'>) {
  const server = scriptedServer((name, operation) => dataReply(answers[name]?.(operation)));
  return graphcacheClient(server.exchange, [profileCache, createCache], {
    keys: {
      PageInfo: () => null,
      UserConnection: () => null,
      UserEdge: () => null,
      PostConnection: () => null,
      PostEdge: () => null,
    },
    resolvers: {
      Query: { homeFeed: relayPagination() },
      User: { posts: relayPagination(), followers: relayPagination(), following: relayPagination() },
      Viewer: { followRequests: relayPagination(), savedPosts: relayPagination() },
    },
  });
}

const pageInfo = { __typename: 'PageInfo', hasNextPage: false, endCursor: null };
const user = (id: string) => ({ __typename: 'User', id, username: `user${id}` });
const post = (id: string, authorId = '1') => ({ __typename: 'Post', id, author: user(authorId) });
const edges = <T extends { __typename: string }>(typename: string, nodes: T[]) =>
  nodes.map((node) => ({ __typename: typename, cursor: `c${(node as { id?: string }).id}`, node }));

const ViewerLists = graphql(`
  query TestViewerLists {
    viewer {
      user {
        id
        username
        followingCount
        following(first: 20) { edges { cursor node { id username } } pageInfo { hasNextPage endCursor } }
        posts(first: 12) { edges { cursor node { id author { id username } } } pageInfo { hasNextPage endCursor } }
      }
      followRequests(first: 20) { edges { cursor node { id username } } pageInfo { hasNextPage endCursor } }
      savedPosts(first: 12) { edges { cursor node { id author { id username } } } pageInfo { hasNextPage endCursor } }
    }
    homeFeed(first: 10) { edges { cursor node { id author { id username } } } pageInfo { hasNextPage endCursor } }
  }
`);

const seeded = {
  viewer: {
    __typename: 'Viewer',
    user: {
      ...user('1'),
      followingCount: 2,
      following: { __typename: 'UserConnection', edges: edges('UserEdge', [user('2'), user('3')]), pageInfo },
      posts: { __typename: 'PostConnection', edges: edges('PostEdge', [post('10'), post('11')]), pageInfo },
    },
    followRequests: {
      __typename: 'UserConnection',
      edges: edges('UserEdge', [user('4'), user('5')]),
      pageInfo,
    },
    savedPosts: {
      __typename: 'PostConnection',
      edges: edges('PostEdge', [post('20', '2'), post('11')]),
      pageInfo,
    },
  },
  homeFeed: {
    __typename: 'PostConnection',
    edges: edges('PostEdge', [post('11'), post('20', '2')]),
    pageInfo,
  },
};

async function seededClient(answers: Record<string, (op: Operation) => unknown | 'pending'> = {}) {
  const client = clientWith({ TestViewerLists: () => seeded, ...answers });
  await client.query(ViewerLists, {}).toPromise();
  return client;
}

// Each check reads with its own query: urql replays the last result of a query it has already run.
const FeedIds = graphql('query TestFeed { homeFeed(first: 10) { edges { node { id } } } }');
const RequestIds = graphql(
  'query TestRequests { viewer { followRequests(first: 20) { edges { node { id } } } } }',
);
const requestIds = (client: Client) => ids(client.readQuery(RequestIds, {})?.data?.viewer?.followRequests);
const ids = (connection: { edges: readonly { node: { id: string } }[] } | undefined) =>
  connection?.edges.map((e) => e.node.id);

describe('profile cache updates', () => {
  it('takes a confirmed request out of the inbox at once, before the server answers', async () => {
    const client = await seededClient({ ApproveFollowRequest: () => 'pending' });
    client
      .mutation(
        graphql(
          'mutation ApproveFollowRequest($userId: ID!) { approveFollowRequest(userId: $userId) { id } }',
        ),
        {
          userId: '4',
        },
      )
      .toPromise();
    expect(requestIds(client)).toEqual(['5']);
  });

  it('takes a deleted request out of the inbox for good when the server answers', async () => {
    const client = await seededClient({
      DeclineFollowRequest: () => ({ declineFollowRequest: user('5') }),
    });
    await client
      .mutation(
        graphql(
          'mutation DeclineFollowRequest($userId: ID!) { declineFollowRequest(userId: $userId) { id } }',
        ),
        {
          userId: '5',
        },
      )
      .toPromise();
    expect(requestIds(client)).toEqual(['4']);
  });

  it('unfollowing drops them from your following list and the home feed goes stale', async () => {
    const client = await seededClient({
      TestUnfollow: () => ({ unfollow: { ...user('2'), viewerFollowState: 'NONE' } }),
    });
    await client
      .mutation(
        graphql('mutation TestUnfollow($userId: ID!) { unfollow(userId: $userId) { id viewerFollowState } }'),
        {
          userId: '2',
        },
      )
      .toPromise();
    // The following count and the feed are no longer complete in the cache: reading them asks the server.
    expect(client.readQuery(FeedIds, {})).toBeNull();
    expect(
      client.readQuery(graphql('query TestCount { viewer { user { id followingCount } } }'), {}),
    ).toBeNull();
    const cached = client.readQuery(
      graphql(
        `query TestFollowing { viewer { user { id following(first: 20) { edges { node { id } } } } } }`,
      ),
      {},
    );
    expect(ids(cached?.data?.viewer?.user.following)).toEqual(['3']);
  });

  it('a deleted post leaves the grid, the saved posts and the feed', async () => {
    const client = await seededClient({
      TestDeletePost: () => ({ deletePost: { __typename: 'DeletePayload', deletedId: '11' } }),
    });
    await client
      .mutation(graphql('mutation TestDeletePost($id: ID!) { deletePost(id: $id) { deletedId } }'), {
        id: '11',
      })
      .toPromise();
    const lists = graphql(`
      query TestPostLists {
        viewer {
          user { id posts(first: 12) { edges { node { id } } } }
          savedPosts(first: 12) { edges { node { id } } }
        }
        homeFeed(first: 10) { edges { node { id } } }
      }
    `);
    const data = client.readQuery(lists, {})?.data;
    expect(ids(data?.viewer?.user.posts)).toEqual(['10']);
    expect(ids(data?.viewer?.savedPosts)).toEqual(['20']);
    expect(ids(data?.homeFeed)).toEqual(['20']);
  });

  it('a new post makes the feed and the author’s grid stale, so both are fetched with it on top', async () => {
    const client = await seededClient({
      TestCreatePost: () => ({ createPost: { ...post('30'), status: 'PROCESSING' } }),
    });
    await client
      .mutation(
        graphql(
          'mutation TestCreatePost($input: CreatePostInput!) { createPost(input: $input) { id status author { id username } } }',
        ),
        { input: { media: [{ uploadId: '1' }] } },
      )
      .toPromise();
    expect(client.readQuery(FeedIds, {})).toBeNull();
    expect(
      client.readQuery(
        graphql('query TestGrid { viewer { user { id posts(first: 12) { edges { node { id } } } } } }'),
        {},
      ),
    ).toBeNull();
  });
});
