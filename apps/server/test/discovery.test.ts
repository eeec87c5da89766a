import { describe, expect, it } from 'vitest';
import type { Api } from './support/client';
import { MODE, modeAvailable, type TestServer, useTestWorld } from './support/harness';
import type { Seed } from './support/seed';

describe.skipIf(!(await modeAvailable()))(`typeahead, suggestions and feed previews [${MODE}]`, () => {
  let server: TestServer;
  let api: Api;
  let seed: Seed;
  useTestWorld((w) => ({ server, api, seed } = w));

  const accounts = async (query: string, token?: string) =>
    (
      await api.ok<{ searchAccounts: { username: string }[] }>(
        'query($q: String!) { searchAccounts(query: $q) { username } }',
        { q: query },
        token,
      )
    ).searchAccounts.map((u) => u.username);

  it('finds accounts by username or name prefix, exact match first, hiding those who block you', async () => {
    const [ma, marco, mar, other] = [
      await seed.user('ma'),
      await seed.user('marco_s'),
      await seed.user('mar'),
      await seed.user('zed'),
    ];
    await api.ok('mutation { updateProfile(input: { displayName: "Marianne Z" }) { id } }', {}, other.token);
    expect(await accounts('mar')).toEqual(expect.arrayContaining(['mar', 'marco_s', 'zed']));
    expect((await accounts('@MAR'))[0]).toBe('mar');
    expect(await accounts('marc')).toEqual(['marco_s']);
    await marco.block(ma);
    expect(await accounts('marc', ma.token)).toEqual([]);
    expect(await accounts('%')).toEqual([]);
    expect(await accounts('_')).toEqual([]);
    void mar;
  });

  it('finds hashtags by prefix, most used first', async () => {
    const author = await seed.user();
    await author.post({ caption: '#sunrise #sunset' });
    await author.post({ caption: '#sunset again' });
    const data = await api.ok<{ searchHashtags: { name: string; postCount: number }[] }>(
      '{ searchHashtags(query: "#sun") { name postCount } }',
    );
    expect(data.searchHashtags).toEqual([
      { name: 'sunset', postCount: 2 },
      { name: 'sunrise', postCount: 1 },
    ]);
  });

  it('refuses bad search input clearly', async () => {
    const err = await api.fails('query($q: String!) { searchAccounts(query: $q) { id } }', {
      q: 'x'.repeat(101),
    });
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' });
  });

  it('suggests popular accounts the viewer does not follow yet', async () => {
    const me = await seed.user();
    const star = await seed.user();
    const fans = await Promise.all([seed.user(), seed.user(), seed.user()]);
    for (const fan of fans) await fan.follow(star);
    const before = await api.ok<{ suggestedAccounts: { username: string }[] }>(
      '{ suggestedAccounts(first: 50) { username } }',
      {},
      me.token,
    );
    expect(before.suggestedAccounts[0]?.username).toBe(star.username);
    expect(before.suggestedAccounts.map((u) => u.username)).not.toContain(me.username);
    await me.follow(star);
    const after = await api.ok<{ suggestedAccounts: { username: string }[] }>(
      '{ suggestedAccounts(first: 50) { username } }',
      {},
      me.token,
    );
    expect(after.suggestedAccounts.map((u) => u.username)).not.toContain(star.username);
  });

  it('names a followed liker first and previews the latest two comments', async () => {
    const me = await seed.user();
    const author = await seed.user();
    const [friend, strangerA, strangerB] = [await seed.user(), await seed.user(), await seed.user()];
    await me.follow(author);
    await me.follow(friend);
    const post = await author.post();
    await friend.like(post);
    await strangerA.like(post);
    await strangerB.like(post);
    for (const text of ['one', 'two', 'three']) await strangerA.comment(post, text);
    const data = await api.ok<{
      post: { likePreview: { username: string }; previewComments: { text: string }[] };
    }>(
      'query($id: ID!) { post(id: $id) { likePreview { username } previewComments { text } } }',
      { id: post.id },
      me.token,
    );
    expect(data.post.likePreview.username).toBe(friend.username);
    expect(data.post.previewComments.map((c) => c.text)).toEqual(['two', 'three']);
    const anonymous = await api.ok<{ post: { likePreview: { username: string } } }>(
      'query($id: ID!) { post(id: $id) { likePreview { username } } }',
      { id: post.id },
    );
    expect(anonymous.post.likePreview.username).toBe(strangerB.username);
  });
});
