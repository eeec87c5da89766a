import { useQuery } from 'urql';
import type { ImageData } from '../../components/Picture';
import { StoryResponseQuery } from './fragments';
import type { NotificationKind } from './sentence';

const RESPONSE_KIND = { STORY_REPLY: 'REPLY', STORY_REACTION: 'REACTION' } as const;

/**
 * A story entry's missing pieces: the reply's text or the reaction's emoji (the actor's latest), and the
 * story's picture. Asked only for story entries; nothing while the story is gone or still loading.
 */
export function useStoryResponse(
  kind: NotificationKind,
  storyId: string,
  actorId: string | undefined,
): { text: string | null; image: ImageData | null } {
  const isStory = kind === 'STORY_REPLY' || kind === 'STORY_REACTION' || kind === 'STORY_MENTION';
  const responseKind = kind === 'STORY_REPLY' || kind === 'STORY_REACTION' ? RESPONSE_KIND[kind] : 'REPLY';
  const [{ data }] = useQuery({
    query: StoryResponseQuery,
    variables: { id: storyId, kind: responseKind },
    pause: !isStory,
  });
  const story = isStory ? data?.story : null;
  const own =
    kind === 'STORY_MENTION'
      ? undefined
      : story?.responses?.edges.find((edge) => edge.node.user.id === actorId)?.node.text;
  return { text: own ?? null, image: story?.image ?? null };
}
