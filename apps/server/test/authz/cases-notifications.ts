import { type Case, defineCase } from './case';
import { type Cell, classify, countRows, gqlAs, type Observed } from './world';

/**
 * The activity list is the caller's own: marking read or turning kinds off touches the caller's rows
 * and never the owner's. The owner's entries are made unread again before each cell, so a cell that
 * marked them (the owner's own) does not blunt the check of the next.
 */

const ownersUnread = (cell: Cell) =>
  countRows(cell.world, 'notifications where recipient_id = $1 and read_at is null', [cell.target.owner.id]);

async function ownersEntry(cell: Cell): Promise<string | null> {
  const [row] = await cell.world.server.glimpse.platform.db.query<{ id: string }>(
    'select id::text as id from notifications where recipient_id = $1 order by activity_id desc limit 1',
    [cell.target.owner.id],
  );
  return row?.id ?? null;
}

/** Marks read as the caller (up to an entry, when given); `self` only when the owner's entries stayed unread. */
async function markRead(cell: Cell, upTo: string | null): Promise<Observed> {
  await cell.world.server.glimpse.platform.db.query(
    'update notifications set read_at = null where recipient_id = $1',
    [cell.target.owner.id],
  );
  const before = await ownersUnread(cell);
  if (before === 0) return { outcome: 'unexpected: the owner has no notifications to mark', body: '' };
  const mark = (id: string | null) =>
    gqlAs<{ markNotificationsRead: number }>(
      cell.world,
      cell.caller,
      'mutation($upTo: ID) { markNotificationsRead(upTo: $upTo) }',
      { upTo: id },
    );
  let observed = classify(await mark(upTo), () => 'self');
  const changed = (await ownersUnread(cell)) !== before;
  if (cell.viewer === 'owner') return withOwnerEffect(observed, changed);
  // Someone else's entry must be refused as one that does not exist.
  if (upTo && observed.outcome === 'rejected') {
    const missing = classify(await mark('1'), () => 'self');
    observed =
      missing.body === observed.body
        ? { ...observed, outcome: 'hidden' }
        : { ...observed, outcome: 'unexpected: refused unlike an entry that does not exist' };
  }
  return changed ? { ...observed, outcome: "unexpected: marked the owner's notifications" } : observed;
}

function withOwnerEffect(observed: Observed, changed: boolean): Observed {
  if (observed.outcome === 'self' && !changed)
    return { ...observed, outcome: 'unexpected: the owner marked nothing' };
  return observed;
}

/** The kinds the owner turned off, as the database holds them. */
async function ownersPreferences(cell: Cell): Promise<string> {
  const [row] = await cell.world.server.glimpse.platform.db.query<{ disabled: string }>(
    'select disabled::text as disabled from notification_preferences where user_id = $1',
    [cell.target.owner.id],
  );
  return row?.disabled ?? '{}';
}

export const NOTIFICATION_CASES: Case<unknown>[] = [
  defineCase({ name: 'Mutation.markNotificationsRead', run: (cell) => markRead(cell, null) }),
  defineCase({
    name: 'Mutation.markNotificationsRead[upTo]',
    run: async (cell) => markRead(cell, await ownersEntry(cell)),
  }),
  defineCase({
    name: 'Mutation.updateNotificationPreferences',
    run: async (cell) => {
      const before = await ownersPreferences(cell);
      const set = (enabled: boolean) =>
        gqlAs<{ updateNotificationPreferences: { kind: string; enabled: boolean }[] }>(
          cell.world,
          cell.caller,
          'mutation($on: Boolean!) { updateNotificationPreferences(input: [{ kind: STORY_REPLY, enabled: $on }]) { kind enabled } }',
          { on: enabled },
        );
      const observed = classify(await set(false), (data) =>
        data.updateNotificationPreferences.some((p) => p.kind === 'STORY_REPLY' && !p.enabled)
          ? 'self'
          : 'unexpected: the kind stayed on',
      );
      const touched = (await ownersPreferences(cell)) !== before;
      if (observed.outcome === 'self') await set(true);
      if (touched && cell.viewer !== 'owner')
        return { ...observed, outcome: "unexpected: changed the owner's preferences" };
      return observed;
    },
  }),
];
