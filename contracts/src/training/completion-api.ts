import { z } from 'zod';

/** Response shapes of the completion, certificate and ledger api (training.md §4.1, §2.5, R2/R4). */
const CompletionStatusSchema = z.enum([
  'COMPLETED',
  'COMPLETED_PENDING_AUDIT',
  'AWAITING_APPRAISAL',
  'INCOMPLETE',
]);

export const CertificateContentSchema = z.object({
  traineeName: z.string(),
  idNumberMasked: z.string().nullable(),
  courseTitle: z.string(),
  courseCode: z.string(),
  occupation: z.string(),
  level: z.string(),
  institution: z.string(),
  className: z.string(),
  classStartsOn: z.string(),
  classEndsOn: z.string(),
  hours: z.object({ onlineTheory: z.number(), onlinePractical: z.number(), offlinePractical: z.number() }),
  decisionId: z.string(),
  policyVersion: z.string(),
  issuedOn: z.string(),
});
export type CertificateContent = z.infer<typeof CertificateContentSchema>;

export const CertificateSummarySchema = z.object({
  id: z.string().uuid(),
  verificationCode: z.string(),
  issuedAt: z.string(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  downloadUrl: z.string(),
  verifyUrl: z.string(),
});

const SessionOutcomeSchema = z.object({
  id: z.string(),
  classId: z.string(),
  rejected: z.string().nullable(),
  dropped: z.array(z.object({ reason: z.string(), minutes: z.number() })),
  creditedMinutes: z.number(),
});

const HoursSchema = z.object({
  onlineTheory: z.number(),
  onlinePractical: z.number(),
  offlinePractical: z.number(),
  required: z.object({ theory: z.number(), practical: z.number(), offlineOnlyPractical: z.number() }),
});

export const CompletionDecisionViewSchema = z.object({
  id: z.string().uuid(),
  status: CompletionStatusSchema,
  statusLabel: z.string(),
  policyVersion: z.string(),
  trigger: z.string(),
  decidedAt: z.string(),
  reasons: z.array(z.object({ code: z.string(), explanation: z.string() })),
  flags: z.array(
    z.object({
      code: z.string(),
      sessionId: z.string().optional(),
      day: z.string().optional(),
      minutes: z.number().optional(),
    }),
  ),
  hours: HoursSchema,
  sessions: z.array(SessionOutcomeSchema),
});
export type CompletionDecisionView = z.infer<typeof CompletionDecisionViewSchema>;

export const EnrolmentCompletionSchema = z.object({
  enrolmentId: z.string().uuid(),
  classId: z.string().uuid(),
  className: z.string(),
  courseTitle: z.string(),
  decision: CompletionDecisionViewSchema.nullable(),
  certificate: CertificateSummarySchema.nullable(),
});
export type EnrolmentCompletion = z.infer<typeof EnrolmentCompletionSchema>;

export const LedgerEntrySchema = z.object({
  enrolmentId: z.string().uuid(),
  className: z.string(),
  courseTitle: z.string(),
  courseCode: z.string(),
  classStartsOn: z.string(),
  classEndsOn: z.string(),
  creditedMinutes: z.number(),
  hours: HoursSchema.nullable(),
  assessments: z.array(z.object({ kind: z.string(), score: z.number().nullable(), recordedAt: z.string() })),
  decisions: z.array(
    z.object({
      id: z.string().uuid(),
      status: CompletionStatusSchema,
      reasons: z.array(z.string()),
      decidedAt: z.string(),
      policyVersion: z.string(),
    }),
  ),
  certificate: CertificateSummarySchema.nullable(),
});
export const LedgerSchema = z.object({ items: z.array(LedgerEntrySchema) });
export type Ledger = z.infer<typeof LedgerSchema>;

export const PublicCertificateSchema = z.object({
  verificationCode: z.string(),
  valid: z.boolean(),
  revokedAt: z.string().nullable(),
  traineeName: z.string(),
  courseTitle: z.string(),
  occupation: z.string(),
  level: z.string(),
  institution: z.string(),
  issuedOn: z.string(),
});
export type PublicCertificate = z.infer<typeof PublicCertificateSchema>;

export const CompletionListQuerySchema = z.object({
  classId: z.string().uuid().optional(),
  status: CompletionStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type CompletionListQuery = z.infer<typeof CompletionListQuerySchema>;

export const CompletionListItemSchema = z.object({
  enrolmentId: z.string().uuid(),
  classId: z.string().uuid(),
  className: z.string(),
  traineeName: z.string().nullable(),
  status: CompletionStatusSchema.nullable(),
  reasons: z.array(z.string()),
  decisionId: z.string().uuid().nullable(),
  decidedAt: z.string().nullable(),
  certificateCode: z.string().nullable(),
});
export const CompletionListSchema = z.object({
  items: z.array(CompletionListItemSchema),
  total: z.number().int(),
  classes: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
});

export const CompletionEvidenceSchema = z.object({
  enrolmentId: z.string().uuid(),
  signedInAt: z.string().nullable(),
  decision: CompletionDecisionViewSchema.nullable(),
  sessions: z.array(
    z.object({
      id: z.string(),
      classId: z.string(),
      module: z.string(),
      start: z.string(),
      end: z.string(),
      faceVerifiedAtStart: z.boolean(),
      hasRetainedMedia: z.boolean(),
      rejected: z.string().nullable(),
      creditedMinutes: z.number(),
      dropped: z.array(z.object({ reason: z.string(), minutes: z.number() })),
      checks: z.array(z.object({ at: z.string(), result: z.string() })),
    }),
  ),
  assessments: z.array(z.object({ kind: z.string(), score: z.number().nullable(), recordedAt: z.string() })),
  certificate: CertificateSummarySchema.nullable(),
});

export const DecisionReplaySchema = z.object({
  decisionId: z.string().uuid(),
  policyVersion: z.string(),
  matches: z.boolean(),
  stored: z.object({ status: z.string(), reasons: z.array(z.string()) }),
  replayed: z.object({ status: z.string(), reasons: z.array(z.string()) }),
});
export type DecisionReplay = z.infer<typeof DecisionReplaySchema>;

export const RevokeCertificateSchema = z.object({
  reason: z.string().trim().min(2).max(500),
});
export type RevokeCertificate = z.infer<typeof RevokeCertificateSchema>;
