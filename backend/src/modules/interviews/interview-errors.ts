import type { ErrorCode } from '@platform/contracts';
import { DatabaseError } from 'pg';
import { AppError } from '../../common/errors/app-error';
import { INTERVIEW_CONSTRAINTS } from '../../database/interview-schema';

/** The constraint a PostgreSQL error names (drizzle wraps it as `cause`), for known violation codes. */
function violated(error: unknown): string | undefined {
  const pg = error instanceof DatabaseError ? error : (error as { cause?: unknown })?.cause;
  if (!(pg instanceof DatabaseError)) return undefined;
  // 23P01 exclusion_violation, 23505 unique_violation
  return pg.code === '23P01' || pg.code === '23505' ? pg.constraint : undefined;
}

/**
 * Turns the database's no-overlap refusals into the stable codes clients branch on. The checks
 * live in PostgreSQL (exclusion constraints), so two api nodes racing for one slot cannot both win.
 */
export function schedulingConflict(error: unknown, details: Record<string, unknown> = {}): AppError | null {
  switch (violated(error)) {
    case INTERVIEW_CONSTRAINTS.slotOverlap:
      return new AppError(
        'SLOT_OVERLAP',
        'This slot overlaps another slot of the same interviewer. 该时段与同一面试官的其他时段重叠。',
        details,
      );
    case INTERVIEW_CONSTRAINTS.interviewerOverlap:
      return new AppError(
        'SLOT_TAKEN',
        'This time is already booked for the interviewer. 该时段已被预约。',
        details,
      );
    case INTERVIEW_CONSTRAINTS.seekerOverlap:
      return new AppError(
        'SEEKER_SCHEDULE_CONFLICT',
        'The candidate already has an interview at this time. 求职者在该时段已有其他面试。',
        details,
      );
    case INTERVIEW_CONSTRAINTS.openInvitation:
      return new AppError(
        'INVITATION_PENDING',
        'An invitation for this application is still waiting for an answer. 该投递已有待回复的邀约。',
        details,
      );
    case INTERVIEW_CONSTRAINTS.pendingReschedule:
      return new AppError(
        'RESCHEDULE_PENDING',
        'A reschedule proposal is already waiting for an answer. 已有待确认的改期申请。',
        details,
      );
    default:
      return null;
  }
}

/** Runs a write and rethrows a scheduling conflict as its stable code. */
export async function withConflictCodes<T>(
  write: () => Promise<T>,
  details: (code: ErrorCode) => Promise<Record<string, unknown>> | Record<string, unknown> = () => ({}),
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const mapped = schedulingConflict(error);
    if (!mapped) throw error;
    throw new AppError(mapped.code, mapped.message, await details(mapped.code));
  }
}
