import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RelativeTime, relativeTime } from './RelativeTime';

const now = Date.parse('2026-11-21T12:00:00Z');
const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();

describe('relativeTime', () => {
  it('shows the compact units Instagram uses', () => {
    expect(relativeTime(ago(30), now)).toBe('now');
    expect(relativeTime(ago(5 * 60), now)).toBe('5m');
    expect(relativeTime(ago(3 * 3600), now)).toBe('3h');
    expect(relativeTime(ago(2 * 86_400), now)).toBe('2d');
    expect(relativeTime(ago(4 * 7 * 86_400), now)).toBe('4w');
  });

  it('never shows a time in the future', () => {
    expect(relativeTime(ago(-120), now)).toBe('now');
  });
});

describe('RelativeTime', () => {
  it('renders a <time> with the ISO date and the long form', () => {
    const iso = new Date(Date.now() - 2 * 3600 * 1000).toISOString();
    render(<RelativeTime iso={iso} long />);
    const time = screen.getByText('2 hours ago');
    expect(time.tagName).toBe('TIME');
    expect(time).toHaveAttribute('datetime', iso);
  });
});
