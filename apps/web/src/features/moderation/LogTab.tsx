import { useQuery } from 'urql';
import { RelativeTime } from '../../components/RelativeTime';
import { PageSkeleton } from '../../components/Skeleton';
import { errorMessage } from '../../lib/errors';
import { ACTION_PAST, SUBJECT_LABEL } from './labels';
import styles from './Moderation.module.css';
import { ModerationLogQuery } from './queries';

const LOG_PAGE = 50;

/** The audit log: every moderator action, newest first. */
export function LogTab() {
  const [{ data, error, fetching }] = useQuery({
    query: ModerationLogQuery,
    variables: { first: LOG_PAGE },
    requestPolicy: 'cache-and-network',
  });
  if (!data) return fetching ? <PageSkeleton /> : <p role="alert">{errorMessage(error)}</p>;
  const entries = data.moderationLog.edges.map((edge) => edge.node);
  if (entries.length === 0) return <p className={styles.empty}>No moderator has acted yet.</p>;
  return (
    <ol className={styles.log} aria-label="Audit log">
      {entries.map((entry) => (
        <li key={entry.id}>
          <p>
            <span className={styles.strong}>{entry.moderator?.username ?? 'Glimpse'}</span>{' '}
            {ACTION_PAST[entry.action] ?? entry.action.toLowerCase()}{' '}
            {entry.subject === 'ACCOUNT' ? (
              <span className={styles.strong}>{entry.target.username}</span>
            ) : (
              <>
                a {SUBJECT_LABEL[entry.subject]?.toLowerCase()} by{' '}
                <span className={styles.strong}>{entry.target.username}</span>
              </>
            )}
          </p>
          {entry.note && <p className="muted">“{entry.note}”</p>}
          <p className={styles.meta}>
            <RelativeTime iso={entry.createdAt} long />
          </p>
        </li>
      ))}
    </ol>
  );
}
