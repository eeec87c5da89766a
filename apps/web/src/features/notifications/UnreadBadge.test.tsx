import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { badgeText, UnreadBadge } from './UnreadBadge';

describe('UnreadBadge', () => {
  it('shows the count up to nine, then 9+', () => {
    expect(badgeText(1)).toBe('1');
    expect(badgeText(9)).toBe('9');
    expect(badgeText(10)).toBe('9+');
    expect(badgeText(250)).toBe('9+');
    render(<UnreadBadge count={4} />);
    expect(screen.getByTestId('unread-badge')).toHaveTextContent('4');
  });

  it('renders 9+ past nine', () => {
    render(<UnreadBadge count={12} />);
    expect(screen.getByTestId('unread-badge')).toHaveTextContent('9+');
  });

  it('is hidden at zero', () => {
    const { container } = render(<UnreadBadge count={0} />);
    expect(container).toBeEmptyDOMElement();
    expect(badgeText(0)).toBeNull();
  });
});
