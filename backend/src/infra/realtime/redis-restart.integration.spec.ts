import type { QueuePosition } from '@platform/contracts';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Server as HttpServer } from 'node:http';
import { AddressInfo, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { io as connect, Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessTokenService } from '../../common/auth/access-token.service';
import { SessionRevocations } from '../../common/auth/session-revocations.service';
import { AppConfig } from '../../config/config';
import { testConfig } from '../../test-support/test-config';
import { Notifier } from './notifier';
import { RealtimeServer } from './realtime.server';

/**
 * Two api nodes' Socket.IO servers and a worker's emitter on a private Redis (AOF on) that this
 * test stops for five seconds and starts again on the same port and directory, while queue
 * updates keep being sent. Every person must get every update, in order. (ioredis's default
 * retries would carry a 5 s outage too; `realtimeRedisOptions` removes their ~10 s limit.)
 */
const OUTAGE_MS = 5_000;
const EVERY_MS = 100;
const SENDING_MS = 8_000;

let port: number;
let dir: string;
let config: AppConfig;
const servers: { realtime: RealtimeServer; http: HttpServer; url: string }[] = [];
const sockets: Socket[] = [];
let worker: Notifier;
let revocationsRedis: Redis;

const run = promisify(execFile);

async function startRedis(): Promise<void> {
  await run('redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--appendonly',
    'yes',
    '--save',
    '',
    '--dir',
    dir,
    '--daemonize',
    'yes',
  ]);
  await waitFor(async () => (await ping()) === 'PONG');
}

async function ping(): Promise<string> {
  try {
    return (await run('redis-cli', ['-p', String(port), 'ping'])).stdout.trim();
  } catch {
    return '';
  }
}

/** SHUTDOWN writes the AOF out before exiting, like `docker stop` on the compose service. */
async function stopRedis(): Promise<void> {
  await run('redis-cli', ['-p', String(port), 'shutdown']).catch(() => undefined);
  await waitFor(async () => (await ping()) === '');
}

async function waitFor(ready: () => Promise<boolean>): Promise<void> {
  const until = Date.now() + 10_000;
  while (!(await ready())) {
    if (Date.now() > until) throw new Error('redis did not change state in time');
    await sleep(50);
  }
}

async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port: free } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return free;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  Logger.overrideLogger(['error', 'warn']);
  port = await freePort();
  dir = mkdtempSync(join(tmpdir(), 'realtime-restart-redis-'));
  await startRedis();
  config = testConfig({ REDIS_URL: `redis://127.0.0.1:${port}/0`, QUEUE_PREFIX: 'restart' });
  const tokens = new AccessTokenService(config);
  revocationsRedis = new Redis(config.REDIS_URL, { lazyConnect: true });
  for (let i = 0; i < 2; i++) {
    const realtime = new RealtimeServer(config, tokens, new SessionRevocations(revocationsRedis, tokens));
    const http = createServer();
    realtime.attach(http);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    servers.push({ realtime, http, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` });
  }
  worker = new Notifier(config);
  // The adapters' stream readers start at "$" once their clients connect.
  await sleep(500);
}, 30_000);

afterAll(async () => {
  sockets.forEach((s) => s.close());
  await worker?.onApplicationShutdown();
  for (const { realtime, http } of servers) {
    realtime.beforeApplicationShutdown();
    await realtime.onApplicationShutdown();
    await new Promise<void>((resolve) => http.close(() => resolve()));
  }
  revocationsRedis?.disconnect();
  if ((await ping()) === 'PONG') await run('redis-cli', ['-p', String(port), 'shutdown', 'nosave']);
  rmSync(dir, { recursive: true, force: true });
}, 30_000);

describe('live messages across a Redis restart', () => {
  it('delivers every queue update, in order, to people on both api nodes while Redis restarts', async () => {
    const tokens = new AccessTokenService(config);
    const people = await Promise.all(
      servers.map(async ({ url }) => {
        const userId = randomUUID();
        const token = tokens.sign({ userId, roles: ['seeker'], sessionId: randomUUID() });
        const socket = connect(url, { path: '/socket.io', auth: { token }, transports: ['websocket'] });
        sockets.push(socket);
        // Updates carry their sender in fairId and their number in size.
        const received = new Map<string, number[]>([
          ['worker', []],
          ['api', []],
        ]);
        socket.on('queue:position', (p: QueuePosition) => received.get(p.fairId)!.push(p.size));
        await new Promise((resolve) => socket.once('connect', () => resolve(undefined)));
        return { userId, received };
      }),
    );
    const rooms = people.map((p) => `user:${p.userId}`);
    const update = (sender: string, n: number): QueuePosition => ({
      fairId: sender,
      employerId: 'booth',
      position: 1,
      size: n,
      estimatedWaitSeconds: 60,
      away: false,
      graceUntil: null,
      callIn: null,
      ticket: null,
      version: n,
    });

    let sent = 0;
    const started = Date.now();
    const outage = (async () => {
      await sleep(1_000);
      await stopRedis();
      await sleep(OUTAGE_MS);
      await startRedis();
    })();
    while (Date.now() - started < SENDING_MS) {
      sent += 1;
      // From the worker (stream emitter) and from api node 0 (its adapter): both reach both nodes.
      worker.emitTo(rooms, 'queue:position', update('worker', sent));
      servers[0].realtime.server!.to(rooms).emit('queue:position', update('api', sent));
      await sleep(EVERY_MS);
    }
    await outage;

    const expected = Array.from({ length: sent }, (_, i) => i + 1);
    const until = Date.now() + 20_000;
    const complete = () =>
      people.every(({ received }) => [...received.values()].every((got) => got.length >= sent));
    while (!complete() && Date.now() < until) await sleep(100);
    expect(sent).toBeGreaterThan(50);
    for (const { received } of people) {
      expect(received.get('worker')).toEqual(expected);
      expect(received.get('api')).toEqual(expected);
    }
  }, 60_000);

  it('delivers a broadcast to the sockets of its own node at once, and to the other node once Redis answers', async () => {
    const tokens = new AccessTokenService(config);
    const userId = randomUUID();
    const token = tokens.sign({ userId, roles: ['seeker'], sessionId: randomUUID() });
    // The same person on both nodes (two tabs behind a load balancer).
    const [here, there] = await Promise.all(
      servers.map(async ({ url }) => {
        const socket = connect(url, { path: '/socket.io', auth: { token }, transports: ['websocket'] });
        sockets.push(socket);
        await new Promise((resolve) => socket.once('connect', () => resolve(undefined)));
        return socket;
      }),
    );
    const heard = (socket: Socket) =>
      new Promise<number>((resolve) => socket.once('notification', () => resolve(Date.now())));
    const atHere = heard(here);
    const atThere = heard(there);
    // Redis cannot answer the XADD that carries the broadcast to the other node.
    await stopRedis();
    let sentAt = 0;
    try {
      sentAt = Date.now();
      servers[0].realtime.server!.to(`user:${userId}`).emit('notification', {
        id: randomUUID(),
        at: new Date().toISOString(),
        kind: 'fair.announcement',
        title: '本节点直接送达',
      });
      expect((await atHere) - sentAt).toBeLessThan(1_000);
      expect(await Promise.race([atThere.then(() => 'there'), sleep(1_000).then(() => 'not yet')])).toBe(
        'not yet',
      );
    } finally {
      await startRedis();
    }
    expect(await atThere).toBeGreaterThan(sentAt);
  }, 60_000);
});
