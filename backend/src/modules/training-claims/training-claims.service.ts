import { isDeepStrictEqual } from 'node:util';
import { Inject, Injectable } from '@nestjs/common';
import {
  businessDate,
  ClaimInput,
  ClaimStatus,
  computeTrainingSubsidy,
  maskName,
  noticePeriod,
  SubsidyClaim,
  SubsidyDecision,
  SubsidyHistoryEntry,
} from '@platform/contracts';
import { and, desc, eq, inArray, or } from 'drizzle-orm';
import { Actor, hasAnyRole, STAFF_ROLES } from '../../common/auth/actor';
import { Executor, recordAudit } from '../../common/audit/audit-log';
import { AppError } from '../../common/errors/app-error';
import { assertInDistrict, staffDistrictOf } from '../../common/auth/staff-district';
import { isUniqueViolation } from '../../common/errors/pg-errors';
import {
  employers,
  seekerProfiles,
  trainingClaims,
  trainingClasses,
  trainingCourses,
  trainingEnrolments,
} from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { institutionsOf } from '../training/institution-access';
import { ClaimInputLoader } from './claim-input.loader';
import { SubsidyPolicyService, subsidyPolicyOf } from './subsidy-policy.service';

type ClaimRow = typeof trainingClaims.$inferSelect;
interface StoredInput {
  claim: SubsidyClaim;
  history: SubsidyHistoryEntry[];
}

export interface ClaimView {
  id: string;
  enrolmentId: string;
  claimant: ClaimRow['claimant'];
  status: ClaimStatus;
  reasons: string[];
  lines: SubsidyDecision['lines'];
  removedItems: SubsidyDecision['removedItems'];
  totalYuan: number;
  policyVersion: string;
  submittedAt: string;
  reviewReason: string | null;
  noticeFrom: string | null;
  noticeUntil: string | null;
  paidAt: string | null;
  course: string;
  className: string;
  trainee: string | null;
}

/**
 * Training-subsidy claims: decided by the §4.2 rules on inputs stored with the claim, then
 * reviewed (the district's 结业审核), noticed in public for working days, and paid. The rules
 * run again at approval, with the audit passed, so the stored decision is the one paid out.
 */
@Injectable()
export class TrainingClaimsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly loader: ClaimInputLoader,
    private readonly policies: SubsidyPolicyService,
  ) {}

  async submit(actor: Actor, input: ClaimInput): Promise<ClaimView> {
    await this.requireClaimant(actor, input);
    const now = new Date();
    const policy = await this.policies.effectiveAt(now);
    try {
      const id = await this.db.transaction(async (tx) => {
        const loaded = await this.loader.load(input, now, { districtAuditPassed: false }, tx);
        const decision = computeTrainingSubsidy(loaded.claim, loaded.history, subsidyPolicyOf(policy));
        if (decision.reasons.includes('DUPLICATE_CLAIM_SAME_CLASS')) throw duplicateClaim();
        // Awaiting the district's 结业审核 is the one reason a reviewer can clear.
        const open = decision.reasons.every((r) => r === 'JIEYE_AUDIT_PENDING');
        const [row] = await tx
          .insert(trainingClaims)
          .values({
            enrolmentId: input.enrolmentId,
            claimant: input.claimant,
            claimantUserId: actor.userId,
            personKey: loaded.personKey,
            status: open ? 'submitted' : 'rejected_by_rules',
            input: { claim: loaded.claim, history: loaded.history },
            policyVersion: policy.version,
            decision,
          })
          .returning({ id: trainingClaims.id });
        await audit(tx, actor, 'training.claim.submit', row!.id, { reasons: decision.reasons });
        return row!.id;
      });
      return this.view(actor, id);
    } catch (error) {
      if (isUniqueViolation(error, 'training_claims_live_enrolment_key')) throw duplicateClaim();
      throw error;
    }
  }

  /** 结业审核 passed: decide again with the audit done; eligible claims go to 公示. */
  async approve(actor: Actor, id: string): Promise<ClaimView> {
    await this.db.transaction(async (tx) => {
      await this.assertInStaffDistrict(tx, actor, id);
      const row = await this.lockInStatus(tx, id, 'submitted');
      const stored = row.input as StoredInput;
      const policy = await this.policies.effectiveAt(new Date(stored.claim.submittedAt));
      const request: ClaimInput = {
        enrolmentId: row.enrolmentId,
        claimant: row.claimant,
        scheme: stored.claim.scheme,
        groups: stored.claim.trainee.groups,
        allowanceItems: stored.claim.allowanceItems,
      };
      const loaded = await this.loader.load(
        request,
        new Date(stored.claim.submittedAt),
        { districtAuditPassed: true, excludeClaimId: row.id },
        tx,
      );
      const decision = computeTrainingSubsidy(loaded.claim, loaded.history, subsidyPolicyOf(policy));
      const approved = decision.decision === 'APPROVED';
      const notice = noticePeriod(businessDate(), policy.values.noticeWorkingDays, policy.values);
      await tx
        .update(trainingClaims)
        .set({
          status: approved ? 'in_notice' : 'rejected_by_rules',
          input: { claim: loaded.claim, history: loaded.history },
          policyVersion: policy.version,
          decision,
          totalYuan: decision.lines.reduce((sum, l) => sum + l.amount, 0),
          reviewedBy: actor.userId,
          reviewedAt: new Date(),
          noticeFrom: approved ? notice.from : null,
          noticeUntil: approved ? notice.until : null,
          updatedAt: new Date(),
        })
        .where(eq(trainingClaims.id, id));
      await audit(tx, actor, 'training.claim.approve', id, { decision: decision.decision, notice });
    });
    return this.view(actor, id);
  }

  async reject(actor: Actor, id: string, reason: string): Promise<ClaimView> {
    await this.db.transaction(async (tx) => {
      await this.assertInStaffDistrict(tx, actor, id);
      await this.lockInStatus(tx, id, 'submitted');
      await tx
        .update(trainingClaims)
        .set({ status: 'rejected', reviewReason: reason, reviewedBy: actor.userId, reviewedAt: new Date() })
        .where(eq(trainingClaims.id, id));
      await audit(tx, actor, 'training.claim.reject', id, { reason });
    });
    return this.view(actor, id);
  }

  /** Paid only once the 公示 has run its last working day without objection. */
  async pay(actor: Actor, id: string): Promise<ClaimView> {
    await this.db.transaction(async (tx) => {
      await this.assertInStaffDistrict(tx, actor, id);
      const row = await this.lockInStatus(tx, id, 'in_notice');
      if (row.noticeUntil && businessDate() <= row.noticeUntil)
        throw new AppError('CLAIM_NOTICE_NOT_OVER', `公示至 ${row.noticeUntil}，期满后方可拨付。`, {
          noticeUntil: row.noticeUntil,
        });
      await tx
        .update(trainingClaims)
        .set({ status: 'paid', paidAt: new Date(), paidBy: actor.userId, updatedAt: new Date() })
        .where(eq(trainingClaims.id, id));
      await audit(tx, actor, 'training.claim.pay', id, { totalYuan: row.totalYuan });
    });
    return this.view(actor, id);
  }

  /** Runs the stored input through the rules of the stored policy version again. */
  async replay(actor: Actor, id: string) {
    const row = await this.visible(actor, id);
    const stored = row.input as StoredInput;
    const policy = subsidyPolicyOf(await this.policies.byVersion(row.policyVersion));
    const replayed = computeTrainingSubsidy(stored.claim, stored.history, policy);
    return {
      // jsonb does not keep key order, so compare values, not text.
      matches: isDeepStrictEqual(replayed, row.decision),
      stored: row.decision as SubsidyDecision,
      replayed,
    };
  }

  async list(actor: Actor, status?: ClaimStatus): Promise<ClaimView[]> {
    const staff = hasAnyRole(actor, STAFF_ROLES);
    // A district organizer reviews the claims of its own district's classes only.
    const district = staff ? await staffDistrictOf(this.db, actor) : null;
    const institutions = await institutionsOf(this.db, actor);
    const employerId = await this.employerOf(actor);
    // Staff see every claim; others their own, their institution's and their sponsored staff's.
    const mine = or(
      eq(trainingEnrolments.userId, actor.userId),
      institutions.length ? inArray(trainingClasses.institutionId, institutions) : undefined,
      employerId ? eq(trainingEnrolments.sponsorEmployerId, employerId) : undefined,
    );
    const rows = await this.db
      .select({ id: trainingClaims.id })
      .from(trainingClaims)
      .innerJoin(trainingEnrolments, eq(trainingEnrolments.id, trainingClaims.enrolmentId))
      .innerJoin(trainingClasses, eq(trainingClasses.id, trainingEnrolments.classId))
      .where(
        and(
          status ? eq(trainingClaims.status, status) : undefined,
          staff ? undefined : mine,
          district === null ? undefined : eq(trainingClasses.district, district),
        ),
      )
      .orderBy(desc(trainingClaims.submittedAt))
      .limit(200);
    return Promise.all(rows.map((r) => this.view(actor, r.id)));
  }

  /** The public 公示 list: masked names and amounts of claims now in notice (C-2). */
  async notices() {
    const rows = await this.db
      .select({
        claim: trainingClaims,
        name: seekerProfiles.realName,
        course: trainingCourses.title,
      })
      .from(trainingClaims)
      .innerJoin(trainingEnrolments, eq(trainingEnrolments.id, trainingClaims.enrolmentId))
      .innerJoin(trainingClasses, eq(trainingClasses.id, trainingEnrolments.classId))
      .innerJoin(trainingCourses, eq(trainingCourses.id, trainingClasses.courseId))
      .leftJoin(seekerProfiles, eq(seekerProfiles.userId, trainingEnrolments.userId))
      .where(eq(trainingClaims.status, 'in_notice'))
      .orderBy(desc(trainingClaims.noticeFrom))
      .limit(500);
    return rows.map((r) => ({
      trainee: maskName(r.name) ?? '—',
      course: r.course,
      totalYuan: r.claim.totalYuan,
      noticeFrom: r.claim.noticeFrom!,
      noticeUntil: r.claim.noticeUntil!,
    }));
  }

  async view(actor: Actor, id: string): Promise<ClaimView> {
    const row = await this.visible(actor, id);
    const [facts] = await this.db
      .select({
        course: trainingCourses.title,
        className: trainingClasses.name,
        name: seekerProfiles.realName,
      })
      .from(trainingEnrolments)
      .innerJoin(trainingClasses, eq(trainingClasses.id, trainingEnrolments.classId))
      .innerJoin(trainingCourses, eq(trainingCourses.id, trainingClasses.courseId))
      .leftJoin(seekerProfiles, eq(seekerProfiles.userId, trainingEnrolments.userId))
      .where(eq(trainingEnrolments.id, row.enrolmentId));
    const decision = row.decision as SubsidyDecision;
    return {
      id: row.id,
      enrolmentId: row.enrolmentId,
      claimant: row.claimant,
      status: row.status as ClaimStatus,
      reasons: decision.reasons,
      lines: decision.lines,
      removedItems: decision.removedItems,
      totalYuan: row.totalYuan,
      policyVersion: row.policyVersion,
      submittedAt: row.submittedAt.toISOString(),
      reviewReason: row.reviewReason,
      noticeFrom: row.noticeFrom,
      noticeUntil: row.noticeUntil,
      paidAt: row.paidAt?.toISOString() ?? null,
      course: facts?.course ?? '',
      className: facts?.className ?? '',
      trainee: maskName(facts?.name),
    };
  }

  private async visible(actor: Actor, id: string): Promise<ClaimRow> {
    const [row] = await this.db
      .select({
        claim: trainingClaims,
        userId: trainingEnrolments.userId,
        institutionId: trainingClasses.institutionId,
        sponsor: trainingEnrolments.sponsorEmployerId,
      })
      .from(trainingClaims)
      .innerJoin(trainingEnrolments, eq(trainingEnrolments.id, trainingClaims.enrolmentId))
      .innerJoin(trainingClasses, eq(trainingClasses.id, trainingEnrolments.classId))
      .where(eq(trainingClaims.id, id));
    if (!row) throw new AppError('NOT_FOUND', 'No such claim. 未找到补贴申请。');
    const allowed =
      hasAnyRole(actor, STAFF_ROLES) ||
      row.userId === actor.userId ||
      (row.sponsor !== null && row.sponsor === (await this.employerOf(actor))) ||
      (await institutionsOf(this.db, actor)).includes(row.institutionId);
    if (!allowed) throw new AppError('FORBIDDEN_NOT_OWNER', 'Not your claim. 无权查看该申请。');
    return row.claim;
  }

  /** The trainee claims for their own enrolment; an institution for its own class's trainee. */
  private async requireClaimant(actor: Actor, input: ClaimInput): Promise<void> {
    const [row] = await this.db
      .select({
        userId: trainingEnrolments.userId,
        institutionId: trainingClasses.institutionId,
        sponsorEmployerId: trainingEnrolments.sponsorEmployerId,
      })
      .from(trainingEnrolments)
      .innerJoin(trainingClasses, eq(trainingClasses.id, trainingEnrolments.classId))
      .where(eq(trainingEnrolments.id, input.enrolmentId));
    if (!row) throw new AppError('NOT_FOUND', 'No such enrolment. 未找到报名记录。');
    const own =
      input.claimant === 'trainee'
        ? row.userId === actor.userId
        : input.claimant === 'enterprise'
          ? row.sponsorEmployerId !== null && (await this.employerOf(actor)) === row.sponsorEmployerId
          : (await institutionsOf(this.db, actor)).includes(row.institutionId);
    if (!own)
      throw new AppError(
        'FORBIDDEN_NOT_OWNER',
        'You cannot claim for this enrolment. 无权为该报名申请补贴。',
      );
  }

  /**
   * Reviewing, approving and paying are the district's: 403 OUTSIDE_DISTRICT for another's claim,
   * before anything about its state is said.
   */
  private async assertInStaffDistrict(tx: Executor, actor: Actor, id: string): Promise<void> {
    const scope = await staffDistrictOf(tx, actor);
    if (scope === null) return;
    const [row] = await tx
      .select({ district: trainingClasses.district })
      .from(trainingClaims)
      .innerJoin(trainingEnrolments, eq(trainingEnrolments.id, trainingClaims.enrolmentId))
      .innerJoin(trainingClasses, eq(trainingClasses.id, trainingEnrolments.classId))
      .where(eq(trainingClaims.id, id));
    // An unknown claim is left to the caller's 404.
    if (row) assertInDistrict(scope, row.district);
  }

  private async employerOf(actor: Actor): Promise<string | null> {
    const [row] = await this.db
      .select({ id: employers.id })
      .from(employers)
      .where(eq(employers.ownerUserId, actor.userId));
    return row?.id ?? null;
  }

  private async lockInStatus(tx: Executor, id: string, status: ClaimStatus): Promise<ClaimRow> {
    const [row] = await tx
      .select()
      .from(trainingClaims)
      .where(and(eq(trainingClaims.id, id), inArray(trainingClaims.status, [status])))
      .for('update');
    if (row) return row;
    const [exists] = await tx
      .select({ status: trainingClaims.status })
      .from(trainingClaims)
      .where(eq(trainingClaims.id, id));
    if (!exists) throw new AppError('NOT_FOUND', 'No such claim. 未找到补贴申请。');
    throw new AppError('CLAIM_STATE_CONFLICT', `The claim is ${exists.status}. 申请当前状态不允许此操作。`, {
      status: exists.status,
    });
  }
}

function audit(tx: Executor, actor: Actor, action: string, id: string, details: object) {
  return recordAudit(tx, {
    actorId: actor.userId,
    action,
    subjectType: 'training_claim',
    subjectId: id,
    details: { ...details },
  });
}

function duplicateClaim(): AppError {
  return new AppError(
    'DUPLICATE_CLAIM_SAME_CLASS',
    'This training already has a claim, whoever filed it. 该培训已有补贴申请（无论由谁申请）。',
  );
}
