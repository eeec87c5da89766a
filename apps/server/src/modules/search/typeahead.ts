/** The typeahead's two look-ups, one statement each: accounts (exact, prefix, then typo-tolerant) and hashtags. */
import type { Db, SqlParam } from '../../platform/db';
import { likePrefix, transpositions } from './query';

export interface HashtagRow {
  id: string;
  name: string;
  post_count: number;
}

/** Candidates taken per look-up before ranking: enough for any page of suggestions, bounded for speed. */
const CANDIDATES = 30;

const PREFIX_CANDIDATES = `
  (select id from users where username like $1 order by username limit ${CANDIDATES})
  union
  (select id from users where lower(display_name) like $1 order by lower(display_name) limit ${CANDIDATES})`;

// Typos: trigram similarity (GIN) on the username and on the words of the name, and the query with two
// neighbouring letters swapped, matched exactly (the unique index).
const FUZZY_CANDIDATES = `
  union
  (select id from users where username % $2 order by similarity(username, $2) desc limit ${CANDIDATES})
  union
  (select id from users where $2 <% lower(display_name)
   order by word_similarity($2, lower(display_name)) desc limit ${CANDIDATES})
  union
  (select id from users where username = any($5::text[]))`;

/**
 * Ranks candidates by match quality (exact, then prefix, then typo), then by the viewer's graph
 * (accounts the viewer follows, then accounts followed by someone the viewer follows), then by how close
 * a typo match is, then by followers. Suspended accounts and blocks either way are left out.
 */
const rankedAccounts = (candidates: string) => `/* searchAccounts */
  with candidates as (${candidates})
  select u.id from candidates c
  join users u on u.id = c.id
  cross join lateral (select
    case when u.username = $2 or lower(u.display_name) = $2 then 3
         when u.username like $1 or lower(u.display_name) like $1 then 2
         else 1 end as tier,
    case when $3::bigint is null then 0
         when exists (select 1 from follows f where f.follower_id = $3 and f.followee_id = u.id) then 2
         when exists (select 1 from follows f1 join follows f2 on f2.follower_id = f1.followee_id
                      where f1.follower_id = $3 and f2.followee_id = u.id) then 1
         else 0 end as graph,
    greatest(similarity(u.username, $2), word_similarity($2, lower(u.display_name))) as closeness
  ) m
  where u.suspended_at is null
    and ($3::bigint is null or not exists (
      select 1 from blocks b
      where (b.blocker_id = u.id and b.blocked_id = $3) or (b.blocker_id = $3 and b.blocked_id = u.id)))
  order by m.tier desc, m.graph desc, case when m.tier = 1 then m.closeness else 0 end desc,
    u.follower_count desc, u.id desc
  limit $4`;

const PREFIX_SQL = rankedAccounts(PREFIX_CANDIDATES);
const FUZZY_SQL = rankedAccounts(PREFIX_CANDIDATES + FUZZY_CANDIDATES);

export interface Typeahead {
  /**
   * Accounts for a normalised name query, best first. `fuzzy` adds typo matches after the exact and
   * prefix ones (the search box); without it only what starts with the query (@mention completion).
   */
  accounts(
    viewerId: string | null,
    query: string,
    options: { limit: number; fuzzy: boolean },
  ): Promise<string[]>;
  /** Hashtags starting with a normalised query that have a public visible post, most used first. */
  hashtags(query: string, limit: number): Promise<HashtagRow[]>;
}

export function createTypeahead(db: Db): Typeahead {
  return {
    async accounts(viewerId, query, { limit, fuzzy }) {
      if (query === '') return [];
      // One- and two-letter queries have too few trigrams for similarity to mean anything.
      const useFuzzy = fuzzy && [...query].length >= 3;
      const params: SqlParam[] = [likePrefix(query), query, viewerId, limit];
      if (useFuzzy) params.push(transpositions(query));
      const rows = await db.query<{ id: string }>(useFuzzy ? FUZZY_SQL : PREFIX_SQL, params);
      return rows.map((r) => r.id);
    },

    async hashtags(query, limit) {
      if (query === '') return [];
      return db.query<HashtagRow>(
        // Only tags with at least one public, visible post can be found, so a tag used only by private
        // accounts stays unknown, as on Instagram; the count shown is the stored total. (Counting the
        // public posts per tag at every keystroke cost 40 ms a tag on the large data set.) The probe
        // walks the tag's newest posts and stops at the first public one.
        `/* searchHashtags */ select h.id, h.name, h.post_count
         from (
           select id, name, post_count from hashtags where name like $1 and post_count > 0 order by name limit 100
         ) h
         where exists (
           select 1 from post_hashtags ph
           join posts p on p.id = ph.post_id
           join users u on u.id = p.author_id
           where ph.hashtag_id = h.id and p.status = 'ready' and p.archived_at is null
             and not u.is_private and u.suspended_at is null
         )
         order by (h.name = $2) desc, h.post_count desc, h.name limit $3`,
        [likePrefix(query), query, limit],
      );
    },
  };
}
