import {
  CourseInputSchema,
  CourseSchema,
  CourseStatusChangeSchema,
  COURSE_KINDS,
  InstitutionInputSchema,
  InstitutionSchema,
  IsoDate,
  ListingInputSchema,
  ListingSchema,
  PlatformInputSchema,
  PlatformSchema,
  SKILL_LEVELS,
  TrainingPolicyInputSchema,
  TrainingPolicyValuesSchema,
} from '@platform/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { queryList, SearchText } from '../search/search.dto';

export class IdParams extends createZodDto(z.object({ id: z.string().uuid() })) {}
export class InstitutionInputDto extends createZodDto(InstitutionInputSchema) {}
export class InstitutionDto extends createZodDto(InstitutionSchema) {}
export class InstitutionListDto extends createZodDto(z.object({ items: z.array(InstitutionSchema) })) {}
export class PlatformInputDto extends createZodDto(PlatformInputSchema) {}
export class PlatformDto extends createZodDto(PlatformSchema) {}
export class PlatformListDto extends createZodDto(z.object({ items: z.array(PlatformSchema) })) {}
export class ListingInputDto extends createZodDto(ListingInputSchema) {}
export class ListingDto extends createZodDto(ListingSchema) {}
export class EndListingDto extends createZodDto(z.object({ listedUntil: IsoDate }).strict()) {}
export class CourseInputDto extends createZodDto(CourseInputSchema) {}
export class CourseDto extends createZodDto(CourseSchema) {}
export class CourseListDto extends createZodDto(z.object({ items: z.array(CourseSchema) })) {}
export class CourseStatusChangeDto extends createZodDto(CourseStatusChangeSchema) {}
export class CourseOnDateQuery extends createZodDto(z.object({ on: IsoDate.optional() }).strict()) {}

export const CourseSearchQuerySchema = z
  .object({
    q: SearchText.optional(),
    occupation: queryList(z.string().trim().min(1).max(50)).optional(),
    level: queryList(z.enum(SKILL_LEVELS)).optional(),
    kind: queryList(z.enum(COURSE_KINDS)).optional(),
    district: queryList(z.string().trim().min(1).max(30)).optional(),
    onlineOnly: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    /** Only courses in every catalogue on this day; "today" is the Asia/Shanghai date. */
    subsidisableOn: z.union([z.literal('today'), IsoDate]).optional(),
    size: z.coerce.number().int().min(1).max(50).default(20),
    after: z.string().max(500).optional(),
  })
  .strict();
export class CourseSearchQuery extends createZodDto(CourseSearchQuerySchema) {}

const Facet = z.array(z.object({ value: z.string(), count: z.number().int() }));
export class CourseSearchResultDto extends createZodDto(
  z.object({
    total: z.number().int(),
    items: z.array(
      z.object({
        id: z.string(),
        code: z.string(),
        title: z.string(),
        occupation: z.string(),
        level: z.string(),
        kind: z.string(),
        institutionName: z.string(),
        district: z.string(),
        theoryHours: z.number(),
        practicalHours: z.number(),
        onlineHours: z.number(),
        highlight: z.record(z.string(), z.array(z.string())),
      }),
    ),
    facets: z.object({ occupation: Facet, level: Facet, kind: Facet, district: Facet }),
    next: z.string().nullable(),
  }),
) {}

const TrainingPolicySchema = z.object({
  version: z.string(),
  effectiveFrom: z.string(),
  values: TrainingPolicyValuesSchema,
});
export class TrainingPolicyDto extends createZodDto(TrainingPolicySchema) {}
export class TrainingPolicyListDto extends createZodDto(
  z.object({ items: z.array(TrainingPolicySchema), defaults: TrainingPolicySchema }),
) {}
export class TrainingPolicyInputDto extends createZodDto(TrainingPolicyInputSchema) {}
