import { Client } from 'pg';
import { ensureDatabase, runMigrations } from '../database/migrate';
import { testConfig } from './test-config';

/** A fresh, migrated test database for every run; migrations are tested on the way. */
export default async function setup(): Promise<void> {
  const { DATABASE_URL } = testConfig();
  await ensureDatabase(DATABASE_URL);
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  await client.query(
    'drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;',
  );
  await client.end();
  await runMigrations(DATABASE_URL);
}
