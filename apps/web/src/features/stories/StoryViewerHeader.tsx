import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { Avatar } from '../../components/Avatar';
import { Icon } from '../../components/Icon';
import { RelativeTime } from '../../components/RelativeTime';
import { keepPointer } from './OverlaysShared';
import styles from './StoryViewer.module.css';

/**
 * One bar per story of the account: full for those before, filling for the one shown (a CSS animation
 * as long as the story, paused with it), empty for those after.
 */
export function StoryProgress({
  storyIds,
  index,
  runKey,
  paused,
  durationMs,
}: {
  storyIds: readonly string[];
  index: number;
  /** Changes when the current story starts again, restarting its bar. */
  runKey: string;
  paused: boolean;
  durationMs: number;
}) {
  return (
    <div className={styles.progress}>
      <span className="visually-hidden">
        Story {index + 1} of {storyIds.length}
      </span>
      {storyIds.map((id, i) => {
        const state = i < index ? 'done' : i === index ? 'current' : 'pending';
        return (
          <span key={id} className={styles.segment} aria-hidden="true">
            <span
              key={state === 'current' ? runKey : state}
              className={`${styles.fill} ${styles[state] ?? ''}`}
              data-state={state}
              style={
                state === 'current'
                  ? {
                      animationDuration: `${durationMs}ms`,
                      animationPlayState: paused ? 'paused' : 'running',
                    }
                  : undefined
              }
            />
          </span>
        );
      })}
    </div>
  );
}

function PauseIcon({ paused }: { paused: boolean }) {
  return (
    <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24" fill="currentColor">
      {paused ? <path d="M7 4.5v15l12-7.5Z" /> : <path d="M6 4h4v16H6zM14 4h4v16h-4z" />}
    </svg>
  );
}

/** The account, the story's age, a close friends badge, and the pause, options and close buttons. */
export function StoryViewerHeader({
  owner,
  createdAt,
  closeFriendsOnly,
  paused,
  onTogglePause,
  menu,
  onClose,
}: {
  owner: Parameters<typeof Avatar>[0]['user'];
  createdAt: string;
  closeFriendsOnly: boolean;
  paused: boolean;
  onTogglePause: () => void;
  menu: ReactNode;
  onClose: () => void;
}) {
  return (
    <div className={styles.header}>
      <Link href={`/${owner.username}`} className={styles.owner} {...keepPointer}>
        <Avatar user={owner} size={32} decorative />
        <span className={styles.ownerName}>{owner.username}</span>
      </Link>
      <span className={styles.age}>
        <RelativeTime iso={createdAt} />
      </span>
      {closeFriendsOnly && (
        <span className={styles.closeFriends}>
          <Icon name="star" size={12} filled />
          Close friends
        </span>
      )}
      <span className={styles.actions}>
        <button
          type="button"
          className="icon-button"
          aria-label={paused ? 'Play' : 'Pause'}
          onClick={onTogglePause}
          {...keepPointer}
        >
          <PauseIcon paused={paused} />
        </button>
        {menu}
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose} {...keepPointer}>
          <Icon name="close" size={20} />
        </button>
      </span>
    </div>
  );
}
