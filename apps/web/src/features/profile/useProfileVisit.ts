import { useEffect, useRef } from 'react';
import { useClient } from 'urql';
import { graphql } from '../../graphql';

const RecordProfileVisitMutation = graphql(`
  mutation RecordProfileVisit($userId: ID!) {
    recordProfileVisit(userId: $userId)
  }
`);

/**
 * Counts a visit to someone else's profile towards the viewer's affinity with them (the Home feed ranks
 * their posts higher). Once per visit: re-renders, a fresh answer from the server and opening the
 * follower lists are the same visit; going to another profile and coming back is a new one. Fire and
 * forget: the answer is a bare Boolean (nothing to cache) and a failure changes nothing on screen.
 *
 * `userId` is null when the visit does not count: your own profile, or nobody logged in.
 */
export function useProfileVisit(userId: string | null): void {
  const client = useClient();
  const recorded = useRef<string | null>(null);
  useEffect(() => {
    if (!userId || recorded.current === userId) return;
    recorded.current = userId;
    client
      .mutation(RecordProfileVisitMutation, { userId })
      .toPromise()
      .catch(() => {});
  }, [client, userId]);
}
