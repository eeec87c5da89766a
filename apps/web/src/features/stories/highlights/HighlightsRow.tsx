import { useState } from 'react';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { Picture } from '../../../components/Picture';
import { graphql } from '../../../graphql';
import styles from './Highlights.module.css';
import { HighlightViewer } from './HighlightViewer';
import { HighlightStory_story } from './queries';

export const ProfileHighlightsQuery = graphql(
  `
  query ProfileHighlights($username: String!) {
    user(username: $username) {
      id
      highlights {
        id
        title
        cover { width height thumbhash dominantColor sources { url width format } }
        stories { id ...HighlightStory_story }
      }
    }
  }
`,
  [HighlightStory_story],
);

/**
 * The circles under a profile's header: each highlight's cover and title, opening its stories; for the
 * owner a New circle first, which leads to the story archive to pick stories from.
 */
export function HighlightsRow({ username, isOwner }: { username: string; isOwner: boolean }) {
  const [{ data }] = useQuery({
    query: ProfileHighlightsQuery,
    variables: { username },
    requestPolicy: 'cache-and-network',
  });
  const [openId, setOpenId] = useState<string | null>(null);
  const highlights = data?.user?.highlights ?? [];
  const open = highlights.find((h) => h.id === openId);
  if (!isOwner && highlights.length === 0) return null;

  return (
    <>
      <ul className={styles.row} aria-label="Highlights">
        {highlights.map((highlight) => (
          <li key={highlight.id}>
            <button type="button" className={styles.circleButton} onClick={() => setOpenId(highlight.id)}>
              <span className={styles.circle}>
                {highlight.cover && (
                  <Picture image={highlight.cover} alt="" sizes="77px" className={styles.fill} />
                )}
              </span>
              <span className={styles.circleTitle}>{highlight.title}</span>
            </button>
          </li>
        ))}
        {isOwner && (
          <li>
            <Link href="/archive/stories" className={styles.circleButton}>
              <span className={`${styles.circle} ${styles.newCircle}`} aria-hidden="true">
                +
              </span>
              <span className={styles.circleTitle}>
                New<span className="visually-hidden"> highlight</span>
              </span>
            </Link>
          </li>
        )}
      </ul>
      {open && open.stories.length > 0 && (
        <HighlightViewer key={open.id} highlight={open} isOwner={isOwner} onClose={() => setOpenId(null)} />
      )}
    </>
  );
}
