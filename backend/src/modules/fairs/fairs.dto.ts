import {
  AdjustFairDatesSchema,
  AnnouncementSchema,
  CreateFairSchema,
  CreateSessionSchema,
  FairListSchema,
  FairPageSchema,
  FairSchema,
  FairSessionSchema,
  FairStatusChangeSchema,
} from '@platform/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class FairDto extends createZodDto(FairSchema) {}
export class FairListDto extends createZodDto(FairListSchema) {}
export class FairPageDto extends createZodDto(FairPageSchema) {}
export class CreateFairDto extends createZodDto(CreateFairSchema) {}
export class AdjustFairDatesDto extends createZodDto(AdjustFairDatesSchema) {}
export class FairStatusChangeDto extends createZodDto(FairStatusChangeSchema) {}
export class CreateSessionDto extends createZodDto(CreateSessionSchema) {}
export class FairSessionDto extends createZodDto(FairSessionSchema) {}
export class AnnouncementListDto extends createZodDto(z.object({ items: z.array(AnnouncementSchema) })) {}
export class OutbreakDto extends createZodDto(
  z.object({ reason: z.string().trim().min(1).max(2000) }).strict(),
) {}
export class FairIdParams extends createZodDto(z.object({ fairId: z.string().uuid() })) {}
