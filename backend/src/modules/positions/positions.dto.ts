import {
  DecisionSchema,
  PositionCheckInputSchema,
  PositionInputSchema,
  PositionListQuerySchema,
  PositionListSchema,
  PositionSchema,
  PostingCheckSchema,
} from '@platform/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class PositionInputDto extends createZodDto(PositionInputSchema) {}
export class PositionCheckInputDto extends createZodDto(PositionCheckInputSchema) {}
export class PositionDto extends createZodDto(PositionSchema) {}
export class PositionListDto extends createZodDto(PositionListSchema) {}
export class PositionListQuery extends createZodDto(PositionListQuerySchema) {}
export class PostingCheckDto extends createZodDto(PostingCheckSchema) {}
export class PositionDecisionDto extends createZodDto(DecisionSchema) {}
export class PositionIdParams extends createZodDto(z.object({ id: z.string().uuid() })) {}
export class PageQuery extends createZodDto(
  z.object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(50),
  }),
) {}
