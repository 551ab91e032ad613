import type { ApplicationView } from '@/api/pipeline-types';

/** The page a refused application points the seeker to, so the message comes with its fix. */
export const FIX_ROUTE: Record<string, string> = {
  SEEKER_NOT_VERIFIED: 'seekerProfile',
  SEEKER_NOT_ELIGIBLE: 'seekerProfile',
  RESUME_REQUIRED: 'seekerResume',
  APPLICATION_DUPLICATE: 'seekerApplications',
};

/** The seeker's live application to this position, if any: a withdrawn or turned-down one does not count. */
export function activeApplication(
  applications: readonly ApplicationView[],
  positionId: string,
): ApplicationView | undefined {
  return applications.find(
    (a) => a.positionId === positionId && a.status !== 'withdrawn' && a.status !== 'rejected',
  );
}
