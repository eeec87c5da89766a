import type { TrayEntry } from './queries';

/** How a tray circle is ringed: Instagram's gradient, close friends' green, or grey once all are seen. */
export type Ring = 'unseen' | 'closeFriends' | 'seen';

/**
 * The server says whether an entry had unseen stories when the tray loaded (never for the viewer's own);
 * each story's viewerHasSeen, updated in the cache as the viewer watches, greys the ring at once.
 * Green when an unseen story is for close friends.
 */
export function ringOf(entry: TrayEntry): Ring {
  const unseen = entry.hasUnseen ? entry.stories.filter((story) => !story.viewerHasSeen) : [];
  if (unseen.length === 0) return 'seen';
  return unseen.some((story) => story.closeFriendsOnly) ? 'closeFriends' : 'unseen';
}
