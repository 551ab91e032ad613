import { makeUnifiedSocialCreditCode } from '@platform/contracts';
import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../infra/database/database';
import {
  a4EmployerServices,
  a5ResumeDownloads,
  activityImportBatches,
  agencies,
  employers,
  subsidyPeriods,
  users,
  yingcaiListedAgencies,
} from '../schema';

const DEMO_AGENCY_PHONE = '13800000004';
const DEMO_ORGANIZER_PHONE = '13800000002';

/** 重庆英才网 downloads of the demo agency: two 人才 (by degree), one not counted, one not 人才. */
const DOWNLOADS = [
  { ref: 'YC-2020-000101', priceFen: 3_000, on: '2020-05-12', counted: true, salary: null, degree: 'MASTER' },
  { ref: 'YC-2020-000102', priceFen: 1_500, on: '2020-05-20', counted: true, salary: null, degree: 'PHD' },
  {
    ref: 'YC-2020-000103',
    priceFen: 3_000,
    on: '2020-06-02',
    counted: false,
    salary: null,
    degree: 'MASTER',
  },
  {
    ref: 'YC-2020-000104',
    priceFen: 3_000,
    on: '2020-06-08',
    counted: true,
    salary: 96_000,
    degree: 'BACHELOR',
  },
] as const;

/**
 * The activity side of the demo (A3-A5): the 2020 fair's selections of the demo agency come from
 * the generated fair; this adds a period that settles the activities, the demo agency on the
 * 引才 published list, and one A4 and one A5 batch as the staff import would bring. Idempotent.
 */
export async function seedActivityDemo(db: Database): Promise<string> {
  const [agency] = await db
    .select({ id: agencies.id })
    .from(agencies)
    .innerJoin(users, eq(users.id, agencies.ownerUserId))
    .where(eq(users.phone, DEMO_AGENCY_PHONE));
  if (!agency) return 'no demo agency profile yet; activity records skipped';
  const [present] = await db.select({ n: sql<number>`count(*)::int` }).from(activityImportBatches);
  if (present.n > 0) return 'activity records present; left as they are';
  const [organizer] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.phone, DEMO_ORGANIZER_PHONE));
  const units = await db
    .select({ uscc: employers.uscc, name: employers.name })
    .from(employers)
    .orderBy(asc(employers.name))
    .limit(3);
  const staff = organizer?.id ?? null;
  await db.transaction(async (tx) => {
    await tx
      .insert(subsidyPeriods)
      .values({
        label: '2020年9月（双选会与线上引才活动结算）',
        fromDate: '2020-09-01',
        toDate: '2020-09-30',
        activitySettlementDate: '2020-09-15',
        createdBy: staff,
      })
      .onConflictDoNothing();
    await tx
      .insert(yingcaiListedAgencies)
      .values({ agencyId: agency.id, listedBy: staff })
      .onConflictDoNothing();
    const [a4] = await tx
      .insert(activityImportBatches)
      .values({
        kind: 'A4',
        fileName: '线上引才服务单位-2020（演示）.xlsx',
        totalRows: units.length,
        importedRows: units.length,
        createdBy: staff,
      })
      .returning();
    await tx.insert(a4EmployerServices).values(
      units.map((u, i) => ({
        agencyId: agency.id,
        employerUscc: u.uscc,
        employerName: u.name,
        served: i < 2,
        batchId: a4.id,
      })),
    );
    const [a5] = await tx
      .insert(activityImportBatches)
      .values({
        kind: 'A5',
        fileName: '简历下载统计-2020（演示）.xlsx',
        totalRows: DOWNLOADS.length,
        importedRows: DOWNLOADS.length,
        createdBy: staff,
      })
      .returning();
    await tx.insert(a5ResumeDownloads).values(
      DOWNLOADS.map((d, i) => ({
        downloadRef: d.ref,
        agencyId: agency.id,
        employerUscc: units[0]?.uscc ?? makeUnifiedSocialCreditCode(1),
        resumeRef: `YC-R-${String(8_000 + i)}`,
        listPriceFen: d.priceFen,
        downloadedOn: d.on,
        countedByYingcai: d.counted,
        offeredAnnualSalary: d.salary,
        employerRegion: 'MAIN_CITY' as const,
        degree: d.degree,
        titleAssociateSeniorOrAbove: false,
        skillGradeSeniorTechnicianOrAbove: false,
        employerIsMunicipalUnivHospResearch: false,
        batchId: a5.id,
      })),
    );
  });
  return 'activity demo: a settling period (2020-09-15), the demo agency on the 引才 list, A4 and A5 batches';
}
