import {
  ResumeInputSchema,
  ResumeListSchema,
  ResumeSchema,
  SeekerProfileInputSchema,
  SeekerProfileSchema,
  VerificationInputSchema,
} from '@platform/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class VerificationInputDto extends createZodDto(VerificationInputSchema) {}
export class SeekerProfileInputDto extends createZodDto(SeekerProfileInputSchema) {}
export class SeekerProfileDto extends createZodDto(SeekerProfileSchema) {}
export class ResumeInputDto extends createZodDto(ResumeInputSchema) {}
export class ResumeDto extends createZodDto(ResumeSchema) {}
export class ResumeListDto extends createZodDto(ResumeListSchema) {}
export class SeekerIdParams extends createZodDto(z.object({ userId: z.string().uuid() })) {}
export class ResumeSearchQuery extends createZodDto(
  z.object({
    q: z.string().trim().max(50).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  }),
) {}
export class FairRegistrationDto extends createZodDto(
  z.object({ fairId: z.string().uuid(), eligibleAs: z.string() }),
) {}
