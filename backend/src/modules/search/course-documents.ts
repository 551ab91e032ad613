import type { CourseDocument, DateRange } from '@platform/search';
import { courseHours } from '@platform/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../common/audit/audit-log';
import {
  catalogueListings,
  trainingCourses,
  trainingInstitutions,
  trainingPlatforms,
} from '../../database/schema';

/** A fully offline course needs no platform listing: that condition holds on every day. */
const ALWAYS: DateRange[] = [{ gte: '1900-01-01' }];

/** The published courses among `ids`, as index documents (anything else is to be deleted). */
export async function loadCourseDocuments(db: Executor, ids: string[]): Promise<Map<string, CourseDocument>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ course: trainingCourses, institution: trainingInstitutions, platform: trainingPlatforms })
    .from(trainingCourses)
    .innerJoin(trainingInstitutions, eq(trainingInstitutions.id, trainingCourses.institutionId))
    .leftJoin(trainingPlatforms, eq(trainingPlatforms.id, trainingCourses.platformId))
    .where(and(inArray(trainingCourses.id, ids), eq(trainingCourses.status, 'published')));
  if (!rows.length) return new Map();
  const subjects = [
    ...new Set(rows.flatMap((r) => [r.course.id, r.institution.id, ...(r.platform ? [r.platform.id] : [])])),
  ];
  const listings = await db
    .select()
    .from(catalogueListings)
    .where(inArray(catalogueListings.subjectId, subjects));
  const ranges = (catalogue: string, subjectId: string): DateRange[] =>
    listings
      .filter((l) => l.catalogue === catalogue && l.subjectId === subjectId)
      .map((l) => (l.listedUntil ? { gte: l.listedFrom, lte: l.listedUntil } : { gte: l.listedFrom }));

  return new Map(
    rows.map(({ course, institution, platform }) => {
      const hours = courseHours(course.modules);
      const doc: CourseDocument = {
        id: course.id,
        code: course.code,
        title: course.title,
        occupation: course.occupation,
        level: course.level,
        kind: course.kind,
        description: course.description,
        institutionId: institution.id,
        institutionName: institution.name,
        district: institution.district,
        platformName: platform?.name ?? null,
        theoryHours: hours.theory,
        practicalHours: hours.practical,
        onlineHours: hours.online,
        institutionListed: ranges('institution', institution.id),
        projectListed: ranges('project', course.id),
        platformSelected: platform ? ranges('platform', platform.id) : hours.online > 0 ? [] : ALWAYS,
        updatedAt: course.updatedAt.toISOString(),
      };
      return [course.id, doc];
    }),
  );
}
