import {
  ComplaintInputSchema,
  ComplaintListSchema,
  ComplaintSchema,
  COMPLAINT_STATUSES,
  ResolveComplaintSchema,
  SANCTION_KINDS,
} from '@platform/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class ComplaintInputDto extends createZodDto(ComplaintInputSchema) {}
export class ComplaintDto extends createZodDto(ComplaintSchema) {}
export class ComplaintListDto extends createZodDto(ComplaintListSchema) {}
export class ResolveComplaintDto extends createZodDto(ResolveComplaintSchema) {}
export class ComplaintListQuery extends createZodDto(
  z.object({ status: z.enum(COMPLAINT_STATUSES).optional() }),
) {}
export class ComplaintIdParams extends createZodDto(z.object({ id: z.string().uuid() })) {}
export class SanctionInputDto extends createZodDto(
  z
    .object({
      kind: z.enum(SANCTION_KINDS),
      subjectId: z.string().uuid(),
      fairId: z.string().uuid().optional(),
      reason: z.string().trim().min(1).max(2000),
      referToAuthority: z.boolean().default(false),
    })
    .strict(),
) {}
