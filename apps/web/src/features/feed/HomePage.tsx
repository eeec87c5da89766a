import { useState, useSyncExternalStore } from 'react';
import { useSearch } from 'wouter';
import { useViewer } from '../../lib/viewer';
import { StoryTray } from '../stories/StoryTray';
import { Feed } from './Feed';
import { FeedTabs } from './FeedTabs';
import styles from './HomePage.module.css';
import { Suggestions, ViewerRow } from './Suggestions';
import { variantOf } from './variants';

const WIDE = '(min-width: 1160px)';

function useWideScreen(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const query = window.matchMedia?.(WIDE);
      query?.addEventListener('change', onChange);
      return () => query?.removeEventListener('change', onChange);
    },
    () => window.matchMedia?.(WIDE).matches ?? false,
    () => false,
  );
}

/**
 * The home page: the feed switch (Home ranked for the viewer, Following newest first, Favorites) over
 * the chosen feed, and "Suggested for you" beside it on wide screens (or in the feed, when it is empty).
 */
export default function HomePage() {
  const { viewer } = useViewer();
  const wide = useWideScreen();
  const variant = variantOf(useSearch());
  const [suggestionsInFeed, setSuggestionsInFeed] = useState(false);

  return (
    <div className={styles.page}>
      <h1 className="visually-hidden">Home</h1>
      <div className={styles.feed}>
        <StoryTray />
        <FeedTabs current={variant}>
          {/* Each variant is its own list, with its own pages, place and impressions. */}
          <Feed key={variant} variant={variant} onSuggestions={setSuggestionsInFeed} />
        </FeedTabs>
      </div>
      {wide && viewer && (
        <aside className={styles.aside} aria-label="Your account and suggestions">
          <ViewerRow viewer={viewer} />
          {!suggestionsInFeed && <Suggestions limit={5} variant="aside" />}
          <p className={styles.footer}>© {new Date().getFullYear()} Glimpse</p>
        </aside>
      )}
    </div>
  );
}
