import { useState } from 'react';
import { useQuery } from 'urql';
import { Link, useLocation } from 'wouter';
import { Icon } from '../../../components/Icon';
import { Picture } from '../../../components/Picture';
import { PageSkeleton } from '../../../components/Skeleton';
import { graphql, readFragment } from '../../../graphql';
import { errorMessage } from '../../../lib/errors';
import { useViewer } from '../../../lib/viewer';
import styles from './Highlights.module.css';
import { NewHighlightDialog } from './NewHighlightDialog';
import { HighlightStory_story, storyDate } from './queries';

const PAGE_SIZE = 24;

export const StoryArchiveQuery = graphql(
  `
  query StoryArchive($first: Int!, $after: String) {
    viewer {
      storyArchive(first: $first, after: $after) {
        edges { node { id ...HighlightStory_story } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`,
  [HighlightStory_story],
);

/**
 * /archive/stories: the viewer's stories past their 24 hours, newest first, only for them. Selecting
 * some and choosing New highlight keeps them on the profile as a highlight.
 */
export default function StoryArchivePage() {
  const [, navigate] = useLocation();
  const { viewer } = useViewer();
  const [after, setAfter] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [naming, setNaming] = useState(false);
  const [{ data, error, fetching }] = useQuery({
    query: StoryArchiveQuery,
    variables: { first: PAGE_SIZE, after },
    requestPolicy: 'cache-and-network',
  });
  const connection = data?.viewer?.storyArchive;
  if (!connection) return fetching ? <PageSkeleton /> : <p role="alert">{errorMessage(error)}</p>;
  const stories = connection.edges.map((edge) => edge.node);
  const chosen = selected.flatMap((id) => stories.filter((story) => story.id === id));

  const toggle = (id: string) =>
    setSelected((current) => (current.includes(id) ? current.filter((s) => s !== id) : [...current, id]));

  return (
    <div className={styles.page}>
      <header className={styles.archiveHeader}>
        {viewer && (
          <Link href={`/${viewer.username}`} className="icon-button" aria-label="Back to your profile">
            <Icon name="chevronLeft" />
          </Link>
        )}
        <h1 className={styles.archiveTitle}>Stories archive</h1>
        <button
          type="button"
          className="button"
          disabled={selected.length === 0}
          onClick={() => setNaming(true)}
        >
          New highlight{selected.length > 0 ? ` (${selected.length})` : ''}
        </button>
      </header>
      <p className="muted">
        Only you can see your archive. Select stories to keep them on your profile as a highlight.
      </p>
      {stories.length === 0 ? (
        <p className={styles.empty}>Your stories will show here after they disappear from your story.</p>
      ) : (
        <ul className={styles.archiveGrid} aria-label="Archived stories">
          {stories.map((data) => {
            const story = readFragment(HighlightStory_story, data);
            const date = storyDate(story.createdAt);
            const on = selected.includes(story.id);
            return (
              <li key={story.id}>
                <button
                  type="button"
                  className={`${styles.tile} ${on ? styles.tileSelected : ''}`}
                  aria-pressed={on}
                  onClick={() => toggle(story.id)}
                >
                  <span className="visually-hidden">
                    Story from {new Date(story.createdAt).toLocaleDateString('en-US', { dateStyle: 'long' })}
                  </span>
                  {story.image ? (
                    <Picture
                      image={story.image}
                      alt=""
                      sizes="(min-width: 736px) 200px, 33vw"
                      className={styles.fill}
                    />
                  ) : (
                    <span className={styles.fill} />
                  )}
                  <span className={styles.date} aria-hidden="true">
                    <span className={styles.day}>{date.day}</span>
                    <span>{date.month}</span>
                    {date.year && <span>{date.year}</span>}
                  </span>
                  <span className={`${styles.check} ${on ? styles.checkOn : ''}`} aria-hidden="true">
                    {on ? selected.indexOf(story.id) + 1 : ''}
                  </span>
                  {story.closeFriendsOnly && (
                    <span className={styles.closeFriendsBadge} aria-hidden="true">
                      <Icon name="star" size={10} filled />
                    </span>
                  )}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {connection.pageInfo.hasNextPage && (
        <button
          type="button"
          className={`button secondary ${styles.more}`}
          disabled={fetching}
          onClick={() => setAfter(connection.pageInfo.endCursor)}
        >
          Show more
        </button>
      )}
      {naming && chosen.length > 0 && (
        <NewHighlightDialog
          stories={chosen}
          onClose={() => setNaming(false)}
          onCreated={(username) => navigate(`/${username}`)}
        />
      )}
    </div>
  );
}
