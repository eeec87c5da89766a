import { Link } from 'wouter';
import { Icon } from '../../components/Icon';
import { Picture } from '../../components/Picture';
import { type FragmentOf, graphql, readFragment } from '../../graphql';
import { formatCount } from '../profile/format';
import styles from './ExploreGrid.module.css';

export const ExploreTile_post = graphql(`
  fragment ExploreTile_post on Post {
    id
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

/** The history state a tile opens the similar-posts feed with: its back button then goes back here. */
export const OPENED_FROM_EXPLORE = { exploreOpener: true } as const;

/**
 * Instagram's Explore rhythm: blocks of five tiles over two rows, one of them tall, on the left in one
 * block and on the right in the next.
 */
function shapeOf(index: number): string | undefined {
  if (index % 5 !== 0) return undefined;
  return Math.floor(index / 5) % 2 === 0 ? styles.tallLeft : styles.tallRight;
}

function Tile({ post: data, index }: { post: FragmentOf<typeof ExploreTile_post>; index: number }) {
  const post = readFragment(ExploreTile_post, data);
  const first = post.media[0];
  const alt = first?.altText || `Photo by ${post.author.username}`;
  const count = post.media.length;
  const tall = index % 5 === 0;
  return (
    <li className={`${styles.cell} ${shapeOf(index) ?? ''}`}>
      <Link href={`/explore/p/${post.id}`} state={OPENED_FROM_EXPLORE} className={styles.tile}>
        {first?.image ? (
          <Picture
            image={first.image}
            alt={alt}
            // A third of the 935 px page, or of a phone; a tall tile is cropped from a photo twice as high.
            sizes={tall ? '(min-width: 736px) 620px, 67vw' : '(min-width: 736px) 309px, 33vw'}
            priority={index < 3}
            className={styles.image}
          />
        ) : (
          <span className="visually-hidden">{alt}</span>
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

/** The Explore grid: three columns, every fifth tile twice as tall, each tile opening posts like it. */
export function ExploreGrid({ posts }: { posts: readonly FragmentOf<typeof ExploreTile_post>[] }) {
  return (
    <ul className={styles.grid} aria-label="Explore posts">
      {posts.map((post, index) => (
        <Tile key={readFragment(ExploreTile_post, post).id} post={post} index={index} />
      ))}
    </ul>
  );
}

/** Grey tiles in the grid's shape while the first page loads. */
export function ExploreGridSkeleton() {
  return (
    <ul className={styles.grid} aria-hidden="true">
      {Array.from({ length: 10 }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <li key={index} className={`${styles.cell} ${styles.placeholder} ${shapeOf(index) ?? ''}`} />
      ))}
    </ul>
  );
}
