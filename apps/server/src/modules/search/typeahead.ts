/**
 * The typeahead: accounts (exact, prefix, then typo-tolerant) and hashtags for what has been typed so
 * far. What does not depend on who is typing (the candidates for a string, the tags) is read once and
 * kept in process for seconds; who is typing only reorders them, from their circle (circles.ts), in
 * memory. A keystroke that many people type costs no statement; a new string costs one.
 */
import { LRUCache } from 'lru-cache';
import type { InvalidationBus } from '../../platform/cache/invalidation';
import type { Db, SqlParam } from '../../platform/db';
import { type Circle, type Circles, EMPTY_CIRCLE } from './circles';
import { likePrefix, transpositions } from './query';

export interface HashtagRow {
  id: string;
  name: string;
  post_count: number;
}

/** An account that matches a string, whoever asks: the facts the ranking needs. */
export interface AccountCandidate {
  id: string;
  username: string;
  /** Lowercased display name. */
  name: string;
  followers: number;
  /** Trigram closeness to the string (0..1): orders the typo matches. */
  closeness: number;
}

/** Candidates taken per look-up: enough for any page of suggestions once reordered by the viewer's circle. */
const CANDIDATES = 40;
/** How long a string's candidates and a prefix's tags are reused; names changing drop them at once. */
const CANDIDATES_TTL_MS = 30_000;
const HASHTAGS_TTL_MS = 10_000;
const CACHED_STRINGS = 20_000;
const NAMES_NAMESPACE = 'search.names';

// The most followed accounts whose username or name starts with the string, and exact matches (which
// a popular prefix could crowd out).
const PREFIX_CANDIDATES = `
  (select id from users where username like $1 and suspended_at is null
   order by follower_count desc, id desc limit ${CANDIDATES})
  union
  (select id from users where lower(display_name) like $1 and suspended_at is null
   order by follower_count desc, id desc limit ${CANDIDATES})
  union
  (select id from users where username = $2)
  union
  (select id from users where lower(display_name) = $2 limit ${CANDIDATES})`;

// Typos: trigram similarity (GIN) on the username and on the words of the name, and the query with two
// neighbouring letters swapped, matched exactly (the unique index).
const FUZZY_CANDIDATES = `
  union
  (select id from users where username % $2 order by similarity(username, $2) desc limit ${CANDIDATES})
  union
  (select id from users where $2 <% lower(display_name)
   order by word_similarity($2, lower(display_name)) desc limit ${CANDIDATES})
  union
  (select id from users where username = any($3::text[]))`;

const candidatesSql = (sources: string) => `/* typeaheadCandidates */
  with c as (${sources})
  select u.id::text as id, u.username, lower(u.display_name) as name, u.follower_count as followers,
    greatest(similarity(u.username, $2), word_similarity($2, lower(u.display_name)))::float8 as closeness
  from c join users u on u.id = c.id
  where u.suspended_at is null`;

const PREFIX_SQL = candidatesSql(PREFIX_CANDIDATES);
const FUZZY_SQL = candidatesSql(PREFIX_CANDIDATES + FUZZY_CANDIDATES);

/** Exact (3), prefix (2), or a typo match (1), on the username or the display name. */
const tierOf = (account: { username: string; name: string }, query: string) =>
  account.username === query || account.name === query
    ? 3
    : account.username.startsWith(query) || account.name.startsWith(query)
      ? 2
      : 1;

/** IDs are decimal bigints: the longer is the larger, and equal lengths compare as text. */
const compareIds = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

interface Ranked {
  id: string;
  tier: number;
  tie: number;
  closeness: number;
  followers: number;
}

/**
 * Match quality first (exact, then prefix, then typo), then the viewer's circle (accounts they follow,
 * then accounts followed by someone they follow), then how close a typo is, then followers.
 */
export function rankAccounts(
  query: string,
  candidates: readonly AccountCandidate[],
  circle: Circle,
  options: { limit: number; fuzzy: boolean; hidden?: ReadonlySet<string> },
): string[] {
  const found = new Map<string, Ranked>();
  const consider = (account: Omit<AccountCandidate, 'closeness'>, closeness: number) => {
    if (found.has(account.id) || options.hidden?.has(account.id)) return;
    const tier = tierOf(account, query);
    if (tier === 1 && !options.fuzzy) return;
    found.set(account.id, {
      id: account.id,
      tier,
      tie: circle.tieOf(account.id),
      closeness: tier === 1 ? closeness : 0,
      followers: account.followers,
    });
  };
  for (const candidate of candidates) consider(candidate, candidate.closeness);
  // People in the circle whose name starts with the query, however few followers they have.
  for (const member of circle.startingWith(query)) consider(member, 0);
  return [...found.values()]
    .sort(
      (a, b) =>
        b.tier - a.tier ||
        b.tie - a.tie ||
        b.closeness - a.closeness ||
        b.followers - a.followers ||
        compareIds(b.id, a.id),
    )
    .slice(0, options.limit)
    .map((r) => r.id);
}

export interface Typeahead {
  /**
   * Accounts for a normalised name query, best first, without `hidden` (the viewer's blocks). `fuzzy`
   * adds typo matches after the exact and prefix ones (the search box); without it only what starts
   * with the query (@mention completion).
   */
  accounts(
    viewerId: string | null,
    query: string,
    options: { limit: number; fuzzy: boolean; hidden?: ReadonlySet<string> },
  ): Promise<string[]>;
  /** Hashtags starting with a normalised query that have a public visible post, most used first. */
  hashtags(query: string, limit: number): Promise<HashtagRow[]>;
  /**
   * An account's name or username changed, or an account appeared: the kept candidates are dropped
   * here at once, and in other processes as the bus delivers it.
   */
  namesChanged(): void;
}

export function createTypeahead(deps: {
  db: Db;
  circles: Circles;
  invalidations?: InvalidationBus;
}): Typeahead {
  const { db, circles, invalidations } = deps;

  const candidates = new LRUCache<string, AccountCandidate[]>({
    max: CACHED_STRINGS,
    ttl: CANDIDATES_TTL_MS,
    // A drop while a string is being looked up cancels that look-up: the request looks again.
    allowStaleOnFetchAbort: true,
    fetchMethod: async (key) => {
      const fuzzy = key.startsWith('f');
      const query = key.slice(2);
      const params: SqlParam[] = [likePrefix(query), query];
      if (fuzzy) params.push(transpositions(query));
      return db.query<AccountCandidate>(fuzzy ? FUZZY_SQL : PREFIX_SQL, params);
    },
  });
  const candidatesFor = async (query: string, fuzzy: boolean) => {
    const key = `${fuzzy ? 'f' : 'p'}:${query}`;
    return (await candidates.fetch(key)) ?? (await candidates.fetch(key)) ?? [];
  };
  invalidations?.subscribe(NAMES_NAMESPACE, () => candidates.clear());

  const hashtags = new LRUCache<string, HashtagRow[]>({
    max: CACHED_STRINGS,
    ttl: HASHTAGS_TTL_MS,
    fetchMethod: async (key) => {
      const at = key.indexOf(':');
      const limit = Number(key.slice(0, at));
      const query = key.slice(at + 1);
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
  });

  return {
    async accounts(viewerId, query, options) {
      if (query === '') return [];
      // One- and two-letter queries have too few trigrams for similarity to mean anything.
      const fuzzy = options.fuzzy && [...query].length >= 3;
      const [found, circle] = await Promise.all([
        candidatesFor(query, fuzzy),
        viewerId ? circles.of(viewerId) : EMPTY_CIRCLE,
      ]);
      return rankAccounts(query, found, circle, { ...options, fuzzy });
    },

    async hashtags(query, limit) {
      if (query === '') return [];
      return (await hashtags.fetch(`${limit}:${query}`)) ?? [];
    },

    namesChanged() {
      candidates.clear();
      void invalidations?.publish(NAMES_NAMESPACE, ['*']).catch(() => {
        // Best effort: other processes' candidates expire within CANDIDATES_TTL_MS anyway.
      });
    },
  };
}
