import { useMutation } from 'urql';
import { AddRecentSearchMutation } from './queries';

/**
 * Records what someone opened from the search box in their recent searches. Fire and forget: the link
 * navigates at once, and a failure only means the entry is missing from the list.
 */
export function useRecordSearch() {
  const [, add] = useMutation(AddRecentSearchMutation);
  return {
    account: (userId: string) => void add({ input: { userId } }),
    hashtag: (hashtag: string) => void add({ input: { hashtag } }),
    query: (text: string) => void add({ input: { text } }),
  };
}
