import { graphql } from '../../graphql';
import { CaseCard_case } from './CaseCard';

export const QUEUE_PAGE = 20;

export const ModerationQueueQuery = graphql(
  `
  query ModerationQueue($first: Int, $after: String) {
    moderationQueue(first: $first, after: $after) {
      edges { cursor node { id ...CaseCard_case } }
      pageInfo { hasNextPage endCursor }
    }
  }
`,
  [CaseCard_case],
);

export const OpenAppealsQuery = graphql(`
  query OpenAppeals {
    openAppeals {
      id
      status
      text
      createdAt
      action {
        id
        action
        subject
        subjectId
        note
        createdAt
        moderator { id username }
        target { id username displayName suspended }
      }
    }
  }
`);

export const ModerationLogQuery = graphql(`
  query ModerationLog($first: Int, $after: String) {
    moderationLog(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          action
          subject
          subjectId
          note
          createdAt
          moderator { id username }
          target { id username }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);
