import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSearchClient } from '../client';
import { positionsIndexWith, type AnalyzerVariant } from './analyzer-variants';
import { JUDGED_SET_PATH, judgedSetProblems, loadJudgedSet } from './judged-set';
import { evaluate, withJudgedIndex, type EvalResult } from './rank-eval';
import { evalMarkdown } from './report';

/**
 * `npm run search:eval`: the judged set in throwaway indices with the production definition and
 * its segmenting variant; nDCG@10 and recall@20 to search/eval/results/. Exits non-zero only on
 * errors, never on low figures.
 */
async function main() {
  const url = process.env.ELASTICSEARCH_URL ?? 'http://127.0.0.1:9200';
  const prefix = process.env.SEARCH_EVAL_PREFIX ?? 'eval';
  const set = loadJudgedSet();
  const problems = judgedSetProblems(set);
  if (problems.length) throw new Error(`judged set is malformed:\n${problems.join('\n')}`);
  const client = createSearchClient({ url });
  const results = {} as Record<AnalyzerVariant, EvalResult>;
  for (const variant of ['cjk_bigram', 'smartcn'] as const) {
    results[variant] = await withJudgedIndex(client, prefix, positionsIndexWith(variant), set, (index) =>
      evaluate(client, index, set),
    );
  }
  const at = new Date().toISOString();
  const dir = join(JUDGED_SET_PATH, '..', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'positions.json'), JSON.stringify({ at, url, results }, null, 2) + '\n');
  const md = evalMarkdown(at, results);
  writeFileSync(join(dir, 'positions.md'), md);
  console.log(md);
  await client.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
