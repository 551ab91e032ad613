import type { PositionDocument } from '@platform/search';
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../common/audit/audit-log';
import { employers, positions } from '../../database/schema';

/** The published positions among `ids`, as index documents (anything else is to be deleted). */
export async function loadPositionDocuments(
  db: Executor,
  ids: string[],
): Promise<Map<string, PositionDocument>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ position: positions, employer: employers })
    .from(positions)
    .innerJoin(employers, eq(employers.id, positions.employerId))
    .where(and(inArray(positions.id, ids), eq(positions.status, 'published')));
  return new Map(rows.map(({ position: p, employer: e }) => [p.id, toDocument(p, e)]));
}

export function toDocument(
  p: typeof positions.$inferSelect,
  e: typeof employers.$inferSelect,
): PositionDocument {
  return {
    id: p.id,
    fairId: p.fairId,
    sessionIds: p.sessionIds,
    employerId: e.id,
    employerName: e.name,
    title: p.title,
    category: p.category,
    duties: p.duties,
    requirements: p.requirements,
    district: p.district,
    industry: e.industry,
    unitType: e.unitType,
    salaryMin: p.salaryMin,
    salaryMax: p.salaryMax,
    education: p.education,
    experienceYears: p.experienceYears,
    graduateSuitable: p.graduateSuitable,
    isKeyEnterprise: e.isKeyEnterprise,
    headcount: p.headcount,
    publishedAt: (p.publishedAt ?? p.updatedAt).toISOString(),
  };
}
