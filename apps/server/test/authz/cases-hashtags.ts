import { type Case, defineCase } from './case';
import { type Cell, classify, countRows, gqlAs, withEffect } from './world';

/**
 * Hashtag pages, trends and follows. A tag exists for a viewer only through a post the viewer may see;
 * trends and top posts count public posts only, so a private account's tag never shows in them.
 */

const PAGE = `query($name: String!) { hashtag(name: $name) { name postCount viewerFollows
  topPosts { caption } recentPosts { edges { node { caption } } } related { name } } }`;

const follows = (cell: Cell) =>
  countRows(cell.world, 'hashtag_follows f join hashtags h on h.id = f.hashtag_id where h.name = $1', [
    cell.target.tag,
  ]);

export const HASHTAG_CASES: Case<unknown>[] = [
  defineCase({
    name: 'Query.hashtag',
    run: async ({ world, caller, target }) =>
      classify(
        await gqlAs<{
          hashtag: { name: string; recentPosts: { edges: { node: { caption: string } }[] } } | null;
        }>(world, caller, PAGE, { name: target.tag }),
        (data) => {
          if (!data.hashtag) return 'hidden';
          const shown = data.hashtag.recentPosts.edges.some((e) => e.node.caption.startsWith(target.caption));
          return shown ? 'ok' : 'unexpected: the tag came back without the post that makes it visible';
        },
      ),
  }),
  defineCase({
    name: 'Query.trendingHashtags',
    // The job's work, with a single use enough to trend: the world has one post per tag.
    run: async ({ world, caller, target }) => {
      await world.server.glimpse.services.hashtags.refresh({ minTrendUses: 1 });
      return classify(
        await gqlAs<{ trendingHashtags: { name: string }[] }>(
          world,
          caller,
          '{ trendingHashtags(first: 50) { name topPosts { caption } } }',
        ),
        (data) => (data.trendingHashtags.some((h) => h.name === target.tag) ? 'ok' : 'hidden'),
      );
    },
  }),
  defineCase({
    name: 'Mutation.followHashtag',
    run: async (cell) => {
      const before = await follows(cell);
      const observed = classify(
        await gqlAs<{ followHashtag: { name: string; viewerFollows: boolean } }>(
          cell.world,
          cell.caller,
          'mutation($name: String!) { followHashtag(name: $name) { name viewerFollows } }',
          { name: cell.target.tag },
        ),
        (data) =>
          data.followHashtag.name === cell.target.tag && data.followHashtag.viewerFollows
            ? 'ok'
            : 'unexpected',
      );
      const changed = (await follows(cell)) !== before;
      // Undone at once, or the tag's top posts would join the caller's Home feed in later cells.
      if (cell.caller)
        await cell.world.api.ok(
          'mutation($name: String!) { unfollowHashtag(name: $name) }',
          { name: cell.target.tag },
          cell.caller.token,
        );
      return withEffect(observed, changed);
    },
  }),
  defineCase({
    name: 'Mutation.unfollowHashtag',
    run: async (cell) =>
      classify(
        await gqlAs<{ unfollowHashtag: boolean }>(
          cell.world,
          cell.caller,
          'mutation($name: String!) { unfollowHashtag(name: $name) }',
          { name: cell.target.tag },
        ),
        (data) => (data.unfollowHashtag ? 'self' : 'unexpected'),
      ),
  }),
];
