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
