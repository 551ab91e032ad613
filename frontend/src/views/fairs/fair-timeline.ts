import type { FairView } from '@/api/fair-types';
import { addDays } from '@/format/format';

/** A sentence to translate: an i18n key and its named values. */
export interface Phrase {
  key: string;
  params?: Record<string, string | number>;
}

export interface TimelineRow {
  labelKey: string;
  value: Phrase;
  current: boolean;
}

/**
 * The dates of a fair as the page explains them (S3:3679-3680): launch, the concentrated window,
 * the normalized window (open-ended while the epidemic-end date is not set) and the agency deadline.
 */
export function fairTimeline(fair: FairView): TimelineRow[] {
  const normalizedFrom = addDays(fair.concentratedEndOn, 1);
  const normalized: Phrase = fair.normalizedEndOn
    ? { key: 'fair.dateRange', params: { from: normalizedFrom, to: fair.normalizedEndOn } }
    : {
        key: 'fair.normalizedOpen',
        params: { from: normalizedFrom, months: fair.normalizedMonthsAfterEpidemicEnd },
      };
  return [
    {
      labelKey: 'fair.launch',
      value: { key: 'ui.plain', params: { text: fair.launchOn } },
      current: fair.phase === 'not_started',
    },
    {
      labelKey: 'fair.concentrated',
      value: { key: 'fair.dateRange', params: { from: fair.launchOn, to: fair.concentratedEndOn } },
      current: fair.phase === 'concentrated',
    },
    { labelKey: 'fair.normalized', value: normalized, current: fair.phase === 'normalized' },
    {
      labelKey: 'fair.agencyDeadline',
      value: {
        key: fair.agencyDeadlineInclusive ? 'fair.deadlineInclusive' : 'fair.deadlineExclusive',
        params: { date: fair.agencyDeadlineOn },
      },
      current: false,
    },
  ];
}

/** How long the current phase lasts: its last day, the launch day, or "not set". */
export function phaseEnd(fair: FairView): Phrase | null {
  if (fair.phase === 'suspended' || fair.phase === 'cancelled') return null;
  if (fair.phase === 'not_started') return { key: 'fair.phaseStartsOn', params: { date: fair.launchOn } };
  if (fair.phaseEndsOn) return { key: 'fair.phaseUntil', params: { date: fair.phaseEndsOn } };
  return { key: 'fair.phaseNoEnd' };
}

/**
 * The note on the epidemic-end date: the sources end the normalized window "疫情结束后3个月内"
 * without dating the end of the epidemic, so it is an admin setting, and the page says which.
 */
export function epidemicNote(fair: FairView): {
  kind: 'unset' | 'set';
  params: Record<string, string | number>;
} {
  const months = fair.normalizedMonthsAfterEpidemicEnd;
  if (!fair.epidemicEndOn || !fair.normalizedEndOn) return { kind: 'unset', params: { months } };
  return { kind: 'set', params: { months, date: fair.epidemicEndOn, end: fair.normalizedEndOn } };
}
