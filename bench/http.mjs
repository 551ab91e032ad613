// The api's authenticated GET /api/auth/me against a bare Fastify server returning the same
// body, measured side by side in one run: alternating rounds, medians, and their ratio.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { log, portOpen, ROOT, run, waitFor } from '../scripts/lib/run.mjs';

const API_PORT = 3201;
const BARE_PORT = 3202;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 32;
const TARGET_RATIO = 0.6;
const ENV = {
  ...process.env,
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/platform_bench',
  REDIS_URL: 'redis://127.0.0.1:6379/3',
  QUEUE_PREFIX: 'bench',
  SCHEDULE_REPEATABLE_JOBS: 'false',
  // Production refuses the development secrets; these are for this throwaway database only.
  JWT_ACCESS_SECRET: 'bench-only-secret-0123456789abcdef0123456789',
  PII_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  PII_HASH_KEY: 'bench-only-hash-key-0123456789abcdef012345',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
};

function start(args, env, port) {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
  return waitFor(() => portOpen(port), { timeoutMs: 60_000, what: `server on ${port}` }).then(() => child);
}

function stop(child) {
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

async function measure(url, token) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers: { authorization: `Bearer ${token}` } });
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function signUp() {
  const response = await fetch(`http://127.0.0.1:${API_PORT}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone: '13900000000', password: 'Bench2026pass', displayName: '压测用户', roles: ['seeker'] }),
  });
  if (response.status !== 201) throw new Error(`register: ${response.status} ${await response.text()}`);
  const { accessToken } = await response.json();
  const me = await fetch(`http://127.0.0.1:${API_PORT}/api/auth/me`, { headers: { authorization: `Bearer ${accessToken}` } });
  return { token: accessToken, body: await me.text() };
}

export default async function httpBench() {
  await run('node', ['scripts/services.mjs', 'up', '--no-browser']);
  await run('npm', ['run', 'build', '-w', 'contracts', '-w', 'search', '-w', 'backend']);
  await run('node', ['scripts/reset-database.mjs', ENV.DATABASE_URL]);

  const api = await start(['backend/dist/main.js'], ENV, API_PORT);
  const { token, body } = await signUp();
  const bare = await start(['bench/bare-server.mjs'], { ...process.env, BARE_BODY: body }, BARE_PORT);
  const rounds = [];
  try {
    for (let i = 0; i < ROUNDS; i++) {
      log(`round ${i + 1}/${ROUNDS}`);
      const bareRound = await measure(`http://127.0.0.1:${BARE_PORT}/api/auth/me`, token);
      const apiRound = await measure(`http://127.0.0.1:${API_PORT}/api/auth/me`, token);
      rounds.push({ bare: bareRound, api: apiRound });
    }
  } finally {
    await Promise.all([stop(api), stop(bare)]);
  }
  report(rounds);
}

function report(rounds) {
  const bareRps = median(rounds.map((r) => r.bare.rps));
  const apiRps = median(rounds.map((r) => r.api.rps));
  const ratio = apiRps / bareRps;
  const result = {
    benchmark: 'http',
    what: 'authenticated GET /api/auth/me (JWT + Redis revocation check + PostgreSQL lookup + zod serialization) vs bare Fastify returning the same body',
    at: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length },
    settings: { rounds: rounds.length, durationSeconds: DURATION_S, connections: CONNECTIONS, logLevel: ENV.LOG_LEVEL },
    rounds,
    median: { bareRps: Math.round(bareRps), apiRps: Math.round(apiRps), ratio: Number(ratio.toFixed(3)) },
    target: { ratioAtLeast: TARGET_RATIO, met: ratio >= TARGET_RATIO },
  };
  const md = [
    `# http benchmark (${result.at})`,
    '',
    result.what,
    '',
    '| round | bare req/s | api req/s | api p50 ms | api p99 ms |',
    '|---|---|---|---|---|',
    ...rounds.map((r, i) => `| ${i + 1} | ${Math.round(r.bare.rps)} | ${Math.round(r.api.rps)} | ${r.api.p50} | ${r.api.p99} |`),
    '',
    `Median: bare ${result.median.bareRps} req/s, api ${result.median.apiRps} req/s, ratio **${result.median.ratio}** (target ≥ ${TARGET_RATIO}: ${result.target.met ? 'met' : 'NOT met'}).`,
    '',
  ].join('\n');
  writeFileSync(join(ROOT, 'bench/results/http.json'), JSON.stringify(result, null, 2) + '\n');
  writeFileSync(join(ROOT, 'bench/results/http.md'), md);
  console.log(md);
}
