import { z } from 'zod';
import { policyVersionInput } from '../training/policy';
import { WORKER_CATEGORIES } from './input';

/**
 * The values of subsidies.md §9 that Algorithm 1 reads, as one versioned policy. Amounts are fen.
 * Values the sources do not give are null: a rule that needs one puts its line on HOLD with
 * POLICY_VALUE_MISSING ("manual") instead of guessing. Derived values (e.g. the A2 window end =
 * epidemic end + 3 months) are computed when their own field is null.
 */
const day = z.string().date();
const categories = z.array(z.enum(WORKER_CATEGORIES));

/** How the loader decides A3's "served" (subsidies.md §9 A3_SERVED_DEFINITION). */
export const A3_SERVED_DEFINITIONS = ['POSITION_PUBLISHED', 'SELECTED'] as const;
export type A3ServedDefinition = (typeof A3_SERVED_DEFINITIONS)[number];

export const AgencySubsidyPolicyValuesSchema = z
  .object({
    /** 疫情结束 [GAP]: set by an administrator. */
    epidemicEndDate: day.nullable(),
    /** End of 重庆 一级响应 [GAP/EXTERNAL]: the default A1 window end. */
    cqLevel1ResponseEndDate: day.nullable(),
    deadlineInclusive: z.boolean(),
    kWindowStart: day,
    /** null: cqLevel1ResponseEndDate. */
    kWindowEnd: day.nullable(),
    kWindowAnchor: z.enum(['contractSignDate', 'contractStartDate', 'referralDate']),
    kAmountBasicFen: z.number().int().min(0),
    kAmountHardFen: z.number().int().min(0),
    kBasicCategories: categories,
    kHardCategories: categories,
    minContractMonths: z.number().int().min(1).max(120),
    minSiMonths: z.number().int().min(1).max(60),
    siMonthsMustBeConsecutive: z.boolean(),
    countWaivedEmployerMonths: z.boolean(),
    countDeferredOnlyWhenPaid: z.boolean(),
    gAmountFen: z.number().int().min(0),
    gGradWindowYears: z.number().int().min(1).max(10),
    gWindowStart: day,
    /** null: epidemicEndDate + 3 months. */
    gWindowEnd: day.nullable(),
    gRequireApprovedParticipant: z.boolean(),
    gRequireActivityChannel: z.boolean(),
    allowStacking: z.boolean(),
    maxPaidPlacementsPerWorker: z.number().int().min(1).max(10),
    rehireLookbackMonths: z.number().int().min(0).max(120),
    claimDeadlineA1: day.nullable(),
    claimDeadlineA2: day.nullable(),
    a3AmountPerEmployerFen: z.number().int().min(0),
    a3MaxAgenciesPerEmployer: z.number().int().min(1).max(20),
    a3RegDeadline: day,
    /**
     * What "提供网络招聘服务" means for A3 (INFERRED, §9 A3_SERVED_DEFINITION):
     * POSITION_PUBLISHED — the employer published ≥1 position in the fair while it had chosen the
     * agency, by the settlement day; SELECTED — choosing the agency is enough.
     */
    a3ServedDefinition: z.enum(A3_SERVED_DEFINITIONS).default('POSITION_PUBLISHED'),
    a4AmountPerEmployerFen: z.number().int().min(0),
    a5ReliefPerResumeFen: z.number().int().min(0),
    /** null: epidemicEndDate + 3 months. */
    a4a5ValidTo: day.nullable(),
    /** null: epidemicEndDate + 3 months. */
    activitySettlementDeadline: day.nullable(),
    /** 元 per year, inclusive floors by the employer's region (003:L7366-7369). */
    talentSalaryFloors: z.object({
      MAIN_CITY: z.number().int().min(0),
      NORTHEAST_SOUTHEAST: z.number().int().min(0),
      OTHER: z.number().int().min(0),
    }),
    /** A6-A8 national "按规定" amounts [GAP]: empty means no computation. */
    nationalRateTables: z
      .array(
        z.object({
          scheme: z.enum(['A6_JOB_INTRODUCTION', 'A7_LABOUR_EXPORT', 'A8_POOR_LABOUR_EXPORT']),
          amountFen: z.number().int().min(0),
          citation: z.string().max(200),
        }),
      )
      .max(10),
    /** 公示 length and the PRC working-day calendar as data. */
    noticeWorkingDays: z.number().int().min(1).max(30),
    holidays: z.array(day).max(400),
    makeUpWorkdays: z.array(day).max(100),
  })
  .strict();
export type AgencySubsidyPolicyValues = z.infer<typeof AgencySubsidyPolicyValuesSchema>;
export interface AgencySubsidyPolicy {
  version: string;
  values: AgencySubsidyPolicyValues;
}

/** Chongqing 2020 defaults from the seed documents; [GAP] dates stay null until an admin sets them. */
export const DEFAULT_AGENCY_SUBSIDY_POLICY: AgencySubsidyPolicy = {
  version: 'cq-2020-defaults',
  values: {
    epidemicEndDate: null,
    cqLevel1ResponseEndDate: null,
    deadlineInclusive: true,
    kWindowStart: '2020-02-22',
    kWindowEnd: null,
    kWindowAnchor: 'contractSignDate',
    kAmountBasicFen: 20_000,
    kAmountHardFen: 50_000,
    kBasicCategories: ['REGISTERED_UNEMPLOYED', 'MIGRANT_WORKER'],
    kHardCategories: ['EMPLOYMENT_DIFFICULTY', 'REGISTERED_POOR'],
    minContractMonths: 12,
    minSiMonths: 6,
    siMonthsMustBeConsecutive: false,
    countWaivedEmployerMonths: true,
    countDeferredOnlyWhenPaid: true,
    gAmountFen: 50_000,
    gGradWindowYears: 2,
    gWindowStart: '2020-03-05',
    gWindowEnd: null,
    gRequireApprovedParticipant: true,
    gRequireActivityChannel: true,
    allowStacking: false,
    maxPaidPlacementsPerWorker: 1,
    rehireLookbackMonths: 12,
    claimDeadlineA1: null,
    claimDeadlineA2: null,
    a3AmountPerEmployerFen: 20_000,
    a3MaxAgenciesPerEmployer: 3,
    a3RegDeadline: '2020-03-04',
    a3ServedDefinition: 'POSITION_PUBLISHED',
    a4AmountPerEmployerFen: 20_000,
    a5ReliefPerResumeFen: 2_000,
    a4a5ValidTo: null,
    activitySettlementDeadline: null,
    talentSalaryFloors: { MAIN_CITY: 150_000, NORTHEAST_SOUTHEAST: 100_000, OTHER: 120_000 },
    nationalRateTables: [],
    noticeWorkingDays: 5,
    holidays: [],
    makeUpWorkdays: [],
  },
};

export const AgencySubsidyPolicyInputSchema = policyVersionInput(AgencySubsidyPolicyValuesSchema);
export type AgencySubsidyPolicyInput = z.infer<typeof AgencySubsidyPolicyInputSchema>;
