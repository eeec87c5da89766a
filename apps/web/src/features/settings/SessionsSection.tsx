import { useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { Dialog } from '../../components/Dialog';
import { RelativeTime } from '../../components/RelativeTime';
import { type FragmentOf, graphql, readFragment } from '../../graphql';
import { forgetOfflineCache } from '../../lib/client';
import { errorMessage } from '../../lib/errors';
import styles from './Settings.module.css';

export const SessionsSection_viewer = graphql(`
  fragment SessionsSection_viewer on Viewer {
    sessions { id device ip lastUsedAt current }
  }
`);

const RevokeSessionMutation = graphql(`
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id)
  }
`);

const LogOutEverywhereMutation = graphql(`
  mutation LogOutEverywhere {
    logOutEverywhere
  }
`);

/**
 * The API can end one other session, or every session this one included (there is no "all the others"):
 * this asks first, then leaves for the log-in page as the Log out button does.
 */
function LogOutEverywhereDialog({ onClose }: { onClose: () => void }) {
  const [result, logOutEverywhere] = useMutation(LogOutEverywhereMutation);
  const [leaving, setLeaving] = useState(false);

  const confirm = async () => {
    const res = await logOutEverywhere({});
    if (res.error) return;
    setLeaving(true);
    // As Shell's Log out: the next person on this device must not see this account's cached data.
    await forgetOfflineCache();
    window.location.assign('/accounts/login');
  };

  return (
    <Dialog title="Log out everywhere?" onClose={onClose}>
      <div className={styles.dialogForm}>
        <p className="muted">
          You'll be logged out on every device where you're logged in, this one included. You'll need your
          password to log in again.
        </p>
        {result.error && (
          <p className={styles.dangerText} role="alert">
            {errorMessage(result.error)}
          </p>
        )}
        <div className={styles.dialogButtons}>
          <button type="button" className="button secondary" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className={`button ${styles.dangerButton}`}
            disabled={result.fetching || leaving}
            onClick={() => void confirm()}
          >
            {result.fetching || leaving ? 'Logging out…' : 'Log out everywhere'}
          </button>
        </div>
      </div>
    </Dialog>
  );
}

/**
 * Where the account is logged in, most recently active first. Each other session can be logged out on
 * its own (it leaves the list, cache.ts); this device is marked and logs out from the menu instead.
 */
export function SessionsSection({ viewer: data }: { viewer: FragmentOf<typeof SessionsSection_viewer> }) {
  const { sessions } = readFragment(SessionsSection_viewer, data);
  const [revoke, revokeSession] = useMutation(RevokeSessionMutation);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [confirming, setConfirming] = useState(false);
  // The Log out button that was pressed leaves with its row: focus goes to the section's heading.
  const heading = useRef<HTMLHeadingElement>(null);
  const [refocus, setRefocus] = useState(0);
  useEffect(() => {
    if (refocus > 0) heading.current?.focus();
  }, [refocus]);

  const sorted = [...sessions].sort((a, b) => Date.parse(b.lastUsedAt) - Date.parse(a.lastUsedAt));
  const others = sessions.filter((session) => !session.current).length;

  const logOut = async (session: (typeof sessions)[number]) => {
    setNotice('');
    setRevoking(session.id);
    const res = await revokeSession({ id: session.id });
    setRevoking(null);
    if (!res.error) {
      setNotice(`Logged out of ${session.device}.`);
      setRefocus((n) => n + 1);
    }
  };

  return (
    <section className={styles.card} aria-labelledby="sessions-title">
      <h2 id="sessions-title" className={styles.cardTitle} ref={heading} tabIndex={-1}>
        Where you're logged in
      </h2>
      <p className="muted">If you don't recognise a device, log it out and change your password.</p>
      <ul className={styles.list} aria-label="Sessions">
        {sorted.map((session) => (
          <li key={session.id} className={styles.listItem}>
            <div className={styles.itemText}>
              <span className={styles.itemName}>
                {session.device}
                {session.current && <span className={`${styles.badge} ${styles.badgeOn}`}>This device</span>}
              </span>
              <span id={`session-${session.id}-details`} className={styles.itemDetails}>
                {session.ip && `${session.ip} · `}
                Last active <RelativeTime iso={session.lastUsedAt} long />
              </span>
            </div>
            {!session.current && (
              <button
                type="button"
                className="button secondary"
                aria-label={`Log out ${session.device}`}
                aria-describedby={`session-${session.id}-details`}
                disabled={revoking !== null}
                onClick={() => void logOut(session)}
              >
                {revoking === session.id ? 'Logging out…' : 'Log out'}
              </button>
            )}
          </li>
        ))}
      </ul>
      {revoke.error && (
        <p className={styles.dangerText} role="alert">
          {errorMessage(revoke.error)}
        </p>
      )}
      <p className={styles.status} role="status">
        {notice}
      </p>
      {others > 0 && (
        <>
          <p className="muted">
            Log out everywhere ends every session at once, including this one on this device.
          </p>
          <div className={styles.row}>
            <button
              type="button"
              className={`button secondary ${styles.dangerText}`}
              onClick={() => setConfirming(true)}
            >
              Log out everywhere
            </button>
          </div>
        </>
      )}
      {confirming && <LogOutEverywhereDialog onClose={() => setConfirming(false)} />}
    </section>
  );
}
