import { PostCard_post } from '../../components/post/PostCard';
import { graphql } from '../../graphql';
import { ExploreTile_post } from './ExploreGrid';

/** Tiles per page of the Explore grid: a multiple of the five-tile blocks it is laid out in. */
export const EXPLORE_PAGE = 30;

/** Posts per page of the feed a tapped tile opens. */
export const SIMILAR_PAGE = 8;

export const ExploreQuery = graphql(
  `
  query Explore($first: Int!, $after: String) {
    explore(first: $first, after: $after) {
      edges { cursor node { id ...ExploreTile_post } }
      pageInfo { hasNextPage endCursor }
    }
  }
`,
  [ExploreTile_post],
);

/** The tapped tile first, then posts like it. */
export const SimilarPostsQuery = graphql(
  `
  query SimilarPosts($postId: ID!, $first: Int!, $after: String) {
    similarPosts(postId: $postId, first: $first, after: $after) {
      edges { cursor node { id ...PostCard_post } }
      pageInfo { hasNextPage endCursor }
    }
  }
`,
  [PostCard_post],
);
