import { useId, useState } from 'react';
import { Link } from 'wouter';
import { Avatar } from '../../components/Avatar';
import { Dialog } from '../../components/Dialog';
import { RelativeTime } from '../../components/RelativeTime';
import { type FragmentOf, graphql, readFragment } from '../../graphql';
import { PollResultList } from './PollSticker';
import styles from './ViewersSheet.module.css';

/** How many viewers, and of each kind of response, the sheet lists (the API's largest page). */
export const ACTIVITY_PAGE = 50;

/** One kind of response (replies, reactions or answers), newest first, with their authors. */
export const ViewersSheet_responses = graphql(`
  fragment ViewersSheet_responses on StoryResponseConnection {
    edges {
      node {
        id
        text
        createdAt
        user {
          id
          username
          avatar { thumbhash sources { url width format } }
        }
      }
    }
    pageInfo { hasNextPage }
  }
`);

/**
 * Everything the owner's sheet shows, in the story's one request. The viewer's storyActivity
 * subscription selects the whole story again, so every field here follows new activity live.
 */
export const ViewersSheet_story = graphql(
  `
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
    replies: responses(kind: REPLY, first: 50) { ...ViewersSheet_responses }
    reactions: responses(kind: REACTION, first: 50) { ...ViewersSheet_responses }
    answers: responses(kind: ANSWER, first: 50) { ...ViewersSheet_responses }
  }
`,
  [ViewersSheet_responses],
);

/** "12", or "50+" when there are more than the sheet fetched. */
const countOf = (shown: number, hasMore: boolean | undefined) => `${shown}${hasMore ? '+' : ''}`;

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
 * One kind of response as a section of the sheet, left out when there are none. Replies and answers
 * show their text under the author's name; reactions show the emoji large at the row's end.
 */
function ResponseSection({
  heading,
  label,
  responses: data,
  emoji = false,
}: {
  heading: string;
  label: string;
  responses: FragmentOf<typeof ViewersSheet_responses> | null;
  emoji?: boolean;
}) {
  const headingId = useId();
  const responses = readFragment(ViewersSheet_responses, data);
  const edges = responses?.edges ?? [];
  if (edges.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.heading}>
        {heading} · {countOf(edges.length, responses?.pageInfo.hasNextPage)}
      </h3>
      <ul className={styles.list} aria-label={label}>
        {edges.map(({ node }) => (
          <li key={node.id} className={styles.row}>
            <Avatar user={node.user} size={40} decorative />
            <span className={styles.names}>
              <Link href={`/${node.user.username}`} className={styles.username}>
                {node.user.username}
              </Link>
              {!emoji && <span className={styles.text}>{node.text}</span>}
            </span>
            {emoji ? (
              <span className={styles.emoji}>{node.text}</span>
            ) : (
              <span className={styles.time}>
                <RelativeTime iso={node.createdAt} />
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The owner's "Seen by N" under their story, opening a sheet with the poll's results (when the story has
 * a poll), the replies, reactions and question answers it received (direct messages don't exist yet, so
 * this is where the owner reads them), and who saw it, each newest first. All follow the story's activity
 * live: the viewer subscribes to storyActivity while the owner watches, and the cache updates this fragment.
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
  const count = countOf(edges.length, story.viewers?.pageInfo.hasNextPage);
  const poll = story.overlays.find((overlay) => overlay.kind === 'POLL');
  const question = story.overlays.find((overlay) => overlay.kind === 'QUESTION');

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
          <ResponseSection heading="Replies" label="Replies" responses={story.replies} />
          <ResponseSection heading="Reactions" label="Reactions" responses={story.reactions} emoji />
          {question && (
            <ResponseSection
              heading={question.question || 'Answers'}
              label="Answers"
              responses={story.answers}
            />
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
