import { useId, useState } from 'react';
import { Link } from 'wouter';
import { Avatar } from '../../components/Avatar';
import { Dialog } from '../../components/Dialog';
import { RelativeTime } from '../../components/RelativeTime';
import { type FragmentOf, graphql, readFragment } from '../../graphql';
import { PollResultList } from './PollSticker';
import styles from './ViewersSheet.module.css';

/** How many viewers the sheet lists (the API's largest page). */
export const VIEWERS_PAGE = 50;

export const ViewersSheet_story = graphql(`
  fragment ViewersSheet_story on Story {
    id
    overlays { index kind question options }
    poll { counts total viewerVote }
    viewers(first: 50) {
      edges {
        seenAt
        node {
          id
          username
          displayName
          avatar { thumbhash sources { url width format } }
        }
      }
      pageInfo { hasNextPage }
    }
  }
`);

function EyeIcon() {
  return (
    <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24" fill="none">
      <path
        d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12Z"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinejoin="round"
      />
      <circle cx="12" cy="12" r="3" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

/**
 * The owner's "Seen by N" under their story, opening a sheet with the poll's results (when the story has
 * a poll) and who saw it, newest first. Both follow the story's activity live: the viewer subscribes to
 * storyActivity while the owner watches, and the cache updates this fragment.
 */
export function ViewersSheet({
  story: data,
  onOpenChange,
}: {
  story: FragmentOf<typeof ViewersSheet_story>;
  onOpenChange?: (open: boolean) => void;
}) {
  const story = readFragment(ViewersSheet_story, data);
  const [open, setOpen] = useState(false);
  const id = useId();
  const edges = story.viewers?.edges ?? [];
  const count = `${edges.length}${story.viewers?.pageInfo.hasNextPage ? '+' : ''}`;
  const poll = story.overlays.find((overlay) => overlay.kind === 'POLL');

  const toggle = (next: boolean) => {
    setOpen(next);
    onOpenChange?.(next);
  };

  return (
    <>
      <button type="button" className={styles.seenBy} onClick={() => toggle(true)} aria-haspopup="dialog">
        <span className={styles.faces} aria-hidden="true">
          {edges.slice(0, 3).map((edge) => (
            <Avatar key={edge.node.id} user={edge.node} size={22} decorative />
          ))}
        </span>
        <EyeIcon />
        <span>Seen by {count}</span>
      </button>
      {open && (
        <Dialog title="Story activity" onClose={() => toggle(false)}>
          {poll && story.poll && (
            <section className={styles.section} aria-labelledby={`${id}-poll`}>
              <h3 id={`${id}-poll`} className={styles.heading}>
                {poll.question ? `Poll: ${poll.question}` : 'Poll'}
              </h3>
              <div className={styles.poll}>
                <PollResultList options={poll.options ?? []} poll={story.poll} showTotal />
              </div>
            </section>
          )}
          <section className={styles.section} aria-labelledby={`${id}-viewers`}>
            <h3 id={`${id}-viewers`} className={styles.heading}>
              Viewers · {count}
            </h3>
            {edges.length === 0 ? (
              <p className={styles.empty}>No one has seen this story yet.</p>
            ) : (
              <ul className={styles.list} aria-label="Viewers">
                {edges.map((edge) => (
                  <li key={edge.node.id} className={styles.row}>
                    <Avatar user={edge.node} size={40} decorative />
                    <span className={styles.names}>
                      <Link href={`/${edge.node.username}`} className={styles.username}>
                        {edge.node.username}
                      </Link>
                      {edge.node.displayName && <span className="muted">{edge.node.displayName}</span>}
                    </span>
                    <span className={styles.time}>
                      <RelativeTime iso={edge.seenAt} />
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </Dialog>
      )}
    </>
  );
}
