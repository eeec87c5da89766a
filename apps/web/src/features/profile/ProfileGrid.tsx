import { Link } from 'wouter';
import { Icon } from '../../components/Icon';
import { Picture } from '../../components/Picture';
import { type FragmentOf, graphql, readFragment } from '../../graphql';
import { formatCount } from './format';
import styles from './ProfileGrid.module.css';
import { useLoadMoreOnScroll } from './useLoadMoreOnScroll';

export const ProfileGrid_post = graphql(`
  fragment ProfileGrid_post on Post {
    id
    status
    likeCount
    commentCount
    author { id username }
    media {
      id
      altText
      image { width height thumbhash dominantColor sources { url width format } }
    }
  }
`);

const COLUMNS = 3;

function Tile({ post: data, index }: { post: FragmentOf<typeof ProfileGrid_post>; index: number }) {
  const post = readFragment(ProfileGrid_post, data);
  const first = post.media[0];
  const alt = first?.altText || `Photo by ${post.author.username}`;
  const count = post.media.length;
  return (
    <li>
      <Link href={`/p/${post.id}`} className={styles.tile}>
        {first?.image ? (
          <Picture
            image={first.image}
            alt={alt}
            // Three columns of the 935px profile, or a third of a phone's width: the 320 or 640 source.
            sizes="(min-width: 736px) 309px, 33vw"
            priority={index < COLUMNS}
            className={styles.image}
          />
        ) : (
          <span className={styles.pending}>
            {post.status === 'FAILED' ? "Couldn't process" : 'Processing…'}
            <span className="visually-hidden">: {alt}</span>
          </span>
        )}
        {count > 1 && (
          <>
            <Icon name="carousel" size={20} className={styles.carousel} />
            <span className="visually-hidden">, {count} photos</span>
          </>
        )}
        <span className={styles.overlay} aria-hidden="true">
          <span>
            <Icon name="heart" filled size={20} /> {formatCount(post.likeCount)}
          </span>
          <span>
            <Icon name="comment" filled size={20} /> {formatCount(post.commentCount)}
          </span>
        </span>
      </Link>
    </li>
  );
}

/** Square thumbnails, three to a row, each opening its post; more load as the end comes into view. */
export function ProfileGrid({
  posts,
  label,
  hasMore,
  loading,
  onLoadMore,
}: {
  posts: readonly FragmentOf<typeof ProfileGrid_post>[];
  label: string;
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}) {
  const sentinel = useLoadMoreOnScroll(onLoadMore, hasMore && !loading);
  return (
    <>
      <ul className={styles.grid} aria-label={label}>
        {posts.map((post, index) => (
          <Tile key={readFragment(ProfileGrid_post, post).id} post={post} index={index} />
        ))}
      </ul>
      <div ref={sentinel} className={styles.sentinel}>
        {loading && (
          <span className={styles.spinner} role="status">
            <span className="visually-hidden">Loading more posts</span>
          </span>
        )}
      </div>
    </>
  );
}
