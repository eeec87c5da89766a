import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { maskFragments } from 'gql.tada';
import { describe, expect, it, vi } from 'vitest';
import { aspectRatioOf, PostMedia, PostMedia_post } from './PostMedia';

const image = (width: number, height: number) => ({
  width,
  height,
  thumbhash: '',
  dominantColor: '#808080',
  sources: [{ url: `/media/${width}.jpg`, width, format: 'JPEG' as const }],
});

function post(count: number) {
  return maskFragments([PostMedia_post], {
    id: '1',
    status: 'READY',
    author: { id: '7', username: 'sofia.draws' },
    media: Array.from({ length: count }, (_, i) => ({
      id: `m${i}`,
      altText: i === 1 ? '' : `Print ${i + 1}`,
      status: 'READY' as const,
      image: image(1080, 1350),
    })),
  });
}

const activeDot = (container: HTMLElement) =>
  [...container.querySelectorAll('[data-active]')].map((dot) =>
    [...(dot.parentElement?.children ?? [])].indexOf(dot),
  );

describe('PostMedia carousel', () => {
  it('moves with Next photo and Previous photo, and the dots follow', async () => {
    const { container } = render(<PostMedia post={post(3)} sizes="470px" />);
    expect(screen.queryByRole('button', { name: 'Previous photo' })).toBeNull();
    expect(activeDot(container)).toEqual([0]);

    await userEvent.click(screen.getByRole('button', { name: 'Next photo' }));
    expect(activeDot(container)).toEqual([1]);
    expect(screen.getByText('Photo 2 of 3')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Next photo' }));
    expect(activeDot(container)).toEqual([2]);
    expect(screen.queryByRole('button', { name: 'Next photo' })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Previous photo' }));
    expect(activeDot(container)).toEqual([1]);
  });

  it('moves with the arrow keys when focused, and stops at the ends', async () => {
    const { container } = render(<PostMedia post={post(2)} sizes="470px" />);
    const strip = screen.getByRole('group', { name: 'Photos' }).querySelector<HTMLElement>('[tabindex="0"]');
    strip?.focus();
    expect(strip).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}');
    expect(activeDot(container)).toEqual([1]);
    await userEvent.keyboard('{ArrowRight}');
    expect(activeDot(container)).toEqual([1]);
    await userEvent.keyboard('{ArrowLeft}');
    expect(activeDot(container)).toEqual([0]);
  });

  it('describes each photo with its alt text, or by its author', () => {
    render(<PostMedia post={post(2)} sizes="470px" />);
    expect(screen.getByAltText('Print 1')).toBeInTheDocument();
    expect(screen.getByAltText('Photo by sofia.draws')).toBeInTheDocument();
  });

  it('has no carousel controls for a single photo', () => {
    const { container } = render(<PostMedia post={post(1)} sizes="470px" />);
    expect(screen.queryByRole('button', { name: 'Next photo' })).toBeNull();
    expect(container.querySelectorAll('[data-active]')).toHaveLength(0);
  });

  it('reports a double click and pops the heart', () => {
    const onDoubleTap = vi.fn();
    render(<PostMedia post={post(1)} sizes="470px" onDoubleTap={onDoubleTap} />);
    fireEvent.doubleClick(screen.getByRole('group', { name: 'Photos' }));
    expect(onDoubleTap).toHaveBeenCalledOnce();
    expect(screen.getByTestId('heart-pop')).toBeInTheDocument();
  });

  it('keeps the box between 4:5 and 1.91:1', () => {
    expect(aspectRatioOf({ width: 1080, height: 1350 })).toBeCloseTo(0.8);
    expect(aspectRatioOf({ width: 1080, height: 2000 })).toBeCloseTo(0.8);
    expect(aspectRatioOf({ width: 3000, height: 1000 })).toBeCloseTo(1.91);
    expect(aspectRatioOf(null)).toBeCloseTo(0.8);
  });
});
