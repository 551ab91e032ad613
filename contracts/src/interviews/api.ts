import { z } from 'zod';
import {
  INTERVIEW_OUTCOMES,
  INTERVIEW_PARTIES,
  INTERVIEW_STATUSES,
  INVITATION_MODES,
  INVITATION_STATUSES,
  parseShanghaiTime,
  RESCHEDULE_STATUSES,
} from './catalog';

const Id = z.string().uuid();
/** An instant with an offset, or an Asia/Shanghai wall clock ("2026-12-07T10:00"). */
export const ShanghaiTime = z
  .string()
  .trim()
  .refine((v) => parseShanghaiTime(v) !== null, 'a time such as 2026-12-07T10:00 (Asia/Shanghai)');
const Reason = z.string().trim().min(2).max(500);

export const InterviewerInputSchema = z
  .object({ name: z.string().trim().min(1).max(40), title: z.string().trim().max(60).optional() })
  .strict();
export const InterviewerSchema = z.object({
  id: Id,
  employerId: Id,
  name: z.string(),
  title: z.string().nullable(),
});
export const InterviewerListSchema = z.object({ items: z.array(InterviewerSchema) });

export const SlotInputSchema = z.object({ startsAt: ShanghaiTime, endsAt: ShanghaiTime }).strict();
export const SlotSchema = z.object({
  id: Id,
  interviewerId: Id,
  interviewerName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  /** "2026-12-07 10:00-10:30", Asia/Shanghai. */
  label: z.string(),
  /** Held by a scheduled interview (or one in progress). */
  booked: z.boolean(),
});
export const SlotListSchema = z.object({ items: z.array(SlotSchema) });

export const InvitationInputSchema = z
  .object({
    mode: z.enum(INVITATION_MODES),
    /** The proposed slots (mode `slots`); ignored for a booking link. */
    slotIds: z.array(Id).max(20).default([]),
    /** How long the seeker has to answer [INFERRED default 48 h; configurable]. */
    respondWithinHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 14)
      .optional(),
    message: z.string().trim().max(1000).optional(),
  })
  .strict()
  .refine((v) => v.mode === 'link' || v.slotIds.length > 0, {
    message: 'propose at least one slot',
    path: ['slotIds'],
  });

export const InvitationSchema = z.object({
  id: Id,
  applicationId: Id,
  positionTitle: z.string(),
  employerId: Id,
  employerName: z.string(),
  seekerUserId: Id,
  seekerName: z.string(),
  mode: z.enum(INVITATION_MODES),
  status: z.enum(INVITATION_STATUSES),
  message: z.string().nullable(),
  respondBy: z.string(),
  respondedAt: z.string().nullable(),
  responseReason: z.string().nullable(),
  createdAt: z.string(),
  interviewId: Id.nullable(),
});
export const InvitationListSchema = z.object({ items: z.array(InvitationSchema) });

export const AcceptInvitationSchema = z.object({ slotId: Id }).strict();
export const ReasonSchema = z.object({ reason: Reason }).strict();
export const OptionalReasonSchema = z.object({ reason: Reason.optional() }).strict();

export const RescheduleInputSchema = z
  .object({
    /** A published free slot of the employer (either side). */
    slotId: Id.optional(),
    /** The employer may also name a time and interviewer without a published slot. */
    startsAt: ShanghaiTime.optional(),
    endsAt: ShanghaiTime.optional(),
    interviewerId: Id.optional(),
    reason: Reason,
  })
  .strict()
  .refine((v) => !!v.slotId !== !!(v.startsAt && v.endsAt), {
    message: 'give a slot, or a start and an end',
    path: ['slotId'],
  });

export const RescheduleSchema = z.object({
  id: Id,
  proposedBy: z.enum(INTERVIEW_PARTIES),
  interviewerId: Id,
  interviewerName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  label: z.string(),
  reason: z.string(),
  status: z.enum(RESCHEDULE_STATUSES),
  createdAt: z.string(),
});

export const InterviewSchema = z.object({
  id: Id,
  invitationId: Id,
  applicationId: Id,
  positionTitle: z.string(),
  employerId: Id,
  employerName: z.string(),
  seekerUserId: Id,
  seekerName: z.string(),
  interviewerId: Id,
  interviewerName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  label: z.string(),
  status: z.enum(INTERVIEW_STATUSES),
  /** Bumped each time the schedule moves; part of the reminder and no-show job ids. */
  version: z.number().int(),
  outcome: z.enum(INTERVIEW_OUTCOMES).nullable(),
  cancelReason: z.string().nullable(),
  cancelledBy: z.enum(INTERVIEW_PARTIES).nullable(),
  /** §2.8.5: booked or hosted by public-employment-office staff for someone without online access. */
  assisted: z
    .object({
      staffUserId: Id,
      staffName: z.string(),
      office: z.string(),
      consentAt: z.string(),
      consentNote: z.string(),
    })
    .nullable(),
  pendingReschedule: RescheduleSchema.nullable(),
  createdAt: z.string(),
});
export type InterviewView = z.infer<typeof InterviewSchema>;
export const InterviewListSchema = z.object({ items: z.array(InterviewSchema) });

/** AS-34: the employer postpones a published schedule; every candidate gets a proposal and the fair an announcement. */
export const PostponementInputSchema = z
  .object({
    interviewerId: Id,
    from: ShanghaiTime,
    to: ShanghaiTime,
    shiftMinutes: z
      .number()
      .int()
      .min(5)
      .max(60 * 24 * 60),
    reason: Reason,
  })
  .strict();
export const PostponementSchema = z.object({
  proposals: z.number().int(),
  announcementIds: z.array(Id),
});

export const AssistedLookupSchema = z.object({ idNumber: z.string().trim().min(15).max(18) }).strict();
export const AssistedPersonSchema = z.object({
  seekerUserId: Id,
  /** Masked: staff confirm the person in front of them, the screen does not show the full name/ID. */
  maskedName: z.string(),
  maskedIdNumber: z.string(),
  flags: z.array(z.string()),
  applications: z.array(
    z.object({
      id: Id,
      positionId: Id,
      positionTitle: z.string(),
      employerName: z.string(),
      status: z.string(),
    }),
  ),
});
export const AssistedBookingInputSchema = z
  .object({
    idNumber: z.string().trim().min(15).max(18),
    positionId: Id,
    slotId: Id,
    office: z.string().trim().min(2).max(100),
    /** The person's consent to be interviewed through the office terminal, captured by staff. */
    consent: z.literal(true),
    consentNote: z.string().trim().min(2).max(500),
  })
  .strict();
