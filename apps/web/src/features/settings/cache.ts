import type { Cache } from '@urql/exchange-graphcache';
import { graphql } from '../../graphql';
import type { CachePart } from '../../lib/cache-parts';
import { appendToList, removeFromList } from '../post/cacheLists';
import { invalidateField, viewerRecord } from '../profile/cache-lists';

const TwoFactorState = graphql(`
  fragment TwoFactorState on Viewer {
    twoFactorEnabled
    recoveryCodesLeft
  }
`);

function writeTwoFactor(cache: Cache, twoFactorEnabled: boolean, recoveryCodesLeft: number) {
  if (!viewerRecord(cache)) return;
  // Viewer's cache key does not depend on its fields (client.ts): the fragment needs no id.
  cache.writeFragment(TwoFactorState, { twoFactorEnabled, recoveryCodesLeft });
}

const HiddenWordsState = graphql(`
  fragment HiddenWordsState on Viewer {
    hiddenWords { words useDefault }
  }
`);

const InteractionLimitState = graphql(`
  fragment InteractionLimitState on Viewer {
    interactionsLimitedUntil
  }
`);

/** Takes `typename:id` out of one of the Viewer's plain lists (sessions, passkeys). */
function removeFromViewer(cache: Cache, field: 'sessions' | 'passkeys', typename: string, id: unknown) {
  const viewer = viewerRecord(cache);
  const key = cache.keyOfEntity({ __typename: typename, id: String(id) });
  if (viewer && key) removeFromList(cache, viewer, field, key);
}

/** After a password change only this session is left: the others leave the cached list. */
function keepOnlyCurrentSession(cache: Cache) {
  const viewer = viewerRecord(cache);
  const sessions = viewer ? cache.resolve(viewer, 'sessions') : null;
  if (!viewer || !Array.isArray(sessions)) return;
  const kept = sessions.filter(
    (session): session is string => typeof session === 'string' && cache.resolve(session, 'current') === true,
  );
  if (kept.length !== sessions.length) cache.link(viewer, 'sessions', kept);
}

/**
 * Two-factor mutations answer with codes or a yes: the Viewer's switch and count follow from them.
 * Hidden words and the interaction limit answer with the new value, written to the Viewer.
 * Sessions and passkeys are plain lists on the Viewer: a new passkey joins the end (the list is oldest
 * first), a removed passkey or a logged-out session leaves it. changeEmail answers with the Viewer itself.
 */
export const settingsCache: CachePart = {
  optimistic: {
    setHiddenWords: (args) => ({
      __typename: 'HiddenWords',
      words: Array.isArray(args.words) ? args.words : [],
      useDefault: args.useDefault === true,
    }),
  },
  updates: {
    confirmTwoFactorSetup(result, _args, cache) {
      const codes = result.confirmTwoFactorSetup;
      if (Array.isArray(codes)) writeTwoFactor(cache, true, codes.length);
    },
    regenerateRecoveryCodes(result, _args, cache) {
      const codes = result.regenerateRecoveryCodes;
      if (Array.isArray(codes)) writeTwoFactor(cache, true, codes.length);
    },
    disableTwoFactor(result, _args, cache) {
      if (result.disableTwoFactor === true) writeTwoFactor(cache, false, 0);
    },
    // HiddenWords has no key of its own: the answer (or the optimistic guess) becomes the Viewer's.
    setHiddenWords(result, _args, cache) {
      const hiddenWords = result.setHiddenWords as { words?: unknown; useDefault?: unknown } | null;
      if (!hiddenWords || !Array.isArray(hiddenWords.words) || !viewerRecord(cache)) return;
      cache.writeFragment(HiddenWordsState, {
        // The typename lets Graphcache store the keyless object (gql.tada's type leaves it out).
        hiddenWords: {
          __typename: 'HiddenWords',
          words: hiddenWords.words as string[],
          useDefault: hiddenWords.useDefault === true,
        } as { words: string[]; useDefault: boolean },
      });
    },
    limitInteractions(result, _args, cache) {
      if (!viewerRecord(cache)) return;
      const until = result.limitInteractions;
      cache.writeFragment(InteractionLimitState, {
        interactionsLimitedUntil: typeof until === 'string' ? until : null,
      });
    },
    // Every other session ends with the old password.
    changePassword(result, _args, cache) {
      if (result.changePassword === true) keepOnlyCurrentSession(cache);
    },
    revokeSession(result, args, cache) {
      if (result.revokeSession === true) removeFromViewer(cache, 'sessions', 'Session', args.id);
    },
    finishPasskeyRegistration(result, _args, cache) {
      const passkey = result.finishPasskeyRegistration as { id?: unknown } | null;
      const viewer = viewerRecord(cache);
      const key =
        passkey?.id == null ? null : cache.keyOfEntity({ __typename: 'Passkey', id: String(passkey.id) });
      if (viewer && key) appendToList(cache, viewer, 'passkeys', key);
    },
    removePasskey(result, args, cache) {
      if (result.removePasskey === true) removeFromViewer(cache, 'passkeys', 'Passkey', args.id);
    },
    // The notice now carries its appeal: fetch the list again.
    appeal(_result, _args, cache) {
      const viewer = viewerRecord(cache);
      if (viewer) invalidateField(cache, viewer, 'moderationNotices');
    },
  },
};
