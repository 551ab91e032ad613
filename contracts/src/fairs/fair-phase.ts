/**
 * The phase of an online fair, computed from its dates (shared/domain/recruitment.md §2.1,
 * S3:3679-3680): launched on one day, a concentrated window, then a normalized window until
 * "疫情结束后3个月内". The epidemic-end date is an admin setting the sources never give, so
 * without it the normalized phase stays open and says so.
 */
export type FairPhase = 'not_started' | 'concentrated' | 'normalized' | 'closed' | 'suspended' | 'cancelled';

export interface FairDates {
  /** All business dates, YYYY-MM-DD in Asia/Shanghai. */
  launchOn: string;
  concentratedEndOn: string;
  /** Months after the epidemic end during which normalized recruiting continues (3 in 2020). */
  normalizedMonthsAfterEpidemicEnd: number;
  suspended?: boolean;
  cancelled?: boolean;
}

export interface FairPhaseResult {
  phase: FairPhase;
  /** Last day of the current phase, or null when it has no set end. */
  phaseEndsOn: string | null;
  /** Why the phase is what it is: reason codes a page can explain. */
  reasons: string[];
}

export function fairPhase(fair: FairDates, today: string, epidemicEndOn: string | null): FairPhaseResult {
  if (fair.cancelled) return { phase: 'cancelled', phaseEndsOn: null, reasons: ['FAIR_CANCELLED'] };
  if (fair.suspended)
    return { phase: 'suspended', phaseEndsOn: null, reasons: ['FAIR_SUSPENDED_MAJOR_OUTBREAK'] };
  if (today < fair.launchOn)
    return { phase: 'not_started', phaseEndsOn: previousDay(fair.launchOn), reasons: ['BEFORE_LAUNCH'] };
  if (today <= fair.concentratedEndOn) {
    return {
      phase: 'concentrated',
      phaseEndsOn: fair.concentratedEndOn,
      reasons: ['IN_CONCENTRATED_WINDOW'],
    };
  }
  if (!epidemicEndOn) {
    return { phase: 'normalized', phaseEndsOn: null, reasons: ['EPIDEMIC_END_NOT_SET'] };
  }
  const normalizedEndOn = addMonths(epidemicEndOn, fair.normalizedMonthsAfterEpidemicEnd);
  if (today <= normalizedEndOn) {
    return { phase: 'normalized', phaseEndsOn: normalizedEndOn, reasons: ['IN_NORMALIZED_WINDOW'] };
  }
  return { phase: 'closed', phaseEndsOn: normalizedEndOn, reasons: ['AFTER_NORMALIZED_WINDOW'] };
}

/** Phases in which positions may be submitted and published: also before launch, to prepare. */
export function fairAcceptsPostings(phase: FairPhase): boolean {
  return phase === 'not_started' || fairAcceptsActivity(phase);
}

/** Phases in which graduates may apply and interviews run. */
export function fairAcceptsActivity(phase: FairPhase): boolean {
  return phase === 'concentrated' || phase === 'normalized';
}

/** Calendar months, clamped to the month's last day: 2020-11-30 + 3 months = 2021-02-28. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const targetMonthIndex = m - 1 + months;
  const year = y + Math.floor(targetMonthIndex / 12);
  const month = ((targetMonthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return isoDate(Date.UTC(year, month, Math.min(d, lastDay)));
}

function previousDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return isoDate(Date.UTC(y, m - 1, d - 1));
}

function isoDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}
