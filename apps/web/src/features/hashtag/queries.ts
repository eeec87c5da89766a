import { graphql } from '../../graphql';
import { ProfileGrid_post } from '../profile/ProfileGrid';

export const HashtagPageQuery = graphql(
  `
  query HashtagPage($name: String!) {
    hashtag(name: $name) {
      name
      postCount
      viewerFollows
      related(first: 10) { name }
      topPosts(first: 9) { id ...ProfileGrid_post }
    }
  }
`,
  [ProfileGrid_post],
);

/** Apart from the header, so each further page does not fetch the top posts again. */
export const HashtagRecentPostsQuery = graphql(
  `
  query HashtagRecentPosts($name: String!, $after: String) {
    hashtag(name: $name) {
      name
      recentPosts(first: 12, after: $after) {
        edges { node { id ...ProfileGrid_post } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`,
  [ProfileGrid_post],
);

export const FollowHashtagMutation = graphql(`
  mutation FollowHashtag($name: String!) {
    followHashtag(name: $name) { name viewerFollows }
  }
`);

export const UnfollowHashtagMutation = graphql(`
  mutation UnfollowHashtag($name: String!) {
    unfollowHashtag(name: $name)
  }
`);

export const HashtagFollowState = graphql(`
  fragment HashtagFollowState on Hashtag {
    name
    viewerFollows
  }
`);
