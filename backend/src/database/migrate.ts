import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { resolve } from 'node:path';
import { Client } from 'pg';

/** Works from src/ (tests) and dist/ (production): both sit two levels below the package. */
export const MIGRATIONS_FOLDER = resolve(__dirname, '../../src/database/migrations');
const MIGRATION_LOCK = 72_010_001;

/** Applies pending SQL migrations; an advisory lock lets several api nodes start at once. */
export async function runMigrations(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl, options: '-c timezone=UTC' });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}

/** Creates the database named in the URL when it does not exist (local development and tests). */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (!exists.rowCount) await admin.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
}

if (require.main === module) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { loadConfig } = require('../config/config') as typeof import('../config/config');
  const { DATABASE_URL } = loadConfig();
  ensureDatabase(DATABASE_URL)
    .then(() => runMigrations(DATABASE_URL))
    .then(() => console.log('migrations applied'))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
