import { badInput } from '../../errors';
import type { Db } from '../../platform/db';
import type { Logger } from '../../platform/logger';
import { type CandidateFacts, FEATURE_NAMES, featuresOf } from './features';
import { auc, type Example, type Model, predict, train } from './model';

/**
 * The ranked home feed's model and its data: scoring candidates for a viewer, logging what the viewer
 * actually saw (with the features it was scored on), counting profile visits, and retraining the
 * logistic regression from those impressions on a schedule.
 */
export interface Scored {
  postId: string;
  authorId: string;
  score: number;
  seen: boolean;
  ageHours: number;
  features: number[];
}

export interface TrainResult {
  status: 'trained' | 'too-few-examples' | 'fresh';
  examples: number;
  positives: number;
  auc: number | null;
}

export interface Ranking {
  /** Scores the candidates for the viewer, dropping any that are no longer published. */
  score(viewerId: string, postIds: readonly string[]): Promise<Scored[]>;
  /** Records that the viewer saw these posts; `logged` gives the features they were ranked with. */
  markSeen(
    viewerId: string,
    seen: readonly { postId: string; position: number | null; features: number[] | null }[],
  ): Promise<void>;
  recordVisit(viewerId: string, authorId: string): Promise<void>;
  /** Retrains from recent impressions unless a model newer than `minAgeMinutes` exists. */
  train(options?: { minAgeMinutes?: number }): Promise<TrainResult>;
  model(): Promise<Model>;
}

export const MARK_SEEN_MAX = 50;
/** Retraining needs this many seen impressions, with engagement on both sides, to replace the model. */
const MIN_EXAMPLES = 200;
const MIN_PER_CLASS = 10;
const TRAINING_WINDOW = 200_000;
const MODEL_TTL_MS = 60_000;

/**
 * Until enough impressions are logged, the feed scores with these hand-set weights: affinity and
 * freshness lead, early velocity helps, already-seen hurts.
 */
export const PRIOR_MODEL: Model = {
  featureNames: FEATURE_NAMES,
  weights: [0.9, 0.7, 0.4, 2.0, 0.6, 0.1, -1.5, 0.3, -2.5],
  trainedAt: new Date(0).toISOString(),
  examples: 0,
};

interface FactRow {
  id: string;
  author_id: string;
  age_hours: number;
  like_count: number;
  comment_count: number;
  photos: number;
  likes: number;
  comments: number;
  visits: number;
  mutual: boolean;
  seen: boolean;
}

export function createRanking(db: Db, logger: Logger): Ranking {
  let cached: { model: Model; at: number } | null = null;

  const latestModel = async (): Promise<Model> => {
    const [row] = await db.query<{
      feature_names: string[];
      weights: number[];
      examples: number;
      trained_at: Date;
    }>(
      `/* latestRankingModel */ select feature_names, weights, examples, trained_at from ranking_models
       order by id desc limit 1`,
    );
    // A model trained on another feature set (an older release) is not used.
    if (!row || row.feature_names.join() !== FEATURE_NAMES.join()) return PRIOR_MODEL;
    return {
      featureNames: row.feature_names,
      weights: row.weights.map(Number),
      examples: row.examples,
      trainedAt: row.trained_at.toISOString(),
    };
  };

  const ranking: Ranking = {
    async model() {
      if (cached && Date.now() - cached.at < MODEL_TTL_MS) return cached.model;
      cached = { model: await latestModel(), at: Date.now() };
      return cached.model;
    },

    async score(viewerId, postIds) {
      if (postIds.length === 0) return [];
      const [model, rows] = await Promise.all([
        ranking.model(),
        db.query<FactRow>(
          `/* rankingFacts */ select p.id::text as id, p.author_id::text as author_id,
             extract(epoch from now() - p.created_at)::float8 / 3600 as age_hours,
             greatest(p.like_count - p.flagged_like_count, 0) as like_count, p.comment_count,
             (select count(*)::int from post_media m where m.post_id = p.id) as photos,
             coalesce(a.likes, 0) as likes, coalesce(a.comments, 0) as comments, coalesce(a.visits, 0) as visits,
             exists (select 1 from follows f where f.follower_id = p.author_id and f.followee_id = $1) as mutual,
             exists (select 1 from feed_impressions i
                     where i.viewer_id = $1 and i.post_id = p.id and i.seen_at is not null) as seen
           from posts p
           left join user_affinity a on a.user_id = $1 and a.author_id = p.author_id
           where p.id = any($2::bigint[]) and p.status = 'ready' and p.archived_at is null`,
          [viewerId, postIds],
        ),
      ]);
      return rows.map((row) => {
        const facts: CandidateFacts = {
          viewerLikesOfAuthor: row.likes,
          viewerCommentsOnAuthor: row.comments,
          viewerVisitsOfAuthor: row.visits,
          ageHours: row.age_hours,
          likeCount: row.like_count,
          commentCount: row.comment_count,
          photoCount: row.photos,
          seen: row.seen,
          // Your own posts are not "mutual"; they are ranked like a close friend's.
          mutual: row.mutual || row.author_id === viewerId,
        };
        const features = featuresOf(facts);
        return {
          postId: row.id,
          authorId: row.author_id,
          score: predict(model, features),
          seen: row.seen,
          ageHours: row.age_hours,
          features,
        };
      });
    },

    async markSeen(viewerId, seen) {
      if (seen.length === 0) return;
      if (seen.length > MARK_SEEN_MAX) throw badInput('postIds', `At most ${MARK_SEEN_MAX} posts at a time`);
      const items = seen.map((s) => ({
        post_id: s.postId,
        position: s.position,
        features: s.features ? `{${s.features.join(',')}}` : null,
      }));
      // First sight wins: a post seen again keeps the features and time it was first seen with.
      await db.query(
        `/* markPostsSeen */ insert into feed_impressions (viewer_id, post_id, position, features, seen_at)
         select $1, x.post_id, x.position, x.features::real[], now()
         from jsonb_to_recordset($2::jsonb) as x(post_id bigint, position smallint, features text)
         where exists (select 1 from posts p where p.id = x.post_id)
         on conflict (viewer_id, post_id) do update
           set seen_at = coalesce(feed_impressions.seen_at, excluded.seen_at),
               features = coalesce(feed_impressions.features, excluded.features),
               position = coalesce(feed_impressions.position, excluded.position)`,
        [viewerId, JSON.stringify(items)],
      );
    },

    async recordVisit(viewerId, authorId) {
      if (viewerId === authorId) return;
      await db.query(
        `/* recordProfileVisit */ insert into user_affinity as a (user_id, author_id, visits) values ($1, $2, 1)
         on conflict (user_id, author_id) do update set visits = a.visits + 1, updated_at = now()`,
        [viewerId, authorId],
      );
    },

    async train(options = {}) {
      const minAge = options.minAgeMinutes ?? 0;
      if (minAge > 0) {
        const [fresh] = await db.query<{ fresh: boolean }>(
          `/* rankingModelFresh */ select exists (select 1 from ranking_models
             where trained_at > now() - make_interval(mins => $1)) as fresh`,
          [minAge],
        );
        if (fresh?.fresh) return { status: 'fresh', examples: 0, positives: 0, auc: null };
      }
      // Newest first; a post counts as engaged when the viewer liked, commented on or saved it.
      const rows = await db.query<{ features: number[]; engaged: boolean }>(
        `/* rankingTrainingExamples */ select i.features, (
             exists (select 1 from likes l where l.post_id = i.post_id and l.user_id = i.viewer_id)
             or exists (select 1 from comments c where c.post_id = i.post_id and c.author_id = i.viewer_id)
             or exists (select 1 from saves s where s.post_id = i.post_id and s.user_id = i.viewer_id)
           ) as engaged
         from feed_impressions i
         where i.seen_at is not null and i.features is not null and i.seen_at > now() - interval '30 days'
         order by i.seen_at desc limit $1`,
        [TRAINING_WINDOW],
      );
      const examples: Example[] = rows
        .filter((r) => r.features.length === FEATURE_NAMES.length)
        .map((r) => ({ features: r.features.map(Number), label: r.engaged ? 1 : 0 }));
      const positives = examples.filter((e) => e.label === 1).length;
      if (
        examples.length < MIN_EXAMPLES ||
        positives < MIN_PER_CLASS ||
        examples.length - positives < MIN_PER_CLASS
      ) {
        return { status: 'too-few-examples', examples: examples.length, positives, auc: null };
      }
      // Judge on the newest fifth (the model will rank tomorrow's posts, not yesterday's), then train on all.
      const holdout = Math.floor(examples.length / 5);
      const test = examples.slice(0, holdout);
      const trial = train(examples.slice(holdout), FEATURE_NAMES);
      const testAuc = auc(
        test.map((e) => predict(trial, e.features)),
        test.map((e) => e.label),
      );
      const model = train(examples, FEATURE_NAMES);
      await db.query(
        `/* saveRankingModel */ insert into ranking_models (feature_names, weights, examples, positives, auc)
         values ($1, $2, $3, $4, $5)`,
        [FEATURE_NAMES, model.weights, examples.length, positives, testAuc],
      );
      cached = null;
      logger.info({ examples: examples.length, positives, auc: testAuc }, 'ranking model retrained');
      return { status: 'trained', examples: examples.length, positives, auc: testAuc };
    },
  };
  return ranking;
}
