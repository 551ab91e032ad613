import type { PositionDocument } from '@platform/search';
import { and, eq, SQL } from 'drizzle-orm';
import type { Executor } from '../../common/audit/audit-log';
import { employers, positions } from '../../database/schema';
import { anyUuid } from '../../infra/database/any-uuid';

/**
 * Only the columns a document shows: the rule check (jsonb), environment and benefits texts and
 * the employer's other columns were read, parsed and thrown away for every document of a drain.
 */
export const DOCUMENT_COLUMNS = {
  id: positions.id,
  fairId: positions.fairId,
  sessionIds: positions.sessionIds,
  employerId: employers.id,
  employerName: employers.name,
  title: positions.title,
  category: positions.category,
  duties: positions.duties,
  requirements: positions.requirements,
  district: positions.district,
  industry: employers.industry,
  unitType: employers.unitType,
  salaryMin: positions.salaryMin,
  salaryMax: positions.salaryMax,
  education: positions.education,
  experienceYears: positions.experienceYears,
  graduateSuitable: positions.graduateSuitable,
  isKeyEnterprise: employers.isKeyEnterprise,
  headcount: positions.headcount,
  publishedAt: positions.publishedAt,
  updatedAt: positions.updatedAt,
};

/** The published positions among `ids`, as index documents (anything else is to be deleted). */
export async function loadPositionDocuments(
  db: Executor,
  ids: string[],
): Promise<Map<string, PositionDocument>> {
  if (!ids.length) return new Map();
  // One array parameter instead of one per id: 500 placeholders cost more to parse than to run.
  const docs = await selectPositionDocuments(db, anyUuid(positions.id, ids));
  return new Map(docs.map((doc) => [doc.id, doc]));
}

/** Published positions matching `where`, as documents, in the order `orderBy` asks. */
export async function selectPositionDocuments(
  db: Executor,
  where: SQL | undefined,
  page?: { orderBy: SQL; limit: number },
): Promise<PositionDocument[]> {
  const query = db
    .select(DOCUMENT_COLUMNS)
    .from(positions)
    .innerJoin(employers, eq(employers.id, positions.employerId))
    .where(and(eq(positions.status, 'published'), where));
  const rows = page ? await query.orderBy(page.orderBy).limit(page.limit) : await query;
  return rows.map(toDocument);
}

type DocumentRow = Omit<PositionDocument, 'publishedAt'> & { publishedAt: Date | null; updatedAt: Date };

export function toDocument({ updatedAt, publishedAt, ...row }: DocumentRow): PositionDocument {
  return { ...row, publishedAt: (publishedAt ?? updatedAt).toISOString() };
}
