/** Recent searches: what a person opened from the search box, newest first, visible to that person alone. */
import type { Db } from '../../platform/db';

export type RecentSearchKind = 'account' | 'hashtag' | 'query';

export interface RecentSearchRow {
  id: string;
  kind: RecentSearchKind;
  /** The account's ID, the hashtag's name or the query's text. */
  subject: string;
  account_id: string | null;
  searched_at: Date;
}

/** How many entries a person keeps; older ones are dropped as new ones come in. */
export const RECENT_SEARCHES_KEPT = 20;

const COLUMNS = 'id, kind, subject, account_id, searched_at';

export interface RecentSearches {
  /** Records an entry, or moves an existing one with the same subject to the top. */
  add(userId: string, kind: RecentSearchKind, subject: string): Promise<RecentSearchRow>;
  list(userId: string, limit: number): Promise<RecentSearchRow[]>;
  /** Removes one of the user's entries; false when the user has no such entry. */
  remove(userId: string, id: string): Promise<boolean>;
  clear(userId: string): Promise<number>;
}

export function createRecentSearches(db: Db): RecentSearches {
  return {
    async add(userId, kind, subject) {
      return db.transaction(async (tx) => {
        const [row] = await tx.query<RecentSearchRow>(
          `/* addRecentSearch */ insert into recent_searches (id, user_id, kind, subject, account_id, searched_at)
           values (next_id(shard_of($1)), $1, $2, $3, $4, clock_timestamp())
           on conflict (user_id, kind, subject) do update set searched_at = excluded.searched_at
           returning ${COLUMNS}`,
          [userId, kind, subject, kind === 'account' ? subject : null],
        );
        await tx.query(
          `/* trimRecentSearches */ delete from recent_searches where id in (
             select id from recent_searches where user_id = $1
             order by searched_at desc, id desc offset ${RECENT_SEARCHES_KEPT})`,
          [userId],
        );
        return row!;
      });
    },

    list(userId, limit) {
      return db.query<RecentSearchRow>(
        `/* recentSearches */ select ${COLUMNS} from recent_searches where user_id = $1
         order by searched_at desc, id desc limit $2`,
        [userId, limit],
      );
    },

    async remove(userId, id) {
      const rows = await db.query<{ id: string }>(
        '/* removeRecentSearch */ delete from recent_searches where user_id = $1 and id = $2 returning id',
        [userId, id],
      );
      return rows.length > 0;
    },

    async clear(userId) {
      const rows = await db.query<{ id: string }>(
        '/* clearRecentSearches */ delete from recent_searches where user_id = $1 returning id',
        [userId],
      );
      return rows.length;
    },
  };
}
