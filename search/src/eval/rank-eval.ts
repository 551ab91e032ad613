import type { estypes } from '@elastic/elasticsearch';
import type { SearchClient } from '../client';
import { createVersionedIndex, dropIndices, type IndexDefinition } from '../index-lifecycle';
import { buildPositionSearch } from '../positions-index';
import type { JudgedQuery, JudgedSet } from './judged-set';
import { ndcgAtK, recallAtK } from './metrics';

export const NDCG_K = 10;
export const RECALL_K = 20;

export interface QueryScore {
  id: string;
  q: string;
  kind: JudgedQuery['kind'];
  ndcg: number;
  recall: number;
  /** The ids the production request returned, best first (top 10). */
  top: string[];
}

export interface EvalResult {
  /** Who computed the metrics: the cluster's `_rank_eval`, or this code from `_msearch` hits. */
  evaluator: 'rank_eval' | 'client';
  ndcgAt10: number;
  recallAt20: number;
  queries: QueryScore[];
  /** Queries with nothing relevant: how many hits the search still returned. */
  negatives: { id: string; q: string; hits: number }[];
}

/**
 * The production request for a query (`buildPositionSearch`, the page the api asks for) without
 * the parts `_rank_eval` refuses or ignores: highlighting, hit counting, source filtering; the
 * metric sets the size.
 */
export function rankedRequest(q: string): estypes.SearchRequest {
  const ranking = buildPositionSearch({ q, sort: 'relevance', size: RECALL_K });
  for (const key of ['highlight', 'track_total_hits', 'size', '_source'] as const) delete ranking[key];
  return ranking;
}

/** The `_rank_eval` body for one metric: the standard request/ratings format. */
export function rankEvalBody(set: JudgedSet, index: string, metric: estypes.RankEvalRankEvalMetric) {
  return {
    index,
    requests: judged(set).map((query) => ({
      id: query.id,
      request: rankedRequest(query.q) as estypes.RankEvalRankEvalQuery,
      ratings: Object.entries(query.ratings).map(([_id, rating]) => ({ _index: index, _id, rating })),
    })),
    metric,
  };
}

const judged = (set: JudgedSet) => set.queries.filter((q) => q.kind !== 'negative');
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1);

/** Evaluates the judged set on `index` (already loaded): `_rank_eval` where the cluster has it. */
export async function evaluate(client: SearchClient, index: string, set: JudgedSet): Promise<EvalResult> {
  const hits = await topHits(client, index, set.queries);
  const byCluster = await clusterRankEval(client, index, set);
  const queries = judged(set).map((query) => ({
    id: query.id,
    q: query.q,
    kind: query.kind,
    ndcg: byCluster?.ndcg[query.id] ?? ndcgAtK(hits[query.id], query.ratings, NDCG_K),
    recall: byCluster?.recall[query.id] ?? recallAtK(hits[query.id], query.ratings, RECALL_K),
    top: hits[query.id].slice(0, NDCG_K),
  }));
  return {
    evaluator: byCluster ? 'rank_eval' : 'client',
    ndcgAt10: mean(queries.map((q) => q.ndcg)),
    recallAt20: mean(queries.map((q) => q.recall)),
    queries,
    negatives: set.queries
      .filter((q) => q.kind === 'negative')
      .map((q) => ({ id: q.id, q: q.q, hits: hits[q.id].length })),
  };
}

async function topHits(client: SearchClient, index: string, queries: JudgedQuery[]) {
  const response = await client.msearch({
    searches: queries.flatMap((query) => [
      { index },
      { ...rankedRequest(query.q), size: RECALL_K, _source: false },
    ]),
  });
  return Object.fromEntries(
    response.responses.map((item, i) => {
      if ('error' in item) throw new Error(`${queries[i].id}: ${JSON.stringify(item.error)}`);
      return [queries[i].id, item.hits.hits.map((hit) => hit._id!)];
    }),
  );
}

/** Per-query scores from the cluster's `_rank_eval`, or null when the cluster has no such endpoint. */
async function clusterRankEval(client: SearchClient, index: string, set: JudgedSet) {
  const run = async (metric: estypes.RankEvalRankEvalMetric) => {
    const response = await client.rankEval(rankEvalBody(set, index, metric));
    if (Object.keys(response.failures ?? {}).length)
      throw new Error(`_rank_eval failures: ${JSON.stringify(response.failures)}`);
    return Object.fromEntries(Object.entries(response.details).map(([id, d]) => [id, d.metric_score]));
  };
  try {
    return {
      ndcg: await run({ dcg: { k: NDCG_K, normalize: true } }),
      recall: await run({ recall: { k: RECALL_K, relevant_rating_threshold: 1 } }),
    };
  } catch (error) {
    if (isMissingEndpoint(error)) return null;
    throw error;
  }
}

function isMissingEndpoint(error: unknown): boolean {
  const meta = (error as { meta?: { statusCode?: number; body?: unknown } }).meta;
  const body = JSON.stringify(meta?.body ?? '');
  return (
    meta?.statusCode === 405 ||
    (meta?.statusCode === 400 && /no handler found|Incorrect HTTP method/.test(body))
  );
}

/** A throwaway index with `definition`, loaded with the judged documents and refreshed. */
export async function withJudgedIndex<T>(
  client: SearchClient,
  prefix: string,
  definition: IndexDefinition,
  set: JudgedSet,
  use: (index: string) => Promise<T>,
): Promise<T> {
  const index = await createVersionedIndex(client, prefix, definition);
  try {
    const operations = set.documents.flatMap((doc) => [{ index: { _index: index, _id: doc.id } }, doc]);
    const response = await client.bulk({ operations, refresh: true });
    if (response.errors) throw new Error(`bulk load of the judged set failed in ${index}`);
    return await use(index);
  } finally {
    await dropIndices(client, [index]);
  }
}
