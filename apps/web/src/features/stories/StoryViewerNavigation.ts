/**
 * Where the story viewer goes next, as pure functions of the account order (the tray's, taken when the
 * viewer opened), the current account and the story shown in it.
 */

export type Move =
  | { to: 'story'; index: number }
  | { to: 'account'; username: string }
  | { to: 'restart' }
  | { to: 'stay' }
  | { to: 'close' };

function neighbour(order: readonly string[], username: string, delta: 1 | -1): string | null {
  const at = order.indexOf(username);
  if (at < 0) return null;
  return order[at + delta] ?? null;
}

/** On through the account's stories, then to the next account, then closed after the last one. */
export function nextMove(order: readonly string[], username: string, index: number, count: number): Move {
  if (index + 1 < count) return { to: 'story', index: index + 1 };
  const next = neighbour(order, username, 1);
  return next ? { to: 'account', username: next } : { to: 'close' };
}

/** Back through the account's stories, then to the previous account; the very first story starts again. */
export function previousMove(order: readonly string[], username: string, index: number): Move {
  if (index > 0) return { to: 'story', index: index - 1 };
  const previous = neighbour(order, username, -1);
  return previous ? { to: 'account', username: previous } : { to: 'restart' };
}

/** A swipe: to the next account (closing after the last) or the previous one (staying at the first). */
export function accountMove(order: readonly string[], username: string, direction: 1 | -1): Move {
  const other = neighbour(order, username, direction);
  if (other) return { to: 'account', username: other };
  return direction === 1 ? { to: 'close' } : { to: 'stay' };
}

/** An account opens at its first unseen story, or its first when all are seen (always, for one's own). */
export function startIndex(stories: readonly { viewerHasSeen: boolean; viewerIsOwner: boolean }[]): number {
  const unseen = stories.findIndex((story) => !story.viewerIsOwner && !story.viewerHasSeen);
  return unseen < 0 ? 0 : unseen;
}

/** A tap in the left third goes back, anywhere else goes on (as on Instagram, where most taps mean "next"). */
export function tapSide(clientX: number, left: number, width: number): 'previous' | 'next' {
  if (width <= 0) return 'next';
  return (clientX - left) / width < 1 / 3 ? 'previous' : 'next';
}

export const HOLD_MS = 200;
export const SWIPE_PX = 60;
export const TAP_SLOP_PX = 12;

/** What a press on the story was: a tap, a horizontal swipe (to change account), or a swipe down. */
export function gestureOf(dx: number, dy: number): 'tap' | 'swipeLeft' | 'swipeRight' | 'swipeDown' | 'none' {
  if (Math.abs(dx) >= SWIPE_PX && Math.abs(dx) > Math.abs(dy)) return dx < 0 ? 'swipeLeft' : 'swipeRight';
  if (dy >= SWIPE_PX * 1.5 && dy > Math.abs(dx)) return 'swipeDown';
  if (Math.abs(dx) <= TAP_SLOP_PX && Math.abs(dy) <= TAP_SLOP_PX) return 'tap';
  return 'none';
}
