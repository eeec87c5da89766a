import { useMutation, useQuery } from 'urql';
import { Dialog } from '../../components/Dialog';
import { Icon } from '../../components/Icon';
import { showToast } from '../../components/post/toast';
import { type FragmentOf, graphql, readFragment } from '../../graphql';
import { UserListRow_user, UserRow } from '../profile/UserListDialog';
import styles from './Favorites.module.css';
import { RemoveFavoriteMutation } from './favoriteMutations';

const ManageFavoritesQuery = graphql(
  `
  query ManageFavorites {
    viewer { favorites { id ...UserListRow_user } }
  }
`,
  [UserListRow_user],
);

const HOW_TO_ADD = 'To add someone, open their profile, select Following, then Add to favorites.';

/** Above the Favorites feed: what it is, and the way to change who is in it. */
export function FavoritesBar({ count, onManage }: { count: number; onManage: () => void }) {
  return (
    <div className={styles.bar}>
      <Icon name="star" size={18} filled className={styles.star} />
      <span className={styles.barText}>
        {count === 1 ? '1 favorite' : `${count} favorites`}, newest first
      </span>
      <button type="button" className="link-button" onClick={onManage}>
        Manage favorites
      </button>
    </div>
  );
}

/** The Favorites feed with nothing to show: no favorites yet, or favorites who have not posted. */
export function FavoritesEmpty({ hasFavorites, onManage }: { hasFavorites: boolean; onManage: () => void }) {
  return (
    <div className={styles.empty}>
      <span className={styles.emptyIcon}>
        <Icon name="star" size={30} strokeWidth={1.5} />
      </span>
      {hasFavorites ? (
        <>
          <h2 className={styles.emptyTitle}>No posts from your favorites yet</h2>
          <p className={styles.emptyText}>When your favorites share photos, you'll see them here first.</p>
        </>
      ) : (
        <>
          <h2 className={styles.emptyTitle}>Add favorites</h2>
          <p className={styles.emptyText}>
            Choose up to 50 accounts you follow and see their latest posts here, newest first. {HOW_TO_ADD}
          </p>
        </>
      )}
      <button type="button" className="button secondary" onClick={onManage}>
        Manage favorites
      </button>
    </div>
  );
}

function RemoveFavoriteButton({ user }: { user: { id: string; username: string } }) {
  const [removal, remove] = useMutation(RemoveFavoriteMutation);
  return (
    <button
      type="button"
      className={`button secondary ${styles.compact}`}
      disabled={removal.fetching}
      onClick={async () => {
        const result = await remove({ userId: user.id });
        if (result.error) showToast(`Couldn't remove ${user.username} from your favorites. Try again.`);
      }}
    >
      Remove
    </button>
  );
}

function FavoriteRow({ user: data }: { user: FragmentOf<typeof UserListRow_user> }) {
  const user = readFragment(UserListRow_user, data);
  return (
    <UserRow user={data}>
      <RemoveFavoriteButton user={user} />
    </UserRow>
  );
}

/** The viewer's favorites, most recently added first, each with "Remove". */
export function ManageFavoritesDialog({ onClose }: { onClose: () => void }) {
  const [result] = useQuery({ query: ManageFavoritesQuery, requestPolicy: 'cache-and-network' });
  const favorites = result.data?.viewer?.favorites;
  return (
    <Dialog title="Favorites" onClose={onClose}>
      {!favorites ? (
        <p className={styles.status} role="status">
          {result.error ? "Couldn't load your favorites." : 'Loading…'}
        </p>
      ) : favorites.length === 0 ? (
        <p className={styles.status}>You haven't added any favorites yet. {HOW_TO_ADD}</p>
      ) : (
        <>
          <p className={styles.note}>
            Only you can see your favorites ({favorites.length} of 50). {HOW_TO_ADD}
          </p>
          <ul className={styles.list} aria-label="Your favorites">
            {favorites.map((user) => (
              <FavoriteRow key={user.id} user={user} />
            ))}
          </ul>
        </>
      )}
    </Dialog>
  );
}
