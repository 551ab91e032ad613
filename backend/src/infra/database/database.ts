import { drizzle, NodePgDatabase } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import * as schema from '../../database/schema';

export type Database = NodePgDatabase<typeof schema>;
export const DATABASE = Symbol('DATABASE');
export const PG_POOL = Symbol('PG_POOL');

export function createPool(url: string, max: number): Pool {
  // Timestamps are stored in UTC; the session time zone keeps now() and casts unambiguous.
  // No JIT: the app's queries are short, and a misestimated cost compiled one every time (a
  // subsidy chunk's placement read: ~50 ms of compiling for a 1 ms query).
  return new Pool({
    connectionString: url,
    max,
    options: '-c timezone=UTC -c jit=off',
    application_name: 'platform',
  });
}

export function createDatabase(pool: Pool): Database {
  return drizzle(pool, { schema });
}
