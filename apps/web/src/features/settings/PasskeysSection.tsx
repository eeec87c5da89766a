import {
  browserSupportsWebAuthn,
  type PublicKeyCredentialCreationOptionsJSON,
  type RegistrationResponseJSON,
  startRegistration,
} from '@simplewebauthn/browser';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { type CombinedError, useMutation } from 'urql';
import { Dialog } from '../../components/Dialog';
import { RelativeTime } from '../../components/RelativeTime';
import { type FragmentOf, graphql, type ResultOf, readFragment } from '../../graphql';
import { errorMessage, fieldErrorsOf } from '../../lib/errors';
import { SettingsField } from './Field';
import { PasswordDialog } from './PasswordDialog';
import styles from './Settings.module.css';

export const PasskeysSection_viewer = graphql(`
  fragment PasskeysSection_viewer on Viewer {
    passkeys { id name createdAt lastUsedAt }
  }
`);

const BeginPasskeyRegistrationMutation = graphql(`
  mutation BeginPasskeyRegistration($password: String!) {
    beginPasskeyRegistration(password: $password)
  }
`);

// The new passkey joins Viewer.passkeys (cache.ts), so it asks for the fields the list shows.
const FinishPasskeyRegistrationMutation = graphql(`
  mutation FinishPasskeyRegistration($response: String!, $name: String) {
    finishPasskeyRegistration(response: $response, name: $name) { id name createdAt lastUsedAt }
  }
`);

const RemovePasskeyMutation = graphql(`
  mutation RemovePasskey($id: ID!, $password: String!) {
    removePasskey(id: $id, password: $password)
  }
`);

type Passkey = ResultOf<typeof PasskeysSection_viewer>['passkeys'][number];

/** Where adding or removing a passkey is: the password, the browser's own steps, the name, or a removal. */
type Flow =
  | { kind: 'idle' }
  | { kind: 'add-password' }
  | { kind: 'creating' }
  | { kind: 'naming'; response: RegistrationResponseJSON }
  | { kind: 'remove-password'; passkey: Passkey };

/** A sentence under the list: news (a status) or a problem (an alert). */
type Message = { text: string; problem: boolean } | null;

/** The server's longest passkey name. */
const NAME_MAX = 60;

const formatDate = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

/**
 * What went wrong in the browser's part. Cancelling (or letting it time out) is the person's choice, not
 * a failure: it gets a calm note. A security key that already holds a passkey for the account says so.
 */
function ceremonyMessage(error: unknown): Message {
  const name = error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'AbortError') {
    return { text: 'No passkey was added. The request was cancelled or timed out.', problem: false };
  }
  if (name === 'InvalidStateError') {
    return {
      text: 'This device or security key already has a passkey for your account.',
      problem: false,
    };
  }
  return { text: "Your browser couldn't create a passkey. Try again.", problem: true };
}

/**
 * After the browser created the passkey: an optional name, then the server checks and keeps it. The
 * passkey already exists on the device, so leaving this step (Skip, Close, Escape) still saves it, under
 * the server's default name; only a name the server refuses keeps the dialog open.
 */
function NamePasskeyDialog({
  response,
  onAdded,
  onFailed,
}: {
  response: RegistrationResponseJSON;
  onAdded: (name: string) => void;
  onFailed: (message: string) => void;
}) {
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [result, finish] = useMutation(FinishPasskeyRegistrationMutation);
  const sending = useRef(false);

  const save = async (chosen: string) => {
    if (sending.current) return;
    sending.current = true;
    const res = await finish({ response: JSON.stringify(response), name: chosen.trim() || null });
    sending.current = false;
    if (res.data) {
      onAdded(res.data.finishPasskeyRegistration.name);
      return;
    }
    const fieldError = fieldErrorsOf(res.error).name;
    if (fieldError) setNameError(fieldError);
    else onFailed(errorMessage(res.error) ?? "The passkey couldn't be saved. Try again.");
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(name);
  };

  return (
    <Dialog title="Name your passkey" onClose={() => void save('')}>
      <form className={styles.dialogForm} onSubmit={submit} noValidate>
        <p className="muted">
          Your passkey was created. Give it a name you'll recognise, such as the device or password manager
          that keeps it.
        </p>
        <SettingsField
          label="Name"
          error={nameError}
          hint={'Optional. Skip to call it "Passkey".'}
          maxLength={NAME_MAX}
          autoComplete="off"
          autoFocus
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setNameError(null);
          }}
        />
        <div className={styles.dialogButtons}>
          <button
            type="button"
            className="button secondary"
            disabled={result.fetching}
            onClick={() => void save('')}
          >
            Skip
          </button>
          <button type="submit" className="button" disabled={result.fetching}>
            {result.fetching ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/**
 * Passkeys: log in with the device's screen lock or a security key. Adding asks for the password, then
 * the browser creates the passkey, then it gets a name; removing asks for the password.
 */
export function PasskeysSection({ viewer: data }: { viewer: FragmentOf<typeof PasskeysSection_viewer> }) {
  const { passkeys } = readFragment(PasskeysSection_viewer, data);
  const [supported] = useState(browserSupportsWebAuthn);
  const [flow, setFlow] = useState<Flow>({ kind: 'idle' });
  const [message, setMessage] = useState<Message>(null);
  const [, begin] = useMutation(BeginPasskeyRegistrationMutation);
  const [, remove] = useMutation(RemovePasskeyMutation);
  // After a removal the button that opened the dialog is gone: focus goes to the section's heading.
  const heading = useRef<HTMLHeadingElement>(null);
  const [refocus, setRefocus] = useState(0);
  useEffect(() => {
    if (refocus > 0) heading.current?.focus();
  }, [refocus]);

  const create = async (options: string) => {
    setFlow({ kind: 'creating' });
    try {
      const optionsJSON = JSON.parse(options) as PublicKeyCredentialCreationOptionsJSON;
      setFlow({ kind: 'naming', response: await startRegistration({ optionsJSON }) });
    } catch (error) {
      setFlow({ kind: 'idle' });
      setMessage(ceremonyMessage(error));
    }
  };

  const confirmAdd = async (password: string): Promise<CombinedError | undefined> => {
    const res = await begin({ password });
    if (res.data) void create(res.data.beginPasskeyRegistration);
    return res.error;
  };

  const confirmRemove = async (passkey: Passkey, password: string): Promise<CombinedError | undefined> => {
    const res = await remove({ id: passkey.id, password });
    if (!res.error) {
      setFlow({ kind: 'idle' });
      setMessage({ text: `Passkey "${passkey.name}" removed.`, problem: false });
      setRefocus((n) => n + 1);
    }
    return res.error;
  };

  const busy = flow.kind === 'creating' || flow.kind === 'naming';

  return (
    <section className={styles.card} aria-labelledby="passkeys-title">
      <h2 id="passkeys-title" className={styles.cardTitle} ref={heading} tabIndex={-1}>
        Passkeys
      </h2>
      <p className="muted">
        Log in with your fingerprint, face, screen lock or a security key instead of typing your password.
      </p>
      {passkeys.length > 0 ? (
        <ul className={styles.list} aria-label="Your passkeys">
          {passkeys.map((passkey) => (
            <li key={passkey.id} className={styles.listItem}>
              <div className={styles.itemText}>
                <span className={styles.itemName}>{passkey.name}</span>
                <span id={`passkey-${passkey.id}-details`} className={styles.itemDetails}>
                  Added <time dateTime={passkey.createdAt}>{formatDate(passkey.createdAt)}</time>
                  {' · '}
                  {passkey.lastUsedAt ? (
                    <>
                      Last used <RelativeTime iso={passkey.lastUsedAt} long />
                    </>
                  ) : (
                    'Never used'
                  )}
                </span>
              </div>
              <button
                type="button"
                className="button secondary"
                aria-label={`Remove passkey ${passkey.name}`}
                aria-describedby={`passkey-${passkey.id}-details`}
                onClick={() => {
                  setMessage(null);
                  setFlow({ kind: 'remove-password', passkey });
                }}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">You haven't added a passkey yet.</p>
      )}
      {!supported && (
        <p id="passkeys-unsupported" className={styles.note}>
          This browser can't create passkeys. To add one, use a browser that supports them, such as a recent
          version of Chrome, Safari, Firefox or Edge.
        </p>
      )}
      <div className={styles.row}>
        <button
          type="button"
          className="button secondary"
          disabled={!supported}
          aria-disabled={busy || undefined}
          aria-describedby={supported ? undefined : 'passkeys-unsupported'}
          onClick={() => {
            if (busy) return;
            setMessage(null);
            setFlow({ kind: 'add-password' });
          }}
        >
          {busy ? 'Adding a passkey…' : 'Add a passkey'}
        </button>
      </div>
      {message?.problem && (
        <p className={styles.dangerText} role="alert">
          {message.text}
        </p>
      )}
      <p className={styles.status} role="status">
        {flow.kind === 'creating'
          ? 'Follow the steps your browser shows to create the passkey.'
          : message && !message.problem
            ? message.text
            : ''}
      </p>
      {flow.kind === 'add-password' && (
        <PasswordDialog
          title="Add a passkey"
          explanation="Enter your password to continue. Then your browser will ask you to create the passkey."
          action="Continue"
          onConfirm={confirmAdd}
          onClose={() => setFlow({ kind: 'idle' })}
        />
      )}
      {flow.kind === 'naming' && (
        <NamePasskeyDialog
          response={flow.response}
          onAdded={(name) => {
            setFlow({ kind: 'idle' });
            setMessage({ text: `Passkey "${name}" added.`, problem: false });
          }}
          onFailed={(text) => {
            setFlow({ kind: 'idle' });
            setMessage({ text, problem: true });
          }}
        />
      )}
      {flow.kind === 'remove-password' && (
        <PasswordDialog
          title="Remove passkey"
          explanation={`"${flow.passkey.name}" will no longer log you in. Enter your password to continue.`}
          action="Remove"
          danger
          onConfirm={(password) => confirmRemove(flow.passkey, password)}
          onClose={() => setFlow({ kind: 'idle' })}
        />
      )}
    </section>
  );
}
