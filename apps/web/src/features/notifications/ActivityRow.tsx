import { useState } from 'react';
import { useMutation } from 'urql';
import { Link } from 'wouter';
import { Avatar } from '../../components/Avatar';
import { Picture } from '../../components/Picture';
import { RelativeTime } from '../../components/RelativeTime';
import { type FragmentOf, graphql, type ResultOf, readFragment } from '../../graphql';
import { errorMessage } from '../../lib/errors';
import { FollowButton } from '../profile/FollowButton';
import styles from './Activity.module.css';
import { ActivityRow_notification } from './fragments';
import { type NotificationKind, type Segment, sentenceSegments } from './sentence';
import { useStoryResponse } from './useStoryResponse';

// Only the id: profile/cache.ts answers these optimistically and takes the request out of the inbox.
const ApproveMutation = graphql(`
  mutation ActivityApproveFollowRequest($userId: ID!) {
    approveFollowRequest(userId: $userId) {
      id
    }
  }
`);

const DeclineMutation = graphql(`
  mutation ActivityDeclineFollowRequest($userId: ID!) {
    declineFollowRequest(userId: $userId) {
      id
    }
  }
`);

type Actor = ResultOf<typeof ActivityRow_notification>['actors'][number];

function Sentence({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((segment, i) =>
        segment.type === 'actor' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the segments of one sentence never reorder
          <Link key={i} href={`/${segment.username}`} className={styles.name}>
            {segment.username}
          </Link>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the segments of one sentence never reorder
          <span key={i} className={segment.type === 'quote' ? styles.quote : undefined}>
            {segment.text}
          </span>
        ),
      )}
    </>
  );
}

/** One face, or the two latest stacked (Instagram's grouped likes and follows). */
function Faces({ actors, count }: { actors: readonly Actor[]; count: number }) {
  const [first, second] = actors;
  if (!first) return null;
  if (count < 2 || !second) {
    return (
      // The same profile as the bold name beside it: one tab stop and one link for screen readers.
      <Link href={`/${first.username}`} className={styles.faces} tabIndex={-1} aria-hidden="true">
        <Avatar user={first} size={44} />
      </Link>
    );
  }
  return (
    <Link
      href={`/${first.username}`}
      className={`${styles.faces} ${styles.stack}`}
      tabIndex={-1}
      aria-hidden="true"
    >
      <span className={styles.back}>
        <Avatar user={second} size={32} decorative />
      </span>
      <span className={styles.front}>
        <Avatar user={first} size={32} />
      </span>
    </Link>
  );
}

/** Confirm or Delete a follow request in place: confirmed, it reads as a new follower with Follow back. */
function RequestActions({
  actor,
  onDone,
}: {
  actor: Actor;
  onDone: (outcome: 'confirmed' | 'deleted') => void;
}) {
  const [approval, approve] = useMutation(ApproveMutation);
  const [decline, del] = useMutation(DeclineMutation);
  const busy = approval.fetching || decline.fetching;
  const problem = approval.error ?? decline.error;
  return (
    <span className={styles.actions}>
      <button
        type="button"
        className={`button ${styles.action}`}
        disabled={busy}
        onClick={async () => {
          const result = await approve({ userId: actor.id });
          if (!result.error) onDone('confirmed');
        }}
      >
        Confirm
      </button>
      <button
        type="button"
        className={`button secondary ${styles.action}`}
        disabled={busy}
        onClick={async () => {
          const result = await del({ userId: actor.id });
          if (!result.error) onDone('deleted');
        }}
      >
        Delete
      </button>
      {problem && (
        <span className={styles.error} role="alert">
          {errorMessage(problem)}
        </span>
      )}
    </span>
  );
}

/**
 * One entry of the activity list: faces, the sentence with bold names and the time, and on the right
 * the post it is about, a Follow button, or Confirm and Delete for a follow request.
 */
export function ActivityRow({
  notification: data,
  highlighted,
}: {
  notification: FragmentOf<typeof ActivityRow_notification>;
  highlighted: boolean;
}) {
  const entry = readFragment(ActivityRow_notification, data);
  const [request, setRequest] = useState<'pending' | 'confirmed' | 'deleted'>('pending');
  const actor = entry.actors[0];
  const story = useStoryResponse(entry.kind, entry.subjectId, actor?.id);
  if (request === 'deleted' || !actor) return null;

  const kind: NotificationKind =
    entry.kind === 'FOLLOW_REQUEST' && request === 'confirmed' ? 'FOLLOW' : entry.kind;
  const segments = sentenceSegments({
    kind,
    actors: entry.actors,
    actorCount: entry.actorCount,
    commentText: entry.comment?.text,
    storyResponse: story.text,
  });
  const media = entry.post?.media[0];
  const single = entry.actorCount === 1;

  return (
    <li className={`${styles.row} ${highlighted ? styles.unread : ''}`}>
      <Faces actors={entry.actors} count={entry.actorCount} />
      <p className={styles.sentence}>
        <Sentence segments={segments} />{' '}
        <span className={styles.time}>
          <RelativeTime iso={entry.createdAt} />
        </span>
      </p>
      {entry.post ? (
        <Link href={`/p/${entry.post.id}`} className={styles.thumb} aria-label="View post">
          {media?.image && (
            <Picture image={media.image} alt={media.altText} sizes="44px" className={styles.thumbImage} />
          )}
        </Link>
      ) : story.image ? (
        <span className={styles.thumb}>
          <Picture
            image={story.image}
            alt={kind === 'STORY_MENTION' ? `${actor.username}'s story` : 'Your story'}
            sizes="44px"
            className={styles.thumbImage}
          />
        </span>
      ) : kind === 'FOLLOW' && single ? (
        <span className={styles.actions}>
          <FollowButton user={actor} compact />
        </span>
      ) : kind === 'FOLLOW_REQUEST' ? (
        <RequestActions actor={actor} onDone={setRequest} />
      ) : null}
    </li>
  );
}
