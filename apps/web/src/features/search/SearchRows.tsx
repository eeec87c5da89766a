import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { Avatar } from '../../components/Avatar';
import { Icon } from '../../components/Icon';
import { type FragmentOf, readFragment } from '../../graphql';
import { formatCount, plural } from '../profile/format';
import { SearchAccount_user } from './queries';
import styles from './Search.module.css';

/** The rows the search box lists (typeahead, recent searches, results): an account, a hashtag, a query. */

export function postCountLabel(count: number): string {
  return `${formatCount(count)} ${plural(count, 'post', 'posts')}`;
}

function Row({
  href,
  picture,
  title,
  detail,
  onOpen,
}: {
  href: string;
  picture: ReactNode;
  title: string;
  detail?: string | undefined;
  onOpen: () => void;
}) {
  return (
    <Link href={href} className={styles.row} onClick={onOpen}>
      {picture}
      <span className={styles.rowText}>
        <span className={styles.rowTitle}>{title}</span>
        {detail && <span className={styles.rowDetail}>{detail}</span>}
      </span>
    </Link>
  );
}

export function AccountRow({
  user: data,
  onOpen,
}: {
  user: FragmentOf<typeof SearchAccount_user>;
  onOpen: () => void;
}) {
  const user = readFragment(SearchAccount_user, data);
  return (
    <Row
      href={`/${user.username}`}
      picture={<Avatar user={user} size={44} decorative />}
      title={user.username}
      detail={user.displayName}
      onOpen={onOpen}
    />
  );
}

export function HashtagRow({
  name,
  postCount,
  onOpen,
}: {
  name: string;
  postCount?: number | undefined;
  onOpen: () => void;
}) {
  return (
    <Row
      href={`/explore/tags/${encodeURIComponent(name)}`}
      picture={
        <span className={styles.symbol} aria-hidden="true">
          #
        </span>
      }
      title={`#${name}`}
      detail={postCount === undefined ? undefined : postCountLabel(postCount)}
      onOpen={onOpen}
    />
  );
}

export function QueryRow({ text, onOpen }: { text: string; onOpen: () => void }) {
  return (
    <Row
      href={searchHref(text)}
      picture={
        <span className={styles.symbol} aria-hidden="true">
          <Icon name="search" size={18} />
        </span>
      }
      title={text}
      onOpen={onOpen}
    />
  );
}

/** The results page for `text`. */
export function searchHref(text: string): string {
  return `/explore/search?q=${encodeURIComponent(text)}`;
}
