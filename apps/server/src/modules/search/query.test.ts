import { describe, expect, it } from 'vitest';
import { likePrefix, nameQuery, searchText, transpositions } from './query';

describe('search query', () => {
  it('normalises and strips a leading @ or #', () => {
    expect(nameQuery('  @MAR ')).toBe('mar');
    expect(nameQuery('#Sun')).toBe('sun');
    expect(searchText('ｆｏｏ')).toBe('foo');
  });

  it('refuses long or malformed text on the query field', () => {
    expect(() => searchText('x'.repeat(101))).toThrow(/longer than 100/);
    expect(() => searchText('a\u0000b')).toThrow(/control characters/);
    expect(() => searchText('\ud800')).toThrow(/malformed/);
  });

  it('escapes LIKE wildcards', () => {
    expect(likePrefix('50%_\\')).toBe('50\\%\\_\\\\%');
  });

  it('swaps neighbouring characters for typo candidates', () => {
    expect(transpositions('jhon')).toEqual(['hjon', 'john', 'jhno']);
    expect(transpositions('ab')).toEqual([]);
    expect(transpositions('aab')).toEqual(['aba']);
  });
});
