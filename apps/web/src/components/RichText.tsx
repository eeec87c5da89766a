import type { ReactNode } from 'react';
import { Link } from 'wouter';

export interface Entity {
  kind: 'HASHTAG' | 'MENTION' | 'URL';
  start: number;
  end: number;
  value: string;
}

/**
 * User text with its #hashtags, @mentions and links as links. The text is rendered as text nodes only
 * (never HTML), so markup someone typed shows as the characters they typed.
 */
export function RichText({ text, entities }: { text: string; entities: readonly Entity[] }) {
  const parts: ReactNode[] = [];
  let cursor = 0;
  for (const entity of [...entities].sort((a, b) => a.start - b.start)) {
    if (entity.start < cursor) continue;
    parts.push(text.slice(cursor, entity.start));
    const label = text.slice(entity.start, entity.end);
    const key = `${entity.start}-${entity.kind}`;
    if (entity.kind === 'MENTION') {
      parts.push(
        <Link key={key} href={`/${entity.value}`} className="entity">
          {label}
        </Link>,
      );
    } else if (entity.kind === 'HASHTAG') {
      parts.push(
        <Link key={key} href={`/explore/tags/${encodeURIComponent(entity.value)}`} className="entity">
          {label}
        </Link>,
      );
    } else {
      parts.push(
        <a
          key={key}
          href={entity.value}
          className="entity"
          rel="noopener noreferrer nofollow ugc"
          target="_blank"
        >
          {label}
        </a>,
      );
    }
    cursor = entity.end;
  }
  parts.push(text.slice(cursor));
  return <>{parts}</>;
}
