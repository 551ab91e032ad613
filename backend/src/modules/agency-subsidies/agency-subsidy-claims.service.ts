import { Inject, Injectable } from '@nestjs/common';
import {
  AgencyClaimStatus,
  businessDate,
  fenToYuan,
  maskName,
  noticePeriod,
  ReviewAgencyClaim,
} from '@platform/contracts';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { Actor, hasAnyRole, STAFF_ROLES } from '../../common/auth/actor';
import { Executor, recordAudit } from '../../common/audit/audit-log';
import { AppError } from '../../common/errors/app-error';
import { isUniqueViolation } from '../../common/errors/pg-errors';
import {
  agencies,
  agencySubsidyClaims,
  subsidyLines,
  subsidyPeriods,
  subsidyWorkers,
} from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { assertAgencyOrStaff, ownAgency } from './agency-access';
import { AgencySubsidyLinesService } from './agency-subsidy-lines.service';
import { AgencySubsidyPolicyService } from '../agency-subsidy-data/agency-subsidy-policy.service';

type ClaimRow = typeof agencySubsidyClaims.$inferSelect;

/**
 * Claims: an agency claims its ELIGIBLE lines of a period; reviewers approve or reject each line
 * with a reason; approved claims are noticed in public (公示) for working days, then paid; a
 * paid line may be recovered. Every change is written to the audit log in its transaction.
 */
@Injectable()
export class AgencySubsidyClaimsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly lines: AgencySubsidyLinesService,
    private readonly policies: AgencySubsidyPolicyService,
  ) {}

  async submit(actor: Actor, periodId: string) {
    const agency = await ownAgency(this.db, actor);
    try {
      const id = await this.db.transaction(async (tx) => {
        const open = await tx
          .select({ id: subsidyLines.id, amountFen: subsidyLines.amountFen })
          .from(subsidyLines)
          .where(
            and(
              eq(subsidyLines.periodId, periodId),
              eq(subsidyLines.agencyId, agency.id),
              eq(subsidyLines.status, 'ELIGIBLE'),
              isNull(subsidyLines.claimId),
            ),
          )
          .for('update');
        if (!open.length)
          throw new AppError(
            'SUBSIDY_NOTHING_TO_CLAIM',
            'No eligible line to claim in this period. 本期没有可申报的补贴明细。',
          );
        const claimedFen = open.reduce((s, l) => s + l.amountFen, 0);
        const [claim] = await tx
          .insert(agencySubsidyClaims)
          .values({
            agencyId: agency.id,
            periodId,
            status: 'submitted',
            claimedFen,
            submittedBy: actor.userId,
          })
          .returning({ id: agencySubsidyClaims.id });
        await tx
          .update(subsidyLines)
          .set({ claimId: claim!.id, updatedAt: new Date() })
          .where(
            inArray(
              subsidyLines.id,
              open.map((l) => l.id),
            ),
          );
        await audit(tx, actor, 'agency-subsidy.claim.submit', claim!.id, { lines: open.length, claimedFen });
        return claim!.id;
      });
      return this.view(actor, id);
    } catch (error) {
      if (isUniqueViolation(error, 'agency_subsidy_claims_live_key'))
        throw new AppError('CLAIM_STATE_CONFLICT', 'This period is already claimed. 本期已提交申报。');
      throw error;
    }
  }

  /** Every line decided at once; the claim then goes to 公示, or ends rejected when nothing is approved. */
  async review(actor: Actor, id: string, input: ReviewAgencyClaim) {
    await this.db.transaction(async (tx) => {
      await this.lockInStatus(tx, id, 'submitted');
      const lines = await tx
        .select({ id: subsidyLines.id, amountFen: subsidyLines.amountFen })
        .from(subsidyLines)
        .where(eq(subsidyLines.claimId, id));
      const decided = new Map(input.lines.map((l) => [l.lineId, l]));
      const undecided = lines.filter((l) => !decided.has(l.id)).map((l) => l.id);
      const foreign = input.lines.filter((l) => !lines.some((x) => x.id === l.lineId)).map((l) => l.lineId);
      if (undecided.length || foreign.length)
        throw new AppError(
          'SUBSIDY_REVIEW_INCOMPLETE',
          'Decide every line of this claim, and only those. 请逐条审核本申报的全部明细。',
          { undecided, foreign },
        );
      const now = new Date();
      for (const decision of ['approve', 'reject'] as const) {
        const ids = input.lines.filter((l) => l.decision === decision);
        for (const l of ids)
          await tx
            .update(subsidyLines)
            .set({
              status: decision === 'approve' ? 'APPROVED' : 'REJECTED',
              reviewReason: l.reason ?? null,
              reviewedBy: actor.userId,
              reviewedAt: now,
              updatedAt: now,
            })
            .where(eq(subsidyLines.id, l.lineId));
      }
      const approvedFen = lines
        .filter((l) => decided.get(l.id)!.decision === 'approve')
        .reduce((s, l) => s + l.amountFen, 0);
      const policy = await this.policies.effectiveAt(now);
      const notice = noticePeriod(businessDate(now), policy.values.noticeWorkingDays, policy.values);
      const status: AgencyClaimStatus = approvedFen > 0 ? 'in_notice' : 'rejected';
      await tx
        .update(agencySubsidyClaims)
        .set({
          status,
          approvedFen,
          reviewedBy: actor.userId,
          reviewedAt: now,
          noticeFrom: status === 'in_notice' ? notice.from : null,
          noticeUntil: status === 'in_notice' ? notice.until : null,
          updatedAt: now,
        })
        .where(eq(agencySubsidyClaims.id, id));
      await audit(tx, actor, 'agency-subsidy.claim.review', id, {
        status,
        approvedFen,
        notice: status === 'in_notice' ? notice : null,
        lines: input.lines,
        noticeWorkingDays: policy.values.noticeWorkingDays,
      });
    });
    return this.view(actor, id);
  }

  /** Paid once the 公示 has run its last working day. */
  async pay(actor: Actor, id: string) {
    await this.db.transaction(async (tx) => {
      const row = await this.lockInStatus(tx, id, 'in_notice');
      if (row.noticeUntil && businessDate() <= row.noticeUntil)
        throw new AppError('CLAIM_NOTICE_NOT_OVER', `公示至 ${row.noticeUntil}，期满后方可拨付。`, {
          noticeUntil: row.noticeUntil,
        });
      const now = new Date();
      await tx
        .update(subsidyLines)
        .set({ status: 'PAID', updatedAt: now })
        .where(and(eq(subsidyLines.claimId, id), eq(subsidyLines.status, 'APPROVED')));
      await tx
        .update(agencySubsidyClaims)
        .set({ status: 'paid', paidAt: now, paidBy: actor.userId, updatedAt: now })
        .where(eq(agencySubsidyClaims.id, id));
      await audit(tx, actor, 'agency-subsidy.claim.pay', id, { approvedFen: row.approvedFen });
    });
    return this.view(actor, id);
  }

  /** A paid line found undue (e.g. fraud, R7) is recovered, with the reason on record. */
  async recover(actor: Actor, lineId: string, reason: string) {
    await this.db.transaction(async (tx) => {
      const [line] = await tx.select().from(subsidyLines).where(eq(subsidyLines.id, lineId)).for('update');
      if (!line) throw new AppError('NOT_FOUND', 'No such line. 未找到补贴明细。');
      if (line.status !== 'PAID')
        throw new AppError(
          'SUBSIDY_LINE_STATE_CONFLICT',
          `Only a paid line can be recovered; this one is ${line.status}. 仅已拨付的明细可追回。`,
          { status: line.status },
        );
      await tx
        .update(subsidyLines)
        .set({ status: 'RECOVERED', reviewReason: reason, updatedAt: new Date() })
        .where(eq(subsidyLines.id, lineId));
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'agency-subsidy.line.recover',
        subjectType: 'subsidy_line',
        subjectId: lineId,
        details: { reason, amountFen: line.amountFen, claimId: line.claimId },
      });
    });
    return this.lines.one(actor, lineId);
  }

  async list(actor: Actor, filter: { status?: AgencyClaimStatus; periodId?: string }) {
    const agencyId = hasAnyRole(actor, STAFF_ROLES) ? undefined : (await ownAgency(this.db, actor)).id;
    const rows = await this.db
      .select({ id: agencySubsidyClaims.id })
      .from(agencySubsidyClaims)
      .where(
        and(
          agencyId ? eq(agencySubsidyClaims.agencyId, agencyId) : undefined,
          filter.status ? eq(agencySubsidyClaims.status, filter.status) : undefined,
          filter.periodId ? eq(agencySubsidyClaims.periodId, filter.periodId) : undefined,
        ),
      )
      .orderBy(desc(agencySubsidyClaims.submittedAt))
      .limit(200);
    return Promise.all(rows.map((r) => this.summary(r.id)));
  }

  async view(actor: Actor, id: string) {
    const summary = await this.summary(id);
    await assertAgencyOrStaff(this.db, actor, summary.agencyId);
    return { ...summary, lines: await this.lines.list(actor, { claimId: id }) };
  }

  /** 公示: claims now in notice, the approved lines with masked names (no login). */
  async notices() {
    const rows = await this.db
      .select({
        claimId: agencySubsidyClaims.id,
        agency: agencies.name,
        period: subsidyPeriods.label,
        noticeFrom: agencySubsidyClaims.noticeFrom,
        noticeUntil: agencySubsidyClaims.noticeUntil,
        scheme: subsidyLines.scheme,
        amountFen: subsidyLines.amountFen,
        worker: subsidyWorkers.realName,
      })
      .from(agencySubsidyClaims)
      .innerJoin(agencies, eq(agencies.id, agencySubsidyClaims.agencyId))
      .innerJoin(subsidyPeriods, eq(subsidyPeriods.id, agencySubsidyClaims.periodId))
      .innerJoin(subsidyLines, eq(subsidyLines.claimId, agencySubsidyClaims.id))
      .leftJoin(subsidyWorkers, eq(subsidyWorkers.id, subsidyLines.workerId))
      .where(and(eq(agencySubsidyClaims.status, 'in_notice'), eq(subsidyLines.status, 'APPROVED')))
      .orderBy(desc(agencySubsidyClaims.noticeFrom), agencySubsidyClaims.id, subsidyLines.lineKey)
      .limit(2_000);
    return rows.map((r) => ({
      claimId: r.claimId,
      agency: r.agency,
      period: r.period,
      noticeFrom: r.noticeFrom!,
      noticeUntil: r.noticeUntil!,
      scheme: r.scheme,
      worker: maskName(r.worker),
      amountYuan: fenToYuan(r.amountFen),
    }));
  }

  private async summary(id: string) {
    const [row] = await this.db
      .select({ claim: agencySubsidyClaims, agencyName: agencies.name, periodLabel: subsidyPeriods.label })
      .from(agencySubsidyClaims)
      .innerJoin(agencies, eq(agencies.id, agencySubsidyClaims.agencyId))
      .innerJoin(subsidyPeriods, eq(subsidyPeriods.id, agencySubsidyClaims.periodId))
      .where(eq(agencySubsidyClaims.id, id));
    if (!row) throw new AppError('NOT_FOUND', 'No such claim. 未找到补贴申报。');
    const c = row.claim;
    return {
      id: c.id,
      agencyId: c.agencyId,
      agencyName: row.agencyName,
      periodId: c.periodId,
      periodLabel: row.periodLabel,
      status: c.status as AgencyClaimStatus,
      claimedFen: c.claimedFen,
      approvedFen: c.approvedFen,
      claimedYuan: fenToYuan(c.claimedFen),
      approvedYuan: fenToYuan(c.approvedFen),
      submittedAt: c.submittedAt.toISOString(),
      reviewedAt: c.reviewedAt?.toISOString() ?? null,
      noticeFrom: c.noticeFrom,
      noticeUntil: c.noticeUntil,
      paidAt: c.paidAt?.toISOString() ?? null,
    };
  }

  private async lockInStatus(tx: Executor, id: string, status: AgencyClaimStatus): Promise<ClaimRow> {
    const [row] = await tx
      .select()
      .from(agencySubsidyClaims)
      .where(eq(agencySubsidyClaims.id, id))
      .for('update');
    if (!row) throw new AppError('NOT_FOUND', 'No such claim. 未找到补贴申报。');
    if (row.status !== status)
      throw new AppError('CLAIM_STATE_CONFLICT', `The claim is ${row.status}. 申报当前状态不允许此操作。`, {
        status: row.status,
      });
    return row;
  }
}

function audit(tx: Executor, actor: Actor, action: string, id: string, details: object) {
  return recordAudit(tx, {
    actorId: actor.userId,
    action,
    subjectType: 'agency_subsidy_claim',
    subjectId: id,
    details: { ...details },
  });
}
