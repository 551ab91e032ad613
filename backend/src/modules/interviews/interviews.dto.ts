import {
  AcceptInvitationSchema,
  AssistedBookingInputSchema,
  AssistedLookupSchema,
  AssistedPersonSchema,
  InterviewerInputSchema,
  InterviewerListSchema,
  InterviewerSchema,
  InterviewListSchema,
  InterviewSchema,
  InvitationInputSchema,
  InvitationListSchema,
  InvitationSchema,
  OptionalReasonSchema,
  PostponementInputSchema,
  PostponementSchema,
  ReasonSchema,
  RescheduleInputSchema,
  SlotInputSchema,
  SlotListSchema,
  SlotSchema,
} from '@platform/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class InterviewerInputDto extends createZodDto(InterviewerInputSchema) {}
export class InterviewerDto extends createZodDto(InterviewerSchema) {}
export class InterviewerListDto extends createZodDto(InterviewerListSchema) {}
export class SlotInputDto extends createZodDto(SlotInputSchema) {}
export class SlotDto extends createZodDto(SlotSchema) {}
export class SlotListDto extends createZodDto(SlotListSchema) {}
export class InvitationInputDto extends createZodDto(InvitationInputSchema) {}
export class InvitationDto extends createZodDto(InvitationSchema) {}
export class InvitationListDto extends createZodDto(InvitationListSchema) {}
export class AcceptInvitationDto extends createZodDto(AcceptInvitationSchema) {}
export class ReasonDto extends createZodDto(ReasonSchema) {}
export class OptionalReasonDto extends createZodDto(OptionalReasonSchema) {}
export class RescheduleInputDto extends createZodDto(RescheduleInputSchema) {}
export class InterviewDto extends createZodDto(InterviewSchema) {}
export class InterviewListDto extends createZodDto(InterviewListSchema) {}
export class PostponementInputDto extends createZodDto(PostponementInputSchema) {}
export class PostponementDto extends createZodDto(PostponementSchema) {}
export class AssistedLookupDto extends createZodDto(AssistedLookupSchema) {}
export class AssistedPersonDto extends createZodDto(AssistedPersonSchema) {}
export class AssistedBookingInputDto extends createZodDto(AssistedBookingInputSchema) {}
export class IdParams extends createZodDto(z.object({ id: z.string().uuid() })) {}
export class RescheduleParams extends createZodDto(
  z.object({ id: z.string().uuid(), rescheduleId: z.string().uuid() }),
) {}
