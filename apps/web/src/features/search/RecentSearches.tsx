import { useMutation, useQuery } from 'urql';
import { Icon } from '../../components/Icon';
import { showToast } from '../../components/post/toast';
import { Skeleton } from '../../components/Skeleton';
import { type ResultOf, readFragment } from '../../graphql';
import { errorMessage } from '../../lib/errors';
import {
  ClearRecentSearchesMutation,
  RecentSearchesQuery,
  RemoveRecentSearchMutation,
  SearchAccount_user,
} from './queries';
import styles from './Search.module.css';
import { AccountRow, HashtagRow, QueryRow } from './SearchRows';
import { useRecordSearch } from './useRecordSearch';

type Entry = ResultOf<typeof RecentSearchesQuery>['recentSearches'][number];

/** What a recent entry is called, for its row and its remove button; null for one that cannot show. */
function labelOf(entry: Entry): string | null {
  if (entry.kind === 'ACCOUNT' && entry.user) return readFragment(SearchAccount_user, entry.user).username;
  if (entry.kind === 'HASHTAG' && entry.hashtag) return `#${entry.hashtag}`;
  if (entry.kind === 'QUERY' && entry.text) return entry.text;
  return null;
}

function EntryRow({ entry }: { entry: Entry }) {
  const record = useRecordSearch();
  if (entry.kind === 'ACCOUNT' && entry.user) {
    const user = entry.user;
    return <AccountRow user={user} onOpen={() => record.account(user.id)} />;
  }
  if (entry.kind === 'HASHTAG' && entry.hashtag) {
    const name = entry.hashtag;
    return <HashtagRow name={name} onOpen={() => record.hashtag(name)} />;
  }
  const text = entry.text ?? '';
  return <QueryRow text={text} onOpen={() => record.query(text)} />;
}

/** Shown while the search box is empty: what the viewer opened lately, each removable, or all at once. */
export function RecentSearches() {
  // Searches made on another device show up here too.
  const [result] = useQuery({ query: RecentSearchesQuery, requestPolicy: 'cache-and-network' });
  const [, remove] = useMutation(RemoveRecentSearchMutation);
  const [clearing, clear] = useMutation(ClearRecentSearchesMutation);
  const entries = (result.data?.recentSearches ?? []).flatMap((entry) => {
    const label = labelOf(entry);
    return label === null ? [] : [{ entry, label }];
  });

  const onRemove = async (id: string, label: string) => {
    const outcome = await remove({ id });
    if (outcome.error) showToast(`Couldn't remove ${label} from recent searches.`);
  };
  const onClear = async () => {
    const outcome = await clear({});
    if (outcome.error) showToast(errorMessage(outcome.error) ?? "Couldn't clear recent searches.");
  };

  return (
    <section className={styles.section} aria-labelledby="recent-searches-title">
      <div className={styles.sectionHeader}>
        <h2 id="recent-searches-title" className={styles.sectionTitle}>
          Recent
        </h2>
        {entries.length > 0 && (
          <button type="button" className="link-button" onClick={onClear} disabled={clearing.fetching}>
            Clear all
          </button>
        )}
      </div>
      {!result.data && result.fetching ? (
        <div role="status" className={styles.loading}>
          <span className="visually-hidden">Loading recent searches</span>
          <Skeleton width="60%" height={14} />
          <Skeleton width="40%" height={14} />
        </div>
      ) : !result.data && result.error ? (
        <p role="alert" className={styles.message}>
          Couldn't load recent searches.
        </p>
      ) : entries.length === 0 ? (
        <p className={styles.message}>No recent searches.</p>
      ) : (
        <ul className={styles.list}>
          {entries.map(({ entry, label }) => (
            <li key={entry.id} className={styles.removable}>
              <EntryRow entry={entry} />
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove ${label}`}
                onClick={() => onRemove(entry.id, label)}
              >
                <Icon name="close" size={16} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
