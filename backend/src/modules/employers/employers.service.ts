import { Inject, Injectable } from '@nestjs/common';
import { EmployerInput, EmployerView, isValidUnifiedSocialCreditCode } from '@platform/contracts';
import { and, asc, count, desc, eq, SQL } from 'drizzle-orm';
import { Actor, STAFF_ROLES } from '../../common/auth/actor';
import { assertOwnerOrRole } from '../../common/auth/ownership';
import { recordAudit } from '../../common/audit/audit-log';
import { AppError } from '../../common/errors/app-error';
import { isUniqueViolation } from '../../common/errors/pg-errors';
import { agencies, employers, fairEmployerAgencies, fairEmployers } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { approvedAgencies } from '../fairs/fair-participants';
import { FairsService } from '../fairs/fairs.service';
import { SearchSync } from '../search/search-sync.service';

export type EmployerRow = typeof employers.$inferSelect;
/** S3:3775: "最多3家". */
export const MAX_AGENCIES_PER_EMPLOYER = 3;

/** Employer registration, review and fair participation (recruitment.md §2.3, AS-10, AS-11). */
@Injectable()
export class EmployersService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly fairs: FairsService,
    private readonly sync: SearchSync,
  ) {}

  async register(actor: Actor, input: EmployerInput): Promise<EmployerView> {
    assertValidUscc(input.uscc);
    try {
      const row = await this.db.transaction(async (tx) => {
        const [inserted] = await tx
          .insert(employers)
          .values({ ...input, ownerUserId: actor.userId })
          .returning();
        await recordAudit(tx, {
          actorId: actor.userId,
          action: 'employer.register',
          subjectType: 'employer',
          subjectId: inserted.id,
          details: { uscc: input.uscc, name: input.name },
        });
        return inserted;
      });
      return toEmployerView(row);
    } catch (error) {
      throw duplicateError(error);
    }
  }

  async mine(actor: Actor): Promise<EmployerView> {
    return toEmployerView(await this.ownedBy(actor.userId));
  }

  /** Any change sends the employer back to review (resubmission after a rejection, too). */
  async update(actor: Actor, input: EmployerInput): Promise<EmployerView> {
    assertValidUscc(input.uscc);
    const current = await this.ownedBy(actor.userId);
    try {
      const row = await this.db.transaction(async (tx) => {
        const [saved] = await tx
          .update(employers)
          .set({
            ...input,
            status: 'pending',
            reviewReason: null,
            reviewedAt: null,
            reviewedBy: null,
            updatedAt: new Date(),
          })
          .where(eq(employers.id, current.id))
          .returning();
        await recordAudit(tx, {
          actorId: actor.userId,
          action: 'employer.resubmit',
          subjectType: 'employer',
          subjectId: current.id,
          details: { previousStatus: current.status },
        });
        await this.sync.recordEmployer(tx, current.id);
        return saved;
      });
      this.sync.kick();
      return toEmployerView(row);
    } catch (error) {
      throw duplicateError(error);
    }
  }

  async get(actor: Actor, employerId: string): Promise<EmployerView> {
    const row = await this.load(employerId);
    assertOwnerOrRole(actor, row.ownerUserId, STAFF_ROLES);
    return toEmployerView(row);
  }

  async list(status?: EmployerRow['status'], page = 1, pageSize = 50) {
    const where: SQL | undefined = status ? eq(employers.status, status) : undefined;
    const [rows, [total]] = await Promise.all([
      this.db
        .select()
        .from(employers)
        .where(where)
        .orderBy(asc(employers.createdAt))
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      this.db.select({ n: count() }).from(employers).where(where),
    ]);
    return { items: rows.map((r) => toEmployerView(r)), total: total.n };
  }

  async review(
    actor: Actor,
    employerId: string,
    decision: 'approve' | 'reject',
    reason?: string,
  ): Promise<EmployerView> {
    if (decision === 'reject' && !reason)
      throw new AppError('REASON_REQUIRED', 'Say why the registration is rejected. 请填写驳回理由。');
    const row = await this.db.transaction(async (tx) => {
      const [current] = await tx.select().from(employers).where(eq(employers.id, employerId)).for('update');
      if (!current) throw notFound();
      if (current.status !== 'pending')
        throw new AppError(
          'STATE_TRANSITION_INVALID',
          `The registration is already ${current.status}. 该单位已审核。`,
        );
      const [saved] = await tx
        .update(employers)
        .set({
          status: decision === 'approve' ? 'approved' : 'rejected',
          reviewReason: reason ?? null,
          reviewedBy: actor.userId,
          reviewedAt: new Date(),
          updatedAt: new Date(),
        })
        .where(eq(employers.id, employerId))
        .returning();
      await recordAudit(tx, {
        actorId: actor.userId,
        action: `employer.${decision}`,
        subjectType: 'employer',
        subjectId: employerId,
        details: { reason },
      });
      return saved;
    });
    return toEmployerView(row);
  }

  /** Organizers mark 重点企业 (S3:2725-2729) and record 复工报备 (S3:6866-6870). */
  async setFlags(
    actor: Actor,
    employerId: string,
    flags: { isKeyEnterprise?: boolean; resumptionFiled?: boolean },
  ) {
    await this.load(employerId);
    const row = await this.db.transaction(async (tx) => {
      const [saved] = await tx
        .update(employers)
        .set({ ...flags, updatedAt: new Date() })
        .where(eq(employers.id, employerId))
        .returning();
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'employer.flags',
        subjectType: 'employer',
        subjectId: employerId,
        details: flags,
      });
      await this.sync.recordEmployer(tx, employerId);
      return saved;
    });
    this.sync.kick();
    return toEmployerView(row);
  }

  /** An approved employer joins a fair that still takes postings. */
  async joinFair(actor: Actor, fairId: string) {
    const employer = await this.ownedBy(actor.userId);
    assertApproved(employer);
    await this.fairs.assertAcceptsPostings(fairId);
    await this.db.insert(fairEmployers).values({ fairId, employerId: employer.id }).onConflictDoNothing();
    return this.participation(actor, fairId);
  }

  /** AS-11: at most 3 approved agencies; the participation row is locked so two tabs cannot make 4. */
  async selectAgency(actor: Actor, fairId: string, agencyId: string) {
    const employer = await this.ownedBy(actor.userId);
    await this.db.transaction(async (tx) => {
      const participation = await lockParticipation(tx, fairId, employer.id);
      if (participation.disqualifiedAt) throw disqualified(participation.disqualificationReason);
      const selectable = await approvedAgencies(tx, fairId);
      if (!selectable.some((a) => a.id === agencyId)) {
        const [agency] = await tx.select().from(agencies).where(eq(agencies.id, agencyId));
        if (agency?.blacklistedAt)
          throw new AppError('AGENCY_BLACKLISTED', 'This agency is on the blacklist. 该机构已被纳入黑名单。');
        throw new AppError(
          'AGENCY_NOT_APPROVED',
          'Only agencies approved for this fair can be chosen. 只能选择经审核通过的机构。',
        );
      }
      const chosen = await tx
        .select()
        .from(fairEmployerAgencies)
        .where(
          and(eq(fairEmployerAgencies.fairId, fairId), eq(fairEmployerAgencies.employerId, employer.id)),
        );
      if (chosen.some((c) => c.agencyId === agencyId)) return;
      if (chosen.length >= MAX_AGENCIES_PER_EMPLOYER) {
        throw new AppError(
          'EMPLOYER_AGENCY_LIMIT',
          'An employer chooses at most 3 agencies. 最多选择3家人力资源服务机构。',
          {
            max: MAX_AGENCIES_PER_EMPLOYER,
            chosen: chosen.map((c) => c.agencyId),
          },
        );
      }
      await tx.insert(fairEmployerAgencies).values({ fairId, employerId: employer.id, agencyId });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'employer.agency.select',
        subjectType: 'employer',
        subjectId: employer.id,
        details: { fairId, agencyId },
      });
    });
    return this.participation(actor, fairId);
  }

  async deselectAgency(actor: Actor, fairId: string, agencyId: string) {
    const employer = await this.ownedBy(actor.userId);
    await this.db.transaction(async (tx) => {
      await lockParticipation(tx, fairId, employer.id);
      await tx
        .delete(fairEmployerAgencies)
        .where(
          and(
            eq(fairEmployerAgencies.fairId, fairId),
            eq(fairEmployerAgencies.employerId, employer.id),
            eq(fairEmployerAgencies.agencyId, agencyId),
          ),
        );
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'employer.agency.deselect',
        subjectType: 'employer',
        subjectId: employer.id,
        details: { fairId, agencyId },
      });
    });
    return this.participation(actor, fairId);
  }

  async participation(actor: Actor, fairId: string) {
    const employer = await this.ownedBy(actor.userId);
    const [row] = await this.db
      .select()
      .from(fairEmployers)
      .where(and(eq(fairEmployers.fairId, fairId), eq(fairEmployers.employerId, employer.id)));
    // Reading a participation that does not exist is a 404; acting without one is EMPLOYER_NOT_IN_FAIR.
    if (!row) throw new AppError('NOT_FOUND', 'Your unit has not joined this fair. 贵单位尚未报名该双选会。');
    const chosen = await this.db
      .select({ agency: agencies })
      .from(fairEmployerAgencies)
      .innerJoin(agencies, eq(agencies.id, fairEmployerAgencies.agencyId))
      .where(and(eq(fairEmployerAgencies.fairId, fairId), eq(fairEmployerAgencies.employerId, employer.id)))
      .orderBy(desc(fairEmployerAgencies.selectedAt));
    const selectable = new Map((await approvedAgencies(this.db, fairId)).map((a) => [a.id, a]));
    return {
      fairId,
      employerId: employer.id,
      joinedAt: row.joinedAt.toISOString(),
      disqualified: row.disqualifiedAt !== null,
      disqualificationReason: row.disqualificationReason,
      agencies: chosen.map(
        ({ agency }) =>
          selectable.get(agency.id) ?? {
            id: agency.id,
            name: agency.name,
            siteUrl: agency.siteUrl,
            fairColumnUrl: agency.siteUrl,
          },
      ),
    };
  }

  /** Every fair the employer joined, with its agencies. */
  async myFairs(actor: Actor) {
    const employer = await this.ownedBy(actor.userId);
    const rows = await this.db
      .select({ fairId: fairEmployers.fairId })
      .from(fairEmployers)
      .where(eq(fairEmployers.employerId, employer.id))
      .orderBy(desc(fairEmployers.joinedAt));
    return { items: await Promise.all(rows.map((r) => this.participation(actor, r.fairId))) };
  }

  async ownedBy(userId: string): Promise<EmployerRow> {
    const [row] = await this.db.select().from(employers).where(eq(employers.ownerUserId, userId));
    if (!row) throw new AppError('NOT_FOUND', 'Register your unit first. 请先完成单位注册。');
    return row;
  }

  async load(employerId: string): Promise<EmployerRow> {
    const [row] = await this.db.select().from(employers).where(eq(employers.id, employerId));
    if (!row) throw notFound();
    return row;
  }
}

async function lockParticipation(
  tx: Parameters<Parameters<Database['transaction']>[0]>[0],
  fairId: string,
  employerId: string,
) {
  const [row] = await tx
    .select()
    .from(fairEmployers)
    .where(and(eq(fairEmployers.fairId, fairId), eq(fairEmployers.employerId, employerId)))
    .for('update');
  if (!row) throw notInFair();
  return row;
}

export function assertApproved(employer: EmployerRow): void {
  if (employer.status !== 'approved') {
    throw new AppError(
      'EMPLOYER_NOT_APPROVED',
      'Your unit has not passed review yet. 单位尚未通过审核，暂不能发布岗位。',
      {
        status: employer.status,
        reason: employer.reviewReason,
      },
    );
  }
}

export function disqualified(reason: string | null): AppError {
  return new AppError(
    'EMPLOYER_DISQUALIFIED',
    'Your unit was disqualified from this fair. 已被取消参加本次活动的资格。',
    { reason },
  );
}

function assertValidUscc(uscc: string): void {
  if (!isValidUnifiedSocialCreditCode(uscc)) {
    throw new AppError(
      'EMPLOYER_USCC_INVALID',
      'The 统一社会信用代码 is not valid (GB 32100-2015 check character). 统一社会信用代码校验不通过。',
      {
        field: 'uscc',
      },
    );
  }
}

function duplicateError(error: unknown): unknown {
  if (isUniqueViolation(error, 'employers_owner_key'))
    return new AppError(
      'EMPLOYER_ALREADY_REGISTERED',
      'This account already registered a unit. 该账号已注册单位。',
    );
  if (isUniqueViolation(error, 'employers_uscc_key'))
    return new AppError(
      'EMPLOYER_USCC_TAKEN',
      'This credit code is already registered. 该统一社会信用代码已注册。',
    );
  return error;
}

function notFound(): AppError {
  return new AppError('NOT_FOUND', 'No such employer. 单位不存在。');
}

function notInFair(): AppError {
  return new AppError('EMPLOYER_NOT_IN_FAIR', 'Join the fair first. 请先报名参加该双选会。');
}

/** Only the owner and staff ever load an employer record, so contacts are shown in full. */
export function toEmployerView(row: EmployerRow): EmployerView {
  return {
    id: row.id,
    name: row.name,
    uscc: row.uscc,
    unitType: row.unitType as EmployerView['unitType'],
    size: row.size,
    industry: row.industry,
    province: row.province,
    district: row.district,
    intro: row.intro,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    contactEmail: row.contactEmail,
    status: row.status,
    reviewReason: row.reviewReason,
    isKeyEnterprise: row.isKeyEnterprise,
    resumptionFiled: row.resumptionFiled,
    createdAt: row.createdAt.toISOString(),
  };
}
