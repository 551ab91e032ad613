#!/usr/bin/env node
// `npm run demo`: install what is missing, bring the services up, build, migrate, seed the demo
// accounts, a generated fair (DEMO_POSITIONS positions, default 2000) and generated job seekers
// with resumes (DEMO_RESUMES, default 2000), and serve the platform at http://localhost:3000 with
// the worker running.
import { join } from 'node:path';
import { fail, log, ROOT, run } from './lib/run.mjs';
import { startStack } from './lib/stack.mjs';

const PORT = Number(process.env.PORT ?? 3000);
const DEMO_POSITIONS = process.env.DEMO_POSITIONS ?? '2000';
const DEMO_RESUMES = process.env.DEMO_RESUMES ?? '2000';

async function main() {
  // Quick when nothing is missing; see .ci/run for why this is not `npm ci`.
  log('installing what is missing');
  await run('npm', ['install', '--no-audit', '--no-fund']);
  await run('node', ['scripts/services.mjs', 'up', '--no-browser']);
  log('building');
  await run('npm', ['run', 'build']);
  log('migrating');
  await run('node', ['backend/dist/database/migrate.js']);

  const stack = await startStack({ port: PORT, env: {}, logDir: join(ROOT, '.data/logs') });
  console.log(`\n  公共就业服务平台 is running at http://localhost:${PORT}`);
  console.log(
    `  API docs: http://localhost:${PORT}/api/docs · queues (admins): http://localhost:${PORT}/admin/queues`,
  );
  console.log(`  logs: .data/logs/api.log, .data/logs/worker.log · Ctrl-C stops the api and the worker\n`);
  await run('node', ['backend/dist/database/seed.js']); // idempotent; prints the demo accounts
  // The populated fair: generated once per seed, left as it is on later runs (see docs/demo-data.md).
  await run('node', ['backend/dist/database/demo/generate.js', '--positions', DEMO_POSITIONS]);
  // Job seekers with resumes, so resume search and each position's ranked candidates have people
  // to show; also generated once per seed.
  await run('node', ['backend/dist/database/demo/generate-resumes.js', '--resumes', DEMO_RESUMES]);
  // Agency placements and 社保 months of the demo agency (needs the generated agency and
  // employers), its activity records, and the demo student's own resume.
  await run('node', ['backend/dist/database/demo/seed-agency-subsidies.js']);
  // Generated rows bypass the search outbox; a reindex (alias swap, no downtime) makes them searchable.
  await run('node', ['backend/dist/search-reindex.js']).catch((error) =>
    log(`search index not rebuilt (${error.message}); run npm run search:reindex once Elasticsearch is up`),
  );

  const onApiExit = (code) => fail(`the api stopped (${code}); see .data/logs/api.log`);
  const stop = async () => {
    log('stopping');
    stack.api.off('exit', onApiExit);
    await stack.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  stack.api.once('exit', onApiExit);
}

main().catch((error) => fail(error.message));
