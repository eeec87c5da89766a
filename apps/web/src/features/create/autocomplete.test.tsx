import { describe, expect, it } from 'vitest';
import { characterCount, insertChoice, tokenAtCaret } from './autocomplete';

/** The token at the `|` in `text`. */
const at = (marked: string) => {
  const caret = marked.indexOf('|');
  return tokenAtCaret(marked.replace('|', ''), caret);
};

describe('tokenAtCaret', () => {
  it('finds a mention being typed', () => {
    expect(at('hello @ma|')).toEqual({ trigger: '@', query: 'ma', start: 6, end: 9 });
  });

  it('finds a hashtag being typed, with letters from any script', () => {
    expect(at('#café|')).toEqual({ trigger: '#', query: 'café', start: 0, end: 5 });
    expect(at('見て #東京|')).toMatchObject({ trigger: '#', query: '東京' });
  });

  it('offers suggestions right after the trigger', () => {
    expect(at('look @|')).toMatchObject({ trigger: '@', query: '' });
  });

  it('covers the whole word when the caret is inside it', () => {
    expect(at('with @ma|ya today')).toEqual({ trigger: '@', query: 'ma', start: 5, end: 10 });
  });

  it('ignores triggers inside words, emails and URLs, as the server does', () => {
    expect(at('mail me@exam|')).toBeNull();
    expect(at('a#b|')).toBeNull();
    expect(at('https://x.com/#top|')).toBeNull();
  });

  it('ends at a space or at characters a tag cannot hold', () => {
    expect(at('@maya |')).toBeNull();
    expect(at('#sun-|')).toBeNull();
    expect(at('#sun.|')).toBeNull();
  });

  it('allows periods in mentions but not in hashtags', () => {
    expect(at('@maya.ok|')).toMatchObject({ trigger: '@', query: 'maya.ok' });
  });

  it('starts after punctuation and line breaks', () => {
    expect(at('(@ma|')).toMatchObject({ trigger: '@', query: 'ma' });
    expect(at('first line\n#su|')).toMatchObject({ trigger: '#', query: 'su' });
  });
});

describe('insertChoice', () => {
  it('replaces the token and adds a space after it', () => {
    const text = 'hi @ma';
    const token = tokenAtCaret(text, text.length)!;
    expect(insertChoice(text, token, 'maya.okafor')).toEqual({ text: 'hi @maya.okafor ', caret: 16 });
  });

  it('replaces the whole word around the caret and keeps what follows', () => {
    const text = 'by #sun today';
    const token = tokenAtCaret(text, 5)!; // '#s|un'
    const result = insertChoice(text, token, 'sunset');
    expect(result.text).toBe('by #sunset today');
    expect(result.caret).toBe('by #sunset '.length);
  });

  it('does not double a space that is already there', () => {
    const text = '@a and more';
    const token = tokenAtCaret(text, 2)!;
    expect(insertChoice(text, token, 'amara.sounds').text).toBe('@amara.sounds and more');
  });
});

describe('characterCount', () => {
  it('counts characters, not UTF-16 units, as the API does', () => {
    expect(characterCount('abc')).toBe(3);
    expect(characterCount('📷🌅')).toBe(2);
  });
});
