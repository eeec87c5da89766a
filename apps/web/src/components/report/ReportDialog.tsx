import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../graphql';
import { errorMessage, fieldErrorsOf } from '../../lib/errors';
import { Dialog } from '../Dialog';
import styles from './ReportDialog.module.css';
import { REPORT_REASONS, type ReportReason } from './reasons';

const ReportMutation = graphql(`
  mutation Report($input: ReportInput!) {
    report(input: $input)
  }
`);

export type ReportSubject = 'POST' | 'COMMENT' | 'ACCOUNT';

const NOUN: Record<ReportSubject, string> = { POST: 'post', COMMENT: 'comment', ACCOUNT: 'account' };
const DETAILS_MAX = 500;

/**
 * Instagram's report flow in one dialog: why (a list of reasons), anything to add (optional), then a
 * thank-you. Nobody is told who reported them.
 */
export function ReportDialog({
  subject,
  id,
  onClose,
}: {
  subject: ReportSubject;
  id: string;
  onClose: () => void;
}) {
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [details, setDetails] = useState('');
  const [result, report] = useMutation(ReportMutation);
  const noun = NOUN[subject];
  const errors = fieldErrorsOf(result.error);
  const general = result.error && !errors.details ? errorMessage(result.error) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason) return;
    await report({ input: { subject, id, reason, details: details.trim() || null } });
  };

  if (result.data?.report) {
    return (
      <Dialog title="Report" onClose={onClose}>
        <div className={styles.done}>
          <svg aria-hidden="true" viewBox="0 0 48 48" width="48" height="48" className={styles.check}>
            <circle cx="24" cy="24" r="22" fill="none" stroke="currentColor" strokeWidth="2" />
            <path d="m15 24.5 6 6 12-13" fill="none" stroke="currentColor" strokeWidth="2.5" />
          </svg>
          <p className={styles.doneTitle} role="status">
            Thanks for letting us know
          </p>
          <p className={styles.text}>
            Your feedback is important in helping us keep the Glimpse community safe. Moderators will look at
            this {noun}; we won't tell anyone you reported it.
          </p>
          <button type="button" className={`button ${styles.close}`} onClick={onClose}>
            Close
          </button>
        </div>
      </Dialog>
    );
  }

  if (reason) {
    const label = REPORT_REASONS.find((r) => r.reason === reason)?.label;
    return (
      <Dialog title="Report" onClose={onClose}>
        <form className={styles.details} onSubmit={submit} noValidate>
          <p className={styles.chosen}>
            <span className="muted">Reason:</span> {label}
          </p>
          <label htmlFor="report-details" className={styles.label}>
            Anything else we should know? (optional)
          </label>
          <textarea
            id="report-details"
            className={`field ${styles.textarea}`}
            rows={4}
            maxLength={DETAILS_MAX}
            value={details}
            aria-invalid={errors.details ? true : undefined}
            aria-describedby={errors.details ? 'report-details-error' : undefined}
            onChange={(e) => setDetails(e.target.value)}
          />
          {errors.details && (
            <p id="report-details-error" className="field-error" role="alert">
              {errors.details}
            </p>
          )}
          {general && (
            <p className="field-error" role="alert">
              {general}
            </p>
          )}
          <div className={styles.buttons}>
            <button type="button" className="button secondary" onClick={() => setReason(null)}>
              Back
            </button>
            <button type="submit" className="button" disabled={result.fetching}>
              {result.fetching ? 'Sending…' : 'Submit report'}
            </button>
          </div>
        </form>
      </Dialog>
    );
  }

  return (
    <Dialog title="Report" onClose={onClose}>
      <h3 className={styles.question}>Why are you reporting this {noun}?</h3>
      <ul className={styles.reasons}>
        {REPORT_REASONS.map((r) => (
          <li key={r.reason}>
            <button type="button" onClick={() => setReason(r.reason)}>
              <span>{r.label}</span>
              <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16">
                <path d="m9 5 7 7-7 7" fill="none" stroke="currentColor" strokeWidth="2" />
              </svg>
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
