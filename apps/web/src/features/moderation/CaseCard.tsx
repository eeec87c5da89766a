import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { Link } from 'wouter';
import { Dialog } from '../../components/Dialog';
import { RelativeTime } from '../../components/RelativeTime';
import { reasonLabel } from '../../components/report/reasons';
import { type FragmentOf, graphql, readFragment } from '../../graphql';
import { errorMessage, fieldErrorsOf } from '../../lib/errors';
import { plural, SUBJECT_LABEL } from './labels';
import styles from './Moderation.module.css';

export const CaseCard_case = graphql(`
  fragment CaseCard_case on ModerationCase {
    id
    subject
    subjectId
    reportCount
    reasons
    firstReportedAt
    post { id caption status createdAt photoUrls }
    comment { id text createdAt }
    account { id username displayName isPrivate suspended createdAt priorActions }
    reports { id reason details createdAt reporter { id username } }
  }
`);

const ModerateMutation = graphql(`
  mutation Moderate($input: ModerateInput!) {
    moderate(input: $input) { id action subject subjectId note createdAt }
  }
`);

type Action = 'REMOVE' | 'WARN' | 'SUSPEND' | 'DISMISS';

/** What each action does, said before the moderator confirms it. */
function confirmation(action: Action, subject: string, username: string) {
  const noun = SUBJECT_LABEL[subject]?.toLowerCase() ?? 'content';
  switch (action) {
    case 'REMOVE':
      return {
        title: `Remove this ${noun}?`,
        text:
          subject === 'COMMENT'
            ? `The comment is deleted for everyone. ${username} is told and can ask for a review.`
            : `The post is hidden from everyone. ${username} is told and can ask for a review.`,
        button: 'Remove',
      };
    case 'WARN':
      return {
        title: `Warn ${username}?`,
        text: `Nothing is hidden. ${username} sees a warning in their account status.`,
        button: 'Warn',
      };
    case 'SUSPEND':
      return {
        title: `Suspend ${username}?`,
        text: `${username} is signed out and can't log in, and everything they made disappears until the suspension is lifted. Reports on all of their content close.`,
        button: 'Suspend',
      };
    case 'DISMISS':
      return {
        title: 'Dismiss these reports?',
        text: `The reports close with no action, and nobody is told.`,
        button: 'Dismiss',
      };
  }
}

function ConfirmAction({
  action,
  subject,
  id,
  username,
  onClose,
}: {
  action: Action;
  subject: string;
  id: string;
  username: string;
  onClose: () => void;
}) {
  const [note, setNote] = useState('');
  const [result, moderate] = useMutation(ModerateMutation);
  const text = confirmation(action, subject, username);
  const error = fieldErrorsOf(result.error).note ?? errorMessage(result.error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const res = await moderate({
      input: {
        subject: subject as 'POST' | 'COMMENT' | 'ACCOUNT',
        id,
        action,
        note: note.trim() || null,
      },
    });
    if (!res.error) onClose();
  };

  return (
    <Dialog title={text.title} onClose={onClose}>
      <form className={styles.confirm} onSubmit={submit} noValidate>
        <p className="muted">{text.text}</p>
        <label htmlFor="moderation-note" className={styles.fieldLabel}>
          Note (optional)
        </label>
        <textarea
          id="moderation-note"
          className={`field ${styles.textarea}`}
          rows={3}
          maxLength={500}
          placeholder="Why, for the log and the owner"
          value={note}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'moderation-note-error' : undefined}
          onChange={(e) => setNote(e.target.value)}
        />
        {error && (
          <p id="moderation-note-error" className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className={styles.buttons}>
          <button type="button" className="button secondary" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className={`button ${action === 'DISMISS' ? '' : styles.dangerButton}`}
            disabled={result.fetching}
          >
            {result.fetching ? 'Working…' : text.button}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/**
 * One case of the moderation queue: the reported post, comment or account in its context, who reported
 * it and why, and the actions, each confirmed with an optional note. Acting removes the card.
 */
export function CaseCard({ data }: { data: FragmentOf<typeof CaseCard_case> }) {
  const item = readFragment(CaseCard_case, data);
  const [pending, setPending] = useState<Action | null>(null);
  const { account, post, comment } = item;
  const actions: Action[] =
    item.subject === 'ACCOUNT' ? ['WARN', 'SUSPEND', 'DISMISS'] : ['REMOVE', 'WARN', 'SUSPEND', 'DISMISS'];
  const label = `Reported ${SUBJECT_LABEL[item.subject]?.toLowerCase()} by ${account.username}`;
  const titleId = `case-${item.id}`;

  return (
    <article className={styles.case} aria-labelledby={titleId}>
      <header className={styles.caseHeader}>
        <h2 id={titleId} className={styles.caseTitle}>
          {label}
        </h2>
        <span className={styles.count}>{plural(item.reportCount, 'report')}</span>
      </header>
      <p className={styles.meta}>
        First reported <RelativeTime iso={item.firstReportedAt} long />
      </p>

      <div className={styles.account}>
        <Link href={`/${account.username}`} className={styles.username}>
          {account.username}
        </Link>
        {account.displayName && <span className="muted">{account.displayName}</span>}
        <span className={styles.tags}>
          {account.isPrivate && <span className={styles.tag}>Private</span>}
          {account.suspended && <span className={`${styles.tag} ${styles.tagDanger}`}>Suspended</span>}
          <span className={styles.tag}>
            {account.priorActions === 0
              ? 'No earlier actions'
              : plural(account.priorActions, 'earlier action')}
          </span>
          <span className={styles.tag}>
            Joined <RelativeTime iso={account.createdAt} long />
          </span>
        </span>
      </div>

      {post && (
        <figure className={styles.post}>
          {post.photoUrls.length > 0 && (
            <div className={styles.photos} data-count={Math.min(post.photoUrls.length, 4)}>
              {post.photoUrls.slice(0, 4).map((url, i) => (
                <img
                  key={url}
                  src={url}
                  alt={`${i + 1} of ${post.photoUrls.length} in the ${item.subject === 'POST' ? 'reported' : 'commented'} post`}
                  loading="lazy"
                  width={160}
                  height={160}
                />
              ))}
            </div>
          )}
          <figcaption className={styles.caption}>
            {item.subject === 'COMMENT' && <span className={styles.context}>On this post: </span>}
            {post.caption || <span className="muted">No caption</span>}
            {post.status !== 'ready' && <span className={styles.tag}>{post.status}</span>}
          </figcaption>
        </figure>
      )}
      {comment && (
        <blockquote className={styles.comment}>
          <p className={styles.context}>Reported comment</p>
          <p>{comment.text}</p>
        </blockquote>
      )}

      <ul className={styles.reasons} aria-label="Reasons">
        {item.reasons.map((reason) => (
          <li key={reason} className={styles.reason}>
            {reasonLabel(reason)}
          </li>
        ))}
      </ul>

      <details className={styles.reports} open>
        <summary>Reports ({item.reports.length})</summary>
        <ul>
          {item.reports.map((report) => (
            <li key={report.id}>
              <span className={styles.strong}>{report.reporter ? report.reporter.username : 'Glimpse'}</span>
              {' · '}
              {reasonLabel(report.reason)}
              {' · '}
              <RelativeTime iso={report.createdAt} />
              {report.details && <p className={styles.details}>“{report.details}”</p>}
            </li>
          ))}
        </ul>
      </details>

      <div className={styles.actions}>
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            className={`button ${action === 'DISMISS' ? 'secondary' : action === 'WARN' ? 'secondary' : styles.dangerButton}`}
            onClick={() => setPending(action)}
          >
            {action === 'REMOVE'
              ? 'Remove'
              : action === 'WARN'
                ? 'Warn'
                : action === 'SUSPEND'
                  ? 'Suspend'
                  : 'Dismiss'}
          </button>
        ))}
      </div>

      {pending && (
        <ConfirmAction
          action={pending}
          subject={item.subject}
          id={item.subjectId}
          username={account.username}
          onClose={() => setPending(null)}
        />
      )}
    </article>
  );
}
