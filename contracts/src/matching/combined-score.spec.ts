import { describe, expect, it } from 'vitest';
import { combinedScore, missingText } from './combined-score';

describe('combined score', () => {
  it('blends fit (70%) with relevance normalised to the best hit (30%)', () => {
    expect(combinedScore({ score: 80 }, 5, 10)).toEqual({ combined: 71, relevance: 0.5 });
    expect(combinedScore({ score: 80 }, 10, 10)).toEqual({ combined: 86, relevance: 1 });
  });

  it('is reproducible from the rounded relevance the UI shows', () => {
    const { combined, relevance } = combinedScore({ score: 33 }, 1.2345, 9.87);
    expect(relevance).toBe(0.13);
    expect(combined).toBe(Math.round(0.7 * 33 + 30 * relevance!));
  });

  it('uses the fit alone when the engine did not rank the candidate', () => {
    expect(combinedScore({ score: 64 }, null, 10)).toEqual({ combined: 64, relevance: null });
  });

  it('names what is missing the way the UI shows it', () => {
    expect(missingText(['Java', '本科'])).toBe('缺少: Java, 本科');
    expect(missingText([])).toBeNull();
  });
});
