import { Link } from 'wouter';
import type { ResultOf } from '../../graphql';
import styles from './FeedReason.module.css';
import type { HomeFeedQuery } from './queries';

type Reason = NonNullable<ResultOf<typeof HomeFeedQuery>['feed']['edges'][number]['reason']>;

/** Why a post from someone the viewer doesn't follow is in the feed: "Because you follow #name". */
export function FeedReason({ reason }: { reason: Reason }) {
  const hashtag = reason.hashtag?.name;
  if (reason.kind !== 'HASHTAG' || !hashtag) return null;
  return (
    <p className={styles.reason}>
      Because you follow{' '}
      <Link href={`/explore/tags/${encodeURIComponent(hashtag)}`} className={styles.hashtag}>
        #{hashtag}
      </Link>
    </p>
  );
}
