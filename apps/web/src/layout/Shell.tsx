import type { ReactNode } from 'react';
import { useMutation } from 'urql';
import { Link, useLocation } from 'wouter';
import { Avatar } from '../components/Avatar';
import { Icon, type IconName } from '../components/Icon';
import { Toasts } from '../components/post/toast';
import { UnreadBadge } from '../features/notifications/UnreadBadge';
import { useLiveNotifications } from '../features/notifications/useLiveNotifications';
import { useHasNewNotice } from '../features/settings/noticesSeen';
import { graphql } from '../graphql';
import { forgetOfflineCache } from '../lib/client';
import { useViewer } from '../lib/viewer';
import styles from './Shell.module.css';

const LogOutMutation = graphql(`
  mutation LogOut {
    logOut
  }
`);

function NavItem({
  href,
  icon,
  label,
  active,
  badge = 0,
  className = '',
}: {
  href: string;
  icon: IconName;
  label: string;
  active: boolean;
  /** A red count on the icon (unread notifications), hidden at zero. */
  badge?: number;
  className?: string;
}) {
  return (
    <Link
      href={href}
      className={`${styles.item} ${active ? styles.active : ''} ${className}`}
      aria-current={active ? 'page' : undefined}
    >
      <span className={styles.icon}>
        <Icon name={icon} filled={active && (icon === 'home' || icon === 'heart')} />
        <UnreadBadge count={badge} />
      </span>
      {/* Named by its content (a visually hidden label on phones), so what voice control hears on screen
          is in the name; the badge's number is spoken from the hidden text. */}
      <span className={styles.label}>{label}</span>
      {badge > 0 && <span className="visually-hidden">, {badge} new</span>}
    </Link>
  );
}

/**
 * The frame around every signed-in screen: a left rail on wide screens (like instagram.com), a top bar
 * (with Notifications) and a bottom tab bar on phones. Logged-out visitors get a bar with log-in and
 * sign-up. It listens for new activity while someone is signed in, for the badge and the toasts.
 */
export function Shell({ children }: { children: ReactNode }) {
  const [location] = useLocation();
  const { viewer, isModerator, latestNoticeAt } = useViewer();
  const [, logOut] = useMutation(LogOutMutation);
  const newNotice = useHasNewNotice(latestNoticeAt) && location !== '/accounts/status';
  const unread = useLiveNotifications(viewer !== null);

  return (
    <div className={styles.shell}>
      <a href="#main" className={styles.skip}>
        Skip to content
      </a>
      <header className={styles.topbar}>
        <Link href="/" className={styles.wordmark}>
          Glimpse
        </Link>
        {viewer && (
          // On a phone the heart sits at the top right, as in Instagram's app.
          <NavItem
            href="/activity"
            icon="heart"
            label="Notifications"
            active={location === '/activity'}
            badge={unread}
          />
        )}
        {!viewer && (
          <div className={styles.guest}>
            <Link href="/accounts/login" className="button">
              Log in
            </Link>
            <Link href="/accounts/signup" className="link-button">
              Sign up
            </Link>
          </div>
        )}
      </header>
      {viewer && (
        <nav className={styles.rail} aria-label="Main">
          <Link href="/" className={styles.railWordmark}>
            Glimpse
          </Link>
          <NavItem href="/" icon="home" label="Home" active={location === '/'} />
          <NavItem
            href="/explore/search"
            icon="search"
            label="Search"
            active={location.startsWith('/explore/search')}
          />
          {/* On phones Search is the way in (as Instagram's app); the grid has its own item on wider screens. */}
          <NavItem
            href="/explore"
            icon="explore"
            label="Explore"
            active={location === '/explore' || location.startsWith('/explore/p/')}
            className={styles.wideOnly}
          />
          <NavItem href="/create" icon="create" label="Create" active={location === '/create'} />
          <NavItem
            href="/activity"
            icon="heart"
            label="Notifications"
            active={location === '/activity'}
            badge={unread}
            className={styles.wideOnly}
          />
          {isModerator && (
            <NavItem
              href="/admin/moderation"
              icon="shield"
              label="Moderation"
              active={location.startsWith('/admin/moderation')}
            />
          )}
          <Link
            href={`/${viewer.username}`}
            className={`${styles.item} ${location === `/${viewer.username}` ? styles.active : ''}`}
            aria-current={location === `/${viewer.username}` ? 'page' : undefined}
            aria-label="Profile"
          >
            <Avatar user={viewer} size={24} decorative />
            <span className={styles.label}>Profile</span>
          </Link>
          <button
            type="button"
            className={`${styles.item} ${styles.logout}`}
            aria-label="Log out"
            onClick={async () => {
              await logOut({});
              // The next person on this device must not see this account's cached feed: forget the offline
              // copy and start again with a fresh page (and so a fresh client and cache).
              await forgetOfflineCache();
              window.location.assign('/accounts/login');
            }}
          >
            <Icon name="logout" />
            <span className={styles.label}>Log out</span>
          </button>
        </nav>
      )}
      <main id="main" className={`${styles.main} ${viewer ? styles.withRail : ''}`}>
        {viewer && newNotice && (
          <div className={styles.notice}>
            <p>We took action on your account or something you shared.</p>
            <Link href="/accounts/status" className="link-button">
              See account status
            </Link>
          </div>
        )}
        {children}
      </main>
      <Toasts />
    </div>
  );
}
