import { badInput } from '../../errors';
import type { Db } from '../../platform/db';
import { textProblem } from '../text/validate';

export interface HashtagRow {
  id: string;
  name: string;
  post_count: number;
}

export interface Discovery {
  /** Accounts whose username or name starts with the query, best match first. */
  searchAccounts(viewerId: string | null, query: string, limit: number): Promise<string[]>;
  searchHashtags(query: string, limit: number): Promise<HashtagRow[]>;
  /** Popular accounts the viewer does not follow yet (a cold start; friends-of-friends come later). */
  suggestedAccounts(viewerId: string, limit: number): Promise<string[]>;
}

/** Escapes LIKE wildcards so a query of "%" or "_" matches those characters only. */
function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function cleanQuery(raw: string): string {
  const problem = textProblem(raw, { label: 'Search', max: 100 });
  if (problem) throw badInput('query', problem);
  return raw.normalize('NFKC').trim().toLowerCase().replace(/^[@#]/, '');
}

/** Public posts counted per tag in search; beyond this the stored total stands in. */
const PUBLIC_COUNT_CAP = 1000;

export function createDiscovery(db: Db): Discovery {
  return {
    async searchAccounts(viewerId, raw, limit) {
      const query = cleanQuery(raw);
      if (query === '') return [];
      const rows = await db.query<{ id: string }>(
        `/* searchAccounts */ select u.id from (
           (select id, username, follower_count from users where username like $1 order by username limit 50)
           union
           (select id, username, follower_count from users where lower(display_name) like $1 order by lower(display_name) limit 50)
         ) u
         where $3::bigint is null or not exists (
           select 1 from blocks b where b.blocker_id = u.id and b.blocked_id = $3
         )
         order by (u.username = $2) desc, u.follower_count desc, u.id
         limit $4`,
        [likePrefix(query), query, viewerId, limit],
      );
      return rows.map((r) => r.id);
    },

    async searchHashtags(raw, limit) {
      const query = cleanQuery(raw);
      if (query === '') return [];
      return db.query<HashtagRow>(
        // Only tags on public, visible posts, counted over those posts (capped: past the cap the stored
        // total is shown), so a tag used only by private accounts can't be found, as on Instagram.
        `/* searchHashtags */ select h.id, h.name,
           case when c.n >= ${PUBLIC_COUNT_CAP} then h.post_count else c.n end as post_count
         from (
           select id, name, post_count from hashtags where name like $1 and post_count > 0 order by name limit 100
         ) h
         cross join lateral (
           select count(*)::int as n from (
             select 1 from post_hashtags ph
             join posts p on p.id = ph.post_id
             join users u on u.id = p.author_id
             where ph.hashtag_id = h.id and p.status = 'ready' and p.archived_at is null
               and not u.is_private and u.suspended_at is null
             limit ${PUBLIC_COUNT_CAP}
           ) visible
         ) c
         where c.n > 0
         order by (h.name = $2) desc, post_count desc, h.name limit $3`,
        [likePrefix(query), query, limit],
      );
    },

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
