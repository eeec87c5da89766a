import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../graphql';
import { errorMessage, type FieldErrors, fieldErrorsOf } from '../../lib/errors';
import { useViewer } from '../../lib/viewer';
import { SettingsField } from './Field';
import styles from './Settings.module.css';

const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);

/** The server's shortest password (apps/server accounts/validation.ts). */
const PASSWORD_MIN = 8;

const EMPTY = { current: '', next: '', confirm: '' };

/** The three password fields, in order; `key` names each one's value and error. */
const FIELDS: { key: keyof typeof EMPTY; label: string; autoComplete: string; hint?: string }[] = [
  { key: 'current', label: 'Current password', autoComplete: 'current-password' },
  {
    key: 'next',
    label: 'New password',
    autoComplete: 'new-password',
    hint: `At least ${PASSWORD_MIN} characters.`,
  },
  { key: 'confirm', label: 'Confirm new password', autoComplete: 'new-password' },
];

/**
 * Changing the password: the current one, the new one twice (a mismatch is caught here, before asking
 * the server). The server ends every other session, and the list of sessions follows (cache.ts).
 */
export function PasswordSection() {
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [result, changePassword] = useMutation(ChangePasswordMutation);
  const { viewer } = useViewer();
  const set = (key: keyof typeof EMPTY, value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    // An edited field's error is out of date; the others stay until the next try.
    setErrors(({ [key]: _edited, ...rest }) => rest);
    setNotice('');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice('');
    setGeneral(null);
    if (form.next !== form.confirm) {
      setErrors({ confirm: "The new passwords don't match." });
      return;
    }
    setErrors({});
    const res = await changePassword({
      input: { currentPassword: form.current, newPassword: form.next },
    });
    if (res.error) {
      const fields = fieldErrorsOf(res.error);
      const found: FieldErrors = {};
      if (fields.currentPassword) found.current = fields.currentPassword;
      if (fields.newPassword) found.next = fields.newPassword;
      setErrors(found);
      if (Object.keys(found).length === 0) setGeneral(errorMessage(res.error));
      return;
    }
    setForm(EMPTY);
    setNotice('Your password was changed. Any other devices you were logged in on have been logged out.');
  };

  return (
    <section className={styles.card} aria-labelledby="password-title">
      <h2 id="password-title" className={styles.cardTitle}>
        Password
      </h2>
      <form className={styles.form} onSubmit={submit} noValidate>
        {/* Tells password managers whose password this is, so they update the saved one. */}
        {viewer && (
          <input
            type="text"
            name="username"
            autoComplete="username"
            value={viewer.username}
            readOnly
            hidden
          />
        )}
        {FIELDS.map(({ key, label, autoComplete, hint }) => (
          <SettingsField
            key={key}
            label={label}
            error={errors[key]}
            hint={hint}
            type="password"
            autoComplete={autoComplete}
            value={form[key]}
            onChange={(e) => set(key, e.target.value)}
          />
        ))}
        {general && (
          <p className={styles.dangerText} role="alert">
            {general}
          </p>
        )}
        <div className={styles.row}>
          <button
            type="submit"
            className="button"
            disabled={result.fetching || !form.current || !form.next || !form.confirm}
          >
            {result.fetching ? 'Changing…' : 'Change password'}
          </button>
        </div>
      </form>
      <p className={styles.status} role="status">
        {notice}
      </p>
    </section>
  );
}
