import { Inject, Injectable } from '@nestjs/common';
import {
  A4_COLUMNS,
  A4Row,
  A5_COLUMNS,
  A5Row,
  businessDate,
  checkA4Row,
  checkA5Row,
  DEGREE_LABELS,
  REGION_LABELS,
  RowError,
} from '@platform/contracts';
import { desc, eq, inArray, sql } from 'drizzle-orm';
import { Actor } from '../../common/auth/actor';
import { assertStaffPermission } from '../../common/auth/staff-permission';
import { recordAudit } from '../../common/audit/audit-log';
import { AppError } from '../../common/errors/app-error';
import {
  a4EmployerServices,
  a5ResumeDownloads,
  activityImportBatches,
  agencies,
  users,
  yingcaiListedAgencies,
} from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { readSheet, SheetRow, templateWorkbook } from './sheet-reader';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
type Kind = 'A4' | 'A5';
type Outcome = 'inserted' | 'updated' | 'same';

/**
 * 线上引才 (A4) services and résumé downloads (A5) from 重庆英才网's statistics, imported by
 * designated staff (activity_import), never by the agency that claims: the policy settles on
 * the centre's statistics (003:L7382-7386). Valid rows are kept, refused rows reported.
 */
@Injectable()
export class ActivityRecordsService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  template(kind: Kind): Promise<Buffer> {
    const common = [
      '数据来源：市人才交流服务中心 / 重庆英才网的统计，由指定专人导入；也可上传同样表头的 CSV（UTF-8）。',
      '机构以统一社会信用代码识别，须为平台已登记的人力资源服务机构。',
      '“是/否”列也接受 Y/N、1/0。',
    ];
    if (kind === 'A4')
      return templateWorkbook(Object.values(A4_COLUMNS), [
        ...common,
        '每行为一家机构在市级线上引才活动中服务的一家用人单位；同一机构、单位再次导入时以新值为准。',
      ]);
    return templateWorkbook(Object.values(A5_COLUMNS), [
      ...common,
      '每行为一次简历下载；下载记录编号为英才网的编号，同一编号只计一次，再次导入时以新值为准。',
      '简历标价单位为元；下载日期格式 YYYY-MM-DD。',
      `单位所在区域：${Object.values(REGION_LABELS).join('、')}；学历：${Object.values(DEGREE_LABELS).join('、')}。`,
    ]);
  }

  async import(actor: Actor, kind: Kind, file: { fileName: string; contentBase64: string }) {
    await this.assertImporter(actor);
    const sheet = await readSheet(file.fileName, Buffer.from(file.contentBase64, 'base64'));
    const { valid, errors } = await this.check(kind, sheet);
    return this.db.transaction(async (tx) => {
      const [batch] = await tx
        .insert(activityImportBatches)
        .values({
          kind,
          fileName: file.fileName,
          totalRows: sheet.length,
          importedRows: 0,
          createdBy: actor.userId,
        })
        .returning();
      const counts = { inserted: 0, updated: 0 };
      for (const record of valid) {
        const outcome = await this.store(tx, kind, record, batch.id);
        if (outcome === 'same') errors.push(sameAsStored(kind, record.row));
        else counts[outcome] += 1;
      }
      errors.sort((a, b) => a.row - b.row);
      const [done] = await tx
        .update(activityImportBatches)
        .set({ importedRows: counts.inserted, updatedRows: counts.updated, errors })
        .where(eq(activityImportBatches.id, batch.id))
        .returning();
      await recordAudit(tx, {
        actorId: actor.userId,
        action: `activity.${kind.toLowerCase()}.import`,
        subjectType: 'activity_import_batch',
        subjectId: batch.id,
        details: { fileName: file.fileName, totalRows: sheet.length, ...counts, errors: errors.length },
      });
      const [me] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, actor.userId));
      return toBatchView(done, me?.name ?? null);
    });
  }

  /** Row checks, then the agency lookup by credit code, then duplicates within the file. */
  private async check(kind: Kind, sheet: SheetRow[]) {
    const errors: RowError[] = [];
    const checked: ((A4Row | A5Row) & { agencyId?: string })[] = [];
    const today = businessDate();
    for (const { row, cells } of sheet) {
      const result =
        kind === 'A4'
          ? checkA4Row(row, (c) => cells[A4_COLUMNS[c]] ?? '')
          : checkA5Row(row, (c) => cells[A5_COLUMNS[c]] ?? '', today);
      if ('errors' in result) errors.push(...result.errors);
      else checked.push(result);
    }
    const usccs = [...new Set(checked.map((r) => r.agencyUscc))];
    const known = usccs.length
      ? await this.db
          .select({ id: agencies.id, uscc: agencies.uscc })
          .from(agencies)
          .where(inArray(agencies.uscc, usccs))
      : [];
    const byUscc = new Map(known.map((a) => [a.uscc, a.id]));
    const seen = new Map<string, number>();
    const valid: ((A4Row | A5Row) & { agencyId: string })[] = [];
    for (const record of checked) {
      const agencyId = byUscc.get(record.agencyUscc);
      if (!agencyId) {
        errors.push({
          row: record.row,
          column: kind === 'A4' ? A4_COLUMNS.agencyUscc : A5_COLUMNS.agencyUscc,
          code: 'AGENCY_NOT_FOUND',
          message: '平台上没有该统一社会信用代码的人力资源服务机构',
        });
        continue;
      }
      const key = 'downloadRef' in record ? record.downloadRef : `${agencyId}|${record.employerUscc}`;
      const first = seen.get(key);
      if (first) {
        errors.push(duplicateInFile(kind, record.row, first));
        continue;
      }
      seen.set(key, record.row);
      valid.push({ ...record, agencyId });
    }
    return { valid, errors };
  }

  /** Upsert by the natural key; an unchanged row is not written (xmax = 0 tells insert from update). */
  private async store(tx: Tx, kind: Kind, r: (A4Row | A5Row) & { agencyId: string }, batchId: string) {
    const result =
      kind === 'A4' && 'served' in r
        ? await tx.execute<{ inserted: boolean }>(sql`
            insert into a4_employer_services (agency_id, employer_uscc, employer_name, served, batch_id)
            values (${r.agencyId}, ${r.employerUscc}, ${r.employerName}, ${r.served}, ${batchId})
            on conflict (agency_id, employer_uscc) do update
              set employer_name = excluded.employer_name, served = excluded.served,
                  batch_id = excluded.batch_id, updated_at = now()
              where (a4_employer_services.employer_name, a4_employer_services.served)
                    is distinct from (excluded.employer_name, excluded.served)
            returning (xmax = 0) as inserted`)
        : await this.storeDownload(tx, r as A5Row & { agencyId: string }, batchId);
    const [row] = result.rows;
    if (!row) return 'same' as Outcome;
    return (row.inserted ? 'inserted' : 'updated') as Outcome;
  }

  private storeDownload(tx: Tx, r: A5Row & { agencyId: string }, batchId: string) {
    return tx.execute<{ inserted: boolean }>(sql`
      insert into a5_resume_downloads (download_ref, agency_id, employer_uscc, resume_ref, list_price_fen,
        downloaded_on, counted_by_yingcai, offered_annual_salary, employer_region, degree,
        title_associate_senior_or_above, skill_grade_senior_technician_or_above,
        employer_is_municipal_univ_hosp_research, batch_id)
      values (${r.downloadRef}, ${r.agencyId}, ${r.employerUscc}, ${r.resumeRef}, ${r.listPriceFen},
        ${r.downloadedOn}, ${r.countedByYingcai}, ${r.offeredAnnualSalary}, ${r.employerRegion}, ${r.degree},
        ${r.titleAssociateSeniorOrAbove}, ${r.skillGradeSeniorTechnicianOrAbove},
        ${r.employerIsMunicipalUnivHospResearch}, ${batchId})
      on conflict (download_ref) do update set
        agency_id = excluded.agency_id, employer_uscc = excluded.employer_uscc, resume_ref = excluded.resume_ref,
        list_price_fen = excluded.list_price_fen, downloaded_on = excluded.downloaded_on,
        counted_by_yingcai = excluded.counted_by_yingcai, offered_annual_salary = excluded.offered_annual_salary,
        employer_region = excluded.employer_region, degree = excluded.degree,
        title_associate_senior_or_above = excluded.title_associate_senior_or_above,
        skill_grade_senior_technician_or_above = excluded.skill_grade_senior_technician_or_above,
        employer_is_municipal_univ_hosp_research = excluded.employer_is_municipal_univ_hosp_research,
        batch_id = excluded.batch_id, updated_at = now()
      where (a5_resume_downloads.agency_id, a5_resume_downloads.employer_uscc, a5_resume_downloads.resume_ref,
             a5_resume_downloads.list_price_fen, a5_resume_downloads.downloaded_on,
             a5_resume_downloads.counted_by_yingcai, a5_resume_downloads.offered_annual_salary,
             a5_resume_downloads.employer_region, a5_resume_downloads.degree,
             a5_resume_downloads.title_associate_senior_or_above,
             a5_resume_downloads.skill_grade_senior_technician_or_above,
             a5_resume_downloads.employer_is_municipal_univ_hosp_research)
        is distinct from (excluded.agency_id, excluded.employer_uscc, excluded.resume_ref, excluded.list_price_fen,
             excluded.downloaded_on, excluded.counted_by_yingcai, excluded.offered_annual_salary,
             excluded.employer_region, excluded.degree, excluded.title_associate_senior_or_above,
             excluded.skill_grade_senior_technician_or_above, excluded.employer_is_municipal_univ_hosp_research)
      returning (xmax = 0) as inserted`);
  }

  async batches() {
    const rows = await this.db
      .select({ batch: activityImportBatches, importedBy: users.displayName })
      .from(activityImportBatches)
      .leftJoin(users, eq(users.id, activityImportBatches.createdBy))
      .orderBy(desc(activityImportBatches.createdAt))
      .limit(50);
    return rows.map((r) => toBatchView(r.batch, r.importedBy));
  }

  async a4Services() {
    const rows = await this.db
      .select({ s: a4EmployerServices, agencyName: agencies.name })
      .from(a4EmployerServices)
      .innerJoin(agencies, eq(agencies.id, a4EmployerServices.agencyId))
      .orderBy(agencies.name, a4EmployerServices.employerUscc)
      .limit(1000);
    return rows.map(({ s, agencyName }) => ({
      id: s.id,
      agencyId: s.agencyId,
      agencyName,
      employerUscc: s.employerUscc,
      employerName: s.employerName,
      served: s.served,
      batchId: s.batchId,
      updatedAt: s.updatedAt.toISOString(),
    }));
  }

  async a5Downloads() {
    const rows = await this.db
      .select({ d: a5ResumeDownloads, agencyName: agencies.name })
      .from(a5ResumeDownloads)
      .innerJoin(agencies, eq(agencies.id, a5ResumeDownloads.agencyId))
      .orderBy(desc(a5ResumeDownloads.downloadedOn), a5ResumeDownloads.downloadRef)
      .limit(1000);
    return rows.map(({ d, agencyName }) => ({
      id: d.id,
      downloadRef: d.downloadRef,
      agencyId: d.agencyId,
      agencyName,
      employerUscc: d.employerUscc,
      resumeRef: d.resumeRef,
      listPriceFen: d.listPriceFen,
      downloadedOn: d.downloadedOn,
      countedByYingcai: d.countedByYingcai,
      offeredAnnualSalary: d.offeredAnnualSalary,
      employerRegion: d.employerRegion,
      degree: d.degree,
      batchId: d.batchId,
      updatedAt: d.updatedAt.toISOString(),
    }));
  }

  async listedAgencies() {
    const rows = await this.db
      .select({ l: yingcaiListedAgencies, agency: agencies })
      .from(yingcaiListedAgencies)
      .innerJoin(agencies, eq(agencies.id, yingcaiListedAgencies.agencyId))
      .orderBy(agencies.name);
    return rows.map(({ l, agency }) => ({
      agencyId: agency.id,
      agencyName: agency.name,
      agencyUscc: agency.uscc,
      listedAt: l.listedAt.toISOString(),
    }));
  }

  /** The city's published list of the 市级线上引才 campaign (003:L7362): A4/A5 need the agency on it. */
  async setListed(actor: Actor, agencyUscc: string, listed: boolean) {
    await this.assertImporter(actor);
    const [agency] = await this.db.select().from(agencies).where(eq(agencies.uscc, agencyUscc.toUpperCase()));
    if (!agency)
      throw new AppError(
        'NOT_FOUND',
        'No agency with this credit code. 平台上没有该统一社会信用代码的机构。',
      );
    await this.db.transaction(async (tx) => {
      if (listed)
        await tx
          .insert(yingcaiListedAgencies)
          .values({ agencyId: agency.id, listedBy: actor.userId })
          .onConflictDoNothing();
      else await tx.delete(yingcaiListedAgencies).where(eq(yingcaiListedAgencies.agencyId, agency.id));
      await recordAudit(tx, {
        actorId: actor.userId,
        action: listed ? 'activity.yingcai_list.add' : 'activity.yingcai_list.remove',
        subjectType: 'agency',
        subjectId: agency.id,
        details: { agencyUscc: agency.uscc },
      });
    });
    return this.listedAgencies();
  }

  private assertImporter(actor: Actor) {
    return assertStaffPermission(
      this.db,
      actor,
      'activity_import',
      'Activity records are imported by designated staff. 活动数据导入仅限指定专人。',
    );
  }
}

function duplicateInFile(kind: Kind, row: number, first: number): RowError {
  return kind === 'A4'
    ? {
        row,
        column: A4_COLUMNS.employerUscc,
        code: 'A4_SERVICE_DUPLICATE',
        message: `与第 ${first} 行重复（同一机构、用人单位）`,
      }
    : {
        row,
        column: A5_COLUMNS.downloadRef,
        code: 'DOWNLOAD_DUPLICATE',
        message: `与第 ${first} 行的下载记录编号重复`,
      };
}

function sameAsStored(kind: Kind, row: number): RowError {
  return kind === 'A4'
    ? { row, column: A4_COLUMNS.employerUscc, code: 'A4_SERVICE_DUPLICATE', message: '已导入，内容相同' }
    : {
        row,
        column: A5_COLUMNS.downloadRef,
        code: 'DOWNLOAD_DUPLICATE',
        message: '该下载记录已导入，内容相同',
      };
}

function toBatchView(r: typeof activityImportBatches.$inferSelect, importedBy: string | null) {
  return {
    batchId: r.id,
    kind: r.kind,
    fileName: r.fileName,
    totalRows: r.totalRows,
    importedRows: r.importedRows,
    updatedRows: r.updatedRows,
    errors: r.errors as RowError[],
    importedBy,
    createdAt: r.createdAt.toISOString(),
  };
}
