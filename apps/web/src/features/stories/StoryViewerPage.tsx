import { useCallback, useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { useLocation } from 'wouter';
import { Icon } from '../../components/Icon';
import { Toasts } from '../../components/post/toast';
import { graphql } from '../../graphql';
import { StoryTrayQuery } from './queries';
import { StoryViewer, StoryViewer_story } from './StoryViewer';
import styles from './StoryViewer.module.css';
import { startIndex } from './StoryViewerNavigation';

const StoryViewerPageQuery = graphql(
  `
  query StoryViewerPage($username: String!) {
    user(username: $username) {
      id
      username
      viewerMutedPosts
      avatar { thumbhash sources { url width format } }
      stories { id viewerHasSeen viewerIsOwner ...StoryViewer_story }
    }
  }
`,
  [StoryViewer_story],
);

function openedInApp(): boolean {
  const state: unknown = window.history.state;
  return (
    typeof state === 'object' && state !== null && (state as Record<string, unknown>).storyOpener === true
  );
}

function Message({ text, onClose }: { text: string; onClose: () => void }) {
  return (
    <div className={styles.message}>
      <p>{text}</p>
      <button type="button" className="button" onClick={onClose}>
        Close
      </button>
    </div>
  );
}

/**
 * /stories/:username and /stories/:username/:storyId: an account's live stories, then the next accounts
 * in the tray's order. The address names the story shown (replaced as the viewer moves, so Back leaves
 * the viewer); without one, the account opens at its first unseen story.
 */
export default function StoryViewerPage({ username, storyId }: { username: string; storyId: string | null }) {
  const [, navigate] = useLocation();
  const [tray] = useQuery({ query: StoryTrayQuery });
  const [result] = useQuery({ query: StoryViewerPageQuery, variables: { username } });
  // The order is taken once: the tray reorders as stories are seen, and the viewer must not jump about.
  const [order, setOrder] = useState<readonly string[] | null>(null);
  const trayOrder = tray.data?.storyTray.map((entry) => entry.user.username);
  useEffect(() => {
    if (order === null && (trayOrder || tray.error)) setOrder(trayOrder ?? []);
  }, [order, trayOrder, tray.error]);

  const accounts = order ?? [];
  const nextUsername = accounts[accounts.indexOf(username) + 1];
  // The next account's stories load while this one's play.
  useQuery({
    query: StoryViewerPageQuery,
    variables: { username: nextUsername ?? '' },
    pause: !nextUsername || accounts.indexOf(username) < 0,
  });

  const user = result.data?.user ?? null;
  const stories = user?.stories ?? [];
  const index = stories.findIndex((story) => story.id === storyId);

  const show = useCallback(
    (account: string, id?: string) => {
      const path = id ? `/stories/${account}/${id}` : `/stories/${account}`;
      navigate(path, { replace: true, state: window.history.state });
    },
    [navigate],
  );

  const close = useCallback(() => {
    if (openedInApp()) window.history.back();
    else navigate('/', { replace: true });
  }, [navigate]);

  // No story named (opened from the tray or a profile), or one gone (expired, deleted): start afresh.
  const start = stories.length > 0 && index < 0 ? stories[startIndex(stories)]?.id : undefined;
  useEffect(() => {
    if (start) show(username, start);
  }, [start, show, username]);

  useEffect(() => {
    document.title = `Stories • ${username} • Glimpse`;
  }, [username]);

  const onDeleted = () => {
    const next = stories[index + 1] ?? stories[index - 1];
    if (next) show(username, next.id);
    else close();
  };

  let content: React.ReactNode;
  if (result.error && !result.data) content = <Message text="Couldn't load these stories." onClose={close} />;
  else if (result.data && !user) content = <Message text="This account isn't available." onClose={close} />;
  else if (result.data && stories.length === 0)
    content = <Message text={`${username} has no stories right now.`} onClose={close} />;
  else if (!result.data || index < 0 || order === null)
    content = (
      <p role="status" aria-live="polite" className={styles.message}>
        Loading stories…
      </p>
    );
  else if (user)
    content = (
      <StoryViewer
        key={user.id}
        owner={user}
        stories={stories}
        index={index}
        order={accounts}
        onStory={(i) => {
          const story = stories[i];
          if (story) show(username, story.id);
        }}
        onAccount={(account) => show(account)}
        onClose={close}
        onDeleted={onDeleted}
      />
    );

  return (
    <main className={styles.page} aria-label={`Stories by ${username}`}>
      {(!user || index < 0 || order === null) && (
        <button
          type="button"
          className={`icon-button ${styles.pageClose}`}
          aria-label="Close"
          onClick={close}
        >
          <Icon name="close" size={20} />
        </button>
      )}
      {content}
      <Toasts />
    </main>
  );
}
