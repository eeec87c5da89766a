import { type CombinedError, type UseQueryState, useQuery } from 'urql';
import type { ResultOf } from '../../graphql';
import { errorMessage, fieldErrorsOf } from '../../lib/errors';
import { useDebounced } from '../../lib/useDebounced';
import { SearchTypeaheadQuery } from './queries';
import styles from './Search.module.css';
import { AccountRow, HashtagRow } from './SearchRows';
import { useRecordSearch } from './useRecordSearch';

const TYPEAHEAD_DELAY_MS = 150;

type Typeahead = UseQueryState<ResultOf<typeof SearchTypeaheadQuery>>;

/**
 * Accounts and hashtags for what is in the box, asked once typing pauses. `fieldError` is the server's
 * complaint about the text itself (too long), for the page to show under the box.
 */
export function useTypeahead(text: string): { result: Typeahead; fieldError: string | null } {
  const query = useDebounced(text.trim(), TYPEAHEAD_DELAY_MS);
  const [result] = useQuery({ query: SearchTypeaheadQuery, variables: { query }, pause: query === '' });
  return { result, fieldError: fieldErrorOf(result.error) };
}

export function fieldErrorOf(error: CombinedError | undefined): string | null {
  return fieldErrorsOf(error).query ?? null;
}

/** The suggestions under the box while typing; choosing one records it and opens it. */
export function TypeaheadResults({ result, fieldError }: { result: Typeahead; fieldError: string | null }) {
  const record = useRecordSearch();
  const search = result.data?.search;
  if (fieldError) return null;
  if (!search) {
    if (result.error) {
      return (
        <p role="alert" className={styles.message}>
          {errorMessage(result.error)}
        </p>
      );
    }
    return result.fetching ? (
      <p role="status" className={styles.message}>
        Searching…
      </p>
    ) : null;
  }
  if (search.accounts.length === 0 && search.hashtags.length === 0) {
    return (
      <p role="status" className={styles.message}>
        No results found.
      </p>
    );
  }
  return (
    <ul className={styles.list} aria-label="Suggestions">
      {search.accounts.map((user) => (
        <li key={user.id}>
          <AccountRow user={user} onOpen={() => record.account(user.id)} />
        </li>
      ))}
      {search.hashtags.map((tag) => (
        <li key={tag.name}>
          <HashtagRow name={tag.name} postCount={tag.postCount} onOpen={() => record.hashtag(tag.name)} />
        </li>
      ))}
    </ul>
  );
}
