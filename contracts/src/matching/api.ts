import { z } from 'zod';
import { RESUME_VISIBILITIES } from '../seekers/catalog';

const Id = z.string().uuid();

/** One factor's contribution, the same numbers the employer and the seeker see. */
export const MatchFactorSchema = z.object({
  factor: z.enum(['education', 'skills', 'district', 'salary', 'experience', 'graduate']),
  points: z.number().int(),
  max: z.number().int(),
  detail: z.string(),
});

export const MatchBreakdownSchema = z.object({
  /** The structured fit 0-100 (match-score.ts). */
  score: z.number().int(),
  weightsVersion: z.string(),
  factors: z.array(MatchFactorSchema),
  missing: z.array(z.string()),
  /** "缺少: Java, 本科", null when nothing is missing. */
  missingText: z.string().nullable(),
});
export type MatchBreakdown = z.infer<typeof MatchBreakdownSchema>;

const Ranked = {
  /** combined = round(0.7 × fit + 0.3 × 100 × relevance) (combined-score.ts). */
  combined: z.number().int(),
  /** Text relevance normalised to the best hit, 0-1; null when the engine did not rank it. */
  relevance: z.number().nullable(),
  match: MatchBreakdownSchema,
};

export const RecommendationSchema = z.object({
  position: z.object({
    id: Id,
    title: z.string(),
    employerName: z.string(),
    fairId: Id,
    district: z.string(),
    salaryMin: z.number().int(),
    salaryMax: z.number().int(),
    education: z.string(),
    experienceYears: z.number().int(),
    graduateSuitable: z.boolean(),
    isKeyEnterprise: z.boolean(),
  }),
  ...Ranked,
});
export type Recommendation = z.infer<typeof RecommendationSchema>;

export const RecommendationListSchema = z.object({
  items: z.array(RecommendationSchema),
  formulaVersion: z.string(),
});
export type RecommendationList = z.infer<typeof RecommendationListSchema>;

export const CANDIDATE_SOURCES = ['applied', 'searchable'] as const;

export const CandidateSchema = z.object({
  userId: Id,
  displayName: z.string(),
  university: z.string().nullable(),
  cohort: z.number().int().nullable(),
  headline: z.string(),
  skills: z.array(z.string()),
  expectations: z.object({ district: z.string(), salaryMin: z.number().int(), salaryMax: z.number().int() }),
  visibility: z.enum(RESUME_VISIBILITIES),
  source: z.enum(CANDIDATE_SOURCES),
  /** The application to this position, when the candidate applied. */
  applicationId: Id.nullable(),
  /** Masked unless the candidate applied to this employer. */
  contacts: z.object({ phone: z.string().nullable(), email: z.string().nullable(), masked: z.boolean() }),
  ...Ranked,
});
export type Candidate = z.infer<typeof CandidateSchema>;

export const CandidateListSchema = z.object({
  items: z.array(CandidateSchema),
  formulaVersion: z.string(),
});
export type CandidateList = z.infer<typeof CandidateListSchema>;

export const CandidateQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
