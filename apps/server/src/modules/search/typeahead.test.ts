import { describe, expect, it } from 'vitest';
import { type CircleMember, EMPTY_CIRCLE, indexCircle } from './circles';
import { buildNameIndex, buildNameIndexInSlices, matchTier, trigrams } from './name-index';
import { candidateFor, rankAccounts } from './typeahead';

const member = (id: string, username: string, name: string, tie: 1 | 2, followers = 0): CircleMember => ({
  id,
  username,
  name,
  followers,
  tie,
});
const candidate = (id: string, username: string, name: string, followers: number, closeness = 0) =>
  candidateFor('ana', { id, username, name, followers }, closeness);

describe('the typeahead ranking', () => {
  const circle = indexCircle([
    member('1', 'ana_b', 'ana banana', 2),
    member('2', 'zed', 'ana zed', 1),
    member('3', 'anabel', 'anabel', 2),
    member('4', 'bob', 'bob', 1),
  ]);

  it('finds circle members by a prefix of the username or the name, each once', () => {
    expect(
      circle
        .startingWith('ana')
        .map((m) => m.id)
        .sort(),
    ).toEqual(['1', '2', '3']);
    expect(circle.startingWith('anab').map((m) => m.id)).toEqual(['3']);
    expect(circle.startingWith('c')).toEqual([]);
    expect(circle.startingWith('').length).toBe(4);
    // With a limit: every exact match, and the closest of the rest (followed, most followed, newest).
    const big = indexCircle([
      member('20', 'ana', 'x', 1, 1),
      ...Array.from({ length: 30 }, (_, i) => member(String(30 + i), `ana${i}`, 'y', 1, i)),
      member('70', 'anafollowed', 'z', 2, 0),
    ]);
    expect(
      big
        .startingWith('ana', 3)
        .map((m) => m.id)
        .sort(),
    ).toEqual(['20', '58', '59', '70']);
    expect(circle.tieOf('2')).toBe(1);
    expect(circle.tieOf('9')).toBe(0);
  });

  it('orders by match, then tie, then typo closeness, then followers, then the newer ID', () => {
    const found = [
      candidate('10', 'ana', 'someone', 1),
      candidate('11', 'anastasia', 'x', 900),
      candidate('12', 'anx', 'y', 5000, 0.5),
      candidate('13', 'nna', 'z', 5000, 0.4),
      candidate('99', 'anatole', 'q', 900),
      candidate('100', 'anatoly', 'q', 900),
    ];
    const ranked = rankAccounts('ana', found, circle, { limit: 20, fuzzy: true });
    // Exact; then prefix matches: followed (3, 1: the newer ID first), followed by a followed (2), then by followers and ID.
    expect(ranked.slice(0, 4)).toEqual(['10', '3', '1', '2']);
    expect(ranked.slice(4, 7)).toEqual(['100', '99', '11']);
    // Typos last, the closer first; not at all for mention completion.
    expect(ranked.slice(7)).toEqual(['12', '13']);
    expect(rankAccounts('ana', found, circle, { limit: 20, fuzzy: false })).not.toContain('12');
  });

  it('leaves out hidden accounts before cutting the page', () => {
    const found = [
      candidate('10', 'ana', '', 1),
      candidate('11', 'anab', '', 2),
      candidate('12', 'anac', '', 3),
    ];
    expect(
      rankAccounts('ana', found, EMPTY_CIRCLE, { limit: 2, fuzzy: true, hidden: new Set(['10']) }),
    ).toEqual(['12', '11']);
  });
});

describe('the account index', () => {
  const accounts = [
    { id: '1', username: 'ana', name: 'someone else', followers: 1 },
    { id: '2', username: 'anabel_x', name: 'anabel', followers: 50 },
    { id: '3', username: 'zed', name: 'ana silva', followers: 10 },
    { id: '4', username: 'bob', name: 'bob anders', followers: 99 },
    { id: '5', username: 'bartholomew', name: '', followers: 0 },
  ];
  const index = buildNameIndex(accounts);

  it('finds by a prefix of the username, the name or a word of it, most followed first, exact always', () => {
    expect(index.prefixed('an', 10).map((a) => a.id)).toEqual(['4', '2', '3', '1']);
    expect(index.prefixed('an', 2).map((a) => a.id)).toEqual(['4', '2']);
    // Only two kept, but the exact match comes along.
    expect(index.prefixed('ana', 1).map((a) => a.id)).toEqual(['2', '1']);
    expect(index.prefixed('silv', 10).map((a) => a.id)).toEqual(['3']);
    expect(index.prefixed('q', 10)).toEqual([]);
  });

  it('finds close spellings by trigram similarity, closest first, and swapped usernames exactly', () => {
    const close = index.similar('bartolomew', 5);
    expect(close[0]?.account.id).toBe('5');
    expect(close[0]?.closeness).toBeGreaterThan(0.5);
    expect(index.similar('zzzz', 5)).toEqual([]);
    expect(index.withUsernames(['bbo', 'bob']).map((a) => a.id)).toEqual(['4']);
  });

  it('answers the same when built a slice at a time', async () => {
    const many = Array.from({ length: 1234 }, (_, i) => ({
      id: String(100 + i),
      username: `user_${i}`,
      name: `name ${i % 37} person`,
      followers: i % 101,
    }));
    const whole = buildNameIndex(many.map((a) => ({ ...a })));
    const sliced = await buildNameIndexInSlices(many.map((a) => ({ ...a })));
    for (const query of ['user_1', 'name 3', 'person', 'usr_12']) {
      expect(sliced.prefixed(query, 40).map((a) => a.id)).toEqual(whole.prefixed(query, 40).map((a) => a.id));
      expect(sliced.similar(query, 40).map((c) => c.account.id)).toEqual(
        whole.similar(query, 40).map((c) => c.account.id),
      );
    }
    expect(sliced.size).toBe(1234);
  });

  it('breaks text into pg_trgm trigrams', () => {
    expect([...trigrams('Ana-B')].sort()).toEqual(['  a', '  b', ' an', ' b ', 'ana', 'na '].sort());
    expect(matchTier({ username: 'zed', name: 'ana silva' }, 'sil')).toBe(2);
    expect(matchTier({ username: 'zed', name: 'ana silva' }, 'zed')).toBe(3);
    expect(matchTier({ username: 'zed', name: 'ana silva' }, 'lva')).toBe(1);
  });
});
