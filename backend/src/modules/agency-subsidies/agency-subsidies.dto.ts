import {
  AGENCY_CLAIM_STATUSES,
  RecoverLineSchema,
  ReviewAgencyClaimSchema,
  SubmitAgencyClaimSchema,
  SubsidyPeriodInputSchema,
} from '@platform/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class SubsidyPeriodInputDto extends createZodDto(SubsidyPeriodInputSchema) {}
export class SubmitAgencyClaimDto extends createZodDto(SubmitAgencyClaimSchema) {}
export class ReviewAgencyClaimDto extends createZodDto(ReviewAgencyClaimSchema) {}
export class RecoverLineDto extends createZodDto(RecoverLineSchema) {}
export class IdParams extends createZodDto(z.object({ id: z.string().uuid() })) {}
export class LineQuery extends createZodDto(
  z.object({ periodId: z.string().uuid().optional(), agencyId: z.string().uuid().optional() }),
) {}
export class ClaimQuery extends createZodDto(
  z.object({ status: z.enum(AGENCY_CLAIM_STATUSES).optional(), periodId: z.string().uuid().optional() }),
) {}
export class ExportQuery extends createZodDto(z.object({ periodId: z.string().uuid() })) {}

const RunSchema = z.object({
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
export class SubsidyRunDto extends createZodDto(RunSchema) {}
const PeriodSchema = z.object({
  id: z.string(),
  label: z.string(),
  fromDate: z.string(),
  toDate: z.string(),
  activitySettlementDate: z.string().nullable(),
  createdAt: z.string(),
});
export class SubsidyPeriodDto extends createZodDto(PeriodSchema) {}
export class SubsidyPeriodListDto extends createZodDto(
  z.object({ items: z.array(PeriodSchema.extend({ latestRun: RunSchema.nullable() })) }),
) {}

const Explained = z.object({ code: z.string(), zh: z.string(), en: z.string() });
const TrailStepSchema = z.object({
  rule: z.string(),
  outcome: z.enum(['pass', 'fail', 'manual', 'info']),
  citation: z.string(),
  note: z.string(),
  values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});
const LineSchema = z.object({
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
  trail: z.array(TrailStepSchema),
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
export class SubsidyLineDto extends createZodDto(LineSchema) {}
export class SubsidyLineListDto extends createZodDto(z.object({ items: z.array(LineSchema) })) {}

const ClaimSummary = z.object({
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
export class AgencyClaimListDto extends createZodDto(z.object({ items: z.array(ClaimSummary) })) {}
export class AgencyClaimDto extends createZodDto(ClaimSummary.extend({ lines: z.array(LineSchema) })) {}

export class AgencySubsidyNoticeListDto extends createZodDto(
  z.object({
    items: z.array(
      z.object({
        claimId: z.string(),
        agency: z.string(),
        period: z.string(),
        noticeFrom: z.string(),
        noticeUntil: z.string(),
        scheme: z.string().nullable(),
        worker: z.string().nullable(),
        amountYuan: z.string(),
      }),
    ),
  }),
) {}

export class ReplayReportDto extends createZodDto(
  z.object({
    lineId: z.string(),
    policyVersion: z.string(),
    identical: z.boolean(),
    differences: z.array(z.object({ field: z.string(), stored: z.unknown(), replayed: z.unknown() })),
  }),
) {}
