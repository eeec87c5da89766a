import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { maskFragments, readResult } from 'gql.tada/testing';
import { describe, expect, it } from 'vitest';
import { PostAuthor_user } from './fragments';
import { captionCut, PostCaption, PostCaption_post } from './PostCaption';

const LONG =
  'Four mornings, four ridges, one very cold pair of hands. I kept going back until the fog finally lifted off the valley at dawn and the light came through.';

function post(
  caption: string,
  entities: { kind: 'HASHTAG'; start: number; end: number; value: string }[] = [],
) {
  const data = readResult(
    PostCaption_post,
    {
      id: '1',
      caption,
      captionEntities: entities,
      author: { id: '7', username: 'maya.okafor', isVerified: false, avatar: null },
    },
    [PostAuthor_user],
  );
  return maskFragments([PostCaption_post], data);
}

describe('captionCut', () => {
  it('keeps a short caption whole', () => {
    expect(captionCut('Golden hour', [])).toBeNull();
  });

  it('cuts a long caption at a space near 125 characters', () => {
    const cut = captionCut(LONG, []);
    expect(cut).not.toBeNull();
    expect(cut).toBeLessThanOrEqual(125);
    expect(LONG.charAt(cut ?? 0)).toBe(' ');
  });

  it('shows at most two lines', () => {
    expect(captionCut('one\ntwo\nthree', [])).toBe('one\ntwo'.length);
  });

  it('never cuts inside a hashtag', () => {
    const text = `${'a'.repeat(120)} #goldenhourlight and more words after it`;
    const start = text.indexOf('#');
    const cut = captionCut(text, [{ start, end: start + '#goldenhourlight'.length }]);
    expect(cut).toBeLessThanOrEqual(start);
  });
});

describe('PostCaption', () => {
  it('truncates a long caption behind "more", and shows it all when asked', async () => {
    render(<PostCaption post={post(LONG)} />);
    expect(screen.queryByText(/the light came through/)).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'more' }));
    expect(screen.getByText(/the light came through\./)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'more' })).toBeNull();
  });

  it('has no "more" for a short caption, and links its hashtags', () => {
    render(
      <PostCaption
        post={post('Last light #goldenhour', [{ kind: 'HASHTAG', start: 11, end: 22, value: 'goldenhour' }])}
      />,
    );
    expect(screen.queryByRole('button', { name: 'more' })).toBeNull();
    expect(screen.getByRole('link', { name: '#goldenhour' })).toHaveAttribute(
      'href',
      '/explore/tags/goldenhour',
    );
    expect(screen.getByRole('link', { name: 'maya.okafor' })).toHaveAttribute('href', '/maya.okafor');
  });
});
