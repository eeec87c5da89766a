import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../graphql';
import { errorMessage, fieldErrorsOf } from '../../lib/errors';
import styles from './Auth.module.css';
import { AuthField, FormError } from './AuthLayout';

const AppealSuspensionMutation = graphql(`
  mutation AppealSuspension($username: String!, $password: String!, $text: String!) {
    appealSuspension(username: $username, password: $password, text: $text)
  }
`);

const APPEAL_MAX = 1000;

/**
 * What a suspended account sees instead of its feed: why, and "Disagree with decision", which sends an
 * appeal proved by the password just typed (a suspended account has no session to appeal from). After a
 * passkey sign-in there is no password yet (`password` null) and no username: the appeal asks for both.
 */
export function SuspendedStep({
  message,
  login,
  password,
  onBack,
}: {
  message: string;
  login: string;
  password: string | null;
  onBack: () => void;
}) {
  const [appealing, setAppealing] = useState(false);
  // The appeal names the account by username: someone who logged in with their email types it.
  const askUsername = login === '' || login.includes('@');
  const [username, setUsername] = useState(askUsername ? '' : login);
  const [typedPassword, setTypedPassword] = useState('');
  const proof = password ?? typedPassword;
  const [text, setText] = useState('');
  const [result, appeal] = useMutation(AppealSuspensionMutation);
  const errors = fieldErrorsOf(result.error);
  const general = result.error && Object.keys(errors).length === 0 ? errorMessage(result.error) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await appeal({ username: username.trim(), password: proof, text: text.trim() });
  };

  if (result.data?.appealSuspension) {
    return (
      <section className={styles.form} aria-labelledby="suspended-title">
        <h2 id="suspended-title" className={styles.stepTitle}>
          Thanks for letting us know
        </h2>
        <p className={styles.stepText} role="status">
          We've received your appeal and will review your account. We'll let you know what we decide.
        </p>
        <button type="button" className={`link-button ${styles.secondaryAction}`} onClick={onBack}>
          Back to log in
        </button>
      </section>
    );
  }

  return (
    <section className={styles.form} aria-labelledby="suspended-title">
      <h2 id="suspended-title" className={styles.stepTitle}>
        Your account has been suspended
      </h2>
      <p className={styles.stepText}>{message}</p>
      {appealing ? (
        <form className={styles.form} onSubmit={submit} noValidate aria-label="Appeal">
          {askUsername && (
            <AuthField
              name="username"
              label="Username"
              autoComplete="username"
              value={username}
              onChange={setUsername}
              error={errors.username}
            />
          )}
          {password === null && (
            <AuthField
              name="password"
              label="Password"
              type="password"
              autoComplete="current-password"
              value={typedPassword}
              onChange={setTypedPassword}
              error={errors.password}
            />
          )}
          <label htmlFor="appeal-text" className={styles.textLabel}>
            Tell us why you think we made a mistake
          </label>
          <textarea
            id="appeal-text"
            className={`field ${styles.textarea}`}
            rows={4}
            maxLength={APPEAL_MAX}
            value={text}
            aria-invalid={errors.text ? true : undefined}
            aria-describedby={errors.text ? 'appeal-text-error' : undefined}
            onChange={(e) => setText(e.target.value)}
          />
          {errors.text && (
            <p id="appeal-text-error" className="field-error" role="alert">
              {errors.text}
            </p>
          )}
          <button
            type="submit"
            className={`button ${styles.submit}`}
            disabled={result.fetching || !text.trim() || !username.trim() || !proof}
          >
            {result.fetching ? 'Sending…' : 'Submit appeal'}
          </button>
          <FormError message={general} />
        </form>
      ) : (
        <button type="button" className={`button ${styles.submit}`} onClick={() => setAppealing(true)}>
          Disagree with decision
        </button>
      )}
      <button type="button" className={`link-button ${styles.secondaryAction}`} onClick={onBack}>
        Back to log in
      </button>
    </section>
  );
}
