import { type ReactNode, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link } from 'wouter';
import { Avatar } from '../../components/Avatar';
import { Dialog } from '../../components/Dialog';
import { type FragmentOf, graphql, readFragment } from '../../graphql';
import { FollowButton, FollowButton_user } from './FollowButton';
import { VerifiedBadge } from './ProfileHeader';
import styles from './UserList.module.css';

const PAGE_SIZE = 20;

export const UserListRow_user = graphql(
  `
  fragment UserListRow_user on User {
    id
    username
    displayName
    isVerified
    viewerFollowState
    avatar { thumbhash dominantColor sources { url width format } }
    ...FollowButton_user
  }
`,
  [FollowButton_user],
);

const FollowersQuery = graphql(
  `
  query ProfileFollowers($username: String!, $first: Int!, $after: String) {
    user(username: $username) {
      id
      followers(first: $first, after: $after) {
        edges { node { id ...UserListRow_user } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`,
  [UserListRow_user],
);

const FollowingQuery = graphql(
  `
  query ProfileFollowing($username: String!, $first: Int!, $after: String) {
    user(username: $username) {
      id
      following(first: $first, after: $after) {
        edges { node { id ...UserListRow_user } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`,
  [UserListRow_user],
);

const RemoveFollowerMutation = graphql(`
  mutation RemoveFollower($userId: ID!) {
    removeFollower(userId: $userId) {
      id
      followsViewer
    }
  }
`);

/** One person in a list: photo, username and name linking to their profile, then `children` (buttons). */
export function UserRow({
  user: data,
  children,
}: {
  user: FragmentOf<typeof UserListRow_user>;
  children?: ReactNode;
}) {
  const user = readFragment(UserListRow_user, data);
  return (
    <li className={styles.row}>
      <Link href={`/${user.username}`} className={styles.person}>
        <Avatar user={user} size={44} />
        <span className={styles.names}>
          <span className={styles.username}>
            {user.username}
            {user.isVerified && <VerifiedBadge />}
          </span>
          {user.displayName && <span className={styles.displayName}>{user.displayName}</span>}
        </span>
      </Link>
      <span className={styles.rowActions}>{children}</span>
    </li>
  );
}

/** On your own followers list: stop someone following you, without blocking them. */
function RemoveFollowerButton({ userId }: { userId: string }) {
  const [removal, removeFollower] = useMutation(RemoveFollowerMutation);
  return (
    <button
      type="button"
      className={`button secondary ${styles.compact}`}
      disabled={removal.fetching}
      onClick={() => removeFollower({ userId })}
    >
      Remove
    </button>
  );
}

/**
 * Followers or following of a profile, in a dialog over it (its own address, so it can be linked and
 * the back button closes it). On your own followers list each row can be removed instead of followed.
 */
export function UserListDialog({
  username,
  list,
  isOwn,
  onClose,
}: {
  username: string;
  list: 'followers' | 'following';
  isOwn: boolean;
  onClose: () => void;
}) {
  const [after, setAfter] = useState<string | null>(null);
  const variables = { username, first: PAGE_SIZE, after };
  const requestPolicy = 'cache-and-network';
  const [followers] = useQuery({
    query: FollowersQuery,
    variables,
    pause: list !== 'followers',
    requestPolicy,
  });
  const [following] = useQuery({
    query: FollowingQuery,
    variables,
    pause: list !== 'following',
    requestPolicy,
  });
  const result = list === 'followers' ? followers : following;
  const fresh = list === 'followers' ? followers.data?.user?.followers : following.data?.user?.following;
  const last = useRef(fresh);
  if (fresh) last.current = fresh;
  const connection = fresh ?? last.current;

  const title = list === 'followers' ? 'Followers' : 'Following';
  const empty =
    list === 'followers'
      ? isOwn
        ? "You'll see all the people who follow you here."
        : 'No followers yet.'
      : isOwn
        ? "You'll see all the people you follow here."
        : 'Not following anyone yet.';
  return (
    <Dialog title={title} onClose={onClose}>
      {!connection ? (
        <p className={styles.status} role="status">
          {result.error ? "Couldn't load this list." : 'Loading…'}
        </p>
      ) : connection.edges.length === 0 ? (
        <p className={styles.status}>{empty}</p>
      ) : (
        <>
          <ul className={styles.list} aria-label={title}>
            {connection.edges.map((edge) => (
              <UserRow key={edge.node.id} user={edge.node}>
                {isOwn && list === 'followers' ? (
                  <RemoveFollowerButton userId={edge.node.id} />
                ) : (
                  <FollowButton user={readFragment(UserListRow_user, edge.node)} compact />
                )}
              </UserRow>
            ))}
          </ul>
          {connection.pageInfo.hasNextPage && (
            <div className={styles.more}>
              <button
                type="button"
                className="button secondary"
                disabled={result.fetching}
                onClick={() => setAfter(connection.pageInfo.endCursor ?? null)}
              >
                {result.fetching ? 'Loading…' : 'Load more'}
              </button>
            </div>
          )}
        </>
      )}
    </Dialog>
  );
}
