/** Full-text search over post captions, ranked by relevance and recency, keyset-paginated on that score. */
import { badInput } from '../../errors';
import type { Db } from '../../platform/db';

/** Where a page of results stops: the last result's score and ID (ties broken by ID). */
export interface ScoreCursor {
  score: number;
  id: string;
}

export interface ScoredPost {
  id: string;
  score: number;
}

const CURSOR_PREFIX = 's1:';

export function encodeScoreCursor(cursor: ScoreCursor): string {
  return Buffer.from(`${CURSOR_PREFIX}${cursor.score}:${cursor.id}`).toString('base64url');
}

export function decodeScoreCursor(raw: string): ScoreCursor {
  const decoded = Buffer.from(raw, 'base64url').toString('utf8');
  const match = /^s1:(-?[0-9.]+(?:e[-+]?[0-9]+)?):([0-9]{1,19})$/.exec(decoded);
  const score = match ? Number(match[1]) : Number.NaN;
  if (!match || !Number.isFinite(score)) throw badInput('after', 'Invalid cursor');
  return { score, id: match[2]! };
}

/**
 * The score: log relevance plus age in weeks, so relevance ten times higher (log ≈ 2.3) outweighs a
 * post about two weeks newer. It is a pure function of the post and the query, not of the time of the
 * request, so a cursor taken on one page still stands on the next. `ts_rank` normalisation 1 divides by
 * the log of the caption's length: a word in a short caption counts for more.
 */
const SEARCH_POSTS = `/* searchPosts */
  with q as (select websearch_to_tsquery('simple', $1) || websearch_to_tsquery('english', $1) as query)
  select id, score from (
    select p.id,
      (ln(greatest(ts_rank(p.caption_search, q.query, 1), 1e-6))
        + extract(epoch from p.created_at) / 604800.0)::float8 as score
    from q
    join posts p on p.caption_search @@ q.query
    join users u on u.id = p.author_id
    where p.status = 'ready' and p.archived_at is null and u.suspended_at is null
      and (not u.is_private or p.author_id = $2
           or exists (select 1 from follows f where f.follower_id = $2 and f.followee_id = p.author_id))
      and ($2::bigint is null or not exists (
        select 1 from blocks b
        where (b.blocker_id = $2 and b.blocked_id = p.author_id) or (b.blocker_id = p.author_id and b.blocked_id = $2)))
  ) found
  where $3::float8 is null or (found.score, found.id) < ($3::float8, $4::bigint)
  order by found.score desc, found.id desc
  limit $5`;

export interface PostSearch {
  /**
   * The skeleton of a results page: IDs of posts whose caption matches `text`, best first, fetching
   * `limit` rows after the cursor. Candidates are already narrowed to what the viewer may see; the
   * resolver still applies the policy to every post it presents.
   */
  posts(
    viewerId: string | null,
    text: string,
    page: { after: ScoreCursor | null; limit: number },
  ): Promise<ScoredPost[]>;
}

export function createPostSearch(db: Db): PostSearch {
  return {
    async posts(viewerId, text, page) {
      // websearch_to_tsquery never raises on user input ("quotes", or, -not); text without a word
      // (punctuation, emoji) becomes an empty query, which matches nothing.
      if (!/[\p{L}\p{N}]/u.test(text)) return [];
      const rows = await db.query<{ id: string; score: number | string }>(SEARCH_POSTS, [
        text,
        viewerId,
        page.after?.score ?? null,
        page.after?.id ?? null,
        page.limit,
      ]);
      return rows.map((r) => ({ id: r.id, score: Number(r.score) }));
    },
  };
}
