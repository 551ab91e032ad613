import {
  DecisionSchema,
  EmployerFlagsSchema,
  EmployerInputSchema,
  EmployerListSchema,
  EmployerSchema,
  ParticipationSchema,
  REVIEW_STATUSES,
} from '@platform/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class EmployerInputDto extends createZodDto(EmployerInputSchema) {}
export class EmployerDto extends createZodDto(EmployerSchema) {}
export class EmployerListDto extends createZodDto(EmployerListSchema) {}
export class EmployerFlagsDto extends createZodDto(EmployerFlagsSchema) {}
export class EmployerDecisionDto extends createZodDto(DecisionSchema) {}
export class ParticipationDto extends createZodDto(ParticipationSchema) {}
export class ParticipationListDto extends createZodDto(z.object({ items: z.array(ParticipationSchema) })) {}
export class EmployerListQuery extends createZodDto(
  z.object({
    status: z.enum(REVIEW_STATUSES).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(50),
  }),
) {}
export class EmployerIdParams extends createZodDto(z.object({ id: z.string().uuid() })) {}
export class FairAgencyParams extends createZodDto(
  z.object({ fairId: z.string().uuid(), agencyId: z.string().uuid() }),
) {}
