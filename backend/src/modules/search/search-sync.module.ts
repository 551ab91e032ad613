import { Global, Module } from '@nestjs/common';
import { SearchSync } from './search-sync.service';

/** The outbox recorder every writer of positions uses; global so features need not import it. */
@Global()
@Module({ providers: [SearchSync], exports: [SearchSync] })
export class SearchSyncModule {}
