import { describe, expect, it } from 'vitest';
import { DEFAULT_HIDDEN_WORDS, findHiddenWord, normaliseForMatching } from './words';

describe('hidden words', () => {
  it('normalises case, accents, full-width letters and leetspeak', () => {
    expect(normaliseForMatching('ＳＴＵＰＩＤ')).toBe('stupid');
    expect(normaliseForMatching('Stüpïd!!')).toBe('stupid');
    expect(normaliseForMatching('5tup1d')).toBe('stupid');
    expect(normaliseForMatching('l0$er...')).toBe('loser');
  });

  it('matches whole words and phrases, not parts of words', () => {
    expect(findHiddenWord('you are so STUPID', DEFAULT_HIDDEN_WORDS)).toBe('stupid');
    expect(findHiddenWord('just k.y.s', ['k y s'])).toBe('k y s');
    expect(findHiddenWord('Kill   yourself!', DEFAULT_HIDDEN_WORDS)).toBe('kill yourself');
    expect(findHiddenWord('what a trashy movie', ['trash'])).toBeNull();
    expect(findHiddenWord('scumbag', ['scum'])).toBeNull();
    expect(findHiddenWord('lovely light', DEFAULT_HIDDEN_WORDS)).toBeNull();
  });

  it("uses the person's own words", () => {
    expect(findHiddenWord('Buy my course', ['course'])).toBe('course');
    expect(findHiddenWord('anything', [])).toBeNull();
    expect(findHiddenWord('', ['x'])).toBeNull();
  });
});
