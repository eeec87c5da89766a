import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { Link, useLocation } from 'wouter';
import { Captcha } from '../../components/Captcha';
import { graphql } from '../../graphql';
import { errorMessage, fieldErrorsOf } from '../../lib/errors';
import { useViewer } from '../../lib/viewer';
import styles from './Auth.module.css';
import { AuthField, AuthLayout, FormError } from './AuthLayout';

const SignUpMutation = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      expiresAt
    }
  }
`);

export default function SignupPage() {
  const [form, setForm] = useState({ email: '', displayName: '', username: '', password: '' });
  const [captcha, setCaptcha] = useState<string | null>(null);
  // A solved challenge is spent by the attempt that sends it: a refused sign-up gets a fresh one.
  const [attempt, setAttempt] = useState(0);
  const [result, signUp] = useMutation(SignUpMutation);
  const { refresh } = useViewer();
  const [, navigate] = useLocation();
  const errors = fieldErrorsOf(result.error);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!captcha) return;
    const res = await signUp({ input: { ...form, captcha } });
    if (!res.error) {
      refresh();
      navigate('/');
    } else {
      setAttempt((n) => n + 1);
    }
  };

  const general = result.error && Object.keys(errors).length === 0 ? errorMessage(result.error) : null;
  return (
    <AuthLayout
      footer={
        <p>
          Have an account?{' '}
          <Link href="/accounts/login" className="link-button">
            Log in
          </Link>
        </p>
      }
    >
      <p className={styles.tagline}>Sign up to see photos from your friends.</p>
      <form className={styles.form} onSubmit={submit} noValidate aria-label="Sign up">
        <AuthField
          name="email"
          label="Email"
          type="email"
          autoComplete="email"
          value={form.email}
          onChange={set('email')}
          error={errors.email}
        />
        <AuthField
          name="displayName"
          label="Full name"
          autoComplete="name"
          value={form.displayName}
          onChange={set('displayName')}
          error={errors.displayName}
        />
        <AuthField
          name="username"
          label="Username"
          autoComplete="username"
          value={form.username}
          onChange={set('username')}
          error={errors.username}
        />
        <AuthField
          name="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          value={form.password}
          onChange={set('password')}
          error={errors.password}
        />
        <Captcha onChange={setCaptcha} error={errors.captcha} attempt={attempt} />
        <button type="submit" className={`button ${styles.submit}`} disabled={result.fetching || !captcha}>
          {result.fetching ? 'Signing up…' : 'Sign up'}
        </button>
        <FormError message={general} />
      </form>
    </AuthLayout>
  );
}
