import { Inject, Injectable } from '@nestjs/common';
import { fenToYuan, maskName } from '@platform/contracts';
import { and, asc, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Actor } from '../../common/auth/actor';
import { recordAudit } from '../../common/audit/audit-log';
import {
  agencies,
  agencySubsidyClaims,
  subsidyLines,
  subsidyPeriods,
  subsidyWorkers,
} from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';

const STATUS_LABELS: Record<string, string> = {
  APPROVED: '已核准待拨付',
  PAID: '已拨付',
  RECOVERED: '已追回',
};

/** The finance office's workbook of approved, paid and recovered lines of a period (audited). */
@Injectable()
export class FinanceExportService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async workbook(actor: Actor, periodId: string): Promise<{ fileName: string; content: Buffer }> {
    const rows = await this.db
      .select({
        period: subsidyPeriods.label,
        agency: agencies.name,
        uscc: agencies.uscc,
        claimId: agencySubsidyClaims.id,
        lineId: subsidyLines.id,
        scheme: subsidyLines.scheme,
        worker: subsidyWorkers.realName,
        idMasked: subsidyWorkers.idNumberMasked,
        amountFen: subsidyLines.amountFen,
        status: subsidyLines.status,
        policyVersion: subsidyLines.policyVersion,
        paidAt: agencySubsidyClaims.paidAt,
      })
      .from(subsidyLines)
      .innerJoin(agencySubsidyClaims, eq(agencySubsidyClaims.id, subsidyLines.claimId))
      .innerJoin(agencies, eq(agencies.id, subsidyLines.agencyId))
      .innerJoin(subsidyPeriods, eq(subsidyPeriods.id, subsidyLines.periodId))
      .leftJoin(subsidyWorkers, eq(subsidyWorkers.id, subsidyLines.workerId))
      .where(
        and(eq(subsidyLines.periodId, periodId), inArray(subsidyLines.status, Object.keys(STATUS_LABELS))),
      )
      .orderBy(asc(agencies.name), asc(subsidyLines.lineKey));
    const workbook = new ExcelJS.Workbook();
    workbook.creator = '公共就业服务平台';
    const sheet = workbook.addWorksheet('机构服务补贴拨付明细');
    sheet.columns = [
      { header: '申报期', key: 'period', width: 16 },
      { header: '机构', key: 'agency', width: 28 },
      { header: '统一社会信用代码', key: 'uscc', width: 22 },
      { header: '申报编号', key: 'claimId', width: 38 },
      { header: '明细编号', key: 'lineId', width: 38 },
      { header: '补贴项目', key: 'scheme', width: 26 },
      { header: '人员', key: 'worker', width: 10 },
      { header: '身份证号', key: 'idMasked', width: 22 },
      { header: '金额（元）', key: 'amount', width: 12 },
      { header: '状态', key: 'status', width: 14 },
      { header: '政策版本', key: 'policyVersion', width: 20 },
      { header: '拨付时间', key: 'paidAt', width: 22 },
    ];
    sheet.addRows(
      rows.map((r) => ({
        ...r,
        worker: maskName(r.worker) ?? '—',
        idMasked: r.idMasked ?? '—',
        amount: fenToYuan(r.amountFen),
        status: STATUS_LABELS[r.status] ?? r.status,
        paidAt: r.paidAt?.toISOString() ?? '',
      })),
    );
    const payable = rows.filter((r) => r.status !== 'RECOVERED').reduce((s, r) => s + r.amountFen, 0);
    sheet.addRow({ period: '合计（不含追回）', amount: fenToYuan(payable) });
    await recordAudit(this.db, {
      actorId: actor.userId,
      action: 'export.agency-subsidy-finance',
      subjectType: 'subsidy_period',
      subjectId: periodId,
      details: { rows: rows.length, payableFen: payable },
    });
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    return { fileName: `机构服务补贴拨付明细_${rows[0]?.period ?? periodId}.xlsx`, content };
  }
}
