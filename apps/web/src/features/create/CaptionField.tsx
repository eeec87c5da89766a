import { type KeyboardEvent, useId, useLayoutEffect, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { Avatar } from '../../components/Avatar';
import { graphql } from '../../graphql';
import { useDebounced } from '../../lib/useDebounced';
import { type CaretToken, characterCount, insertChoice, tokenAtCaret } from './autocomplete';
import styles from './CaptionField.module.css';

export const CAPTION_MAX = 2200;
const SEARCH_DELAY_MS = 150;

const AccountSuggestionsQuery = graphql(`
  query CaptionAccountSuggestions($query: String!) {
    searchAccounts(query: $query, first: 6) {
      id
      username
      displayName
      avatar { thumbhash sources { url width format } }
    }
  }
`);

const HashtagSuggestionsQuery = graphql(`
  query CaptionHashtagSuggestions($query: String!) {
    searchHashtags(query: $query, first: 6) {
      name
      postCount
    }
  }
`);

interface Suggestion {
  key: string;
  /** Inserted after the trigger. */
  value: string;
  detail: string;
  avatar?: { username: string; avatar: Parameters<typeof Avatar>[0]['user']['avatar'] };
}

function useSuggestions(token: CaretToken | null): Suggestion[] {
  const search = useDebounced(token ? `${token.trigger}${token.query}` : '', SEARCH_DELAY_MS);
  const trigger = search.slice(0, 1);
  const query = search.slice(1);
  const [accounts] = useQuery({
    query: AccountSuggestionsQuery,
    variables: { query },
    pause: trigger !== '@' || query === '',
  });
  const [hashtags] = useQuery({
    query: HashtagSuggestionsQuery,
    variables: { query },
    pause: trigger !== '#' || query === '',
  });
  if (!token || token.query === '') return [];
  if (token.trigger === '@') {
    return (accounts.data?.searchAccounts ?? []).map((user) => ({
      key: user.id,
      value: user.username,
      detail: user.displayName,
      avatar: user,
    }));
  }
  return (hashtags.data?.searchHashtags ?? []).map((tag) => ({
    key: tag.name,
    value: tag.name,
    detail: `${tag.postCount.toLocaleString('en-US')} ${tag.postCount === 1 ? 'post' : 'posts'}`,
  }));
}

/**
 * The caption box, with a live character count and suggestions for the #hashtag or @mention at the
 * caret. The textarea keeps its textbox role (a textarea may not be a combobox in ARIA); it owns the
 * suggestion list through aria-controls and aria-activedescendant, so arrow keys move through the
 * list while focus stays in the text, and Enter or Tab inserts the highlighted one.
 */
export function CaptionField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}) {
  const id = useId();
  const listId = `${id}-suggestions`;
  const countId = `${id}-count`;
  const errorId = `${id}-error`;
  const ref = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState<number | null>(null);
  const [highlight, setHighlight] = useState({ token: '', index: 0 });
  const [dismissed, setDismissed] = useState<number | null>(null);
  const pendingCaret = useRef<number | null>(null);

  const found = caret === null ? null : tokenAtCaret(value, caret);
  const token = found && found.start !== dismissed ? found : null;
  const suggestions = useSuggestions(token);
  const open = token !== null && suggestions.length > 0;
  const tokenKey = token ? `${token.start}:${token.query}` : '';
  const active = highlight.token === tokenKey ? Math.min(highlight.index, suggestions.length - 1) : 0;
  const count = characterCount(value);

  useLayoutEffect(() => {
    const el = ref.current;
    if (el && pendingCaret.current !== null) {
      el.setSelectionRange(pendingCaret.current, pendingCaret.current);
      setCaret(pendingCaret.current);
      pendingCaret.current = null;
    }
  });

  const choose = (suggestion: Suggestion) => {
    if (!token) return;
    const next = insertChoice(value, token, suggestion.value);
    pendingCaret.current = next.caret;
    onChange(next.text);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const delta = event.key === 'ArrowDown' ? 1 : -1;
      const index = (active + delta + suggestions.length) % suggestions.length;
      setHighlight({ token: tokenKey, index });
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      const suggestion = suggestions[active];
      if (suggestion) choose(suggestion);
    } else if (event.key === 'Escape') {
      setDismissed(token.start);
    } else {
      return;
    }
    event.preventDefault();
  };

  const track = (el: HTMLTextAreaElement) => {
    setCaret(el.selectionStart === el.selectionEnd ? el.selectionStart : null);
  };

  const over = count > CAPTION_MAX;
  const describedBy = [countId, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={styles.field}>
      <label htmlFor={id} className="visually-hidden">
        Write a caption…
      </label>
      <textarea
        ref={ref}
        id={id}
        className={styles.textarea}
        placeholder="Write a caption…"
        rows={6}
        value={value}
        aria-invalid={error || over ? true : undefined}
        aria-describedby={describedBy}
        aria-autocomplete="list"
        aria-controls={listId}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        onChange={(event) => {
          onChange(event.target.value);
          setDismissed(null);
          track(event.target);
        }}
        onSelect={(event) => track(event.currentTarget)}
        onKeyDown={onKeyDown}
        onBlur={() => setCaret(null)}
      />
      <div
        id={listId}
        role="listbox"
        aria-label={token?.trigger === '#' ? 'Hashtag suggestions' : 'Account suggestions'}
        className={styles.suggestions}
        hidden={!open}
      >
        {open &&
          suggestions.map((suggestion, index) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard path is the textarea's arrow keys and Enter
            <div
              key={suggestion.key}
              // Reached through the textarea's aria-activedescendant, never by Tab.
              tabIndex={-1}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={styles.option}
              // Keeps focus (and the caret) in the textarea while a pointer picks a suggestion.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(suggestion)}
            >
              {suggestion.avatar ? (
                <Avatar user={suggestion.avatar} size={32} />
              ) : (
                <span className={styles.hash} aria-hidden="true">
                  #
                </span>
              )}
              <span className={styles.optionText}>
                <span className={styles.optionValue}>
                  {token?.trigger === '#' ? `#${suggestion.value}` : suggestion.value}
                </span>
                <span className={styles.optionDetail}>{suggestion.detail}</span>
              </span>
            </div>
          ))}
      </div>
      <p className="visually-hidden" role="status">
        {open
          ? `${suggestions.length} ${suggestions.length === 1 ? 'suggestion' : 'suggestions'}. Use the up and down arrows to choose, Enter to insert.`
          : ''}
      </p>
      <p id={countId} className={`${styles.count} ${over ? styles.over : ''}`}>
        <span className="visually-hidden">Characters used: </span>
        {count.toLocaleString('en-US')}/{CAPTION_MAX.toLocaleString('en-US')}
      </p>
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
