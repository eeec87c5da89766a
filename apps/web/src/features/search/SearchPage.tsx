import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { Icon } from '../../components/Icon';
import { ExploreFeed } from '../explore/ExplorePage';
import { RecentSearches } from './RecentSearches';
import styles from './Search.module.css';
import { SearchResults } from './SearchResults';
import { searchHref } from './SearchRows';
import { TypeaheadResults, useTypeahead } from './Typeahead';
import { useRecordSearch } from './useRecordSearch';

/**
 * Search at /explore/search: recent searches while the box is empty, suggestions as the person types,
 * and the results for a submitted query at /explore/search?q=…, so a results page can be shared and
 * the back button returns to it.
 */
export default function SearchPage() {
  const [, navigate] = useLocation();
  const submitted = new URLSearchParams(useSearch()).get('q')?.trim() ?? '';
  const [text, setText] = useState(submitted);
  // Opening another query (a recent one, the back button) puts it in the box.
  const [shown, setShown] = useState(submitted);
  if (shown !== submitted) {
    setShown(submitted);
    setText(submitted);
  }
  const record = useRecordSearch();
  const trimmed = text.trim();
  const showResults = submitted !== '' && trimmed === submitted;
  // The results page asks for the same accounts and tags itself.
  const typeahead = useTypeahead(showResults ? '' : text);
  const errorId = useId();
  const boxRef = useRef<HTMLInputElement>(null);
  const suggestionsRef = useRef<HTMLDivElement>(null);

  /**
   * Arrow keys walk from the box into the suggestions and through them (Enter opens one, as a link);
   * up from the first, or Escape, returns to the box with the text as it was.
   */
  const walkSuggestions = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp' && event.key !== 'Escape') return;
    const links = [...(suggestionsRef.current?.querySelectorAll<HTMLAnchorElement>('ul a[href]') ?? [])];
    if (links.length === 0) return;
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'Escape') {
      if (at === -1) return;
      event.preventDefault();
      boxRef.current?.focus();
      return;
    }
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? Math.min(at + 1, links.length - 1) : at - 1;
    if (next < 0) boxRef.current?.focus();
    else links[next]?.focus();
  };

  useEffect(() => {
    document.title = submitted ? `${submitted} • Search • Glimpse` : 'Search • Glimpse';
    return () => {
      document.title = 'Glimpse';
    };
  }, [submitted]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (trimmed === '' || typeahead.fieldError) return;
    record.query(trimmed);
    navigate(searchHref(trimmed));
  };

  return (
    <div className={styles.page}>
      <h1 className="visually-hidden">Search</h1>
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is not yet known to every browser we support; the role is */}
      <form role="search" className={styles.form} onSubmit={submit}>
        <span className={styles.boxIcon} aria-hidden="true">
          <Icon name="search" size={16} />
        </span>
        <input
          ref={boxRef}
          type="search"
          className={styles.box}
          aria-label="Search"
          placeholder="Search"
          autoComplete="off"
          enterKeyHint="search"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={walkSuggestions}
          aria-invalid={typeahead.fieldError ? true : undefined}
          aria-describedby={typeahead.fieldError ? errorId : undefined}
        />
      </form>
      {typeahead.fieldError && (
        <p id={errorId} className="field-error" role="alert">
          {typeahead.fieldError}
        </p>
      )}
      {trimmed === '' ? (
        <>
          <RecentSearches />
          {/* Under the box, as in Instagram's app: on a phone this is the way into Explore. */}
          <section className={styles.explore} aria-labelledby={`${errorId}-explore`}>
            <h2 id={`${errorId}-explore`} className={styles.exploreTitle}>
              Explore
            </h2>
            <ExploreFeed />
          </section>
        </>
      ) : showResults ? (
        <SearchResults query={submitted} />
      ) : (
        // Key presses bubble here from the suggestions' links: the walk goes on from whichever has focus.
        // biome-ignore lint/a11y/noStaticElementInteractions: only forwards arrow keys from the links inside
        <div ref={suggestionsRef} onKeyDown={walkSuggestions}>
          <TypeaheadResults result={typeahead.result} fieldError={typeahead.fieldError} />
        </div>
      )}
    </div>
  );
}
