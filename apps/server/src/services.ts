import type { Accounts } from './modules/accounts/service';
import type { Sessions } from './modules/accounts/sessions';
import type { Discovery } from './modules/discovery/service';
import type { Engagement } from './modules/engagement/service';
import type { Favorites } from './modules/feed/favorites';
import type { Feed } from './modules/feed/service';
import type { Graph } from './modules/graph/service';
import type { Avatars } from './modules/media/avatars';
import type { Uploads } from './modules/media/uploads';
import type { Posts } from './modules/posts/service';

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
  favorites: Favorites;
  discovery: Discovery;
}
