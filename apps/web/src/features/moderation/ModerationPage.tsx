import { Link } from 'wouter';
import { usePagedQuery } from '../../components/post/usePagedQuery';
import { PageSkeleton } from '../../components/Skeleton';
import { errorMessage } from '../../lib/errors';
import { useViewer } from '../../lib/viewer';
import { AppealsTab } from './AppealsTab';
import { CaseCard } from './CaseCard';
import { LogTab } from './LogTab';
import styles from './Moderation.module.css';
import { ModerationQueueQuery, QUEUE_PAGE } from './queries';

const TABS = [
  { id: 'queue', label: 'Queue', href: '/admin/moderation' },
  { id: 'appeals', label: 'Appeals', href: '/admin/moderation/appeals' },
  { id: 'log', label: 'Log', href: '/admin/moderation/log' },
] as const;

type Tab = (typeof TABS)[number]['id'];
const PANEL_ID = 'moderation-panel';

function QueueTab() {
  const queue = usePagedQuery({
    query: ModerationQueueQuery,
    variables: { first: QUEUE_PAGE },
    pageInfo: (data) => data.moderationQueue.pageInfo,
    requestPolicy: 'cache-and-network',
  });
  if (!queue.data) return queue.fetching ? <PageSkeleton /> : <p role="alert">{errorMessage(queue.error)}</p>;
  const cases = queue.data.moderationQueue.edges;
  if (cases.length === 0) {
    return (
      <div className={styles.empty}>
        <h2 className={styles.emptyTitle}>You're all caught up</h2>
        <p>No open reports right now.</p>
      </div>
    );
  }
  return (
    <div className={styles.list}>
      {cases.map((edge) => (
        <CaseCard key={edge.node.id} data={edge.node} />
      ))}
      {queue.hasNextPage && (
        <button
          type="button"
          className="button secondary"
          disabled={queue.loadingMore}
          onClick={() => void queue.loadMore()}
        >
          {queue.loadingMore ? 'Loading…' : 'Load more'}
        </button>
      )}
    </div>
  );
}

/** /admin/moderation: the queue of reported content, the appeals and the audit log, for moderators. */
export default function ModerationPage({ tab }: { tab: string | null }) {
  const { isModerator } = useViewer();
  const current: Tab = tab === 'appeals' || tab === 'log' ? tab : 'queue';
  if (!isModerator) {
    return (
      <div className={styles.page}>
        <h1 className={styles.title}>Moderation</h1>
        <p role="alert">Only moderators can see this page.</p>
      </div>
    );
  }
  return (
    <div className={styles.page}>
      <h1 className={styles.title}>Moderation</h1>
      <div role="tablist" aria-label="Moderation" className={styles.tabs}>
        {TABS.map((t) => (
          <Link
            key={t.id}
            id={`moderation-tab-${t.id}`}
            href={t.href}
            role="tab"
            aria-selected={t.id === current}
            aria-controls={PANEL_ID}
            className={`${styles.tab} ${t.id === current ? styles.activeTab : ''}`}
          >
            {t.label}
          </Link>
        ))}
      </div>
      <div id={PANEL_ID} role="tabpanel" aria-labelledby={`moderation-tab-${current}`}>
        {current === 'queue' ? <QueueTab /> : current === 'appeals' ? <AppealsTab /> : <LogTab />}
      </div>
    </div>
  );
}
