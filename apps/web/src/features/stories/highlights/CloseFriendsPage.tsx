import { useEffect, useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link } from 'wouter';
import { Avatar } from '../../../components/Avatar';
import { Icon } from '../../../components/Icon';
import { PageSkeleton } from '../../../components/Skeleton';
import { type FragmentOf, graphql, readFragment } from '../../../graphql';
import { errorMessage } from '../../../lib/errors';
import settings from '../../settings/Settings.module.css';
import { SettingsNav } from '../../settings/SettingsNav';
import styles from './CloseFriends.module.css';

const PAGE_SIZE = 30;
const SEARCH_DELAY_MS = 200;

export const CloseFriendRow_user = graphql(`
  fragment CloseFriendRow_user on User {
    id
    username
    displayName
    viewerCloseFriend
    avatar { thumbhash dominantColor sources { url width format } }
  }
`);

export const CloseFriendsQuery = graphql(
  `
  query CloseFriends($first: Int!, $after: String) {
    viewer {
      closeFriends(first: $first, after: $after) {
        edges { node { id ...CloseFriendRow_user } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`,
  [CloseFriendRow_user],
);

const CloseFriendSearchQuery = graphql(
  `
  query CloseFriendSearch($query: String!) {
    searchAccounts(query: $query, first: 8) { id ...CloseFriendRow_user }
  }
`,
  [CloseFriendRow_user],
);

const AddCloseFriendMutation = graphql(`
  mutation AddCloseFriend($userId: ID!) {
    addCloseFriend(userId: $userId) { id viewerCloseFriend }
  }
`);

const RemoveCloseFriendMutation = graphql(`
  mutation RemoveCloseFriend($userId: ID!) {
    removeCloseFriend(userId: $userId) { id viewerCloseFriend }
  }
`);

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** A person with a round toggle: a green check when on the list, an empty circle to add them. */
function CloseFriendRow({
  user: data,
  mode,
}: {
  user: FragmentOf<typeof CloseFriendRow_user>;
  /** In the list a Remove button; in search results the round toggle. */
  mode: 'list' | 'search';
}) {
  const user = readFragment(CloseFriendRow_user, data);
  const [adding, add] = useMutation(AddCloseFriendMutation);
  const [removing, remove] = useMutation(RemoveCloseFriendMutation);
  const busy = adding.fetching || removing.fetching;
  const on = user.viewerCloseFriend;
  return (
    <li className={styles.row}>
      <Link href={`/${user.username}`} className={styles.person}>
        <span className={on ? styles.ringOn : styles.ring}>
          <Avatar user={user} size={44} decorative />
        </span>
        <span className={styles.names}>
          <span className={styles.username}>{user.username}</span>
          {user.displayName && <span className="muted">{user.displayName}</span>}
        </span>
      </Link>
      {mode === 'list' ? (
        <button
          type="button"
          className="button secondary"
          disabled={busy}
          aria-label={`Remove ${user.username} from close friends`}
          onClick={() => void remove({ userId: user.id })}
        >
          Remove
        </button>
      ) : (
        <button
          type="button"
          className={`${styles.toggle} ${on ? styles.toggleOn : ''}`}
          aria-pressed={on}
          aria-label={`${user.username} in close friends`}
          disabled={busy}
          onClick={() => void (on ? remove({ userId: user.id }) : add({ userId: user.id }))}
        >
          {on && <Icon name="star" size={14} filled />}
        </button>
      )}
      {(adding.error || removing.error) && (
        <p className="field-error" role="alert">
          {errorMessage(adding.error ?? removing.error)}
        </p>
      )}
    </li>
  );
}

/** The list, a page at a time: later pages join the first (relayPagination) as "Show more" asks. */
function CloseFriendsList() {
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, error, fetching }] = useQuery({
    query: CloseFriendsQuery,
    variables: { first: PAGE_SIZE, after },
    requestPolicy: 'cache-and-network',
  });
  const connection = data?.viewer?.closeFriends;
  if (!connection) return fetching ? <PageSkeleton /> : <p role="alert">{errorMessage(error)}</p>;
  const people = connection.edges.map((edge) => edge.node);
  return (
    <>
      {people.length > 0 ? (
        <ul className={styles.list} aria-label="Your close friends">
          {people.map((user) => (
            <CloseFriendRow key={user.id} user={user} mode="list" />
          ))}
        </ul>
      ) : (
        <p className="muted">Nobody yet. Search above to add people.</p>
      )}
      {connection.pageInfo.hasNextPage && (
        <button
          type="button"
          className="button secondary"
          disabled={fetching}
          onClick={() => setAfter(connection.pageInfo.endCursor)}
        >
          Show more
        </button>
      )}
    </>
  );
}

/**
 * /accounts/close-friends: the people who see the stories shared to Close friends (a green ring).
 * Search adds someone (the green star); Remove takes them off. Nobody is told either way.
 */
export default function CloseFriendsPage() {
  const id = useId();
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), SEARCH_DELAY_MS);
  const [found] = useQuery({ query: CloseFriendSearchQuery, variables: { query }, pause: query === '' });
  const results = query === '' ? [] : (found.data?.searchAccounts ?? []);

  return (
    <div className={settings.page}>
      <SettingsNav />
      <h1 className={settings.title}>Close friends</h1>
      <section className={settings.card} aria-labelledby={`${id}-add`}>
        <h2 id={`${id}-add`} className={settings.cardTitle}>
          Add people
        </h2>
        <p className="muted">
          Only your close friends see the stories you share to Close friends. We don't tell anyone when you
          add or remove them.
        </p>
        <label htmlFor={`${id}-search`} className="visually-hidden">
          Search accounts
        </label>
        <input
          id={`${id}-search`}
          type="search"
          className="field"
          placeholder="Search"
          autoComplete="off"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        {query !== '' && (
          <ul className={styles.list} aria-label="Search results">
            {results.map((user) => (
              <CloseFriendRow key={user.id} user={user} mode="search" />
            ))}
            {!found.fetching && found.data && results.length === 0 && (
              <li className="muted">No accounts found.</li>
            )}
          </ul>
        )}
      </section>
      <section className={settings.card} aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`} className={settings.cardTitle}>
          Your list
        </h2>
        <CloseFriendsList />
      </section>
    </div>
  );
}
