import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { mockClient, operationName } from '../../features/profile/mock-client';
import { ReportDialog } from './ReportDialog';
import { REPORT_REASONS } from './reasons';

function renderDialog(subject: 'POST' | 'COMMENT' | 'ACCOUNT' = 'POST') {
  const onClose = vi.fn();
  const mock = mockClient({ Report: () => ({ data: { report: true } }) });
  render(
    <Provider value={mock.client}>
      <ReportDialog subject={subject} id="99" onClose={onClose} />
    </Provider>,
  );
  return { ...mock, onClose };
}

describe('ReportDialog', () => {
  it('lists every reason in people’s words', () => {
    renderDialog('COMMENT');
    expect(screen.getByRole('heading', { name: 'Why are you reporting this comment?' })).toBeInTheDocument();
    for (const { label } of REPORT_REASONS)
      expect(screen.getByRole('button', { name: label })).toBeInTheDocument();
  });

  it('sends the reason and the optional details, then thanks the reporter', async () => {
    const { executeMutation, onClose } = renderDialog('POST');
    await userEvent.click(screen.getByRole('button', { name: 'Bullying or harassment' }));
    await userEvent.type(
      screen.getByLabelText('Anything else we should know? (optional)'),
      '  Mean to my friend ',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Submit report' }));
    expect(operationName(executeMutation.mock.calls[0]!)).toBe('Report');
    expect(executeMutation.mock.calls[0]![0].variables).toEqual({
      input: { subject: 'POST', id: '99', reason: 'BULLYING', details: 'Mean to my friend' },
    });
    expect(await screen.findByText('Thanks for letting us know')).toBeInTheDocument();
    await userEvent.click(screen.getAllByRole('button', { name: 'Close' }).at(-1)!);
    expect(onClose).toHaveBeenCalled();
  });

  it('goes back to the reasons, and sends no details when none are given', async () => {
    const { executeMutation } = renderDialog('ACCOUNT');
    await userEvent.click(screen.getByRole('button', { name: "It's spam" }));
    await userEvent.click(screen.getByRole('button', { name: 'Back' }));
    await userEvent.click(screen.getByRole('button', { name: 'Scam or fraud' }));
    await userEvent.click(screen.getByRole('button', { name: 'Submit report' }));
    expect(executeMutation.mock.calls[0]![0].variables).toEqual({
      input: { subject: 'ACCOUNT', id: '99', reason: 'SCAM', details: null },
    });
  });
});
