import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JobName, QueueName } from '@platform/contracts';
import type { estypes } from '@elastic/elasticsearch';
import {
  aliasName,
  ensureIndex,
  COURSES_INDEX,
  IndexDefinition,
  indexVersion,
  indicesOfAlias,
  POSITIONS_INDEX,
  RESUMES_INDEX,
  SearchClient,
} from '@platform/search';
import { Queue } from 'bullmq';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../common/audit/audit-log';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { positions, searchOutbox } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { SEARCH_CLIENT } from '../../infra/search/search.module';
import { loadPositionDocuments } from './position-documents';
import { reindexPositions } from './reindex';
import { loadCourseDocuments } from './course-documents';
import { loadResumeDocuments } from './resume-documents';

export type EntityKind = (typeof searchOutbox.$inferInsert)['entity'];
type BulkLine = estypes.BulkOperationContainer | object;

/**
 * What each outbox entity becomes: the index it lives in and the loader that returns the
 * documents that should be there (an id the loader leaves out is deleted from the index).
 */
const ENTITY_KINDS: Record<
  EntityKind,
  { index: IndexDefinition; load: (tx: Executor, ids: string[]) => Promise<Map<string, object>> }
> = {
  position: { index: POSITIONS_INDEX, load: loadPositionDocuments },
  resume: { index: RESUMES_INDEX, load: loadResumeDocuments },
  course: { index: COURSES_INDEX, load: loadCourseDocuments },
};
export const KINDS = Object.keys(ENTITY_KINDS) as EntityKind[];
const DRAIN_SCHEDULER_ID = 'drain-search-outbox';
/** ES answers 409 to an older version and 404 to deleting what is not there: both mean "already done". */
const HARMLESS = new Set([404, 409]);

/**
 * Keeps the positions and resumes indices in step with PostgreSQL through the outbox: writers record the ids
 * they changed in their own transaction; the drain job indexes what is published and deletes the
 * rest, versioned by the time it read PostgreSQL, so a late, older write never wins.
 */
@Injectable()
export class SearchSync implements OnApplicationBootstrap {
  private readonly logger = new Logger(SearchSync.name);
  private indicesCheckedAt = 0;

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(SEARCH_CLIENT) private readonly client: SearchClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(QueueName.search) private readonly queue: Queue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureIndex()
      .then(() => this.upgradeIndex())
      .catch((error: Error) =>
        this.logger.warn({ err: error }, 'search index not ready; the drain job retries'),
      );
    if (this.config.SCHEDULE_REPEATABLE_JOBS) {
      // The safety net: whatever a missed kick left behind is drained within seconds.
      await this.queue.upsertJobScheduler(
        DRAIN_SCHEDULER_ID,
        { every: 10_000 },
        { name: JobName.drainSearchOutbox, data: { batchSize: 500 } },
      );
    }
  }

  /** The positions alias (what position search reads). */
  get alias(): string {
    return this.aliasOf('position');
  }

  /** The documents of these ids that belong in the index now; an id left out does not. */
  documentsOf(kind: EntityKind, ids: string[]): Promise<Map<string, object>> {
    return ENTITY_KINDS[kind].load(this.db, ids);
  }

  aliasOf(kind: EntityKind): string {
    return aliasName(this.config.SEARCH_INDEX_PREFIX, ENTITY_KINDS[kind].index);
  }

  /**
   * Creates whatever index is missing. Checked again at most every 30 s rather than on every
   * batch: three alias look-ups per batch were a visible share of a large drain.
   */
  async ensureIndex(): Promise<void> {
    if (Date.now() - this.indicesCheckedAt < 30_000) return;
    for (const kind of KINDS)
      await ensureIndex(this.client, this.config.SEARCH_INDEX_PREFIX, ENTITY_KINDS[kind].index);
    this.indicesCheckedAt = Date.now();
  }

  /**
   * When the alias still points at an index built from an older definition (a mapping change
   * bumped the version), rebuild from PostgreSQL behind the alias. One process does it: the others
   * find the advisory lock taken and keep serving from the old index until the swap.
   */
  async upgradeIndex(): Promise<boolean> {
    const outdated = async () =>
      (await indicesOfAlias(this.client, this.alias)).some(
        (index) => indexVersion(index) !== POSITIONS_INDEX.version,
      );
    if (!(await outdated())) return false;
    return this.db.transaction(async (tx) => {
      const { rows } = await tx.execute<{ locked: boolean }>(
        sql`select pg_try_advisory_xact_lock(hashtext('search-index-upgrade')) as locked`,
      );
      if (!rows[0]?.locked || !(await outdated())) return false;
      const result = await reindexPositions(this.db, this.client, this.config.SEARCH_INDEX_PREFIX);
      this.logger.log(`positions index upgraded to v${POSITIONS_INDEX.version}: ${result.index}`);
      return true;
    });
  }

  /** Inside the writer's transaction. */
  async recordPositions(tx: Executor, positionIds: string[]): Promise<void> {
    if (positionIds.length)
      await tx
        .insert(searchOutbox)
        .values(positionIds.map((entityId) => ({ entity: 'position' as const, entityId })));
  }

  /** A seeker's resume (its content, visibility or the profile fields it carries changed). */
  async recordResume(tx: Executor, userId: string): Promise<void> {
    await tx.insert(searchOutbox).values({ entity: 'resume', entityId: userId });
  }

  /** Every position of an employer (its name, industry or key-enterprise flag is in each document). */
  async recordEmployer(tx: Executor, employerId: string): Promise<void> {
    await tx.execute(
      sql`insert into ${searchOutbox} (entity, entity_id) select 'position', id from ${positions} where ${positions.employerId} = ${employerId}`,
    );
  }

  /** After the commit: ask for a drain soon. Failing to ask loses nothing (the scheduler drains too). */
  kick(): void {
    const second = Math.floor(Date.now() / 1000);
    this.queue
      .add(
        JobName.drainSearchOutbox,
        { batchSize: 500 },
        {
          jobId: `drain-${second}`,
          removeOnComplete: 100,
          removeOnFail: 500,
          attempts: 8,
          backoff: { type: 'exponential', delay: 1000 },
        },
      )
      .catch((error: Error) => this.logger.warn({ err: error }, 'could not enqueue a search drain'));
  }

  /**
   * One batch: index or delete, then forget the outbox rows; on any real failure nothing is
   * forgotten. `afterId` lets a loop continue past the rows it just deleted instead of walking
   * their dead tuples again; `more` says the batch was full. No count of the whole table: on a
   * large backfill that count made every batch slower than the last.
   */
  async drain(
    batchSize = 500,
    afterId = 0,
  ): Promise<{ indexed: number; deleted: number; more: boolean; lastId: number }> {
    await this.ensureIndex();
    return this.db.transaction(async (tx) => {
      const rows = await tx.execute<{ id: number; entity: EntityKind; entity_id: string }>(
        sql`select id, entity, entity_id from ${searchOutbox} where id > ${afterId} order by id limit ${batchSize} for update skip locked`,
      );
      if (!rows.rows.length) return { indexed: 0, deleted: 0, more: false, lastId: afterId };
      const version = Date.now();
      let indexed = 0;
      let deleted = 0;
      const operations: BulkLine[] = [];
      for (const kind of KINDS) {
        const ids = [...new Set(rows.rows.filter((r) => r.entity === kind).map((r) => r.entity_id))];
        if (!ids.length) continue;
        const documents = await ENTITY_KINDS[kind].load(tx, ids);
        const alias = this.aliasOf(kind);
        for (const id of ids) {
          const doc = documents.get(id);
          const meta = { _index: alias, _id: id, version, version_type: 'external_gte' as const };
          operations.push(...(doc ? [{ index: meta }, doc] : [{ delete: meta }]));
        }
        indexed += documents.size;
        deleted += ids.length - documents.size;
      }
      // require_alias: a missing alias fails the batch (and is recreated on the retry) instead of
      // letting Elasticsearch auto-create an unmapped index under the alias's name.
      const response = await this.client.bulk({ operations, require_alias: true }).catch((error: Error) => {
        this.indicesCheckedAt = 0;
        throw error;
      });
      const failures = response.items
        .map((item) => Object.values(item)[0])
        .filter((r) => r.error && !HARMLESS.has(r.status));
      if (failures.length) {
        this.indicesCheckedAt = 0;
        throw new Error(
          `bulk indexing failed for ${failures.length} documents: ${JSON.stringify(failures[0].error)}`,
        );
      }
      await tx.delete(searchOutbox).where(
        inArray(
          searchOutbox.id,
          rows.rows.map((r) => Number(r.id)),
        ),
      );
      const lastId = Number(rows.rows[rows.rows.length - 1].id);
      return { indexed, deleted, more: rows.rows.length === batchSize, lastId };
    });
  }

  /**
   * Drains until the outbox is empty, rows other drains hold included, and makes the result
   * visible to searches (tests, reindex).
   */
  async drainAll(): Promise<void> {
    for (;;) {
      let batch = await this.drain(1000);
      while (batch.more) batch = await this.drain(1000, batch.lastId);
      const [{ n }] = (
        await this.db.execute<{ n: number }>(sql`select count(*)::int as n from ${searchOutbox}`)
      ).rows;
      if (n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await this.client.indices.refresh({ index: KINDS.map((kind) => this.aliasOf(kind)) });
  }

  async pending(entityId: string): Promise<number> {
    const rows = await this.db.select().from(searchOutbox).where(eq(searchOutbox.entityId, entityId));
    return rows.length;
  }
}
