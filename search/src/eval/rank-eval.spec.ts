import { afterAll, describe, expect, it } from 'vitest';
import { createSearchClient } from '../client';
import { buildPositionSearch } from '../positions-index';
import { positionsIndexWith } from './analyzer-variants';
import { loadJudgedSet } from './judged-set';
import { evaluate, rankedRequest, rankEvalBody, withJudgedIndex } from './rank-eval';

// Against the real node. Floors: measured 0.790 nDCG@10 and 0.751 recall@20 on 2026-12-02
// (district words not yet searchable), minus a margin for small ranking changes.
const NDCG_FLOOR = 0.7;
const RECALL_FLOOR = 0.65;
const client = createSearchClient({ url: process.env.ELASTICSEARCH_URL ?? 'http://127.0.0.1:9200' });
// Its own throwaway index per run, so parallel checkouts never meet.
const prefix = `eval_test_${process.pid}_${Date.now().toString(36)}`;
const set = loadJudgedSet();

afterAll(() => client.close());

describe('relevance of positions search on the judged set', () => {
  it('ranks with the production request, less only what rank-eval refuses', () => {
    const production = buildPositionSearch({ q: '程序员', sort: 'relevance', size: 20 });
    const ranked = rankedRequest('程序员');
    expect(ranked.query).toEqual(production.query);
    expect(ranked.sort).toEqual(production.sort);
    expect(ranked).not.toHaveProperty('aggs');
  });

  it('keeps nDCG@10 and recall@20 above the measured floor, with synonyms working', async () => {
    const result = await withJudgedIndex(client, prefix, positionsIndexWith('cjk_bigram'), set, (index) =>
      evaluate(client, index, set),
    );
    expect(result.queries.length).toBe(set.queries.filter((q) => q.kind !== 'negative').length);
    expect(result.ndcgAt10).toBeGreaterThan(NDCG_FLOOR);
    expect(result.ndcgAt10).toBeLessThanOrEqual(1);
    expect(result.recallAt20).toBeGreaterThan(RECALL_FLOOR);
    const programmer = result.queries.find((q) => q.q === '程序员')!;
    expect(programmer.top).toContain('judged-01'); // 程序员 finds Java开发工程师 through the synonyms
    expect(result.negatives.every((n) => n.hits === 0)).toBe(true);
  });

  it('builds the segmenting variant from the production definition, changing only the analysis', () => {
    const variant = positionsIndexWith('smartcn');
    const production = positionsIndexWith('cjk_bigram');
    expect(variant.mappings).toBe(production.mappings);
    expect(variant.settings!.analysis!.filter).toBe(production.settings!.analysis!.filter);
    expect(variant.settings!.analysis!.analyzer).toEqual({
      zh_text: { type: 'custom', tokenizer: 'smartcn_tokenizer', filter: ['cjk_width', 'lowercase'] },
      zh_search: {
        type: 'custom',
        tokenizer: 'smartcn_tokenizer',
        filter: ['cjk_width', 'lowercase', 'position_synonyms'],
      },
    });
  });
});

describe('the _rank_eval request', () => {
  it('rates each judged query with the production request, leaving the negatives out', () => {
    const body = rankEvalBody(set, 'idx', { dcg: { k: 10, normalize: true } });
    const judged = set.queries.filter((q) => q.kind !== 'negative');
    expect(body.requests.map((r) => r.id)).toEqual(judged.map((q) => q.id));
    const first = body.requests[0];
    expect(first.request).toEqual(rankedRequest(judged[0].q));
    expect(first.ratings).toContainEqual({ _index: 'idx', _id: 'judged-01', rating: 3 });
    expect(body.metric).toEqual({ dcg: { k: 10, normalize: true } });
  });
});
