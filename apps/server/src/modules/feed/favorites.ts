import { AppError, badInput } from '../../errors';
import type { KeysetPage } from '../../graphql/keyset';
import type { Db } from '../../platform/db';

export const FAVORITES_MAX = 50;

/**
 * Favorites, as on Instagram: up to 50 accounts you follow whose posts make a feed of their own, newest
 * first. Few authors, so the feed reads straight from PostgreSQL on the (author_id, id) index.
 */
export interface Favorites {
  add(userId: string, favoriteId: string): Promise<void>;
  remove(userId: string, favoriteId: string): Promise<void>;
  list(userId: string): Promise<string[]>;
  among(userId: string, ids: readonly string[]): Promise<Set<string>>;
  feedPage(userId: string, page: KeysetPage): Promise<string[]>;
}

export function createFavorites(db: Db): Favorites {
  return {
    async add(userId, favoriteId) {
      if (userId === favoriteId) throw badInput('userId', "You can't add yourself to your favorites");
      await db.transaction(async (tx) => {
        const [follows] = await tx.query(
          '/* followsFavorite */ select 1 from follows where follower_id = $1 and followee_id = $2',
          [userId, favoriteId],
        );
        if (!follows) throw new AppError('FORBIDDEN', 'Follow this account to add it to your favorites');
        // Serialise a person's concurrent adds so the limit holds.
        await tx.query('/* lockFavorites */ select 1 from users where id = $1 for update', [userId]);
        const [count] = await tx.query<{ n: number }>(
          '/* countFavorites */ select count(*)::int as n from favorites where user_id = $1 and favorite_id <> $2',
          [userId, favoriteId],
        );
        if ((count?.n ?? 0) >= FAVORITES_MAX) {
          throw badInput('userId', `You can have up to ${FAVORITES_MAX} favorites`);
        }
        await tx.query(
          '/* addFavorite */ insert into favorites (user_id, favorite_id) values ($1, $2) on conflict do nothing',
          [userId, favoriteId],
        );
      });
    },
    async remove(userId, favoriteId) {
      await db.query('/* removeFavorite */ delete from favorites where user_id = $1 and favorite_id = $2', [
        userId,
        favoriteId,
      ]);
    },
    async list(userId) {
      const rows = await db.query<{ favorite_id: string }>(
        '/* favoritesOf */ select favorite_id from favorites where user_id = $1 order by created_at desc',
        [userId],
      );
      return rows.map((r) => r.favorite_id);
    },
    async among(userId, ids) {
      if (ids.length === 0) return new Set();
      const rows = await db.query<{ id: string }>(
        `/* viewerFavorites */ select favorite_id::text as id from favorites
         where user_id = $1 and favorite_id = any($2::bigint[])`,
        [userId, ids],
      );
      return new Set(rows.map((r) => r.id));
    },
    async feedPage(userId, page) {
      // Only favorites still followed: unfollowing keeps the favorite row but not its posts here.
      const rows = await db.query<{ id: string }>(
        `/* favoritesFeed */ select p.id from posts p
         where p.author_id in (
           select f.favorite_id from favorites f
           join follows fo on fo.follower_id = f.user_id and fo.followee_id = f.favorite_id
           where f.user_id = $1
         ) and p.status = 'ready' and p.archived_at is null and ($2::bigint is null or p.id < $2)
         order by p.id desc limit $3`,
        [userId, page.after, page.limit],
      );
      return rows.map((r) => r.id);
    },
  };
}
