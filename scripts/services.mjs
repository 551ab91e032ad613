#!/usr/bin/env node
// Brings up the real services the platform and its tests use: PostgreSQL, Redis, a real
// Elasticsearch 8 node and Debian's Chromium. Idempotent and quick when all are up.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { commandExists, fail, log, portOpen, waitFor } from './lib/run.mjs';
import { engineDown, engineStatus, engineUp } from '../search/engine/engine.mjs';

const PG_PORT = 5432;
const REDIS_PORT = 6379;
const CHROMIUM = '/usr/bin/chromium';

function sh(command) {
  return spawnSync('sh', ['-c', command], { stdio: 'inherit' }).status === 0;
}

function isRoot() {
  return process.getuid?.() === 0;
}

let aptUpdated = false;
function aptInstall(packages) {
  if (!isRoot() || !commandExists('apt-get')) return false;
  if (!aptUpdated) {
    log('apt-get update');
    aptUpdated = sh('apt-get update -q >/dev/null');
  }
  log(`installing ${packages.join(' ')} from Debian's packages`);
  return sh(`DEBIAN_FRONTEND=noninteractive apt-get install -y -q ${packages.join(' ')} >/dev/null`);
}

async function postgresUp() {
  if (await portOpen(PG_PORT)) return log('PostgreSQL answers on 127.0.0.1:5432');
  if (!existsSync('/etc/postgresql') && !aptInstall(['postgresql'])) {
    fail(
      'PostgreSQL is not running and could not be installed: install PostgreSQL 15 and start it on 127.0.0.1:5432 (trust auth for user postgres).',
    );
  }
  const versions = existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql') : [];
  if (!versions.length) fail('PostgreSQL is installed but has no cluster under /etc/postgresql.');
  log(`starting PostgreSQL ${versions[0]}`);
  sh(`pg_ctlcluster --skip-systemctl-redirect ${versions[0]} main start`);
  await waitFor(() => portOpen(PG_PORT), { timeoutMs: 30_000, what: 'PostgreSQL on 5432' }).catch((e) =>
    fail(`${e.message}. Is port 5432 taken by something else? Check: ss -ltnp | grep 5432`),
  );
  // A freshly installed cluster asks for passwords over TCP; the platform's local default is trust.
  sh(`su postgres -c "psql -qAtc \\"select 1\\"" >/dev/null 2>&1 || true`);
  log('PostgreSQL started');
}

async function redisUp() {
  if (await portOpen(REDIS_PORT)) return log('Redis answers on 127.0.0.1:6379');
  if (!commandExists('redis-server') && !aptInstall(['redis-server'])) {
    fail('Redis is not running and could not be installed: install Redis 7 and start it on 127.0.0.1:6379.');
  }
  log('starting Redis');
  sh('mkdir -p /var/lib/redis /var/log/redis');
  sh(
    'redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/platform.log',
  );
  await waitFor(() => portOpen(REDIS_PORT), { timeoutMs: 15_000, what: 'Redis on 6379' }).catch((e) =>
    fail(`${e.message}. See /var/log/redis/platform.log; is port 6379 taken? Check: ss -ltnp | grep 6379`),
  );
}

function chromiumUp() {
  if (existsSync(CHROMIUM)) return log('Chromium is installed');
  if (!aptInstall(['chromium', 'fonts-noto-cjk'])) {
    fail(
      `Chromium is missing at ${CHROMIUM}: install Debian's chromium package (apt-get install chromium fonts-noto-cjk).`,
    );
  }
}

async function up({ withBrowser }) {
  await postgresUp();
  await redisUp();
  await engineUp();
  if (withBrowser) chromiumUp();
}

async function status() {
  const rows = [
    ['PostgreSQL 127.0.0.1:5432', await portOpen(PG_PORT)],
    ['Redis 127.0.0.1:6379', await portOpen(REDIS_PORT)],
    ['Chromium /usr/bin/chromium', existsSync(CHROMIUM)],
  ];
  for (const [name, ok] of rows) console.log(`${ok ? '✓' : '✗'} ${name}`);
  const engineOk = await engineStatus();
  return rows.every(([, ok]) => ok) && engineOk;
}

const command = process.argv[2] ?? 'status';
try {
  if (command === 'up') await up({ withBrowser: !process.argv.includes('--no-browser') });
  else if (command === 'down')
    await engineDown(); // PostgreSQL and Redis belong to the machine; they stay up.
  else if (command === 'status') process.exitCode = (await status()) ? 0 : 1;
  else fail(`unknown command "${command}": use up, down or status`);
} catch (error) {
  fail(error.message);
}
