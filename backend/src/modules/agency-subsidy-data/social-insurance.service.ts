import { Inject, Injectable } from '@nestjs/common';
import {
  ImportResult,
  isValidResidentIdNumber,
  isValidUnifiedSocialCreditCode,
  maskIdNumber,
  maskName,
  RowError,
  SI_COLUMNS,
  SI_STATUS_LABELS,
  siStatusOf,
  SiColumn,
  SiStatus,
} from '@platform/contracts';
import { and, desc, eq, ilike, or, SQL, sql } from 'drizzle-orm';
import { Actor } from '../../common/auth/actor';
import { assertStaffPermission } from '../../common/auth/staff-permission';
import { recordAudit } from '../../common/audit/audit-log';
import { PiiCipher } from '../../common/pii/pii-cipher';
import { employers, siImportBatches, socialInsuranceMonths, subsidyWorkers } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { readSheet, templateWorkbook } from './sheet-reader';

interface SiRow {
  row: number;
  idNumber: string;
  realName: string;
  employerUscc: string;
  month: string;
  status: SiStatus;
}

/**
 * 社保 months from the 社保 system's export, imported by designated staff (never by the agency
 * that claims): one row per worker, employer and month; a month seen twice is reported.
 */
@Injectable()
export class SocialInsuranceService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly pii: PiiCipher,
  ) {}

  template(): Promise<Buffer> {
    return templateWorkbook(Object.values(SI_COLUMNS), [
      '每行为一名人员在一家单位一个月的参保缴费记录（来自社保经办系统导出），也可上传同样表头的 CSV（UTF-8）。',
      '缴费月份格式：YYYY-MM。',
      `缴费状态：${Object.entries(SI_STATUS_LABELS)
        .map(([code, label]) => `${label}(${code})`)
        .join('、')}。`,
      '同一人员、单位、月份重复出现时报告为重复；已导入的月份状态变化（如缓缴后补缴）时更新。',
    ]);
  }

  async import(actor: Actor, file: { fileName: string; contentBase64: string }): Promise<ImportResult> {
    await this.assertImporter(actor);
    const sheet = await readSheet(file.fileName, Buffer.from(file.contentBase64, 'base64'));
    const errors: RowError[] = [];
    const seen = new Map<string, number>();
    const valid: SiRow[] = [];
    for (const { row, cells } of sheet) {
      const checked = checkSiRow(row, (column) => cells[SI_COLUMNS[column]] ?? '');
      if ('errors' in checked) {
        errors.push(...checked.errors);
        continue;
      }
      const key = `${checked.idNumber}|${checked.employerUscc}|${checked.month}`;
      const first = seen.get(key);
      if (first) {
        errors.push(duplicate(row, `与第 ${first} 行重复（同一人员、单位、月份）`));
        continue;
      }
      seen.set(key, row);
      valid.push(checked);
    }
    return this.db.transaction(async (tx) => {
      const [batch] = await tx
        .insert(siImportBatches)
        .values({
          fileName: file.fileName,
          totalRows: sheet.length,
          importedRows: 0,
          createdBy: actor.userId,
        })
        .returning();
      let imported = 0;
      let updated = 0;
      for (const record of valid) {
        const outcome = await this.store(tx, record, batch.id);
        if (outcome === 'inserted') imported += 1;
        else if (outcome === 'updated') updated += 1;
        else errors.push(duplicate(record.row, `${record.month} 已导入，状态相同`));
      }
      errors.sort((a, b) => a.row - b.row);
      const [done] = await tx
        .update(siImportBatches)
        .set({ importedRows: imported + updated, errors })
        .where(eq(siImportBatches.id, batch.id))
        .returning();
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'social_insurance.import',
        subjectType: 'si_import_batch',
        subjectId: batch.id,
        details: {
          fileName: file.fileName,
          totalRows: sheet.length,
          imported,
          updated,
          errors: errors.length,
        },
      });
      return {
        batchId: done.id,
        fileName: done.fileName,
        totalRows: done.totalRows,
        importedRows: imported,
        updatedRows: updated,
        errors,
        createdAt: done.createdAt.toISOString(),
      };
    });
  }

  async list(actor: Actor, query: { q?: string; month?: string; employerUscc?: string }) {
    const filters: (SQL | undefined)[] = [
      query.month ? eq(socialInsuranceMonths.month, query.month) : undefined,
      query.employerUscc
        ? eq(socialInsuranceMonths.employerUscc, query.employerUscc.toUpperCase())
        : undefined,
      query.q
        ? or(
            ilike(subsidyWorkers.realName, `%${query.q}%`),
            ilike(subsidyWorkers.idNumberMasked, `%${query.q}`),
          )
        : undefined,
    ];
    const rows = await this.db
      .select({ si: socialInsuranceMonths, worker: subsidyWorkers, employerName: employers.name })
      .from(socialInsuranceMonths)
      .innerJoin(subsidyWorkers, eq(subsidyWorkers.id, socialInsuranceMonths.workerId))
      .leftJoin(employers, eq(employers.uscc, socialInsuranceMonths.employerUscc))
      .where(and(...filters))
      .orderBy(desc(socialInsuranceMonths.month), subsidyWorkers.realName)
      .limit(1000);
    void actor;
    return rows.map(({ si, worker, employerName }) => ({
      id: si.id,
      workerId: worker.id,
      workerName: maskName(worker.realName) ?? '',
      idNumberMasked: worker.idNumberMasked,
      employerUscc: si.employerUscc,
      employerName,
      month: si.month,
      status: si.status,
      batchId: si.batchId,
    }));
  }

  async batches() {
    const rows = await this.db
      .select()
      .from(siImportBatches)
      .orderBy(desc(siImportBatches.createdAt))
      .limit(50);
    return rows.map((r) => ({
      batchId: r.id,
      fileName: r.fileName,
      totalRows: r.totalRows,
      importedRows: r.importedRows,
      updatedRows: 0,
      errors: r.errors as RowError[],
      createdAt: r.createdAt.toISOString(),
    }));
  }

  private assertImporter(actor: Actor) {
    return assertStaffPermission(
      this.db,
      actor,
      'si_import',
      '社保 imports are limited to designated staff. 社保数据导入仅限指定专人。',
    );
  }

  private async store(
    tx: Parameters<Parameters<Database['transaction']>[0]>[0],
    record: SiRow,
    batchId: string,
  ): Promise<'inserted' | 'updated' | 'same'> {
    const hash = this.pii.lookupHash(record.idNumber);
    const [worker] = await tx
      .insert(subsidyWorkers)
      .values({
        idNumberHash: hash,
        idNumberCipher: this.pii.encrypt(record.idNumber),
        idNumberMasked: maskIdNumber(record.idNumber) ?? '',
        realName: record.realName,
      })
      .onConflictDoUpdate({ target: subsidyWorkers.idNumberHash, set: { updatedAt: new Date() } })
      .returning({ id: subsidyWorkers.id });
    // xmax = 0 tells a fresh insert from an update; an unchanged status is not written at all.
    const result = await tx.execute<{ inserted: boolean }>(sql`
      insert into social_insurance_months (worker_id, employer_uscc, month, status, batch_id)
      values (${worker.id}, ${record.employerUscc}, ${record.month}, ${record.status}, ${batchId})
      on conflict (worker_id, employer_uscc, month) do update
        set status = excluded.status, batch_id = excluded.batch_id, updated_at = now()
        where social_insurance_months.status <> excluded.status
      returning (xmax = 0) as inserted`);
    const [row] = result.rows;
    if (!row) return 'same';
    return row.inserted ? 'inserted' : 'updated';
  }
}

function duplicate(row: number, message: string): RowError {
  return { row, column: SI_COLUMNS.month, code: 'SI_MONTH_DUPLICATE', message };
}

function checkSiRow(row: number, cell: (column: SiColumn) => string): SiRow | { errors: RowError[] } {
  const errors: RowError[] = [];
  const fail = (column: SiColumn, code: RowError['code'], message: string) =>
    errors.push({ row, column: SI_COLUMNS[column], code, message });
  const idNumber = cell('idNumber').toUpperCase();
  if (!idNumber) fail('idNumber', 'REQUIRED', '身份证号不能为空');
  else if (!isValidResidentIdNumber(idNumber)) fail('idNumber', 'ID_NUMBER_INVALID', '身份证号校验失败');
  const realName = cell('realName');
  if (!realName) fail('realName', 'REQUIRED', '姓名不能为空');
  const employerUscc = cell('employerUscc').toUpperCase();
  if (!employerUscc) fail('employerUscc', 'REQUIRED', '单位统一社会信用代码不能为空');
  else if (!isValidUnifiedSocialCreditCode(employerUscc))
    fail('employerUscc', 'USCC_INVALID', '统一社会信用代码校验失败');
  const month = cell('month').replace(
    /^(\d{4})-?(\d{1,2})(?:-\d{1,2})?$/,
    (_, y: string, m: string) => `${y}-${m.padStart(2, '0')}`,
  );
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) fail('month', 'MONTH_INVALID', '缴费月份应为 YYYY-MM');
  const status = siStatusOf(cell('status'));
  if (!status)
    fail('status', 'SI_STATUS_INVALID', `缴费状态应为：${Object.values(SI_STATUS_LABELS).join('、')}`);
  if (errors.length || !status) return { errors };
  return { row, idNumber, realName, employerUscc, month, status };
}
