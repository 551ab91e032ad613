// Learning heartbeats (issue 8 item 3): simulated players post heartbeats to the built api as fast
// as it acknowledges them. Each connection drives its own players' sessions with increasing seq, so
// every beat is a real accepted beat (one UPDATE of the session + a batched raw insert).
// Reports sustained beats/s and p50/p99 acknowledgement latency: medians of alternating rounds.
import { makeUnifiedSocialCreditCode } from '@platform/contracts';
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { apiRuntimeEnv } from '../scripts/lib/api-runtime.mjs';
import { log, portOpen, ROOT, run, waitFor } from '../scripts/lib/run.mjs';
import { productionEnv } from './production-env.mjs';

const API_PORT = Number(process.env.BENCH_API_PORT ?? 3311);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const PLAYERS_PER_CONNECTION = 4;
const TARGET = { beatsPerSecond: 2000, p99Ms: 200 };
const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/platform_bench_learning';
const ENV = {
  ...process.env,
  ...productionEnv({
    DATABASE_URL,
    REDIS_URL: 'redis://127.0.0.1:6379/11',
    QUEUE_PREFIX: 'bench-learning',
    SEARCH_INDEX_PREFIX: 'bench-learning',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  }),
};
const BASE = `http://127.0.0.1:${API_PORT}`;

async function call(method, path, token, body) {
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

let phone = 13_900_000_000;
async function account(roles, db, staffRoles = []) {
  const password = 'Bench2026pass';
  const user = await call('POST', '/api/auth/register', null, {
    phone: String(++phone),
    password,
    displayName: '压测学员',
    roles,
  });
  if (!staffRoles.length) return user;
  for (const role of staffRoles)
    await db.query('insert into user_roles (user_id, role) values ($1, $2)', [user.user.id, role]);
  return call('POST', '/api/auth/login', null, { identifier: String(phone), password });
}

/** A national class (no stills needed) with one enrolment and several open sessions per player. */
async function setUpPlayers(db) {
  const org = await account(['seeker'], db, ['organizer']);
  const school = await call('POST', '/api/training/institutions', org.accessToken, {
    name: '压测职业培训学校',
    unifiedSocialCreditCode: makeUnifiedSocialCreditCode(20261202),
    kind: 'training_institution',
    district: '渝北区',
  });
  const course = await call('POST', '/api/training/courses', org.accessToken, {
    code: 'BENCH-1',
    title: '育婴员（五级）线上培训',
    institutionId: school.id,
    platformId: null,
    occupation: '育婴员',
    level: 'level5',
    kind: 'skills',
    description: '压测课程',
    modules: [
      { name: '理论知识', kind: 'theory', hours: 40, delivery: 'online' },
      { name: '线下实训', kind: 'practical', hours: 8, delivery: 'offline' },
    ],
  });
  const { rows } = await db.query(
    `insert into training_classes (course_id, institution_id, name, jurisdiction, district, starts_on, ends_on, plan_status)
     values ($1, $2, '压测班', 'national', '渝北区', '2020-03-01', '2030-12-31', 'approved') returning id`,
    [course.id, school.id],
  );
  const classId = rows[0].id;
  const players = [];
  for (let c = 0; c < CONNECTIONS; c++) {
    const trainee = await account(['trainee'], db);
    const enrolment = await db.query(
      'insert into training_enrolments (class_id, user_id) values ($1, $2) returning id',
      [classId, trainee.user.id],
    );
    const sessions = [];
    for (let p = 0; p < PLAYERS_PER_CONNECTION; p++) {
      const deviceId = `bench-${randomUUID()}`;
      const started = await call(
        'POST',
        `/api/training/enrolments/${enrolment.rows[0].id}/sessions`,
        trainee.accessToken,
        {
          module: '理论知识',
          deviceId,
        },
      );
      sessions.push({ id: started.sessionId, deviceId, seq: 0 });
    }
    players.push({ token: trainee.accessToken, sessions });
  }
  return players;
}

/**
 * Sessions are taken round-robin across all connections: a session's next beat is sent only after
 * every other session had one, so its seq arrives in order unless a beat stalls for that long; the
 * few that do are answered 409 (out of order) and counted, as a real player's would be.
 */
async function measure(players) {
  const sessions = players.flatMap((p) => p.sessions.map((s) => ({ ...s, token: p.token, ref: s })));
  let next = 0;
  const result = await autocannon({
    url: BASE,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [
      {
        method: 'POST',
        setupRequest(request) {
          const { ref: session, token } = sessions[next++ % sessions.length];
          const now = new Date().toISOString();
          request.path = `/api/training/learning/sessions/${session.id}/heartbeats`;
          request.headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
          request.body = JSON.stringify({
            seq: ++session.seq,
            deviceId: session.deviceId,
            visible: true,
            lastInteractionAt: now,
            positionSeconds: session.seq * 30,
            clientSentAt: now,
          });
          return request;
        },
      },
    ],
  });
  if (result.errors || result.non2xx > result.requests.total / 1000)
    throw new Error(`heartbeats: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return {
    beatsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    refused: result.non2xx,
  };
}

/** The same api's cheapest authenticated GET (JWT + Redis revocation check), as a yardstick. */
async function measureReference(token) {
  const result = await autocannon({
    url: `${BASE}/api/auth/session`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers: { authorization: `Bearer ${token}` },
  });
  if (result.non2xx || result.errors)
    throw new Error(`reference: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function start() {
  const child = spawn(process.execPath, ['backend/dist/main.js'], {
    cwd: ROOT,
    env: apiRuntimeEnv({ ...ENV, PORT: String(API_PORT) }),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return waitFor(() => portOpen(API_PORT), { timeoutMs: 60_000, what: `api on ${API_PORT}` }).then(
    () => child,
  );
}

function stop(child) {
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

export default async function heartbeatsBench() {
  await run('node', ['scripts/services.mjs', 'up', '--no-browser']);
  await run('npm', ['run', 'build', '-w', 'contracts', '-w', 'search', '-w', 'backend']);
  await run('node', ['scripts/reset-database.mjs', DATABASE_URL]);
  const api = await start();
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  const rounds = [];
  let stored;
  try {
    const players = await setUpPlayers(db);
    for (let i = 0; i < ROUNDS; i++) {
      log(`heartbeats round ${i + 1}/${ROUNDS}`);
      const beats = await measure(players);
      log(`reference round ${i + 1}/${ROUNDS}`);
      rounds.push({ ...beats, reference: await measureReference(players[0].token) });
    }
  } finally {
    // A graceful stop flushes the batched raw beats: every acknowledged beat must be on record.
    await stop(api);
    const verdicts = await db.query(
      'select verdict, count(*)::int as n from learning_heartbeats group by verdict',
    );
    stored = Object.fromEntries(verdicts.rows.map((r) => [r.verdict, r.n]));
    await db.end();
  }
  report(rounds, stored);
}

function report(rounds, stored) {
  const summary = {
    beatsPerSecond: median(rounds.map((r) => r.beatsPerSecond)),
    p50Ms: median(rounds.map((r) => r.p50)),
    p99Ms: median(rounds.map((r) => r.p99)),
    acknowledged: rounds.reduce((sum, r) => sum + r.total, 0),
    refused: rounds.reduce((sum, r) => sum + r.refused, 0),
    referenceRequestsPerSecond: median(rounds.map((r) => r.reference.requestsPerSecond)),
    storedRaw: stored,
  };
  const met = summary.beatsPerSecond >= TARGET.beatsPerSecond && summary.p99Ms <= TARGET.p99Ms;
  const result = {
    benchmark: 'heartbeats',
    at: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length },
    settings: {
      rounds: ROUNDS,
      durationSeconds: DURATION_S,
      connections: CONNECTIONS,
      sessions: CONNECTIONS * PLAYERS_PER_CONNECTION,
      logLevel: ENV.LOG_LEVEL,
    },
    target: TARGET,
    met,
    summary,
    rounds,
  };
  const md = [
    `# heartbeats benchmark (${result.at})`,
    '',
    `Accepted learning heartbeats (POST /api/training/learning/sessions/:id/heartbeats) on the built api in production mode: ${CONNECTIONS} connections driving ${CONNECTIONS * PLAYERS_PER_CONNECTION} open sessions, ${ROUNDS} rounds of ${DURATION_S} s, medians; ${cpus().length} cores shared with the load generator and PostgreSQL; log level ${ENV.LOG_LEVEL}.`,
    '',
    `| beats/s (median) | p50 ms | p99 ms | target | |`,
    '|---|---|---|---|---|',
    `| ${summary.beatsPerSecond} | ${summary.p50Ms} | ${summary.p99Ms} | ≥ ${TARGET.beatsPerSecond}/s, p99 ≤ ${TARGET.p99Ms} ms | ${met ? 'met' : 'not met'} |`,
    '',
    `Yardstick in the same rounds: GET /api/auth/session (JWT + Redis check only) at ${summary.referenceRequestsPerSecond} req/s (median), i.e. a beat costs ${(summary.referenceRequestsPerSecond / summary.beatsPerSecond).toFixed(1)}× the cheapest authenticated request.`,
    '',
    `Acknowledged beats (completed within the rounds): ${summary.acknowledged}, of which refused as out of order: ${summary.refused}; raw beats on record by verdict after the api stopped: ${JSON.stringify(summary.storedRaw)} (includes beats answered just after a round ended).`,
    '',
  ].join('\n');
  writeFileSync(join(ROOT, 'bench/results/heartbeats.json'), JSON.stringify(result, null, 2) + '\n');
  writeFileSync(join(ROOT, 'bench/results/heartbeats.md'), md);
  console.log(md);
}
