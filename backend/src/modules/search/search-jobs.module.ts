import { Module } from '@nestjs/common';
import { DrainSearchOutboxJob } from './jobs/drain-search-outbox.job';
import { SearchSyncModule } from './search-sync.module';

/** The search feature's job handlers; the worker process imports this module. */
@Module({ imports: [SearchSyncModule], providers: [DrainSearchOutboxJob] })
export class SearchJobsModule {}
