import { describe, expect, it } from 'vitest';
import { ndcgAtK, recallAtK } from './metrics';

describe('rank-eval metrics (the module definitions)', () => {
  const ratings = { a: 3, b: 2, c: 0, d: 1 };

  it('gives 1 to the ideal order and less when a better document ranks lower', () => {
    expect(ndcgAtK(['a', 'b', 'd'], ratings, 10)).toBeCloseTo(1, 10);
    // dcg = 3/log2(2) + 7/log2(3); idcg over two hits = 7 + 3/log2(3)
    const expected = (3 + 7 / Math.log2(3)) / (7 + 3 / Math.log2(3));
    expect(ndcgAtK(['b', 'a'], ratings, 10)).toBeCloseTo(expected, 10);
  });

  it('lets an unrated hit keep its rank without gain, and scores 0 without relevant grades', () => {
    const expected = 7 / Math.log2(3) / (7 + 3 / Math.log2(3));
    expect(ndcgAtK(['zz', 'a'], ratings, 10)).toBeCloseTo(expected, 10);
    expect(ndcgAtK(['c'], { c: 0 }, 10)).toBe(0);
    expect(ndcgAtK([], ratings, 10)).toBe(0);
  });

  it('counts relevant documents found in the top k over all relevant ones', () => {
    expect(recallAtK(['a', 'c', 'zz'], ratings, 20)).toBeCloseTo(1 / 3, 10);
    expect(recallAtK(['c', 'a'], ratings, 1)).toBe(0);
    expect(recallAtK(['a'], { c: 0 }, 20)).toBe(0);
  });
});
