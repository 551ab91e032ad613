import { SanctionKind } from '@platform/contracts';
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import { Executor } from '../../common/audit/audit-log';
import { AppError } from '../../common/errors/app-error';
import { agencies, employers, fairEmployerAgencies, fairEmployers, positions } from '../../database/schema';

export interface SanctionTarget {
  kind: SanctionKind;
  /** The position, employer or agency the sanction is about. */
  subjectId: string;
  /** For a disqualification: the fair it applies to; without one, every fair the employer joined. */
  fairId?: string | null;
  reason: string;
  referToAuthority: boolean;
}

export interface SanctionOutcome {
  effects: Record<string, unknown>;
  /** Who must be told: the sanctioned party and those it affects. */
  notify: string[];
  /** Positions whose visibility changed, for the search index. */
  positionIds: string[];
}

/**
 * What each sanction changes and blocks from then on (recruitment.md §2.11, §2.15):
 * a removed position cannot be edited or republished; a disqualified employer loses its fair
 * positions and cannot post or choose agencies there; a blacklisted agency leaves every approved
 * list and every employer's choice, and cannot apply to fairs.
 */
export async function applySanction(tx: Executor, target: SanctionTarget): Promise<SanctionOutcome> {
  switch (target.kind) {
    case 'position_removed':
      return removePosition(tx, target);
    case 'employer_disqualified':
      return disqualifyEmployer(tx, target);
    case 'agency_blacklisted':
      return blacklistAgency(tx, target);
  }
}

async function removePosition(tx: Executor, target: SanctionTarget): Promise<SanctionOutcome> {
  const [removed] = await tx
    .update(positions)
    .set({ status: 'removed', reviewReason: target.reason, updatedAt: new Date() })
    .where(eq(positions.id, target.subjectId))
    .returning();
  if (!removed) throw mismatch('position');
  const [employer] = await tx.select().from(employers).where(eq(employers.id, removed.employerId));
  return {
    effects: { positionId: removed.id, title: removed.title },
    notify: [employer.ownerUserId],
    positionIds: [removed.id],
  };
}

async function disqualifyEmployer(tx: Executor, target: SanctionTarget): Promise<SanctionOutcome> {
  const [employer] = await tx.select().from(employers).where(eq(employers.id, target.subjectId));
  if (!employer) throw mismatch('employer');
  const inFair = target.fairId ? eq(fairEmployers.fairId, target.fairId) : undefined;
  const fairs = await tx
    .update(fairEmployers)
    .set({
      disqualifiedAt: new Date(),
      disqualificationReason: target.reason,
      referredToAuthority: target.referToAuthority,
    })
    .where(and(eq(fairEmployers.employerId, employer.id), isNull(fairEmployers.disqualifiedAt), inFair))
    .returning({ fairId: fairEmployers.fairId });
  const fairIds = fairs.map((f) => f.fairId);
  const unpublished = fairIds.length
    ? await tx
        .update(positions)
        .set({ status: 'removed', reviewReason: target.reason, updatedAt: new Date() })
        .where(
          and(
            eq(positions.employerId, employer.id),
            inArray(positions.fairId, fairIds),
            ne(positions.status, 'removed'),
          ),
        )
        .returning({ id: positions.id })
    : [];
  return {
    effects: {
      fairIds,
      positionsUnpublished: unpublished.map((p) => p.id),
      // Interviews arrive with the interview feature; pending ones will be cancelled here too.
      interviewsCancelled: [],
      referredToAuthority: target.referToAuthority,
    },
    notify: [employer.ownerUserId],
    positionIds: unpublished.map((p) => p.id),
  };
}

async function blacklistAgency(tx: Executor, target: SanctionTarget): Promise<SanctionOutcome> {
  const [agency] = await tx
    .update(agencies)
    .set({ blacklistedAt: new Date(), blacklistReason: target.reason, updatedAt: new Date() })
    .where(eq(agencies.id, target.subjectId))
    .returning();
  if (!agency) throw mismatch('agency');
  const dropped = await tx
    .delete(fairEmployerAgencies)
    .where(eq(fairEmployerAgencies.agencyId, agency.id))
    .returning();
  const owners = dropped.length
    ? await tx
        .select({ userId: employers.ownerUserId })
        .from(employers)
        .where(
          inArray(
            employers.id,
            dropped.map((d) => d.employerId),
          ),
        )
    : [];
  return {
    effects: {
      agencyId: agency.id,
      employerSelectionsRemoved: dropped.map((d) => ({ fairId: d.fairId, employerId: d.employerId })),
      // Subsidy claims arrive with the subsidy feature; a blacklisted agency's pending ones freeze then.
      subsidyClaimsFrozen: [],
    },
    notify: [agency.ownerUserId, ...owners.map((o) => o.userId)],
    positionIds: [],
  };
}

function mismatch(expected: string): AppError {
  return new AppError(
    'SANCTION_TARGET_MISMATCH',
    `This sanction needs a ${expected} as its subject. 处理措施与投诉对象不符。`,
    { expected },
  );
}
