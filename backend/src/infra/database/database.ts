import { drizzle, NodePgDatabase } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import * as schema from '../../database/schema';

export type Database = NodePgDatabase<typeof schema>;
export const DATABASE = Symbol('DATABASE');
export const PG_POOL = Symbol('PG_POOL');

export function createPool(url: string, max: number): Pool {
  // Timestamps are stored in UTC; the session time zone keeps now() and casts unambiguous.
  return new Pool({ connectionString: url, max, options: '-c timezone=UTC', application_name: 'platform' });
}

export function createDatabase(pool: Pool): Database {
  return drizzle(pool, { schema });
}
