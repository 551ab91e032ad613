import {
  APPLICATION_STATUSES,
  type ApplicationStatus,
  employerMayMove,
} from '@platform/contracts/seekers/catalog';

/** The steps every application walks, in order, when nothing goes wrong. */
export const MAIN_PATH: readonly ApplicationStatus[] = [
  'submitted',
  'viewed',
  'shortlisted',
  'interview',
  'offer',
  'hired',
];

/**
 * The moves the employer is offered from a status: the ones the api allows, except 'viewed',
 * which opening the resume records by itself, and a hire by hand once an agreement is out (the
 * graduate's signature makes the hire). A rejection always asks for a reason.
 */
export function employerMoves(status: ApplicationStatus, hasAgreement = false): ApplicationStatus[] {
  return APPLICATION_STATUSES.filter(
    (to) => to !== 'viewed' && !(to === 'hired' && hasAgreement) && employerMayMove(status, to),
  );
}

export function needsReason(to: ApplicationStatus): boolean {
  return to === 'rejected';
}

/** At 录用通知 the employer sends the agreement (就业协议 / 电子劳动合同), once. */
export function mayOfferAgreement(status: ApplicationStatus, hasAgreement: boolean): boolean {
  return status === 'offer' && !hasAgreement;
}

export type StepState = 'done' | 'current' | 'todo';

export interface Progress {
  steps: { status: ApplicationStatus; state: StepState }[];
  /** Set when the application left the main path: turned down or withdrawn. */
  ended: 'rejected' | 'withdrawn' | null;
}

/**
 * Where an application stands on the main path. A turned-down or withdrawn one keeps the steps
 * it reached (the last status before it left, from the timeline) and says how it ended.
 */
export function progressOf(
  status: ApplicationStatus,
  timeline: readonly { from: ApplicationStatus | null; to: ApplicationStatus }[],
): Progress {
  const ended = status === 'rejected' || status === 'withdrawn' ? status : null;
  const reached = ended ? lastOnPath(timeline) : status;
  const at = MAIN_PATH.indexOf(reached);
  // The step reached is still under way, unless it was the last one or the application ended there.
  const stateAt = (i: number): StepState => {
    if (i !== at) return i < at ? 'done' : 'todo';
    return ended || reached === 'hired' ? 'done' : 'current';
  };
  return { steps: MAIN_PATH.map((step, i) => ({ status: step, state: stateAt(i) })), ended };
}

function lastOnPath(timeline: readonly { from: ApplicationStatus | null; to: ApplicationStatus }[]) {
  const last = [...timeline].reverse().find((event) => MAIN_PATH.includes(event.to));
  return last?.to ?? 'submitted';
}
