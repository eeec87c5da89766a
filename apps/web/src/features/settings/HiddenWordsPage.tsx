import { type FormEvent, useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { PageSkeleton } from '../../components/Skeleton';
import { graphql } from '../../graphql';
import { errorMessage } from '../../lib/errors';
import styles from './Settings.module.css';
import { SettingsNav } from './SettingsNav';

export const HiddenWordsQuery = graphql(`
  query HiddenWords {
    viewer {
      hiddenWords { words useDefault }
      interactionsLimitedUntil
    }
  }
`);

const SetHiddenWordsMutation = graphql(`
  mutation SetHiddenWords($words: [String!]!, $useDefault: Boolean!) {
    setHiddenWords(words: $words, useDefault: $useDefault) { words useDefault }
  }
`);

const LimitInteractionsMutation = graphql(`
  mutation LimitInteractions($days: Int) {
    limitInteractions(days: $days)
  }
`);

/** The server's limits: 500 words, 60 characters each. */
const MAX_WORDS = 500;
const MAX_LENGTH = 60;
const LIMIT_DAYS = [1, 3, 7, 14, 28] as const;

const formatUntil = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "a, b ,c" → the new words, trimmed, without ones already listed (case aside). */
function newWords(input: string, current: readonly string[]): string[] {
  const seen = new Set(current.map((word) => word.toLowerCase()));
  const words: string[] = [];
  for (const part of input.split(',')) {
    const word = part.trim().replace(/\s+/g, ' ');
    if (!word || seen.has(word.toLowerCase())) continue;
    seen.add(word.toLowerCase());
    words.push(word);
  }
  return words;
}

/**
 * /accounts/hidden-words: comments on the viewer's posts that contain offensive phrases (Glimpse's list)
 * or the viewer's own words wait for approval; and a limit on who can comment for a few days.
 */
export default function HiddenWordsPage() {
  const [{ data, error, fetching }] = useQuery({
    query: HiddenWordsQuery,
    requestPolicy: 'cache-and-network',
  });
  const [saveResult, save] = useMutation(SetHiddenWordsMutation);
  const [limitResult, limit] = useMutation(LimitInteractionsMutation);
  const [draft, setDraft] = useState('');
  const [draftError, setDraftError] = useState('');
  const [days, setDays] = useState<(typeof LIMIT_DAYS)[number]>(7);
  const ids = useId();
  const viewer = data?.viewer;

  if (!viewer) return fetching ? <PageSkeleton /> : <p role="alert">{errorMessage(error)}</p>;

  const { words, useDefault } = viewer.hiddenWords;
  const until = viewer.interactionsLimitedUntil;
  const limited = until !== null && Date.parse(until) > Date.now();

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const added = newWords(draft, words);
    if (added.some((word) => word.length > MAX_LENGTH)) {
      setDraftError(`Each word or phrase can be at most ${MAX_LENGTH} characters.`);
      return;
    }
    if (words.length + added.length > MAX_WORDS) {
      setDraftError(`You can hide at most ${MAX_WORDS} words and phrases.`);
      return;
    }
    setDraftError('');
    if (added.length === 0) {
      setDraft('');
      return;
    }
    const result = await save({ words: [...words, ...added], useDefault });
    if (!result.error) setDraft('');
  };

  return (
    <div className={styles.page}>
      <SettingsNav />
      <h1 className={styles.title}>Hidden words</h1>

      <section className={styles.card} aria-labelledby={`${ids}-offensive`}>
        <h2 id={`${ids}-offensive`} className={styles.cardTitle}>
          Offensive words and phrases
        </h2>
        <div className={styles.switchRow}>
          <label htmlFor={`${ids}-default`} className={styles.fieldLabel}>
            Hide offensive comments
          </label>
          <input
            id={`${ids}-default`}
            type="checkbox"
            role="switch"
            className={styles.switch}
            checked={useDefault}
            aria-checked={useDefault}
            disabled={saveResult.fetching}
            aria-describedby={`${ids}-default-hint`}
            onChange={(e) => void save({ words: [...words], useDefault: e.target.checked })}
          />
        </div>
        <p id={`${ids}-default-hint`} className="muted">
          Comments on your posts that may be offensive wait for your approval, seen only by you and the person
          who wrote them.
        </p>
      </section>

      <section className={styles.card} aria-labelledby={`${ids}-custom`}>
        <h2 id={`${ids}-custom`} className={styles.cardTitle}>
          Custom words and phrases
        </h2>
        <p className="muted">
          Comments on your posts that contain these words or phrases are hidden until you approve them.
          Separate several with commas.
        </p>
        <form className={styles.wordForm} onSubmit={add}>
          <label htmlFor={`${ids}-add`} className="visually-hidden">
            Add a word or phrase
          </label>
          <input
            id={`${ids}-add`}
            className={`field ${styles.wordInput}`}
            placeholder="Add a word or phrase"
            value={draft}
            aria-invalid={draftError ? true : undefined}
            aria-describedby={draftError ? `${ids}-add-error` : undefined}
            onChange={(e) => setDraft(e.target.value)}
          />
          <button type="submit" className="button" disabled={!draft.trim() || saveResult.fetching}>
            Add
          </button>
        </form>
        {draftError && (
          <p id={`${ids}-add-error`} className="field-error" role="alert">
            {draftError}
          </p>
        )}
        {words.length > 0 ? (
          <ul className={styles.words} aria-label="Your hidden words">
            {words.map((word) => (
              <li key={word} className={styles.word}>
                <span className={styles.wordText}>{word}</span>
                <button
                  type="button"
                  className="button secondary"
                  disabled={saveResult.fetching}
                  onClick={() => void save({ words: words.filter((w) => w !== word), useDefault })}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">You haven't added any words yet.</p>
        )}
        {saveResult.error && (
          <p className={styles.dangerText} role="alert">
            {errorMessage(saveResult.error)}
          </p>
        )}
      </section>

      <section className={styles.card} aria-labelledby={`${ids}-limit`}>
        <div className={styles.switchRow}>
          <div>
            <h2 id={`${ids}-limit`} className={styles.cardTitle}>
              Limit interactions
            </h2>
            <p className="muted">
              For a while, only people who have followed you for more than a week can comment on your posts.
            </p>
          </div>
          <span className={`${styles.badge} ${limited ? styles.badgeOn : ''}`}>{limited ? 'On' : 'Off'}</span>
        </div>
        {limited && until ? (
          <>
            <p className={styles.codesLeft}>
              Limited until <time dateTime={until}>{formatUntil(until)}</time>
            </p>
            <div className={styles.row}>
              <button
                type="button"
                className={`button secondary ${styles.dangerText}`}
                disabled={limitResult.fetching}
                onClick={() => void limit({ days: null })}
              >
                Turn off limits
              </button>
            </div>
          </>
        ) : (
          <>
            <fieldset className={styles.choices}>
              <legend className={styles.fieldLabel}>Limit for</legend>
              {LIMIT_DAYS.map((n) => (
                <label key={n} className={styles.choice}>
                  <input
                    type="radio"
                    name={`${ids}-days`}
                    value={n}
                    checked={days === n}
                    onChange={() => setDays(n)}
                  />
                  {n === 1 ? '1 day' : `${n} days`}
                </label>
              ))}
            </fieldset>
            <div className={styles.row}>
              <button
                type="button"
                className="button"
                disabled={limitResult.fetching}
                onClick={() => void limit({ days })}
              >
                Turn on limits
              </button>
            </div>
          </>
        )}
        {limitResult.error && (
          <p className={styles.dangerText} role="alert">
            {errorMessage(limitResult.error)}
          </p>
        )}
      </section>
    </div>
  );
}
