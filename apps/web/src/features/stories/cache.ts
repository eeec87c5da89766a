import type { Cache } from '@urql/exchange-graphcache';
import type { CachePart } from '../../lib/cache-parts';

/**
 * Stories in the normalised cache. A Story is one record, so a story marked seen in the viewer greys
 * its ring in the tray (StoryTray reads each story's viewerHasSeen), and a vote, answer or subscription
 * event updates every screen showing the story. Tray entries are embedded (unkeyed) records under
 * Query.storyTray: removing a story edits their `stories` lists in place.
 */

const storyRef = (id: string) => ({ __typename: 'Story', id });

const keys = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((key): key is string => typeof key === 'string') : [];

/** Takes a deleted story out of the tray (dropping an entry left empty) and out of its owner's stories. */
function removeStory(cache: Cache, storyId: string): void {
  const story = cache.keyOfEntity(storyRef(storyId));
  if (!story) return;
  const tray = cache.resolve('Query', 'storyTray');
  if (Array.isArray(tray)) {
    const kept = keys(tray).filter((entry) => {
      const stories = keys(cache.resolve(entry, 'stories'));
      if (!stories.includes(story)) return true;
      const left = stories.filter((key) => key !== story);
      cache.link(entry, 'stories', left);
      return left.length > 0;
    });
    if (kept.length !== tray.length) cache.link('Query', 'storyTray', kept);
  }
  const owner = cache.resolve(story, 'owner');
  if (typeof owner === 'string') {
    const stories = cache.resolve(owner, 'stories');
    if (Array.isArray(stories))
      cache.link(
        owner,
        'stories',
        keys(stories).filter((key) => key !== story),
      );
  }
}

export const storiesCache: CachePart = {
  optimistic: {
    // The ring greys at once, offline too; the server's answer confirms it (it skips the owner's own).
    markStoriesSeen: (args) =>
      (Array.isArray(args.ids) ? args.ids : []).map((id) => ({
        __typename: 'Story',
        id: String(id),
        viewerHasSeen: true,
      })),
  },
  updates: {
    deleteStory: (_result, args, cache, info) => {
      const id = String(args.id);
      removeStory(cache, id);
      if (!info.optimistic) cache.invalidate(storyRef(id));
    },
  },
};
