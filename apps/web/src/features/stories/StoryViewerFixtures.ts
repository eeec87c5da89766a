/** Stories as the API sends them, for the story viewer's component tests. */
import { maskFragments, readResult } from 'gql.tada/testing';
import { Overlays_story } from './Overlays';
import type { OverlayData } from './OverlaysShared';
import { StoryViewer_story } from './StoryViewer';
import { ACTIVITY_PAGE, ViewersSheet_responses, ViewersSheet_story } from './ViewersSheet';

export interface StoryFixture {
  id: string;
  viewerIsOwner?: boolean;
  viewerHasSeen?: boolean;
  closeFriendsOnly?: boolean;
  withImage?: boolean;
  overlays?: OverlayData[];
  poll?: { counts: number[] | null; total: number | null; viewerVote: number | null } | null;
  viewers?: { username: string; seenAt: string }[];
  /** Newest first; more than a page come back as the first page, with more to fetch. */
  replies?: ResponseFixture[];
  reactions?: ResponseFixture[];
  answers?: ResponseFixture[];
}

export interface ResponseFixture {
  username: string;
  /** The reply, the emoji or the answer. */
  text: string;
  createdAt: string;
}

function responsesOf(kind: string, responses: ResponseFixture[] = []) {
  return {
    edges: responses.slice(0, ACTIVITY_PAGE).map((response, i) => ({
      node: {
        id: `${kind}${i}`,
        text: response.text,
        createdAt: response.createdAt,
        user: { id: `u-${response.username}`, username: response.username, avatar: null },
      },
    })),
    pageInfo: { hasNextPage: responses.length > ACTIVITY_PAGE },
  };
}

export const image = {
  width: 1080,
  height: 1920,
  thumbhash: '',
  dominantColor: '#202020',
  sources: [{ url: '/media/s/story.jpg', width: 1080, format: 'JPEG' as const }],
};

export function storyOf(fixture: StoryFixture) {
  const data = readResult(
    StoryViewer_story,
    {
      id: fixture.id,
      status: 'READY',
      createdAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
      closeFriendsOnly: fixture.closeFriendsOnly ?? false,
      viewerHasSeen: fixture.viewerHasSeen ?? false,
      viewerIsOwner: fixture.viewerIsOwner ?? false,
      image: fixture.withImage ? image : null,
      overlays: (fixture.overlays ?? []).map((overlay) => ({
        index: overlay.index,
        kind: overlay.kind,
        position: overlay.position,
        text: overlay.text ?? null,
        style: overlay.style ?? null,
        color: overlay.color ?? null,
        user: overlay.user ? { id: `u-${overlay.user.username}`, username: overlay.user.username } : null,
        hashtag: overlay.hashtag ?? null,
        question: overlay.question ?? null,
        options: overlay.options ? [...overlay.options] : null,
        emoji: overlay.emoji ?? null,
      })),
      poll: fixture.poll ?? null,
      slider: null,
      viewers: fixture.viewerIsOwner
        ? {
            edges: (fixture.viewers ?? []).map((viewer, i) => ({
              seenAt: viewer.seenAt,
              node: { id: `v${i}`, username: viewer.username, displayName: '', avatar: null },
            })),
            pageInfo: { hasNextPage: false },
          }
        : null,
      replies: fixture.viewerIsOwner ? responsesOf('reply', fixture.replies) : null,
      reactions: fixture.viewerIsOwner ? responsesOf('reaction', fixture.reactions) : null,
      answers: fixture.viewerIsOwner ? responsesOf('answer', fixture.answers) : null,
    },
    [Overlays_story, ViewersSheet_story, ViewersSheet_responses],
  );
  return maskFragments([StoryViewer_story], data);
}

export const pollOverlay = (options: string[], question = 'Beach or hills?'): OverlayData => ({
  index: 0,
  kind: 'POLL',
  position: { x: 0.5, y: 0.5, scale: 1, rotation: 0 },
  question,
  options,
});

export const questionOverlay = (question = 'Ask me anything', index = 1): OverlayData => ({
  index,
  kind: 'QUESTION',
  position: { x: 0.5, y: 0.7, scale: 1, rotation: 0 },
  question,
});
