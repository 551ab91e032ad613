import { Inject, Injectable } from '@nestjs/common';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../common/auth/actor';
import { recordAudit } from '../../common/audit/audit-log';
import { AppError } from '../../common/errors/app-error';
import { subsidyLines } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { AgencySubsidyPolicyService } from '../agency-subsidy-data/agency-subsidy-policy.service';
import { ReplayReport, replayStoredLine } from './subsidy-replay';

/** Auditors' check: does a stored line come out the same from its stored slice and policy? */
@Injectable()
export class SubsidyReplayService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly policies: AgencySubsidyPolicyService,
  ) {}

  async replay(lineId: string, actor?: Actor): Promise<ReplayReport> {
    const [row] = await this.db.select().from(subsidyLines).where(eq(subsidyLines.id, lineId));
    if (!row) throw new AppError('NOT_FOUND', 'No such line. 未找到补贴明细。');
    const report = replayStoredLine(row, await this.policies.byVersion(row.policyVersion));
    if (actor)
      await recordAudit(this.db, {
        actorId: actor.userId,
        action: 'agency-subsidy.line.replay',
        subjectType: 'subsidy_line',
        subjectId: lineId,
        details: { identical: report.identical, fields: report.differences.map((d) => d.field) },
      });
    return report;
  }
}
