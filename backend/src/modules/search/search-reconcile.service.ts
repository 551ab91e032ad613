import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JobName, QueueName } from '@platform/contracts';
import type { SearchClient } from '@platform/search';
import { Queue } from 'bullmq';
import { asc, gt } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { positions, resumes, searchOutbox, trainingCourses } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { SEARCH_CLIENT } from '../../infra/search/search.module';
import { EntityKind, KINDS, SearchSync } from './search-sync.service';

const NIGHTLY_SCHEDULER_ID = 'reconcile-search-index-nightly';

export interface ReconcileReport {
  /** Documents PostgreSQL says belong in the index, looked up there. */
  checked: number;
  /** Belong in the index but are absent from it. */
  missing: number;
  /** In the index with content that differs from what PostgreSQL says now. */
  stale: number;
  /** In the index but not (any more) meant to be. */
  stray: number;
}

/** Where each kind's ids live in PostgreSQL, and the keyword field its index sorts ids by. */
const SOURCES: Record<EntityKind, { table: PgTable; id: PgColumn; indexField: string }> = {
  position: { table: positions, id: positions.id, indexField: 'id' },
  resume: { table: resumes, id: resumes.userId, indexField: 'userId' },
  course: { table: trainingCourses, id: trainingCourses.id, indexField: 'id' },
};

/**
 * The drain makes each index follow every recorded write; this catches what no write recorded
 * (a restored backup, a manual fix in SQL, an index damaged by hand). What belongs in an index is
 * what the drain's own loaders return, and a repair is only an outbox row, so it goes through the
 * same versioned, idempotent path as every other change.
 */
@Injectable()
export class SearchReconcile implements OnApplicationBootstrap {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(SEARCH_CLIENT) private readonly client: SearchClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(QueueName.search) private readonly queue: Queue,
    private readonly sync: SearchSync,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.SCHEDULE_REPEATABLE_JOBS) return;
    await this.queue.upsertJobScheduler(
      NIGHTLY_SCHEDULER_ID,
      { pattern: '0 30 3 * * *', tz: 'Asia/Shanghai' },
      { name: JobName.reconcileSearchIndex, data: { batchSize: 1000 } },
    );
  }

  /** Positions, resumes and courses, one after the other. */
  async reconcileAll(batchSize = 1000): Promise<Record<EntityKind, ReconcileReport>> {
    const reports = {} as Record<EntityKind, ReconcileReport>;
    for (const kind of KINDS) reports[kind] = await this.reconcile(kind, batchSize);
    return reports;
  }

  async reconcile(kind: EntityKind, batchSize = 1000): Promise<ReconcileReport> {
    await this.sync.ensureIndex();
    const report: ReconcileReport = { checked: 0, missing: 0, stale: 0, stray: 0 };
    for (let after = ''; ;) {
      const ids = await this.storedIdsAfter(kind, after, batchSize);
      if (!ids.length) break;
      await this.requeue(kind, await this.compareWithIndex(kind, ids, report));
      after = ids[ids.length - 1]!;
    }
    for (let after: string | undefined; ;) {
      const ids = await this.indexedIdsAfter(kind, after, batchSize);
      if (!ids.length) break;
      const wanted = await this.sync.documentsOf(kind, ids);
      const stray = ids.filter((id) => !wanted.has(id));
      report.stray += stray.length;
      await this.requeue(kind, stray);
      after = ids[ids.length - 1];
    }
    if (report.missing + report.stale + report.stray) this.sync.kick();
    return report;
  }

  private async storedIdsAfter(kind: EntityKind, after: string, limit: number): Promise<string[]> {
    const { table, id } = SOURCES[kind];
    const rows = await this.db
      .select({ id })
      .from(table)
      .where(after ? gt(id, after) : undefined)
      .orderBy(asc(id))
      .limit(limit);
    return rows.map((r) => r.id as string);
  }

  /** Compares each document PostgreSQL would index now with the one the index holds. */
  private async compareWithIndex(
    kind: EntityKind,
    ids: string[],
    report: ReconcileReport,
  ): Promise<string[]> {
    const expected = await this.sync.documentsOf(kind, ids);
    if (!expected.size) return [];
    const { docs } = await this.client.mget<Record<string, unknown>>({
      index: this.sync.aliasOf(kind),
      ids: [...expected.keys()],
    });
    const drifted: string[] = [];
    for (const doc of docs) {
      const want = expected.get(doc._id)!;
      report.checked += 1;
      if (!('found' in doc) || !doc.found) {
        report.missing += 1;
        drifted.push(doc._id);
      } else if (canonical(doc._source) !== canonical(want)) {
        report.stale += 1;
        drifted.push(doc._id);
      }
    }
    return drifted;
  }

  private async indexedIdsAfter(
    kind: EntityKind,
    after: string | undefined,
    size: number,
  ): Promise<string[]> {
    const field = SOURCES[kind].indexField;
    const response = await this.client.search({
      index: this.sync.aliasOf(kind),
      size,
      _source: false,
      sort: [{ [field]: 'asc' }],
      search_after: after ? [after] : undefined,
      query: { match_all: {} },
    });
    return response.hits.hits.map((hit) => hit._id!);
  }

  private async requeue(kind: EntityKind, ids: string[]): Promise<void> {
    if (ids.length)
      await this.db.insert(searchOutbox).values(ids.map((entityId) => ({ entity: kind, entityId })));
  }
}

/** JSON with sorted keys, so two documents compare by content, not by key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}
