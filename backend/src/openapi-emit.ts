import { writeFileSync } from 'node:fs';
import { createApp } from './bootstrap';
import { loadConfig } from './config/config';
import { buildOpenApiDocument } from './openapi';

/** Writes the OpenAPI document to a file (argv[2]) or stdout, for the frontend's client generator. */
export async function emitOpenApi(): Promise<string> {
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: 'error',
    SCHEDULE_REPEATABLE_JOBS: 'false',
    WEB_DIST_DIR: '',
  });
  const app = await createApp(config);
  try {
    return JSON.stringify(buildOpenApiDocument(app), null, 2) + '\n';
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  emitOpenApi()
    .then((json) => (process.argv[2] ? writeFileSync(process.argv[2], json) : process.stdout.write(json)))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
