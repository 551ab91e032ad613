import { createSearchClient } from '@platform/search';
import { loadConfig } from './config/config';
import { createDatabase, createPool } from './infra/database/database';
import { reindexCourses, reindexPositions, reindexResumes } from './modules/search/reindex';

/** `npm run search:reindex`: rebuild the positions, resumes and courses indices behind their aliases without downtime. */
async function main(): Promise<void> {
  const config = loadConfig();
  const pool = createPool(config.DATABASE_URL, 2);
  const client = createSearchClient({ url: config.ELASTICSEARCH_URL, requestTimeoutMs: 60_000 });
  try {
    const db = createDatabase(pool);
    for (const [what, reindex] of [
      ['positions', reindexPositions],
      ['resumes', reindexResumes],
      ['courses', reindexCourses],
    ] as const) {
      const started = Date.now();
      const result = await reindex(db, client, config.SEARCH_INDEX_PREFIX);
      console.log(
        `reindexed ${result.documents} ${what} into ${result.index} in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
          `alias moved from ${result.previous.join(', ') || '(none)'}; ${result.requeued} changes made meanwhile re-queued`,
      );
    }
  } finally {
    await client.close();
    await pool.end();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
