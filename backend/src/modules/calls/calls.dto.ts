import {
  AgencyMinutesSchema,
  CallNotesSchema,
  CallOpenSchema,
  CallViewSchema,
  MinutesUsageSchema,
  QuotaStatusSchema,
} from '@platform/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class CallOpenDto extends createZodDto(CallOpenSchema) {}
export class CallNotesDto extends createZodDto(CallNotesSchema) {}
export class CallViewDto extends createZodDto(CallViewSchema) {}
export class MinutesUsageDto extends createZodDto(MinutesUsageSchema) {}
export class AgencyMinutesDto extends createZodDto(AgencyMinutesSchema) {}
export class IdParams extends createZodDto(z.object({ id: z.string().uuid() })) {}
export class FairParams extends createZodDto(z.object({ fairId: z.string().uuid() })) {}
export class BoothParams extends createZodDto(
  z.object({ fairId: z.string().uuid(), employerId: z.string().uuid() }),
) {}
export class BoothOpenDto extends createZodDto(z.object({ open: z.boolean() })) {}
export class CallNextDto extends createZodDto(z.object({ acceptOverQuota: z.boolean().optional() })) {}

const QueuePositionSchema = z.object({
  fairId: z.string().uuid(),
  employerId: z.string().uuid(),
  employerName: z.string().optional(),
  position: z.number().int().nullable(),
  size: z.number().int(),
  estimatedWaitSeconds: z.number().int().nullable(),
  away: z.boolean(),
  graceUntil: z.string().nullable(),
  callIn: z.object({ callId: z.string().uuid(), expiresAt: z.string() }).nullable(),
  /** Order in line (lower stands ahead) and the line's version when read: the page follows `queue:move` from here. */
  ticket: z.number().int().nullable(),
  version: z.number().int(),
});
export class QueuePositionDto extends createZodDto(QueuePositionSchema) {}
export class QueuePositionListDto extends createZodDto(z.object({ items: z.array(QueuePositionSchema) })) {}
export class OpenBoothsDto extends createZodDto(
  z.object({
    items: z.array(
      z.object({
        employerId: z.string().uuid(),
        employerName: z.string(),
        size: z.number().int(),
        averageCallSeconds: z.number(),
      }),
    ),
  }),
) {}
export class BoothBoardDto extends createZodDto(
  z.object({
    fairId: z.string().uuid(),
    employerId: z.string().uuid(),
    open: z.boolean(),
    averageCallSeconds: z.number(),
    quota: QuotaStatusSchema,
    entries: z.array(z.object({ position: z.number().int(), name: z.string(), away: z.boolean() })),
  }),
) {}
export class FairLiveDto extends createZodDto(
  z.object({
    booths: z.array(
      z.object({
        employerId: z.string().uuid(),
        employerName: z.string(),
        size: z.number().int(),
        averageCallSeconds: z.number(),
      }),
    ),
    calls: z.array(
      z.object({
        id: z.string().uuid(),
        status: z.string(),
        employerName: z.string(),
        origin: z.string(),
        startedAt: z.string().nullable(),
      }),
    ),
    waiting: z.number().int(),
  }),
) {}
