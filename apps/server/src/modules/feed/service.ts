import type { KeysetPage } from '../../graphql/keyset';
import type { Db } from '../../platform/db';

export interface Feed {
  /** The skeleton of a home feed page: IDs of posts by followed accounts and the viewer, newest first. */
  homePage(viewerId: string, page: KeysetPage): Promise<string[]>;
}

export function createFeed(db: Db): Feed {
  return {
    async homePage(viewerId, page) {
      // Pull model: joins follows to posts at read time over the (author_id, id desc) partial index.
      // Fine for a community-sized instance; precomputed timelines replace it at scale.
      const rows = await db.query<{ id: string }>(
        `/* homeFeed */ select p.id from posts p
         where p.author_id in (select followee_id from follows where follower_id = $1 union all select $1::bigint)
           and p.status = 'ready' and p.archived_at is null and ($2::bigint is null or p.id < $2)
         order by p.id desc limit $3`,
        [viewerId, page.after, page.limit],
      );
      return rows.map((r) => r.id);
    },
  };
}
