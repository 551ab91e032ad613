// `npm run bench -- realtime [--clients N] [--rooms N] [--rounds N] [--legs waiting,signalling,scale,restart]`
// Live interviews over Socket.IO (issue 6), on the built api in production mode, each leg side by
// side with a bare Socket.IO server (bench/realtime-bare-server.mjs) doing the same in the same run:
//   waiting     N seekers in one booth's line, "call next" once a second: every one of them is told
//               a new position each second. Server CPU and RSS, delivery latency, lost updates.
//   signalling  R interview rooms formed within F seconds, each relaying an offer, an answer and
//               I ICE candidates through the gateway (zod checks, acks): relay latency, losses.
//   scale       two api processes sharing Redis through the Socket.IO adapter, clients split
//               across them, against one process: relayed signals per second.
//   restart     two api processes on a private Redis (appendonly) that is stopped for 5 s and
//               started again while the line moves: queue updates lost.
// Load comes from forked client processes (bench/realtime-clients.mjs); CPU and RSS are read
// from /proc for the server process only. Results: bench/results/realtime.{json,md}.
import { fork, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import Redis from 'ioredis';
import pg from 'pg';
import { apiRuntimeEnv } from '../scripts/lib/api-runtime.mjs';
import { log, portOpen, ROOT, run, waitFor } from '../scripts/lib/run.mjs';
import * as fixtures from './realtime-fixtures.mjs';
import { BENCH_JWT_SECRET, productionEnv } from './production-env.mjs';

// Where the bench runs, so that two people's runs (or a run and someone's tests) do not share
// ports, a database, a Redis db or key prefixes: BENCH_RT_PORT (first of five ports),
// BENCH_RT_DATABASE_URL, BENCH_RT_REDIS_URL, BENCH_RT_PREFIX, BENCH_RT_RESTART_REDIS_PORT.
const PORT_BASE = Number(process.env.BENCH_RT_PORT ?? 3420);
const PORTS = {
  api: PORT_BASE,
  bare: PORT_BASE + 1,
  apiB: PORT_BASE + 2,
  restartA: PORT_BASE + 3,
  restartB: PORT_BASE + 4,
};
const RESTART_REDIS_PORT = Number(process.env.BENCH_RT_RESTART_REDIS_PORT ?? 6391);
const RESTART_REDIS_DIR = `/tmp/rtb-redis-${RESTART_REDIS_PORT}`;
const DATABASE_URL =
  process.env.BENCH_RT_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/platform_bench_rtb';
const REDIS_URL = process.env.BENCH_RT_REDIS_URL ?? 'redis://127.0.0.1:6379/10';
const QUEUE_PREFIX = process.env.BENCH_RT_PREFIX ?? 'bench-rtb';
const TARGET = {
  waiting: { cpuCores: 0.5, rssMb: 500, p99Ms: 1000, lost: 0 },
  signalling: { formSeconds: 60, p99Ms: 100 },
  scale: { ratio: 0.7 },
  restart: { lost: 0 },
};
const ENV = {
  ...process.env,
  ...productionEnv({
    DATABASE_URL,
    REDIS_URL,
    QUEUE_PREFIX,
    SEARCH_INDEX_PREFIX: QUEUE_PREFIX,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  }),
};
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK']).stdout.toString().trim() || 100);

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (value, digits = 1) =>
  value === null || value === undefined ? null : Number(value.toFixed(digits));

function percentile(values, p) {
  if (!values.length) return null;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function options() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      clients: { type: 'string', default: '10000' },
      rooms: { type: 'string', default: '1000' },
      ticks: { type: 'string', default: '30' },
      rounds: { type: 'string', default: '3' },
      'form-seconds': { type: 'string', default: '60' },
      ice: { type: 'string', default: '20' },
      workers: { type: 'string', default: '4' },
      pairs: { type: 'string', default: '64' },
      window: { type: 'string', default: '4' },
      'pump-seconds': { type: 'string', default: '10' },
      'restart-clients': { type: 'string', default: '2000' },
      legs: { type: 'string', default: 'waiting,signalling,scale,restart' },
      // For repeated runs on an unchanged checkout: the api in backend/dist is used as it is.
      'skip-build': { type: 'boolean', default: false },
      // Writes realtime.md again from realtime.json (after a change of the report's wording).
      'report-only': { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  return {
    clients: Number(values.clients),
    rooms: Number(values.rooms),
    ticks: Number(values.ticks),
    rounds: Number(values.rounds),
    formSeconds: Number(values['form-seconds']),
    ice: Number(values.ice),
    workers: Number(values.workers),
    pairs: Number(values.pairs),
    window: Number(values.window),
    pumpSeconds: Number(values['pump-seconds']),
    restartClients: Number(values['restart-clients']),
    legs: values.legs.split(','),
    skipBuild: values['skip-build'],
    reportOnly: values['report-only'],
  };
}

// ---- processes: servers with a raised file limit, and their CPU time and memory from /proc.

function startServer(script, port, env = ENV) {
  // The api as production starts it (heap limit, malloc arenas: scripts/lib/api-runtime.mjs).
  const own = script === 'backend/dist/main.js' ? apiRuntimeEnv(env) : env;
  // 10,000 sockets need more descriptors than the usual soft limit: raise it to the hard one.
  const child = spawn('sh', ['-c', `ulimit -n "$(ulimit -Hn)" && exec "${process.execPath}" ${script}`], {
    cwd: ROOT,
    env: { ...own, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return waitFor(
    () => {
      if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
      return portOpen(port);
    },
    { timeoutMs: 90_000, what: `server on ${port}` },
  ).then(() => child);
}

function stop(child) {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

function rssMb(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
  return Number(line[1]) / 1024;
}

/** CPU cores used and peak RSS of some server processes between start() and end(). */
function meter(children) {
  const pids = children.map((c) => c.pid);
  const cpu0 = pids.map(cpuSeconds);
  const t0 = now();
  const peaks = pids.map(rssMb);
  const timer = setInterval(() => pids.forEach((pid, i) => (peaks[i] = Math.max(peaks[i], rssMb(pid)))), 250);
  return () => {
    clearInterval(timer);
    const seconds = (now() - t0) / 1000;
    return {
      cpuCores: round(pids.reduce((sum, pid, i) => sum + cpuSeconds(pid) - cpu0[i], 0) / seconds, 3),
      rssMb: round(Math.max(...peaks), 0),
      rssMbEach: peaks.map((p) => round(p, 0)),
      seconds: round(seconds, 1),
    };
  };
}

/**
 * Waits until a server is idle again (under 0.1 core over 2 s, at most 5 min): a starved api
 * may still be handling the last round's 10,000 disconnects, and each one that finds its seeker
 * in the next round's line publishes that whole line.
 */
async function settle(child) {
  const deadline = now() + 300_000;
  while (now() < deadline) {
    const before = cpuSeconds(child.pid);
    await sleep(2000);
    if ((cpuSeconds(child.pid) - before) / 2 < 0.1) return;
  }
  log(`server ${child.pid} still busy after 5 min`);
}

// ---- the load generators.

class Clients {
  constructor(count) {
    this.calls = new Map();
    this.seq = 0;
    this.workers = Array.from({ length: count }, () => {
      const worker = fork(join(ROOT, 'bench/realtime-clients.mjs'), [], {
        execArgv: ['--max-old-space-size=2048'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      worker.on('message', ({ id, result, error }) => {
        const pending = this.calls.get(id);
        this.calls.delete(id);
        if (error) pending.reject(new Error(error));
        else pending.resolve(result);
      });
      return worker;
    });
  }

  ask(worker, cmd, args = {}) {
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      this.calls.set(id, { resolve, reject });
      worker.send({ id, cmd, ...args });
    });
  }

  /** Splits `items` round-robin over the workers and runs `cmd` on each share. */
  each(cmd, items, args = {}) {
    const shares = this.workers.map((_, w) => items.filter((_, i) => i % this.workers.length === w));
    return Promise.all(
      this.workers.map((worker, w) => this.ask(worker, cmd, { ...args, [argName(cmd)]: shares[w] })),
    );
  }

  all(cmd, args = {}) {
    return Promise.all(this.workers.map((worker) => this.ask(worker, cmd, args)));
  }

  end() {
    for (const worker of this.workers) worker.disconnect();
  }
}

const argName = (cmd) => (cmd === 'queue' ? 'clients' : 'rooms');
const sum = (results, key) => results.reduce((total, r) => total + r[key], 0);

async function call(port, method, path, token, body, timeoutMs = 30_000) {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

// ---- leg 1: one waiting room.

/**
 * Moves the line once a second (a call-next waits for the one before, so the api's publishes
 * cannot overtake each other) and returns, per tick, when it was sent and how many people had
 * been called in after it; a tick that failed is left out (its update was never promised).
 */
async function driveLine(ticks, next, { onTick } = {}) {
  const done = [];
  let failed = 0;
  const start = now();
  for (let k = 1; k <= ticks; k++) {
    await sleep(Math.max(0, start + k * 1000 - now()));
    onTick?.(k);
    const at = now();
    try {
      const removed = await next(k);
      done.push({ at, removed, tookMs: round(now() - at) });
    } catch (error) {
      failed += 1;
      log(`tick ${k} failed: ${error.message.slice(0, 160)}`);
    }
  }
  return { ticks: done, failed, lateSeconds: round((now() - start) / 1000 - ticks, 1) };
}

async function waitingRound(kind, ctx, opts) {
  const { clients, servers } = ctx;
  let url;
  let queueClients;
  let next;
  let driver;
  if (kind === 'api') {
    url = `http://127.0.0.1:${PORTS.api}`;
    const fairId = await fixtures.runningFair(ctx.db, [ctx.booth.employerId], ctx.booth.owner.userId);
    await fixtures.clearQueues(ctx.redis, QUEUE_PREFIX);
    await fixtures.fillQueue(ctx.redis, {
      queuePrefix: QUEUE_PREFIX,
      fairId,
      employerId: ctx.booth.employerId,
      seekers: ctx.seekers.slice(0, opts.clients),
    });
    queueClients = ctx.seekers
      .slice(0, opts.clients)
      .map((s, i) => ({ rank: i + 1, auth: { token: ctx.mint(s) } }));
    const rankOf = new Map(ctx.seekers.map((s, i) => [s.userId, i + 1]));
    const token = ctx.mint(ctx.booth.owner);
    next = async () => {
      const view = await call(PORTS.api, 'POST', `/api/fairs/${fairId}/booth/next`, token, {});
      return rankOf.get(view.participants.find((p) => p.role === 'guest').userId);
    };
  } else {
    url = `http://127.0.0.1:${PORTS.bare}`;
    queueClients = Array.from({ length: opts.clients }, (_, i) => ({ rank: i + 1, auth: { rank: i + 1 } }));
    const { io } = await import('socket.io-client');
    driver = io(url, { auth: { driver: true }, transports: ['websocket'], forceNew: true });
    // A loaded machine may still be busy with the last round's 10,000 disconnects: be patient.
    await driver.timeout(120_000).emitWithAck('queue:reset');
    next = async (k) => {
      await driver.timeout(60_000).emitWithAck('queue:next');
      return k;
    };
  }
  const connectedAt = now();
  const joined = await clients.each('queue', queueClients, { url, concurrency: 50 });
  const connectSeconds = round((now() - connectedAt) / 1000, 1);
  const connected = sum(joined, 'connected');
  log(`${kind}: ${connected}/${opts.clients} clients in line in ${connectSeconds} s`);
  await sleep(1000);
  const measured = meter([servers[kind]]);
  const drive = await driveLine(opts.ticks, next);
  await sleep(2000);
  const usage = measured();
  const collected = await clients.all('queue-collect', { ticks: drive.ticks });
  // Once per run: at 10,000 clients it sends a million messages.
  const drops = kind === 'api' && !ctx.dropped ? await dropSome(ctx, opts) : null;
  if (drops) ctx.dropped = true;
  // Empty the line first: each dropped seeker would otherwise make the api publish the whole line.
  if (kind === 'api') await fixtures.clearQueues(ctx.redis, QUEUE_PREFIX);
  const closed = await clients.all('close');
  driver?.close();
  await settle(servers[kind]);
  const latencies = collected.flatMap((c) => c.latencies);
  return {
    server: kind,
    clients: opts.clients,
    connected,
    connectFailures: joined.flatMap((j) => j.failures).slice(0, 3),
    connectSeconds,
    ticksDone: drive.ticks.length,
    triggerP50Ms: round(
      percentile(
        drive.ticks.map((t) => t.tookMs),
        50,
      ),
    ),
    ticksFailed: drive.failed,
    driverLateSeconds: drive.lateSeconds,
    ...usage,
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(percentile(latencies, 100)),
    expected: sum(collected, 'expected'),
    lost: sum(collected, 'lost'),
    staleAtEnd: sum(collected, 'staleAtEnd'),
    disconnects: sum(closed, 'disconnects'),
    drops,
  };
}

/**
 * A dropped connection keeps its place (marked away): nobody's place moves, so the line is told
 * nothing (only the booth's board is). Counts the line messages 1% of the line dropping at once
 * still causes, and the api's CPU until they stop arriving.
 */
async function dropSome(ctx, opts) {
  const received = async () => sum(await ctx.clients.all('count'), 'messagesReceived');
  const before = await received();
  const measured = meter([ctx.servers.api]);
  const perWorker = Math.max(1, Math.floor(opts.clients / 100 / opts.workers));
  const dropped = sum(await ctx.clients.all('drop', { n: perWorker }), 'dropped');
  let last = before;
  let quietSince = now();
  const deadline = now() + 120_000;
  // On a loaded machine the api can pause between two publishes: wait for 5 quiet seconds.
  while (now() - quietSince < 5000 && now() < deadline) {
    await sleep(250);
    const current = await received();
    if (current !== last) quietSince = now();
    last = current;
  }
  const usage = measured();
  return {
    dropped,
    messages: last - before,
    cpuSeconds: round(usage.cpuCores * usage.seconds, 1),
    settledSeconds: round(usage.seconds - 5, 1),
    quietSeconds: 5,
  };
}

// ---- leg 2: interview rooms.

async function signallingRound(kind, ctx, opts) {
  const rooms = await roomsFor(kind, ctx, opts.rooms, () => (kind === 'api' ? PORTS.api : PORTS.bare));
  const spacing = (opts.formSeconds * 1000) / opts.rooms;
  const startedAt = now() + 500;
  rooms.forEach((r, i) => (r.offsetMs = Math.round(i * spacing)));
  const measured = meter([ctx.servers[kind]]);
  const results = await ctx.clients.each('calls', rooms, { ice: opts.ice, startedAt });
  const usage = measured();
  const closed = await ctx.clients.all('close');
  await settle(ctx.servers[kind]);
  const relay = results.flatMap((r) => r.relayLatencies);
  const acks = results.flatMap((r) => r.ackLatencies);
  const formedAt = results.flatMap((r) => r.formedAt);
  return {
    server: kind,
    rooms: opts.rooms,
    formed: formedAt.length,
    lastFormedSeconds: round(Math.max(0, ...formedAt) / 1000, 1),
    failures: sum(results, 'failures'),
    failureSample: results.flatMap((r) => r.failureSample).slice(0, 3),
    relayed: sum(results, 'relayed'),
    expected: sum(results, 'expected'),
    lost: sum(results, 'lost'),
    relayP50Ms: round(percentile(relay, 50)),
    relayP99Ms: round(percentile(relay, 99)),
    ackP99Ms: round(percentile(acks, 99)),
    ...usage,
    refusals: Object.assign({}, ...closed.map((c) => c.refusals)),
    disconnects: sum(closed, 'disconnects'),
  };
}

/** Fresh calls (in the lobby) for the api; made-up room ids for the bare server. */
async function roomsFor(kind, ctx, count, portOf) {
  const hosts = ctx.interviewers.slice(0, count);
  const guests = ctx.seekers.slice(0, count);
  const callIds =
    kind === 'bare'
      ? hosts.map((_, i) => `bare-room-${ctx.round}-${i}`)
      : await fixtures.calls(ctx.db, {
          employerIds: ctx.interviewerEmployers.slice(0, count),
          hosts,
          guests,
        });
  ctx.round += 1;
  return callIds.map((callId, i) => ({
    callId,
    host: {
      url: `http://127.0.0.1:${portOf(i, 'host')}`,
      auth: kind === 'bare' ? {} : { token: ctx.mint(hosts[i]) },
    },
    guest: {
      url: `http://127.0.0.1:${portOf(i, 'guest')}`,
      auth: kind === 'bare' ? {} : { token: ctx.mint(guests[i]) },
    },
  }));
}

// ---- leg 3: one api process against two behind the adapter.

async function scaleRound(setup, ctx, opts) {
  const two = setup === 'two';
  // Each pair's host and guest land on either process: a quarter of calls on each alone, half across.
  const portOf = (i, who) => (!two ? PORTS.api : (who === 'host' ? i : i >> 1) % 2 ? PORTS.apiB : PORTS.api);
  const rooms = await roomsFor('api', ctx, opts.pairs, portOf);
  const servers = two ? [ctx.servers.api, ctx.servers.apiB] : [ctx.servers.api];
  const measured = meter(servers);
  const results = await ctx.clients.each('pump', rooms, { seconds: opts.pumpSeconds, window: opts.window });
  const usage = measured();
  const closed = await ctx.clients.all('close');
  const delivered = sum(results, 'delivered');
  const seconds = median(results.map((r) => r.seconds));
  return {
    setup,
    processes: servers.length,
    pairs: opts.pairs,
    window: opts.window,
    signalsPerSecond: Math.round(delivered / seconds),
    acked: sum(results, 'acked'),
    delivered,
    p99Ms: round(
      percentile(
        results.flatMap((r) => r.latencies),
        99,
      ),
    ),
    ...usage,
    refusals: Object.assign({}, ...closed.map((c) => c.refusals)),
  };
}

// ---- leg 4: a Redis restart under two api processes.

function redisServer(...args) {
  const result = spawnSync('redis-server', args, { encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`redis-server ${args.join(' ')}: ${result.stderr || result.stdout}`);
}

function startPrivateRedis() {
  mkdirSync(RESTART_REDIS_DIR, { recursive: true });
  redisServer(
    '--port',
    String(RESTART_REDIS_PORT),
    '--bind',
    '127.0.0.1',
    '--appendonly',
    'yes',
    '--dir',
    RESTART_REDIS_DIR,
    '--daemonize',
    'yes',
  );
  return waitFor(() => portOpen(RESTART_REDIS_PORT), { timeoutMs: 10_000, what: 'private redis' });
}

async function stopPrivateRedis() {
  if (!(await portOpen(RESTART_REDIS_PORT))) return;
  spawnSync('redis-cli', ['-p', String(RESTART_REDIS_PORT), 'shutdown']);
  await waitFor(async () => !(await portOpen(RESTART_REDIS_PORT)), {
    timeoutMs: 10_000,
    what: 'private redis to stop',
  });
}

async function restartLeg(ctx, opts) {
  const count = Math.min(opts.restartClients, ctx.seekers.length);
  const ticks = 20;
  const stopAt = 6;
  rmSync(RESTART_REDIS_DIR, { recursive: true, force: true });
  await startPrivateRedis();
  const redisUrl = `redis://127.0.0.1:${RESTART_REDIS_PORT}/0`;
  const env = { ...ENV, REDIS_URL: redisUrl };
  const servers = [];
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  redis.on('error', () => undefined); // expected while the leg has Redis down
  try {
    servers.push(await startServer('backend/dist/main.js', PORTS.restartA, env));
    servers.push(await startServer('backend/dist/main.js', PORTS.restartB, env));
    const fairId = await fixtures.runningFair(ctx.db, [ctx.booth.employerId], ctx.booth.owner.userId);
    const seekers = ctx.seekers.slice(0, count);
    const store = await fixtures.fillQueue(redis, {
      queuePrefix: QUEUE_PREFIX,
      fairId,
      employerId: ctx.booth.employerId,
      seekers,
    });
    const rankOf = new Map(seekers.map((s, i) => [s.userId, i + 1]));
    const queueClients = seekers.map((s, i) => ({ rank: i + 1, auth: { token: ctx.mint(s) } }));
    // Half the line on each process; "call next" always goes to the first.
    const shares = [0, 1].map((p) => queueClients.filter((_, i) => i % 2 === p));
    const joined = [];
    for (const [p, port] of [PORTS.restartA, PORTS.restartB].entries())
      joined.push(
        ...(await ctx.clients.each('queue', shares[p], { url: `http://127.0.0.1:${port}`, concurrency: 50 })),
      );
    log(`restart: ${sum(joined, 'connected')}/${count} clients in line on two api processes`);
    const token = ctx.mint(ctx.booth.owner);
    const booth = { fairId, employerId: ctx.booth.employerId };
    const sizeBefore = await store.size(booth);
    const outage = {};
    const drive = await driveLine(
      ticks,
      async () => {
        const view = await call(PORTS.restartA, 'POST', `/api/fairs/${fairId}/booth/next`, token, {}, 15_000);
        return rankOf.get(view.participants.find((p) => p.role === 'guest').userId);
      },
      {
        onTick: (k) => {
          if (k !== stopAt) return;
          outage.stoppedAt = now();
          void stopPrivateRedis()
            .then(() => sleep(5000))
            .then(() => startPrivateRedis())
            .then(() => (outage.startedAt = now()));
        },
      },
    );
    await sleep(3000);
    const collected = await ctx.clients.all('queue-collect', { ticks: drive.ticks });
    const sizeAfter = await store.size(booth);
    await fixtures.clearQueues(redis, QUEUE_PREFIX);
    const closed = await ctx.clients.all('close');
    const removed = drive.ticks.at(-1)?.removed ?? 0;
    return {
      processes: 2,
      clients: count,
      connected: sum(joined, 'connected'),
      ticks,
      redisDownSeconds: outage.startedAt ? round((outage.startedAt - outage.stoppedAt) / 1000, 1) : null,
      ticksAcknowledged: drive.ticks.length,
      ticksFailed: drive.failed,
      sizeBefore,
      sizeAfter,
      calledIn: removed,
      expected: sum(collected, 'expected'),
      lost: sum(collected, 'lost'),
      staleAtEnd: sum(collected, 'staleAtEnd'),
      disconnects: sum(closed, 'disconnects'),
    };
  } finally {
    redis.disconnect();
    for (const server of servers) await stop(server);
    await stopPrivateRedis();
  }
}

// ---- the run.

export default async function realtimeBench() {
  const opts = options();
  if (opts.reportOnly) {
    const saved = JSON.parse(readFileSync(join(ROOT, 'bench/results/realtime.json'), 'utf8'));
    const { loadAverageBefore: loadBefore, loadAverageAfter: loadAfter } = saved.machine;
    return report(saved.settings, saved.rounds, { loadBefore, loadAfter }, false, saved.at);
  }
  const loadBefore = loadavg().map((l) => round(l, 2));
  await run('node', ['scripts/services.mjs', 'up', '--no-browser']);
  if (!opts.skipBuild) await run('npm', ['run', 'build', '-w', 'contracts', '-w', 'search', '-w', 'backend']);
  await run('node', ['scripts/reset-database.mjs', DATABASE_URL]);
  const redis = new Redis(REDIS_URL);
  await fixtures.clearQueues(redis, QUEUE_PREFIX);
  const db = new pg.Client({ connectionString: DATABASE_URL });
  const servers = {};
  const clients = new Clients(opts.workers);
  const results = { waiting: [], signalling: [], scale: [], restart: null };
  try {
    servers.api = await startServer('backend/dist/main.js', PORTS.api);
    servers.bare = await startServer('bench/realtime-bare-server.mjs', PORTS.bare);
    await db.connect();
    log('fixtures: accounts, sessions, employers');
    const seekerCount = Math.max(opts.clients, opts.rooms, opts.pairs, opts.restartClients);
    const seekers = await fixtures.users(db, { count: seekerCount, role: 'seeker', label: '压测求职者' });
    const interviewers = await fixtures.users(db, {
      count: Math.max(opts.rooms, opts.pairs) + 1,
      role: 'employer',
      label: '压测面试官',
    });
    const employerIds = await fixtures.employers(db, interviewers);
    const ctx = {
      db,
      redis,
      clients,
      servers,
      seekers,
      round: 0,
      booth: { owner: interviewers[0], employerId: employerIds[0] },
      interviewers: interviewers.slice(1),
      interviewerEmployers: employerIds.slice(1),
      mint: fixtures.tokenMinter(BENCH_JWT_SECRET),
    };
    // A first signed-in request proves the minted session is accepted before 10,000 sockets try.
    await call(PORTS.api, 'GET', '/api/auth/session', ctx.mint(seekers[0]));
    // Rounds alternate which server goes first, so a drift of the machine's load hits both.
    const order = (i) => (i % 2 ? ['bare', 'api'] : ['api', 'bare']);
    if (opts.legs.includes('waiting'))
      for (let i = 0; i < opts.rounds; i++)
        for (const kind of order(i)) {
          log(`waiting room round ${i + 1}/${opts.rounds}: ${kind}`);
          results.waiting.push({ round: i + 1, ...(await waitingRound(kind, ctx, opts)) });
          report(opts, results, { loadBefore, loadAfter: loadavg().map((l) => round(l, 2)) }, true);
        }
    if (opts.legs.includes('signalling'))
      for (let i = 0; i < opts.rounds; i++)
        for (const kind of order(i)) {
          log(`signalling round ${i + 1}/${opts.rounds}: ${kind}`);
          results.signalling.push({ round: i + 1, ...(await signallingRound(kind, ctx, opts)) });
          report(opts, results, { loadBefore, loadAfter: loadavg().map((l) => round(l, 2)) }, true);
        }
    if (opts.legs.includes('scale')) {
      servers.apiB = await startServer('backend/dist/main.js', PORTS.apiB);
      for (let i = 0; i < opts.rounds; i++)
        for (const setup of i % 2 ? ['two', 'single'] : ['single', 'two']) {
          log(`scale round ${i + 1}/${opts.rounds}: ${setup}`);
          results.scale.push({ round: i + 1, ...(await scaleRound(setup, ctx, opts)) });
        }
    }
    await stop(servers.apiB);
    if (opts.legs.includes('restart')) {
      log('restart: private Redis stopped for 5 s under two api processes');
      results.restart = await restartLeg(ctx, opts);
    }
  } finally {
    clients.end();
    for (const server of Object.values(servers)) await stop(server);
    await db.end().catch(() => undefined);
    await fixtures.clearQueues(redis, QUEUE_PREFIX).catch(() => undefined);
    redis.disconnect();
  }
  report(opts, results, { loadBefore, loadAfter: loadavg().map((l) => round(l, 2)) });
}

// ---- the report.

function summarize(rows, key, fields) {
  const out = {};
  for (const group of [...new Set(rows.map((r) => r[key]))]) {
    const mine = rows.filter((r) => r[key] === group);
    out[group] = Object.fromEntries(fields.map((f) => [f, median(mine.map((r) => r[f]))]));
    out[group].lost = mine.reduce((total, r) => total + (r.lost ?? 0), 0);
  }
  return out;
}

/** Not a target of the issue: what a wave of dropped connections costs the api's waiting room. */
function dropLines(rows) {
  const drops = rows.filter((r) => r.drops).map((r) => r.drops);
  if (!drops.length) return [];
  const d = Object.fromEntries(
    ['dropped', 'messages', 'cpuSeconds', 'settledSeconds', 'quietSeconds'].map((k) => [
      k,
      median(drops.map((x) => x[k])),
    ]),
  );
  return [
    `After the measured seconds, ${d.dropped} clients (1%) of the api's line drop their connection at once (once, in the first api round): each keeps its place as "away", which moves nobody, so the line is told nothing (only the booth's board is): ${d.messages} line messages (\`queue:move\` or \`queue:position\`) reached the clients still connected, ${d.cpuSeconds} CPU-seconds of the api, ${d.settledSeconds} s until the api was quiet (${d.quietSeconds ?? 5} quiet seconds awaited).`,
    '',
  ];
}

const ratio = (a, b) => (a === null || b === null || b === undefined || !b ? '–' : `${(a / b).toFixed(2)}×`);
const fmt = (value) => (value === null || value === undefined ? '–' : String(value));

/** `partial`: written after each round, so a run that fails later still leaves its figures. */
function report(opts, results, load, partial = false, at = new Date().toISOString()) {
  // Call-next waits for the previous answer: a slow answer makes the line move less often.
  const waitingRows = results.waiting.map((r) => ({
    ...r,
    secondsPerUpdate: round((opts.ticks + r.driverLateSeconds) / opts.ticks, 2),
  }));
  const waiting = summarize(waitingRows, 'server', [
    'secondsPerUpdate',
    'connected',
    'connectSeconds',
    'cpuCores',
    'rssMb',
    'triggerP50Ms',
    'p50Ms',
    'p99Ms',
    'expected',
  ]);
  const signalling = summarize(results.signalling, 'server', [
    'formed',
    'lastFormedSeconds',
    'relayP50Ms',
    'relayP99Ms',
    'ackP99Ms',
    'cpuCores',
    'rssMb',
    'expected',
  ]);
  const scale = summarize(results.scale, 'setup', ['signalsPerSecond', 'p99Ms', 'cpuCores']);
  const met = {};
  if (waiting.api) {
    const w = waiting.api;
    const t = TARGET.waiting;
    met.waiting =
      w.connected === opts.clients &&
      w.secondsPerUpdate <= 1.1 &&
      w.cpuCores <= t.cpuCores &&
      w.rssMb <= t.rssMb &&
      w.p99Ms <= t.p99Ms &&
      w.lost === 0;
  }
  if (signalling.api) {
    const s = signalling.api;
    met.signalling =
      s.formed === opts.rooms &&
      s.lastFormedSeconds <= TARGET.signalling.formSeconds &&
      s.relayP99Ms <= TARGET.signalling.p99Ms &&
      s.lost === 0;
  }
  if (scale.single && scale.two)
    met.scale = scale.two.signalsPerSecond / scale.single.signalsPerSecond >= TARGET.scale.ratio;
  if (results.restart) met.restart = results.restart.lost === 0 && results.restart.staleAtEnd === 0;
  const result = {
    benchmark: 'realtime',
    at,
    machine: {
      node: process.version,
      cpus: cpus().length,
      loadAverageBefore: load.loadBefore,
      loadAverageAfter: load.loadAfter,
    },
    settings: { ...opts, logLevel: ENV.LOG_LEVEL },
    target: TARGET,
    met,
    summary: { waiting, signalling, scale, restart: results.restart },
    rounds: results,
  };
  const verdict = (key) => (met[key] === undefined ? 'not run' : met[key] ? 'met' : 'not met');
  const md = [
    `# realtime benchmark (${result.at})${partial ? ' — partial, the run is still going or failed' : ''}`,
    '',
  ];
  md.push(
    `Live interviews over Socket.IO (issue 6) on the built api in production mode (log level ${ENV.LOG_LEVEL}), each leg side by side with a bare Socket.IO server (\`bench/realtime-bare-server.mjs\`, same socket.io version, no auth, validation, database or Redis) in the same run; ${opts.rounds} alternating rounds, medians. Load from ${opts.workers} socket.io-client processes on the same machine: ${cpus().length} cores, shared with the load generators, PostgreSQL, Redis and other engineers' work — load average (1/5/15 min) ${load.loadBefore.join(' / ')} before the run and ${load.loadAfter.join(' / ')} after. CPU and RSS are the server process's own (/proc), not the load generators'.`,
    '',
  );
  if (waiting.api || waiting.bare) {
    const a = waiting.api ?? {};
    const b = waiting.bare ?? {};
    md.push(
      `## Waiting room: ${opts.clients} clients in one line, a new position every second (${verdict('waiting')})`,
      '',
      `The interviewer's "call next" (POST /api/fairs/:fairId/booth/next) once a second for ${opts.ticks} s; the api tells the line with ONE broadcast per move (\`queue:move\`: the line's version, the tickets that left, size, average call length) to the line's room, and each client works out its own place from the place \`queue:watch\` gave it and the moves since, in version order (\`followQueue\` of @platform/contracts, the code the seeker's page uses); the bare server sends the same broadcast. Each call-next waits for the answer to the one before (so publishes cannot overtake each other): when answers take longer than a second the line moves less often than once a second, shown as "s between updates". Latency: from sending the call-next to the moment the client has worked out its new place. Lost: a place a client should have reached and never did (a missing move also holds back every later place of that client).`,
      '',
      '| server | connected | connect s | s between updates | CPU cores | RSS MB (peak) | call-next answered, p50 ms | delivery p50 ms | delivery p99 ms | updates due | lost |',
      '|---|---|---|---|---|---|---|---|---|---|---|',
      ...[
        ['api', a],
        ['bare', b],
      ].map(
        ([name, w]) =>
          `| ${name} | ${fmt(w.connected)} | ${fmt(w.connectSeconds)} | ${fmt(w.secondsPerUpdate)} | ${fmt(w.cpuCores)} | ${fmt(w.rssMb)} | ${fmt(w.triggerP50Ms)} | ${fmt(w.p50Ms)} | ${fmt(w.p99Ms)} | ${fmt(w.expected)} | ${fmt(w.lost)} |`,
      ),
      `| api ÷ bare | | | ${ratio(a.secondsPerUpdate, b.secondsPerUpdate)} | ${ratio(a.cpuCores, b.cpuCores)} | ${ratio(a.rssMb, b.rssMb)} | ${ratio(a.triggerP50Ms, b.triggerP50Ms)} | ${ratio(a.p50Ms, b.p50Ms)} | ${ratio(a.p99Ms, b.p99Ms)} | | |`,
      `| target (api) | ${opts.clients} | | 1 | ≤ ${TARGET.waiting.cpuCores} | ≤ ${TARGET.waiting.rssMb} | | | ≤ ${TARGET.waiting.p99Ms} | | 0 |`,
      '',
      ...dropLines(results.waiting),
    );
  }
  if (signalling.api || signalling.bare) {
    const a = signalling.api ?? {};
    const b = signalling.bare ?? {};
    md.push(
      `## Interview rooms: ${opts.rooms} formed within ${opts.formSeconds} s, offer + answer + ${opts.ice} ICE candidates each (${verdict('signalling')})`,
      '',
      `Rooms start evenly over ${opts.formSeconds} s: host and guest connect and \`call:join\`, the host sends an offer (a ~4 KB SDP) and ${Math.floor(opts.ice / 2)} candidates, the guest answers on receipt and sends ${opts.ice - Math.floor(opts.ice / 2)}; every message with an ack. Relay latency: from the sender's timestamp (inside the SDP's o= line or the candidate's usernameFragment, which the api's schema lets through) to the peer's receipt. CPU over the whole leg.`,
      '',
      '| server | rooms formed | last formed at s | relay p50 ms | relay p99 ms | ack p99 ms | CPU cores | RSS MB | messages due | lost |',
      '|---|---|---|---|---|---|---|---|---|---|',
      ...[
        ['api', a],
        ['bare', b],
      ].map(
        ([name, s]) =>
          `| ${name} | ${fmt(s.formed)} | ${fmt(s.lastFormedSeconds)} | ${fmt(s.relayP50Ms)} | ${fmt(s.relayP99Ms)} | ${fmt(s.ackP99Ms)} | ${fmt(s.cpuCores)} | ${fmt(s.rssMb)} | ${fmt(s.expected)} | ${fmt(s.lost)} |`,
      ),
      `| api ÷ bare | | | ${ratio(a.relayP50Ms, b.relayP50Ms)} | ${ratio(a.relayP99Ms, b.relayP99Ms)} | ${ratio(a.ackP99Ms, b.ackP99Ms)} | ${ratio(a.cpuCores, b.cpuCores)} | ${ratio(a.rssMb, b.rssMb)} | | |`,
      `| target (api) | ${opts.rooms} | ≤ ${TARGET.signalling.formSeconds} | | ≤ ${TARGET.signalling.p99Ms} | | | | | 0 |`,
      '',
    );
  }
  if (scale.single || scale.two) {
    const s = scale.single ?? {};
    const t = scale.two ?? {};
    md.push(
      `## Two api processes with the Redis adapter (${verdict('scale')})`,
      '',
      `${opts.pairs} calls, each host trickling ICE candidates to its guest as fast as acks return (${opts.window} in flight per host), ${opts.pumpSeconds} s measured after 1 s of warm-up. "two": hosts and guests spread over two api processes sharing Redis through the adapter (half of the calls span both processes); "single": all on one. Both use the same adapter; CPU is the sum over the api processes.`,
      '',
      '| setup | relayed signals/s | p99 ms | CPU cores |',
      '|---|---|---|---|',
      `| single process | ${fmt(s.signalsPerSecond)} | ${fmt(s.p99Ms)} | ${fmt(s.cpuCores)} |`,
      `| two processes | ${fmt(t.signalsPerSecond)} | ${fmt(t.p99Ms)} | ${fmt(t.cpuCores)} |`,
      `| two ÷ single | ${ratio(t.signalsPerSecond, s.signalsPerSecond)} (target ≥ ${TARGET.scale.ratio}) | | |`,
      '',
    );
  }
  if (results.restart) {
    const r = results.restart;
    md.push(
      `## Redis restart under two api processes (${verdict('restart')})`,
      '',
      `A private redis-server (port ${RESTART_REDIS_PORT}, appendonly) behind two api processes, ${r.clients} seekers in one line split across them, "call next" on the first process once a second for ${r.ticks} s; at the ${'6th'} second Redis is shut down and started again ${r.redisDownSeconds ?? '–'} s later. Calls-next that failed while Redis was down promised no update and are not counted as due; an update due is a new place after an acknowledged call-next.`,
      '',
      '| clients connected | call-next acknowledged | failed | line before → after | updates due | lost | clients whose last place is stale | socket disconnects |',
      '|---|---|---|---|---|---|---|---|',
      `| ${r.connected} | ${r.ticksAcknowledged} | ${r.ticksFailed} | ${r.sizeBefore} → ${r.sizeAfter} | ${r.expected} | ${r.lost} | ${r.staleAtEnd} | ${r.disconnects} |`,
      '',
    );
  }
  md.push(
    '## What was run and what was not',
    '',
    `- Run: legs ${opts.legs.join(', ')} at ${[
      opts.legs.includes('waiting') && `${opts.clients} waiting clients`,
      opts.legs.includes('signalling') && `${opts.rooms} rooms`,
      opts.legs.includes('scale') && `${opts.pairs} throughput pairs`,
      opts.legs.includes('restart') && `${opts.restartClients} clients in the restart leg`,
    ]
      .filter(Boolean)
      .join(
        ', ',
      )}${opts.clients < 10_000 || opts.rooms < 1000 ? " — smaller than the issue's 10,000 clients / 1,000 rooms, so the targets are not judged at full size by this run" : ''}.`,
    "- Accounts and sessions are made set-based in SQL (users, roles, a refresh-token family each) and access tokens signed with the api's own AccessTokenService; the line is filled through the api's WaitingRoomStore without the per-join publish (10,000 joins over HTTP would each broadcast a move to a growing line before the benchmark begins). Connecting, `queue:watch`, `call:join` and `call:signal` go through the real api.",
    '- Not run: real WebRTC media, TURN, browsers, or clients on other machines (all sockets are on loopback, so network latency is absent); long-polling transport (websocket only); more than two api processes; a Redis crash without a clean shutdown (the restart leg uses SHUTDOWN, which writes the append-only file).',
    "- The delivery latency of the waiting room includes the call-next request itself (database and Redis work before the api publishes); the bare server's trigger is a socket event, so its latency is the fan-out alone.",
    "- The api's adapter is whatever backend/src/infra/realtime configures (the bench only sets REDIS_URL and QUEUE_PREFIX).",
    // Notes of whoever ran it (kept in realtime.json under rounds.notes), e.g. an aborted round.
    ...(results.notes ?? []).map((note) => `- ${note}`),
    '',
  );
  writeFileSync(join(ROOT, 'bench/results/realtime.json'), JSON.stringify(result, null, 2) + '\n');
  writeFileSync(join(ROOT, 'bench/results/realtime.md'), md.join('\n'));
  if (!partial) console.log(md.join('\n'));
}
