import { z } from 'zod';
import type { QuotaStatus } from './minutes';

export const CALL_STATUSES = ['lobby', 'live', 'ended', 'missed'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];
export const CALL_OUTCOMES = ['offer', 'hold', 'reject'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const CallOpenSchema = z.object({
  applicationId: z.string().uuid(),
  /** The scheduled interview this call belongs to (invitations/slots), when there is one. */
  interviewId: z.string().uuid().optional(),
  /** Before this moment both sides wait in the lobby. */
  scheduledStartAt: z.string().datetime().optional(),
  /** The employer saw the over-quota warning and opens the call anyway (AS-28). */
  acceptOverQuota: z.boolean().optional(),
});
export type CallOpenInput = z.infer<typeof CallOpenSchema>;

export const CallNotesSchema = z.object({
  notes: z.string().max(5000),
  outcome: z.enum(CALL_OUTCOMES).optional(),
  /** Why the applicant is turned down (required with outcome reject; the seeker sees it). */
  reason: z.string().max(500).optional(),
});
export type CallNotesInput = z.infer<typeof CallNotesSchema>;

export const CallParticipantSchema = z.object({
  userId: z.string().uuid(),
  role: z.enum(['host', 'guest']),
  displayName: z.string(),
});

export const CallViewSchema = z.object({
  id: z.string().uuid(),
  status: z.enum(CALL_STATUSES),
  origin: z.enum(['application', 'waiting_room', 'interview']),
  employerId: z.string().uuid(),
  employerName: z.string(),
  agencyId: z.string().uuid().nullable(),
  applicationId: z.string().uuid().nullable(),
  interviewId: z.string().uuid().nullable(),
  fairId: z.string().uuid().nullable(),
  scheduledStartAt: z.string().nullable(),
  callInExpiresAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  billedMinutes: z.number().int().nullable(),
  freeMinutes: z.number().int().nullable(),
  /** Only the host sees these. */
  notes: z.string().nullable(),
  outcome: z.enum(CALL_OUTCOMES).nullable(),
  me: z.enum(['host', 'guest']),
  participants: z.array(CallParticipantSchema),
  iceServers: z.array(
    z.object({
      urls: z.union([z.string(), z.array(z.string())]),
      username: z.string().optional(),
      credential: z.string().optional(),
    }),
  ),
});
export type CallView = z.infer<typeof CallViewSchema>;

export const QuotaStatusSchema = z.object({
  quota: z.number().int(),
  used: z.number().int(),
  remaining: z.number().int(),
  exhausted: z.boolean(),
}) satisfies z.ZodType<QuotaStatus>;

export const MinutesUsageSchema = z.object({
  employerId: z.string().uuid(),
  employerName: z.string(),
  status: QuotaStatusSchema,
  calls: z.array(
    z.object({
      callId: z.string().uuid(),
      endedAt: z.string(),
      minutes: z.number().int(),
      freeMinutes: z.number().int(),
      beyondQuotaMinutes: z.number().int(),
      usedAfter: z.number().int(),
    }),
  ),
});
export type MinutesUsage = z.infer<typeof MinutesUsageSchema>;

export const AgencyMinutesSchema = z.object({
  items: z.array(
    z.object({
      employerId: z.string().uuid(),
      employerName: z.string(),
      minutes: z.number().int(),
      calls: z.number().int(),
    }),
  ),
  freeMinutesPerEmployer: z.number().int(),
});
