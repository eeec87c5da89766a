import { PostCard_post } from '../../components/post/PostCard';
import { graphql } from '../../graphql';

/** Posts per page of every feed variant. */
export const PAGE_SIZE = 8;

// Both feeds are read as `feed`, so one list renders either. Graphcache keys pages by the field's name
// and arguments (`homeFeed({"order":"RANKED",…})`), not by the alias: each variant keeps its own pages.

/** Home (RANKED) and Following (CHRONOLOGICAL). */
export const HomeFeedQuery = graphql(
  `
  query HomeFeed($first: Int!, $after: String, $order: FeedOrder!) {
    viewer { user { id followingCount } }
    feed: homeFeed(first: $first, after: $after, order: $order) {
      edges { cursor node { id ...PostCard_post } reason { kind hashtag { name } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`,
  [PostCard_post],
);

/** Favorites: the feed, and whether there are favorites at all (to say why it is empty). */
export const FavoritesFeedQuery = graphql(
  `
  query FavoritesFeed($first: Int!, $after: String) {
    viewer { user { id followingCount } favorites { id } }
    feed: favoritesFeed(first: $first, after: $after) {
      edges { cursor node { id ...PostCard_post } reason { kind hashtag { name } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`,
  [PostCard_post],
);
