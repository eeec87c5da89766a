import { useId } from 'react';
import { useMutation, useQuery } from 'urql';
import { PageSkeleton } from '../../components/Skeleton';
import { graphql } from '../../graphql';
import { errorMessage } from '../../lib/errors';
import styles from '../settings/Settings.module.css';
import { SettingsNav } from '../settings/SettingsNav';
import type { NotificationKind } from './sentence';

const NotificationPreferencesQuery = graphql(`
  query NotificationPreferences {
    viewer {
      notificationPreferences { kind enabled }
    }
  }
`);

// Exactly what the optimistic answer in cache.ts carries, so the switch flips before the server answers.
const UpdatePreferencesMutation = graphql(`
  mutation UpdateNotificationPreferences($input: [NotificationPreferenceInput!]!) {
    updateNotificationPreferences(input: $input) { kind enabled }
  }
`);

/** The switches, grouped as Instagram's notification settings are. */
export const PREFERENCE_GROUPS: readonly {
  title: string;
  kinds: readonly { kind: NotificationKind; label: string; hint: string }[];
}[] = [
  {
    title: 'Posts and comments',
    kinds: [
      { kind: 'LIKE', label: 'Likes', hint: 'ana liked your photo.' },
      { kind: 'COMMENT', label: 'Comments', hint: 'ana commented: "Nice shot!"' },
      { kind: 'REPLY', label: 'Replies to your comments', hint: 'ana replied to your comment.' },
      { kind: 'MENTION', label: 'Mentions', hint: 'ana mentioned you in a comment or a post.' },
    ],
  },
  {
    title: 'Following and followers',
    kinds: [
      { kind: 'FOLLOW', label: 'New followers', hint: 'ana started following you.' },
      { kind: 'FOLLOW_REQUEST', label: 'Follow requests', hint: 'ana requested to follow you.' },
      {
        kind: 'FOLLOW_ACCEPTED',
        label: 'Accepted follow requests',
        hint: 'ana accepted your follow request.',
      },
    ],
  },
  {
    title: 'Stories',
    kinds: [
      { kind: 'STORY_MENTION', label: 'Mentions in stories', hint: 'ana mentioned you in their story.' },
      { kind: 'STORY_REPLY', label: 'Story replies', hint: 'ana replied to your story.' },
      { kind: 'STORY_REACTION', label: 'Story reactions', hint: 'ana reacted 🔥 to your story.' },
    ],
  },
];

/** /accounts/notifications: which kinds of activity reach the list, the badge and the live toasts. */
export default function NotificationSettingsPage() {
  const [{ data, error, fetching }] = useQuery({
    query: NotificationPreferencesQuery,
    requestPolicy: 'cache-and-network',
  });
  const [saved, save] = useMutation(UpdatePreferencesMutation);
  const ids = useId();
  const preferences = data?.viewer?.notificationPreferences;

  if (!preferences) return fetching ? <PageSkeleton /> : <p role="alert">{errorMessage(error)}</p>;
  const enabled = new Map(preferences.map((p) => [p.kind, p.enabled]));

  return (
    <div className={styles.page}>
      <SettingsNav />
      <h1 className={styles.title}>Notifications</h1>
      {saved.error && (
        <p className={styles.dangerText} role="alert">
          {errorMessage(saved.error)}
        </p>
      )}
      {PREFERENCE_GROUPS.map((group, g) => (
        <section key={group.title} className={styles.card} aria-labelledby={`${ids}-${g}`}>
          <h2 id={`${ids}-${g}`} className={styles.cardTitle}>
            {group.title}
          </h2>
          {group.kinds.map(({ kind, label, hint }) => {
            const on = enabled.get(kind) ?? true;
            const id = `${ids}-${kind}`;
            return (
              <div key={kind} className={styles.switchRow}>
                <div>
                  <label htmlFor={id} className={styles.fieldLabel}>
                    {label}
                  </label>
                  <p id={`${id}-hint`} className="muted">
                    {hint}
                  </p>
                </div>
                <input
                  id={id}
                  type="checkbox"
                  role="switch"
                  className={styles.switch}
                  checked={on}
                  aria-checked={on}
                  aria-describedby={`${id}-hint`}
                  onChange={(e) => void save({ input: [{ kind, enabled: e.target.checked }] })}
                />
              </div>
            );
          })}
        </section>
      ))}
    </div>
  );
}
