/**
 * The #hashtag or @mention being typed at the caret, and inserting a chosen suggestion in its place.
 * The boundaries follow the API's own entity rules (modules/text/entities.ts), so what the box offers
 * to complete is what the server will link.
 */

export interface CaretToken {
  trigger: '@' | '#';
  /** What follows the trigger up to the caret. */
  query: string;
  /** Offset of the trigger. */
  start: number;
  /** End of the whole word (the caret may sit inside it), exclusive. */
  end: number;
}

const MENTION_BEFORE_CARET = /(?:^|[^\p{L}\p{N}_.@/])@([a-zA-Z0-9._]{0,30})$/u;
const HASHTAG_BEFORE_CARET = /(?:^|[^\p{L}\p{N}_&/#])#([\p{L}\p{M}\p{N}_]{0,100})$/u;
const MENTION_REST = /^[a-zA-Z0-9._]*/;
const HASHTAG_REST = /^[\p{L}\p{M}\p{N}_]*/u;

export function tokenAtCaret(text: string, caret: number): CaretToken | null {
  const before = text.slice(0, caret);
  for (const [trigger, pattern, rest] of [
    ['@', MENTION_BEFORE_CARET, MENTION_REST],
    ['#', HASHTAG_BEFORE_CARET, HASHTAG_REST],
  ] as const) {
    const match = pattern.exec(before);
    if (!match) continue;
    const query = match[1] ?? '';
    const tail = rest.exec(text.slice(caret))?.[0] ?? '';
    return { trigger, query, start: caret - query.length - 1, end: caret + tail.length };
  }
  return null;
}

/** The text with the token replaced by the choice and a space, and where the caret goes after it. */
export function insertChoice(
  text: string,
  token: CaretToken,
  value: string,
): { text: string; caret: number } {
  const before = text.slice(0, token.start);
  const after = text.slice(token.end);
  const inserted = `${token.trigger}${value}`;
  const spaced = /^\s/.test(after) ? after : ` ${after}`;
  return { text: before + inserted + spaced, caret: before.length + inserted.length + 1 };
}

/** Length as the API counts it: characters (code points), not UTF-16 units. */
export function characterCount(text: string): number {
  return [...text].length;
}
