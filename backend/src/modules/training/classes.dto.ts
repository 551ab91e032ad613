import {
  AssessmentInputSchema,
  CLASS_PLAN_STATUSES,
  ClassInputSchema,
  ClassPlanDecisionSchema,
  ClassSchema,
  EnrolmentSchema,
  InstitutionMemberInputSchema,
  InstitutionMemberSchema,
  OfflineAttendanceInputSchema,
  RosterEntrySchema,
  SponsoredEnrolmentInputSchema,
  SponsoredEnrolmentResultSchema,
} from '@platform/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class MemberParams extends createZodDto(
  z.object({ id: z.string().uuid(), userId: z.string().uuid() }),
) {}
export class InstitutionMemberInputDto extends createZodDto(InstitutionMemberInputSchema) {}
export class InstitutionMemberListDto extends createZodDto(
  z.object({ items: z.array(InstitutionMemberSchema) }),
) {}
export class MyInstitutionListDto extends createZodDto(
  z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), district: z.string() })) }),
) {}
export class ClassInputDto extends createZodDto(ClassInputSchema) {}
export class ClassDto extends createZodDto(ClassSchema) {}
export class ClassListDto extends createZodDto(z.object({ items: z.array(ClassSchema) })) {}
export class ClassPlanDecisionDto extends createZodDto(ClassPlanDecisionSchema) {}
export class ClassPlanQuery extends createZodDto(
  z.object({ status: z.enum(CLASS_PLAN_STATUSES).default('submitted') }).strict(),
) {}
export class EnrolmentDto extends createZodDto(EnrolmentSchema) {}
export class EnrolmentListDto extends createZodDto(z.object({ items: z.array(EnrolmentSchema) })) {}
export class SponsoredEnrolmentInputDto extends createZodDto(SponsoredEnrolmentInputSchema) {}
export class SponsoredEnrolmentResultDto extends createZodDto(SponsoredEnrolmentResultSchema) {}
export class RosterDto extends createZodDto(z.object({ items: z.array(RosterEntrySchema) })) {}
export class AssessmentInputDto extends createZodDto(AssessmentInputSchema) {}
export class AssessmentDto extends createZodDto(
  z.object({ id: z.string(), enrolmentId: z.string(), kind: z.string(), score: z.number() }),
) {}
export class OfflineAttendanceInputDto extends createZodDto(OfflineAttendanceInputSchema) {}
export class OfflineAttendanceDto extends createZodDto(
  z.object({
    id: z.string(),
    enrolmentId: z.string(),
    module: z.string(),
    xueshi: z.number(),
    verifiedAt: z.string(),
  }),
) {}
