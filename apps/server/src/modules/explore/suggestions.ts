import type { Db } from '../../platform/db';

/**
 * Accounts to follow: friends of friends (accounts followed by those the viewer follows), weighted by
 * how many of them follow the account and how much the viewer interacts with those people and with the
 * account itself; topped up with popular accounts for a viewer with no network yet. Never the viewer,
 * an account already followed or requested, one in a block with the viewer, or one dismissed.
 */
export interface Suggestion {
  userId: string;
  kind: 'MUTUAL_FOLLOWERS' | 'POPULAR';
  /** How many accounts the viewer follows follow this one (within the bounded sample read). */
  mutualCount: number;
  /** Up to three of them, the ones the viewer interacts with most first. */
  mutualIds: string[];
}

export interface Suggestions {
  suggest(viewerId: string, limit: number): Promise<Suggestion[]>;
  /** Hides the account from the viewer's suggestions for good. */
  dismiss(viewerId: string, userId: string): Promise<void>;
}

// The accounts a suggestion must never be, for viewer $1 and candidate `c`.
const ELIGIBLE = (c: string) => `${c} <> $1
  and not exists (select 1 from follows f where f.follower_id = $1 and f.followee_id = ${c})
  and not exists (select 1 from follow_requests r where r.requester_id = $1 and r.target_id = ${c})
  and not exists (select 1 from blocks b where (b.blocker_id = $1 and b.blocked_id = ${c})
                                         or (b.blocker_id = ${c} and b.blocked_id = $1))
  and not exists (select 1 from suggestion_dismissals d where d.user_id = $1 and d.dismissed_id = ${c})`;

export function createSuggestions(db: Db): Suggestions {
  return {
    async suggest(viewerId, limit) {
      // Both hops are bounded (latest 500 follows, then 200 of each), so the cost does not grow with
      // the size of anyone's follow list.
      const mutual = await db.query<{ user_id: string; mutual_count: number; mutual_ids: string[] }>(
        `/* accountSuggestions */ with via as (
           select f2.followee_id as user_id, m.followee_id as mutual_id,
             1 + least(coalesce(a.likes, 0) + 2 * coalesce(a.comments, 0) + coalesce(a.visits, 0), 30) / 10.0 as weight
           from (select followee_id from follows where follower_id = $1 order by id desc limit 500) m
           cross join lateral (
             select followee_id from follows where follower_id = m.followee_id order by id desc limit 200
           ) f2
           left join user_affinity a on a.user_id = $1 and a.author_id = m.followee_id
         ),
         grouped as (
           select user_id, count(*)::int as mutual_count, sum(weight)::float8 as weight,
             (array_agg(mutual_id::text order by weight desc, mutual_id desc))[1:3] as mutual_ids
           from via group by user_id
         )
         select g.user_id::text as user_id, g.mutual_count, g.mutual_ids
         from grouped g
         join users u on u.id = g.user_id
         left join user_affinity ca on ca.user_id = $1 and ca.author_id = g.user_id
         where u.suspended_at is null and ${ELIGIBLE('g.user_id')}
         order by g.weight + ln(1 + coalesce(ca.likes + 2 * ca.comments + ca.visits, 0)) desc,
           u.follower_count desc, g.user_id desc
         limit $2`,
        [viewerId, limit],
      );
      const found: Suggestion[] = mutual.map((r) => ({
        userId: r.user_id,
        kind: 'MUTUAL_FOLLOWERS',
        mutualCount: r.mutual_count,
        mutualIds: r.mutual_ids,
      }));
      if (found.length >= limit) return found;
      const popular = await db.query<{ id: string }>(
        `/* popularSuggestions */ select u.id::text as id from users u
         where u.suspended_at is null and not (u.id = any($3::bigint[])) and ${ELIGIBLE('u.id')}
         order by u.follower_count desc, u.id desc
         limit $2`,
        [viewerId, limit - found.length, found.map((s) => s.userId)],
      );
      return [
        ...found,
        ...popular.map((r) => ({ userId: r.id, kind: 'POPULAR' as const, mutualCount: 0, mutualIds: [] })),
      ];
    },

    async dismiss(viewerId, userId) {
      await db.query(
        `/* dismissSuggestion */ insert into suggestion_dismissals (user_id, dismissed_id) values ($1, $2)
         on conflict do nothing`,
        [viewerId, userId],
      );
    },
  };
}
