/**
 * The typeahead: accounts (exact, prefix, then typo-tolerant) and hashtags for what has been typed so
 * far. Accounts come from the index in process memory (name-index.ts), and who is typing only reorders
 * them by their circle (circles.ts): no statement. Tags are read per short prefix and kept for a
 * minute, so the strings typed after it are answered in memory too.
 */
import { LRUCache } from 'lru-cache';
import type { Db } from '../../platform/db';
import { type Circle, type Circles, EMPTY_CIRCLE } from './circles';
import {
  type AccountIndex,
  type CloseAccount,
  compareIds,
  type IndexedAccount,
  matchTier,
  type NameIndex,
} from './name-index';
import { likePrefix, transpositions } from './query';

export interface HashtagRow {
  id: string;
  name: string;
  post_count: number;
}

/** Candidates taken per look-up: enough for any page of suggestions once reordered by the viewer's circle. */
const CANDIDATES = 40;
/** How long a prefix's tags are reused (a new tag shows within this). */
const HASHTAGS_TTL_MS = 60_000;
const CACHED_STRINGS = 20_000;
/** Prefixes this short are read before the string itself. */
const ANCESTOR_CHARS = 2;
/** Tags read per prefix: a prefix with fewer has them all. */
const TAGS_PER_PREFIX = 100;

/**
 * What a prefix matches, and whether that is all it matches: then a longer string that starts with
 * it is answered from it, in memory (typing "sun" after "su" costs no statement).
 */
interface PrefixSet<Row> {
  rows: Row[];
  complete: boolean;
}

// Only tags with at least one public, visible post can be found, so a tag used only by private accounts
// stays unknown, as on Instagram; the count shown is the stored total. (Counting the public posts per
// tag at every keystroke cost 40 ms a tag on the large data set.) The probe walks the tag's newest posts
// and stops at the first public one.
const TAGS_SQL = `/* searchHashtags */
  with h as (
    select id, name, post_count from hashtags where name like $1 and post_count > 0
    order by name limit ${TAGS_PER_PREFIX}
  )
  select h.id, h.name, h.post_count, (select count(*) from h) < ${TAGS_PER_PREFIX} as complete
  from h
  where exists (
    select 1 from post_hashtags ph
    join posts p on p.id = ph.post_id
    join users u on u.id = p.author_id
    where ph.hashtag_id = h.id and p.status = 'ready' and p.archived_at is null
      and not u.is_private and u.suspended_at is null
  )`;

/**
 * The kept set for `query`, or one derived from a kept complete set of a shorter prefix of it, or
 * (neither kept) `load`ed and kept.
 */
async function fromPrefixes<Row>(
  cache: LRUCache<string, PrefixSet<Row>>,
  query: string,
  matches: (row: Row, query: string) => boolean,
): Promise<Row[]> {
  const chars = [...query];
  for (let length = chars.length; length >= 1; length--) {
    const kept = cache.get(chars.slice(0, length).join(''));
    if (kept && (kept.complete || length === chars.length)) {
      return length === chars.length ? kept.rows : kept.rows.filter((row) => matches(row, query));
    }
  }
  // Nothing kept: the shortest prefixes are read first (few distinct ones, and often all they match
  // fits), so the strings typed after them are answered from them.
  for (let length = 1; length <= Math.min(ANCESTOR_CHARS, chars.length); length++) {
    const prefix = chars.slice(0, length).join('');
    const read = (await cache.fetch(prefix)) ?? (await cache.fetch(prefix));
    if (read?.complete || length === chars.length) {
      return length === chars.length
        ? (read?.rows ?? [])
        : (read?.rows ?? []).filter((row) => matches(row, query));
    }
  }
  const loaded = (await cache.fetch(query)) ?? (await cache.fetch(query));
  return loaded?.rows ?? [];
}

/** An account that matches a string, whoever asks, and how: what the ranking needs besides the viewer. */
export interface Candidate extends CloseAccount {
  /** matchTier's answer, worked out once per string (it is kept with it). */
  tier: 1 | 2 | 3;
}

/** A candidate for `query`. */
export const candidateFor = (query: string, account: IndexedAccount, closeness: number): Candidate => ({
  account,
  closeness,
  tier: matchTier(account, query),
});

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
  /** Accounts that match the string, whoever asks, with their trigram closeness (0 for prefix matches). */
  candidates: readonly Candidate[],
  circle: Circle,
  options: { limit: number; fuzzy: boolean; hidden?: ReadonlySet<string> },
): string[] {
  const found = new Map<string, Ranked>();
  const consider = (account: IndexedAccount, closeness: number, tier: 1 | 2 | 3) => {
    if (found.has(account.id) || options.hidden?.has(account.id)) return;
    if (tier === 1 && !options.fuzzy) return;
    found.set(account.id, {
      id: account.id,
      tier,
      tie: circle.tieOf(account.id),
      closeness: tier === 1 ? closeness : 0,
      followers: account.followers,
    });
  };
  for (const candidate of candidates) consider(candidate.account, candidate.closeness, candidate.tier);
  // People in the circle whose name starts with the query, however few followers they have (as many
  // as could make the page).
  const room = options.limit + (options.hidden?.size ?? 0);
  for (const member of circle.startingWith(query, room)) {
    consider(member, 0, member.username === query || member.name === query ? 3 : 2);
  }
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
   * Accounts appeared, or their name, username or suspension changed: the index reads them again,
   * here at once and in other processes as the bus delivers it.
   */
  namesChanged(ids: readonly string[]): Promise<void>;
}

export function createTypeahead(deps: { db: Db; circles: Circles; index: AccountIndex }): Typeahead {
  const { db, circles, index } = deps;

  // What the index answered per string, until it changes (a rebuild, an account read into the overlay).
  // Entries refer to the index's own account objects: kept strings cost little memory or collection.
  let memo: {
    of: NameIndex;
    prefixed: LRUCache<string, Candidate[]>;
    close: LRUCache<string, Candidate[]>;
  } | null = null;
  const memoFor = (names: NameIndex) => {
    if (memo?.of !== names) {
      memo = {
        of: names,
        prefixed: new LRUCache({ max: CACHED_STRINGS }),
        close: new LRUCache({ max: CACHED_STRINGS }),
      };
    }
    return memo;
  };
  const prefixed = (names: NameIndex, query: string) => {
    const kept = memoFor(names);
    let found = kept.prefixed.get(query);
    if (!found) {
      found = names.prefixed(query, CANDIDATES).map((account) => candidateFor(query, account, 0));
      kept.prefixed.set(query, found);
    }
    return found;
  };
  const close = (names: NameIndex, query: string) => {
    const kept = memoFor(names);
    let found = kept.close.get(query);
    if (!found) {
      found = [
        ...names.similar(query, CANDIDATES).map((c) => candidateFor(query, c.account, c.closeness)),
        // Two neighbouring letters swapped ("jhon"): trigrams miss these, the usernames match exactly.
        ...names.withUsernames(transpositions(query)).map((account) => candidateFor(query, account, 0.3)),
      ];
      kept.close.set(query, found);
    }
    return found;
  };

  const tags = new LRUCache<string, PrefixSet<HashtagRow>>({
    max: CACHED_STRINGS,
    ttl: HASHTAGS_TTL_MS,
    fetchMethod: async (query) => {
      const rows = await db.query<HashtagRow & { complete: boolean }>(TAGS_SQL, [likePrefix(query)]);
      return { rows, complete: rows[0]?.complete ?? true };
    },
  });

  // The answer per string and page size, as long as the tags it came from.
  const tagAnswers = new LRUCache<string, HashtagRow[]>({ max: CACHED_STRINGS, ttl: HASHTAGS_TTL_MS });

  return {
    async accounts(viewerId, query, options) {
      if (query === '') return [];
      // One- and two-letter queries have too few trigrams for similarity to mean anything.
      const fuzzy = options.fuzzy && [...query].length >= 3;
      const [names, circle] = await Promise.all([
        index.current(),
        viewerId ? circles.of(viewerId) : EMPTY_CIRCLE,
      ]);
      const found = prefixed(names, query);
      const ranked = rankAccounts(query, found, circle, { ...options, fuzzy: false });
      // Typo matches rank after every exact and prefix match: looked up only when those leave room.
      if (!fuzzy || ranked.length >= options.limit) return ranked;
      return rankAccounts(query, [...found, ...close(names, query)], circle, { ...options, fuzzy: true });
    },

    async hashtags(query, limit) {
      if (query === '') return [];
      const key = `${limit}:${query}`;
      const answered = tagAnswers.get(key);
      if (answered) return answered;
      const found = await fromPrefixes(tags, query, (tag, q) => tag.name.startsWith(q));
      const answer = found
        .filter((tag) => tag.name.startsWith(query))
        .sort(
          (a, b) =>
            Number(b.name === query) - Number(a.name === query) ||
            b.post_count - a.post_count ||
            (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
        )
        .slice(0, limit);
      tagAnswers.set(key, answer);
      return answer;
    },

    namesChanged: (ids) => index.changed(ids),
  };
}
