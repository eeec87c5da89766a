import type { Db } from '../../platform/db';

/**
 * Fake-engagement detection, run as a scheduled job. Bought-follower services look alike: many
 * accounts created days ago follow (or like) one target within minutes, and the accounts do nothing
 * but follow. The job finds
 *  - follow bursts: at least `burstSize` new follows of one account within the window, most of them
 *    from accounts younger than `newAccountDays`; the young accounts in it with no posts are flagged;
 *  - like bursts: the same for likes of one post;
 *  - follow-only accounts: young accounts following many, with no posts and almost no followers.
 * It flags the accounts that did it (their follows and likes stop counting in what others see and in
 * ranking), keeps each detection, and files a report on the target so it reaches the moderation
 * queue with the figures. Running it twice over the same window changes nothing twice.
 */
export interface DetectionOptions {
  windowMinutes: number;
  burstSize: number;
  /** Share of a burst that must come from new accounts. */
  newShare: number;
  newAccountDays: number;
  /** Follow-only: following at least this many, with no posts and at most two followers. */
  followOnlyFollowing: number;
}

export const DEFAULT_DETECTION: DetectionOptions = {
  windowMinutes: 10,
  burstSize: 50,
  newShare: 0.8,
  newAccountDays: 7,
  followOnlyFollowing: 200,
};

export interface DetectionResult {
  followBursts: number;
  likeBursts: number;
  followOnly: number;
  flaggedAccounts: number;
  /** Accounts and posts whose shown counts changed (their cached rows must be dropped). */
  changed: { users: string[]; posts: string[] };
}

/** The smallest time-sortable ID made at `ms` (see make_id in the core migration). */
const ID_AT = 'make_id(floor(extract(epoch from $1::timestamptz) * 1000)::bigint, 0, 0)';
/** Accounts made after $2 (an account's ID says when it was made). */
const YOUNG = 'make_id(floor(extract(epoch from $2::timestamptz) * 1000)::bigint, 0, 0)';

export async function detectFakeEngagement(
  db: Db,
  options: DetectionOptions = DEFAULT_DETECTION,
  now: Date = new Date(),
): Promise<DetectionResult> {
  const since = new Date(now.getTime() - options.windowMinutes * 60_000);
  const youngSince = new Date(now.getTime() - options.newAccountDays * 86_400_000);
  return db.transaction(async (tx) => {
    // Follow bursts, grouped by the account followed.
    const followBursts = await tx.query<{ target: string; actors: string[]; n: number; young: number }>(
      `/* detectFollowBursts */ select f.followee_id::text as target, count(*)::int as n,
         count(*) filter (where a.id >= ${YOUNG})::int as young,
         array_agg(a.id::text) filter (where a.id >= ${YOUNG} and a.post_count = 0) as actors
       from follows f join users a on a.id = f.follower_id where f.id >= ${ID_AT}
       group by f.followee_id having count(*) >= $3`,
      [since, youngSince, options.burstSize],
    );
    const likeBursts = await tx.query<{
      target: string;
      post: string;
      actors: string[];
      n: number;
      young: number;
    }>(
      `/* detectLikeBursts */ select p.author_id::text as target, l.post_id::text as post, count(*)::int as n,
         count(*) filter (where a.id >= ${YOUNG})::int as young,
         array_agg(a.id::text) filter (where a.id >= ${YOUNG} and a.post_count = 0) as actors
       from likes l join posts p on p.id = l.post_id join users a on a.id = l.user_id where l.id >= ${ID_AT}
       group by p.author_id, l.post_id having count(*) >= $3`,
      [since, youngSince, options.burstSize],
    );
    const suspicious = <T extends { n: number; young: number }>(rows: T[]) =>
      rows.filter((r) => r.young >= r.n * options.newShare);
    const follows = suspicious(followBursts);
    const likes = suspicious(likeBursts);

    const followOnly = await tx.query<{ id: string; following_count: number }>(
      `/* detectFollowOnly */ select id::text, following_count from users
       where id >= make_id(floor(extract(epoch from $1::timestamptz) * 1000)::bigint, 0, 0)
         and following_count >= $2 and post_count = 0 and follower_count <= 2 and engagement_flagged_at is null`,
      [youngSince, options.followOnlyFollowing],
    );

    const actors = new Set<string>([
      ...follows.flatMap((b) => b.actors ?? []),
      ...likes.flatMap((b) => b.actors ?? []),
      ...followOnly.map((u) => u.id),
    ]);
    // Flag the accounts (once), then recount what they contribute to others' counts.
    const newlyFlagged = await tx.query<{ id: string }>(
      `/* flagAccounts */ update users set engagement_flagged_at = $2
       where id = any($1::bigint[]) and engagement_flagged_at is null returning id::text`,
      [[...actors], now],
    );
    const changed: DetectionResult['changed'] = { users: [], posts: [] };
    if (newlyFlagged.length > 0) {
      const ids = newlyFlagged.map((u) => u.id);
      const users = await tx.query<{ id: string }>(
        `/* recountFlaggedFollowers */ update users u set flagged_follower_count = (
           select count(*) from follows f join users a on a.id = f.follower_id
           where f.followee_id = u.id and a.engagement_flagged_at is not null)
         where u.id in (select followee_id from follows where follower_id = any($1::bigint[])) returning u.id::text`,
        [ids],
      );
      const posts = await tx.query<{ id: string }>(
        `/* recountFlaggedLikes */ update posts p set flagged_like_count = (
           select count(*) from likes l join users a on a.id = l.user_id
           where l.post_id = p.id and a.engagement_flagged_at is not null)
         where p.id in (select post_id from likes where user_id = any($1::bigint[])) returning p.id::text`,
        [ids],
      );
      changed.users = users.map((u) => u.id);
      changed.posts = posts.map((p) => p.id);
    }

    // Keep each detection once per window, and put its target in front of the moderators.
    const record = async (
      kind: 'follow_burst' | 'like_burst' | 'follow_only',
      target: string,
      post: string | null,
      n: number,
      young: number,
    ) => {
      const [inserted] = await tx.query<{ id: string }>(
        `/* recordEngagementFlag */ insert into engagement_flags
           (id, kind, subject_user_id, subject_post_id, actor_count, new_actor_count, window_minutes, detected_at)
         select next_id(shard_of($2)), $1, $2, $3, $4, $5, $6, $7
         where not exists (select 1 from engagement_flags e where e.kind = $1 and e.subject_user_id = $2
           and e.subject_post_id is not distinct from $3::bigint
           and e.detected_at > $7::timestamptz - make_interval(mins => $6))
         returning id::text`,
        [kind, target, post, n, young, options.windowMinutes, now],
      );
      if (!inserted) return;
      const details =
        kind === 'follow_only'
          ? `Follows ${n} accounts with no posts of its own`
          : `${n} ${kind === 'follow_burst' ? 'follows' : 'likes'} within ${options.windowMinutes} minutes, ${young} from accounts younger than ${options.newAccountDays} days`;
      await tx.query(
        `/* fileSystemReport */ insert into reports (id, reporter_id, subject_kind, subject_id, subject_owner_id, reason, details)
         values (next_id(shard_of($2)), null, $1, $3, $2, 'fake_engagement', $4)`,
        [post ? 'post' : 'account', target, post ?? target, details],
      );
    };
    for (const b of follows) await record('follow_burst', b.target, null, b.n, b.young);
    for (const b of likes) await record('like_burst', b.target, b.post, b.n, b.young);
    for (const u of followOnly) await record('follow_only', u.id, null, u.following_count, 1);

    return {
      followBursts: follows.length,
      likeBursts: likes.length,
      followOnly: followOnly.length,
      flaggedAccounts: newlyFlagged.length,
      changed,
    };
  });
}
