import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../common/auth/actor';
import type { Executor } from '../../common/audit/audit-log';
import { AppError } from '../../common/errors/app-error';
import { trainingInstitutionMembers } from '../../database/schema';

/**
 * An institution account acts only for the institutions it was linked to: holding the
 * 'institution' role is not enough to touch another institution's classes or rosters.
 */
export async function assertInstitutionMember(db: Executor, actor: Actor, institutionId: string) {
  const [row] = await db
    .select({ userId: trainingInstitutionMembers.userId })
    .from(trainingInstitutionMembers)
    .where(
      and(
        eq(trainingInstitutionMembers.institutionId, institutionId),
        eq(trainingInstitutionMembers.userId, actor.userId),
      ),
    );
  if (!row)
    throw new AppError(
      'FORBIDDEN_NOT_OWNER',
      'You do not act for this institution. 您不是该培训机构的账号。',
      { institutionId },
    );
}

/** The institutions an account acts for (none for most accounts). */
export async function institutionsOf(db: Executor, actor: Actor): Promise<string[]> {
  const rows = await db
    .select({ id: trainingInstitutionMembers.institutionId })
    .from(trainingInstitutionMembers)
    .where(eq(trainingInstitutionMembers.userId, actor.userId));
  return rows.map((r) => r.id);
}

export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `No such ${what}. 未找到。`);
}
