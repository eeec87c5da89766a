/**
 * The typeahead's account index, in process memory: every active account's username, name and
 * follower count, sorted for prefix look-ups and broken into trigrams for typo-tolerant ones (the
 * similarity PostgreSQL's pg_trgm computes). A keystroke is answered without a statement, which is
 * how typeahead services are built at scale (Instagram's and LinkedIn's keep their indexes in memory).
 *
 * It is rebuilt from the database every few minutes (follower counts move), off the request path;
 * accounts that sign up, change their name or are suspended in between are read into an overlay at
 * once (here, and in other processes through the invalidation bus), which the look-ups consult first.
 * Memory grows with the accounts: about 300 bytes each (30 MB for 100,000).
 */
import type { InvalidationBus } from '../../platform/cache/invalidation';
import type { Db } from '../../platform/db';
import type { Logger } from '../../platform/logger';

export interface IndexedAccount {
  id: string;
  username: string;
  /** The display name, lowercased. */
  name: string;
  followers: number;
  /** The name's words, split once when indexed. */
  words?: readonly string[];
}

/** An account whose spelling is close to the query, and how close (0..1). */
export interface CloseAccount {
  account: IndexedAccount;
  closeness: number;
}

/** pg_trgm's default similarity threshold. */
const SIMILARITY_THRESHOLD = 0.3;

/** The words of a name: what pg_trgm splits on (anything but letters and digits). */
export const wordsOf = (text: string): string[] => text.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');

/** pg_trgm's trigrams: each word padded with two spaces before and one after, unique. */
export function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of wordsOf(text.toLowerCase())) {
    const padded = [' ', ' ', ...word, ' '];
    for (let i = 0; i + 2 < padded.length; i++) out.add(padded[i]! + padded[i + 1]! + padded[i + 2]!);
  }
  return out;
}

/** Exact (3), prefix of the username, the name or a word of it (2), or neither (1). */
export function matchTier(
  account: { username: string; name: string; words?: readonly string[] },
  query: string,
): 1 | 2 | 3 {
  if (account.username === query || account.name === query) return 3;
  if (account.username.startsWith(query) || account.name.startsWith(query)) return 2;
  return (account.words ?? wordsOf(account.name)).some((word) => word.startsWith(query)) ? 2 : 1;
}

/** IDs are decimal bigints: the longer is the larger, and equal lengths compare as text. */
export const compareIds = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/** Orders sorted-key entries (the index's and a circle's). */
export const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** The position of the first entry whose key is not below `query`, in entries sorted by key. */
export function firstKeyAtLeast(keys: readonly { key: string }[], query: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (keys[mid]!.key < query) low = mid + 1;
    else high = mid;
  }
  return low;
}
const moreFollowed = (a: IndexedAccount, b: IndexedAccount) =>
  b.followers - a.followers || b.id.length - a.id.length || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0);

export interface NameIndex {
  readonly size: number;
  /**
   * The `limit` most followed accounts whose username, name or a word of the name starts with the
   * query, and every exact match.
   */
  prefixed(query: string, limit: number): IndexedAccount[];
  /** The `limit` accounts closest in spelling (trigram similarity of at least 0.3), closest first. */
  similar(query: string, limit: number): CloseAccount[];
  /** Accounts with exactly one of these usernames. */
  withUsernames(usernames: readonly string[]): IndexedAccount[];
}

/** The sorted keys and the trigram postings of a fixed set of accounts. */
export function buildNameIndex(accounts: readonly IndexedAccount[]): NameIndex {
  const build = startNameIndex(accounts);
  while (!build.step(accounts.length)) {}
  return build.finish();
}

/** Builds in slices of this many accounts, yielding to requests in between. */
const SLICE = 500;

/**
 * The same index built a slice at a time, letting the event loop serve requests between slices
 * (10,000 accounts take ~250 ms of CPU to index: in one piece that is a quarter-second stall).
 */
export async function buildNameIndexInSlices(accounts: readonly IndexedAccount[]): Promise<NameIndex> {
  const build = startNameIndex(accounts);
  while (!build.step(SLICE)) await new Promise((resolve) => setImmediate(resolve));
  return build.finish();
}

function startNameIndex(accounts: readonly IndexedAccount[]): {
  /** Indexes up to `count` more accounts; true when all are. */
  step(count: number): boolean;
  finish(): NameIndex;
} {
  let next = 0;
  const keys: { key: string; account: number }[] = [];
  const byUsername = new Map<string, number>();
  // Keys for similarity: the username, the whole name and each word of it.
  const gramKeys: { grams: number; account: number }[] = [];
  const postings = new Map<string, number[]>();
  const addGrams = (text: string, account: number) => {
    const grams = trigrams(text);
    if (grams.size === 0) return;
    const at = gramKeys.length;
    gramKeys.push({ grams: grams.size, account });
    for (const gram of grams) {
      const list = postings.get(gram);
      if (list) list.push(at);
      else postings.set(gram, [at]);
    }
  };
  const add = (account: IndexedAccount, i: number) => {
    byUsername.set(account.username, i);
    const words = wordsOf(account.name);
    account.words = words;
    const texts = new Set([account.username, account.name, ...words]);
    for (const text of texts) if (text !== '') keys.push({ key: text, account: i });
    addGrams(account.username, i);
    if (words.length > 0) addGrams(account.name, i);
    if (words.length > 1) for (const word of words) addGrams(word, i);
  };
  return {
    step(count) {
      const end = Math.min(accounts.length, next + count);
      for (; next < end; next++) add(accounts[next]!, next);
      return next >= accounts.length;
    },
    finish: () => indexOf(accounts, keys.sort(byKey), byUsername, gramKeys, postings),
  };
}

function indexOf(
  accounts: readonly IndexedAccount[],
  keys: readonly { key: string; account: number }[],
  byUsername: ReadonlyMap<string, number>,
  gramKeys: readonly { grams: number; account: number }[],
  postings: ReadonlyMap<string, number[]>,
): NameIndex {
  let shared: Uint16Array | null = null;

  const firstAtLeast = (query: string) => firstKeyAtLeast(keys, query);

  return {
    size: accounts.length,
    prefixed(query, limit) {
      const matched = new Set<number>();
      for (let i = firstAtLeast(query); i < keys.length && keys[i]!.key.startsWith(query); i++) {
        matched.add(keys[i]!.account);
      }
      const found = [...matched].map((i) => accounts[i]!);
      const exact = found.filter((a) => a.username === query || a.name === query);
      const top = found.sort(moreFollowed).slice(0, limit);
      return [...new Set([...top, ...exact])];
    },
    similar(query, limit) {
      const wanted = trigrams(query);
      if (wanted.size === 0) return [];
      // Counted in a typed array kept between calls (a Map per call was most of the time).
      shared ??= new Uint16Array(gramKeys.length);
      const counts = shared;
      const touched: number[] = [];
      for (const gram of wanted) {
        for (const key of postings.get(gram) ?? []) {
          if (counts[key] === 0) touched.push(key);
          counts[key]! += 1;
        }
      }
      const best = new Map<number, number>();
      for (const key of touched) {
        const common = counts[key]!;
        counts[key] = 0;
        const { grams, account } = gramKeys[key]!;
        const similarity = common / (wanted.size + grams - common);
        if (similarity >= SIMILARITY_THRESHOLD && similarity > (best.get(account) ?? 0)) {
          best.set(account, similarity);
        }
      }
      return [...best]
        .map(([i, closeness]) => ({ account: accounts[i]!, closeness }))
        .sort((a, b) => b.closeness - a.closeness || moreFollowed(a.account, b.account))
        .slice(0, limit);
    },
    withUsernames(usernames) {
      return usernames.flatMap((u) => {
        const i = byUsername.get(u);
        return i === undefined ? [] : [accounts[i]!];
      });
    },
  };
}

/** How often the index is rebuilt (follower counts move; changed names are in the overlay meanwhile). */
const REBUILD_AFTER_MS = 5 * 60_000;
const NAMESPACE = 'search.names';
const ACCOUNT_COLUMNS = `id::text as id, username, lower(display_name) as name, follower_count as followers`;

export interface AccountIndex {
  /** The index with the changes since it was built laid over it. */
  current(): Promise<NameIndex>;
  /** These accounts appeared or changed name, username or suspension: read them again, everywhere. */
  changed(ids: readonly string[]): Promise<void>;
}

/**
 * A base index and an overlay of the accounts changed since: look-ups ask both, leaving out of the
 * base's answers the accounts the overlay knows newer (or knows gone).
 */
function overlaid(base: NameIndex, overlay: ReadonlyMap<string, IndexedAccount | null>): NameIndex {
  if (overlay.size === 0) return base;
  const live = [...overlay.values()].filter((a): a is IndexedAccount => a !== null);
  const small = buildNameIndex(live);
  const fresh = (a: IndexedAccount) => !overlay.has(a.id);
  return {
    size: base.size,
    prefixed(query, limit) {
      const merged = [
        ...base.prefixed(query, limit + overlay.size).filter(fresh),
        ...small.prefixed(query, limit),
      ];
      const exact = merged.filter((a) => a.username === query || a.name === query);
      return [...new Set([...merged.sort(moreFollowed).slice(0, limit), ...exact])];
    },
    similar(query, limit) {
      return [
        ...base.similar(query, limit + overlay.size).filter((c) => fresh(c.account)),
        ...small.similar(query, limit),
      ]
        .sort((a, b) => b.closeness - a.closeness || moreFollowed(a.account, b.account))
        .slice(0, limit);
    },
    withUsernames(usernames) {
      return [...base.withUsernames(usernames).filter(fresh), ...small.withUsernames(usernames)];
    },
  };
}

export function createAccountIndex(deps: {
  db: Db;
  logger: Logger;
  invalidations?: InvalidationBus;
}): AccountIndex {
  const { db, logger, invalidations } = deps;
  let base: { index: NameIndex; builtAt: number } | null = null;
  let building: Promise<void> | null = null;
  /** Accounts read since the base was read, with when: null when suspended or gone. */
  const overlay = new Map<string, { account: IndexedAccount | null; at: number }>();
  let view: NameIndex | null = null;

  const rebuild = () => {
    building ??= (async () => {
      const startedAt = Date.now();
      const rows = await db.query<IndexedAccount>(
        `/* typeaheadIndex */ select ${ACCOUNT_COLUMNS} from users where suspended_at is null`,
      );
      base = { index: await buildNameIndexInSlices(rows), builtAt: startedAt };
      // What changed while the base was being read stays laid over it.
      for (const [id, entry] of overlay) if (entry.at < startedAt) overlay.delete(id);
      view = null;
    })().finally(() => {
      building = null;
    });
    return building;
  };

  const reread = async (ids: readonly string[]) => {
    const at = Date.now();
    const rows = await db.query<IndexedAccount & { suspended: boolean }>(
      `/* typeaheadAccounts */ select ${ACCOUNT_COLUMNS}, suspended_at is not null as suspended
       from users where id = any($1::bigint[])`,
      [ids],
    );
    const found = new Map(rows.map((r) => [r.id, r]));
    for (const id of ids) {
      const row = found.get(id);
      overlay.set(id, {
        account:
          row && !row.suspended
            ? { id, username: row.username, name: row.name, followers: row.followers }
            : null,
        at,
      });
    }
    view = null;
  };

  invalidations?.subscribe(NAMESPACE, (ids) => {
    reread(ids).catch((error: unknown) => logger.warn({ err: error }, 'typeahead index update failed'));
  });

  return {
    async current() {
      if (!base) await rebuild();
      else if (Date.now() - base.builtAt > REBUILD_AFTER_MS && !building) {
        // Served from the old one meanwhile.
        rebuild().catch((error: unknown) => logger.warn({ err: error }, 'typeahead index rebuild failed'));
      }
      view ??= overlaid(base!.index, new Map([...overlay].map(([id, entry]) => [id, entry.account])));
      return view;
    },
    async changed(ids) {
      if (ids.length === 0) return;
      // The index is a copy: a change it missed shows at the next rebuild. The write that told it
      // (a sign-up, a rename) has succeeded and must not fail because of it.
      await reread(ids).catch((error: unknown) =>
        logger.warn({ err: error }, 'typeahead index update failed'),
      );
      await invalidations?.publish(NAMESPACE, ids).catch((error: unknown) => {
        logger.warn({ err: error }, 'typeahead index change not sent');
      });
    },
  };
}
