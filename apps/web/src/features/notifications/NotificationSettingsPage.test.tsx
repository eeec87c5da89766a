import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider } from 'urql';
import { describe, expect, it } from 'vitest';
import { dataReply, graphcacheClient, scriptedServer } from '../../test/scriptedServer';
import { notificationsCache } from './cache';
import NotificationSettingsPage from './NotificationSettingsPage';

const KINDS = [
  'LIKE',
  'COMMENT',
  'REPLY',
  'MENTION',
  'FOLLOW',
  'FOLLOW_REQUEST',
  'FOLLOW_ACCEPTED',
  'STORY_MENTION',
  'STORY_REPLY',
  'STORY_REACTION',
];

/** The page over Graphcache (preferences keyed by kind, as in client.ts); the save can be held in flight. */
function renderPage({ holdSaves = false, off = ['STORY_REACTION'] } = {}) {
  const server = scriptedServer((name, operation) => {
    if (name === 'NotificationPreferences')
      return dataReply({
        viewer: {
          __typename: 'Viewer',
          notificationPreferences: KINDS.map((kind) => ({
            __typename: 'NotificationPreference',
            kind,
            enabled: !off.includes(kind),
          })),
        },
      });
    if (name === 'UpdateNotificationPreferences') {
      if (holdSaves) return 'pending';
      const input = (operation.variables as { input: { kind: string; enabled: boolean }[] }).input;
      return dataReply({
        updateNotificationPreferences: KINDS.map((kind) => ({
          __typename: 'NotificationPreference',
          kind,
          enabled: input.find((i) => i.kind === kind)?.enabled ?? !off.includes(kind),
        })),
      });
    }
    return undefined;
  });
  const client = graphcacheClient(server.exchange, [notificationsCache], {
    keys: { NotificationPreference: (p) => (typeof p.kind === 'string' ? p.kind : null) },
  });
  render(
    <Provider value={client}>
      <NotificationSettingsPage />
    </Provider>,
  );
  return server;
}

describe('NotificationSettingsPage', () => {
  it('groups a switch per kind, each on or off as saved', async () => {
    renderPage();
    const posts = await screen.findByRole('region', { name: 'Posts and comments' });
    expect(within(posts).getAllByRole('switch')).toHaveLength(4);
    expect(within(posts).getByRole('switch', { name: 'Likes' })).toBeChecked();
    const following = screen.getByRole('region', { name: 'Following and followers' });
    expect(within(following).getAllByRole('switch')).toHaveLength(3);
    const stories = screen.getByRole('region', { name: 'Stories' });
    expect(within(stories).getByRole('switch', { name: 'Story reactions' })).not.toBeChecked();
    expect(within(stories).getByRole('switch', { name: 'Story replies' })).toBeChecked();
  });

  it('turns one kind off, sending only that kind', async () => {
    const server = renderPage();
    const likes = await screen.findByRole('switch', { name: 'Likes' });
    await userEvent.click(likes);
    expect(server.sent('UpdateNotificationPreferences')).toEqual([
      { input: [{ kind: 'LIKE', enabled: false }] },
    ]);
    expect(likes).not.toBeChecked();
  });

  it('flips the switch before the server answers, and turns a kind back on', async () => {
    const server = renderPage({ holdSaves: true });
    const reactions = await screen.findByRole('switch', { name: 'Story reactions' });
    await userEvent.click(reactions);
    expect(reactions).toBeChecked();
    expect(server.sent('UpdateNotificationPreferences')).toEqual([
      { input: [{ kind: 'STORY_REACTION', enabled: true }] },
    ]);
  });
});
