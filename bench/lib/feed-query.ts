/**
 * The home feed page the benchmark loads: what a feed card shows (author with avatar, every photo's
 * sources and placeholder, caption with its entities, counts, the viewer's like and save, the "liked
 * by" preview and the two latest comments). Kept to the schema's stable fields so it survives refactors.
 */
export const FEED_PAGE_SIZE = 20;

export const FEED_QUERY = `query BenchHomeFeed($first: Int!, $after: String) {
  homeFeed(first: $first, after: $after) {
    edges {
      cursor
      node {
        id
        url
        caption
        captionEntities { kind start end value }
        createdAt
        editedAt
        likeCount
        commentCount
        commentsDisabled
        viewerHasLiked
        viewerHasSaved
        viewerCanComment
        author { ...BenchFeedAuthor }
        media { id altText status image { ...BenchFeedImage } }
        likePreview { id username }
        previewComments {
          id
          text
          textEntities { kind start end value }
          createdAt
          viewerHasLiked
          author { id username }
        }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}

fragment BenchFeedAuthor on User {
  id
  username
  displayName
  isVerified
  viewerFollowState
  avatar { ...BenchFeedImage }
}

fragment BenchFeedImage on Image {
  width
  height
  thumbhash
  dominantColor
  sources { url width height format }
}`;

/** The smallest feed read: enough to tell whether a post has reached a follower's home feed. */
export const FEED_HEAD_QUERY = `query BenchFeedHead {
  homeFeed(first: 1, order: CHRONOLOGICAL) { edges { node { id } } }
}`;

export interface FeedPage {
  homeFeed: { edges: { node: { id: string; media: { image: { sources: unknown[] } | null }[] } }[] };
}

export function feedBody(first = FEED_PAGE_SIZE): string {
  return JSON.stringify({ query: FEED_QUERY, variables: { first } });
}
