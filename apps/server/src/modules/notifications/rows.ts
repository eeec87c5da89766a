import type { Connection } from '../../graphql/keyset';
import type { UserRow } from '../accounts/rows';
import type { NotificationRow } from './service';

/** A notification as resolvers see it: its row and the latest actors the viewer may see (three at most). */
export interface NotificationParent {
  row: NotificationRow;
  actors: UserRow[];
}
export type NotificationEdgeParent = { cursor: string; node: NotificationParent };
export type NotificationConnectionParent = Connection<NotificationParent>;
