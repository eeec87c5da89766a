import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link } from 'wouter';
import { RelativeTime } from '../../components/RelativeTime';
import { PageSkeleton } from '../../components/Skeleton';
import { graphql, type ResultOf } from '../../graphql';
import { errorMessage } from '../../lib/errors';
import { ACTION_PAST, SUBJECT_LABEL } from './labels';
import styles from './Moderation.module.css';
import { OpenAppealsQuery } from './queries';

const DecideAppealMutation = graphql(`
  mutation DecideAppeal($id: ID!, $grant: Boolean!, $note: String) {
    decideAppeal(id: $id, grant: $grant, note: $note) { id status decisionNote }
  }
`);

type Appeal = ResultOf<typeof OpenAppealsQuery>['openAppeals'][number];

function AppealCard({ appeal }: { appeal: Appeal }) {
  const [note, setNote] = useState('');
  const [result, decide] = useMutation(DecideAppealMutation);
  const { action } = appeal;
  const noteId = `appeal-note-${appeal.id}`;
  const titleId = `appeal-${appeal.id}`;

  const submit = (grant: boolean) => async (event?: FormEvent) => {
    event?.preventDefault();
    await decide({ id: appeal.id, grant, note: note.trim() || null });
  };

  return (
    <article className={styles.case} aria-labelledby={titleId}>
      <header className={styles.caseHeader}>
        <h2 id={titleId} className={styles.caseTitle}>
          Appeal from {action.target.username}
        </h2>
        <span className={styles.meta}>
          <RelativeTime iso={appeal.createdAt} long />
        </span>
      </header>
      <p>
        {action.moderator ? (
          <Link href={`/${action.moderator.username}`} className={styles.strong}>
            {action.moderator.username}
          </Link>
        ) : (
          'Glimpse'
        )}{' '}
        {ACTION_PAST[action.action] ?? action.action.toLowerCase()}{' '}
        {action.subject === 'ACCOUNT' ? 'the account' : `a ${SUBJECT_LABEL[action.subject]?.toLowerCase()}`}{' '}
        <RelativeTime iso={action.createdAt} long />
        {action.note && <span className="muted"> — “{action.note}”</span>}
      </p>
      <blockquote className={styles.comment}>
        <p className={styles.context}>Their appeal</p>
        <p>{appeal.text}</p>
      </blockquote>
      <form className={styles.confirm} onSubmit={submit(true)} noValidate>
        <label htmlFor={noteId} className={styles.fieldLabel}>
          Note to {action.target.username} (optional)
        </label>
        <textarea
          id={noteId}
          className={`field ${styles.textarea}`}
          rows={2}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        {result.error && (
          <p className="field-error" role="alert">
            {errorMessage(result.error)}
          </p>
        )}
        <div className={styles.actions}>
          <button type="submit" className="button" disabled={result.fetching}>
            Grant (undo the action)
          </button>
          <button
            type="button"
            className="button secondary"
            disabled={result.fetching}
            onClick={() => submit(false)()}
          >
            Deny
          </button>
        </div>
      </form>
    </article>
  );
}

/** Appeals waiting for a decision, oldest first: grant (undoes the action) or deny, with a note. */
export function AppealsTab() {
  const [{ data, error, fetching }] = useQuery({
    query: OpenAppealsQuery,
    requestPolicy: 'cache-and-network',
  });
  if (!data) return fetching ? <PageSkeleton /> : <p role="alert">{errorMessage(error)}</p>;
  if (data.openAppeals.length === 0) {
    return <p className={styles.empty}>No appeals are waiting for a decision.</p>;
  }
  return (
    <div className={styles.list}>
      {data.openAppeals.map((appeal) => (
        <AppealCard key={appeal.id} appeal={appeal} />
      ))}
    </div>
  );
}
