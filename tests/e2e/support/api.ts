/** People who come in through the API rather than the screens: the CAPTCHA is solved here, in Node. */
import { solvedCaptcha } from '../../../apps/server/test/support/captcha';
import { PASSWORD, type Person } from './people';

async function graphql<T>(baseUrl: string, query: string, variables: object): Promise<T> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  if (!body.data) throw new Error(`POST /graphql answered ${response.status} with no data`);
  return body.data;
}

/** Signs up through the API (as a script or another client would), solving the CAPTCHA; returns the user id. */
export async function signUpThroughApi(baseUrl: string, who: Person): Promise<string> {
  const captcha = await solvedCaptcha(baseUrl);
  const data = await graphql<{ signUp: { viewer: { user: { id: string } } } }>(
    baseUrl,
    `mutation SignUp($input: SignUpInput!) { signUp(input: $input) { viewer { user { id } } } }`,
    {
      input: {
        username: who.username,
        email: who.email,
        password: PASSWORD,
        displayName: who.fullName,
        captcha,
      },
    },
  );
  return data.signUp.viewer.user.id;
}
