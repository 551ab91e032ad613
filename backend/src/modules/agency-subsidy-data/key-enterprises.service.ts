import { Inject, Injectable } from '@nestjs/common';
import {
  ImportResult,
  isIsoDate,
  isValidUnifiedSocialCreditCode,
  KEY_ENTERPRISE_COLUMNS,
  KeyEnterpriseColumn,
  RowError,
} from '@platform/contracts';
import { and, desc, eq, gte, ilike, isNull, lte, or, SQL } from 'drizzle-orm';
import { Actor } from '../../common/auth/actor';
import { recordAudit } from '../../common/audit/audit-log';
import { AppError } from '../../common/errors/app-error';
import { keyEnterpriseRegistry } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { readSheet, templateWorkbook } from './sheet-reader';

interface Entry {
  uscc: string;
  name: string;
  listName: string;
  fromDate: string;
  toDate: string | null;
}

/**
 * 重点企业名录 (003:L4119-4120: 工业"双百企业", 制造业产业链龙头企业 "等"), kept by staff with
 * effective dates; the A1 rule asks whether the employer was on it on the contract day.
 */
@Injectable()
export class KeyEnterprisesService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  template(): Promise<Buffer> {
    return templateWorkbook(Object.values(KEY_ENTERPRISE_COLUMNS), [
      '每行一家重点企业：统一社会信用代码、企业名称、名录名称（如 工业“双百企业”、制造业产业链龙头企业）。',
      '生效日期必填（YYYY-MM-DD）；失效日期为空表示长期有效。',
    ]);
  }

  async list(query: { on?: string; q?: string }) {
    const filters: (SQL | undefined)[] = [
      query.on ? lte(keyEnterpriseRegistry.fromDate, query.on) : undefined,
      query.on
        ? or(isNull(keyEnterpriseRegistry.toDate), gte(keyEnterpriseRegistry.toDate, query.on))
        : undefined,
      query.q
        ? or(
            ilike(keyEnterpriseRegistry.name, `%${query.q}%`),
            ilike(keyEnterpriseRegistry.uscc, `%${query.q}%`),
            ilike(keyEnterpriseRegistry.listName, `%${query.q}%`),
          )
        : undefined,
    ];
    const rows = await this.db
      .select()
      .from(keyEnterpriseRegistry)
      .where(and(...filters))
      .orderBy(desc(keyEnterpriseRegistry.fromDate), keyEnterpriseRegistry.name)
      .limit(1000);
    return rows.map(toView);
  }

  async create(actor: Actor, input: Entry) {
    const errors = checkEntry(0, (c) => String(input[c] ?? '')).errors;
    if (errors.length)
      throw new AppError('VALIDATION_FAILED', 'The entry has errors. 名录信息有误。', { errors });
    const row = await this.db.transaction(async (tx) => {
      const [saved] = await tx
        .insert(keyEnterpriseRegistry)
        .values({ ...input, createdBy: actor.userId })
        .returning();
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'key_enterprise.create',
        subjectType: 'key_enterprise',
        subjectId: saved.id,
        details: { ...input },
      });
      return saved;
    });
    return toView(row);
  }

  /** Valid rows are added; a row equal to an entry already listed is skipped, not doubled. */
  async import(actor: Actor, file: { fileName: string; contentBase64: string }): Promise<ImportResult> {
    const sheet = await readSheet(file.fileName, Buffer.from(file.contentBase64, 'base64'));
    const errors: RowError[] = [];
    let imported = 0;
    await this.db.transaction(async (tx) => {
      for (const { row, cells } of sheet) {
        const checked = checkEntry(row, (c) => cells[KEY_ENTERPRISE_COLUMNS[c]] ?? '');
        if (!checked.entry) {
          errors.push(...checked.errors);
          continue;
        }
        const entry = checked.entry;
        const [same] = await tx
          .select({ id: keyEnterpriseRegistry.id })
          .from(keyEnterpriseRegistry)
          .where(
            and(
              eq(keyEnterpriseRegistry.uscc, entry.uscc),
              eq(keyEnterpriseRegistry.listName, entry.listName),
              eq(keyEnterpriseRegistry.fromDate, entry.fromDate),
            ),
          );
        if (same) continue;
        await tx.insert(keyEnterpriseRegistry).values({ ...entry, createdBy: actor.userId });
        imported += 1;
      }
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'key_enterprise.import',
        subjectType: 'key_enterprise_registry',
        subjectId: file.fileName,
        details: { totalRows: sheet.length, imported, errors: errors.length },
      });
    });
    return {
      batchId: null,
      fileName: file.fileName,
      totalRows: sheet.length,
      importedRows: imported,
      updatedRows: 0,
      errors,
      createdAt: new Date().toISOString(),
    };
  }
}

function checkEntry(
  row: number,
  cell: (c: KeyEnterpriseColumn) => string,
): { entry: Entry | null; errors: RowError[] } {
  const errors: RowError[] = [];
  const fail = (column: KeyEnterpriseColumn, code: RowError['code'], message: string) =>
    errors.push({ row, column: KEY_ENTERPRISE_COLUMNS[column], code, message });
  const uscc = cell('uscc').trim().toUpperCase();
  if (!uscc) fail('uscc', 'REQUIRED', '统一社会信用代码不能为空');
  else if (!isValidUnifiedSocialCreditCode(uscc)) fail('uscc', 'USCC_INVALID', '统一社会信用代码校验失败');
  const name = cell('name').trim();
  if (!name) fail('name', 'REQUIRED', '企业名称不能为空');
  const listName = cell('listName').trim();
  if (!listName) fail('listName', 'REQUIRED', '名录名称不能为空');
  const fromDate = cell('fromDate').trim();
  if (!fromDate) fail('fromDate', 'REQUIRED', '生效日期不能为空');
  else if (!isIsoDate(fromDate)) fail('fromDate', 'DATE_INVALID', '生效日期应为 YYYY-MM-DD');
  const toText = cell('toDate').trim();
  if (toText && !isIsoDate(toText)) fail('toDate', 'DATE_INVALID', '失效日期应为 YYYY-MM-DD');
  else if (toText && fromDate && toText < fromDate)
    fail('toDate', 'CONTRACT_END_BEFORE_START', '失效日期早于生效日期');
  if (errors.length) return { entry: null, errors };
  return { entry: { uscc, name, listName, fromDate, toDate: toText || null }, errors };
}

function toView(row: typeof keyEnterpriseRegistry.$inferSelect) {
  return {
    id: row.id,
    uscc: row.uscc,
    name: row.name,
    listName: row.listName,
    fromDate: row.fromDate,
    toDate: row.toDate,
    createdAt: row.createdAt.toISOString(),
  };
}
