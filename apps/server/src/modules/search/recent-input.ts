/** Validates what addRecentSearch records: exactly one of an account, a hashtag or a text query. */
import { badInput } from '../../errors';
import { textProblem } from '../text/validate';
import { MAX_QUERY_LENGTH } from './query';
import type { RecentSearchKind } from './recent';

const HASHTAG_NAME = /^[\p{L}\p{M}\p{N}_]{1,100}$/u;

export interface RecentSearchInput {
  userId?: string | null;
  hashtag?: string | null;
  text?: string | null;
}

export function recentSubject(input: RecentSearchInput): { kind: RecentSearchKind; subject: string } {
  const given = [input.userId, input.hashtag, input.text].filter((v) => v != null);
  if (given.length !== 1) throw badInput('input', 'Give exactly one of userId, hashtag or text');
  if (input.userId != null) return { kind: 'account', subject: input.userId };
  if (input.hashtag != null) {
    const name = input.hashtag.normalize('NFKC').trim().replace(/^#/, '').toLowerCase();
    if (!HASHTAG_NAME.test(name)) throw badInput('hashtag', 'Not a hashtag');
    return { kind: 'hashtag', subject: name };
  }
  const raw = input.text ?? '';
  const problem = textProblem(raw, { label: 'Search', max: MAX_QUERY_LENGTH });
  if (problem) throw badInput('text', problem);
  const text = raw.normalize('NFKC').trim().toLowerCase();
  if (text === '') throw badInput('text', "Search can't be empty");
  return { kind: 'query', subject: text };
}
