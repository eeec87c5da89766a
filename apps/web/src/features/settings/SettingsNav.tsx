import { Link, useLocation } from 'wouter';
import styles from './Settings.module.css';

const PAGES = [
  { href: '/accounts/edit', label: 'Edit profile' },
  { href: '/accounts/security', label: 'Security' },
  { href: '/accounts/notifications', label: 'Notifications' },
  { href: '/accounts/status', label: 'Account status' },
  { href: '/accounts/hidden-words', label: 'Hidden words' },
  { href: '/accounts/close-friends', label: 'Close friends' },
] as const;

/** The settings area's pages, as links above each of them (Instagram's settings column). */
export function SettingsNav() {
  const [location] = useLocation();
  return (
    <nav aria-label="Settings" className={styles.nav}>
      {PAGES.map((page) => (
        <Link
          key={page.href}
          href={page.href}
          className={`${styles.navLink} ${location === page.href ? styles.navActive : ''}`}
          aria-current={location === page.href ? 'page' : undefined}
        >
          {page.label}
        </Link>
      ))}
    </nav>
  );
}
