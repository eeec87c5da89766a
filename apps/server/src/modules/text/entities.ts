/**
 * Finds #hashtags, @mentions and links in user text (captions, comments, bios). The text itself is
 * stored and served as plain text; clients build links from these entities, so markup in text never
 * becomes HTML.
 */
export type TextEntityKind = 'HASHTAG' | 'MENTION' | 'URL';

export interface TextEntity {
  kind: TextEntityKind;
  /** UTF-16 offsets into the text, end exclusive (what JavaScript's String#slice takes). */
  start: number;
  end: number;
  /** Hashtag name lowercased without '#', username without '@', or the URL. */
  value: string;
}

const HASHTAG = /(^|[^\p{L}\p{N}_&/#])#([\p{L}\p{M}\p{N}_]{1,100})/gu;
const MENTION = /(^|[^\p{L}\p{N}_.@/])@([a-zA-Z0-9._]{1,30})/gu;
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]}'"]/gu;

export function parseEntities(text: string): TextEntity[] {
  const entities: TextEntity[] = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    entities.push({ kind: 'URL', start: match.index, end: match.index + match[0].length, value: match[0] });
  }
  const insideUrl = (pos: number) => entities.some((e) => e.kind === 'URL' && pos >= e.start && pos < e.end);
  for (const match of text.matchAll(HASHTAG)) {
    const start = match.index + (match[1]?.length ?? 0);
    const name = match[2] ?? '';
    // A tag made only of digits is not a hashtag (#1 is a number), as on Instagram.
    if (/^\p{N}+$/u.test(name) || insideUrl(start)) continue;
    entities.push({ kind: 'HASHTAG', start, end: start + 1 + name.length, value: name.toLowerCase() });
  }
  for (const match of text.matchAll(MENTION)) {
    const start = match.index + (match[1]?.length ?? 0);
    const name = (match[2] ?? '').replace(/\.+$/, '');
    if (!name || insideUrl(start)) continue;
    entities.push({ kind: 'MENTION', start, end: start + 1 + name.length, value: name.toLowerCase() });
  }
  return entities.sort((a, b) => a.start - b.start);
}

export function hashtagsIn(text: string): string[] {
  return [
    ...new Set(
      parseEntities(text)
        .filter((e) => e.kind === 'HASHTAG')
        .map((e) => e.value),
    ),
  ];
}

export function mentionsIn(text: string): string[] {
  return [
    ...new Set(
      parseEntities(text)
        .filter((e) => e.kind === 'MENTION')
        .map((e) => e.value),
    ),
  ];
}
