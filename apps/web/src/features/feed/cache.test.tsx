import { relayPagination } from '@urql/exchange-graphcache/extras';
import type { Operation } from 'urql';
import { describe, expect, it } from 'vitest';
import { pipe, subscribe } from 'wonka';
import { graphql } from '../../graphql';
import { dataReply, graphcacheClient, scriptedServer } from '../../test/scriptedServer';
import { createCache } from '../create/cache';
import { profileCache } from '../profile/cache';
import { feedCache } from './cache';

/** Graphcache set up as lib/client.ts sets it up for the feeds, over a scripted server that counts calls. */
function clientWith(answers: Record<string, (op: Operation) => unknown | 'pending'>) {
  const server = scriptedServer((name, operation) => dataReply(answers[name]?.(operation)));
  const client = graphcacheClient(server.exchange, [feedCache, profileCache, createCache], {
    keys: { PageInfo: () => null, PostConnection: () => null, PostEdge: () => null },
    resolvers: { Query: { homeFeed: relayPagination(), favoritesFeed: relayPagination() } },
  });
  /** The names of the operations the server was asked, oldest first. */
  return { client, asked: server.names };
}

const pageInfo = { __typename: 'PageInfo', hasNextPage: false, endCursor: null };
const user = (id: string) => ({ __typename: 'User', id, username: `user${id}` });
const connection = (ids: string[], authorId = '2') => ({
  __typename: 'PostConnection',
  edges: ids.map((id) => ({
    __typename: 'PostEdge',
    cursor: `c${id}`,
    node: { __typename: 'Post', id, author: user(authorId) },
  })),
  pageInfo,
});

const Feeds = graphql(`
  query TestFeeds {
    viewer { user { id username } favorites { id username } }
    home: homeFeed(first: 8, order: RANKED) { edges { cursor node { id author { id username } } } pageInfo { hasNextPage endCursor } }
    following: homeFeed(first: 8, order: CHRONOLOGICAL) { edges { cursor node { id author { id username } } } pageInfo { hasNextPage endCursor } }
    favorites: favoritesFeed(first: 8) { edges { cursor node { id author { id username } } } pageInfo { hasNextPage endCursor } }
  }
`);

const seeded = {
  viewer: { __typename: 'Viewer', user: user('1'), favorites: [user('2'), user('3')] },
  home: connection(['12', '10', '11']),
  following: connection(['12', '11', '10']),
  favorites: connection(['12', '10']),
};

async function seededClient(answers: Record<string, (op: Operation) => unknown | 'pending'> = {}) {
  const scripted = clientWith({ TestFeeds: () => seeded, ...answers });
  await scripted.client.query(Feeds, {}).toPromise();
  return scripted;
}

// Each check reads with its own query: urql replays the last result of a query it has already run.
const ids = (c: { edges: readonly { node: { id: string } }[] } | undefined) => c?.edges.map((e) => e.node.id);
const FavoritesPage = graphql(
  'query TestFavoritesPage { favoritesFeed(first: 8) { edges { node { id } } } }',
);
const HomePage = graphql(
  'query TestHomePage { homeFeed(first: 8, order: RANKED) { edges { node { id } } } }',
);

const FeedPages = graphql(`
  query TestFeedPages {
    home: homeFeed(first: 8, order: RANKED) { edges { node { id } } }
    following: homeFeed(first: 8, order: CHRONOLOGICAL) { edges { node { id } } }
    favorites: favoritesFeed(first: 8) { edges { node { id } } }
  }
`);
const FavoriteIds = graphql('query TestFavoriteIds { viewer { favorites { id } } }');

const AddFavorite = graphql(
  'mutation TestAdd($userId: ID!) { addFavorite(userId: $userId) { id viewerFavorite } }',
);
const RemoveFavorite = graphql(
  'mutation TestRemove($userId: ID!) { removeFavorite(userId: $userId) { id viewerFavorite } }',
);

describe('feed cache', () => {
  it('keeps Home, Following and Favorites as separate lists', async () => {
    const { client } = await seededClient();
    const data = client.readQuery(FeedPages, {})?.data;
    expect(ids(data?.home)).toEqual(['12', '10', '11']);
    expect(ids(data?.following)).toEqual(['12', '11', '10']);
    expect(ids(data?.favorites)).toEqual(['12', '10']);
  });

  it('a deleted post leaves all three feeds', async () => {
    const { client } = await seededClient({
      TestDelete: () => ({ deletePost: { __typename: 'DeletePayload', deletedId: '10' } }),
    });
    await client
      .mutation(graphql('mutation TestDelete($id: ID!) { deletePost(id: $id) { deletedId } }'), { id: '10' })
      .toPromise();
    const data = client.readQuery(FeedPages, {})?.data;
    expect(ids(data?.home)).toEqual(['12', '11']);
    expect(ids(data?.following)).toEqual(['12', '11']);
    expect(ids(data?.favorites)).toEqual(['12']);
  });

  it('unfollowing makes every feed stale, Favorites included', async () => {
    const { client } = await seededClient({
      TestUnfollow: () => ({ unfollow: { ...user('2'), viewerFollowState: 'NONE' } }),
    });
    await client
      .mutation(
        graphql('mutation TestUnfollow($userId: ID!) { unfollow(userId: $userId) { id viewerFollowState } }'),
        { userId: '2' },
      )
      .toPromise();
    expect(client.readQuery(FavoritesPage, {})).toBeNull();
    expect(client.readQuery(FeedPages, {})).toBeNull();
  });

  it('adding a favorite makes the favorites and the Favorites feed stale, and leaves Home alone', async () => {
    const { client } = await seededClient({
      TestAdd: () => ({ addFavorite: { ...user('4'), viewerFavorite: true } }),
    });
    await client.mutation(AddFavorite, { userId: '4' }).toPromise();
    expect(client.readQuery(FavoriteIds, {})).toBeNull();
    expect(client.readQuery(FavoritesPage, {})).toBeNull();
    expect(ids(client.readQuery(HomePage, {})?.data?.homeFeed)).toEqual(['12', '10', '11']);
  });

  it('removing a favorite takes them out of the list at once; the feed goes stale on the answer', async () => {
    let answer: 'pending' | 'done' = 'pending';
    const { client } = await seededClient({
      TestRemove: () =>
        answer === 'pending' ? 'pending' : { removeFavorite: { ...user('2'), viewerFavorite: false } },
    });
    client.mutation(RemoveFavorite, { userId: '2' }).toPromise();
    expect(client.readQuery(FavoriteIds, {})?.data?.viewer?.favorites.map((u) => u.id)).toEqual(['3']);
    answer = 'done';
    await client.mutation(RemoveFavorite, { userId: '2' }).toPromise();
    expect(
      client
        .readQuery(graphql('query TestFavoriteIdsAfter { viewer { favorites { id } } }'), {})
        ?.data?.viewer?.favorites.map((u) => u.id),
    ).toEqual(['3']);
    expect(client.readQuery(FavoritesPage, {})).toBeNull();
  });

  it('reporting seen posts touches no cached list, so nothing is fetched again', async () => {
    const { client, asked } = await seededClient({ MarkPostsSeen: () => ({ markPostsSeen: true }) });
    const results: unknown[] = [];
    const watching = pipe(
      client.query(Feeds, {}),
      subscribe((result) => results.push(result.data)),
    );
    const before = asked().length;
    await client
      .mutation(graphql('mutation MarkPostsSeen($postIds: [ID!]!) { markPostsSeen(postIds: $postIds) }'), {
        postIds: ['12', '10'],
      })
      .toPromise();
    watching.unsubscribe();
    expect(asked().slice(before)).toEqual(['MarkPostsSeen']);
    expect(ids(client.readQuery(FeedPages, {})?.data?.home)).toEqual(['12', '10', '11']);
  });
});
