import { type FormEvent, useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { RelativeTime } from '../../components/RelativeTime';
import { PageSkeleton } from '../../components/Skeleton';
import { graphql, type ResultOf } from '../../graphql';
import { errorMessage, fieldErrorsOf } from '../../lib/errors';
import { markNoticesSeen } from './noticesSeen';
import styles from './Settings.module.css';
import { SettingsNav } from './SettingsNav';

export const AccountStatusQuery = graphql(`
  query AccountStatus {
    viewer {
      moderationNotices {
        id
        action
        subject
        subjectId
        note
        createdAt
        canAppeal
        appeal { id status text createdAt decisionNote }
      }
    }
  }
`);

const AppealMutation = graphql(`
  mutation Appeal($actionId: ID!, $text: String!) {
    appeal(actionId: $actionId, text: $text) { id status text createdAt decisionNote }
  }
`);

type Notice = NonNullable<ResultOf<typeof AccountStatusQuery>['viewer']>['moderationNotices'][number];

const NOUN: Record<string, string> = { POST: 'post', COMMENT: 'comment', ACCOUNT: 'account' };

/** A notice's headline, in the words Instagram uses for its account status. */
function headline(notice: Notice): string {
  const noun = NOUN[notice.subject] ?? 'content';
  switch (notice.action) {
    case 'REMOVE':
      return `We removed your ${noun}`;
    case 'WARN':
      return notice.subject === 'ACCOUNT'
        ? 'Your account received a warning'
        : `Your ${noun} received a warning`;
    case 'SUSPEND':
      return 'Your account was suspended';
    case 'RESTORE':
      return `We restored your ${noun}`;
    case 'UNSUSPEND':
      return 'Your account is no longer suspended';
    default:
      return `We reviewed your ${noun}`;
  }
}

function explanation(notice: Notice): string {
  switch (notice.action) {
    case 'REMOVE':
      return `It goes against our community guidelines, so nobody else can see this ${NOUN[notice.subject] ?? 'content'} anymore.`;
    case 'WARN':
      return 'Nothing was removed, but content like this goes against our community guidelines.';
    case 'SUSPEND':
      return 'Your account went against our community guidelines.';
    default:
      return 'A moderator looked at this again.';
  }
}

const APPEAL_STATUS: Record<string, string> = {
  OPEN: 'In review: we will let you know what we decide.',
  GRANTED: 'Review complete: we reversed our decision.',
  DENIED: 'Review complete: we kept our decision.',
};

function AppealForm({ actionId, onCancel }: { actionId: string; onCancel: () => void }) {
  const [text, setText] = useState('');
  const [result, appeal] = useMutation(AppealMutation);
  const fieldId = `appeal-${actionId}`;
  const error = fieldErrorsOf(result.error).text ?? errorMessage(result.error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await appeal({ actionId, text: text.trim() });
  };

  return (
    <form className={styles.appealForm} onSubmit={submit} noValidate>
      <label htmlFor={fieldId} className={styles.fieldLabel}>
        Why do you think we made a mistake?
      </label>
      <textarea
        id={fieldId}
        className={`field ${styles.textarea}`}
        rows={3}
        maxLength={1000}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${fieldId}-error` : undefined}
        onChange={(e) => setText(e.target.value)}
      />
      {error && (
        <p id={`${fieldId}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className={styles.row}>
        <button type="button" className="button secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button" disabled={result.fetching || !text.trim()}>
          {result.fetching ? 'Sending…' : 'Submit'}
        </button>
      </div>
    </form>
  );
}

function NoticeItem({ notice }: { notice: Notice }) {
  const [appealing, setAppealing] = useState(false);
  const titleId = `notice-${notice.id}`;
  return (
    <li className={styles.notice} aria-labelledby={titleId}>
      <h2 id={titleId} className={styles.cardTitle}>
        {headline(notice)}
      </h2>
      <p className={styles.noticeTime}>
        <RelativeTime iso={notice.createdAt} long />
      </p>
      <p>{explanation(notice)}</p>
      {notice.note && (
        <p className={styles.note}>
          <span className="muted">Moderator's note:</span> {notice.note}
        </p>
      )}
      {notice.appeal ? (
        <div className={styles.appealStatus}>
          <p className={styles.strong}>You requested a review</p>
          <p className="muted">{APPEAL_STATUS[notice.appeal.status]}</p>
          {notice.appeal.decisionNote && <p className="muted">{notice.appeal.decisionNote}</p>}
        </div>
      ) : notice.canAppeal ? (
        appealing ? (
          <AppealForm actionId={notice.id} onCancel={() => setAppealing(false)} />
        ) : (
          <div className={styles.row}>
            <button type="button" className="button secondary" onClick={() => setAppealing(true)}>
              Request a review
            </button>
          </div>
        )
      ) : null}
    </li>
  );
}

/** /accounts/status: what moderators did about the viewer's account and content, and the way to appeal. */
export default function AccountStatusPage() {
  const [{ data, error, fetching }] = useQuery({
    query: AccountStatusQuery,
    requestPolicy: 'cache-and-network',
  });
  const notices = data?.viewer?.moderationNotices;
  const latest = notices?.[0]?.createdAt;

  useEffect(() => {
    if (latest) markNoticesSeen(latest);
  }, [latest]);

  if (!notices) return fetching ? <PageSkeleton /> : <p role="alert">{errorMessage(error)}</p>;
  return (
    <div className={styles.page}>
      <SettingsNav />
      <h1 className={styles.title}>Account status</h1>
      {notices.length === 0 ? (
        <section className={styles.card}>
          <h2 className={styles.cardTitle}>Your account is in good standing</h2>
          <p className="muted">You haven't posted anything that goes against our community guidelines.</p>
        </section>
      ) : (
        <ul className={styles.notices} aria-label="Notices">
          {notices.map((notice) => (
            <NoticeItem key={notice.id} notice={notice} />
          ))}
        </ul>
      )}
    </div>
  );
}
