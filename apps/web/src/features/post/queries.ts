import { CommentRow_comment } from '../../components/post/CommentRow';
import { FollowToggle_user } from '../../components/post/FollowToggle';
import { PostAuthor_user } from '../../components/post/fragments';
import { PostCard_post } from '../../components/post/PostCard';
import { graphql } from '../../graphql';

export { COMMENTS_PAGE, LIKERS_PAGE, REPLIES_PAGE } from './pageSizes';

export const PostPageQuery = graphql(
  `
  query PostPage($id: ID!) {
    post(id: $id) {
      id
      caption
      archived
      commentsDisabled
      viewerCanEdit
      viewerCanDelete
      viewerCanComment
      author { id username }
      ...PostCard_post
    }
  }
`,
  [PostCard_post],
);

/**
 * Top-level comments, oldest first, each with its first replies: "View replies (N)" opens at once,
 * and the API has no way to fetch one comment's replies by itself yet (see CommentRepliesQuery).
 */
export const PostCommentsQuery = graphql(
  `
  query PostComments($id: ID!, $first: Int!, $after: String, $replies: Int!) {
    post(id: $id) {
      id
      comments(first: $first, after: $after) {
        edges {
          cursor
          node {
            id
            replyCount
            ...CommentRow_comment
            replies(first: $replies) {
              edges { cursor node { id ...CommentRow_comment } }
              pageInfo { hasNextPage endCursor }
            }
          }
        }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`,
  [CommentRow_comment],
);

/**
 * More of one thread's replies. Query.node resolves posts and users only today, so this returns null
 * for a comment until the API resolves comments too; the first page comes with PostCommentsQuery.
 */
export const CommentRepliesQuery = graphql(
  `
  query CommentReplies($id: ID!, $first: Int!, $after: String) {
    node(id: $id) {
      id
      ... on Comment {
        replies(first: $first, after: $after) {
          edges { cursor node { id ...CommentRow_comment } }
          pageInfo { hasNextPage endCursor }
        }
      }
    }
  }
`,
  [CommentRow_comment],
);

/** Who liked the post, most recent first. */
export const PostLikersQuery = graphql(
  `
  query PostLikers($id: ID!, $first: Int!, $after: String) {
    post(id: $id) {
      id
      likers(first: $first, after: $after) {
        edges { cursor node { id username displayName ...PostAuthor_user ...FollowToggle_user } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`,
  [PostAuthor_user, FollowToggle_user],
);
