import { solvedCaptcha } from '../support/captcha';
import { PASSWORD } from '../support/seed';
import { type Case, defineCase } from './case';
import { uploadGone } from './cases-posts';
import {
  avatarPathOf,
  type Cell,
  classify,
  gqlAs,
  isSignedIn,
  logInAgain,
  marker,
  type Observed,
  uploadAs,
} from './world';

/**
 * The caller's own account: these fields take no target, so each cell checks that the call changed the
 * caller and left the target's owner as it was (the owner's own cell changes the owner, and is undone).
 */

/** `self` only when the call succeeded, changed the caller and left the owner alone. */
function selfOnly(observed: Observed, changedCaller: boolean, ownerIntact: boolean): Observed {
  if (observed.outcome !== 'self') return observed;
  if (!changedCaller) return { ...observed, outcome: 'unexpected: succeeded without changing the caller' };
  if (!ownerIntact) return { ...observed, outcome: "unexpected: changed the target's owner" };
  return observed;
}

const profileOf = async (cell: Cell, username: string) =>
  (
    await gqlAs<{ user: { bio: string; avatar: { width: number } | null } | null }>(
      cell.world,
      cell.target.owner,
      'query($u: String!) { user(username: $u) { bio avatar { width } } }',
      { u: username },
    )
  ).data?.user ?? null;

export const ACCOUNT_CASES: Case<unknown>[] = [
  defineCase({
    name: 'Mutation._noop',
    run: async ({ world, caller }) =>
      classify(await gqlAs<{ _noop: null }>(world, caller, 'mutation { _noop }'), (data) =>
        data._noop === null ? 'public' : 'unexpected: _noop returned something',
      ),
  }),
  defineCase({
    name: 'Mutation.signUp',
    // Signing up ignores any session the caller has: it makes and signs in a new account.
    run: async ({ world, caller }) => {
      const username = marker('new');
      const res = await gqlAs<{ signUp: { viewer: { user: { username: string } } } }>(
        world,
        caller,
        'mutation($input: SignUpInput!) { signUp(input: $input) { token viewer { user { username } } } }',
        {
          input: {
            username,
            email: `${username}@example.test`,
            password: PASSWORD,
            captcha: await solvedCaptcha(world.api.url),
          },
        },
      );
      return classify(res, (data) =>
        data.signUp.viewer.user.username === username ? 'self' : 'unexpected: another account',
      );
    },
  }),
  defineCase({
    name: 'Mutation.logIn',
    // The owner's username with a wrong password: refused alike, and alike for a username that does not exist.
    run: async ({ world, caller, target }) => {
      // With a solved CAPTCHA, as the failures so far make the server ask for one.
      const attempt = async (login: string) =>
        gqlAs(world, caller, 'mutation($input: LogInInput!) { logIn(input: $input) { token } }', {
          input: { login, password: 'not the password', captcha: await solvedCaptcha(world.api.url) },
        });
      const observed = classify(await attempt(target.owner.username), () => 'unexpected: logged in');
      const unknown = classify(await attempt(marker('nobody')), () => 'unexpected: logged in');
      if (observed.body !== unknown.body)
        return { ...observed, outcome: 'unexpected: answers differ from an unknown login' };
      return observed;
    },
  }),
  defineCase({
    name: 'Mutation.logOut',
    // Ends a second session of the caller's; the caller's main session and the owner's live on.
    run: async (cell) => {
      const { world, caller, target } = cell;
      const session = caller ? await logInAgain(world, caller) : undefined;
      const res = await world.api.gql<{ logOut: boolean }>(
        'mutation { logOut }',
        {},
        session ? { token: session } : {},
      );
      const observed = classify(res, (data) => (data.logOut ? 'self' : 'unexpected: false'));
      const ended = session ? !(await isSignedIn(world, session)) : true;
      const othersLive =
        (!caller || (await isSignedIn(world, caller.token))) && (await isSignedIn(world, target.owner.token));
      return selfOnly(observed, ended, othersLive);
    },
  }),
  defineCase({
    name: 'Mutation.logOutEverywhere',
    run: async ({ world, caller, target }) => {
      const res = await gqlAs<{ logOutEverywhere: boolean }>(world, caller, 'mutation { logOutEverywhere }');
      const observed = classify(res, () => 'self');
      if (observed.outcome !== 'self' || !caller) return observed;
      const ended = !(await isSignedIn(world, caller.token));
      caller.token = await logInAgain(world, caller);
      return selfOnly(
        observed,
        ended,
        caller === target.owner || (await isSignedIn(world, target.owner.token)),
      );
    },
  }),
  defineCase({
    name: 'Mutation.updateProfile',
    run: async (cell) => {
      const { world, caller, target } = cell;
      const bio = marker('bio');
      const res = await gqlAs(
        world,
        caller,
        'mutation($bio: String!) { updateProfile(input: { bio: $bio }) { id bio } }',
        { bio },
      );
      const observed = classify(res, () => 'self');
      if (observed.outcome !== 'self' || !caller) return observed;
      const mine = (await profileOf(cell, caller.username))?.bio === bio;
      return selfOnly(
        observed,
        mine,
        caller === target.owner || (await profileOf(cell, target.owner.username))?.bio !== bio,
      );
    },
  }),
  defineCase({
    name: 'Mutation.changeUsername',
    run: async (cell) => {
      const { world, caller, target } = cell;
      const username = marker('renamed');
      const res = await gqlAs(
        world,
        caller,
        'mutation($u: String!) { changeUsername(username: $u) { id username } }',
        {
          u: username,
        },
      );
      const observed = classify(res, () => 'self');
      if (observed.outcome !== 'self' || !caller) return observed;
      const renamed = (await profileOf(cell, username)) !== null;
      await world.api.ok(
        'mutation($u: String!) { changeUsername(username: $u) { id } }',
        { u: caller.username },
        caller.token,
      );
      return selfOnly(
        observed,
        renamed,
        (await profileOf(cell, target.owner.username)) !== null || caller === target.owner,
      );
    },
  }),
  defineCase({
    name: 'Mutation.changePassword',
    run: async ({ world, caller, target }) => {
      const change = (from: string, to: string) =>
        gqlAs(world, caller, 'mutation($input: ChangePasswordInput!) { changePassword(input: $input) }', {
          input: { currentPassword: from, newPassword: to },
        });
      const observed = classify(await change(PASSWORD, 'another horse battery'), () => 'self');
      if (observed.outcome !== 'self' || !caller) return observed;
      const changed = (await logInAgain(world, caller, 'another horse battery').catch(() => null)) !== null;
      await change('another horse battery', PASSWORD);
      const ownerIntact =
        caller === target.owner || (await logInAgain(world, target.owner).catch(() => null)) !== null;
      return selfOnly(observed, changed, ownerIntact);
    },
  }),
  defineCase<string>({
    name: 'Mutation.setAvatar',
    // Someone else's pending upload, tried as the caller's avatar.
    prepare: (world, target) => uploadAs(world, target.owner, '#d5a03a'),
    run: async ({ world, caller }, uploadId) => {
      const res = await gqlAs(
        world,
        caller,
        'mutation($id: ID!) { setAvatar(input: { uploadId: $id }) { id } }',
        {
          id: uploadId,
        },
      );
      const observed = uploadGone(classify(res, () => 'ok'));
      if (observed.outcome === 'ok') await world.seed.waitForJobs();
      return observed;
    },
  }),
  defineCase({
    name: 'Mutation.removeAvatar',
    run: async (cell) => {
      const { world, caller, target } = cell;
      if (caller && caller !== target.owner) await setAvatar(cell, caller);
      const observed = classify(
        await gqlAs(world, caller, 'mutation { removeAvatar { id avatar { width } } }'),
        () => 'self',
      );
      if (observed.outcome !== 'self' || !caller) return observed;
      const removed = (await profileOf(cell, caller.username))?.avatar == null;
      const ownerIntact = caller === target.owner || (await avatarPathOf(world, target.owner)) !== null;
      if (caller === target.owner) await setAvatar(cell, caller);
      return selfOnly(observed, removed, ownerIntact);
    },
  }),
];

async function setAvatar(cell: Cell, user: NonNullable<Cell['caller']>) {
  await cell.world.api.ok(
    'mutation($id: ID!) { setAvatar(input: { uploadId: $id }) { id } }',
    { id: await uploadAs(cell.world, user) },
    user.token,
  );
  await cell.world.seed.waitForJobs();
}
