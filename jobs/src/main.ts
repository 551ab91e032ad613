import { loadConfig } from '@platform/backend';
import { startWorker } from './worker';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await startWorker(config);
  // Closing the context closes each BullMQ worker, which waits for its running jobs to finish.
  const shutdown = () => {
    setTimeout(() => process.exit(1), config.SHUTDOWN_TIMEOUT_MS).unref();
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
