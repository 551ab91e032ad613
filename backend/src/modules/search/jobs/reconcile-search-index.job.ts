import { Injectable } from '@nestjs/common';
import { JobName, ReconcileSearchIndexPayload } from '@platform/contracts';
import { HandlesJob, JobHandler } from '../../../infra/queue/job-handler';
import { ReconcileReport, SearchReconcile } from '../search-reconcile.service';
import type { EntityKind } from '../search-sync.service';

/** Nightly: finds what the indices and PostgreSQL disagree on and queues it for the drain. */
@Injectable()
@HandlesJob(JobName.reconcileSearchIndex)
export class ReconcileSearchIndexJob implements JobHandler<
  ReconcileSearchIndexPayload,
  Record<EntityKind, ReconcileReport>
> {
  constructor(private readonly reconcile: SearchReconcile) {}

  handle(payload: ReconcileSearchIndexPayload): Promise<Record<EntityKind, ReconcileReport>> {
    return this.reconcile.reconcileAll(payload.batchSize);
  }
}
