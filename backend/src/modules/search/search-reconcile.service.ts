import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JobName, QueueName } from '@platform/contracts';
import type { SearchClient } from '@platform/search';
import { Queue } from 'bullmq';
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { positions, searchOutbox } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { SEARCH_CLIENT } from '../../infra/search/search.module';
import { loadPositionDocuments } from './position-documents';
import { SearchSync } from './search-sync.service';

const NIGHTLY_SCHEDULER_ID = 'reconcile-search-index-nightly';

export interface ReconcileReport {
  /** Published in PostgreSQL and looked up in the index. */
  checked: number;
  /** Published but absent from the index. */
  missing: number;
  /** In the index with content that differs from what PostgreSQL says now. */
  stale: number;
  /** In the index but not published (any more) in PostgreSQL. */
  stray: number;
}

/**
 * The drain makes the index follow every recorded write; this catches what no write recorded
 * (a restored backup, a manual fix in SQL, an index damaged by hand). It only queues outbox rows,
 * so the repair goes through the same versioned, idempotent path as every other change.
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

  async reconcilePositions(batchSize = 1000): Promise<ReconcileReport> {
    await this.sync.ensureIndex();
    const report: ReconcileReport = { checked: 0, missing: 0, stale: 0, stray: 0 };
    for (let after = ''; ;) {
      const ids = await this.publishedIdsAfter(after, batchSize);
      if (!ids.length) break;
      const drifted = await this.compareWithIndex(ids, report);
      await this.requeue(drifted);
      after = ids[ids.length - 1];
    }
    for (let after: string | undefined; ;) {
      const ids = await this.indexedIdsAfter(after, batchSize);
      if (!ids.length) break;
      const published = new Set(await this.publishedAmong(ids));
      const stray = ids.filter((id) => !published.has(id));
      report.stray += stray.length;
      await this.requeue(stray);
      after = ids[ids.length - 1];
    }
    if (report.missing + report.stale + report.stray) this.sync.kick();
    return report;
  }

  private async publishedIdsAfter(after: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .select({ id: positions.id })
      .from(positions)
      .where(and(eq(positions.status, 'published'), after ? gt(positions.id, after) : undefined))
      .orderBy(asc(positions.id))
      .limit(limit);
    return rows.map((r) => r.id);
  }

  private async publishedAmong(ids: string[]): Promise<string[]> {
    const rows = await this.db
      .select({ id: positions.id })
      .from(positions)
      .where(and(inArray(positions.id, ids), eq(positions.status, 'published')));
    return rows.map((r) => r.id);
  }

  /** Compares each document PostgreSQL would index now with the one the index holds. */
  private async compareWithIndex(ids: string[], report: ReconcileReport): Promise<string[]> {
    const expected = await loadPositionDocuments(this.db, ids);
    const { docs } = await this.client.mget<Record<string, unknown>>({ index: this.sync.alias, ids });
    const drifted: string[] = [];
    for (const doc of docs) {
      const want = expected.get(doc._id);
      if (!want) continue; // unpublished since the id was listed: the stray pass handles it
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

  private async indexedIdsAfter(after: string | undefined, size: number): Promise<string[]> {
    const response = await this.client.search({
      index: this.sync.alias,
      size,
      _source: false,
      sort: [{ id: 'asc' }],
      search_after: after ? [after] : undefined,
      query: { match_all: {} },
    });
    return response.hits.hits.map((hit) => hit._id!);
  }

  private async requeue(ids: string[]): Promise<void> {
    if (ids.length)
      await this.db
        .insert(searchOutbox)
        .values(ids.map((entityId) => ({ entity: 'position' as const, entityId })));
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
