import { render } from '@testing-library/react';
import { maskFragments } from 'gql.tada';
import { describe, expect, it, vi } from 'vitest';
import { LikeSummary, LikeSummary_post, likeSentence } from './LikeSummary';

type FollowState = 'FOLLOWING' | 'NONE' | 'SELF' | 'REQUESTED';

const friend = (viewerFollowState: FollowState = 'FOLLOWING') => ({
  id: '9',
  username: 'noor.lines',
  viewerFollowState,
});

function post(likeCount: number, likePreview: ReturnType<typeof friend> | null) {
  return maskFragments([LikeSummary_post], { id: '1', likeCount, likePreview });
}

describe('likeSentence', () => {
  it('names a followed liker and counts the others', () => {
    expect(likeSentence(13, friend())).toEqual({
      kind: 'likedBy',
      username: 'noor.lines',
      others: 12,
      othersText: '12 others',
    });
    expect(likeSentence(2, friend())).toMatchObject({ othersText: '1 other' });
    expect(likeSentence(1, friend())).toMatchObject({ kind: 'likedBy', othersText: null });
  });

  it('gives the count when the liker is not someone the viewer follows', () => {
    expect(likeSentence(13, friend('NONE'))).toEqual({ kind: 'count', text: '13 likes' });
    expect(likeSentence(1, friend('SELF'))).toEqual({ kind: 'count', text: '1 like' });
    expect(likeSentence(1204, null)).toEqual({ kind: 'count', text: '1,204 likes' });
  });

  it('says nothing without likes', () => {
    expect(likeSentence(0, null)).toEqual({ kind: 'none' });
  });
});

describe('LikeSummary', () => {
  it('reads "Liked by USER and N others" in the feed', () => {
    const { container, getByRole } = render(<LikeSummary post={post(13, friend())} />);
    expect(container).toHaveTextContent('Liked by noor.lines and 12 others');
    expect(getByRole('link', { name: 'noor.lines' })).toHaveAttribute('href', '/noor.lines');
  });

  it('is a "N likes" button on the post page', () => {
    const open = vi.fn();
    const { getByRole } = render(<LikeSummary post={post(13, friend())} onOpenLikers={open} />);
    getByRole('button', { name: '13 likes' }).click();
    expect(open).toHaveBeenCalledOnce();
  });
});
