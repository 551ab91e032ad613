import { EDUCATION_LEVELS, UNIT_TYPES } from '@platform/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** A filter given as "a,b" or repeated (?a&a): a list of at most 40 values. */
export const queryList = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(40));

/** Punctuation-only or empty queries search everything; long queries are cut at 100 characters. */
export const SearchText = z
  .string()
  .max(1000)
  .transform((v) =>
    v
      .replace(/[\p{P}\p{S}]+/gu, ' ')
      .trim()
      .slice(0, 100),
  );

export const PositionSearchQuerySchema = z
  .object({
    q: SearchText.optional(),
    fairId: z.string().uuid().optional(),
    sessionId: z.string().uuid().optional(),
    district: queryList(z.string().trim().min(1).max(30)).optional(),
    industry: queryList(z.string().trim().min(1).max(50)).optional(),
    education: queryList(z.enum(EDUCATION_LEVELS)).optional(),
    unitType: queryList(z.enum(UNIT_TYPES)).optional(),
    salaryFrom: z.coerce.number().int().min(0).max(1_000_000).optional(),
    salaryTo: z.coerce.number().int().min(0).max(1_000_000).optional(),
    maxExperienceYears: z.coerce.number().int().min(0).max(50).optional(),
    keyEnterpriseOnly: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    graduateSuitable: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    sort: z.enum(['relevance', 'newest', 'salary']).default('relevance'),
    size: z.coerce.number().int().min(1).max(50).default(20),
    /** The opaque cursor of the previous page's `next`. */
    after: z.string().max(500).optional(),
  })
  .strict();
export class PositionSearchQuery extends createZodDto(PositionSearchQuerySchema) {}

/**
 * What the user has typed so far. Punctuation is dropped (a query of only punctuation suggests
 * nothing); a missing, empty or over-long prefix is a 400, since a search box never sends one.
 */
export const TitleSuggestionQuerySchema = z
  .object({
    q: z
      .string()
      .trim()
      .min(1)
      .max(50)
      .transform((v) => v.replace(/[\p{P}\p{S}]+/gu, ' ').trim()),
  })
  .strict();
export class TitleSuggestionQuery extends createZodDto(TitleSuggestionQuerySchema) {}
export class TitleSuggestionsDto extends createZodDto(z.object({ titles: z.array(z.string()).max(10) })) {}

const Facet = z.array(z.object({ value: z.string(), count: z.number().int() }));
export class PositionSearchResultDto extends createZodDto(
  z.object({
    total: z.number().int(),
    items: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        employerName: z.string(),
        district: z.string(),
        salaryMin: z.number().int(),
        salaryMax: z.number().int(),
        education: z.string(),
        isKeyEnterprise: z.boolean(),
        graduateSuitable: z.boolean(),
        experienceYears: z.number().int(),
        industry: z.string(),
        fairId: z.string(),
        publishedAt: z.string(),
        /** Matched words wrapped in <em>…</em>; the text is escaped first. */
        highlight: z.record(z.string(), z.array(z.string())),
        score: z.number().nullable(),
      }),
    ),
    /**
     * Counts among the hits. salary: "at least X yuan" floors (value X, for salaryFrom);
     * experience: "at most N years" (value N, for maxExperienceYears); keyEnterprise and
     * graduateSuitable: one `true` bucket.
     */
    facets: z.object({
      district: Facet,
      industry: Facet,
      education: Facet,
      unitType: Facet,
      salary: Facet,
      experience: Facet,
      keyEnterprise: Facet,
      graduateSuitable: Facet,
    }),
    next: z.string().nullable(),
  }),
) {}
