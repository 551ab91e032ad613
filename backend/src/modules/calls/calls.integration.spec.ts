import type { CallJoined, CallPresence, QueueMove, QueuePosition, RelayedSignal } from '@platform/contracts';
import { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_POOL } from '../../infra/database/database';
import { startTestApp, TestApp } from '../../test-support/test-app';
import { caller, daysFromToday, organizer, publishedPosition } from '../../test-support/fair-fixtures';
import { readySeeker } from '../../test-support/seeker-fixtures';
import { followPlace, nextEvent, openSocket } from '../../test-support/sockets';

// Two api processes sharing PostgreSQL and Redis: the two people of a call sit on different ones.
let a: TestApp;
let b: TestApp;
let urlA: string;
let urlB: string;
let pool: Pool;
const sockets: Socket[] = [];

async function listen(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
}

const open = (url: string, token: string) => openSocket(url, token, sockets);

type Answer<T> = { data: T } | { error: { code: string } };
const ask = <T>(socket: Socket, event: string, payload?: unknown) =>
  (payload === undefined ? socket.emitWithAck(event) : socket.emitWithAck(event, payload)) as Promise<
    Answer<T>
  >;
const codeOf = (answer: Answer<unknown>) => ('error' in answer ? answer.error.code : 'ok');

/** An employer with a published position in a running fair and a seeker whose application is shortlisted. */
async function shortlisted() {
  const org = await organizer(b.app);
  const { fair, unit, positionId, agency } = await publishedPosition(b.app, org);
  const seeker = await readySeeker(a.app, { cohort: new Date().getUTCFullYear() });
  const application = (await seeker.call('POST', `/api/positions/${positionId}/applications`)).json();
  await unit.call('POST', `/api/applications/${application.id}/moves`, { to: 'shortlisted' });
  return { org, fair, unit, seeker, application, agency };
}

beforeAll(async () => {
  a = await startTestApp();
  b = await startTestApp();
  urlA = await listen(a);
  urlB = await listen(b);
  pool = a.app.get(PG_POOL);
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await a.close();
  await b.close();
});

describe('signalling between two api processes', () => {
  it('relays offer, answer and ICE between the two people of a call and refuses everyone else with a stable code', async () => {
    const { unit, seeker, application } = await shortlisted();
    const opened = await unit.call('POST', '/api/calls', { applicationId: application.id });
    expect(opened.statusCode).toBe(201);
    const call = opened.json();
    const host = await open(urlA, unit.user.accessToken);
    const guest = await open(urlB, seeker.user.accessToken);

    const hostJoined = await ask<CallJoined>(host, 'call:join', { callId: call.id });
    expect(hostJoined).toMatchObject({ data: { role: 'host', status: 'lobby' } });
    const guestSeen = nextEvent<CallPresence>(host, 'call:peer');
    const live = nextEvent<{ status: string }>(host, 'call:status');
    const guestJoined = await ask<CallJoined>(guest, 'call:join', { callId: call.id });
    expect(guestJoined).toMatchObject({ data: { role: 'guest', status: 'live' } });
    expect(await guestSeen).toMatchObject({ userId: seeker.user.user.id, present: true, role: 'guest' });
    expect((await live).status).toBe('live');

    const offer = nextEvent<RelayedSignal>(guest, 'call:signal');
    const sent = await ask(host, 'call:signal', {
      kind: 'sdp',
      callId: call.id,
      sdp: { type: 'offer', sdp: 'v=0\r\n' },
    });
    expect(sent).toEqual({ data: { relayed: true } });
    expect(await offer).toMatchObject({ kind: 'sdp', from: unit.user.user.id, sdp: { type: 'offer' } });
    const candidate = nextEvent<RelayedSignal>(host, 'call:signal');
    await ask(guest, 'call:signal', {
      kind: 'ice',
      callId: call.id,
      candidate: {
        candidate: 'candidate:1 1 udp 2122260223 192.0.2.1 54400 typ host',
        sdpMid: '0',
        sdpMLineIndex: 0,
      },
    });
    expect(await candidate).toMatchObject({ kind: 'ice', from: seeker.user.user.id });

    // A stranger with a valid session: cannot join, cannot speak in the room by naming it.
    const stranger = await readySeeker(a.app);
    const intruder = await open(urlA, stranger.user.accessToken);
    expect(codeOf(await ask(intruder, 'call:join', { callId: call.id }))).toBe('CALL_NOT_PARTICIPANT');
    expect(
      codeOf(
        await ask(intruder, 'call:signal', {
          kind: 'sdp',
          callId: call.id,
          sdp: { type: 'offer', sdp: 'x' },
        }),
      ),
    ).toBe('CALL_NOT_PARTICIPANT');
    // Malformed, oversized, unknown calls: refused over the ack, and the gateway keeps going.
    expect(codeOf(await ask(host, 'call:signal', { kind: 'sdp', callId: 'not-a-uuid' }))).toBe(
      'SIGNAL_PAYLOAD_INVALID',
    );
    expect(codeOf(await ask(host, 'call:signal', 'garbage'))).toBe('SIGNAL_PAYLOAD_INVALID');
    expect(
      codeOf(
        await ask(host, 'call:signal', {
          kind: 'sdp',
          callId: call.id,
          sdp: { type: 'offer', sdp: 'a'.repeat(40_000) },
        }),
      ),
    ).toBe('SIGNAL_PAYLOAD_TOO_LARGE');
    expect(codeOf(await ask(host, 'call:join', { callId: '00000000-0000-4000-8000-000000000000' }))).toBe(
      'CALL_NOT_FOUND',
    );
    host.emit('call:signal', { kind: 'ice' }); // no ack at all: dropped silently
    expect(await ask(host, 'whoami')).toMatchObject({ data: { userId: unit.user.user.id } });
  });

  it('keeps the call when a participant reconnects on another api process, and the peer sees them back', async () => {
    const { unit, seeker, application } = await shortlisted();
    const call = (await unit.call('POST', '/api/calls', { applicationId: application.id })).json();
    const host = await open(urlA, unit.user.accessToken);
    await ask(host, 'call:join', { callId: call.id });
    const first = await open(urlB, seeker.user.accessToken);
    await ask(first, 'call:join', { callId: call.id });

    const gone = nextEvent<CallPresence>(host, 'call:peer', (p) => !p.present);
    first.disconnect();
    expect((await gone).userId).toBe(seeker.user.user.id);
    const back = nextEvent<CallPresence>(host, 'call:peer', (p) => p.present);
    const again = await open(urlA, seeker.user.accessToken);
    expect(await ask<CallJoined>(again, 'call:join', { callId: call.id })).toMatchObject({
      data: {
        status: 'live',
        peers: expect.arrayContaining([expect.objectContaining({ role: 'host', present: true })]),
      },
    });
    expect((await back).userId).toBe(seeker.user.user.id);
  });

  it('holds both sides in the lobby until the scheduled start: no signalling before it', async () => {
    const { unit, seeker, application } = await shortlisted();
    const startsAt = new Date(Date.now() + 3_600_000).toISOString();
    const call = (
      await unit.call('POST', '/api/calls', { applicationId: application.id, scheduledStartAt: startsAt })
    ).json();
    const guest = await open(urlB, seeker.user.accessToken);
    const joined = await ask<CallJoined>(guest, 'call:join', { callId: call.id });
    expect(joined).toMatchObject({ data: { status: 'lobby', startsAt } });
  });
});

describe('interview minutes', () => {
  it('AS-28: of a 30-minute call after 290 used minutes, 10 are free and the ledger shows 320', async () => {
    const { unit, seeker, application, agency } = await shortlisted();
    // Given E has used 290 minutes (an earlier call's ledger line).
    const earlier = (await unit.call('POST', '/api/calls', { applicationId: application.id })).json();
    await pool.query(
      `insert into interview_minutes (call_id, employer_id, agency_id, seconds, minutes, free_minutes,
        beyond_quota_minutes, used_before, used_after, quota, policy_version, inputs)
       values ($1, $2, (select agency_id from calls where id = $1), 17400, 290, 290, 0, 0, 290, 300,
        'interview-minutes-2020-v1', '{"host":[],"guest":[]}')`,
      [earlier.id, unit.id],
    );
    await pool.query(`update calls set status = 'ended', ended_at = now() where id = $1`, [earlier.id]);

    // When E conducts a further 30-minute interview (both joined 30 minutes ago, through the gateway's records).
    const call = (await unit.call('POST', '/api/calls', { applicationId: application.id })).json();
    const host = await open(urlA, unit.user.accessToken);
    const guest = await open(urlB, seeker.user.accessToken);
    await ask(host, 'call:join', { callId: call.id });
    await ask(guest, 'call:join', { callId: call.id });
    await pool.query(
      `update call_presence set joined_at = now() - interval '30 minutes' where call_id = $1`,
      [call.id],
    );
    const ended = await unit.call('POST', `/api/calls/${call.id}/end`);
    expect(ended.json()).toMatchObject({ status: 'ended', billedMinutes: 30, freeMinutes: 10 });

    const usage = (await unit.call('GET', '/api/interview-minutes/mine')).json();
    expect(usage.status).toEqual({ quota: 300, used: 320, remaining: 0, exhausted: true });
    expect(usage.calls[0]).toMatchObject({
      minutes: 30,
      freeMinutes: 10,
      beyondQuotaMinutes: 20,
      usedAfter: 320,
    });
    // The agency whose offer the minutes drew on sees them too.
    const agencyView = (
      await caller(b.app, agency.user.accessToken)('GET', '/api/interview-minutes/agency')
    ).json();
    expect(agencyView.items).toEqual([expect.objectContaining({ employerId: unit.id, minutes: 320 })]);

    // Over the quota the platform says so before the next call starts, rather than cutting one off.
    const refused = await unit.call('POST', '/api/calls', { applicationId: application.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'INTERVIEW_QUOTA_EXCEEDED', details: { remaining: 0 } });
    const accepted = await unit.call('POST', '/api/calls', {
      applicationId: application.id,
      acceptOverQuota: true,
    });
    expect(accepted.statusCode).toBe(201);
  });

  it('writes the interviewer’s notes and outcome to the application pipeline, notes hidden from the seeker', async () => {
    const { unit, seeker, application } = await shortlisted();
    const call = (await unit.call('POST', '/api/calls', { applicationId: application.id })).json();
    await unit.call('POST', `/api/calls/${call.id}/end`);
    const saved = await unit.call('PUT', `/api/calls/${call.id}/notes`, {
      notes: '沟通清晰，项目经验扎实',
      outcome: 'offer',
    });
    expect(saved.json()).toMatchObject({ notes: '沟通清晰，项目经验扎实', outcome: 'offer' });
    const mine = (await seeker.call('GET', `/api/applications/${application.id}`)).json();
    expect(mine.status).toBe('offer');
    expect(mine.timeline.map((e: { to: string }) => e.to)).toEqual([
      'submitted',
      'shortlisted',
      'interview',
      'interview',
      'offer',
    ]);
    expect((await seeker.call('GET', `/api/calls/${call.id}`)).json()).toMatchObject({
      notes: null,
      outcome: null,
    });
  });
});

describe('calls for scheduled interviews', () => {
  it('opening the call starts the booked interview (lobby until its start); the outcome completes it', async () => {
    const { unit, seeker, application } = await shortlisted();
    const interviewer = (await unit.call('POST', '/api/interviewers', { name: '周面试官' })).json();
    const slot = (
      await unit.call('POST', `/api/interviewers/${interviewer.id}/slots`, {
        startsAt: `${daysFromToday(1)}T10:00`,
        endsAt: `${daysFromToday(1)}T10:30`,
      })
    ).json();
    const invitation = (
      await unit.call('POST', `/api/applications/${application.id}/interview-invitations`, {
        mode: 'slots',
        slotIds: [slot.id],
      })
    ).json();
    const interview = (
      await seeker.call('POST', `/api/interview-invitations/${invitation.id}/acceptance`, { slotId: slot.id })
    ).json();
    const status = async () =>
      (await pool.query('select status, outcome from interviews where id = $1', [interview.id])).rows[0];

    const stranger = await unit.call('POST', '/api/calls', {
      applicationId: application.id,
      interviewId: '00000000-0000-4000-8000-000000000000',
    });
    expect(stranger.statusCode).toBe(404);

    const opened = await unit.call('POST', '/api/calls', {
      applicationId: application.id,
      interviewId: interview.id,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(Date.parse(opened.json().scheduledStartAt)).toBe(Date.parse(interview.startsAt));
    expect(await status()).toEqual({ status: 'in_progress', outcome: null });

    await unit.call('POST', `/api/calls/${opened.json().id}/end`);
    await unit.call('PUT', `/api/calls/${opened.json().id}/notes`, { notes: '表达清楚', outcome: 'offer' });
    expect(await status()).toEqual({ status: 'completed', outcome: 'pass' });
  });
});

describe('fair waiting rooms', () => {
  async function booth() {
    const setup = await shortlisted();
    const opened = await setup.unit.call('POST', `/api/fairs/${setup.fair.id}/booth`, { open: true });
    expect(opened.statusCode).toBe(201);
    return { ...setup, path: `/api/fairs/${setup.fair.id}/waiting-rooms/${setup.unit.id}/queue` };
  }

  it('orders seekers first come first served, updates their places live and calls the next one in', async () => {
    const { unit, fair, path } = await booth();
    const first = await readySeeker(a.app);
    const second = await readySeeker(b.app);
    expect((await first.call('POST', path)).json()).toMatchObject({ position: 1, size: 1 });
    const secondSocket = await open(urlA, second.user.accessToken);
    const joined: QueuePosition = (await second.call('POST', path)).json();
    expect(joined).toMatchObject({ position: 2, size: 2, estimatedWaitSeconds: 600 });
    expect((await second.call('POST', path)).json()).toMatchObject({ position: 2 }); // joining twice keeps the place

    // The page follows the line's moves from the place it was given (its socket follows the
    // line since the join, whichever api process answered it).
    const followed = followPlace(secondSocket, joined);
    const firstSocket = await open(urlB, first.user.accessToken);
    const called = nextEvent<{ callId: string }>(firstSocket, 'queue:called');
    const call = await unit.call('POST', `/api/fairs/${fair.id}/booth/next`, {});
    expect(call.statusCode).toBe(201);
    expect((await called).callId).toBe(call.json().id);
    await expect.poll(followed.place).toMatchObject({ position: 1, size: 1, estimatedWaitSeconds: 0 });
    expect(call.json()).toMatchObject({
      origin: 'waiting_room',
      status: 'lobby',
      callInExpiresAt: expect.any(String),
    });
  });

  it('tells a whole line of a move with one broadcast, from which everyone works out their own place', async () => {
    const { path } = await booth();
    const people = await Promise.all([
      readySeeker(a.app),
      readySeeker(a.app),
      readySeeker(b.app),
      readySeeker(b.app),
    ]);
    for (const person of people) expect((await person.call('POST', path)).statusCode).toBe(201);
    const followers = await Promise.all(
      people.map(async (person, i) => {
        const socket = await open(i % 2 ? urlB : urlA, person.user.accessToken);
        const single: QueuePosition[] = [];
        socket.on('queue:position', (p: QueuePosition) => single.push(p));
        const [base] = ((await ask<QueuePosition[]>(socket, 'queue:watch')) as { data: QueuePosition[] })
          .data;
        expect(base).toMatchObject({ position: i + 1, size: 4, ticket: expect.any(Number) });
        return { socket, single, ...followPlace(socket, base) };
      }),
    );
    // The second in line leaves: those behind move up by one, the first stays where she is.
    expect((await people[1].call('DELETE', path)).statusCode).toBe(204);
    for (const [i, expected] of [
      [0, { position: 1, size: 3 }],
      [2, { position: 2, size: 3, estimatedWaitSeconds: 600 }],
      [3, { position: 3, size: 3, estimatedWaitSeconds: 1200 }],
    ] as const)
      await expect.poll(followers[i].place).toMatchObject(expected);
    // One move for the whole line; the one who left is told on her own (her other pages).
    await expect.poll(() => followers[1].single).toEqual([expect.objectContaining({ position: null })]);
    for (const i of [0, 2, 3]) {
      expect(followers[i].moves).toHaveLength(1);
      expect(followers[i].single).toEqual([]);
    }
    // A newcomer lengthens the line behind everyone.
    const late = await readySeeker(a.app);
    expect((await late.call('POST', path)).json()).toMatchObject({ position: 4, size: 4 });
    await expect.poll(followers[3].place).toMatchObject({ position: 3, size: 4 });
    expect(followers[1].moves.filter((m: QueueMove) => m.size === 4)).toEqual([]); // she no longer follows it
  });

  it('keeps the place of someone whose connection blinked, and calls the next present person meanwhile', async () => {
    const { unit, fair, path } = await booth();
    const blinking = await readySeeker(a.app);
    const steady = await readySeeker(a.app);
    await blinking.call('POST', path);
    await steady.call('POST', path);
    const steadySocket = await open(urlB, steady.user.accessToken);
    await ask(steadySocket, 'queue:watch');
    const toldSteady: unknown[] = [];
    steadySocket.on('queue:position', (p: QueuePosition) => toldSteady.push(p));
    steadySocket.on('queue:move', (m: QueueMove) => toldSteady.push(m));
    const socket = await open(urlA, blinking.user.accessToken);
    socket.disconnect();
    await expect
      .poll(async () => (await blinking.call('GET', '/api/waiting-rooms/mine')).json().items[0]?.away ?? true)
      .toBe(true);
    // A blink moves nobody: the rest of the line is not told anything (only the booth's board is).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(toldSteady).toEqual([]);

    // Within the grace the blinking seeker keeps place 1; the interviewer gets the next present person.
    const call = (await unit.call('POST', `/api/fairs/${fair.id}/booth/next`, {})).json();
    expect(call.participants.find((p: { role: string }) => p.role === 'guest').userId).toBe(
      steady.user.user.id,
    );
    const back = await open(urlB, blinking.user.accessToken);
    expect(await ask<QueuePosition[]>(back, 'queue:watch')).toMatchObject({
      data: [expect.objectContaining({ position: 1, away: false })],
    });
    const mine = (await blinking.call('GET', '/api/waiting-rooms/mine')).json().items;
    expect(mine).toEqual([expect.objectContaining({ position: 1, away: false, graceUntil: null })]);
  });

  it('drops a place whose grace ran out, caps the number of queues, and refuses a closed booth', async () => {
    const { unit, fair, path } = await booth();
    const gone = await readySeeker(a.app);
    await gone.call('POST', path);
    const redis = a.app.get((await import('../../infra/redis/redis.module')).REDIS);
    await redis.hset(
      `${a.config.QUEUE_PREFIX}:wr:${fair.id}:${unit.id}:away`,
      gone.user.user.id,
      String(Date.now() - 3_600_000),
    );
    expect((await unit.call('POST', `/api/fairs/${fair.id}/booth/next`, {})).json().code).toBe('QUEUE_EMPTY');
    expect((await gone.call('GET', '/api/waiting-rooms/mine')).json().items).toEqual([]);

    const busy = await readySeeker(a.app);
    const others = await Promise.all([booth(), booth(), booth()]);
    for (const other of others.slice(0, 3))
      expect((await busy.call('POST', other.path)).statusCode).toBe(201);
    const fourth = await busy.call('POST', path);
    expect(fourth.json()).toMatchObject({ code: 'QUEUE_CAP_REACHED', details: { cap: 3 } });

    await unit.call('POST', `/api/fairs/${fair.id}/booth`, { open: false });
    expect((await gone.call('POST', path)).json().code).toBe('QUEUE_CLOSED');
  }, 120_000);
});
