import { AppError, badInput, isId, notFound } from '../../errors';
import type { KeysetPage } from '../../graphql/keyset';
import { type Hydration, readThrough } from '../../platform/cache/read-through';
import type { Db, Queryable } from '../../platform/db';
import type { NotificationOutbox } from '../notifications/service';

export interface Relationship {
  following: boolean;
  requested: boolean;
  followedBy: boolean;
  blocking: boolean;
  blockedBy: boolean;
}

export const NO_RELATIONSHIP: Relationship = Object.freeze({
  following: false,
  requested: false,
  followedBy: false,
  blocking: false,
  blockedBy: false,
});

export type FollowOutcome = 'FOLLOWING' | 'REQUESTED';

/** An entry of a follower / following / request list: the other user and the edge's keyset id. */
export interface GraphEdge {
  edgeId: string;
  userId: string;
}

/** The accounts a user blocks and those that block them: all that decides whether they see each other's activity. */
export interface BlockSets {
  blocking: ReadonlySet<string>;
  blockedBy: ReadonlySet<string>;
}

export const NO_BLOCKS: BlockSets = Object.freeze({
  blocking: new Set<string>(),
  blockedBy: new Set<string>(),
});

export interface Graph {
  relationships(viewerId: string, otherIds: readonly string[]): Promise<Map<string, Relationship>>;
  /** Through the cache: blocks are few and rarely change, and every block and unblock invalidates. */
  blocksOf(userId: string): Promise<BlockSets>;
  follow(followerId: string, targetId: string): Promise<FollowOutcome>;
  unfollow(followerId: string, targetId: string): Promise<void>;
  approveRequest(targetId: string, requesterId: string): Promise<void>;
  declineRequest(targetId: string, requesterId: string): Promise<void>;
  /** Turns every pending request into a follow (an account that goes public). */
  approveAllRequests(targetId: string): Promise<string[]>;
  removeFollower(userId: string, followerId: string): Promise<void>;
  block(blockerId: string, blockedId: string): Promise<void>;
  unblock(blockerId: string, blockedId: string): Promise<void>;
  followers(userId: string, page: KeysetPage): Promise<GraphEdge[]>;
  following(userId: string, page: KeysetPage): Promise<GraphEdge[]>;
  followRequests(userId: string, page: KeysetPage): Promise<GraphEdge[]>;
}

// Adds a follow and moves both counters in one statement, so the counts can't drift from the rows.
const INSERT_FOLLOW = `
  with ins as (
    insert into follows (id, follower_id, followee_id) values (next_id(shard_of($1)), $1, $2)
    on conflict do nothing returning follower_id, followee_id
  )
  update users u set
    follower_count = u.follower_count + (u.id = ins.followee_id)::int,
    following_count = u.following_count + (u.id = ins.follower_id)::int
  from ins where u.id in (ins.follower_id, ins.followee_id)
  returning u.id`;

const DELETE_FOLLOW = `
  with del as (
    delete from follows where follower_id = $1 and followee_id = $2 returning follower_id, followee_id
  )
  update users u set
    follower_count = u.follower_count - (u.id = del.followee_id)::int,
    following_count = u.following_count - (u.id = del.follower_id)::int
  from del where u.id in (del.follower_id, del.followee_id)
  returning u.id`;

/** Block lists change only through block and unblock, which invalidate both ends; the TTL is a backstop. */
const BLOCKS_TTL_SECONDS = 10 * 60;
/** Relationships change only through this service's writes, which invalidate them; the TTL is a backstop. */
const TIES_TTL_SECONDS = 10 * 60;

/** A cached relationship, keyed `viewerId:otherId`. */
type Tie = Relationship & { id: string };
const tieKey = (viewerId: string, otherId: string) => `${viewerId}:${otherId}`;

interface BlockLists {
  id: string;
  blocking: string[];
  blocked_by: string[];
}

export function createGraph(
  db: Db,
  hooks: {
    usersChanged(ids: readonly string[]): Promise<void>;
    /** Follows, requests and approvals add a notification event in their transaction. */
    notifications?: NotificationOutbox;
  },
  hydration: Hydration,
): Graph {
  const graph = createGraphWrites(db, hooks.notifications);
  const invalidate = hooks.usersChanged;
  const blockLists = readThrough<BlockLists>({
    ...hydration,
    namespace: 'blocks',
    ttlSeconds: BLOCKS_TTL_SECONDS,
    nearTtlSeconds: 10,
    dates: [],
    fetch: (ids) =>
      db.query<BlockLists>(
        `/* blockListsOf */ select u.id::text as id,
           array(select blocked_id::text from blocks where blocker_id = u.id) as blocking,
           array(select blocker_id::text from blocks where blocked_id = u.id) as blocked_by
         from unnest($1::bigint[]) as u(id)`,
        [ids],
      ),
  });
  const blockSetsOf = new WeakMap<BlockLists, BlockSets>();
  // The viewer's relationship to each user, per pair of users: a feed page's authors cost no statement.
  // Every write below invalidates both directions of the pairs it changes.
  const ties = readThrough<Tie>({
    ...hydration,
    namespace: 'tie',
    ttlSeconds: TIES_TTL_SECONDS,
    nearTtlSeconds: 10,
    dates: [],
    async fetch(keys) {
      const othersOf = new Map<string, string[]>();
      for (const key of keys) {
        const [viewerId, otherId] = key.split(':');
        if (!viewerId || !otherId || !isId(viewerId) || !isId(otherId)) continue;
        othersOf.set(viewerId, [...(othersOf.get(viewerId) ?? []), otherId]);
      }
      const found: Tie[] = [];
      for (const [viewerId, others] of othersOf) {
        for (const [otherId, rel] of await graph.relationships(viewerId, others)) {
          found.push({ id: tieKey(viewerId, otherId), ...rel });
        }
      }
      return found;
    },
  });
  const tiesChanged = (pairs: readonly (readonly [string, string])[]) =>
    ties.invalidate(pairs.flatMap(([a, b]) => [tieKey(a, b), tieKey(b, a)]));
  /** After a write between `a` and `b`: their relationship, and (when counts moved) both user rows. */
  const between =
    <Args extends [string, string, ...unknown[]], Result>(
      write: (...args: Args) => Promise<Result>,
      options: { counts: boolean },
    ) =>
    async (...args: Args): Promise<Result> => {
      const result = await write(...args);
      const [a, b] = args;
      await Promise.all([tiesChanged([[a, b]]), options.counts ? invalidate([a, b]) : undefined]);
      return result;
    };

  return {
    ...graph,
    async relationships(viewerId, otherIds) {
      const result = new Map<string, Relationship>();
      if (otherIds.length === 0) return result;
      for (const { id, following, requested, followedBy, blocking, blockedBy } of await ties.many(
        otherIds.map((otherId) => tieKey(viewerId, otherId)),
      )) {
        result.set(id.slice(id.indexOf(':') + 1), { following, requested, followedBy, blocking, blockedBy });
      }
      return result;
    },
    async blocksOf(userId) {
      const [lists] = await blockLists.many([userId]);
      if (!lists) return NO_BLOCKS;
      // A row kept in process is the same object request after request: its sets are made once.
      let sets = blockSetsOf.get(lists);
      if (!sets) {
        sets = { blocking: new Set(lists.blocking), blockedBy: new Set(lists.blocked_by) };
        blockSetsOf.set(lists, sets);
      }
      return sets;
    },
    // Follower and following counts live on the user rows: every edge change invalidates both ends.
    follow: between(graph.follow, { counts: true }),
    unfollow: between(graph.unfollow, { counts: true }),
    approveRequest: between(graph.approveRequest, { counts: true }),
    declineRequest: between(graph.declineRequest, { counts: false }),
    async approveAllRequests(targetId) {
      const requesters = await graph.approveAllRequests(targetId);
      await Promise.all([
        tiesChanged(requesters.map((r) => [targetId, r] as const)),
        invalidate([targetId, ...requesters]),
      ]);
      return requesters;
    },
    removeFollower: between(graph.removeFollower, { counts: true }),
    async block(blocker, blocked) {
      await graph.block(blocker, blocked);
      await Promise.all([
        invalidate([blocker, blocked]),
        tiesChanged([[blocker, blocked]]),
        blockLists.invalidate([blocker, blocked]),
      ]);
    },
    async unblock(blocker, blocked) {
      await graph.unblock(blocker, blocked);
      await Promise.all([tiesChanged([[blocker, blocked]]), blockLists.invalidate([blocker, blocked])]);
    },
  };
}

function createGraphWrites(db: Db, notifications?: NotificationOutbox): Omit<Graph, 'blocksOf'> {
  /** The notifications job reads the follow (or request) itself, so one event serves doing and undoing. */
  const tell = async (
    tx: Queryable,
    kind: 'FOLLOW' | 'FOLLOW_REQUEST' | 'FOLLOW_ACCEPTED',
    actorId: string,
    recipientId: string,
  ) => notifications?.inTx(tx, { kind, actorId, recipientId, subjectId: recipientId });
  const kicked = async <T>(work: Promise<T>): Promise<T> => {
    const result = await work;
    notifications?.kick();
    return result;
  };

  const assertUser = async (q: Queryable, id: string) => {
    const [row] = await q.query<{ is_private: boolean }>(
      '/* followTarget */ select is_private from users where id = $1',
      [id],
    );
    if (!row) throw notFound('User');
    return row;
  };

  const edges = (sql: string) => async (userId: string, page: KeysetPage) =>
    db.query<GraphEdge>(sql, [userId, page.after ?? null, page.limit]);

  return {
    async relationships(viewerId, otherIds) {
      const result = new Map<string, Relationship>();
      if (otherIds.length === 0) return result;
      const rows = await db.query<{
        id: string;
        following: boolean;
        requested: boolean;
        followed_by: boolean;
        blocking: boolean;
        blocked_by: boolean;
      }>(
        // Scalar subqueries, each a lookup on a primary key or its mirror index. As EXISTS, the generic
        // plan PostgreSQL adopts for a prepared statement hashes the viewer's whole follow list instead,
        // so the cost would grow with how many accounts the viewer follows.
        `/* relationships */ select o.id::text as id,
           coalesce((select true from follows where follower_id = $1 and followee_id = o.id), false) as following,
           coalesce((select true from follow_requests where requester_id = $1 and target_id = o.id), false) as requested,
           coalesce((select true from follows where follower_id = o.id and followee_id = $1), false) as followed_by,
           coalesce((select true from blocks where blocker_id = $1 and blocked_id = o.id), false) as blocking,
           coalesce((select true from blocks where blocker_id = o.id and blocked_id = $1), false) as blocked_by
         from unnest($2::bigint[]) as o(id)`,
        [viewerId, otherIds],
      );
      for (const r of rows) {
        result.set(r.id, {
          following: r.following,
          requested: r.requested,
          followedBy: r.followed_by,
          blocking: r.blocking,
          blockedBy: r.blocked_by,
        });
      }
      return result;
    },

    async follow(followerId, targetId) {
      if (followerId === targetId) throw badInput('userId', "You can't follow yourself");
      return kicked(
        db.transaction(async (tx) => {
          const target = await assertUser(tx, targetId);
          const [blocked] = await tx.query<{ blocker_id: string }>(
            `/* blockBetween */ select blocker_id from blocks
           where (blocker_id = $1 and blocked_id = $2) or (blocker_id = $2 and blocked_id = $1) limit 1`,
            [followerId, targetId],
          );
          if (blocked) {
            // The blocked side must not learn it was blocked: to them the account simply isn't there.
            if (blocked.blocker_id === targetId) throw notFound('User');
            throw new AppError('FORBIDDEN', 'Unblock this account to follow it');
          }
          const [existing] = await tx.query(
            '/* isFollowing */ select 1 from follows where follower_id = $1 and followee_id = $2',
            [followerId, targetId],
          );
          if (existing) return 'FOLLOWING';
          if (target.is_private) {
            const asked = await tx.query(
              `/* requestFollow */ insert into follow_requests (id, requester_id, target_id)
             values (next_id(shard_of($2)), $1, $2) on conflict do nothing returning 1`,
              [followerId, targetId],
            );
            if (asked.length > 0) await tell(tx, 'FOLLOW_REQUEST', followerId, targetId);
            return 'REQUESTED';
          }
          const followed = await tx.query(`/* follow */ ${INSERT_FOLLOW}`, [followerId, targetId]);
          if (followed.length > 0) await tell(tx, 'FOLLOW', followerId, targetId);
          return 'FOLLOWING';
        }),
      );
    },

    async unfollow(followerId, targetId) {
      await kicked(
        db.transaction(async (tx) => {
          const unfollowed = await tx.query(`/* unfollow */ ${DELETE_FOLLOW}`, [followerId, targetId]);
          if (unfollowed.length > 0) await tell(tx, 'FOLLOW', followerId, targetId);
          const cancelled = await tx.query(
            '/* cancelRequest */ delete from follow_requests where requester_id = $1 and target_id = $2 returning 1',
            [followerId, targetId],
          );
          if (cancelled.length > 0) await tell(tx, 'FOLLOW_REQUEST', followerId, targetId);
        }),
      );
    },

    async approveRequest(targetId, requesterId) {
      await kicked(
        db.transaction(async (tx) => {
          const removed = await tx.query(
            '/* takeRequest */ delete from follow_requests where requester_id = $1 and target_id = $2 returning 1',
            [requesterId, targetId],
          );
          if (removed.length === 0) throw notFound('Follow request');
          await tx.query(`/* approveRequest */ ${INSERT_FOLLOW}`, [requesterId, targetId]);
          await tell(tx, 'FOLLOW_REQUEST', requesterId, targetId);
          await tell(tx, 'FOLLOW_ACCEPTED', targetId, requesterId);
        }),
      );
    },

    async declineRequest(targetId, requesterId) {
      await kicked(
        db.transaction(async (tx) => {
          const removed = await tx.query(
            '/* declineRequest */ delete from follow_requests where requester_id = $1 and target_id = $2 returning 1',
            [requesterId, targetId],
          );
          if (removed.length === 0) throw notFound('Follow request');
          await tell(tx, 'FOLLOW_REQUEST', requesterId, targetId);
        }),
      );
    },

    async approveAllRequests(targetId) {
      return kicked(
        db.transaction(async (tx) => {
          const requesters = await tx.query<{ requester_id: string }>(
            '/* takeAllRequests */ delete from follow_requests where target_id = $1 returning requester_id',
            [targetId],
          );
          if (requesters.length === 0) return [];
          await tx.query(
            `/* approveAllRequests */ with ins as (
             insert into follows (id, follower_id, followee_id)
             select next_id(shard_of(r)), r, $1 from unnest($2::bigint[]) as r
             on conflict do nothing returning follower_id
           ), target as (
             update users set follower_count = follower_count + (select count(*) from ins) where id = $1
           )
           update users set following_count = following_count + 1 where id in (select follower_id from ins)`,
            [targetId, requesters.map((r) => r.requester_id)],
          );
          for (const { requester_id } of requesters) {
            await tell(tx, 'FOLLOW_REQUEST', requester_id, targetId);
            await tell(tx, 'FOLLOW_ACCEPTED', targetId, requester_id);
          }
          return requesters.map((r) => r.requester_id);
        }),
      );
    },

    async removeFollower(userId, followerId) {
      await db.query(`/* removeFollower */ ${DELETE_FOLLOW}`, [followerId, userId]);
    },

    async block(blockerId, blockedId) {
      if (blockerId === blockedId) throw badInput('userId', "You can't block yourself");
      await db.transaction(async (tx) => {
        await assertUser(tx, blockedId);
        await tx.query(
          '/* block */ insert into blocks (blocker_id, blocked_id) values ($1, $2) on conflict do nothing',
          [blockerId, blockedId],
        );
        // A block ends every tie both ways: follows, and pending requests.
        await tx.query(`/* blockUnfollow */ ${DELETE_FOLLOW}`, [blockerId, blockedId]);
        await tx.query(`/* blockUnfollowBack */ ${DELETE_FOLLOW}`, [blockedId, blockerId]);
        await tx.query(
          `/* blockDropRequests */ delete from follow_requests
           where (requester_id = $1 and target_id = $2) or (requester_id = $2 and target_id = $1)`,
          [blockerId, blockedId],
        );
      });
    },

    async unblock(blockerId, blockedId) {
      await db.query('/* unblock */ delete from blocks where blocker_id = $1 and blocked_id = $2', [
        blockerId,
        blockedId,
      ]);
    },

    followers: edges(
      `/* followersOf */ select id as "edgeId", follower_id as "userId" from follows
       where followee_id = $1 and ($2::bigint is null or id < $2) order by id desc limit $3`,
    ),
    following: edges(
      `/* followingOf */ select id as "edgeId", followee_id as "userId" from follows
       where follower_id = $1 and ($2::bigint is null or id < $2) order by id desc limit $3`,
    ),
    followRequests: edges(
      `/* followRequestsOf */ select id as "edgeId", requester_id as "userId" from follow_requests
       where target_id = $1 and ($2::bigint is null or id < $2) order by id desc limit $3`,
    ),
  };
}
