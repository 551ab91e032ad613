import { z } from 'zod';
import { EDUCATION_LEVELS } from '../fairs/catalog';
import { IsoDate } from '../fairs/api';
import { APPLICATION_STATUSES, RESUME_VISIBILITIES, SEEKER_FLAGS } from './catalog';

const text = (max: number) => z.string().trim().min(1).max(max);
const Id = z.string().uuid();

export const VerificationInputSchema = z
  .object({ realName: text(50), idNumber: z.string().trim().toUpperCase() })
  .strict();

export const SeekerProfileInputSchema = z
  .object({
    university: text(100),
    major: text(100),
    degree: z.enum(EDUCATION_LEVELS),
    /** 届别: the graduation year. */
    cohort: z.number().int().min(1980).max(2100),
    leftSchoolOn: IsoDate.optional(),
    flags: z
      .array(z.object({ flag: z.enum(SEEKER_FLAGS), evidence: text(200) }).strict())
      .max(SEEKER_FLAGS.length),
  })
  .strict();

export const SeekerProfileSchema = z.object({
  userId: Id,
  realName: z.string().nullable(),
  /** Always masked, e.g. 5001**********1234. */
  idNumberMasked: z.string().nullable(),
  verified: z.boolean(),
  university: z.string().nullable(),
  major: z.string().nullable(),
  degree: z.string().nullable(),
  cohort: z.number().int().nullable(),
  leftSchoolOn: z.string().nullable(),
  flags: z.array(z.object({ flag: z.enum(SEEKER_FLAGS), evidence: z.string() })),
});

const Education = z
  .object({
    school: text(100),
    major: text(100),
    degree: z.enum(EDUCATION_LEVELS),
    from: text(10),
    to: text(10),
  })
  .strict();
const Experience = z
  .object({
    organization: text(100),
    role: text(100),
    from: text(10),
    to: text(10),
    description: z.string().max(2000).default(''),
  })
  .strict();

export const ResumeInputSchema = z
  .object({
    headline: text(100),
    summary: z.string().max(3000).default(''),
    education: z.array(Education).max(10),
    experience: z.array(Experience).max(20),
    skills: z.array(text(50)).max(50),
    certificates: z.array(text(100)).max(30),
    expectations: z
      .object({
        positionTitle: text(100),
        district: text(30),
        salaryMin: z.number().int().min(0).max(1_000_000),
        salaryMax: z.number().int().min(0).max(1_000_000),
      })
      .strict(),
    visibility: z.enum(RESUME_VISIBILITIES),
  })
  .strict();
export type ResumeInput = z.infer<typeof ResumeInputSchema>;

export const ResumeSchema = ResumeInputSchema.extend({
  userId: Id,
  displayName: z.string(),
  university: z.string().nullable(),
  cohort: z.number().int().nullable(),
  /** Shown in full to the seeker, and to an employer the seeker applied to; masked otherwise. */
  contacts: z.object({ phone: z.string().nullable(), email: z.string().nullable(), masked: z.boolean() }),
  updatedAt: z.string(),
});
export type ResumeView = z.infer<typeof ResumeSchema>;
export const ResumeListSchema = z.object({ items: z.array(ResumeSchema), total: z.number().int() });

export const ApplicationEventSchema = z.object({
  from: z.enum(APPLICATION_STATUSES).nullable(),
  to: z.enum(APPLICATION_STATUSES),
  reason: z.string().nullable(),
  by: z.enum(['seeker', 'employer', 'system']),
  at: z.string(),
});
export const ApplicationSchema = z.object({
  id: Id,
  positionId: Id,
  positionTitle: z.string(),
  employerId: Id,
  employerName: z.string(),
  fairId: Id,
  seekerUserId: Id,
  seekerName: z.string(),
  university: z.string().nullable(),
  status: z.enum(APPLICATION_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
  timeline: z.array(ApplicationEventSchema),
  /** The offer / agreement made on this application, if any. */
  agreementId: Id.nullable(),
  /** On the employer's screening list: the explainable fit of the resume to the position. */
  match: z
    .object({
      score: z.number(),
      weightsVersion: z.string(),
      factors: z.array(
        z.object({ factor: z.string(), points: z.number(), max: z.number(), detail: z.string() }),
      ),
      missing: z.array(z.string()),
    })
    .optional(),
});
export type ApplicationView = z.infer<typeof ApplicationSchema>;
export const ApplicationListSchema = z.object({ items: z.array(ApplicationSchema) });
export const ApplicationMoveSchema = z
  .object({ to: z.enum(APPLICATION_STATUSES), reason: z.string().trim().max(2000).optional() })
  .strict();

// ---- offers and e-contracts
export const AGREEMENT_KINDS = ['employment_agreement', 'labor_contract'] as const;
export const AgreementTermsSchema = z
  .object({
    kind: z.enum(AGREEMENT_KINDS),
    positionTitle: text(100),
    monthlySalary: z.number().int().min(0).max(1_000_000),
    workplace: text(100),
    startOn: IsoDate,
    /** null with openEnded = true: 无固定期限. */
    endOn: IsoDate.nullable(),
    openEnded: z.boolean(),
    probationMonths: z.number().int().min(0).max(6),
    otherTerms: z.string().max(5000).default(''),
  })
  .strict()
  .refine((t) => (t.openEnded ? t.endOn === null : t.endOn !== null && t.endOn > t.startOn), {
    message: 'A fixed term needs an end after its start; an open-ended one has none',
    path: ['endOn'],
  });
export type AgreementTerms = z.infer<typeof AgreementTermsSchema>;
export const AgreementSchema = z.object({
  id: Id,
  applicationId: Id,
  terms: z.object({
    kind: z.enum(AGREEMENT_KINDS),
    positionTitle: z.string(),
    monthlySalary: z.number(),
    workplace: z.string(),
    startOn: z.string(),
    endOn: z.string().nullable(),
    openEnded: z.boolean(),
    probationMonths: z.number(),
    otherTerms: z.string(),
  }),
  contentHash: z.string(),
  status: z.enum(['offered', 'signed', 'declined', 'revoked']),
  employerSignedAt: z.string().nullable(),
  seekerSignedAt: z.string().nullable(),
  reportedForDutyAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
  flaggedForReview: z.boolean(),
  chain: z.array(z.object({ seq: z.number().int(), kind: z.string(), hash: z.string(), at: z.string() })),
});
export const AgreementVerificationSchema = z.object({ intact: z.boolean(), problems: z.array(z.string()) });
