import { z } from 'zod';
import { isValidUnifiedSocialCreditCode } from '../id-numbers';
import { IsoDate } from '../fairs/api';
import { CHONGQING_DISTRICTS } from '../fairs/catalog';
import {
  CATALOGUES,
  COURSE_KINDS,
  COURSE_STATUSES,
  DELIVERIES,
  INSTITUTION_KINDS,
  MODULE_KINDS,
  PLATFORM_KINDS,
  SKILL_LEVELS,
} from './catalog';

/** Request and response shapes of the training catalogue api (training.md §2.3). */
const text = (max: number) => z.string().trim().min(1).max(max);
const Url = z
  .string()
  .trim()
  .max(500)
  .url()
  .refine((v) => /^https?:\/\//i.test(v), { message: 'Only http:// or https:// addresses' });

export const InstitutionInputSchema = z
  .object({
    name: text(100),
    unifiedSocialCreditCode: z
      .string()
      .trim()
      .toUpperCase()
      .refine(isValidUnifiedSocialCreditCode, { message: 'Not a valid 统一社会信用代码' }),
    kind: z.enum(INSTITUTION_KINDS),
    district: z.enum(CHONGQING_DISTRICTS),
  })
  .strict();
export type InstitutionInput = z.infer<typeof InstitutionInputSchema>;

export const PlatformInputSchema = z
  .object({ name: text(100), url: Url, kind: z.enum(PLATFORM_KINDS), operator: text(100) })
  .strict();
export type PlatformInput = z.infer<typeof PlatformInputSchema>;

export const CourseModuleSchema = z
  .object({
    name: text(100),
    kind: z.enum(MODULE_KINDS),
    /** 学时; the minutes per 学时 are a setting (training.md §4.0). */
    hours: z.number().int().min(1).max(500),
    delivery: z.enum(DELIVERIES),
  })
  .strict();

export const CourseInputSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{2,40}$/, { message: 'Letters, digits and "-" only' }),
    title: text(100),
    institutionId: z.string().uuid(),
    platformId: z.string().uuid().nullable(),
    /** 职业（工种）, e.g. 育婴员, 电工. */
    occupation: text(50),
    level: z.enum(SKILL_LEVELS),
    kind: z.enum(COURSE_KINDS),
    description: z.string().max(5000).default(''),
    modules: z.array(CourseModuleSchema).min(1).max(50),
  })
  .strict()
  .refine((c) => new Set(c.modules.map((m) => m.name)).size === c.modules.length, {
    message: 'Module names must differ',
    path: ['modules'],
  });
export type CourseInput = z.infer<typeof CourseInputSchema>;

export const ListingInputSchema = z
  .object({
    catalogue: z.enum(CATALOGUES),
    /** The institution, the course (project catalogue) or the platform listed. */
    subjectId: z.string().uuid(),
    listedFrom: IsoDate,
    listedUntil: IsoDate.nullable(),
    /** Where the listing was published: 文号, notice or URL. */
    source: text(200),
  })
  .strict()
  .refine((l) => l.listedUntil === null || l.listedFrom <= l.listedUntil, {
    message: 'listedUntil is before listedFrom',
    path: ['listedUntil'],
  });
export type ListingInput = z.infer<typeof ListingInputSchema>;

export const ListingSchema = z.object({
  id: z.string(),
  catalogue: z.enum(CATALOGUES),
  subjectId: z.string(),
  listedFrom: z.string(),
  listedUntil: z.string().nullable(),
  source: z.string(),
});
export type ListingView = z.infer<typeof ListingSchema>;

export const InstitutionSchema = z.object({
  id: z.string(),
  name: z.string(),
  unifiedSocialCreditCode: z.string(),
  kind: z.enum(INSTITUTION_KINDS),
  district: z.string(),
  listings: z.array(ListingSchema),
});
export type InstitutionView = z.infer<typeof InstitutionSchema>;

export const PlatformSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  kind: z.enum(PLATFORM_KINDS),
  operator: z.string(),
  listings: z.array(ListingSchema),
});
export type PlatformView = z.infer<typeof PlatformSchema>;

/** Whether each of the catalogue conditions of K1 holds on `on` (today unless asked). */
export const CatalogueStatusSchema = z.object({
  on: z.string(),
  institutionListed: z.boolean(),
  projectListed: z.boolean(),
  /** Null when the course names no online platform (fully offline). */
  platformSelected: z.boolean().nullable(),
  /** All conditions hold: training on this day can be subsidised. */
  subsidisable: z.boolean(),
});
export type CatalogueStatus = z.infer<typeof CatalogueStatusSchema>;

export const CourseSchema = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  institution: z.object({ id: z.string(), name: z.string(), district: z.string() }),
  platform: z.object({ id: z.string(), name: z.string(), url: z.string() }).nullable(),
  occupation: z.string(),
  level: z.enum(SKILL_LEVELS),
  kind: z.enum(COURSE_KINDS),
  description: z.string(),
  modules: z.array(CourseModuleSchema),
  hours: z.object({
    theory: z.number(),
    practical: z.number(),
    online: z.number(),
    offline: z.number(),
    theoryShare: z.number(),
  }),
  status: z.enum(COURSE_STATUSES),
  rulesVersion: z.string(),
  catalogue: CatalogueStatusSchema,
  listings: z.array(ListingSchema),
  updatedAt: z.string(),
});
export type CourseView = z.infer<typeof CourseSchema>;

export const CourseStatusChangeSchema = z.object({ status: z.enum(['published', 'withdrawn']) }).strict();
