import { eq } from 'drizzle-orm';
import type { Executor } from '../../common/audit/audit-log';
import { applicationEvents, applications, employers } from '../../database/schema';

export type TimelineBy = 'seeker' | 'employer' | 'system';

/**
 * Puts an interview step on the application's timeline (the seeker and the employer both read
 * it there). The application's pipeline status does not change; the step is told by its reason.
 */
export async function recordInterviewStep(
  tx: Executor,
  applicationId: string,
  step: { by: TimelineBy; actorId: string | null; text: string },
): Promise<void> {
  const [app] = await tx
    .select({ status: applications.status })
    .from(applications)
    .where(eq(applications.id, applicationId));
  await tx.insert(applicationEvents).values({
    applicationId,
    fromStatus: app.status,
    toStatus: app.status,
    reason: step.text,
    by: step.by,
    actorId: step.actorId,
  });
}

/** The account that answers for an employer (its owner), who gets the employer's notifications. */
export async function employerOwner(tx: Executor, employerId: string): Promise<string> {
  const [row] = await tx
    .select({ ownerUserId: employers.ownerUserId })
    .from(employers)
    .where(eq(employers.id, employerId));
  return row.ownerUserId;
}
