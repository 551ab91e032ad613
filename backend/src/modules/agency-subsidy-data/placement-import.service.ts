import { Inject, Injectable } from '@nestjs/common';
import {
  businessDate,
  CATEGORY_LABELS,
  CHANNEL_LABELS,
  checkPlacement,
  ImportResult,
  PLACEMENT_COLUMNS,
  PlacementColumn,
  PlacementRaw,
  RowError,
} from '@platform/contracts';
import { eq } from 'drizzle-orm';
import { Actor } from '../../common/auth/actor';
import { recordAudit } from '../../common/audit/audit-log';
import { PiiCipher } from '../../common/pii/pii-cipher';
import { placementImportBatches } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { RowRefused, storePlacement } from './placement-store';
import { PlacementsService } from './placements.service';
import { readSheet, templateWorkbook } from './sheet-reader';

const COLUMNS = Object.entries(PLACEMENT_COLUMNS) as [PlacementColumn, string][];
const TEMPLATE_NOTES = [
  '每行一条推荐就业登记；第一行为表头，请勿修改表头文字。',
  '日期格式：YYYY-MM-DD（如 2020-03-16）；推荐日期、合同签订日期、合同开始日期不能晚于导入当天。',
  '用人单位须已在平台注册，按统一社会信用代码匹配；合同签订单位信用代码为空时视为该用人单位。',
  '向劳动者收费(元)：不收费填 0；不能为负数，不超过 20000 元。',
  `渠道：${Object.values(CHANNEL_LABELS).join('、')}。`,
  `人员类别（可多选，用顿号分隔）：${Object.values(CATEGORY_LABELS).join('、')}。`,
  '每行单独校验与保存：有错误的行不导入，并列出行号、列名与错误代码；其余行照常导入。',
];

/** Placement import from the .xlsx template: each row checked and saved on its own. */
@Injectable()
export class PlacementImportService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly pii: PiiCipher,
    private readonly placements: PlacementsService,
  ) {}

  template(): Promise<Buffer> {
    return templateWorkbook(
      COLUMNS.map(([, label]) => label),
      TEMPLATE_NOTES,
    );
  }

  async import(actor: Actor, file: { fileName: string; contentBase64: string }): Promise<ImportResult> {
    const agency = await this.placements.ownAgency(actor);
    const rows = await readSheet(file.fileName, Buffer.from(file.contentBase64, 'base64'));
    const today = businessDate();
    const [batch] = await this.db
      .insert(placementImportBatches)
      .values({
        agencyId: agency.id,
        fileName: file.fileName,
        totalRows: rows.length,
        importedRows: 0,
        createdBy: actor.userId,
      })
      .returning();
    const errors: RowError[] = [];
    let imported = 0;
    for (const { row, cells } of rows) {
      const raw: PlacementRaw = Object.fromEntries(COLUMNS.map(([key, label]) => [key, cells[label] ?? '']));
      const checked = checkPlacement(raw, today, row);
      if (!checked.draft) {
        errors.push(...checked.errors);
        continue;
      }
      const draft = checked.draft;
      try {
        // All or nothing per row: the worker, the placement and its audit entry commit together.
        await this.db.transaction(async (tx) => {
          const saved = await storePlacement(tx, this.pii, draft, {
            agencyId: agency.id,
            actorId: actor.userId,
            claimDate: today,
            source: 'import',
            batchId: batch.id,
            agreementId: null,
          });
          await recordAudit(tx, {
            actorId: actor.userId,
            action: 'agency_placement.create',
            subjectType: 'agency_placement',
            subjectId: saved.id,
            details: { agencyId: agency.id, batchId: batch.id, row },
          });
        });
        imported += 1;
      } catch (error) {
        if (!(error instanceof RowRefused)) throw error;
        errors.push({ row, ...error.error });
      }
    }
    const [done] = await this.db.transaction(async (tx) => {
      const updated = await tx
        .update(placementImportBatches)
        .set({ importedRows: imported, errors })
        .where(eq(placementImportBatches.id, batch.id))
        .returning();
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'agency_placement.import',
        subjectType: 'placement_import_batch',
        subjectId: batch.id,
        details: {
          fileName: file.fileName,
          totalRows: rows.length,
          importedRows: imported,
          errors: errors.length,
        },
      });
      return updated;
    });
    return toResult(done);
  }

  async batches(actor: Actor): Promise<ImportResult[]> {
    const agency = await this.placements.ownAgency(actor);
    const rows = await this.db
      .select()
      .from(placementImportBatches)
      .where(eq(placementImportBatches.agencyId, agency.id))
      .orderBy(placementImportBatches.createdAt);
    return rows.reverse().map(toResult);
  }
}

function toResult(row: typeof placementImportBatches.$inferSelect): ImportResult {
  return {
    batchId: row.id,
    fileName: row.fileName,
    totalRows: row.totalRows,
    importedRows: row.importedRows,
    updatedRows: 0,
    errors: row.errors as RowError[],
    createdAt: row.createdAt.toISOString(),
  };
}
