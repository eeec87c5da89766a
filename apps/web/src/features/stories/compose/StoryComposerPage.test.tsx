import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { CombinedError, Provider } from 'urql';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient, operationName } from '../../profile/mock-client';
import StoryComposerPage from './StoryComposerPage';

vi.mock('../../create/upload', () => ({
  uploadPhoto: () => ({
    done: Promise.resolve({ id: 'upload-1', width: 1200, height: 900, format: 'JPEG' }),
    abort: () => {},
  }),
}));

type Answer = Parameters<typeof mockClient>[0][string];

function renderComposer(
  createStory: Answer = () => ({ data: { createStory: { __typename: 'Story', id: 's1' } } }),
) {
  const mock = mockClient({ CreateStory: createStory, StoryMentionSuggestions: () => 'pending' });
  render(
    <Provider value={mock.client}>
      <StoryComposerPage />
    </Provider>,
  );
  return mock;
}

async function pickPhoto() {
  const file = new File(['jpeg'], 'beach.jpg', { type: 'image/jpeg' });
  await userEvent.upload(screen.getByLabelText('Select from computer'), file);
  await screen.findByRole('button', { name: 'Share' });
}

const sentInput = (mock: ReturnType<typeof mockClient>) => {
  const call = mock.executeMutation.mock.calls.find((c) => operationName(c) === 'CreateStory');
  if (!call) throw new Error('CreateStory was not sent');
  return (call[0].variables as { input: { overlays: Record<string, unknown>[]; audience: string } }).input;
};

describe('StoryComposerPage', () => {
  beforeEach(() => {
    URL.createObjectURL = vi.fn(() => 'blob:photo');
    URL.revokeObjectURL = vi.fn();
  });

  it('sends a text and a poll with their positions as fractions, to close friends', async () => {
    const mock = renderComposer();
    await pickPhoto();
    await userEvent.click(screen.getByRole('button', { name: 'Add text' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Text' }), 'Hello');
    await userEvent.click(screen.getByRole('radio', { name: 'Neon' }));
    await userEvent.click(screen.getByRole('radio', { name: 'Yellow' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add poll' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Question' }), 'Beach or mountains?');
    await userEvent.clear(screen.getByRole('textbox', { name: 'Option 1' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Option 1' }), 'Beach');
    await userEvent.click(screen.getByRole('radio', { name: /Close friends/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Share' }));

    const input = sentInput(mock);
    expect(input.audience).toBe('CLOSE_FRIENDS');
    expect(input.overlays).toEqual([
      { kind: 'TEXT', x: 0.5, y: 0.3, scale: 1, rotation: 0, text: 'Hello', style: 'NEON', color: 'YELLOW' },
      {
        kind: 'POLL',
        x: 0.5,
        y: 0.55,
        scale: 1,
        rotation: 0,
        question: 'Beach or mountains?',
        options: ['Beach', 'No'],
      },
    ]);
  });

  it('moves the selected sticker with the arrow keys, never past the edge of the canvas', async () => {
    const mock = renderComposer();
    await pickPhoto();
    await userEvent.click(screen.getByRole('button', { name: 'Add hashtag' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Hashtag' }), '#sunset');
    const sticker = screen.getByRole('button', { name: /^Hashtag: #sunset/ });
    for (let i = 0; i < 20; i++) fireEvent.keyDown(sticker, { key: 'ArrowLeft', shiftKey: true });
    fireEvent.keyDown(sticker, { key: 'ArrowDown' });
    await userEvent.click(screen.getByRole('button', { name: 'Share' }));
    // The hashtag's box is 0.35 of the width: its centre stops at half of that from the left edge.
    expect(sentInput(mock).overlays).toEqual([
      { kind: 'HASHTAG', x: 0.175, y: 0.3056, scale: 1, rotation: 0, hashtag: 'sunset' },
    ]);
  });

  it('refuses a second poll and an eleventh sticker, saying why', async () => {
    renderComposer();
    await pickPhoto();
    await userEvent.click(screen.getByRole('button', { name: 'Add poll' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add poll' }));
    expect(screen.getByText('A story can have only one poll.')).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /^Poll:/ })).toHaveLength(1);
    for (let i = 0; i < 10; i++) await userEvent.click(screen.getByRole('button', { name: 'Add question' }));
    expect(screen.getByText('A story can have at most 10 stickers.')).toBeInTheDocument();
    expect(screen.getByText('10/10 stickers')).toBeInTheDocument();
  });

  it('checks a poll before sharing: an empty option is marked beside it', async () => {
    const mock = renderComposer();
    await pickPhoto();
    await userEvent.click(screen.getByRole('button', { name: 'Add poll' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Question' }), 'Pizza?');
    await userEvent.click(screen.getByRole('button', { name: 'Add option' }));
    await userEvent.click(screen.getByRole('button', { name: 'Share' }));
    expect(mock.executeMutation).not.toHaveBeenCalled();
    const third = screen.getByRole('textbox', { name: 'Option 3' });
    expect(third).toHaveAttribute('aria-invalid', 'true');
    expect(third).toHaveAccessibleDescription(/Option 3 is required\./);
    // A fourth is allowed, a fifth is not offered.
    await userEvent.click(screen.getByRole('button', { name: 'Add option' }));
    expect(screen.queryByRole('button', { name: 'Add option' })).not.toBeInTheDocument();
  });

  it("shows the server's field error beside the sticker it names", async () => {
    renderComposer(() => ({
      error: new CombinedError({
        graphQLErrors: [
          new GraphQLError('Invalid input', {
            extensions: {
              code: 'BAD_USER_INPUT',
              fieldErrors: [{ field: 'overlays.1.username', message: 'No account named @nobody' }],
            },
          }),
        ],
      }),
    }));
    await pickPhoto();
    await userEvent.click(screen.getByRole('button', { name: 'Add text' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Text' }), 'Hi');
    await userEvent.click(screen.getByRole('button', { name: 'Add mention' }));
    await userEvent.type(screen.getByRole('combobox', { name: 'Username' }), 'nobody');
    await userEvent.click(screen.getByRole('button', { name: /^Text: Hi/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Share' }));
    // The mention is selected for the author, its error under its username.
    const editor = await screen.findByRole('region', { name: 'Mention' });
    expect(within(editor).getByRole('alert')).toHaveTextContent('No account named @nobody');
    expect(screen.getByRole('button', { name: /^Mention: @nobody \(needs fixing\)/ })).toBeInTheDocument();
  });
});
