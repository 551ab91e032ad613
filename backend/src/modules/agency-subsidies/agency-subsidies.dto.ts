import {
  AGENCY_CLAIM_STATUSES,
  AgencyClaimSchema,
  AgencyClaimSummarySchema,
  SubsidyLineViewSchema,
  SubsidyPeriodSchema,
  SubsidyPeriodViewSchema,
  SubsidyRunSchema,
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

export class SubsidyRunDto extends createZodDto(SubsidyRunSchema) {}
export class SubsidyPeriodDto extends createZodDto(SubsidyPeriodSchema) {}
export class SubsidyPeriodListDto extends createZodDto(
  z.object({ items: z.array(SubsidyPeriodViewSchema) }),
) {}
export class SubsidyLineDto extends createZodDto(SubsidyLineViewSchema) {}
export class SubsidyLineListDto extends createZodDto(z.object({ items: z.array(SubsidyLineViewSchema) })) {}
export class AgencyClaimListDto extends createZodDto(
  z.object({ items: z.array(AgencyClaimSummarySchema) }),
) {}
export class AgencyClaimDto extends createZodDto(AgencyClaimSchema) {}

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
