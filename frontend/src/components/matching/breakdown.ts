import type { MatchBreakdown } from '@platform/contracts/matching/api';

export interface FactorRow {
  factor: MatchBreakdown['factors'][number]['factor'];
  points: number;
  max: number;
  /** Share of the factor's maximum, 0-100, for the bar. */
  percent: number;
  detail: string;
  full: boolean;
}

/** The factors as the page shows them: the api's own points and max, never recomputed. */
export function factorRows(match: MatchBreakdown): FactorRow[] {
  return match.factors.map((f) => ({
    factor: f.factor,
    points: f.points,
    max: f.max,
    percent: f.max > 0 ? Math.round((100 * f.points) / f.max) : 0,
    detail: f.detail,
    full: f.points >= f.max,
  }));
}

/** Element Plus tag type for a combined score: green from 80, amber from 60. */
export function scoreTone(combined: number): 'success' | 'warning' | 'info' {
  if (combined >= 80) return 'success';
  if (combined >= 60) return 'warning';
  return 'info';
}

/** Monthly salary in yuan, "6,000-9,000". */
export function salaryRange(min: number, max: number): string {
  const yuan = (n: number) => n.toLocaleString('en-US');
  return min === max ? yuan(min) : `${yuan(min)}-${yuan(max)}`;
}

/** Relevance 0-1 as a percentage, "—" when the engine did not rank it. */
export function relevancePercent(relevance: number | null): string {
  return relevance === null ? '—' : `${Math.round(relevance * 100)}%`;
}
