import type { Db } from '../../platform/db';

export interface Discovery {
  /** Popular accounts the viewer does not follow yet (a cold start; friends-of-friends come later). */
  suggestedAccounts(viewerId: string, limit: number): Promise<string[]>;
}

export function createDiscovery(db: Db): Discovery {
  return {
    async suggestedAccounts(viewerId, limit) {
      const rows = await db.query<{ id: string }>(
        `/* suggestedAccounts */ select u.id from users u
         where u.id <> $1
           and not exists (select 1 from follows f where f.follower_id = $1 and f.followee_id = u.id)
           and not exists (select 1 from follow_requests r where r.requester_id = $1 and r.target_id = u.id)
           and not exists (select 1 from blocks b where (b.blocker_id = $1 and b.blocked_id = u.id)
                                                  or (b.blocker_id = u.id and b.blocked_id = $1))
         order by u.follower_count desc, u.id desc
         limit $2`,
        [viewerId, limit],
      );
      return rows.map((r) => r.id);
    },
  };
}
