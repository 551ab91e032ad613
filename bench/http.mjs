// Authenticated GETs of small JSON resources on the api against a bare Fastify server returning
// the same bodies, side by side in one run: alternating rounds, medians, and their ratio.
//   /api/auth/session  token only: JWT verify (cached per token) + the local revocation list
//   /api/auth/me       the same plus a PostgreSQL read of the user and roles
// /api/auth/session is also measured on two floors, to show which part of the gap is whose:
//   bench/fastify-floor-server.mjs  the api's Fastify layer and token check, without Nest
//   bench/nest-floor-server.mjs     the same inside the smallest Nest app (one route, no guard/pipe)
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { apiRuntimeEnv } from '../scripts/lib/api-runtime.mjs';
import { log, portOpen, ROOT, run, waitFor } from '../scripts/lib/run.mjs';
import { productionEnv } from './production-env.mjs';

const API_PORT = 3301;
const BARE_PORT = 3302;
const FLOOR_PORT = 3303;
const NEST_FLOOR_PORT = 3304;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 32;
const TARGET_RATIO = 0.6;
const PATHS = ['/api/auth/session', '/api/auth/me'];
/** The path the two floor servers also answer. */
const FLOOR_PATH = '/api/auth/session';
const ENV = {
  ...process.env,
  ...productionEnv({
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/platform_bench_http',
    REDIS_URL: 'redis://127.0.0.1:6379/7',
    QUEUE_PREFIX: 'bench-http',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  }),
};

/**
 * On two or more cores the load generator (this process, autocannon in-process) keeps core 0 and
 * each server gets core 1 to itself while it is measured (the two servers take turns, never run
 * at once). Unpinned, the scheduler moved the client and the server between the two cores and
 * the same server's req/s varied by 2x from round to round.
 */
const PINNED = cpus().length >= 2 && spawnSync('taskset', ['-V']).status === 0;
if (PINNED) spawnSync('taskset', ['-a', '-p', '-c', '0', String(process.pid)], { stdio: 'ignore' });

function start(args, env, port) {
  const [command, argv] = PINNED
    ? ['taskset', ['-c', '1', process.execPath, ...args]]
    : [process.execPath, args];
  const child = spawn(command, argv, {
    cwd: ROOT,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return waitFor(() => portOpen(port), { timeoutMs: 60_000, what: `server on ${port}` }).then(() => child);
}

function stop(child) {
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

async function measure(url, token) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers: { authorization: `Bearer ${token}` },
  });
  if (result.non2xx || result.errors)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function signUp() {
  const response = await fetch(`http://127.0.0.1:${API_PORT}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      phone: '13900000000',
      password: 'Bench2026pass',
      displayName: '压测用户',
      roles: ['seeker'],
    }),
  });
  if (response.status !== 201) throw new Error(`register: ${response.status} ${await response.text()}`);
  const { accessToken } = await response.json();
  const bodies = {};
  for (const path of PATHS) {
    const res = await fetch(`http://127.0.0.1:${API_PORT}${path}`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    bodies[path] = await res.json();
  }
  return { token: accessToken, bodies };
}

export default async function httpBench() {
  await run('node', ['scripts/services.mjs', 'up', '--no-browser']);
  await run('npm', ['run', 'build', '-w', 'contracts', '-w', 'search', '-w', 'backend']);
  await run('node', ['scripts/reset-database.mjs', ENV.DATABASE_URL]);

  const api = await start(['backend/dist/main.js'], apiRuntimeEnv(ENV), API_PORT);
  const { token, bodies } = await signUp();
  const bare = await start(
    ['bench/bare-server.mjs'],
    { ...process.env, BARE_BODIES: JSON.stringify(bodies) },
    BARE_PORT,
  );
  const floor = await start(['bench/fastify-floor-server.mjs'], ENV, FLOOR_PORT);
  const nestFloor = await start(['bench/nest-floor-server.mjs'], ENV, NEST_FLOOR_PORT);
  const results = {};
  try {
    for (const path of PATHS) {
      results[path] = [];
      for (let i = 0; i < ROUNDS; i++) {
        log(`${path} round ${i + 1}/${ROUNDS}`);
        const bareRound = await measure(`http://127.0.0.1:${BARE_PORT}${path}`, token);
        const floors = path === FLOOR_PATH;
        const floorRound = floors ? await measure(`http://127.0.0.1:${FLOOR_PORT}${path}`, token) : undefined;
        const nestFloorRound = floors
          ? await measure(`http://127.0.0.1:${NEST_FLOOR_PORT}${path}`, token)
          : undefined;
        const apiRound = await measure(`http://127.0.0.1:${API_PORT}${path}`, token);
        results[path].push({ bare: bareRound, floor: floorRound, nestFloor: nestFloorRound, api: apiRound });
      }
    }
  } finally {
    await Promise.all([stop(api), stop(bare), stop(floor), stop(nestFloor)]);
  }
  report(results);
}

function summarize(rounds) {
  const bareRps = median(rounds.map((r) => r.bare.rps));
  const apiRps = median(rounds.map((r) => r.api.rps));
  const ratio = Number((apiRps / bareRps).toFixed(3));
  // Each round's api/bare pair ran back to back: the median of those ratios is the steadier figure.
  const roundRatios = rounds.map((r) => Number((r.api.rps / r.bare.rps).toFixed(3)));
  const medianRoundRatio = median(roundRatios);
  const ratiosOf = (server) =>
    rounds[0][server] ? rounds.map((r) => Number((r[server].rps / r.bare.rps).toFixed(3))) : undefined;
  const floorRoundRatios = ratiosOf('floor');
  const nestFloorRoundRatios = ratiosOf('nestFloor');
  return {
    floorRoundRatios,
    floorMedianRoundRatio: floorRoundRatios && median(floorRoundRatios),
    nestFloorRoundRatios,
    nestFloorMedianRoundRatio: nestFloorRoundRatios && median(nestFloorRoundRatios),
    bareRps: Math.round(bareRps),
    apiRps: Math.round(apiRps),
    ratio,
    roundRatios,
    medianRoundRatio,
    met: ratio >= TARGET_RATIO && medianRoundRatio >= TARGET_RATIO,
  };
}

function report(results) {
  const summary = Object.fromEntries(
    Object.entries(results).map(([path, rounds]) => [path, summarize(rounds)]),
  );
  const result = {
    benchmark: 'http',
    at: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length },
    settings: {
      rounds: ROUNDS,
      durationSeconds: DURATION_S,
      connections: CONNECTIONS,
      logLevel: ENV.LOG_LEVEL,
      pinned: PINNED,
    },
    loadAverageAtEnd: loadavg().map((l) => Number(l.toFixed(2))),
    targetRatioAtLeast: TARGET_RATIO,
    summary,
    rounds: results,
  };
  const md = [
    `# http benchmark (${result.at})`,
    '',
    `Authenticated GETs on the api vs a bare Fastify server returning the same body; ${ROUNDS} alternating rounds of ${DURATION_S} s, ${CONNECTIONS} connections, ${PINNED ? 'the load generator on core 0 and the server measured on core 1' : `on ${cpus().length} cores shared with the load generator`}. Log level ${ENV.LOG_LEVEL} (one access line per request). Load average at the end: ${result.loadAverageAtEnd.join(' / ')}.`,
    '',
    '| path | bare req/s (median) | api req/s (median) | ratio of medians | ratio per round | median of rounds | target ≥ ' +
      TARGET_RATIO +
      ' |',
    '|---|---|---|---|---|---|---|',
    ...Object.entries(summary).map(
      ([path, s]) =>
        `| ${path} | ${s.bareRps} | ${s.apiRps} | ${s.ratio} | ${s.roundRatios.join(' / ')} | ${s.medianRoundRatio} | ${s.met ? 'met' : 'not met'} |`,
    ),
    '',
    `Where the gap is (${FLOOR_PATH}, same rounds), as a share of bare: the api's Fastify layer and token check without Nest (bench/fastify-floor-server.mjs), the same inside the smallest Nest app (bench/nest-floor-server.mjs: one route, no guard, no pipe), and the api.`,
    '',
    '| server | ratio per round | median of rounds |',
    '|---|---|---|',
    `| Fastify layer + token check, no Nest | ${summary[FLOOR_PATH].floorRoundRatios.join(' / ')} | ${summary[FLOOR_PATH].floorMedianRoundRatio} |`,
    `| the same in an empty Nest app | ${summary[FLOOR_PATH].nestFloorRoundRatios.join(' / ')} | ${summary[FLOOR_PATH].nestFloorMedianRoundRatio} |`,
    `| the api (Nest) | ${summary[FLOOR_PATH].roundRatios.join(' / ')} | ${summary[FLOOR_PATH].medianRoundRatio} |`,
    '',
  ].join('\n');
  writeFileSync(join(ROOT, 'bench/results/http.json'), JSON.stringify(result, null, 2) + '\n');
  writeFileSync(join(ROOT, 'bench/results/http.md'), md);
  console.log(md);
}
