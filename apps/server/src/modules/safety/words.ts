/**
 * Hidden words: matching a comment against a person's list and the default list, the way people
 * dodge filters taken into account (case, accents, full-width letters, simple leetspeak, spacing
 * inside a word is not undone). Words match whole words; phrases match as whole-word sequences.
 */

/**
 * The default list: harassment that is never welcome in a comment. It is deliberately short and
 * generic; each person adds their own words.
 */
export const DEFAULT_HIDDEN_WORDS: readonly string[] = [
  'kill yourself',
  'kys',
  'go die',
  'you should die',
  'nobody likes you',
  'worthless',
  'loser',
  'idiot',
  'stupid',
  'moron',
  'ugly',
  'fat pig',
  'disgusting',
  'pathetic',
  'shut up',
  'trash',
  'scum',
  'freak',
];

export const HIDDEN_WORDS_MAX = 500;
export const HIDDEN_WORD_MAX_LENGTH = 60;

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
};

/** Lowercase, NFKC, no accents, leetspeak undone, runs of non-letters collapsed to one space. */
export function normaliseForMatching(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[0134571@$]/g, (c) => LEET[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The first hidden word or phrase the text contains, or null. */
export function findHiddenWord(text: string, words: readonly string[]): string | null {
  const haystack = ` ${normaliseForMatching(text)} `;
  for (const word of words) {
    const needle = normaliseForMatching(word);
    if (needle && haystack.includes(` ${needle} `)) return word;
  }
  return null;
}
