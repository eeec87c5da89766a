import { useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { PageSkeleton } from '../../components/Skeleton';
import { graphql } from '../../graphql';
import { errorMessage } from '../../lib/errors';
import styles from './Requests.module.css';
import { UserListRow_user, UserRow } from './UserListDialog';

const PAGE_SIZE = 20;

const FollowRequestsQuery = graphql(
  `
  query FollowRequests($first: Int!, $after: String) {
    viewer {
      followRequests(first: $first, after: $after) {
        edges { node { id ...UserListRow_user } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`,
  [UserListRow_user],
);

// Only the id: the optimistic answer (see profile/cache.ts) can then stand in for the real one.
const ApproveMutation = graphql(`
  mutation ApproveFollowRequest($userId: ID!) {
    approveFollowRequest(userId: $userId) {
      id
    }
  }
`);

const DeclineMutation = graphql(`
  mutation DeclineFollowRequest($userId: ID!) {
    declineFollowRequest(userId: $userId) {
      id
    }
  }
`);

/** /accounts/requests: who asked to follow this private account; confirming or deleting removes them at once. */
export default function RequestsPage() {
  const [after, setAfter] = useState<string | null>(null);
  const [result] = useQuery({
    query: FollowRequestsQuery,
    variables: { first: PAGE_SIZE, after },
    // Requests arrive while the inbox is closed: always ask the server as well.
    requestPolicy: 'cache-and-network',
  });
  const [approval, approve] = useMutation(ApproveMutation);
  const [decline, del] = useMutation(DeclineMutation);
  const fresh = result.data?.viewer?.followRequests;
  const last = useRef(fresh);
  if (fresh) last.current = fresh;
  const requests = fresh ?? last.current;
  const problem = errorMessage(approval.error ?? decline.error);

  return (
    <div className={styles.page}>
      <h1 className={styles.title}>Follow requests</h1>
      {!requests ? (
        result.error ? (
          <p role="alert">{errorMessage(result.error)}</p>
        ) : (
          <PageSkeleton />
        )
      ) : requests.edges.length === 0 ? (
        <div className={styles.empty}>
          <h2 className={styles.emptyTitle}>No pending requests</h2>
          <p className={styles.emptyText}>
            When someone asks to follow your private account, you'll see their request here.
          </p>
        </div>
      ) : (
        <>
          {problem && (
            <p className="field-error" role="alert">
              {problem}
            </p>
          )}
          <ul className={styles.list} aria-label="Requests">
            {requests.edges.map((edge) => (
              <UserRow key={edge.node.id} user={edge.node}>
                <button
                  type="button"
                  className={`button ${styles.action}`}
                  onClick={() => approve({ userId: edge.node.id })}
                >
                  Confirm
                </button>
                <button
                  type="button"
                  className={`button secondary ${styles.action}`}
                  onClick={() => del({ userId: edge.node.id })}
                >
                  Delete
                </button>
              </UserRow>
            ))}
          </ul>
          {requests.pageInfo.hasNextPage && (
            <div className={styles.more}>
              <button
                type="button"
                className="button secondary"
                disabled={result.fetching}
                onClick={() => setAfter(requests.pageInfo.endCursor ?? null)}
              >
                Load more
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
