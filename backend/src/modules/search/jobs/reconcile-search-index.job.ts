import { Injectable } from '@nestjs/common';
import { JobName, ReconcileSearchIndexPayload } from '@platform/contracts';
import { HandlesJob, JobHandler } from '../../../infra/queue/job-handler';
import { ReconcileReport, SearchReconcile } from '../search-reconcile.service';

/** Nightly: finds what the index and PostgreSQL disagree on and queues it for the drain. */
@Injectable()
@HandlesJob(JobName.reconcileSearchIndex)
export class ReconcileSearchIndexJob implements JobHandler<ReconcileSearchIndexPayload, ReconcileReport> {
  constructor(private readonly reconcile: SearchReconcile) {}

  handle(payload: ReconcileSearchIndexPayload): Promise<ReconcileReport> {
    return this.reconcile.reconcilePositions(payload.batchSize);
  }
}
