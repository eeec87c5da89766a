import { type PointerEvent, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useMutation, useSubscription } from 'urql';
import { Icon } from '../../components/Icon';
import { Picture } from '../../components/Picture';
import { type FragmentOf, graphql, readFragment } from '../../graphql';
import { Overlays_story, StoryOverlays } from './Overlays';
import styles from './StoryViewer.module.css';
import { StoryProgress, StoryViewerHeader } from './StoryViewerHeader';
import { StoryViewerMenu } from './StoryViewerMenu';
import {
  accountMove,
  gestureOf,
  HOLD_MS,
  type Move,
  nextMove,
  previousMove,
  tapSide,
} from './StoryViewerNavigation';
import { StoryViewerReply } from './StoryViewerReply';
import { PHOTO_STORY_MS, useStoryTimer } from './useStoryTimer';
import { ViewersSheet, ViewersSheet_story } from './ViewersSheet';

export const StoryViewer_story = graphql(
  `
  fragment StoryViewer_story on Story {
    id
    status
    createdAt
    closeFriendsOnly
    viewerHasSeen
    viewerIsOwner
    image { width height thumbhash dominantColor sources { url width format } }
    ...Overlays_story
    ...ViewersSheet_story
  }
`,
  [Overlays_story, ViewersSheet_story],
);

const MarkSeenMutation = graphql(`
  mutation MarkStoriesSeen($ids: [ID!]!) {
    markStoriesSeen(ids: $ids) { id viewerHasSeen }
  }
`);

/** The story again on every view, vote, answer, reaction or reply: the owner's viewers and results live. */
const StoryActivitySubscription = graphql(
  `
  subscription StoryActivity($storyId: ID!) {
    storyActivity(storyId: $storyId) { id ...StoryViewer_story }
  }
`,
  [StoryViewer_story],
);

export interface StoryOwner {
  id: string;
  username: string;
  viewerMutedPosts: boolean;
  avatar?: {
    thumbhash: string;
    sources: readonly { url: string; width: number; format: 'AVIF' | 'WEBP' | 'JPEG' }[];
  } | null;
}

function useDocumentHidden(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      document.addEventListener('visibilitychange', onChange);
      return () => document.removeEventListener('visibilitychange', onChange);
    },
    () => document.visibilityState === 'hidden',
    () => false,
  );
}

const isField = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/**
 * One account's stories, one at a time: the progress bars, the header, the photo with its overlays, and
 * the reply bar (or, for the owner, "Seen by"). A tap on the left third goes back and elsewhere goes on;
 * holding pauses and hides the chrome; a swipe sideways changes account and a swipe down closes. The
 * arrow keys move, Escape closes. Each story is marked seen as it shows.
 */
export function StoryViewer({
  owner,
  stories: data,
  index,
  order,
  onStory,
  onAccount,
  onClose,
  onDeleted,
}: {
  owner: StoryOwner;
  stories: readonly FragmentOf<typeof StoryViewer_story>[];
  index: number;
  /** The accounts, in the order the viewer moves through them. */
  order: readonly string[];
  onStory: (index: number) => void;
  onAccount: (username: string) => void;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const stories = readFragment(StoryViewer_story, data);
  const story = stories[Math.min(index, stories.length - 1)];
  const [held, setHeld] = useState(false);
  const [pausedByViewer, setPausedByViewer] = useState(false);
  const [typing, setTyping] = useState(false);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [loaded, setLoaded] = useState<string | null>(null);
  const [restarts, setRestarts] = useState(0);
  const hidden = useDocumentHidden();
  const canvas = useRef<HTMLDivElement>(null);
  const press = useRef<{ x: number; y: number; timer: ReturnType<typeof setTimeout> } | null>(null);
  const marked = useRef(new Set<string>());
  const [, markSeen] = useMutation(MarkSeenMutation);

  const storyId = story?.id ?? '';
  const ready = !story?.image || loaded === storyId;
  const paused = held || pausedByViewer || typing || dialogOpen || !ready || hidden;

  const apply = (move: Move) => {
    if (move.to === 'story') onStory(move.index);
    else if (move.to === 'account') onAccount(move.username);
    else if (move.to === 'close') onClose();
    else if (move.to === 'restart') setRestarts((n) => n + 1);
  };
  const next = () => apply(nextMove(order, owner.username, index, stories.length));
  const previous = () => apply(previousMove(order, owner.username, index));

  const runKey = `${storyId}:${restarts}`;
  useStoryTimer(runKey, paused, next, PHOTO_STORY_MS);

  // The photo counts as shown once loaded: only then does its time run, and is it marked seen.
  useEffect(() => {
    const box = canvas.current;
    if (!box || !storyId) return;
    const done = () => setLoaded(storyId);
    const img = box.querySelector('img');
    if (img?.complete && img.naturalWidth > 0) done();
    box.addEventListener('load', done, true);
    box.addEventListener('error', done, true);
    return () => {
      box.removeEventListener('load', done, true);
      box.removeEventListener('error', done, true);
    };
  }, [storyId]);

  useEffect(() => {
    if (!story || !ready || story.viewerIsOwner || story.viewerHasSeen || story.status !== 'READY') return;
    if (marked.current.has(story.id)) return;
    marked.current.add(story.id);
    void markSeen({ ids: [story.id] });
  }, [story, ready, markSeen]);

  useSubscription({
    query: StoryActivitySubscription,
    variables: { storyId },
    pause: !story?.viewerIsOwner,
  });

  const keys = useRef({ next, previous, onClose, dialogOpen });
  keys.current = { next, previous, onClose, dialogOpen };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const current = keys.current;
      if (current.dialogOpen || event.defaultPrevented || isField(event.target)) return;
      if (event.key === 'Escape') current.onClose();
      else if (event.key === 'ArrowRight') current.next();
      else if (event.key === 'ArrowLeft') current.previous();
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const pressDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    try {
      event.currentTarget.setPointerCapture(event.pointerId);
    } catch {
      // Not a pointer the page may capture (synthetic events in tests): the press still works.
    }
    const timer = setTimeout(() => setHeld(true), HOLD_MS);
    press.current = { x: event.clientX, y: event.clientY, timer };
  };

  const pressUp = (event: PointerEvent<HTMLDivElement>) => {
    const start = press.current;
    press.current = null;
    if (!start) return;
    clearTimeout(start.timer);
    if (held) {
      setHeld(false);
      return;
    }
    const gesture = gestureOf(event.clientX - start.x, event.clientY - start.y);
    if (gesture === 'swipeLeft') apply(accountMove(order, owner.username, 1));
    else if (gesture === 'swipeRight') apply(accountMove(order, owner.username, -1));
    else if (gesture === 'swipeDown') onClose();
    else if (gesture === 'tap') {
      const box = event.currentTarget.getBoundingClientRect();
      if (tapSide(event.clientX, box.left, box.width) === 'previous') previous();
      else next();
    }
  };

  const pressCancel = () => {
    if (press.current) clearTimeout(press.current.timer);
    press.current = null;
    setHeld(false);
  };

  if (!story) return null;

  return (
    <div
      className={`${styles.player} ${held ? styles.held : ''}`}
      onFocusCapture={(event) => {
        if (isField(event.target) || event.target.closest('[data-pauses-story]')) setTyping(true);
      }}
      onBlurCapture={() => setTyping(false)}
    >
      <button type="button" className={styles.arrow} aria-label="Previous story" onClick={previous}>
        <Icon name="chevronLeft" size={18} />
      </button>
      <div className={styles.frame}>
        <div ref={canvas} className={styles.canvas}>
          {/* biome-ignore lint/a11y/noStaticElementInteractions: taps and holds here have buttons and keys too (Previous story, Next story, Pause, the arrow keys) */}
          <div
            className={styles.surface}
            onPointerDown={pressDown}
            onPointerUp={pressUp}
            onPointerCancel={pressCancel}
            onContextMenu={(event) => event.preventDefault()}
          >
            {story.image ? (
              <Picture
                key={story.id}
                image={story.image}
                alt={`Story by ${owner.username}`}
                sizes="(max-width: 767px) 100vw, 480px"
                priority
                className={styles.photo}
              />
            ) : (
              <p className={styles.processing}>
                {story.status === 'FAILED' ? "This story couldn't be processed." : 'Processing…'}
              </p>
            )}
            <StoryOverlays story={story} />
          </div>
          <div className={styles.top}>
            <StoryProgress
              storyIds={stories.map((s) => s.id)}
              index={index}
              runKey={runKey}
              paused={paused}
              durationMs={PHOTO_STORY_MS}
            />
            <StoryViewerHeader
              owner={owner}
              createdAt={story.createdAt}
              closeFriendsOnly={story.closeFriendsOnly}
              paused={pausedByViewer}
              onTogglePause={() => setPausedByViewer((p) => !p)}
              onClose={onClose}
              menu={
                <StoryViewerMenu
                  storyId={story.id}
                  owner={owner}
                  isOwner={story.viewerIsOwner}
                  onOpenChange={setDialogOpen}
                  onMuted={() => apply(accountMove(order, owner.username, 1))}
                  onDeleted={onDeleted}
                />
              }
            />
          </div>
        </div>
        <div className={styles.bottom}>
          {story.viewerIsOwner ? (
            <ViewersSheet story={story} onOpenChange={setDialogOpen} />
          ) : (
            <StoryViewerReply key={story.id} storyId={story.id} username={owner.username} />
          )}
        </div>
      </div>
      <button type="button" className={styles.arrow} aria-label="Next story" onClick={next}>
        <Icon name="chevronRight" size={18} />
      </button>
    </div>
  );
}
