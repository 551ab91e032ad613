import { z } from 'zod';

/** Requests of the agency-subsidy periods, runs, claims and their review (issue 7 items 5-7). */
export const SubsidyPeriodInputSchema = z
  .object({
    label: z.string().trim().min(1).max(60),
    fromDate: z.string().date(),
    toDate: z.string().date(),
    /** The day the 市人才交流服务中心 settles activities (A3-A5) in this period, if it does. */
    activitySettlementDate: z.string().date().nullable().default(null),
  })
  .strict()
  .refine((p) => p.fromDate <= p.toDate, { message: 'The period ends before it starts', path: ['toDate'] });
export type SubsidyPeriodInput = z.infer<typeof SubsidyPeriodInputSchema>;

export const SubmitAgencyClaimSchema = z.object({ periodId: z.string().uuid() }).strict();
export type SubmitAgencyClaim = z.infer<typeof SubmitAgencyClaimSchema>;

const reason = z.string().trim().min(2).max(500);

/** Every line of the claim, each approved or rejected; a rejection needs its reason. */
export const ReviewAgencyClaimSchema = z
  .object({
    lines: z
      .array(
        z
          .object({
            lineId: z.string().uuid(),
            decision: z.enum(['approve', 'reject']),
            reason: reason.optional(),
          })
          .strict()
          .refine((l) => l.decision === 'approve' || !!l.reason, {
            message: 'A rejected line needs a reason',
            path: ['reason'],
          }),
      )
      .min(1)
      .max(5000),
  })
  .strict();
export type ReviewAgencyClaim = z.infer<typeof ReviewAgencyClaimSchema>;

export const RecoverLineSchema = z.object({ reason }).strict();
export type RecoverLine = z.infer<typeof RecoverLineSchema>;

/** submitted → in_notice (公示) → paid; a claim whose every line is rejected ends rejected. */
export const AGENCY_CLAIM_STATUSES = ['submitted', 'in_notice', 'paid', 'rejected'] as const;
export type AgencyClaimStatus = (typeof AGENCY_CLAIM_STATUSES)[number];

/** What the api answers about periods, runs, lines and claims: the backend DTOs and the web client share these. */
export const SubsidyRunSchema = z.object({
  id: z.string(),
  periodId: z.string(),
  policyVersion: z.string(),
  status: z.string(),
  agenciesTotal: z.number(),
  agenciesDone: z.number(),
  placementsTotal: z.number(),
  placementsDone: z.number(),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export const SubsidyPeriodSchema = z.object({
  id: z.string(),
  label: z.string(),
  fromDate: z.string(),
  toDate: z.string(),
  activitySettlementDate: z.string().nullable(),
  createdAt: z.string(),
});
export const SubsidyPeriodViewSchema = SubsidyPeriodSchema.extend({ latestRun: SubsidyRunSchema.nullable() });

const Explained = z.object({ code: z.string(), zh: z.string(), en: z.string() });
const TrailStepViewSchema = z.object({
  rule: z.string(),
  outcome: z.enum(['pass', 'fail', 'manual', 'info']),
  citation: z.string(),
  note: z.string(),
  values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});
export const SubsidyLineViewSchema = z.object({
  id: z.string(),
  periodId: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  lineKey: z.string(),
  kind: z.string(),
  placementId: z.string().nullable(),
  scheme: z.string().nullable(),
  amountFen: z.number().int(),
  amountYuan: z.string(),
  status: z.string(),
  reasonCode: z.string().nullable(),
  reason: Explained.nullable(),
  reasonDetails: z.array(z.string()),
  details: z.array(Explained),
  detail: z.string().nullable(),
  basis: z.number().nullable(),
  trail: z.array(TrailStepViewSchema),
  policyVersion: z.string(),
  claimId: z.string().nullable(),
  reviewReason: z.string().nullable(),
  worker: z.string().nullable(),
  workerIdMasked: z.string().nullable(),
  employerName: z.string().nullable(),
  referralDate: z.string().nullable(),
  claimDate: z.string().nullable(),
  computedAt: z.string(),
});

export const AgencyClaimSummarySchema = z.object({
  id: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  periodId: z.string(),
  periodLabel: z.string(),
  status: z.enum(AGENCY_CLAIM_STATUSES),
  claimedFen: z.number().int(),
  approvedFen: z.number().int(),
  claimedYuan: z.string(),
  approvedYuan: z.string(),
  submittedAt: z.string(),
  reviewedAt: z.string().nullable(),
  noticeFrom: z.string().nullable(),
  noticeUntil: z.string().nullable(),
  paidAt: z.string().nullable(),
});
export const AgencyClaimSchema = AgencyClaimSummarySchema.extend({ lines: z.array(SubsidyLineViewSchema) });

export type SubsidyRun = z.infer<typeof SubsidyRunSchema>;
export type SubsidyPeriodView = z.infer<typeof SubsidyPeriodViewSchema>;
export type SubsidyLineView = z.infer<typeof SubsidyLineViewSchema>;
export type AgencyClaimSummary = z.infer<typeof AgencyClaimSummarySchema>;
export type AgencyClaim = z.infer<typeof AgencyClaimSchema>;
