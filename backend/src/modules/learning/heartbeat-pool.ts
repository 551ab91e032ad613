import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Pool, QueryConfig, QueryResult, QueryResultRow } from 'pg';
import { APP_CONFIG, AppConfig } from '../../config/config';

/**
 * The connections heartbeats are accepted on, with asynchronous commit: a beat does not wait for
 * its WAL flush, so many beats share one. A database crash may forget the last fraction of a
 * second of acknowledged beats; the session then ends a beat earlier — less credit, never more.
 * Everything else (sessions, checks, stills, closes) commits synchronously on the main pool.
 */
@Injectable()
export class HeartbeatPool implements OnApplicationShutdown {
  private readonly pool: Pool;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.pool = new Pool({
      connectionString: config.DATABASE_URL,
      max: config.DATABASE_POOL_SIZE,
      options: '-c timezone=UTC -c synchronous_commit=off',
      application_name: 'platform-heartbeats',
    });
  }

  query<R extends QueryResultRow>(config: QueryConfig): Promise<QueryResult<R>> {
    return this.pool.query<R>(config);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
