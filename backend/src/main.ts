import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap';
import { loadConfig } from './config/config';
import { runMigrations } from './database/migrate';

async function main(): Promise<void> {
  const config = loadConfig();
  await runMigrations(config.DATABASE_URL);
  const app = await createApp(config);
  await app.listen({ host: config.HOST, port: config.PORT });
  const logger = new Logger('Api');
  logger.log(`api listening on http://${config.HOST}:${config.PORT} (docs at /api/docs)`);

  // Stop taking new connections, let in-flight requests, sockets and queue clients finish, then exit.
  const shutdown = (signal: string) => {
    logger.log(`${signal} received, draining`);
    setTimeout(() => {
      logger.error(`shutdown took longer than ${config.SHUTDOWN_TIMEOUT_MS} ms; exiting`);
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS).unref();
    app.close().then(
      () => process.exit(0),
      (error) => {
        logger.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
