import {
  aliasName,
  COURSES_INDEX,
  createVersionedIndex,
  dropIndices,
  IndexDefinition,
  POSITIONS_INDEX,
  RESUMES_INDEX,
  SearchClient,
  staleIndices,
  swapAlias,
} from '@platform/search';
import { and, asc, eq, gt, gte, or, sql } from 'drizzle-orm';
import {
  employers,
  positions,
  resumes,
  searchOutbox,
  seekerProfiles,
  trainingCourses,
} from '../../database/schema';
import type { Database } from '../../infra/database/database';
import { loadCourseDocuments } from './course-documents';
import { selectPositionDocuments } from './position-documents';
import { toResumeDocument } from './resume-documents';

export interface ReindexResult {
  index: string;
  documents: number;
  previous: string[];
  requeued: number;
}

const FIRST_ID = '00000000-0000-0000-0000-000000000000';
type Page = { id: string; doc: object }[];

/**
 * Rebuilds an index from PostgreSQL into a fresh physical index, then swaps the alias in one
 * atomic step, so searches keep answering throughout. Changes made while it ran went to the old
 * index; `requeue` puts them back in the outbox so the drain replays them into the new one.
 */
async function rebuild(
  client: SearchClient,
  prefix: string,
  definition: IndexDefinition,
  nextPage: (afterId: string) => Promise<Page>,
  requeue: (since: Date) => Promise<number>,
): Promise<ReindexResult> {
  const started = new Date();
  const index = await createVersionedIndex(client, prefix, definition);
  let documents = 0;
  let lastId = FIRST_ID;
  for (;;) {
    const page = await nextPage(lastId);
    if (!page.length) break;
    const version = Date.now();
    const operations = page.flatMap(({ id, doc }) => [
      { index: { _index: index, _id: id, version, version_type: 'external_gte' as const } },
      doc,
    ]);
    const response = await client.bulk({ operations });
    if (response.errors)
      throw new Error(
        `reindex bulk failed: ${JSON.stringify(response.items.find((i) => i.index?.error)?.index?.error)}`,
      );
    documents += page.length;
    lastId = page[page.length - 1].id;
  }
  await client.indices.refresh({ index });
  // A bulk-built index is left with dozens of segments, and every search pays per segment (the
  // 1M search bench: position search and candidate search measurably slower on the drained index
  // than on the same documents merged). The merge runs in the background (an api upgrading its
  // index must not wait minutes on one request); searches read the new index throughout.
  await client.indices.forcemerge({ index, max_num_segments: 1, wait_for_completion: false });
  const { previous } = await swapAlias(client, aliasName(prefix, definition), index);
  await dropIndices(client, await staleIndices(client, prefix, definition));
  return { index, documents, previous, requeued: await requeue(started) };
}

export function reindexPositions(
  db: Database,
  client: SearchClient,
  prefix: string,
  batchSize = 1000,
): Promise<ReindexResult> {
  return rebuild(
    client,
    prefix,
    POSITIONS_INDEX,
    async (afterId) =>
      (
        await selectPositionDocuments(db, gt(positions.id, afterId), {
          orderBy: asc(positions.id),
          limit: batchSize,
        })
      ).map((doc) => ({ id: doc.id, doc })),
    async (since) =>
      (
        await db.execute(sql`
          insert into ${searchOutbox} (entity, entity_id)
          select 'position', ${positions.id} from ${positions} join ${employers} on ${employers.id} = ${positions.employerId}
           where ${or(gte(positions.updatedAt, since), gte(employers.updatedAt, since))}`)
      ).rowCount ?? 0,
  );
}

/** Only searchable resumes go in; the rest stay out, as the drain keeps them. */
export function reindexResumes(
  db: Database,
  client: SearchClient,
  prefix: string,
  batchSize = 1000,
): Promise<ReindexResult> {
  return rebuild(
    client,
    prefix,
    RESUMES_INDEX,
    async (afterId) =>
      (
        await db
          .select({ resume: resumes, profile: seekerProfiles })
          .from(resumes)
          .leftJoin(seekerProfiles, eq(seekerProfiles.userId, resumes.userId))
          .where(and(eq(resumes.visibility, 'searchable'), gt(resumes.userId, afterId)))
          .orderBy(asc(resumes.userId))
          .limit(batchSize)
      ).map(({ resume, profile }) => ({ id: resume.userId, doc: toResumeDocument(resume, profile) })),
    async (since) =>
      (
        await db.execute(sql`
          insert into ${searchOutbox} (entity, entity_id)
          select 'resume', ${resumes.userId} from ${resumes} left join ${seekerProfiles} on ${seekerProfiles.userId} = ${resumes.userId}
           where ${or(gte(resumes.updatedAt, since), gte(seekerProfiles.updatedAt, since))}`)
      ).rowCount ?? 0,
  );
}

/**
 * Published courses only. The catalogue is small (hundreds of courses) and a listing can change
 * without touching its course row, so every course is re-queued afterwards rather than guessing.
 */
export function reindexCourses(
  db: Database,
  client: SearchClient,
  prefix: string,
  batchSize = 500,
): Promise<ReindexResult> {
  return rebuild(
    client,
    prefix,
    COURSES_INDEX,
    async (afterId) => {
      const ids = (
        await db
          .select({ id: trainingCourses.id })
          .from(trainingCourses)
          .where(and(eq(trainingCourses.status, 'published'), gt(trainingCourses.id, afterId)))
          .orderBy(asc(trainingCourses.id))
          .limit(batchSize)
      ).map((r) => r.id);
      const documents = await loadCourseDocuments(db, ids);
      return ids.flatMap((id) => (documents.has(id) ? [{ id, doc: documents.get(id)! }] : []));
    },
    async () =>
      (
        await db.execute(
          sql`insert into ${searchOutbox} (entity, entity_id) select 'course', ${trainingCourses.id} from ${trainingCourses}`,
        )
      ).rowCount ?? 0,
  );
}
