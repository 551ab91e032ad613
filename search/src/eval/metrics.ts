/**
 * The two metrics of Elasticsearch's rank-eval module, with its definitions, for clusters that do
 * not have the module (the local engine: rank-eval is not published to Maven Central after
 * 7.17). `hits` are the ids the search returned, best first, at most k of them.
 */

/**
 * `dcg` with `normalize: true`: gain 2^grade - 1 discounted by log2(rank + 1); unrated hits gain
 * nothing but keep their rank. Like the module, the ideal DCG takes the best grades for as many
 * ranks as there are hits, and a query without any positive grade scores 0.
 */
export function ndcgAtK(hits: string[], ratings: Record<string, number>, k: number): number {
  const top = hits.slice(0, k);
  const dcg = discounted(top.map((id) => ratings[id] ?? 0));
  const ideal = Object.values(ratings)
    .sort((a, b) => b - a)
    .slice(0, Math.min(top.length, k));
  const idcg = discounted(ideal);
  return idcg === 0 ? 0 : dcg / idcg;
}

function discounted(grades: number[]): number {
  return grades.reduce((sum, grade, i) => sum + (2 ** grade - 1) / Math.log2(i + 2), 0);
}

/** `recall` with `relevant_rating_threshold`: relevant docs in the top k over all relevant docs (0 when none). */
export function recallAtK(hits: string[], ratings: Record<string, number>, k: number, threshold = 1): number {
  const relevant = Object.entries(ratings).filter(([, grade]) => grade >= threshold);
  if (!relevant.length) return 0;
  const found = new Set(hits.slice(0, k));
  return relevant.filter(([id]) => found.has(id)).length / relevant.length;
}
