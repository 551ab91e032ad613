import { Injectable } from '@nestjs/common';
import { DrainSearchOutboxPayload, JobName } from '@platform/contracts';
import { HandlesJob, JobHandler } from '../../../infra/queue/job-handler';
import { SearchSync } from '../search-sync.service';

/** Drains the search outbox in batches until empty; safe to run twice or concurrently (skip locked). */
@Injectable()
@HandlesJob(JobName.drainSearchOutbox)
export class DrainSearchOutboxJob implements JobHandler<
  DrainSearchOutboxPayload,
  { indexed: number; deleted: number }
> {
  constructor(private readonly sync: SearchSync) {}

  async handle(payload: DrainSearchOutboxPayload): Promise<{ indexed: number; deleted: number }> {
    let indexed = 0;
    let deleted = 0;
    for (let afterId = 0; ;) {
      const batch = await this.sync.drain(payload.batchSize, afterId);
      indexed += batch.indexed;
      deleted += batch.deleted;
      if (!batch.more) return { indexed, deleted };
      afterId = batch.lastId;
    }
  }
}
