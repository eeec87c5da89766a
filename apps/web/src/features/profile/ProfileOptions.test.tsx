import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider, useQuery } from 'urql';
import { describe, expect, it } from 'vitest';
import { graphql } from '../../graphql';
import { dataReply, graphcacheClient, scriptedServer } from '../../test/scriptedServer';
import { profileCache } from './cache';
import { ProfileOptions, ProfileOptions_user } from './ProfileOptions';

const TestProfileQuery = graphql(
  `
  query TestProfileOptions {
    user(username: "lena") { id ...ProfileOptions_user }
  }
`,
  [ProfileOptions_user],
);

const lena = {
  __typename: 'User',
  id: '2',
  username: 'lena',
  viewerBlocks: false,
  viewerRestricted: false,
  viewerMutedPosts: false,
  viewerMutedStories: false,
};

/** Graphcache with the profile's cache part over a scripted server; `pending` names the mutations it never answers. */
function setup(pending = new Set<string>()) {
  const server = scriptedServer((name, operation) => {
    const vars = (operation.variables ?? {}) as { posts?: boolean; stories?: boolean };
    const answers: Record<string, unknown> = {
      TestProfileOptions: { user: lena },
      Restrict: { restrict: { __typename: 'User', id: '2', viewerRestricted: true } },
      Mute: {
        mute: {
          __typename: 'User',
          id: '2',
          viewerMutedPosts: vars.posts,
          viewerMutedStories: vars.stories,
        },
      },
    };
    return pending.has(name) ? 'pending' : dataReply(answers[name]);
  });
  const client = graphcacheClient(server.exchange, [profileCache]);
  function Screen() {
    const [{ data }] = useQuery({ query: TestProfileQuery });
    return data?.user ? <ProfileOptions user={data.user} /> : null;
  }
  render(
    <Provider value={client}>
      <Screen />
    </Provider>,
  );
  return { mutations: server.mutations };
}

async function openOptions() {
  await userEvent.click(await screen.findByRole('button', { name: 'Options' }));
  return screen.getByRole('dialog', { name: 'Options' });
}

describe('ProfileOptions', () => {
  it('restricts, and says the account is not told', async () => {
    const { mutations } = setup();
    const dialog = await openOptions();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Restrict' }));
    expect(mutations()).toEqual([['Restrict', { userId: '2' }]]);
    expect(within(dialog).getByRole('button', { name: 'Unrestrict' })).toBeInTheDocument();
    expect(within(dialog).getByRole('status')).toHaveTextContent('You restricted lena. Their new comments');
  });

  it('flips the labels before the server answers (optimistic)', async () => {
    setup(new Set(['Restrict', 'Mute']));
    const dialog = await openOptions();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Restrict' }));
    expect(within(dialog).getByRole('button', { name: 'Unrestrict' })).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Mute posts' }));
    expect(within(dialog).getByRole('button', { name: 'Unmute posts' })).toBeInTheDocument();
  });

  it('mutes posts and stories separately, keeping the other choice', async () => {
    const { mutations } = setup();
    const dialog = await openOptions();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Mute posts' }));
    expect(within(dialog).getByRole('button', { name: 'Unmute posts' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Mute stories' })).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Mute stories' }));
    expect(within(dialog).getByRole('button', { name: 'Unmute stories' })).toBeInTheDocument();
    expect(mutations()).toEqual([
      ['Mute', { userId: '2', posts: true, stories: false }],
      ['Mute', { userId: '2', posts: true, stories: true }],
    ]);
  });

  it('keeps Block and Report beside the new actions', async () => {
    setup();
    const dialog = await openOptions();
    const names = within(dialog)
      .getAllByRole('button')
      .map((button) => button.textContent)
      .filter(Boolean);
    expect(names).toEqual(['Block', 'Restrict', 'Mute posts', 'Mute stories', 'Report', 'Cancel']);
  });
});
