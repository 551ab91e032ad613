import {
  DEFAULT_AGENCY_SUBSIDY_POLICY,
  maskIdNumber,
  type SiStatus,
  type WorkerCategory,
} from '@platform/contracts';
import { asc, eq, sql } from 'drizzle-orm';
import { PiiCipher } from '../../common/pii/pii-cipher';
import { loadConfig } from '../../config/config';
import { createDatabase, createPool, type Database } from '../../infra/database/database';
import { DEFAULT_AGENCY_POLICY_EFFECTIVE_FROM } from '../../modules/agency-subsidy-data/agency-subsidy-policy.service';
import {
  agencies,
  agencyPlacements,
  agencySubsidyPolicyVersions,
  employers,
  keyEnterpriseRegistry,
  seekerProfiles,
  siImportBatches,
  socialInsuranceMonths,
  subsidyWorkers,
  users,
} from '../schema';
import { seedActivityDemo } from './seed-activity-records';
import { seedDemoStudentResume } from './seed-student-resume';
import { DEMO_STUDENT_IDENTITY, DEMO_STUDENT_PHONE } from './seed-training';

const DEMO_AGENCY_PHONE = '13800000004';
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A made-up 身份证 number of Chongqing 渝中区 with a correct GB 11643 check digit. */
export function demoIdNumber(birth: string, serial: number): string {
  const first17 = `500103${birth}${String(serial).padStart(3, '0')}`;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}

interface DemoPlacement {
  name: string;
  idNumber: string;
  phone: string;
  categories: WorkerCategory[];
  schoolLeaveDate?: string;
  unemploymentRegistrationDate?: string;
  employer: number;
  position: string;
  referral: string;
  sign: string;
  end: string | null;
  channel: 'A3_ACTIVITY' | 'A4_ACTIVITY' | 'OTHER';
  feeFen: number;
  /** 社保 months from the contract start: how many, and the status of each (default PAID). */
  si: { months: number; statuses?: Partial<Record<number, SiStatus>> };
}

/**
 * 2020 placements of the demo agency (山城人力资源服务公司) into generated employers, with the
 * 社保 months a staff import would bring: some mature (≥6 months), one short, one with a
 * waived and a deferred month, one charging a fee; the demo student (李明) is one of them.
 */
const PLACEMENTS: DemoPlacement[] = [
  {
    name: DEMO_STUDENT_IDENTITY.realName,
    idNumber: DEMO_STUDENT_IDENTITY.idNumber,
    phone: DEMO_STUDENT_PHONE,
    categories: ['COLLEGE_GRAD', 'REGISTERED_UNEMPLOYED'],
    schoolLeaveDate: '2019-07-01',
    unemploymentRegistrationDate: '2019-09-10',
    employer: 0,
    position: 'Java 开发工程师',
    referral: '2020-03-06',
    sign: '2020-03-16',
    end: '2023-03-15',
    channel: 'A3_ACTIVITY',
    feeFen: 0,
    si: { months: 8 },
  },
  {
    name: '王小芳',
    idNumber: demoIdNumber('19900412', 221),
    phone: '13900001001',
    categories: ['MIGRANT_WORKER'],
    employer: 1,
    position: '装配工',
    referral: '2020-02-25',
    sign: '2020-03-02',
    end: '2021-03-01',
    channel: 'OTHER',
    feeFen: 0,
    si: { months: 7, statuses: { 0: 'EMPLOYER_PART_WAIVED_INDIVIDUAL_PAID', 1: 'DEFERRED_PAID' } },
  },
  {
    name: '陈建国',
    idNumber: demoIdNumber('19781103', 315),
    phone: '13900001002',
    categories: ['EMPLOYMENT_DIFFICULTY'],
    employer: 1,
    position: '仓储管理员',
    referral: '2020-03-01',
    sign: '2020-03-09',
    end: null,
    channel: 'OTHER',
    feeFen: 0,
    si: { months: 6 },
  },
  {
    name: '刘婷',
    idNumber: demoIdNumber('19990620', 128),
    phone: '13900001003',
    categories: ['COLLEGE_GRAD'],
    schoolLeaveDate: '2019-06-30',
    unemploymentRegistrationDate: '2019-10-08',
    employer: 2,
    position: '行政专员',
    referral: '2020-03-10',
    sign: '2020-03-20',
    end: '2021-03-19',
    channel: 'A3_ACTIVITY',
    feeFen: 30_000,
    si: { months: 6 },
  },
  {
    name: '张伟',
    idNumber: demoIdNumber('19850915', 417),
    phone: '13900001004',
    categories: ['REGISTERED_POOR', 'MIGRANT_WORKER'],
    employer: 3,
    position: '焊工',
    referral: '2020-04-02',
    sign: '2020-04-10',
    end: '2022-04-09',
    channel: 'OTHER',
    feeFen: 0,
    si: { months: 4, statuses: { 3: 'DEFERRED_UNPAID' } },
  },
];

function monthsFrom(start: string, count: number): string[] {
  const [y, m] = start.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const index = y * 12 + (m - 1) + i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/** The policy defaults as a stored version, so every decision can name a row. Idempotent. */
export async function seedAgencySubsidyPolicy(db: Database): Promise<void> {
  await db
    .insert(agencySubsidyPolicyVersions)
    .values({
      version: DEFAULT_AGENCY_SUBSIDY_POLICY.version,
      effectiveFrom: new Date(DEFAULT_AGENCY_POLICY_EFFECTIVE_FROM),
      values: DEFAULT_AGENCY_SUBSIDY_POLICY.values as Record<string, unknown>,
      note: '重庆 2020 政策默认值（渝人社发〔2020〕13号、渝人社〔2020〕66号、渝人社办〔2020〕37号）；原文未给出的日期为空，须由管理员设定。',
    })
    .onConflictDoNothing();
}

/**
 * Placements, 社保 months and a key-enterprise registry for the demo agency; runs after the
 * generated fair (it needs the demo agency's profile and employers). Skipped when present.
 */
export async function seedAgencySubsidyDemo(db: Database, pii: PiiCipher): Promise<string> {
  await seedAgencySubsidyPolicy(db);
  const [agency] = await db
    .select({ id: agencies.id, ownerUserId: agencies.ownerUserId })
    .from(agencies)
    .innerJoin(users, eq(users.id, agencies.ownerUserId))
    .where(eq(users.phone, DEMO_AGENCY_PHONE));
  if (!agency) return 'no demo agency profile yet (generate the demo fair first); agency subsidies skipped';
  const [existing] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(agencyPlacements)
    .where(eq(agencyPlacements.agencyId, agency.id));
  if (existing.n > 0) return 'agency-subsidy demo present; left as it is';
  const units = await db
    .select({ id: employers.id, uscc: employers.uscc, name: employers.name })
    .from(employers)
    .where(eq(employers.unitType, 'enterprise'))
    .orderBy(asc(employers.name))
    .limit(4);
  if (units.length < 4) return 'fewer than four employers; agency subsidies skipped';
  await db.transaction(async (tx) => {
    await tx.insert(keyEnterpriseRegistry).values([
      {
        uscc: units[1].uscc,
        name: units[1].name,
        listName: '制造业产业链龙头企业',
        fromDate: '2020-02-22',
        toDate: null,
      },
      {
        uscc: units[3].uscc,
        name: units[3].name,
        listName: '工业“双百企业”',
        fromDate: '2020-02-22',
        toDate: '2020-12-31',
      },
    ]);
    const [batch] = await tx
      .insert(siImportBatches)
      .values({ fileName: '社保缴费明细-2020（演示）.xlsx', totalRows: 0, importedRows: 0 })
      .returning();
    let siRows = 0;
    for (const p of PLACEMENTS) {
      const hash = pii.lookupHash(p.idNumber);
      const [profile] = await tx
        .select({ userId: seekerProfiles.userId })
        .from(seekerProfiles)
        .where(eq(seekerProfiles.idNumberHash, hash));
      const [worker] = await tx
        .insert(subsidyWorkers)
        .values({
          idNumberHash: hash,
          idNumberCipher: pii.encrypt(p.idNumber),
          idNumberMasked: maskIdNumber(p.idNumber) ?? '',
          realName: p.name,
          phone: p.phone,
          categories: p.categories,
          schoolLeaveDate: p.schoolLeaveDate ?? null,
          unemploymentRegistrationDate: p.unemploymentRegistrationDate ?? null,
          userId: profile?.userId ?? null,
        })
        .onConflictDoUpdate({ target: subsidyWorkers.idNumberHash, set: { updatedAt: new Date() } })
        .returning({ id: subsidyWorkers.id });
      const unit = units[p.employer];
      const start = p.sign;
      await tx.insert(agencyPlacements).values({
        agencyId: agency.id,
        workerId: worker.id,
        employerId: unit.id,
        positionTitle: p.position,
        referralDate: p.referral,
        channel: p.channel,
        feeChargedFen: p.feeFen,
        contractKey: `${unit.uscc}:${p.sign}`,
        contractPartyUscc: unit.uscc,
        signDate: p.sign,
        startDate: start,
        endDate: p.end,
        openEnded: p.end === null,
        claimDate: '2020-11-02',
        source: 'manual',
        createdBy: agency.ownerUserId,
      });
      const months = monthsFrom(start, p.si.months);
      await tx.insert(socialInsuranceMonths).values(
        months.map((month, i) => ({
          workerId: worker.id,
          employerUscc: unit.uscc,
          month,
          status: p.si.statuses?.[i] ?? 'PAID',
          batchId: batch.id,
        })),
      );
      siRows += months.length;
    }
    await tx
      .update(siImportBatches)
      .set({ totalRows: siRows, importedRows: siRows })
      .where(eq(siImportBatches.id, batch.id));
  });
  return `agency-subsidy demo: ${PLACEMENTS.length} placements, 社保 months, 2 key enterprises`;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const pool = createPool(config.DATABASE_URL, 1);
  try {
    const db = createDatabase(pool);
    console.log(`  ${await seedAgencySubsidyDemo(db, new PiiCipher(config))}`);
    console.log(`  ${await seedActivityDemo(db)}`);
    console.log(`  ${await seedDemoStudentResume(db)}`);
  } finally {
    await pool.end();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
