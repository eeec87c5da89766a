import { badInput } from '../errors';

/**
 * Keyset pagination. A cursor is an opaque string wrapping the last row's ID (all IDs are
 * time-sortable), so a page is `where id < $after order by id desc limit $n` on an index: no OFFSET.
 */
export interface KeysetPage {
  /** Exclusive bound: the ID of the last item of the previous page, or null for the first page. */
  after: string | null;
  /** Rows to fetch: one more than asked, to learn whether there is a next page. */
  limit: number;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const CURSOR_PREFIX = 'k1:';
const ID_PATTERN = /^[0-9]{1,19}$/;
export const MAX_PAGE_SIZE = 50;

export function encodeCursor(id: string): string {
  return Buffer.from(`${CURSOR_PREFIX}${id}`).toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const id = decoded.startsWith(CURSOR_PREFIX) ? decoded.slice(CURSOR_PREFIX.length) : '';
  if (!ID_PATTERN.test(id)) throw badInput('after', 'Invalid cursor');
  return id;
}

/** Validates `first`/`after` arguments into a page request. */
export function pageArgs(
  args: { first?: number | null; after?: string | null },
  defaultSize = 12,
): KeysetPage {
  const first = args.first ?? defaultSize;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput('first', `first must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  return { after: args.after ? decodeCursor(args.after) : null, limit: first + 1 };
}

/**
 * Builds a Relay connection from rows fetched with `page.limit` (one extra). `keyOf` gives a row's
 * keyset ID; `present` turns the kept rows into nodes, dropping those the viewer may not see (null)
 * after the cursor is taken, so filtering never breaks pagination.
 */
export async function toConnection<Row, Node>(
  rows: readonly Row[],
  page: KeysetPage,
  keyOf: (row: Row) => string,
  present: (rows: Row[]) => Promise<(Node | null)[]>,
): Promise<Connection<Node>> {
  const hasNextPage = rows.length >= page.limit;
  const kept = rows.slice(0, page.limit - 1);
  const nodes = await present(kept);
  const edges: Connection<Node>['edges'] = [];
  kept.forEach((row, i) => {
    const node = nodes[i];
    if (node != null) edges.push({ cursor: encodeCursor(keyOf(row)), node });
  });
  const last = kept.at(-1);
  return { edges, pageInfo: { hasNextPage, endCursor: last ? encodeCursor(keyOf(last)) : null } };
}
