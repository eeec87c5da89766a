import { type Case, defineCase } from './case';
import { type Cell, classify, countRows, gqlAs, marker } from './world';

/**
 * The search box: `Query.search` once per part (accounts by the owner's username, hashtags by the owner's
 * tag, posts by the owner's caption marker). Recent searches are the caller's own: nobody else's entry
 * can be read, removed or cleared.
 */
const searchPart = (
  name: string,
  selection: string,
  query: (cell: Cell) => string,
  found: (data: SearchData, cell: Cell) => boolean,
) =>
  defineCase({
    name,
    run: async (cell) =>
      classify(
        await gqlAs<SearchData>(
          cell.world,
          cell.caller,
          `query($q: String!) { search(query: $q) { ${selection} } }`,
          {
            q: query(cell),
          },
        ),
        (data) => (found(data, cell) ? 'ok' : 'hidden'),
      ),
  });

interface SearchData {
  search: {
    accounts?: { id: string }[];
    hashtags?: { name: string }[];
    posts?: { edges: { node: { caption: string } }[] };
  };
}

/** An entry in the owner's recent searches, made as the owner. */
async function ownersEntry({ world, target }: Cell): Promise<string> {
  const data = await world.api.ok<{ addRecentSearch: { id: string } }>(
    'mutation($input: RecentSearchInput!) { addRecentSearch(input: $input) { id } }',
    { input: { text: marker('recent') } },
    target.owner.token,
  );
  return data.addRecentSearch.id;
}

export const SEARCH_CASES: Case<unknown>[] = [
  searchPart(
    'Query.search[accounts]',
    'accounts(first: 25) { id username }',
    (cell) => cell.target.owner.username,
    (data, cell) => (data.search.accounts ?? []).some((u) => u.id === cell.target.owner.id),
  ),
  searchPart(
    'Query.search[hashtags]',
    'hashtags { name postCount }',
    (cell) => `#${cell.target.tag}`,
    (data, cell) => (data.search.hashtags ?? []).some((h) => h.name === cell.target.tag),
  ),
  searchPart(
    'Query.search[posts]',
    'posts(first: 50) { edges { node { id caption } } }',
    (cell) => cell.target.caption,
    (data, cell) =>
      (data.search.posts?.edges ?? []).some((e) => e.node.caption.startsWith(cell.target.caption)),
  ),
  defineCase({
    name: 'Query.recentSearches',
    run: async ({ world, caller }) =>
      classify(
        await gqlAs(world, caller, '{ recentSearches { id kind user { id username } hashtag text } }'),
        () => 'self',
      ),
  }),
  defineCase({
    name: 'Mutation.addRecentSearch',
    // Recording the owner's account: as for finding it, only a blocked user can't.
    run: async ({ world, caller, target }) =>
      classify(
        await gqlAs<{ addRecentSearch: { user: { id: string } | null } }>(
          world,
          caller,
          'mutation($input: RecentSearchInput!) { addRecentSearch(input: $input) { id user { id username } } }',
          { input: { userId: target.owner.id } },
        ),
        (data) => (data.addRecentSearch.user?.id === target.owner.id ? 'ok' : 'unexpected: another account'),
      ),
  }),
  defineCase({
    name: 'Mutation.removeRecentSearch',
    // Removing one of the owner's entries: only the owner can; to anyone else it does not exist.
    run: async (cell) => {
      const id = await ownersEntry(cell);
      return classify(
        await gqlAs<{ removeRecentSearch: boolean }>(
          cell.world,
          cell.caller,
          'mutation($id: ID!) { removeRecentSearch(id: $id) }',
          { id },
        ),
        (data) => (data.removeRecentSearch ? 'ok' : 'hidden'),
      );
    },
  }),
  defineCase({
    name: 'Mutation.clearRecentSearches',
    // Clears the caller's own list; the owner's entry survives anyone else's call.
    run: async (cell) => {
      const id = await ownersEntry(cell);
      const res = await gqlAs(cell.world, cell.caller, 'mutation { clearRecentSearches }');
      const survived = (await countRows(cell.world, 'recent_searches where id = $1', [id])) === 1;
      return classify(res, () =>
        survived || cell.viewer === 'owner' ? 'self' : "unexpected: cleared the owner's recent searches",
      );
    },
  }),
];
