/** What a search string becomes before it reaches SQL: validated, normalised, and made safe for LIKE. */
import { badInput } from '../../errors';
import { textProblem } from '../text/validate';

export const MAX_QUERY_LENGTH = 100;

/**
 * The text of a search as typed, validated (BAD_USER_INPUT on `query` when too long or not text) and
 * normalised: NFKC (full-width letters, ligatures), trimmed, lowercase.
 */
export function searchText(raw: string): string {
  const problem = textProblem(raw, { label: 'Search', max: MAX_QUERY_LENGTH });
  if (problem) throw badInput('query', problem);
  return raw.normalize('NFKC').trim().toLowerCase();
}

/** A name to look up (an account or a hashtag): the search text without a leading @ or #. */
export function nameQuery(raw: string): string {
  return searchText(raw).replace(/^[@#]/, '');
}

/** Escapes LIKE wildcards so a query of "%" or "_" matches those characters only. */
export function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The query with two neighbouring characters swapped, each way: "jhon" gives "john". Trigrams miss
 * these (a swap breaks three of a short name's five trigrams), and they are the commonest typing slip.
 */
export function transpositions(text: string): string[] {
  const chars = [...text];
  if (chars.length < 3 || chars.length > 30) return [];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) {
    if (chars[i] === chars[i + 1]) continue;
    const swapped = [...chars];
    [swapped[i], swapped[i + 1]] = [chars[i + 1]!, chars[i]!];
    out.add(swapped.join(''));
  }
  return [...out];
}
