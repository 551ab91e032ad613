import type { SanctionKind } from '@platform/contracts/fairs/catalog';
import type { Complaint } from '@/api/fair-types';

/** The one sanction that fits what was reported (the api refuses any other: SANCTION_TARGET_MISMATCH). */
export const SANCTION_FOR_TARGET: Record<Complaint['targetType'], SanctionKind> = {
  position: 'position_removed',
  employer: 'employer_disqualified',
  agency: 'agency_blacklisted',
};

export function isClosed(complaint: Complaint): boolean {
  return complaint.status === 'resolved' || complaint.status === 'dismissed';
}
