import type { KeyboardEvent, ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import styles from './FeedTabs.module.css';
import { FEED_VARIANTS, type FeedVariant } from './variants';

const PANEL_ID = 'feed-panel';
const tabId = (variant: FeedVariant) => `feed-tab-${variant}`;

/**
 * Home (ranked), Following (newest first) and Favorites, at the top of the feed column. Each is a link
 * to its own address, so Back and a reload keep the choice; arrow keys move between them.
 */
export function FeedTabs({ current, children }: { current: FeedVariant; children: ReactNode }) {
  const [, navigate] = useLocation();

  const onKeyDown = (event: KeyboardEvent) => {
    const index = FEED_VARIANTS.findIndex((v) => v.id === current);
    const last = FEED_VARIANTS.length - 1;
    const target =
      event.key === 'ArrowRight'
        ? (index + 1) % FEED_VARIANTS.length
        : event.key === 'ArrowLeft'
          ? (index + last) % FEED_VARIANTS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    const next = target === null ? undefined : FEED_VARIANTS[target];
    if (!next) return;
    event.preventDefault();
    if (next.id === current) return;
    navigate(next.href);
    requestAnimationFrame(() => document.getElementById(tabId(next.id))?.focus());
  };

  return (
    <>
      <div role="tablist" aria-label="Feeds" className={styles.tabs} onKeyDown={onKeyDown}>
        {FEED_VARIANTS.map((variant) => (
          <Link
            key={variant.id}
            id={tabId(variant.id)}
            href={variant.href}
            role="tab"
            aria-selected={variant.id === current}
            aria-controls={PANEL_ID}
            tabIndex={variant.id === current ? 0 : -1}
            className={`${styles.tab} ${variant.id === current ? styles.active : ''}`}
          >
            {variant.label}
          </Link>
        ))}
      </div>
      <div id={PANEL_ID} role="tabpanel" aria-labelledby={tabId(current)}>
        {children}
      </div>
    </>
  );
}
