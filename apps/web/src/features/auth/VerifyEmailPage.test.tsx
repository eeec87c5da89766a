import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError, Provider, useQuery } from 'urql';
import { describe, expect, it } from 'vitest';
import { graphql } from '../../graphql';
import { graphcacheClient, scriptedServer } from '../../test/scriptedServer';
import { authCache } from './cache';
import { ADA, fieldError, renderScreen } from './test-utils';
import VerifyEmailPage from './VerifyEmailPage';

// Each test its own link: the page remembers every link's answer for the page's lifetime.
let tokens = 0;
const freshToken = () => `verify-token-${++tokens}`.padEnd(43, 'x');

const INVALID = 'This link is invalid or has expired. Ask for a new one.';

describe('VerifyEmailPage', () => {
  it('confirms the address and leads a logged-in person back to the app', async () => {
    const token = freshToken();
    const { sent } = renderScreen(<VerifyEmailPage token={token} />, {
      path: `/accounts/email/verify/${token}`,
      user: ADA,
      script: { VerifyEmail: () => ({ data: { verifyEmail: true } }) },
    });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Your email is confirmed' }),
    ).toBeInTheDocument();
    // (The shell has a status region of its own, for toasts.)
    expect(screen.getByText(/We'll use this address/)).toHaveAttribute('role', 'status');
    expect(screen.getByRole('link', { name: 'Go to Glimpse' })).toHaveAttribute('href', '/');
    expect(sent('VerifyEmail')).toEqual([{ token }]);
    expect(document.title).toBe('Confirm your email • Glimpse');
  });

  it('says a used or expired link is no good, and offers log-in when logged out', async () => {
    const token = freshToken();
    renderScreen(<VerifyEmailPage token={token} />, {
      script: { VerifyEmail: () => fieldError('token', INVALID) },
    });

    expect(
      await screen.findByRole('heading', { level: 1, name: "Couldn't confirm your email" }),
    ).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(INVALID);
    expect(screen.getByRole('link', { name: 'Log in' })).toHaveAttribute('href', '/accounts/login');
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });

  it('shows that it is working while the API answers', async () => {
    const token = freshToken();
    renderScreen(<VerifyEmailPage token={token} />, { script: { VerifyEmail: () => 'pending' } });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Confirming your email…' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Just a moment.');
  });

  it('sends the one-time link exactly once under StrictMode', async () => {
    const token = freshToken();
    let calls = 0;
    const { sent } = renderScreen(<VerifyEmailPage token={token} />, {
      strict: true,
      script: {
        // A second request would find the link spent and answer "invalid" over the first one's yes.
        VerifyEmail: () => (++calls === 1 ? { data: { verifyEmail: true } } : fieldError('token', INVALID)),
      },
    });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Your email is confirmed' }),
    ).toBeInTheDocument();
    expect(sent('VerifyEmail')).toEqual([{ token }]);
    expect(calls).toBe(1);
  });

  it('asks again only when the first request never reached the API', async () => {
    const token = freshToken();
    let calls = 0;
    const { sent } = renderScreen(<VerifyEmailPage token={token} />, {
      script: {
        VerifyEmail: () =>
          ++calls === 1
            ? { error: new CombinedError({ networkError: new Error('Failed to fetch') }) }
            : { data: { verifyEmail: true } },
      },
    });

    expect(await screen.findByRole('alert')).toHaveTextContent("Couldn't reach Glimpse.");
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Your email is confirmed' }),
    ).toBeInTheDocument();
    expect(sent('VerifyEmail')).toEqual([{ token }, { token }]);
  });
});

const EmailStateQuery = graphql(`
  query TestEmailState {
    viewer {
      emailVerified
    }
  }
`);

describe('authCache', () => {
  it("has the logged-in viewer's email state fetched again after a confirmation", async () => {
    let verified = false;
    const server = scriptedServer((name) => {
      if (name === 'TestEmailState') {
        return { data: { viewer: { __typename: 'Viewer', emailVerified: verified } } };
      }
      if (name === 'VerifyEmail') {
        verified = true;
        return { data: { verifyEmail: true } };
      }
      return 'pending';
    });
    const client = graphcacheClient(server.exchange, [authCache]);
    function EmailState() {
      const [{ data }] = useQuery({ query: EmailStateQuery });
      return <p>{data?.viewer?.emailVerified ? 'Verified' : 'Not verified'}</p>;
    }
    render(
      <Provider value={client}>
        <EmailState />
      </Provider>,
    );
    expect(await screen.findByText('Not verified')).toBeInTheDocument();

    await client
      .mutation(graphql('mutation VerifyEmail($token: String!) { verifyEmail(token: $token) }'), {
        token: freshToken(),
      })
      .toPromise();

    expect(await screen.findByText('Verified')).toBeInTheDocument();
    await waitFor(() => expect(server.sent('TestEmailState')).toHaveLength(2));
  });
});
