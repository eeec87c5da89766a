import { type ReactNode, useEffect, useState } from 'react';
import { type Client, type OperationResult, useClient } from 'urql';
import { Link } from 'wouter';
import { graphql, type ResultOf } from '../../graphql';
import { errorMessage, fieldErrorsOf } from '../../lib/errors';
import { useViewer } from '../../lib/viewer';
import styles from './Auth.module.css';
import { RecoveryLayout, RecoveryMessage } from './RecoveryLayout';

const VerifyEmailMutation = graphql(`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token)
  }
`);

type VerifyResult = OperationResult<ResultOf<typeof VerifyEmailMutation>>;

/**
 * Each link's one request, shared by every mount that asks: the link works once, and React's StrictMode
 * runs the effect twice, a remount or a revisit runs it again. A second request would spend nothing and
 * answer "invalid" over the first one's "confirmed".
 */
const verifications = new Map<string, Promise<VerifyResult>>();

function verifyOnce(client: Client, token: string): Promise<VerifyResult> {
  let pending = verifications.get(token);
  if (!pending) {
    pending = client.mutation(VerifyEmailMutation, { token }).toPromise();
    verifications.set(token, pending);
  }
  return pending;
}

/** /accounts/email/verify/:token, opened from the emailed link: confirms the address at once. */
export default function VerifyEmailPage({ token }: { token: string }) {
  const client = useClient();
  const { viewer } = useViewer();
  const [result, setResult] = useState<VerifyResult | null>(null);

  useEffect(() => {
    let current = true;
    verifyOnce(client, token).then((answer) => {
      if (current) setResult(answer);
    });
    return () => {
      current = false;
    };
  }, [client, token]);

  // Only a request that never reached the API may be sent again.
  const retry = () => {
    verifications.delete(token);
    setResult(null);
    verifyOnce(client, token).then(setResult);
  };

  // Where to go next: the app, or log-in without a session here.
  const next = (className: string) =>
    viewer ? (
      <Link href="/" className={className}>
        Go to Glimpse
      </Link>
    ) : (
      <Link href="/accounts/login" className={className}>
        Log in
      </Link>
    );

  let body: ReactNode;
  if (!result) {
    body = (
      <RecoveryMessage headingId="verify-title" heading="Confirming your email…" text="Just a moment." />
    );
  } else if (result.data?.verifyEmail) {
    body = (
      <RecoveryMessage
        headingId="verify-title"
        heading="Your email is confirmed"
        text="Thanks. We'll use this address to help you get back into your account if you ever need to."
      >
        {next(`button ${styles.primaryLink}`)}
      </RecoveryMessage>
    );
  } else {
    const offline = Boolean(result.error?.networkError);
    body = (
      <RecoveryMessage
        headingId="verify-title"
        heading="Couldn't confirm your email"
        role="alert"
        text={
          fieldErrorsOf(result.error).token ??
          errorMessage(result.error) ??
          'Something went wrong. Try again.'
        }
      >
        {offline && (
          <button type="button" className={`button ${styles.primaryLink}`} onClick={retry}>
            Try again
          </button>
        )}
        {next(`link-button ${styles.secondaryAction}`)}
      </RecoveryMessage>
    );
  }

  return <RecoveryLayout title="Confirm your email">{body}</RecoveryLayout>;
}
