import { createSearchClient } from '@platform/search';
import { loadConfig } from './config/config';
import { createDatabase, createPool } from './infra/database/database';
import { reindexPositions } from './modules/search/reindex';

/** `npm run search:reindex`: rebuild the positions index behind its alias without downtime. */
async function main(): Promise<void> {
  const config = loadConfig();
  const pool = createPool(config.DATABASE_URL, 2);
  const client = createSearchClient({ url: config.ELASTICSEARCH_URL, requestTimeoutMs: 60_000 });
  try {
    const started = Date.now();
    const result = await reindexPositions(createDatabase(pool), client, config.SEARCH_INDEX_PREFIX);
    console.log(
      `reindexed ${result.documents} positions into ${result.index} in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
        `alias moved from ${result.previous.join(', ') || '(none)'}; ${result.requeued} changes made meanwhile re-queued`,
    );
  } finally {
    await client.close();
    await pool.end();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
