import {
  aliasName,
  createVersionedIndex,
  dropIndices,
  POSITIONS_INDEX,
  SearchClient,
  staleIndices,
  swapAlias,
} from '@platform/search';
import { and, asc, eq, gt, gte, or, sql } from 'drizzle-orm';
import { employers, positions, searchOutbox } from '../../database/schema';
import type { Database } from '../../infra/database/database';
import { toDocument } from './position-documents';

export interface ReindexResult {
  index: string;
  documents: number;
  previous: string[];
  requeued: number;
}

/**
 * Rebuilds the positions index from PostgreSQL into a fresh physical index, then swaps the alias
 * in one atomic step, so searches keep answering throughout. Changes made while it ran went to
 * the old index; they are put back in the outbox so the drain replays them into the new one.
 */
export async function reindexPositions(
  db: Database,
  client: SearchClient,
  prefix: string,
  batchSize = 1000,
): Promise<ReindexResult> {
  const started = new Date();
  const index = await createVersionedIndex(client, prefix, POSITIONS_INDEX);
  let documents = 0;
  let lastId = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db
      .select({ position: positions, employer: employers })
      .from(positions)
      .innerJoin(employers, eq(employers.id, positions.employerId))
      .where(and(eq(positions.status, 'published'), gt(positions.id, lastId)))
      .orderBy(asc(positions.id))
      .limit(batchSize);
    if (!rows.length) break;
    const version = Date.now();
    const operations = rows.flatMap(({ position, employer }) => [
      { index: { _index: index, _id: position.id, version, version_type: 'external_gte' as const } },
      toDocument(position, employer),
    ]);
    const response = await client.bulk({ operations });
    if (response.errors)
      throw new Error(
        `reindex bulk failed: ${JSON.stringify(response.items.find((i) => i.index?.error)?.index?.error)}`,
      );
    documents += rows.length;
    lastId = rows[rows.length - 1].position.id;
  }
  await client.indices.refresh({ index });
  const { previous } = await swapAlias(client, aliasName(prefix, POSITIONS_INDEX), index);
  await dropIndices(client, await staleIndices(client, prefix, POSITIONS_INDEX));
  const requeued = await db.execute(sql`
    insert into ${searchOutbox} (entity, entity_id)
    select 'position', ${positions.id} from ${positions} join ${employers} on ${employers.id} = ${positions.employerId}
     where ${or(gte(positions.updatedAt, started), gte(employers.updatedAt, started))}`);
  return { index, documents, previous, requeued: requeued.rowCount ?? 0 };
}
