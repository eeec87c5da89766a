import type { Cache } from '@urql/exchange-graphcache';
import { graphql } from '../../graphql';
import type { CachePart } from '../../lib/cache-parts';
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

/**
 * Two-factor mutations answer with codes or a yes: the Viewer's switch and count follow from them.
 * Hidden words and the interaction limit answer with the new value, written to the Viewer.
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
    // The notice now carries its appeal: fetch the list again.
    appeal(_result, _args, cache) {
      const viewer = viewerRecord(cache);
      if (viewer) invalidateField(cache, viewer, 'moderationNotices');
    },
  },
};
