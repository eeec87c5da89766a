import { Link } from 'wouter';
import { type FragmentOf, graphql, readFragment } from '../../graphql';
import styles from './LikeSummary.module.css';

export const LikeSummary_post = graphql(`
  fragment LikeSummary_post on Post {
    id
    likeCount
    likePreview { id username viewerFollowState }
  }
`);

const number = new Intl.NumberFormat('en-US');

/** "1 like", "1,204 likes". */
export function likeCountText(count: number): string {
  return `${number.format(count)} ${count === 1 ? 'like' : 'likes'}`;
}

export type LikeSentence =
  | { kind: 'none' }
  | { kind: 'count'; text: string }
  | { kind: 'likedBy'; username: string; others: number; othersText: string | null };

/**
 * What to say about a post's likes. Like Instagram, a name is given only for someone the viewer
 * follows ("Liked by ana and 12 others"); otherwise it is the count.
 */
export function likeSentence(
  likeCount: number,
  preview: { username: string; viewerFollowState: string } | null | undefined,
): LikeSentence {
  if (likeCount <= 0) return { kind: 'none' };
  if (preview?.viewerFollowState !== 'FOLLOWING') {
    return { kind: 'count', text: likeCountText(likeCount) };
  }
  const others = likeCount - 1;
  const othersText = others === 0 ? null : `${number.format(others)} ${others === 1 ? 'other' : 'others'}`;
  return { kind: 'likedBy', username: preview.username, others, othersText };
}

/**
 * The line under the actions. In the feed it names a followed liker when there is one; on the post
 * page (`onOpenLikers`) it is always the count, as a button opening the "Likes" dialog.
 */
export function LikeSummary({
  post,
  onOpenLikers,
}: {
  post: FragmentOf<typeof LikeSummary_post>;
  onOpenLikers?: () => void;
}) {
  const data = readFragment(LikeSummary_post, post);
  if (onOpenLikers) {
    if (data.likeCount === 0) return <p className={styles.summary}>Be the first to like this</p>;
    return (
      <p className={styles.summary}>
        <button type="button" className={styles.count} onClick={onOpenLikers}>
          {likeCountText(data.likeCount)}
        </button>
      </p>
    );
  }
  const sentence = likeSentence(data.likeCount, data.likePreview);
  if (sentence.kind === 'none') return null;
  if (sentence.kind === 'count') {
    return (
      <p className={styles.summary}>
        <strong>{sentence.text}</strong>
      </p>
    );
  }
  return (
    <p className={styles.summary}>
      Liked by{' '}
      <Link href={`/${sentence.username}`} className={styles.name}>
        {sentence.username}
      </Link>
      {sentence.othersText && (
        <>
          {' '}
          and <strong>{sentence.othersText}</strong>
        </>
      )}
    </p>
  );
}
