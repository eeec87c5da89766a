import { graphql } from '../../graphql';

/**
 * The story tray: the viewer's own entry first, then accounts with unseen stories, then by affinity.
 * The viewer page reads the same query for the order it moves through accounts in.
 */
export const StoryTrayQuery = graphql(`
  query StoryTray {
    storyTray {
      hasUnseen
      closeFriendsOnly
      user {
        id
        username
        avatar { thumbhash sources { url width format } }
      }
      stories { id viewerHasSeen closeFriendsOnly }
    }
  }
`);

export type TrayEntry = {
  hasUnseen: boolean;
  closeFriendsOnly: boolean;
  stories: readonly { id: string; viewerHasSeen: boolean; closeFriendsOnly: boolean }[];
};
