import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { Link, useLocation } from 'wouter';
import { graphql } from '../../graphql';
import { errorMessage, fieldErrorsOf } from '../../lib/errors';
import { useViewer } from '../../lib/viewer';
import styles from './Auth.module.css';
import { AuthField, AuthLayout } from './AuthLayout';

const LogInMutation = graphql(`
  mutation LogIn($input: LogInInput!) {
    logIn(input: $input) {
      expiresAt
    }
  }
`);

export default function LoginPage() {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [result, logIn] = useMutation(LogInMutation);
  const { refresh } = useViewer();
  const [, navigate] = useLocation();
  const errors = fieldErrorsOf(result.error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const res = await logIn({ input: { login, password } });
    if (!res.error) {
      refresh();
      navigate('/');
    }
  };

  const general = result.error && Object.keys(errors).length === 0 ? errorMessage(result.error) : null;
  return (
    <AuthLayout
      footer={
        <p>
          Don't have an account?{' '}
          <Link href="/accounts/signup" className="link-button">
            Sign up
          </Link>
        </p>
      }
    >
      <form className={styles.form} onSubmit={submit} noValidate aria-label="Log in">
        <AuthField
          name="login"
          label="Username or email"
          autoComplete="username"
          value={login}
          onChange={setLogin}
          error={errors.login}
        />
        <AuthField
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={errors.password}
        />
        <button
          type="submit"
          className={`button ${styles.submit}`}
          disabled={result.fetching || !login || !password}
        >
          {result.fetching ? 'Logging in…' : 'Log in'}
        </button>
        {general && (
          <p className={styles.formError} role="alert">
            {general}
          </p>
        )}
      </form>
    </AuthLayout>
  );
}
