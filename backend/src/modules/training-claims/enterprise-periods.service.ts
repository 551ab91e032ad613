import { Inject, Injectable } from '@nestjs/common';
import type { EnterprisePeriodInput } from '@platform/contracts';
import { and, desc, eq } from 'drizzle-orm';
import type { Actor } from '../../common/auth/actor';
import { recordAudit } from '../../common/audit/audit-log';
import { AppError } from '../../common/errors/app-error';
import { employers, enterprisePeriods } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';

type PeriodRow = typeof enterprisePeriods.$inferSelect;

export interface EnterprisePeriodView {
  id: string;
  employer: string;
  kind: PeriodRow['kind'];
  startsOn: string;
  endsOn: string;
  evidence: string;
  status: string;
  reviewReason: string | null;
}

/**
 * The 停工期/恢复期 an enterprise training claim rests on (E8, E9): the enterprise declares it
 * with evidence; staff verify or reject it; only verified periods reach the rules.
 */
@Injectable()
export class EnterprisePeriodsService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async declare(actor: Actor, input: EnterprisePeriodInput): Promise<EnterprisePeriodView> {
    const employer = await this.employerOf(actor);
    const id = await this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(enterprisePeriods)
        .values({ employerId: employer.id, ...input, createdBy: actor.userId })
        .returning({ id: enterprisePeriods.id });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'training.enterprise_period.declare',
        subjectType: 'training_enterprise_period',
        subjectId: row!.id,
        details: { ...input },
      });
      return row!.id;
    });
    return (await this.list({ id }))[0]!;
  }

  async mine(actor: Actor): Promise<EnterprisePeriodView[]> {
    return this.list({ employerId: (await this.employerOf(actor)).id });
  }

  async pending(): Promise<EnterprisePeriodView[]> {
    return this.list({ status: 'declared' });
  }

  async review(actor: Actor, id: string, decision: 'verify' | 'reject', reason?: string) {
    if (decision === 'reject' && !reason?.trim())
      throw new AppError('VALIDATION_FAILED', 'A rejection needs its reason. 不予认定须说明理由。');
    await this.db.transaction(async (tx) => {
      const [row] = await tx
        .update(enterprisePeriods)
        .set({
          status: decision === 'verify' ? 'verified' : 'rejected',
          reviewReason: reason ?? null,
          reviewedBy: actor.userId,
          reviewedAt: new Date(),
        })
        .where(and(eq(enterprisePeriods.id, id), eq(enterprisePeriods.status, 'declared')))
        .returning({ id: enterprisePeriods.id });
      if (!row)
        throw new AppError(
          'CLAIM_STATE_CONFLICT',
          'Only a declared period can be reviewed. 仅可审核待认定的期间。',
        );
      await recordAudit(tx, {
        actorId: actor.userId,
        action: `training.enterprise_period.${decision}`,
        subjectType: 'training_enterprise_period',
        subjectId: id,
        details: { reason: reason ?? null },
      });
    });
    return (await this.list({ id }))[0]!;
  }

  private async list(filter: { id?: string; employerId?: string; status?: string }) {
    const rows = await this.db
      .select({ period: enterprisePeriods, employer: employers.name })
      .from(enterprisePeriods)
      .innerJoin(employers, eq(employers.id, enterprisePeriods.employerId))
      .where(
        and(
          filter.id ? eq(enterprisePeriods.id, filter.id) : undefined,
          filter.employerId ? eq(enterprisePeriods.employerId, filter.employerId) : undefined,
          filter.status ? eq(enterprisePeriods.status, filter.status) : undefined,
        ),
      )
      .orderBy(desc(enterprisePeriods.createdAt))
      .limit(200);
    return rows.map(({ period, employer }) => ({
      id: period.id,
      employer,
      kind: period.kind,
      startsOn: period.startsOn,
      endsOn: period.endsOn,
      evidence: period.evidence,
      status: period.status,
      reviewReason: period.reviewReason,
    }));
  }

  private async employerOf(actor: Actor) {
    const [row] = await this.db.select().from(employers).where(eq(employers.ownerUserId, actor.userId));
    if (!row) throw new AppError('FORBIDDEN_NOT_OWNER', 'Register your enterprise first. 请先登记单位信息。');
    return row;
  }
}
