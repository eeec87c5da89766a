import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RichText } from './RichText';

describe('RichText', () => {
  it('links a #hashtag to its page and keeps the text around it', () => {
    const text = 'Golden hour #Sunset by the sea';
    render(
      <p>
        <RichText text={text} entities={[{ kind: 'HASHTAG', start: 12, end: 19, value: 'sunset' }]} />
      </p>,
    );
    expect(screen.getByRole('link', { name: '#Sunset' })).toHaveAttribute('href', '/explore/tags/sunset');
    expect(screen.getByRole('paragraph')).toHaveTextContent(text);
  });

  it('escapes a tag name with characters a path cannot hold as they are', () => {
    render(<RichText text="#東京" entities={[{ kind: 'HASHTAG', start: 0, end: 3, value: '東京' }]} />);
    expect(screen.getByRole('link', { name: '#東京' })).toHaveAttribute(
      'href',
      `/explore/tags/${encodeURIComponent('東京')}`,
    );
  });
});
