import { useSyncExternalStore } from 'react';
import { Link } from 'wouter';
import { Avatar } from '../../components/Avatar';
import { RichText } from '../../components/RichText';
import { type FragmentOf, graphql, readFragment } from '../../graphql';
import { useViewer } from '../../lib/viewer';
import { FollowButton, FollowButton_user } from './FollowButton';
import { formatCount, plural } from './format';
import styles from './Profile.module.css';
import { ProfileOptions, ProfileOptions_user } from './ProfileOptions';

export const ProfileHeader_user = graphql(
  `
  fragment ProfileHeader_user on User {
    id
    username
    displayName
    bio
    bioEntities { kind start end value }
    website
    isVerified
    postCount
    followerCount
    followingCount
    viewerFollowState
    viewerBlocks
    viewerCanSeeContent
    avatar { thumbhash dominantColor sources { url width format } }
    ...FollowButton_user
    ...ProfileOptions_user
  }
`,
  [FollowButton_user, ProfileOptions_user],
);

const WIDE = '(min-width: 736px)';

function useWide(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const query = window.matchMedia(WIDE);
      query.addEventListener('change', onChange);
      return () => query.removeEventListener('change', onChange);
    },
    () => window.matchMedia(WIDE).matches,
  );
}

export function VerifiedBadge() {
  return (
    <svg
      className={styles.verified}
      role="img"
      aria-label="Verified"
      viewBox="0 0 40 40"
      width="16"
      height="16"
    >
      <path
        fill="#0095f6"
        d="M19.998 3.094 14.638 0l-2.972 5.15H5.432v6.354L0 14.64 3.094 20 0 25.359l5.432 3.137v5.905h5.975L14.638 40l5.36-3.094L25.358 40l3.232-5.6h6.162v-6.01L40 25.359 36.905 20 40 14.641l-5.248-3.03v-6.46h-6.419L25.358 0l-5.36 3.094Z"
      />
      <path fill="#fff" d="m17.2 27.1-6.6-6.6 2.4-2.4 4.2 4.2 9.2-9.2 2.4 2.4z" />
    </svg>
  );
}

/** A website without its scheme and trailing slash, as profiles show it. */
function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//i, '').replace(/\/$/, '');
}

/**
 * The top of a profile, laid out like instagram.com: the photo, the username with the follow or edit
 * button, the counts (followers and following open their lists), then the name, bio and website.
 */
export function ProfileHeader({ user: data }: { user: FragmentOf<typeof ProfileHeader_user> }) {
  const user = readFragment(ProfileHeader_user, data);
  const wide = useWide();
  const { viewer } = useViewer();
  const self = user.viewerFollowState === 'SELF';
  const listsOpen = user.viewerCanSeeContent && !user.viewerBlocks;

  const count = (n: number, one: string, many: string, href: string | null) => {
    const content = (
      <>
        <span className={styles.countNumber}>{formatCount(n)}</span> {plural(n, one, many)}
      </>
    );
    return href && listsOpen ? (
      <Link href={href} className={styles.count}>
        {content}
      </Link>
    ) : (
      <span className={styles.count}>{content}</span>
    );
  };

  return (
    <header className={styles.header}>
      <div className={styles.avatar}>
        <Avatar user={user} size={wide ? 150 : 77} />
      </div>
      <div className={styles.titleRow}>
        <h1 className={styles.username}>
          {user.username}
          {user.isVerified && <VerifiedBadge />}
        </h1>
        <div className={styles.actions}>
          {self ? (
            <Link href="/accounts/edit" className="button secondary">
              Edit profile
            </Link>
          ) : (
            !user.viewerBlocks && <FollowButton user={user} />
          )}
          {!self && viewer && <ProfileOptions user={user} />}
        </div>
      </div>
      <ul className={styles.counts}>
        <li>{count(user.postCount, 'post', 'posts', null)}</li>
        <li>{count(user.followerCount, 'follower', 'followers', `/${user.username}/followers`)}</li>
        <li>{count(user.followingCount, 'following', 'following', `/${user.username}/following`)}</li>
      </ul>
      <div className={styles.bio}>
        {user.displayName && <p className={styles.displayName}>{user.displayName}</p>}
        {user.bio && (
          <p className={styles.bioText}>
            <RichText text={user.bio} entities={user.bioEntities} />
          </p>
        )}
        {user.website && (
          <a
            href={user.website}
            className={styles.website}
            target="_blank"
            rel="noopener noreferrer nofollow"
          >
            {displayUrl(user.website)}
          </a>
        )}
      </div>
    </header>
  );
}
