import { usePagedQuery } from '../../components/post/usePagedQuery';
import { errorMessage } from '../../lib/errors';
import { ProfileGrid } from '../profile/ProfileGrid';
import { SearchResultsQuery } from './queries';
import styles from './Search.module.css';
import { AccountRow, HashtagRow } from './SearchRows';
import { fieldErrorOf } from './Typeahead';
import { useRecordSearch } from './useRecordSearch';

/** The results page for a submitted query: accounts, tags, then a grid of matching posts that grows as it scrolls. */
export function SearchResults({ query }: { query: string }) {
  const record = useRecordSearch();
  const paged = usePagedQuery({
    query: SearchResultsQuery,
    variables: { query },
    pageInfo: (data) => data.search.posts.pageInfo,
  });
  const search = paged.data?.search;

  if (!search) {
    if (paged.error) {
      return (
        <div role="alert" className={styles.message}>
          <p>{fieldErrorOf(paged.error) ?? errorMessage(paged.error)}</p>
          <button type="button" className="button secondary" onClick={paged.retry}>
            Try again
          </button>
        </div>
      );
    }
    return (
      <p role="status" className={styles.message}>
        Searching…
      </p>
    );
  }

  const posts = search.posts.edges.map((edge) => edge.node);
  if (search.accounts.length === 0 && search.hashtags.length === 0 && posts.length === 0) {
    return (
      <div className={styles.empty}>
        <h2 className={styles.sectionTitle}>No results for “{query}”</h2>
        <p className="muted">Check the spelling or try other words.</p>
      </div>
    );
  }

  return (
    <>
      {search.accounts.length > 0 && (
        <section className={styles.section} aria-labelledby="search-accounts">
          <h2 id="search-accounts" className={styles.sectionTitle}>
            Accounts
          </h2>
          <ul className={styles.list}>
            {search.accounts.map((user) => (
              <li key={user.id}>
                <AccountRow user={user} onOpen={() => record.account(user.id)} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {search.hashtags.length > 0 && (
        <section className={styles.section} aria-labelledby="search-tags">
          <h2 id="search-tags" className={styles.sectionTitle}>
            Tags
          </h2>
          <ul className={styles.list}>
            {search.hashtags.map((tag) => (
              <li key={tag.name}>
                <HashtagRow
                  name={tag.name}
                  postCount={tag.postCount}
                  onOpen={() => record.hashtag(tag.name)}
                />
              </li>
            ))}
          </ul>
        </section>
      )}
      {posts.length > 0 && (
        <section className={styles.section} aria-labelledby="search-posts">
          <h2 id="search-posts" className={styles.sectionTitle}>
            Posts
          </h2>
          <ProfileGrid
            posts={posts}
            label={`Posts matching ${query}`}
            hasMore={paged.hasNextPage && !paged.loadMoreError}
            loading={paged.loadingMore}
            onLoadMore={paged.loadMore}
          />
          {paged.loadMoreError && (
            <div role="alert" className={styles.message}>
              <p>Couldn't load more posts.</p>
              <button type="button" className="button secondary" onClick={paged.retry}>
                Try again
              </button>
            </div>
          )}
        </section>
      )}
    </>
  );
}
