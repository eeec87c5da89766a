import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db';
import type { Graph } from '../graph/service';
import { NO_RELATIONSHIP } from '../graph/service';
import { canSeeStory } from '../policy/policy';
import type { StoryRow } from './rows';

/**
 * The media gate's rule for story files (s/<key>/...): the story's own visibility by the clock, so an
 * expired story's files stop being served to anyone but its owner at once, before the expiry job runs;
 * a story kept in a highlight stays served to those who may see the highlight.
 */
export function createStoryMediaRule(deps: { db: Db; graph: Graph; clock: Clock }) {
  const { db, graph, clock } = deps;
  return async (mediaKey: string, viewerId: string | null): Promise<string | null> => {
    const [row] = await db.query<
      Pick<StoryRow, 'owner_id' | 'audience' | 'status' | 'expires_at'> & {
        is_private: boolean;
        suspended_at: Date | null;
        close_friend: boolean;
        in_highlight: boolean;
      }
    >(
      `/* servedStoryMedia */ select s.owner_id::text as owner_id, s.audience, s.status, s.expires_at, u.is_private, u.suspended_at,
         exists (select 1 from close_friends c where c.owner_id = s.owner_id and c.friend_id = $2) as close_friend,
         exists (select 1 from highlight_stories h where h.story_id = s.id) as in_highlight
       from stories s join users u on u.id = s.owner_id where s.media_key = $1`,
      [mediaKey, viewerId],
    );
    if (!row) return null;
    const rel =
      viewerId && viewerId !== row.owner_id
        ? ((await graph.relationships(viewerId, [row.owner_id])).get(row.owner_id) ?? NO_RELATIONSHIP)
        : NO_RELATIONSHIP;
    const now = clock.now();
    const owner = { id: row.owner_id, is_private: row.is_private, suspended_at: row.suspended_at };
    if (
      !canSeeStory(viewerId, row, owner, rel, {
        now,
        closeFriend: row.close_friend,
        inHighlight: row.in_highlight,
      })
    )
      return null;
    // Never in shared caches (audiences differ and stories expire); in the browser only until expiry.
    const left = Math.max(0, Math.floor((row.expires_at.getTime() - now.getTime()) / 1000));
    return `private, max-age=${row.in_highlight || viewerId === row.owner_id ? 86400 : left}`;
  };
}

export type StoryMediaRule = ReturnType<typeof createStoryMediaRule>;
