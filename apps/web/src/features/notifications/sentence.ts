/**
 * The words of an activity entry, as Instagram writes them: "ana, ben and 11 others liked your photo."
 * Built as segments so the screen can set names in bold (and link them) while a toast reads it as text.
 */
export type NotificationKind =
  | 'LIKE'
  | 'COMMENT'
  | 'REPLY'
  | 'MENTION'
  | 'FOLLOW'
  | 'FOLLOW_REQUEST'
  | 'FOLLOW_ACCEPTED'
  | 'STORY_MENTION'
  | 'STORY_REPLY'
  | 'STORY_REACTION';

export type Segment =
  | { type: 'actor'; username: string }
  | { type: 'text'; text: string }
  /** What someone wrote (a comment, a reply to a story), shown as they wrote it. */
  | { type: 'quote'; text: string };

export interface SentenceInput {
  kind: NotificationKind;
  /** The latest actors the viewer can see, newest first. */
  actors: readonly { username: string }[];
  /** Everyone the entry counts. */
  actorCount: number;
  /** The comment, reply or mentioning comment, when there is one. */
  commentText?: string | null;
  /** A story reply's text or a story reaction's emoji, once known. */
  storyResponse?: string | null;
}

const text = (t: string): Segment => ({ type: 'text', text: t });

/** Two names at most, then "and N others": "ana", "ana and ben", "ana, ben and 11 others". */
export function actorSegments(actors: readonly { username: string }[], actorCount: number): Segment[] {
  const count = Math.max(actorCount, actors.length);
  const named: Segment[] = actors
    .slice(0, count > 2 ? 2 : count)
    .map((a) => ({ type: 'actor', username: a.username }));
  const others = count - named.length;
  if (others === 0) return named.length === 2 ? [named[0]!, text(' and '), named[1]!] : named;
  const listed = named.length === 2 ? [named[0]!, text(', '), named[1]!] : named;
  return [...listed, text(` and ${others} ${others === 1 ? 'other' : 'others'}`)];
}

/** What follows the names, by kind. */
function predicate(input: SentenceInput): Segment[] {
  const said = (lead: string, words: string | null | undefined, otherwise: string): Segment[] =>
    words ? [text(` ${lead} `), { type: 'quote', text: words }] : [text(` ${otherwise}`)];
  switch (input.kind) {
    case 'LIKE':
      return [text(' liked your photo.')];
    case 'COMMENT':
      return said('commented:', input.commentText, 'commented on your photo.');
    case 'REPLY':
      return said('replied to your comment:', input.commentText, 'replied to your comment.');
    case 'MENTION':
      // A caption's mention has no comment.
      return said('mentioned you in a comment:', input.commentText, 'mentioned you in a post.');
    case 'FOLLOW':
      return [text(' started following you.')];
    case 'FOLLOW_REQUEST':
      return [text(' requested to follow you.')];
    case 'FOLLOW_ACCEPTED':
      return [text(' accepted your follow request.')];
    case 'STORY_MENTION':
      return [text(' mentioned you in their story.')];
    case 'STORY_REPLY':
      return said('replied to your story:', input.storyResponse, 'replied to your story.');
    case 'STORY_REACTION':
      return input.storyResponse
        ? [text(` reacted ${input.storyResponse} to your story.`)]
        : [text(' reacted to your story.')];
  }
}

export function sentenceSegments(input: SentenceInput): Segment[] {
  return [...actorSegments(input.actors, input.actorCount), ...predicate(input)];
}

/** The sentence as plain text, for a toast or a screen reader's summary. */
export function sentenceText(input: SentenceInput): string {
  return sentenceSegments(input)
    .map((s) => (s.type === 'actor' ? s.username : s.text))
    .join('');
}
