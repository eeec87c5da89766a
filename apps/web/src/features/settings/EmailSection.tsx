import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { Dialog } from '../../components/Dialog';
import { type FragmentOf, graphql, readFragment } from '../../graphql';
import { errorMessage, type FieldErrors, fieldErrorsOf } from '../../lib/errors';
import { SettingsField } from './Field';
import styles from './Settings.module.css';

export const EmailSection_viewer = graphql(`
  fragment EmailSection_viewer on Viewer {
    email
    emailVerified
  }
`);

const ResendVerificationEmailMutation = graphql(`
  mutation ResendVerificationEmail {
    resendVerificationEmail
  }
`);

// The answer is the Viewer (one record in the cache): the address and its badge change with it.
const ChangeEmailMutation = graphql(`
  mutation ChangeEmail($password: String!, $email: String!) {
    changeEmail(password: $password, email: $email) {
      email
      emailVerified
    }
  }
`);

/** The new address and the password again; the API's field errors show on their fields. */
function ChangeEmailDialog({
  onChanged,
  onClose,
}: {
  onChanged: (email: string) => void;
  onClose: () => void;
}) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [result, changeEmail] = useMutation(ChangeEmailMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setGeneral(null);
    const res = await changeEmail({ email: email.trim(), password });
    if (res.data) {
      onChanged(res.data.changeEmail.email);
      return;
    }
    const fields = fieldErrorsOf(res.error);
    const found: FieldErrors = {};
    if (fields.email) found.email = fields.email;
    if (fields.password) found.password = fields.password;
    setErrors(found);
    if (Object.keys(found).length === 0) setGeneral(errorMessage(res.error));
  };

  return (
    <Dialog title="Change email" onClose={onClose}>
      <form className={styles.dialogForm} onSubmit={submit} noValidate>
        <p className="muted">
          We'll send a link to the new address to confirm it, and let your current address know about the
          change.
        </p>
        <SettingsField
          label="New email"
          error={errors.email}
          type="email"
          inputMode="email"
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <SettingsField
          label="Password"
          error={errors.password}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {general && (
          <p className={styles.dangerText} role="alert">
            {general}
          </p>
        )}
        <div className={styles.dialogButtons}>
          <button type="button" className="button secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button" disabled={result.fetching || !email.trim() || !password}>
            {result.fetching ? 'Checking…' : 'Change email'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/**
 * The account's email: whether it is confirmed (with a new link when it isn't), and changing it (the
 * new address starts unconfirmed and gets its own link).
 */
export function EmailSection({ viewer: data }: { viewer: FragmentOf<typeof EmailSection_viewer> }) {
  const viewer = readFragment(EmailSection_viewer, data);
  const [changing, setChanging] = useState(false);
  const [notice, setNotice] = useState('');
  const [resendResult, resend] = useMutation(ResendVerificationEmailMutation);

  const resendLink = async () => {
    setNotice('');
    const res = await resend({});
    if (res.data?.resendVerificationEmail) setNotice(`We sent a new link to ${viewer.email}.`);
  };

  return (
    <section className={styles.card} aria-labelledby="email-title">
      <h2 id="email-title" className={styles.cardTitle}>
        Email
      </h2>
      <div className={styles.switchRow}>
        <p className={styles.email}>{viewer.email}</p>
        <span className={`${styles.badge} ${viewer.emailVerified ? styles.badgeOn : styles.badgeWarn}`}>
          {viewer.emailVerified ? 'Confirmed' : 'Not confirmed'}
        </span>
      </div>
      {!viewer.emailVerified && (
        <p className="muted">
          Open the link we emailed to this address to confirm it. A confirmed address lets you reset your
          password if you forget it.
        </p>
      )}
      <div className={styles.row}>
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            setNotice('');
            setChanging(true);
          }}
        >
          Change email
        </button>
        {!viewer.emailVerified && (
          <button
            type="button"
            className="button secondary"
            disabled={resendResult.fetching}
            onClick={() => void resendLink()}
          >
            {resendResult.fetching ? 'Sending…' : 'Resend link'}
          </button>
        )}
      </div>
      {resendResult.error && (
        <p className={styles.dangerText} role="alert">
          {errorMessage(resendResult.error)}
        </p>
      )}
      <p className={styles.status} role="status">
        {notice}
      </p>
      {changing && (
        <ChangeEmailDialog
          onClose={() => setChanging(false)}
          onChanged={(email) => {
            setChanging(false);
            setNotice(`Your email is now ${email}. Open the link we sent there to confirm it.`);
          }}
        />
      )}
    </section>
  );
}
