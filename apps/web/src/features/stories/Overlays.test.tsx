import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { contrastingText, OverlayLayer, overlayPlacement } from './Overlays';
import type { OverlayData } from './OverlaysShared';

const at = (x: number, y: number, scale = 1, rotation = 0) => ({ x, y, scale, rotation });

describe('overlayPlacement', () => {
  it('puts the centre on (x, y) in percent of the canvas, then rotates and scales about it', () => {
    expect(overlayPlacement(at(0.25, 0.75, 1.5, -30))).toEqual({
      left: '25%',
      top: '75%',
      transform: 'translate(-50%, -50%) rotate(-30deg) scale(1.5)',
    });
  });

  it('keeps overlays on the canvas and within the allowed scale and rotation', () => {
    expect(overlayPlacement(at(-0.2, 1.4, 9, 270))).toEqual({
      left: '0%',
      top: '100%',
      transform: 'translate(-50%, -50%) rotate(180deg) scale(5)',
    });
    expect(overlayPlacement(at(Number.NaN, 0.5, 0.01, 0)).left).toBe('0%');
    expect(overlayPlacement(at(0.5, 0.5, 0.01, 0)).transform).toContain('scale(0.2)');
  });

  it('rounds to a thousandth, so styles stay short', () => {
    expect(overlayPlacement(at(1 / 3, 2 / 3, 1, 12.34567)).left).toBe('33.333%');
    expect(overlayPlacement(at(1 / 3, 2 / 3, 1, 12.34567)).transform).toContain('rotate(12.346deg)');
  });
});

describe('contrastingText', () => {
  it('picks black on light colours and white on dark ones', () => {
    expect(contrastingText('#ffd60a')).toBe('#000000');
    expect(contrastingText('#ffffff')).toBe('#000000');
    expect(contrastingText('#1d2b3a')).toBe('#ffffff');
    expect(contrastingText('not a colour')).toBe('#ffffff');
  });
});

describe('OverlayLayer', () => {
  const overlays: OverlayData[] = [
    { index: 1, kind: 'TEXT', position: at(0.5, 0.2), text: 'Summit!', style: 'STRONG', color: '#ffd60a' },
    { index: 0, kind: 'MENTION', position: at(0.3, 0.8, 1, -8), user: { username: 'sofia.draws' } },
    { index: 2, kind: 'HASHTAG', position: at(0.7, 0.9), hashtag: 'streetfood' },
    { index: 3, kind: 'MENTION', position: at(0.5, 0.5), user: null },
  ];
  const stickers = { storyId: 's1', viewerIsOwner: false, poll: null, slider: null };

  it('draws each overlay at its place, in order, with its text style', () => {
    const { container } = render(<OverlayLayer overlays={overlays} stickers={stickers} />);
    const placed = [...container.querySelectorAll<HTMLElement>('[data-kind]')];
    expect(placed.map((el) => el.dataset.kind)).toEqual(['mention', 'text', 'hashtag', 'mention']);
    expect(placed[0]).toHaveStyle({ left: '30%', top: '80%' });
    const text = screen.getByText('Summit!');
    expect(text).toHaveClass('strong');
    // Strong text sits on its colour, in black or white for contrast.
    expect(text).toHaveStyle({ backgroundColor: '#ffd60a', color: '#000000' });
  });

  it("links mentions to the profile and hashtags to the tag's page; a hidden account shows nothing", () => {
    const { container } = render(<OverlayLayer overlays={overlays} stickers={stickers} />);
    expect(screen.getByRole('link', { name: '@sofia.draws' })).toHaveAttribute('href', '/sofia.draws');
    expect(screen.getByRole('link', { name: '#streetfood' })).toHaveAttribute(
      'href',
      '/explore/tags/streetfood',
    );
    expect(container.querySelector('[data-kind="mention"]:last-child')).toBeEmptyDOMElement();
  });

  it("draws stickers inert without a published story (the composer's preview)", () => {
    render(<OverlayLayer overlays={overlays} />);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText('@sofia.draws')).toBeInTheDocument();
  });
});
