import { addMonths, businessDate, FairView, fairPhase } from '@platform/contracts';
import type { fairs } from '../../database/schema';

export type FairRow = typeof fairs.$inferSelect;

/** The dates in force on a day: an announced change applies from its effective day. */
export function effectiveDates(fair: FairRow, today: string) {
  const change = fair.scheduledChange;
  if (change && today >= change.effectiveOn) return change;
  return {
    launchOn: fair.launchOn,
    concentratedEndOn: fair.concentratedEndOn,
    agencyDeadlineOn: fair.agencyDeadlineOn,
  };
}

export function toFairView(fair: FairRow, epidemicEndOn: string | null, today = businessDate()): FairView {
  const dates = effectiveDates(fair, today);
  const phase = fairPhase(
    {
      launchOn: dates.launchOn,
      concentratedEndOn: dates.concentratedEndOn,
      normalizedMonthsAfterEpidemicEnd: fair.normalizedMonthsAfterEpidemicEnd,
      suspended: fair.suspendedAt !== null,
      cancelled: fair.cancelledAt !== null,
    },
    today,
    epidemicEndOn,
  );
  return {
    id: fair.id,
    theme: fair.theme,
    year: fair.year,
    hosts: fair.hosts,
    organizers: fair.organizers,
    targetGroups: fair.targetGroups,
    description: fair.description,
    launchOn: dates.launchOn,
    concentratedEndOn: dates.concentratedEndOn,
    normalizedMonthsAfterEpidemicEnd: fair.normalizedMonthsAfterEpidemicEnd,
    normalizedEndOn: epidemicEndOn ? addMonths(epidemicEndOn, fair.normalizedMonthsAfterEpidemicEnd) : null,
    epidemicEndOn,
    agencyDeadlineOn: dates.agencyDeadlineOn,
    agencyDeadlineInclusive: fair.agencyDeadlineInclusive,
    largeScale: fair.largeScale,
    phase: phase.phase,
    phaseEndsOn: phase.phaseEndsOn,
    phaseReasons: phase.reasons,
    suspensionReason: fair.suspensionReason,
    cancellationReason: fair.cancellationReason,
  };
}

/** agency deadline ≤ launch ≤ end of the concentrated window. */
export function datesInOrder(d: {
  agencyDeadlineOn: string;
  launchOn: string;
  concentratedEndOn: string;
}): boolean {
  return d.agencyDeadlineOn <= d.launchOn && d.launchOn <= d.concentratedEndOn;
}
