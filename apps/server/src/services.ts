import type { Realtime } from './graphql/realtime';
import type { Accounts } from './modules/accounts/service';
import type { Sessions } from './modules/accounts/sessions';
import type { Discovery } from './modules/discovery/service';
import type { Engagement } from './modules/engagement/service';
import type { Explore } from './modules/explore/service';
import type { Suggestions } from './modules/explore/suggestions';
import type { Favorites } from './modules/feed/favorites';
import type { RankedFeed } from './modules/feed/ranked';
import type { Feed } from './modules/feed/service';
import type { Graph } from './modules/graph/service';
import type { Hashtags } from './modules/hashtags/service';
import type { Avatars } from './modules/media/avatars';
import type { Uploads } from './modules/media/uploads';
import type { Moderation } from './modules/moderation/service';
import type { Notifications } from './modules/notifications/service';
import type { Posts } from './modules/posts/service';
import type { Ranking } from './modules/ranking/service';
import type { Safety } from './modules/safety/service';
import type { Search } from './modules/search/service';
import type { Captcha } from './modules/security/captcha';
import type { Passkeys, RelyingParty } from './modules/security/passkeys';
import type { Security } from './modules/security/passwords';
import type { Recovery } from './modules/security/recovery';
import type { TwoFactor } from './modules/security/two-factor';
import type { Highlights } from './modules/stories/highlights';
import type { StoryInteractions } from './modules/stories/interactions';
import type { Stories } from './modules/stories/service';
import type { Cache } from './platform/cache/port';

/** The domain services the API and jobs call; built once in the composition root. */
export interface Services {
  accounts: Accounts;
  sessions: Sessions;
  graph: Graph;
  uploads: Uploads;
  avatars: Avatars;
  posts: Posts;
  engagement: Engagement;
  feed: Feed;
  rankedFeed: RankedFeed;
  ranking: Ranking;
  favorites: Favorites;
  discovery: Discovery;
  /** The search box: typeahead, caption search and recent searches. */
  search: Search;
  hashtags: Hashtags;
  explore: Explore;
  suggestions: Suggestions;
  moderation: Moderation;
  security: Security;
  twoFactor: TwoFactor;
  captcha: Captcha;
  /** The cache itself, for small per-request counters (log-in failures). */
  cache: Cache;
  recovery: Recovery;
  safety: Safety;
  notifications: Notifications;
  /** Publishes to and listens on realtime channels (GraphQL subscriptions), across processes. */
  realtime: Realtime;
  passkeys: Passkeys;
  stories: Stories;
  storyInteractions: StoryInteractions;
  highlights: Highlights;
  /** The origin and RP ID passkeys are bound to. */
  relyingParty(): RelyingParty;
}
