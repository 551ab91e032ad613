import { z } from 'zod';

/**
 * The documented input of Algorithm 1 (subsidies.md §5.1) for one agency and one period: every
 * fact a line is decided on. A computed line stores the slice of this input it used, so it can
 * be replayed; `npm run subsidy:evaluate` reads exactly this shape (docs/subsidy-input.md).
 * Money is integer fen (分); dates are business dates (Asia/Shanghai) as YYYY-MM-DD.
 */
const day = z.string().date();
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const fen = z.number().int();

export const LICENCE_STATUSES = ['LICENSED', 'FILED', 'NONE'] as const;
export const WORKER_CATEGORIES = [
  'REGISTERED_UNEMPLOYED',
  'MIGRANT_WORKER',
  'EMPLOYMENT_DIFFICULTY',
  'REGISTERED_POOR',
  'COLLEGE_GRAD',
] as const;
export type WorkerCategory = (typeof WORKER_CATEGORIES)[number];
export const ORG_TYPES = [
  'ENTERPRISE',
  'PUBLIC_INSTITUTION',
  'GOV_ORGAN',
  'SOCIAL_ORG',
  'INDIVIDUAL_BUSINESS',
] as const;
export const PLACEMENT_CHANNELS = ['A3_ACTIVITY', 'A4_ACTIVITY', 'OTHER'] as const;
export const SI_STATUSES = [
  'PAID',
  'EMPLOYER_PART_WAIVED_INDIVIDUAL_PAID',
  'DEFERRED_UNPAID',
  'DEFERRED_PAID',
  'UNPAID',
] as const;
export type SiStatus = (typeof SI_STATUSES)[number];
export const EMPLOYER_REGIONS = ['MAIN_CITY', 'NORTHEAST_SOUTHEAST', 'OTHER'] as const;
export const DEGREES = ['PHD', 'MASTER', 'BACHELOR', 'COLLEGE', 'OTHER'] as const;

export const AgencyFactsSchema = z.object({
  agencyId: z.string().min(1),
  creditCode: z.string().min(1),
  licenceStatus: z.enum(LICENCE_STATUSES),
  blacklisted: z.boolean(),
  district: z.string().nullable().default(null),
  /** Approved for the 网络双选 activity (A3) on this day; null when not approved. */
  a3ApprovedOn: day.nullable(),
  a3RegisteredOn: day.nullable(),
  /** On the published list of the 市级线上引才 activity (A4/A5). */
  a4Listed: z.boolean(),
});

export const WorkerFactsSchema = z.object({
  /** A keyed hash of the 身份证 number: the same person whichever agency places her. */
  workerId: z.string().min(1),
  categories: z.array(z.enum(WORKER_CATEGORIES)),
  /** Evidence per category; a category counts only when valid on the referral day. */
  categoryEvidence: z
    .array(
      z.object({
        category: z.enum(WORKER_CATEGORIES),
        docId: z.string().nullable().default(null),
        validFrom: day.nullable().default(null),
        validTo: day.nullable().default(null),
      }),
    )
    .default([]),
  schoolLeaveDate: day.nullable(),
  unemploymentRegistrationDate: day.nullable(),
});

export const EmployerFactsSchema = z.object({
  employerId: z.string().min(1),
  creditCode: z.string().min(1),
  orgType: z.enum(ORG_TYPES),
  /** From the key-enterprise registry (工业"双百企业" …), with effective dates. */
  keyEnterprisePeriods: z.array(z.object({ from: day, to: day.nullable() })).default([]),
  /** Registered on the platform and not disqualified from the fair (A3). */
  registeredAndNotDisqualified: z.boolean().default(true),
});

export const ContractSchema = z.object({
  contractId: z.string().min(1),
  /** The legal counter-party of the labour contract (an agency in 派遣 is not the target). */
  employerId: z.string().min(1),
  signDate: day.nullable(),
  startDate: day.nullable(),
  endDate: day.nullable(),
  openEnded: z.boolean().default(false),
  taskBased: z.boolean().default(false),
});

export const PlacementFactsSchema = z.object({
  placementId: z.string().min(1),
  agencyId: z.string().min(1),
  workerId: z.string().min(1),
  employerId: z.string().min(1),
  referralDate: day,
  /** A reviewer verified the referral date (de-duplication counts only verified ones). */
  referralVerified: z.boolean().default(true),
  channel: z.enum(PLACEMENT_CHANNELS),
  feeChargedToWorkerFen: fen.nullable(),
  contract: ContractSchema,
  claimDate: day,
  /** When the agency submitted it: the earliest submission wins a repeat (step 2a). */
  submittedAt: z.string().datetime({ offset: true }).nullable().default(null),
});

export const SiRecordSchema = z.object({
  workerId: z.string().min(1),
  employerId: z.string().min(1),
  month,
  status: z.enum(SI_STATUSES),
});

export const ActivityLogSchema = z.object({
  a3: z
    .array(
      z.object({
        employerId: z.string().min(1),
        agencyId: z.string().min(1),
        selectedAt: z.string().datetime({ offset: true }),
        served: z.boolean(),
      }),
    )
    .default([]),
  a4: z
    .array(z.object({ employerId: z.string().min(1), agencyId: z.string().min(1), served: z.boolean() }))
    .default([]),
  a5: z
    .array(
      z.object({
        downloadId: z.string().min(1),
        employerId: z.string().min(1),
        agencyId: z.string().min(1),
        resumeId: z.string().min(1),
        listPriceFen: fen,
        downloadedAt: day,
        countedByYingcai: z.boolean(),
      }),
    )
    .default([]),
});

export const ResumeFactsSchema = z.object({
  resumeId: z.string().min(1),
  /** 元 per year. */
  offeredAnnualSalary: z.number().int().nullable(),
  employerRegion: z.enum(EMPLOYER_REGIONS),
  degree: z.enum(DEGREES),
  titleAssociateSeniorOrAbove: z.boolean().default(false),
  skillGradeSeniorTechnicianOrAbove: z.boolean().default(false),
  employerIsMunicipalUnivHospResearch: z.boolean().default(false),
});

/** Claims of every agency and period for the same (worker, contract), and what was paid. */
export const PlacementLedgerSchema = z.object({
  claims: z
    .array(
      z.object({
        agencyId: z.string().min(1),
        placementId: z.string().min(1),
        workerId: z.string().min(1),
        contractId: z.string().min(1),
        referralDate: day,
        referralVerified: z.boolean(),
      }),
    )
    .default([]),
  paidPlacements: z
    .array(
      z.object({
        workerId: z.string().min(1),
        contractId: z.string().min(1),
        agencyId: z.string().min(1),
        placementId: z.string().min(1),
      }),
    )
    .default([]),
});

export const AgencyPeriodInputSchema = z.object({
  agency: AgencyFactsSchema,
  period: z.object({
    from: day,
    to: day,
    /** The day the 市人才交流服务中心 settles activities (A3-A5) in this period; null: none. */
    activitySettlementDate: day.nullable().default(null),
  }),
  /** "Today" for the future-date checks; stored so a replay decides the same. */
  asOf: day,
  placements: z.array(PlacementFactsSchema).default([]),
  workers: z.array(WorkerFactsSchema).default([]),
  employers: z.array(EmployerFactsSchema).default([]),
  socialInsurance: z.array(SiRecordSchema).default([]),
  activity: ActivityLogSchema.default({ a3: [], a4: [], a5: [] }),
  resumes: z.array(ResumeFactsSchema).default([]),
  ledger: PlacementLedgerSchema.default({ claims: [], paidPlacements: [] }),
});
export type AgencyPeriodInput = z.infer<typeof AgencyPeriodInputSchema>;
export type AgencyFacts = z.infer<typeof AgencyFactsSchema>;
export type WorkerFacts = z.infer<typeof WorkerFactsSchema>;
export type EmployerFacts = z.infer<typeof EmployerFactsSchema>;
export type PlacementFacts = z.infer<typeof PlacementFactsSchema>;
export type SiRecord = z.infer<typeof SiRecordSchema>;
export type ResumeFacts = z.infer<typeof ResumeFactsSchema>;
export type PlacementLedger = z.infer<typeof PlacementLedgerSchema>;
