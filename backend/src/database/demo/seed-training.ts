import {
  businessDate,
  COURSE_DESIGN_RULES,
  DEFAULT_SUBSIDY_POLICY_VALUES,
  DEFAULT_TRAINING_POLICY,
  CourseInput,
  makeUnifiedSocialCreditCode,
  maskIdNumber,
} from '@platform/contracts';
import { eq } from 'drizzle-orm';
import type { Database } from '../../infra/database/database';
import type { PiiCipher } from '../../common/pii/pii-cipher';
import { addDays } from './demo-dates';
import {
  catalogueListings,
  searchOutbox,
  seekerProfiles,
  trainingClasses,
  trainingCourses,
  trainingInstitutionMembers,
  trainingInstitutions,
  trainingPlatforms,
  trainingPolicyVersions,
  trainingSubsidyPolicyVersions,
  users,
} from '../schema';

/** The demo student's identity: a made-up number with a correct GB 11643 check digit. */
export const DEMO_STUDENT_IDENTITY = { realName: '李明', idNumber: '500103199805061235' };
export const DEMO_STUDENT_PHONE = '13800000005';
export const DEMO_INSTITUTION_PHONE = '13800000006';
const SOURCE = '渝人社办〔2020〕28号（演示数据）';

type CourseSeed = Omit<CourseInput, 'institutionId' | 'platformId' | 'description'> & { description: string };

const INSTITUTIONS = [
  { serial: 860001, name: '重庆山城职业培训学校', kind: 'training_institution' as const, district: '渝北区' },
  {
    serial: 860002,
    name: '重庆市渝中区家政服务职业培训中心',
    kind: 'training_institution' as const,
    district: '渝中区',
  },
];

const COURSES: CourseSeed[][] = [
  [
    {
      code: 'DEMO-YY-5',
      title: '育婴员（五级）线上培训',
      occupation: '育婴员',
      level: 'level5',
      kind: 'domestic_service',
      description: '婴幼儿生活照料、日常保健与早期发展，理论线上学习，实训线下完成。',
      modules: [
        { name: '理论知识', kind: 'theory', hours: 40, delivery: 'online' },
        { name: '居家实操练习', kind: 'practical', hours: 12, delivery: 'online' },
        { name: '线下实训', kind: 'practical', hours: 8, delivery: 'offline' },
      ],
    },
    {
      code: 'DEMO-DG-4',
      title: '电工（四级）理论线上培训',
      occupation: '电工',
      level: 'level4',
      kind: 'skills',
      description: '电工基础、安全用电与法规，实操部分在公共实训基地进行。',
      modules: [
        { name: '电工理论与安全规范', kind: 'theory', hours: 48, delivery: 'online' },
        { name: '线下实操', kind: 'practical', hours: 32, delivery: 'offline' },
      ],
    },
  ],
  [
    {
      code: 'DEMO-YL-5',
      title: '养老护理员（五级）线上培训',
      occupation: '养老护理员',
      level: 'level5',
      kind: 'domestic_service',
      description: '老年人生活照料、基础护理与心理疏导。',
      modules: [
        { name: '理论知识', kind: 'theory', hours: 36, delivery: 'online' },
        { name: '线下实训', kind: 'practical', hours: 12, delivery: 'offline' },
      ],
    },
  ],
];

/**
 * The training demo (idempotent, skipped when its first institution exists): two catalogued
 * institutions with published courses listed from 30 days ago, one class per course with an
 * approved plan running now, the demo institution account linked to the first institution,
 * and the demo student verified under a real name.
 */
export async function seedTrainingDemo(db: Database, pii: PiiCipher): Promise<void> {
  await verifyDemoStudent(db, pii);
  const firstCode = makeUnifiedSocialCreditCode(INSTITUTIONS[0].serial);
  const [done] = await db
    .select({ id: trainingInstitutions.id })
    .from(trainingInstitutions)
    .where(eq(trainingInstitutions.unifiedSocialCreditCode, firstCode));
  if (done) return;
  const today = businessDate();
  const listedFrom = addDays(today, -30);
  await db.transaction(async (tx) => {
    const [site] = await tx
      .insert(trainingPlatforms)
      .values({
        name: '中国职业培训在线',
        url: 'http://px.class.com.cn',
        kind: 'mohrss',
        operator: '人力资源社会保障部',
      })
      .returning();
    await tx
      .insert(catalogueListings)
      .values({ catalogue: 'platform', subjectId: site.id, listedFrom, source: SOURCE });
    const [account] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.phone, DEMO_INSTITUTION_PHONE));
    for (const [i, spec] of INSTITUTIONS.entries()) {
      const [school] = await tx
        .insert(trainingInstitutions)
        .values({
          name: spec.name,
          unifiedSocialCreditCode: makeUnifiedSocialCreditCode(spec.serial),
          kind: spec.kind,
          district: spec.district,
        })
        .returning();
      await tx
        .insert(catalogueListings)
        .values({ catalogue: 'institution', subjectId: school.id, listedFrom, source: SOURCE });
      if (i === 0 && account)
        await tx.insert(trainingInstitutionMembers).values({ institutionId: school.id, userId: account.id });
      for (const course of COURSES[i]) {
        const [row] = await tx
          .insert(trainingCourses)
          .values({
            ...course,
            institutionId: school.id,
            platformId: site.id,
            status: 'published',
            rulesVersion: COURSE_DESIGN_RULES.version,
          })
          .returning();
        await tx
          .insert(catalogueListings)
          .values({ catalogue: 'project', subjectId: row.id, listedFrom, source: SOURCE });
        await tx.insert(searchOutbox).values({ entity: 'course', entityId: row.id });
        await tx.insert(trainingClasses).values({
          courseId: row.id,
          institutionId: school.id,
          platformId: site.id,
          name: `${course.title}（第1期）`,
          district: spec.district,
          startsOn: addDays(today, -3),
          endsOn: addDays(today, 45),
          capacity: 40,
          plan: {
            teachers: ['王芳', '陈建国'],
            modules: course.modules.map((m) => ({ name: m.name, hours: m.hours })),
            scheduleNote: '每周一、三、五晚 19:00-21:00 直播授课，其余时间录播自学',
          },
          planStatus: 'approved',
          planSubmittedAt: new Date(),
          planDecidedAt: new Date(),
        });
      }
    }
    await seedDemoPolicies(tx, today);
  });
}

/**
 * The sources' programme ran 2020–2021 (T1), so nothing learnt today would count under the
 * defaults. The demo carries the programme on, as an administrator would by a new version, and
 * sets local subsidy standards for its courses — both marked as demo values.
 */
async function seedDemoPolicies(tx: Pick<Database, 'insert'>, today: string): Promise<void> {
  const programWindow = { from: '2020-01-01', to: `${Number(today.slice(0, 4)) + 1}-12-31` };
  const note = '演示数据：计划延续实施至次年年底；补贴标准为演示值，非政策原文。';
  await tx.insert(trainingPolicyVersions).values({
    version: 'demo-continuation',
    effectiveFrom: new Date(),
    values: { ...DEFAULT_TRAINING_POLICY.values, programWindow },
    note,
  });
  const standards = COURSES.flat().map((c) => ({
    occupation: c.occupation,
    level: c.level,
    amount: c.level === 'level4' ? 1600 : 1200,
  }));
  await tx.insert(trainingSubsidyPolicyVersions).values({
    version: 'demo-continuation',
    effectiveFrom: new Date(),
    values: { ...DEFAULT_SUBSIDY_POLICY_VALUES, programWindow, localStandards: standards },
    note,
  });
}

/** The demo student's account, when the seed has made it. */
export async function findDemoStudent(db: Database): Promise<{ id: string } | undefined> {
  const [student] = await db.select({ id: users.id }).from(users).where(eq(users.phone, DEMO_STUDENT_PHONE));
  return student;
}

/** The demo student is a trainee under a real name, so enrolment works at once in the demo. */
async function verifyDemoStudent(db: Database, pii: PiiCipher): Promise<void> {
  const student = await findDemoStudent(db);
  if (!student) return;
  const [profile] = await db.select().from(seekerProfiles).where(eq(seekerProfiles.userId, student.id));
  if (profile?.verifiedAt) return;
  const { realName, idNumber } = DEMO_STUDENT_IDENTITY;
  const values = {
    realName,
    idNumberCipher: pii.encrypt(idNumber),
    idNumberHash: pii.lookupHash(idNumber),
    idNumberMasked: maskIdNumber(idNumber),
    verifiedAt: new Date(),
    updatedAt: new Date(),
  };
  await db
    .insert(seekerProfiles)
    .values({ userId: student.id, ...values })
    .onConflictDoUpdate({ target: seekerProfiles.userId, set: values });
}
