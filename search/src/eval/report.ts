import type { AnalyzerVariant } from './analyzer-variants';
import type { EvalResult } from './rank-eval';

const f3 = (n: number) => n.toFixed(3);

/** The markdown summary of one evaluation run: overall, by kind of query, worst queries, all queries. */
export function evalMarkdown(at: string, results: Record<AnalyzerVariant, EvalResult>): string {
  const variants = Object.keys(results) as AnalyzerVariant[];
  const production = results.cjk_bigram;
  const kinds = [...new Set(production.queries.map((q) => q.kind))];
  const byKind = (r: EvalResult, kind: string, metric: 'ndcg' | 'recall') => {
    const rows = r.queries.filter((q) => q.kind === kind);
    return f3(rows.reduce((s, q) => s + q[metric], 0) / rows.length);
  };
  const worst = [...production.queries].sort((a, b) => a.ndcg - b.ndcg || a.recall - b.recall).slice(0, 10);
  return [
    `# positions search relevance (${at})`,
    '',
    `${production.queries.length} judged queries (+ ${production.negatives.length} with nothing relevant), ` +
      `metrics computed by ${production.evaluator === 'rank_eval' ? "the cluster's `_rank_eval`" : 'search/src/eval/metrics.ts (the cluster has no `_rank_eval`)'}; ` +
      'requests built by `buildPositionSearch`.',
    '',
    '| analyzer | nDCG@10 | recall@20 | ' + kinds.map((k) => `nDCG@10 ${k}`).join(' | ') + ' |',
    '|---|---|---|' + kinds.map(() => '---').join('|') + '|',
    ...variants.map(
      (v) =>
        `| ${v} | ${f3(results[v].ndcgAt10)} | ${f3(results[v].recallAt20)} | ` +
        kinds.map((k) => byKind(results[v], k, 'ndcg')).join(' | ') +
        ' |',
    ),
    '',
    '## Worst queries (cjk_bigram, production)',
    '',
    '| id | query | kind | nDCG@10 | recall@20 | top hits |',
    '|---|---|---|---|---|---|',
    ...worst.map(
      (q) =>
        `| ${q.id} | ${q.q} | ${q.kind} | ${f3(q.ndcg)} | ${f3(q.recall)} | ${q.top.slice(0, 5).join(' ')} |`,
    ),
    '',
    '## Queries with nothing relevant (hits returned, fewer is better)',
    '',
    '| id | query | ' + variants.join(' | ') + ' |',
    '|---|---|' + variants.map(() => '---').join('|') + '|',
    ...production.negatives.map(
      (n, i) => `| ${n.id} | ${n.q} | ${variants.map((v) => results[v].negatives[i].hits).join(' | ')} |`,
    ),
    '',
    '## Every query',
    '',
    '| id | query | kind | ' + variants.map((v) => `nDCG@10 ${v} | recall@20 ${v}`).join(' | ') + ' |',
    '|---|---|---|' + variants.map(() => '---|---').join('|') + '|',
    ...production.queries.map(
      (q, i) =>
        `| ${q.id} | ${q.q} | ${q.kind} | ` +
        variants
          .map((v) => `${f3(results[v].queries[i].ndcg)} | ${f3(results[v].queries[i].recall)}`)
          .join(' | ') +
        ' |',
    ),
    '',
  ].join('\n');
}
