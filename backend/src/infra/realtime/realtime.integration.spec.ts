import type { NotificationMessage } from '@platform/contracts';
import { AddressInfo } from 'node:net';
import { io as connect, Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser, startTestApp, TestApp } from '../../test-support/test-app';
import { testConfig } from '../../test-support/test-config';
import { organizer, publishedPosition } from '../../test-support/fair-fixtures';
import { readySeeker } from '../../test-support/seeker-fixtures';
import { Notifier } from './notifier';

// Two api processes' worth of apps sharing Redis, as in production behind a load balancer.
let a: TestApp;
let b: TestApp;
let urlA: string;
const sockets: Socket[] = [];

async function listen(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
}

function open(url: string, token?: string): Socket {
  const socket = connect(url, {
    path: '/socket.io',
    auth: token ? { token } : {},
    transports: ['websocket'],
    reconnection: false,
  });
  sockets.push(socket);
  return socket;
}

const once = <T>(socket: Socket, event: string) => new Promise<T>((resolve) => socket.once(event, resolve));

beforeAll(async () => {
  a = await startTestApp();
  b = await startTestApp();
  urlA = await listen(a);
  await listen(b);
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await a.close();
  await b.close();
});

describe('live channel across api processes', () => {
  it('authenticates at the handshake and refuses a missing or forged token with a stable code', async () => {
    const anonymous = open(urlA);
    const error = await once<Error & { data: { code: string } }>(anonymous, 'connect_error');
    expect(error.data.code).toBe('AUTH_UNAUTHENTICATED');
    const forged = open(urlA, 'eyJhbGciOiJIUzI1NiJ9.e30.x');
    expect((await once<Error & { data: { code: string } }>(forged, 'connect_error')).data.code).toBe(
      'AUTH_TOKEN_INVALID',
    );
  });

  it('delivers a message sent by another api process to the person on this one', async () => {
    const user = await registerUser(a.app);
    const socket = open(urlA, user.accessToken);
    await once(socket, 'connect');
    const received = once<NotificationMessage>(socket, 'notification');
    b.app.get(Notifier).toUser(user.user.id, { kind: 'application.status', title: '您的投递已被查看' });
    expect(await received).toMatchObject({ kind: 'application.status', title: '您的投递已被查看' });
  });

  it('delivers a message from a process without a server (the worker) through the stream emitter', async () => {
    const user = await registerUser(a.app);
    const socket = open(urlA, user.accessToken);
    await once(socket, 'connect');
    const workerNotifier = new Notifier(testConfig());
    try {
      const received = once<NotificationMessage>(socket, 'notification');
      workerNotifier.toUser(user.user.id, { kind: 'interview.invitation', title: '面试邀请' });
      expect((await received).title).toBe('面试邀请');
    } finally {
      await workerNotifier.onApplicationShutdown();
    }
  });

  it('answers acknowledgements and ends the sockets of a session at logout', async () => {
    const user = await registerUser(a.app);
    const socket = open(urlA, user.accessToken);
    await once(socket, 'connect');
    const who = await socket.emitWithAck('whoami');
    expect(who).toEqual({ data: { userId: user.user.id, roles: ['seeker'] } });

    const ended = once<{ reason: string }>(socket, 'session:ended');
    const disconnected = once<string>(socket, 'disconnect');
    await b.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { authorization: `Bearer ${user.accessToken}` },
    });
    expect(await ended).toEqual({ reason: 'logout' });
    expect(await disconnected).toBe('io server disconnect');
  });

  it('pushes an application status change made on another api process to the graduate, without reload', async () => {
    const org = await organizer(b.app);
    const { unit, positionId } = await publishedPosition(b.app, org);
    const seeker = await readySeeker(a.app, { cohort: new Date().getUTCFullYear() });
    const application = (await seeker.call('POST', `/api/positions/${positionId}/applications`)).json();
    const socket = open(urlA, seeker.user.accessToken);
    await once(socket, 'connect');
    const received = once<NotificationMessage>(socket, 'notification');
    const moved = await unit.call('POST', `/api/applications/${application.id}/moves`, { to: 'shortlisted' });
    expect(moved.statusCode).toBe(201);
    expect(await received).toMatchObject({
      kind: 'application.status',
      title: expect.stringContaining('初筛通过'),
      link: `/seeker/applications/${application.id}`,
    });
  });
});
