import { useEffect, useRef } from 'react';
import { useQuery, useSubscription } from 'urql';
import { useLocation } from 'wouter';
import { showToast } from '../../components/post/toast';
import { readFragment } from '../../graphql';
import {
  ActivityRow_notification,
  NotificationReceivedSubscription,
  UnreadNotificationCountQuery,
  UnreadNotificationCountSubscription,
} from './fragments';
import { sentenceText } from './sentence';

/** A toast is one line: a long comment is cut short. */
function clip(text: string | undefined): string | undefined {
  return text && text.length > 40 ? `${text.slice(0, 39).trimEnd()}…` : text;
}

/**
 * For the signed-in shell, mounted once: listens for new activity and unread counts over the socket.
 * The cache part (cache.ts) writes each event into the list and the count; this raises a toast for new
 * activity unless the activity list is already on screen. Returns the unread count for the badge.
 */
export function useLiveNotifications(signedIn: boolean): number {
  const [location] = useLocation();
  const onActivity = useRef(false);
  onActivity.current = location === '/activity';

  const [count] = useQuery({
    query: UnreadNotificationCountQuery,
    pause: !signedIn,
    // The count moves while the app is closed; the stored copy shows until the server answers.
    requestPolicy: 'cache-and-network',
  });
  const [received] = useSubscription({ query: NotificationReceivedSubscription, pause: !signedIn });
  useSubscription({ query: UnreadNotificationCountSubscription, pause: !signedIn });

  const latest = received.data?.notificationReceived;
  useEffect(() => {
    if (!latest || onActivity.current) return;
    const entry = readFragment(ActivityRow_notification, latest);
    showToast(
      sentenceText({
        kind: entry.kind,
        actors: entry.actors,
        actorCount: entry.actorCount,
        commentText: clip(entry.comment?.text),
      }),
    );
  }, [latest]);

  return signedIn ? (count.data?.viewer?.unreadNotificationCount ?? 0) : 0;
}
