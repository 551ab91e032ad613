import type { MatchResult } from './match-score';

/**
 * How a recommendation or a candidate is ranked: the explainable fit (match-score.ts, 0-100)
 * blended with Elasticsearch's text relevance, normalised against the best hit of the same query
 * so it is 0-1 whatever the query. Versioned like the match weights; the UI shows these numbers.
 *
 *   combined = round(FIT × fit + RELEVANCE × 100 × relevance / bestRelevance)
 *
 * A candidate Elasticsearch never saw (an application whose resume is not searchable) has no
 * relevance; then combined = fit, so not being searchable never counts against an applicant.
 */
export const COMBINED_SCORE = { version: 'combined-2026.1', fit: 0.7, relevance: 0.3 } as const;

export interface CombinedScore {
  combined: number;
  /** Normalised text relevance 0-1 (two decimals), null when the search engine did not rank it. */
  relevance: number | null;
}

export function combinedScore(
  fit: Pick<MatchResult, 'score'>,
  esScore: number | null,
  bestEsScore: number,
): CombinedScore {
  if (esScore === null || bestEsScore <= 0) return { combined: fit.score, relevance: null };
  // Rounded first, so anyone can redo the sum from the two numbers the UI shows.
  const relevance = Math.round(Math.min(1, Math.max(0, esScore / bestEsScore)) * 100) / 100;
  return {
    combined: Math.round(COMBINED_SCORE.fit * fit.score + COMBINED_SCORE.relevance * 100 * relevance),
    relevance,
  };
}

/** "缺少: Java, 本科", or null when nothing is missing. */
export function missingText(missing: readonly string[]): string | null {
  return missing.length ? `缺少: ${missing.join(', ')}` : null;
}
