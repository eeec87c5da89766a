import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { maskFragments } from 'gql.tada';
import { CombinedError, Provider } from 'urql';
import { describe, expect, it } from 'vitest';
import { mockClient, operationName } from '../profile/mock-client';
import { CaseCard, CaseCard_case } from './CaseCard';

function reportedPost() {
  return maskFragments([CaseCard_case], {
    id: 'POST:7',
    subject: 'POST',
    subjectId: '7',
    reportCount: 2,
    reasons: ['SPAM', 'SCAM'],
    firstReportedAt: '2026-01-01T10:00:00Z',
    post: {
      id: '7',
      caption: 'Win a free phone',
      status: 'ready',
      createdAt: '2026-01-01T09:00:00Z',
      photoUrls: ['/media/a.jpg', '/media/b.jpg'],
    },
    comment: null,
    account: {
      id: '3',
      username: 'spammy',
      displayName: 'Spammy',
      isPrivate: false,
      suspended: false,
      createdAt: '2025-12-31T00:00:00Z',
      priorActions: 1,
    },
    reports: [
      {
        id: 'r1',
        reason: 'SPAM',
        details: 'Posted everywhere',
        createdAt: '2026-01-01T10:00:00Z',
        reporter: { id: '4', username: 'ben' },
      },
      { id: 'r2', reason: 'SCAM', details: '', createdAt: '2026-01-01T11:00:00Z', reporter: null },
    ],
  });
}

function renderCard(
  answer: () => { data?: unknown; error?: CombinedError } = () => ({ data: { moderate: { id: '1' } } }),
) {
  const mock = mockClient({ Moderate: answer });
  render(
    <Provider value={mock.client}>
      <CaseCard data={reportedPost()} />
    </Provider>,
  );
  return mock;
}

describe('CaseCard', () => {
  it('shows the post in context: photos, caption, account, count, reasons, reporters and details', () => {
    renderCard();
    const card = screen.getByRole('article', { name: 'Reported post by spammy' });
    expect(within(card).getAllByRole('img')).toHaveLength(2);
    expect(within(card).getByText('Win a free phone')).toBeInTheDocument();
    expect(within(card).getByText('2 reports')).toBeInTheDocument();
    expect(within(card).getByText('1 earlier action')).toBeInTheDocument();
    const reasons = within(card).getByRole('list', { name: 'Reasons' });
    expect(within(reasons).getByText("It's spam")).toBeInTheDocument();
    expect(within(reasons).getByText('Scam or fraud')).toBeInTheDocument();
    expect(within(card).getByText('ben')).toBeInTheDocument();
    expect(within(card).getByText('“Posted everywhere”')).toBeInTheDocument();
    for (const name of ['Remove', 'Warn', 'Suspend', 'Dismiss']) {
      expect(within(card).getByRole('button', { name })).toBeInTheDocument();
    }
  });

  it('removes after a confirmation, with the note', async () => {
    const { executeMutation } = renderCard();
    await userEvent.click(screen.getByRole('button', { name: 'Remove' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove this post?' });
    expect(executeMutation).not.toHaveBeenCalled();
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Note (optional)' }), 'Scam link');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(operationName(executeMutation.mock.calls[0]!)).toBe('Moderate');
    expect(executeMutation.mock.calls[0]![0].variables).toEqual({
      input: { subject: 'POST', id: '7', action: 'REMOVE', note: 'Scam link' },
    });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('suspends the account and dismisses without a note', async () => {
    const { executeMutation } = renderCard();
    await userEvent.click(screen.getByRole('button', { name: 'Suspend' }));
    await userEvent.click(
      within(screen.getByRole('dialog', { name: 'Suspend spammy?' })).getByRole('button', {
        name: 'Suspend',
      }),
    );
    expect(executeMutation.mock.calls[0]![0].variables).toEqual({
      input: { subject: 'POST', id: '7', action: 'SUSPEND', note: null },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(executeMutation).toHaveBeenCalledTimes(1);
  });

  it('keeps the dialog open with the error when the action is refused', async () => {
    renderCard(() => ({
      error: new CombinedError({
        graphQLErrors: [{ message: "You can't moderate your own account or content" }],
      }),
    }));
    await userEvent.click(screen.getByRole('button', { name: 'Warn' }));
    const dialog = screen.getByRole('dialog', { name: 'Warn spammy?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Warn' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent("You can't moderate");
  });
});
