import type { TargetGroup } from '@platform/contracts/fairs/catalog';
import type { CreateFairBody } from '@/api/fairs';
import { addDays, lines } from '@/format/format';

/** The organizer's "create fair" form; hosts and organizers are typed one per line. */
export interface FairForm {
  theme: string;
  year: number;
  hosts: string;
  organizers: string;
  targetGroups: TargetGroup[];
  description: string;
  launchOn: string;
  concentratedEndOn: string;
  normalizedMonthsAfterEpidemicEnd: number;
  agencyDeadlineOn: string;
  agencyDeadlineInclusive: boolean;
  largeScale: boolean;
}

/** Sensible starting dates: agencies apply until launch, a one-week concentrated window (as in 2020). */
export function emptyFairForm(today: string): FairForm {
  return {
    theme: '',
    year: Number(today.slice(0, 4)),
    hosts: '',
    organizers: '',
    targetGroups: ['all_graduates'],
    description: '',
    launchOn: today,
    concentratedEndOn: addDays(today, 7),
    normalizedMonthsAfterEpidemicEnd: 3,
    agencyDeadlineOn: today,
    agencyDeadlineInclusive: false,
    largeScale: true,
  };
}

/** The order the api enforces: agency deadline ≤ launch ≤ end of the concentrated window. */
export function datesInOrder(dates: {
  agencyDeadlineOn: string;
  launchOn: string;
  concentratedEndOn: string;
}): boolean {
  const { agencyDeadlineOn, launchOn, concentratedEndOn } = dates;
  return (
    !!agencyDeadlineOn &&
    !!launchOn &&
    !!concentratedEndOn &&
    agencyDeadlineOn <= launchOn &&
    launchOn <= concentratedEndOn
  );
}

export function fairBody(form: FairForm): CreateFairBody {
  return {
    theme: form.theme.trim(),
    year: form.year,
    hosts: lines(form.hosts),
    organizers: lines(form.organizers),
    targetGroups: [...form.targetGroups],
    description: form.description.trim(),
    launchOn: form.launchOn,
    concentratedEndOn: form.concentratedEndOn,
    normalizedMonthsAfterEpidemicEnd: form.normalizedMonthsAfterEpidemicEnd,
    agencyDeadlineOn: form.agencyDeadlineOn,
    agencyDeadlineInclusive: form.agencyDeadlineInclusive,
    largeScale: form.largeScale,
  };
}
