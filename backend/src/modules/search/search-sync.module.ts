import { Global, Module } from '@nestjs/common';
import { SearchReconcile } from './search-reconcile.service';
import { SearchSync } from './search-sync.service';

/** The outbox recorder every writer of positions uses; global so features need not import it. */
@Global()
@Module({ providers: [SearchSync, SearchReconcile], exports: [SearchSync, SearchReconcile] })
export class SearchSyncModule {}
