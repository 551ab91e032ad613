import { Module } from '@nestjs/common';
import { DrainSearchOutboxJob } from './jobs/drain-search-outbox.job';
import { ReconcileSearchIndexJob } from './jobs/reconcile-search-index.job';
import { SearchSyncModule } from './search-sync.module';

/** The search feature's job handlers; the worker process imports this module. */
@Module({ imports: [SearchSyncModule], providers: [DrainSearchOutboxJob, ReconcileSearchIndexJob] })
export class SearchJobsModule {}
