import type { QueuePosition } from '@platform/contracts';
import Redis from 'ioredis';
import { AddressInfo } from 'node:net';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE, Database } from '../../infra/database/database';
import { Notifier } from '../../infra/realtime/notifier';
import { REDIS } from '../../infra/redis/redis.module';
import { organizer, publishedPosition } from '../../test-support/fair-fixtures';
import { readySeeker } from '../../test-support/seeker-fixtures';
import { startTestApp, TestApp } from '../../test-support/test-app';
import { WaitingRoomPublisher } from './waiting-room.publisher';
import { WaitingRoomStore } from './waiting-room.store';
import { WaitingRoomSweeper } from './waiting-room.sweeper';
import { followPlace, nextEvent, openSocket } from '../../test-support/sockets';

// One api process holds the sockets; the sweeper is wired as in the worker: no Socket.IO server,
// its messages go through the stream emitter and reach the api's sockets over Redis.
let api: TestApp;
let url: string;
let sweeper: WaitingRoomSweeper;
let workerNotifier: Notifier;
const sockets: Socket[] = [];

const open = (token: string) => openSocket(url, token, sockets);

async function openBooth() {
  const org = await organizer(api.app);
  const { fair, unit } = await publishedPosition(api.app, org);
  expect((await unit.call('POST', `/api/fairs/${fair.id}/booth`, { open: true })).statusCode).toBe(201);
  return { fair, unit, path: `/api/fairs/${fair.id}/waiting-rooms/${unit.id}/queue` };
}

/** Until the api has marked this seeker away (the socket's disconnect is handled asynchronously). */
async function awaitAway(seeker: Awaited<ReturnType<typeof readySeeker>>) {
  await expect
    .poll(async () => (await seeker.call('GET', '/api/waiting-rooms/mine')).json().items[0]?.away)
    .toBe(true);
}

beforeAll(async () => {
  // The sweeper looks at every booth and these tests move its clock forward: a prefix of their
  // own keeps them off the places other test files are holding meanwhile.
  api = await startTestApp({ QUEUE_PREFIX: `${process.env.TEST_QUEUE_PREFIX ?? 'test'}sweep` });
  await api.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
  const store = new WaitingRoomStore(api.app.get<Redis>(REDIS), api.config);
  workerNotifier = new Notifier(api.config);
  sweeper = new WaitingRoomSweeper(
    api.app.get<Database>(DATABASE),
    api.config,
    store,
    new WaitingRoomPublisher(api.config, store, workerNotifier),
    workerNotifier,
  );
  // Places left over by an earlier run of this file go first, so the counts below are this run's.
  await sweeper.sweep(Date.now() + 86_400_000, 10_000);
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await workerNotifier.onApplicationShutdown();
  await api.close();
});

describe('waiting-room sweeper (worker)', () => {
  it('takes out of line whoever stayed away past the grace and tells the rest their new places, unasked', async () => {
    const { path } = await openBooth();
    const [lapsed, blinked, waiting] = await Promise.all([
      readySeeker(api.app),
      readySeeker(api.app),
      readySeeker(api.app),
    ]);
    for (const seeker of [lapsed, blinked, waiting])
      expect((await seeker.call('POST', path)).statusCode).toBe(201);
    // Two connections drop; one comes back within the grace, the other never does.
    for (const seeker of [lapsed, blinked]) {
      (await open(seeker.user.accessToken)).disconnect();
      await awaitAway(seeker);
    }
    const back = await open(blinked.user.accessToken);
    expect(await back.emitWithAck('queue:watch')).toMatchObject({
      data: [expect.objectContaining({ away: false })],
    });

    const listening = await open(waiting.user.accessToken);
    const [base] = ((await listening.emitWithAck('queue:watch')) as { data: QueuePosition[] }).data;
    expect(base).toMatchObject({ position: 3, size: 3 });
    const followed = followPlace(listening, base);
    const afterGrace = Date.now() + api.config.QUEUE_GRACE_SECONDS * 1000 + 1000;
    const swept = await sweeper.sweep(afterGrace, 1000);
    expect(swept).toMatchObject({ expiredPlaces: 1, booths: 1 });
    await expect.poll(followed.place).toMatchObject({ position: 2, size: 2, estimatedWaitSeconds: 600 });
    expect(followed.moves).toHaveLength(1); // the worker's one broadcast to the line
    expect((await lapsed.call('GET', '/api/waiting-rooms/mine')).json().items).toEqual([]);
    expect((await blinked.call('GET', '/api/waiting-rooms/mine')).json().items).toEqual([
      expect.objectContaining({ position: 1, size: 2, away: false }),
    ]);
    // Nothing is left for a second sweep.
    expect(await sweeper.sweep(afterGrace, 1000)).toMatchObject({ expiredPlaces: 0 });
  });

  it('keeps a place until its grace has run out', async () => {
    const { path } = await openBooth();
    const seeker = await readySeeker(api.app);
    await seeker.call('POST', path);
    (await open(seeker.user.accessToken)).disconnect();
    await awaitAway(seeker);
    const withinGrace = Date.now() + api.config.QUEUE_GRACE_SECONDS * 1000 - 5_000;
    expect(await sweeper.sweep(withinGrace, 1000)).toMatchObject({ expiredPlaces: 0 });
    expect((await seeker.call('GET', '/api/waiting-rooms/mine')).json().items).toHaveLength(1);
  });

  it('ends a call-in nobody took: the call is missed and the interviewer’s page hears it', async () => {
    const { fair, unit, path } = await openBooth();
    const seeker = await readySeeker(api.app);
    await seeker.call('POST', path);
    const called = await unit.call('POST', `/api/fairs/${fair.id}/booth/next`, {});
    expect(called.statusCode).toBe(201);
    const callId: string = called.json().id;
    expect((await seeker.call('GET', '/api/waiting-rooms/mine')).json().items).toEqual([
      expect.objectContaining({ callIn: expect.objectContaining({ callId }) }),
    ]);
    const host = await open(unit.user.accessToken);
    expect(await host.emitWithAck('call:join', { callId })).toMatchObject({ data: { role: 'host' } });
    const missed = nextEvent<{ callId: string; status: string }>(
      host,
      'call:status',
      (s) => s.callId === callId,
    );

    const early = await sweeper.sweep(Date.now(), 1000);
    expect(early.expiredCallIns).toBe(0);
    const swept = await sweeper.sweep(Date.now() + api.config.QUEUE_CALL_IN_SECONDS * 1000 + 1000, 1000);
    expect(swept).toMatchObject({ expiredCallIns: 1, booths: 1 });
    expect(await missed).toEqual({ callId, status: 'missed' });
    expect((await unit.call('GET', `/api/calls/${callId}`)).json().status).toBe('missed');
    expect((await seeker.call('GET', '/api/waiting-rooms/mine')).json().items).toEqual([]);
  });
});
