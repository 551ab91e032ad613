import {
  CLAIM_STATUSES,
  ClaimInputSchema,
  EnterprisePeriodInputSchema,
  SubsidyPolicyInputSchema,
  SubsidyPolicyValuesSchema,
} from '@platform/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const Line = z.object({
  kind: z.enum(['training', 'living', 'appraisal']),
  amount: z.number(),
  fund: z.string(),
  explanation: z.string(),
});
const Removed = z.object({ kind: z.string(), amount: z.number(), why: z.string() });
const ClaimViewSchema = z.object({
  id: z.string(),
  enrolmentId: z.string(),
  claimant: z.enum(['trainee', 'enterprise', 'institution']),
  status: z.enum(CLAIM_STATUSES),
  reasons: z.array(z.string()),
  lines: z.array(Line),
  removedItems: z.array(Removed),
  totalYuan: z.number().int(),
  policyVersion: z.string(),
  submittedAt: z.string(),
  reviewReason: z.string().nullable(),
  noticeFrom: z.string().nullable(),
  noticeUntil: z.string().nullable(),
  paidAt: z.string().nullable(),
  course: z.string(),
  className: z.string(),
  trainee: z.string().nullable(),
});
const Decision = z.object({
  decision: z.enum(['APPROVED', 'REJECTED']),
  reasons: z.array(z.string()),
  lines: z.array(Line),
  removedItems: z.array(Removed),
  payee: z.string(),
  policyVersion: z.string(),
});
const SubsidyPolicySchema = z.object({
  version: z.string(),
  effectiveFrom: z.string(),
  values: SubsidyPolicyValuesSchema,
});

export class ClaimInputDto extends createZodDto(ClaimInputSchema) {}
export class ClaimViewDto extends createZodDto(ClaimViewSchema) {}
export class ClaimListDto extends createZodDto(z.object({ items: z.array(ClaimViewSchema) })) {}
export class ClaimListQuery extends createZodDto(
  z.object({ status: z.enum(CLAIM_STATUSES).optional() }).strict(),
) {}
export class RejectClaimDto extends createZodDto(
  z.object({ reason: z.string().trim().min(2).max(500) }).strict(),
) {}
export class ClaimReplayDto extends createZodDto(
  z.object({ matches: z.boolean(), stored: Decision, replayed: Decision }),
) {}
export class NoticeListDto extends createZodDto(
  z.object({
    items: z.array(
      z.object({
        trainee: z.string(),
        course: z.string(),
        totalYuan: z.number().int(),
        noticeFrom: z.string(),
        noticeUntil: z.string(),
      }),
    ),
  }),
) {}
export class SubsidyPolicyDto extends createZodDto(SubsidyPolicySchema) {}
export class SubsidyPolicyListDto extends createZodDto(
  z.object({ items: z.array(SubsidyPolicySchema), defaults: SubsidyPolicySchema }),
) {}
export class SubsidyPolicyInputDto extends createZodDto(SubsidyPolicyInputSchema) {}

const EnterprisePeriodSchema = z.object({
  id: z.string(),
  employer: z.string(),
  kind: z.enum(['stoppage', 'recovery']),
  startsOn: z.string(),
  endsOn: z.string(),
  evidence: z.string(),
  status: z.string(),
  reviewReason: z.string().nullable(),
});
export class EnterprisePeriodInputDto extends createZodDto(EnterprisePeriodInputSchema) {}
export class EnterprisePeriodDto extends createZodDto(EnterprisePeriodSchema) {}
export class EnterprisePeriodListDto extends createZodDto(
  z.object({ items: z.array(EnterprisePeriodSchema) }),
) {}
export class EnterprisePeriodReviewDto extends createZodDto(
  z
    .object({ decision: z.enum(['verify', 'reject']), reason: z.string().trim().max(500).optional() })
    .strict(),
) {}
