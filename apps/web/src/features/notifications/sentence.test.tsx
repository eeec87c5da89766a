import { describe, expect, it } from 'vitest';
import { type NotificationKind, type SentenceInput, sentenceSegments, sentenceText } from './sentence';

const people = (n: number) => ['ana', 'ben', 'cai'].slice(0, n).map((username) => ({ username }));
const say = (kind: NotificationKind, more: Partial<SentenceInput> = {}) =>
  sentenceText({ kind, actors: people(1), actorCount: 1, ...more });

describe('sentenceText', () => {
  it('names one, two, or two and the rest', () => {
    expect(sentenceText({ kind: 'LIKE', actors: people(1), actorCount: 1 })).toBe('ana liked your photo.');
    expect(sentenceText({ kind: 'LIKE', actors: people(2), actorCount: 2 })).toBe(
      'ana and ben liked your photo.',
    );
    expect(sentenceText({ kind: 'LIKE', actors: people(3), actorCount: 3 })).toBe(
      'ana, ben and 1 other liked your photo.',
    );
    expect(sentenceText({ kind: 'LIKE', actors: people(3), actorCount: 13 })).toBe(
      'ana, ben and 11 others liked your photo.',
    );
    expect(sentenceText({ kind: 'FOLLOW', actors: people(3), actorCount: 13 })).toBe(
      'ana, ben and 11 others started following you.',
    );
  });

  it('counts the actors the viewer cannot see among the others', () => {
    expect(sentenceText({ kind: 'LIKE', actors: people(1), actorCount: 2 })).toBe(
      'ana and 1 other liked your photo.',
    );
    expect(sentenceText({ kind: 'FOLLOW', actors: people(1), actorCount: 13 })).toBe(
      'ana and 12 others started following you.',
    );
  });

  it('says what happened, for every kind', () => {
    expect(say('LIKE')).toBe('ana liked your photo.');
    expect(say('COMMENT', { commentText: 'So good!' })).toBe('ana commented: So good!');
    expect(say('REPLY', { commentText: 'Agreed' })).toBe('ana replied to your comment: Agreed');
    expect(say('MENTION', { commentText: '@maya look' })).toBe('ana mentioned you in a comment: @maya look');
    expect(say('MENTION')).toBe('ana mentioned you in a post.');
    expect(say('FOLLOW')).toBe('ana started following you.');
    expect(say('FOLLOW_REQUEST')).toBe('ana requested to follow you.');
    expect(say('FOLLOW_ACCEPTED')).toBe('ana accepted your follow request.');
    expect(say('STORY_MENTION')).toBe('ana mentioned you in their story.');
    expect(say('STORY_REPLY', { storyResponse: 'Where is this?' })).toBe(
      'ana replied to your story: Where is this?',
    );
    expect(say('STORY_REPLY')).toBe('ana replied to your story.');
    expect(say('STORY_REACTION', { storyResponse: '🔥' })).toBe('ana reacted 🔥 to your story.');
    expect(say('STORY_REACTION')).toBe('ana reacted to your story.');
  });

  it('falls back when the comment is gone', () => {
    expect(say('COMMENT', { commentText: null })).toBe('ana commented on your photo.');
    expect(say('REPLY', { commentText: null })).toBe('ana replied to your comment.');
  });
});

describe('sentenceSegments', () => {
  it('marks the names (set in bold) and what was written apart from the rest', () => {
    expect(
      sentenceSegments({ kind: 'COMMENT', actors: people(2), actorCount: 2, commentText: 'Wow' }),
    ).toEqual([
      { type: 'actor', username: 'ana' },
      { type: 'text', text: ' and ' },
      { type: 'actor', username: 'ben' },
      { type: 'text', text: ' commented: ' },
      { type: 'quote', text: 'Wow' },
    ]);
  });
});
