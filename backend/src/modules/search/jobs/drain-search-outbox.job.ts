import { Injectable } from '@nestjs/common';
import { DrainSearchOutboxPayload, JobName } from '@platform/contracts';
import { HandlesJob, JobHandler } from '../../../infra/queue/job-handler';
import { SearchSync } from '../search-sync.service';

/**
 * Drains the search outbox in batches until empty, two batches in flight at a time; safe to run
 * twice or concurrently (rows are claimed with SKIP LOCKED).
 */
@Injectable()
@HandlesJob(JobName.drainSearchOutbox)
export class DrainSearchOutboxJob implements JobHandler<
  DrainSearchOutboxPayload,
  { indexed: number; deleted: number }
> {
  constructor(private readonly sync: SearchSync) {}

  handle(payload: DrainSearchOutboxPayload): Promise<{ indexed: number; deleted: number }> {
    return this.sync.drainUntilEmpty(payload.batchSize);
  }
}
