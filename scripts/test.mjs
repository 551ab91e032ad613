#!/usr/bin/env node
// `npm test`: brings the real services up, builds, and runs every tier — unit and
// integration (PostgreSQL, Redis, Elasticsearch), then end-to-end in Chromium against the
// built api, worker and web app. Ends with one line: "N passed, N failed".
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { log, ROOT, run } from './lib/run.mjs';
import { startStack } from './lib/stack.mjs';

const REPORTS = join(ROOT, '.vitest-reports');
const UNIT_AND_INTEGRATION = ['contracts', 'search', 'backend', 'jobs', 'frontend'];
const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
// A second api process sharing Redis/PostgreSQL, for the journeys that span two (interview calls).
const E2E_SECOND_API_PORT = Number(process.env.E2E_SECOND_API_PORT ?? E2E_PORT + 1);
// `node scripts/test.mjs e2e backend` runs only those tiers; the E2E_* variables let a second
// checkout run its end-to-end tier beside this one without sharing data.
const ONLY = process.argv.slice(2);
const E2E_ENV = {
  NODE_ENV: 'test',
  DATABASE_URL: process.env.E2E_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/platform_e2e',
  REDIS_URL: process.env.E2E_REDIS_URL ?? 'redis://127.0.0.1:6379/2',
  QUEUE_PREFIX: process.env.E2E_PREFIX ?? 'e2e',
  SEARCH_INDEX_PREFIX: process.env.E2E_PREFIX ?? 'e2e',
  LOG_LEVEL: 'info',
};

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

async function vitest(workspace, extraEnv = {}, filters = []) {
  if (ONLY.length && !ONLY.includes(workspace)) return;
  const report = join(REPORTS, `${workspace}.json`);
  rmSync(report, { force: true });
  log(`tests: ${workspace}`);
  const ok = await run(
    'npx',
    ['vitest', 'run', ...filters, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    {
      cwd: join(ROOT, workspace),
      env: { ...process.env, ...extraEnv },
    },
  ).then(
    () => true,
    () => false,
  );
  count(workspace, report, ok);
}

function count(workspace, report, ok) {
  if (!existsSync(report)) {
    totals.failed += 1;
    failures.push(`${workspace}: the test run produced no report`);
    return;
  }
  const result = JSON.parse(readFileSync(report, 'utf8'));
  totals.passed += result.numPassedTests;
  totals.failed += result.numFailedTests;
  totals.skipped += result.numPendingTests + result.numTodoTests;
  if (result.numFailedTests) {
    failures.push(`${workspace}: ${result.numFailedTests} failed`);
    failures.push(...failedTests(workspace, result));
  } else if (!ok) {
    totals.failed += 1;
    failures.push(`${workspace}: the run failed outside any test (see above)`);
  }
}

/**
 * Each failed test by file and name with the first line of its error, repeated at the very end
 * of the run: a CI log that keeps only its tail still says what failed.
 */
function failedTests(workspace, result) {
  return result.testResults.flatMap((file) =>
    file.assertionResults
      .filter((test) => test.status === 'failed')
      .map((test) => {
        const reason = (test.failureMessages?.[0] ?? '').split('\n')[0].slice(0, 300);
        return `${workspace}/${file.name.slice(ROOT.length + 1)}: ${test.fullName}: ${reason}`;
      }),
  );
}

/**
 * The e2e indices go with the e2e database: documents of positions a reset deleted would
 * otherwise still be found. Deleted by name (clusters refuse wildcard deletes).
 */
async function resetSearchIndices(prefix) {
  if (!/^[a-z0-9]+$/.test(prefix)) throw new Error(`refusing to drop indices of prefix "${prefix}"`);
  const url = process.env.ELASTICSEARCH_URL ?? 'http://127.0.0.1:9200';
  const rows = await (await fetch(`${url}/_cat/indices/${prefix}_*?format=json&h=index`)).json();
  const names = rows.map((row) => row.index);
  if (names.length) await fetch(`${url}/${names.join(',')}`, { method: 'DELETE' });
  log(`dropped ${names.length} search indices of prefix ${prefix}`);
}

async function main() {
  mkdirSync(REPORTS, { recursive: true });
  await run('node', ['scripts/services.mjs', 'up']);
  if (!ONLY.length || ONLY.includes('lint')) {
    log('lint');
    await run('npm', ['run', 'lint']).catch(() => {
      totals.failed += 1;
      failures.push('lint: eslint found problems (see above)');
    });
  }
  log('building');
  await run('npm', ['run', 'build']);

  for (const workspace of UNIT_AND_INTEGRATION) await vitest(workspace);

  if (ONLY.length && !ONLY.includes('e2e')) return;
  log(`end-to-end: api + worker on port ${E2E_PORT}`);
  await run('node', ['scripts/reset-database.mjs', E2E_ENV.DATABASE_URL]);
  await resetSearchIndices(E2E_ENV.SEARCH_INDEX_PREFIX);
  const e2eEnv = { env: { ...process.env, ...E2E_ENV, LOG_LEVEL: 'warn' } };
  await run('node', ['backend/dist/database/migrate.js'], e2eEnv);
  await run('node', ['backend/dist/database/seed.js'], e2eEnv);
  const stack = await startStack({
    port: E2E_PORT,
    secondPort: E2E_SECOND_API_PORT,
    env: E2E_ENV,
    logDir: join(ROOT, 'e2e/artifacts/logs'),
  });
  try {
    // E2E_SPEC=search,training runs the journeys whose file names contain "search" or "training".
    const filters = process.env.E2E_SPEC ? process.env.E2E_SPEC.split(',') : [];
    await vitest(
      'e2e',
      {
        E2E_BASE_URL: `http://127.0.0.1:${E2E_PORT}`,
        E2E_SECOND_BASE_URL: `http://127.0.0.1:${E2E_SECOND_API_PORT}`,
        // The interview journey kills this process to prove a client survives the loss of its api node.
        E2E_SECOND_API_PID: String(stack.secondApi.pid),
      },
      filters,
    );
  } finally {
    await stack.stop();
  }
}

main()
  .catch((error) => {
    totals.failed += 1;
    failures.push(error.message);
  })
  .finally(() => {
    for (const line of failures) console.error(`✗ ${line}`);
    console.log(
      `\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
    );
    process.exit(totals.failed ? 1 : 0);
  });
