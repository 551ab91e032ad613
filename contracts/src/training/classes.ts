import { z } from 'zod';
import { IsoDate } from '../fairs/api';
import { CHONGQING_DISTRICTS } from '../fairs/catalog';

/**
 * Classes (开班申请) with their online plan (线上培训方案, C-3: courses, teachers, duration,
 * platform) that the district approves before the class runs, and real-name enrolment (§2.2).
 */

export const CLASS_PLAN_STATUSES = ['draft', 'submitted', 'approved', 'rejected'] as const;
export type ClassPlanStatus = (typeof CLASS_PLAN_STATUSES)[number];
export const CLASS_PLAN_STATUS_LABELS: Record<ClassPlanStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  approved: '已同意',
  rejected: '已退回',
};

export const JURISDICTIONS = ['CQ', 'national'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];
export const JURISDICTION_LABELS: Record<Jurisdiction, string> = {
  CQ: '重庆市（须区县审核方案）',
  national: '全国通用',
};

export const ENROLMENT_STATUSES = ['enrolled', 'withdrawn'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
export const ENROLMENT_STATUS_LABELS: Record<EnrolmentStatus, string> = {
  enrolled: '已报名',
  withdrawn: '已退出',
};

export const SPONSOR_KINDS = ['individual', 'enterprise'] as const;
export type SponsorKind = (typeof SPONSOR_KINDS)[number];
export const SPONSOR_KIND_LABELS: Record<SponsorKind, string> = {
  individual: '个人报名',
  enterprise: '企业组织',
};

/** E8: staff with a labour contract, or platform workers paid through the platform without one. */
export const WORK_RELATIONS = ['labour_contract', 'platform_worker'] as const;
export type WorkRelation = (typeof WORK_RELATIONS)[number];
export const WORK_RELATION_LABELS: Record<WorkRelation, string> = {
  labour_contract: '签订劳动合同职工',
  platform_worker: '平台从业人员（未建立劳动关系）',
};

/** 答疑测试 (L5772), the 课后考核 score and the 出勤考核 percentage (L7930) the institution records. */
export const ASSESSMENT_KINDS = ['qa', 'quiz', 'exam', 'attendance'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];
export const ASSESSMENT_KIND_LABELS: Record<AssessmentKind, string> = {
  qa: '课中答题',
  quiz: '课后测验',
  exam: '结业考核',
  attendance: '出勤考核（出勤率%）',
};

/** The plan fields C-3 names; submitting without one is CLASS_PLAN_INCOMPLETE. */
export const CLASS_PLAN_FIELDS = ['platform', 'duration', 'teachers'] as const;
export type ClassPlanField = (typeof CLASS_PLAN_FIELDS)[number];
export const CLASS_PLAN_FIELD_LABELS: Record<ClassPlanField, string> = {
  platform: '培训平台',
  duration: '培训时长（学时）',
  teachers: '授课教师',
};

const text = (max: number) => z.string().trim().min(1).max(max);

export const ClassPlanSchema = z
  .object({
    teachers: z.array(text(50)).max(50).default([]),
    /** 学时 per course module; on submission every module of the course with its hours. */
    modules: z
      .array(z.object({ name: text(100), hours: z.number().int().min(1).max(500) }).strict())
      .max(50)
      .default([]),
    scheduleNote: z.string().trim().max(2000).default(''),
  })
  .strict();
export type ClassPlan = z.infer<typeof ClassPlanSchema>;

export const ClassInputSchema = z
  .object({
    courseId: z.string().uuid(),
    name: text(100),
    district: z.enum(CHONGQING_DISTRICTS),
    startsOn: IsoDate,
    endsOn: IsoDate,
    capacity: z.number().int().min(1).max(10000),
    platformId: z.string().uuid().nullable().default(null),
    jurisdiction: z.enum(JURISDICTIONS).default('CQ'),
    plan: ClassPlanSchema.default({ teachers: [], modules: [], scheduleNote: '' }),
  })
  .strict()
  .refine((c) => c.startsOn <= c.endsOn, { message: 'endsOn is before startsOn', path: ['endsOn'] });
export type ClassInput = z.infer<typeof ClassInputSchema>;

export const ClassSchema = z.object({
  id: z.string(),
  name: z.string(),
  course: z.object({ id: z.string(), code: z.string(), title: z.string() }),
  institution: z.object({ id: z.string(), name: z.string() }),
  platform: z.object({ id: z.string(), name: z.string(), url: z.string() }).nullable(),
  district: z.string(),
  jurisdiction: z.enum(JURISDICTIONS),
  startsOn: z.string(),
  endsOn: z.string(),
  capacity: z.number().int().nullable(),
  enrolled: z.number().int(),
  plan: z.object({
    teachers: z.array(z.string()),
    modules: z.array(z.object({ name: z.string(), hours: z.number() })),
    scheduleNote: z.string(),
  }),
  planStatus: z.enum(CLASS_PLAN_STATUSES),
  planSubmittedAt: z.string().nullable(),
  planDecidedAt: z.string().nullable(),
  planDecisionReason: z.string().nullable(),
});
export type ClassView = z.infer<typeof ClassSchema>;

export const ClassPlanDecisionSchema = z
  .object({ decision: z.enum(['approve', 'reject']), reason: z.string().trim().max(500).optional() })
  .strict();
export type ClassPlanDecision = z.infer<typeof ClassPlanDecisionSchema>;

export const InstitutionMemberInputSchema = z
  .object({ identifier: z.string().trim().min(3).max(100) })
  .strict();
export const InstitutionMemberSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  createdAt: z.string(),
});
export type InstitutionMemberView = z.infer<typeof InstitutionMemberSchema>;

export const EnrolmentSchema = z.object({
  id: z.string(),
  status: z.enum(ENROLMENT_STATUSES),
  sponsorKind: z.enum(SPONSOR_KINDS),
  workRelation: z.enum(WORK_RELATIONS).nullable(),
  completionStatus: z.string().nullable(),
  enrolledAt: z.string(),
  class: z.object({ id: z.string(), name: z.string(), startsOn: z.string(), endsOn: z.string() }),
  course: z.object({ id: z.string(), title: z.string() }),
  institution: z.object({ id: z.string(), name: z.string() }),
});
export type EnrolmentView = z.infer<typeof EnrolmentSchema>;

export const SponsoredEnrolmentInputSchema = z
  .object({
    staff: z
      .array(
        z
          .object({
            realName: text(50),
            idNumber: z.string().trim().toUpperCase(),
            workRelation: z.enum(WORK_RELATIONS),
          })
          .strict(),
      )
      .min(1)
      .max(500),
  })
  .strict();
export type SponsoredEnrolmentInput = z.infer<typeof SponsoredEnrolmentInputSchema>;

/** Per-row outcome of an enterprise's staff list; the valid rows are kept. */
export const SPONSOR_ROW_RESULTS = [
  'enrolled',
  'already_enrolled',
  'ID_NUMBER_INVALID',
  'TRAINEE_NOT_REGISTERED',
  'NAME_MISMATCH',
  'CLASS_FULL',
] as const;
export type SponsorRowResult = (typeof SPONSOR_ROW_RESULTS)[number];
export const SPONSOR_ROW_RESULT_LABELS: Record<SponsorRowResult, string> = {
  enrolled: '已报名',
  already_enrolled: '已在班中',
  ID_NUMBER_INVALID: '身份证号码校验不通过',
  TRAINEE_NOT_REGISTERED: '该职工尚未注册实名学员',
  NAME_MISMATCH: '姓名与实名信息不一致',
  CLASS_FULL: '班级名额已满',
};

export const SponsoredEnrolmentResultSchema = z.object({
  rows: z.array(
    z.object({
      index: z.number().int(),
      realName: z.string(),
      idNumberMasked: z.string(),
      result: z.enum(SPONSOR_ROW_RESULTS),
      enrolmentId: z.string().nullable(),
    }),
  ),
  enrolled: z.number().int(),
});
export type SponsoredEnrolmentResult = z.infer<typeof SponsoredEnrolmentResultSchema>;

export const RosterEntrySchema = z.object({
  enrolmentId: z.string(),
  realName: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  status: z.enum(ENROLMENT_STATUSES),
  sponsorKind: z.enum(SPONSOR_KINDS),
  workRelation: z.enum(WORK_RELATIONS).nullable(),
  signedInAt: z.string().nullable(),
  completionStatus: z.string().nullable(),
  assessments: z.array(z.object({ kind: z.enum(ASSESSMENT_KINDS), score: z.number().nullable() })),
  offlineXueshi: z.number(),
});
export type RosterEntry = z.infer<typeof RosterEntrySchema>;

export const AssessmentInputSchema = z
  .object({ kind: z.enum(ASSESSMENT_KINDS), score: z.number().int().min(0).max(100) })
  .strict();
export const OfflineAttendanceInputSchema = z
  .object({ module: text(100), xueshi: z.number().int().min(1).max(500) })
  .strict();

export interface ClassPlanCheck {
  /** Plan fields C-3 requires that are missing: CLASS_PLAN_INCOMPLETE. */
  missing: ClassPlanField[];
  /** Modules whose planned 学时 differ from the course's: CLASS_PLAN_HOURS_MISMATCH. */
  mismatched: { module: string; planned: number | null; course: number }[];
}

/**
 * Whether a plan can be submitted (C-3, TR-5): a platform when any hours are online, teachers,
 * and the 学时 of every course module as the course sets them.
 */
export function checkClassPlan(
  course: { modules: { name: string; hours: number; delivery: 'online' | 'offline' }[] },
  cls: { platformId: string | null; plan: ClassPlan },
): ClassPlanCheck {
  const missing: ClassPlanField[] = [];
  const hasOnline = course.modules.some((m) => m.delivery === 'online');
  if (hasOnline && !cls.platformId) missing.push('platform');
  if (!cls.plan.modules.length) missing.push('duration');
  if (!cls.plan.teachers.length) missing.push('teachers');
  const planned = new Map(cls.plan.modules.map((m) => [m.name, m.hours]));
  const mismatched = cls.plan.modules.length
    ? course.modules
        .filter((m) => planned.get(m.name) !== m.hours)
        .map((m) => ({ module: m.name, planned: planned.get(m.name) ?? null, course: m.hours }))
    : [];
  return { missing, mismatched };
}
