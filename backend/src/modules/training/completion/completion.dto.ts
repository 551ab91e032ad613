import {
  CompletionEvidenceSchema,
  CompletionListQuerySchema,
  CompletionListSchema,
  DecisionReplaySchema,
  EnrolmentCompletionSchema,
  LedgerSchema,
  PublicCertificateSchema,
  RevokeCertificateSchema,
} from '@platform/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class IdParams extends createZodDto(z.object({ id: z.string().uuid() })) {}
export class CodeParams extends createZodDto(z.object({ code: z.string().max(40) })) {}
export class EnrolmentCompletionDto extends createZodDto(EnrolmentCompletionSchema) {}
export class CompletionEvidenceDto extends createZodDto(CompletionEvidenceSchema) {}
export class LedgerDto extends createZodDto(LedgerSchema) {}
export class CompletionListQueryDto extends createZodDto(CompletionListQuerySchema) {}
export class CompletionListDto extends createZodDto(CompletionListSchema) {}
export class DecisionReplayDto extends createZodDto(DecisionReplaySchema) {}
export class PublicCertificateDto extends createZodDto(PublicCertificateSchema) {}
export class RevokeCertificateDto extends createZodDto(RevokeCertificateSchema) {}
export class CertificateRevokedDto extends createZodDto(z.object({ revokedAt: z.string() })) {}
export class JobRequestedDto extends createZodDto(z.object({ jobId: z.string() })) {}
export class SweepRequestDto extends createZodDto(
  z
    .object({
      graceDays: z.number().int().min(0).max(365).default(30),
      on: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
    })
    .strict(),
) {}
