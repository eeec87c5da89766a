import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { useQuery } from 'urql';
import { Avatar } from '../../../components/Avatar';
import { graphql } from '../../../graphql';
import styles from './StoryComposer.module.css';

const MentionSuggestionsQuery = graphql(`
  query StoryMentionSuggestions($query: String!) {
    searchAccounts(query: $query, first: 6) {
      id
      username
      displayName
      avatar { thumbhash sources { url width format } }
    }
  }
`);

const SEARCH_DELAY_MS = 150;

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * The @mention sticker's username, with accounts suggested as it is typed (a combobox: arrows move
 * through the suggestions, Enter picks one, Escape closes the list).
 */
export function MentionField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (username: string) => void;
  error?: string | undefined;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const query = useDebounced(value.replace(/^@/, '').trim(), SEARCH_DELAY_MS);
  const [{ data }] = useQuery({ query: MentionSuggestionsQuery, variables: { query }, pause: query === '' });
  const suggestions = (open && query !== '' ? (data?.searchAccounts ?? []) : []).filter(
    (user) => user.username !== value,
  );
  const shown = suggestions.length > 0;
  const highlighted = Math.min(active, suggestions.length - 1);

  const choose = (username: string) => {
    onChange(username);
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (!shown) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const delta = event.key === 'ArrowDown' ? 1 : -1;
      setActive((highlighted + delta + suggestions.length) % suggestions.length);
    } else if (event.key === 'Enter') {
      const user = suggestions[highlighted];
      if (user) choose(user.username);
    } else if (event.key === 'Escape') {
      setOpen(false);
    } else {
      return;
    }
    event.preventDefault();
  };

  return (
    <div className={styles.control}>
      <label htmlFor={id} className={styles.label}>
        Username
      </label>
      <input
        id={id}
        className="field"
        role="combobox"
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown ? `${listId}-${highlighted}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        maxLength={31}
        placeholder="@username"
        value={value}
        onChange={(event) => {
          onChange(event.target.value.replace(/^@/, ''));
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <div
        id={listId}
        role="listbox"
        aria-label="Account suggestions"
        className={styles.suggestions}
        hidden={!shown}
      >
        {suggestions.map((user, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard path is the input's arrows and Enter
          <div
            key={user.id}
            id={`${listId}-${index}`}
            role="option"
            tabIndex={-1}
            aria-selected={index === highlighted}
            className={styles.suggestion}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(user.username)}
          >
            <Avatar user={user} size={28} decorative />
            <span className={styles.suggestionText}>
              <strong>{user.username}</strong>
              <span className="muted">{user.displayName}</span>
            </span>
          </div>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
