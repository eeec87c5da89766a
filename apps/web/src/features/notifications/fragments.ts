import { graphql } from '../../graphql';
import { FollowButton_user } from '../profile/FollowButton';

/** What one row of the activity list shows; the live subscription selects the same, so a new entry is whole. */
export const ActivityRow_notification = graphql(
  `
  fragment ActivityRow_notification on Notification {
    id
    kind
    createdAt
    read
    actorCount
    subjectId
    actors {
      id
      username
      avatar { thumbhash dominantColor sources { url width format } }
      ...FollowButton_user
    }
    post {
      id
      media {
        id
        altText
        image { width height thumbhash dominantColor sources { url width format } }
      }
    }
    comment { id text }
  }
`,
  [FollowButton_user],
);

export const ActivityQuery = graphql(
  `
  query Activity($first: Int!, $after: String) {
    viewer {
      notifications(first: $first, after: $after) {
        edges { cursor node { id ...ActivityRow_notification } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`,
  [ActivityRow_notification],
);

export const UnreadNotificationCountQuery = graphql(`
  query UnreadNotificationCount {
    viewer {
      unreadNotificationCount
    }
  }
`);

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($upTo: ID) {
    markNotificationsRead(upTo: $upTo)
  }
`);

export const NotificationReceivedSubscription = graphql(
  `
  subscription NotificationReceived {
    notificationReceived { id ...ActivityRow_notification }
  }
`,
  [ActivityRow_notification],
);

export const UnreadNotificationCountSubscription = graphql(`
  subscription UnreadNotificationCountChanged {
    unreadNotificationCount
  }
`);

/** A story reply's text or reaction's emoji, and the story's picture: the notification carries neither. */
export const StoryResponseQuery = graphql(`
  query ActivityStoryResponse($id: ID!, $kind: StoryResponseKind!) {
    story(id: $id) {
      id
      image { width height thumbhash dominantColor sources { url width format } }
      responses(kind: $kind, first: 20) {
        edges { node { id text user { id } } }
      }
    }
  }
`);
