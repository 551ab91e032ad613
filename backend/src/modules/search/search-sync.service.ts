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
import { eq, sql } from 'drizzle-orm';
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
type OutboxRow = { id: number; entity: EntityKind; entity_id: string };
type BatchResult = { indexed: number; deleted: number; more: boolean; lastId: number };

/** The next `limit` outbox rows after `afterId` that no other drain holds, locked until commit. */
async function claimRows(tx: Executor, afterId: number, limit: number): Promise<OutboxRow[]> {
  const { rows } = await tx.execute<OutboxRow>(
    sql`select id, entity, entity_id from ${searchOutbox} where id > ${afterId} order by id limit ${limit} for update skip locked`,
  );
  return rows;
}

/**
 * Hands the lanes of one drain consecutive runs of rows: claims take turns, each starting past the
 * last row the previous claim took, so no lane walks rows another lane holds (or has deleted).
 */
class ClaimCursor {
  exhausted = false;
  private afterId = 0;
  private turn: Promise<unknown> = Promise.resolve();

  constructor(private readonly batchSize: number) {}

  next(tx: Executor): Promise<OutboxRow[]> {
    const claim = this.turn.then(async () => {
      if (this.exhausted) return [];
      const rows = await claimRows(tx, this.afterId, this.batchSize);
      if (rows.length) this.afterId = Number(rows[rows.length - 1].id);
      if (rows.length < this.batchSize) this.exhausted = true;
      return rows;
    });
    this.turn = claim.catch(() => undefined);
    return claim;
  }
}

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
/**
 * Batches in flight at once in one drain: two keep both PostgreSQL and Elasticsearch busy (one
 * lane loads while the other's `_bulk` is indexed); more only queue behind them on two cores.
 */
export const DRAIN_LANES = 2;
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
  private lastVersion = 0;

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
   * One batch from `afterId` on: index or delete, then forget the outbox rows; on any real failure
   * nothing is forgotten. `afterId` lets a loop continue past the rows it just deleted instead of
   * walking their dead tuples again; `more` says the batch was full.
   */
  async drain(batchSize = 500, afterId = 0): Promise<BatchResult> {
    const batch = await this.drainBatch((tx) => claimRows(tx, afterId, batchSize), batchSize);
    return batch.lastId ? batch : { ...batch, lastId: afterId };
  }

  /**
   * Drains until no claimable row is left, `lanes` batches at a time. Each lane runs claim → load →
   * `_bulk` → delete in its own transaction, so one lane's PostgreSQL work overlaps another's
   * `_bulk` in flight; claims take turns past a shared cursor, so lanes never walk each other's
   * rows, and SKIP LOCKED passes over rows other processes' drains hold. The first failure stops
   * further claims; its batch rolls back (its rows stay) and the error is rethrown once the other
   * lanes have finished theirs, for the job's retry with backoff.
   */
  async drainUntilEmpty(batchSize = 500, lanes = DRAIN_LANES): Promise<{ indexed: number; deleted: number }> {
    await this.ensureIndex();
    const claims = new ClaimCursor(batchSize);
    const totals = { indexed: 0, deleted: 0 };
    let failed = false;
    const lane = async () => {
      while (!claims.exhausted && !failed) {
        const batch = await this.drainBatch((tx) => claims.next(tx), batchSize).catch((error: unknown) => {
          failed = true;
          throw error;
        });
        totals.indexed += batch.indexed;
        totals.deleted += batch.deleted;
      }
    };
    const outcomes = await Promise.allSettled(Array.from({ length: Math.max(1, lanes) }, lane));
    const rejected = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (rejected) throw rejected.reason;
    return totals;
  }

  private async drainBatch(
    claim: (tx: Executor) => Promise<OutboxRow[]>,
    batchSize: number,
  ): Promise<BatchResult> {
    await this.ensureIndex();
    return this.db.transaction(async (tx) => {
      const rows = await claim(tx);
      if (!rows.length) return { indexed: 0, deleted: 0, more: false, lastId: 0 };
      // Taken after the claim, before the documents are read: a batch claimed later carries a
      // higher version, and a write committed after a read has its own, later outbox row.
      const version = this.nextVersion();
      let indexed = 0;
      let deleted = 0;
      const operations: BulkLine[] = [];
      for (const kind of KINDS) {
        const ids = [...new Set(rows.filter((r) => r.entity === kind).map((r) => r.entity_id))];
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
      // Only now, with Elasticsearch's acknowledgement: one statement for the whole batch.
      const ids = rows.map((r) => Number(r.id));
      await tx.execute(sql`delete from ${searchOutbox} where id = any(${`{${ids.join(',')}}`}::bigint[])`);
      return { indexed, deleted, more: rows.length === batchSize, lastId: ids[ids.length - 1] };
    });
  }

  /** Date.now(), but strictly increasing within this process (two batches in one millisecond). */
  private nextVersion(): number {
    this.lastVersion = Math.max(Date.now(), this.lastVersion + 1);
    return this.lastVersion;
  }

  /**
   * Drains until the outbox is empty, rows other drains hold included, and makes the result
   * visible to searches (tests, reindex).
   */
  async drainAll(): Promise<void> {
    for (;;) {
      await this.drainUntilEmpty(1000);
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
