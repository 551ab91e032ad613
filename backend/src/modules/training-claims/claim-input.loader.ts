import { Inject, Injectable } from '@nestjs/common';
import {
  businessDate,
  ClaimInput,
  listingCovers,
  SubsidyClaim,
  SubsidyHistoryEntry,
} from '@platform/contracts';
import { and, desc, eq, inArray, notInArray } from 'drizzle-orm';
import type { Executor } from '../../common/audit/audit-log';
import { AppError } from '../../common/errors/app-error';
import {
  catalogueListings,
  completionDecisions,
  enterprisePeriods,
  seekerProfiles,
  trainingCertificates,
  trainingClaims,
  trainingClasses,
  trainingCourses,
  trainingEnrolments,
} from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';

export interface LoadedClaim {
  claim: SubsidyClaim;
  history: SubsidyHistoryEntry[];
  enrolment: typeof trainingEnrolments.$inferSelect;
  classRow: typeof trainingClasses.$inferSelect;
}

/**
 * Builds the §4.2 claim and the person's subsidy history from PostgreSQL: the class and course,
 * the latest completion decision and certificate, and every other live claim of the same person
 * (by keyed ID hash, whoever filed it), so one person is never paid twice.
 */
@Injectable()
export class ClaimInputLoader {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async load(
    input: ClaimInput,
    submittedAt: Date,
    options: { districtAuditPassed: boolean; excludeClaimId?: string },
    db: Executor = this.db,
  ): Promise<LoadedClaim & { personKey: string }> {
    const [row] = await db
      .select({ enrolment: trainingEnrolments, cls: trainingClasses, course: trainingCourses })
      .from(trainingEnrolments)
      .innerJoin(trainingClasses, eq(trainingClasses.id, trainingEnrolments.classId))
      .innerJoin(trainingCourses, eq(trainingCourses.id, trainingClasses.courseId))
      .where(eq(trainingEnrolments.id, input.enrolmentId));
    if (!row) throw new AppError('NOT_FOUND', 'No such enrolment. 未找到报名记录。');
    const { enrolment, cls, course } = row;
    const [profile] = await db
      .select({ key: seekerProfiles.idNumberHash })
      .from(seekerProfiles)
      .where(eq(seekerProfiles.userId, enrolment.userId));
    if (!profile?.key)
      throw new AppError(
        'NOT_REAL_NAME',
        'Subsidised training needs real-name verification. 须先完成实名认证。',
      );

    const [decision] = await db
      .select()
      .from(completionDecisions)
      .where(eq(completionDecisions.enrolmentId, enrolment.id))
      .orderBy(desc(completionDecisions.decidedAt))
      .limit(1);
    const [certificate] = await db
      .select()
      .from(trainingCertificates)
      .where(eq(trainingCertificates.enrolmentId, enrolment.id));
    const institutionListed = await this.listed(db, cls.institutionId, cls.startsOn);
    const status = (decision?.status ?? 'INCOMPLETE') as SubsidyClaim['completion']['status'];
    const reasons = decision?.reasons ?? [];

    const sponsor = enrolment.sponsorEmployerId;
    // A platform worker has no labour contract with the sponsor but earns through it (L5434-5438).
    const viaPlatform = enrolment.workRelation === 'platform_worker';
    const claim: SubsidyClaim = {
      claimant: input.claimant,
      scheme: input.scheme,
      channel: 'online',
      submittedAt: submittedAt.toISOString(),
      trainee: {
        personKey: profile.key,
        groups: input.groups,
        ...(sponsor && !viaPlatform ? { employerId: sponsor } : {}),
        ...(sponsor && viaPlatform ? { servesViaPlatformOf: [sponsor] } : {}),
      },
      class: {
        id: cls.id,
        jurisdiction: cls.jurisdiction,
        planApproved: cls.planStatus === 'approved',
        trainingFrom: cls.startsOn,
        trainingTo: cls.endsOn,
        occupation: course.occupation,
        level: course.level,
        institutionInCqCatalogue: institutionListed,
      },
      completion: {
        status,
        completedOn: certificate && !certificate.revokedAt ? businessDate(certificate.issuedAt) : null,
        districtAuditPassed: options.districtAuditPassed,
        evidenceComplete: !reasons.includes('EVIDENCE_MISSING'),
        certificateVia: certificate && !certificate.revokedAt ? 'training_proof' : null,
      },
      ...(input.claimant === 'enterprise' && sponsor
        ? { enterprise: { id: sponsor, periods: await this.verifiedPeriods(db, sponsor) } }
        : {}),
      trainingDays: daysBetween(cls.startsOn, cls.endsOn),
      allowanceItems: input.allowanceItems,
    };
    const history = await this.history(db, profile.key, options.excludeClaimId);
    return { claim, history, enrolment, classRow: cls, personKey: profile.key };
  }

  /** The person's other live claims: paid ones count toward the caps, the rest are pending. */
  private async history(db: Executor, personKey: string, exclude?: string): Promise<SubsidyHistoryEntry[]> {
    const rows = await db
      .select({ id: trainingClaims.id, status: trainingClaims.status, input: trainingClaims.input })
      .from(trainingClaims)
      .where(
        and(
          eq(trainingClaims.personKey, personKey),
          notInArray(trainingClaims.status, ['rejected', 'rejected_by_rules']),
        ),
      );
    return rows
      .filter((r) => r.id !== exclude)
      .map((r) => {
        const claim = (r.input as { claim: SubsidyClaim }).claim;
        return {
          classId: claim.class.id,
          occupation: claim.class.occupation,
          level: claim.class.level,
          completedOn: claim.completion.completedOn ?? claim.submittedAt.slice(0, 10),
          status: r.status === 'paid' ? ('paid' as const) : ('pending' as const),
        };
      });
  }

  /** Only periods staff verified count (E8, E9). */
  private async verifiedPeriods(db: Executor, employerId: string) {
    const rows = await db
      .select()
      .from(enterprisePeriods)
      .where(and(eq(enterprisePeriods.employerId, employerId), eq(enterprisePeriods.status, 'verified')));
    return rows.map((r) => ({ from: r.startsOn, to: r.endsOn, kind: r.kind }));
  }

  private async listed(db: Executor, institutionId: string, day: string): Promise<boolean> {
    const rows = await db
      .select()
      .from(catalogueListings)
      .where(
        and(
          eq(catalogueListings.catalogue, 'institution'),
          inArray(catalogueListings.subjectId, [institutionId]),
        ),
      );
    return rows.some((l) => listingCovers(l, day));
  }
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}
