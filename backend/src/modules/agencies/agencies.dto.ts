import {
  AgencyApplicationInputSchema,
  AgencyApplicationListSchema,
  AgencyApplicationSchema,
  AgencyColumnSchema,
  AgencyProfileInputSchema,
  AgencySchema,
  AttachmentSchema,
  DecisionSchema,
  PublicAgencySchema,
  UploadAttachmentSchema,
} from '@platform/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class AgencyProfileInputDto extends createZodDto(AgencyProfileInputSchema) {}
export class AgencyDto extends createZodDto(AgencySchema) {}
export class UploadAttachmentDto extends createZodDto(UploadAttachmentSchema) {}
export class AttachmentDto extends createZodDto(AttachmentSchema) {}
export class AttachmentListDto extends createZodDto(z.object({ items: z.array(AttachmentSchema) })) {}
export class AgencyApplicationInputDto extends createZodDto(AgencyApplicationInputSchema) {}
export class AgencyApplicationDto extends createZodDto(AgencyApplicationSchema) {}
export class AgencyApplicationListDto extends createZodDto(AgencyApplicationListSchema) {}
export class AgencyColumnDto extends createZodDto(AgencyColumnSchema) {}
export class DecisionDto extends createZodDto(DecisionSchema) {}
export class PublicAgencyListDto extends createZodDto(z.object({ items: z.array(PublicAgencySchema) })) {}
export class IdParams extends createZodDto(z.object({ id: z.string().uuid() })) {}
