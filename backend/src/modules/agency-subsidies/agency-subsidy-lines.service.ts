import { Inject, Injectable } from '@nestjs/common';
import { and, asc, eq, SQL } from 'drizzle-orm';
import { Actor, hasAnyRole, STAFF_ROLES } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { agencies, agencyPlacements, employers, subsidyLines, subsidyWorkers } from '../../database/schema';
import { Executor } from '../../common/audit/audit-log';
import { DATABASE, Database } from '../../infra/database/database';
import { assertAgencyOrStaff, ownAgency } from './agency-access';
import { LineRow, LineView, toLineView } from './subsidy-lines.views';

const columns = {
  id: subsidyLines.id,
  periodId: subsidyLines.periodId,
  agencyId: subsidyLines.agencyId,
  agencyName: agencies.name,
  lineKey: subsidyLines.lineKey,
  kind: subsidyLines.kind,
  placementId: subsidyLines.placementId,
  scheme: subsidyLines.scheme,
  amountFen: subsidyLines.amountFen,
  status: subsidyLines.status,
  reasonCode: subsidyLines.reasonCode,
  reasonDetails: subsidyLines.reasonDetails,
  detail: subsidyLines.detail,
  basis: subsidyLines.basis,
  trail: subsidyLines.trail,
  policyVersion: subsidyLines.policyVersion,
  claimId: subsidyLines.claimId,
  reviewReason: subsidyLines.reviewReason,
  workerName: subsidyWorkers.realName,
  workerIdMasked: subsidyWorkers.idNumberMasked,
  employerName: employers.name,
  referralDate: agencyPlacements.referralDate,
  claimDate: agencyPlacements.claimDate,
  computedAt: subsidyLines.computedAt,
};

/** Reading computed lines: an agency its own, staff everyone's; every line with its "why". */
@Injectable()
export class AgencySubsidyLinesService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async list(actor: Actor, filter: { periodId?: string; agencyId?: string; claimId?: string }) {
    const agencyId = hasAnyRole(actor, STAFF_ROLES) ? filter.agencyId : (await ownAgency(this.db, actor)).id;
    const rows = await this.select(
      this.db,
      and(
        filter.periodId ? eq(subsidyLines.periodId, filter.periodId) : undefined,
        agencyId ? eq(subsidyLines.agencyId, agencyId) : undefined,
        filter.claimId ? eq(subsidyLines.claimId, filter.claimId) : undefined,
      ),
      2_000,
    );
    return rows.map(toLineView);
  }

  async one(actor: Actor, id: string): Promise<LineView> {
    const [row] = await this.select(this.db, eq(subsidyLines.id, id), 1);
    if (!row) throw new AppError('NOT_FOUND', 'No such line. 未找到补贴明细。');
    await assertAgencyOrStaff(this.db, actor, row.agencyId);
    return toLineView(row);
  }

  select(db: Executor, where: SQL | undefined, limit: number): Promise<LineRow[]> {
    return db
      .select(columns)
      .from(subsidyLines)
      .innerJoin(agencies, eq(agencies.id, subsidyLines.agencyId))
      .leftJoin(subsidyWorkers, eq(subsidyWorkers.id, subsidyLines.workerId))
      .leftJoin(agencyPlacements, eq(agencyPlacements.id, subsidyLines.placementId))
      .leftJoin(employers, eq(employers.id, agencyPlacements.employerId))
      .where(where)
      .orderBy(asc(subsidyLines.agencyId), asc(subsidyLines.status), asc(subsidyLines.lineKey))
      .limit(limit) as Promise<LineRow[]>;
  }
}
