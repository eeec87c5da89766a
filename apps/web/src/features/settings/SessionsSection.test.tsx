import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { apiError, renderSecurity, THIS_DEVICE, viewer } from './securityTestServer';

async function sessionsSection() {
  const section = await screen.findByRole('region', { name: "Where you're logged in" });
  return { section, list: within(section).getByRole('list', { name: 'Sessions' }) };
}

describe('SecurityPage: where you are logged in', () => {
  it('lists the sessions most recently active first, this device marked and without a log-out button', async () => {
    renderSecurity();
    const { list } = await sessionsSection();
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('span')?.firstChild?.textContent)).toEqual([
      'Chrome on Linux',
      'Safari on iPhone',
      'Firefox on Windows',
    ]);
    expect(items[0]).toHaveTextContent('This device');
    expect(items[0]).toHaveTextContent('203.0.113.7 · Last active just now');
    expect(within(items[0]!).queryByRole('button')).not.toBeInTheDocument();
    expect(items[1]).toHaveTextContent('198.51.100.23 · Last active 3 hours ago');
    expect(items[1]).not.toHaveTextContent('This device');
    // No IP known: just the time.
    expect(items[2]).toHaveTextContent('Firefox on WindowsLast active 2 days ago');
    expect(items[2]).not.toHaveTextContent('·');

    const logOut = within(items[1]!).getByRole('button', { name: 'Log out Safari on iPhone' });
    expect(logOut).toHaveTextContent('Log out');
    expect(logOut).toHaveAccessibleDescription('198.51.100.23 · Last active 3 hours ago');
  });

  it('logs out another session: it leaves the list, and focus goes to the heading', async () => {
    const { mutations } = renderSecurity({ RevokeSession: () => ({ revokeSession: true }) });
    const { section, list } = await sessionsSection();
    await userEvent.click(within(list).getByRole('button', { name: 'Log out Safari on iPhone' }));

    expect(mutations()).toEqual([['RevokeSession', { id: '2' }]]);
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(list).not.toHaveTextContent('Safari on iPhone');
    expect(within(section).getByRole('status')).toHaveTextContent('Logged out of Safari on iPhone.');
    expect(within(section).getByRole('heading', { name: "Where you're logged in" })).toHaveFocus();
    expect(within(list).getByRole('button', { name: 'Log out Firefox on Windows' })).toBeEnabled();
  });

  it('keeps the session listed and says why when logging it out fails', async () => {
    renderSecurity({ RevokeSession: () => apiError('Session not found', 'NOT_FOUND') });
    const { section, list } = await sessionsSection();
    await userEvent.click(within(list).getByRole('button', { name: 'Log out Firefox on Windows' }));
    expect(await within(section).findByRole('alert')).toHaveTextContent('Session not found');
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    expect(within(section).getByRole('status')).toBeEmptyDOMElement();
  });

  it('logs out everywhere, this device included, only after asking', async () => {
    // Leaving for the log-in page is a full page load; here it is only recorded.
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => {});
    const { mutations } = renderSecurity({ LogOutEverywhere: () => ({ logOutEverywhere: true }) });
    const { section } = await sessionsSection();
    await userEvent.click(within(section).getByRole('button', { name: 'Log out everywhere' }));
    const dialog = screen.getByRole('dialog', { name: 'Log out everywhere?' });
    expect(dialog).toHaveTextContent('this one included');

    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(mutations()).toEqual([]);

    await userEvent.click(within(section).getByRole('button', { name: 'Log out everywhere' }));
    const again = screen.getByRole('dialog', { name: 'Log out everywhere?' });
    await userEvent.click(within(again).getByRole('button', { name: 'Log out everywhere' }));
    expect(mutations().map(([name]) => name)).toEqual(['LogOutEverywhere']);
    await vi.waitFor(() => expect(assign).toHaveBeenCalledWith('/accounts/login'));
  });

  it('with only this session, offers nothing to log out here', async () => {
    renderSecurity({}, viewer({ sessions: [THIS_DEVICE] }));
    const { section, list } = await sessionsSection();
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(within(section).queryByRole('button', { name: /log out/i })).not.toBeInTheDocument();
  });
});
