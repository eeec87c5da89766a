import type { KeysetPage } from '../../graphql/keyset';
import type { Db } from '../../platform/db';
import type { JobStatus } from '../../platform/queue/port';
import { TIMELINE_CAP, type TimelineStore } from '../../platform/timelines/port';

/**
 * The home feed's skeleton (IDs only), served from precomputed timelines. A new post is fanned out on
 * write into its author's followers' timelines by a job; authors with more followers than the
 * threshold are not fanned out but merged at read time (the hybrid Twitter and Instagram use), so a
 * celebrity's post costs one write, not millions. A missing timeline (new, inactive for 30 days, or
 * dropped after a follow change, or a lost cache) is rebuilt from PostgreSQL on first read.
 */
export interface Feed {
  homePage(viewerId: string, page: KeysetPage): Promise<string[]>;
  /** The newest `max` posts of the home feed, newest first: what the ranked feed scores. */
  candidates(viewerId: string, max: number): Promise<string[]>;
  /** The newest entry of the viewer's timeline (null when empty): tells whether anything is new. */
  head(viewerId: string): Promise<string | null>;
  /** The fan-out job: inserts a published post into its audience's timelines. */
  fanOut(postId: string): Promise<JobStatus>;
  /** Forgets these users' timelines (their follows changed); the next read rebuilds them. */
  forget(userIds: readonly string[]): Promise<void>;
}

export interface FeedOptions {
  /** Authors with at least this many followers are merged at read time instead of fanned out. */
  celebrityThreshold: number;
}

const FOLLOWER_BATCH = 10_000;

// The pull model: followed authors' (and the viewer's own) visible posts, newest first. Used to
// rebuild a timeline and to page past its end.
const PULL = `select p.id from posts p
  where p.author_id in (select followee_id from follows where follower_id = $1 union all select $1::bigint)
    and p.status = 'ready' and p.archived_at is null and ($2::bigint is null or p.id < $2)
  order by p.id desc limit $3`;

export function createFeed(db: Db, timelines: TimelineStore, options: FeedOptions): Feed {
  const pull = async (viewerId: string, after: string | null, limit: number) =>
    (await db.query<{ id: string }>(`/* homeFeedPull */ ${PULL}`, [viewerId, after, limit])).map((r) => r.id);

  const timelineOf = async (viewerId: string): Promise<string[]> => {
    const cached = await timelines.read(viewerId);
    if (cached) return cached;
    const rebuilt = await pull(viewerId, null, TIMELINE_CAP);
    await timelines.write(viewerId, rebuilt);
    return rebuilt;
  };

  /**
   * Recent posts of the celebrities the viewer follows: they are not in any timeline. Walks the few
   * accounts over the threshold (users_popular), probes the follows key for each and reads at most
   * `limit` of each one's posts, so the cost grows with the number of celebrities, never with how many
   * accounts the viewer follows. Statements are prepared, and PostgreSQL soon switches to a generic
   * plan: the LIMIT 1 keeps the probe a per-celebrity lookup (as an EXISTS, the plan may join the
   * viewer's whole follow list), and the threshold is written into the text (an integer from the
   * validated config) so that plan still knows it selects a few users and uses the index.
   */
  const celebrityPosts = async (viewerId: string, after: string | null, limit: number) => {
    const threshold = Math.trunc(options.celebrityThreshold);
    const rows = await db.query<{ id: string }>(
      `/* celebrityPosts */ select p.id from users u
       cross join lateral (select 1 from follows f where f.follower_id = $1 and f.followee_id = u.id limit 1) followed
       cross join lateral (
         select p.id from posts p
         where p.author_id = u.id and p.status = 'ready' and p.archived_at is null and ($2::bigint is null or p.id < $2)
         order by p.id desc limit $3
       ) p
       where u.follower_count >= ${threshold}
       order by p.id desc limit $3`,
      [viewerId, after, limit],
    );
    return rows.map((r) => r.id);
  };

  return {
    async homePage(viewerId, page) {
      const [timeline, celebrities] = await Promise.all([
        timelineOf(viewerId),
        celebrityPosts(viewerId, page.after, page.limit),
      ]);
      const after = page.after === null ? null : BigInt(page.after);
      let ids = timeline.filter((id) => after === null || BigInt(id) < after);
      // Past the timeline's end (it keeps only the newest few hundred), older pages come from PostgreSQL.
      if (ids.length < page.limit && timeline.length >= TIMELINE_CAP) {
        const last = ids.at(-1) ?? timeline.at(-1) ?? page.after;
        ids = [...ids, ...(await pull(viewerId, last ?? null, page.limit - ids.length))];
      }
      const merged = [...new Set([...ids, ...celebrities])].sort((a, b) => (BigInt(b) > BigInt(a) ? 1 : -1));
      return merged.slice(0, page.limit);
    },

    async candidates(viewerId, max) {
      const [timeline, celebrities] = await Promise.all([
        timelineOf(viewerId),
        celebrityPosts(viewerId, null, max),
      ]);
      let merged = [...new Set([...timeline, ...celebrities])].sort((a, b) =>
        BigInt(b) > BigInt(a) ? 1 : -1,
      );
      // When the celebrity list was cut at `max`, their posts older than its last one were not fetched:
      // stop there so the chronological continuation below the oldest candidate misses nothing.
      const oldestCelebrity = celebrities.length >= max ? celebrities.at(-1) : undefined;
      if (oldestCelebrity) merged = merged.filter((id) => BigInt(id) >= BigInt(oldestCelebrity));
      return merged.slice(0, max);
    },

    async head(viewerId) {
      return (await timelineOf(viewerId))[0] ?? null;
    },

    async fanOut(postId) {
      const [post] = await db.query<{ author_id: string; follower_count: number }>(
        `/* postToFanOut */ select p.author_id, u.follower_count from posts p join users u on u.id = p.author_id
         where p.id = $1 and p.status = 'ready' and p.archived_at is null`,
        [postId],
      );
      if (!post) return 'skipped';
      await timelines.insert([post.author_id], postId);
      if (post.follower_count >= options.celebrityThreshold) return 'done';
      let cursor: string | null = null;
      for (;;) {
        const followers: { id: string; follower_id: string }[] = await db.query(
          `/* followersToFanOut */ select id, follower_id from follows
           where followee_id = $1 and ($2::bigint is null or id < $2) order by id desc limit $3`,
          [post.author_id, cursor, FOLLOWER_BATCH],
        );
        if (followers.length === 0) break;
        await timelines.insert(
          followers.map((f) => f.follower_id),
          postId,
        );
        if (followers.length < FOLLOWER_BATCH) break;
        cursor = followers.at(-1)!.id;
      }
      return 'done';
    },

    forget: (userIds) => timelines.drop(userIds),
  };
}
