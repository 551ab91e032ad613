import type { LearningCheck } from '@platform/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Clock } from '../../common/clock';
import {
  auditEvents,
  learningHeartbeats,
  learningSessions,
  trainingEnrolments,
  trainingInstitutionMembers,
} from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { caller, organizer } from '../../test-support/fair-fixtures';
import {
  controlClock,
  enrolledTrainee,
  learningClass,
  TINY_PNG_BASE64,
} from '../../test-support/learning-fixtures';
import { registerStaff, startTestApp, TestApp } from '../../test-support/test-app';
import { HeartbeatLogService } from './heartbeat-log.service';
import { CloseStaleLearningSessionsJob } from './jobs/close-stale-learning-sessions.job';
import { SessionCloser } from './session-closer.service';

let t: TestApp;
let db: Database;
let org: Awaited<ReturnType<typeof organizer>>;
let clock: ReturnType<typeof controlClock>;
beforeAll(async () => {
  t = await startTestApp();
  db = t.app.get<Database>(DATABASE);
  org = await organizer(t.app);
  clock = controlClock(t.app, '2020-04-01T01:00:00.000Z');
});
afterAll(() => t.close());

type Trainee = Awaited<ReturnType<typeof enrolledTrainee>>;

/** A player as the browser runs it: numbered beats, the client's own clock, its last interaction. */
function player(trainee: Trainee, sessionId: string, deviceId: string, clientOffsetSeconds = 0) {
  let seq = 0;
  let lastInteraction = clock.at().getTime();
  const clientNow = () => clock.at().getTime() + clientOffsetSeconds * 1000;
  return {
    beat(
      options: {
        visible?: boolean;
        interacting?: boolean;
        seq?: number;
        device?: string;
        sentAt?: number;
      } = {},
    ) {
      if (options.interacting ?? true) lastInteraction = clientNow();
      const payload = {
        seq: options.seq ?? ++seq,
        deviceId: options.device ?? deviceId,
        visible: options.visible ?? true,
        lastInteractionAt: new Date(lastInteraction).toISOString(),
        positionSeconds: 0,
        clientSentAt: new Date(options.sentAt ?? clientNow()).toISOString(),
      };
      return trainee.call('POST', `/api/training/learning/sessions/${sessionId}/heartbeats`, payload);
    },
    /** Beats every `every` seconds for `seconds`, the clock moving first; returns the checks reported. */
    async play(seconds: number, every = 30, options: { visible?: boolean; interacting?: boolean } = {}) {
      const checks: LearningCheck[] = [];
      for (let s = 0; s < seconds; s += every) {
        clock.advance(every);
        const ack = await this.beat(options);
        expect(ack.statusCode, ack.body).toBe(200);
        if (ack.json().check) checks.push(ack.json().check);
      }
      return checks;
    },
    close: () => trainee.call('POST', `/api/training/learning/sessions/${sessionId}/close`),
  };
}

async function start(trainee: Trainee, deviceId: string, body: Record<string, unknown> = {}) {
  const response = await trainee.call('POST', `/api/training/enrolments/${trainee.enrolmentId}/sessions`, {
    module: '理论知识',
    deviceId,
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as {
    sessionId: string;
    check: LearningCheck | null;
    policy: Record<string, number>;
  };
}

const progress = async (trainee: Trainee) => {
  const response = await trainee.call('GET', `/api/training/enrolments/${trainee.enrolmentId}/progress`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

function solve(challenge: string): string {
  const sum = /(\d+) \+ (\d+)/.exec(challenge);
  return sum ? String(Number(sum[1]) + Number(sum[2])) : /(\d{4})$/.exec(challenge)![1]!;
}

const answer = (trainee: Trainee, sessionId: string, check: LearningCheck, body: Record<string, unknown>) =>
  trainee.call('POST', `/api/training/learning/sessions/${sessionId}/checks/${check.id}/answer`, body);

describe('learning sessions from heartbeats (training.md §2.4 L2-L3)', () => {
  it('credits what the server saw by its own clock and signs the trainee in at the first session', async () => {
    clock.set('2020-04-01T01:00:00.000Z');
    const { classId } = await learningClass(t.app, org);
    const trainee = await enrolledTrainee(t.app, classId);
    const started = await start(trainee, 'laptop-0001');
    expect(started.check).toBeNull();
    expect(started.policy).toMatchObject({ heartbeatSeconds: 30, idleTimeoutSeconds: 300 });
    const [enrolment] = await db
      .select()
      .from(trainingEnrolments)
      .where(eq(trainingEnrolments.id, trainee.enrolmentId));
    expect(enrolment!.signedInAt?.toISOString()).toBe('2020-04-01T01:00:00.000Z');

    // The browser's clock is an hour behind: its stamps neither shorten nor lengthen the session.
    const p = player(trainee, started.sessionId, 'laptop-0001', -3600);
    await p.play(600);
    const closed = await p.close();
    expect(closed.json()).toMatchObject({
      endedAt: '2020-04-01T01:10:00.000Z',
      endReason: 'closed_by_player',
    });

    const view = await progress(trainee);
    expect(view.creditedMinutes).toBe(10);
    expect(view.modules[0]).toMatchObject({ name: '理论知识', creditedMinutes: 10, requiredXueshi: 40 });
    expect(view.reasons).not.toContain('NO_SIGN_IN');
    expect(view.reasons).toContain('THEORY_HOURS_SHORT');
    expect(view.openSession).toBeNull();
  });

  it('does not credit a hidden tab or a stretch without interaction beyond the idle timeout', async () => {
    clock.set('2020-04-02T01:00:00.000Z');
    const { classId } = await learningClass(t.app, org);
    const trainee = await enrolledTrainee(t.app, classId);
    const { sessionId } = await start(trainee, 'laptop-0002');
    const p = player(trainee, sessionId, 'laptop-0002');
    // 17 minutes in all: under the default first random check (20-40 min), which nobody answers here.
    await p.play(180);
    const hidden = await p.play(180, 30, { visible: false });
    expect(hidden).toEqual([]);
    await p.play(180);
    // Interaction stops at minute 9; past the 5-minute timeout all of it since then is idle.
    await p.play(480, 30, { interacting: false });
    expect((await p.close()).statusCode).toBe(200);

    const [session] = await db.select().from(learningSessions).where(eq(learningSessions.id, sessionId));
    expect(session!.idle).toEqual([
      { from: '2020-04-02T01:03:00.000Z', to: '2020-04-02T01:06:00.000Z' },
      { from: '2020-04-02T01:09:00.000Z', to: '2020-04-02T01:17:00.000Z' },
    ]);
    const view = await progress(trainee);
    expect(view.creditedMinutes).toBe(6);
    expect(view.droppedMinutes).toEqual({ IDLE: 11 });
  });

  it('refuses replayed, out-of-order, future and late beats with their codes, keeps them, and credits none', async () => {
    clock.set('2020-04-03T01:00:00.000Z');
    const { classId } = await learningClass(t.app, org);
    const trainee = await enrolledTrainee(t.app, classId);
    const { sessionId } = await start(trainee, 'laptop-0003');
    const p = player(trainee, sessionId, 'laptop-0003');
    await p.play(60);

    clock.advance(30);
    const replay = await p.beat({ seq: 2 });
    expect(replay.statusCode).toBe(409);
    expect(replay.json()).toMatchObject({ code: 'HEARTBEAT_REPLAYED', details: { verdict: 'duplicate' } });
    const late = await p.beat({ seq: 1 });
    expect(late.json()).toMatchObject({ code: 'HEARTBEAT_OUT_OF_ORDER' });
    const otherDevice = await p.beat({ seq: 3, device: 'phone-0003' });
    expect(otherDevice.json()).toMatchObject({
      code: 'HEARTBEAT_REPLAYED',
      details: { verdict: 'other_device' },
    });
    const future = await p.beat({ seq: 3, sentAt: clock.at().getTime() + 600_000 });
    expect(future.statusCode).toBe(422);
    expect(future.json().code).toBe('HEARTBEAT_FROM_FUTURE');

    // Nothing after the last accepted beat (minute 1) is credited while the session is open.
    clock.advance(30);
    const view = await progress(trainee);
    expect(view.creditedMinutes).toBe(1);
    expect(view.openSession).toMatchObject({ id: sessionId, lastHeartbeatAt: '2020-04-03T01:01:00.000Z' });

    expect((await p.close()).statusCode).toBe(200);
    const afterClose = await p.beat();
    expect(afterClose.json()).toMatchObject({
      code: 'SESSION_CLOSED',
      details: { endReason: 'closed_by_player' },
    });

    await t.app.get(HeartbeatLogService).flush();
    const raw = await db.select().from(learningHeartbeats).where(eq(learningHeartbeats.sessionId, sessionId));
    expect(raw.map((r) => `${r.seq}:${r.verdict}`).sort()).toEqual(
      [
        '1:accepted',
        '2:accepted',
        '2:duplicate',
        '1:out_of_order',
        '3:other_device',
        '3:future',
        '3:closed',
      ].sort(),
    );
  });

  it('closes a session whose beats stopped at its last beat: lazily on the next beat, and by the sweep', async () => {
    clock.set('2020-04-04T01:00:00.000Z');
    const { classId } = await learningClass(t.app, org);
    const trainee = await enrolledTrainee(t.app, classId);
    const first = await start(trainee, 'laptop-0004');
    const p1 = player(trainee, first.sessionId, 'laptop-0004');
    await p1.play(300);
    clock.advance(first.policy.sessionTimeoutSeconds! + 60);
    const late = await p1.beat();
    expect(late.json()).toMatchObject({
      code: 'SESSION_CLOSED',
      details: { endReason: 'heartbeat_timeout' },
    });

    const second = await start(trainee, 'laptop-0004');
    await player(trainee, second.sessionId, 'laptop-0004').play(120);
    clock.advance(second.policy.sessionTimeoutSeconds! + 1);
    const sweep = new CloseStaleLearningSessionsJob(
      t.app.get(SessionCloser),
      t.app.get(Clock, { strict: false }),
    );
    expect((await sweep.handle({ batchSize: 500 })).closed).toBeGreaterThanOrEqual(1);
    expect(await sweep.handle({ batchSize: 500 })).toEqual({ closed: 0 });

    const sessions = await db
      .select()
      .from(learningSessions)
      .where(eq(learningSessions.enrolmentId, trainee.enrolmentId));
    const ends = Object.fromEntries(sessions.map((s) => [s.id, [s.endedAt?.toISOString(), s.endReason]]));
    expect(ends[first.sessionId]).toEqual(['2020-04-04T01:05:00.000Z', 'heartbeat_timeout']);
    expect(ends[second.sessionId]![1]).toBe('heartbeat_timeout');
    expect((await progress(trainee)).creditedMinutes).toBe(7);
  });

  it('never ends a session before it started, and credits two devices at once only once', async () => {
    clock.set('2020-04-05T01:00:00.000Z');
    const { classId } = await learningClass(t.app, org);
    const trainee = await enrolledTrainee(t.app, classId);
    const a = await start(trainee, 'laptop-0005');
    const b = await start(trainee, 'tablet-0005');
    const pa = player(trainee, a.sessionId, 'laptop-0005');
    const pb = player(trainee, b.sessionId, 'tablet-0005');
    for (let i = 0; i < 20; i++) {
      clock.advance(30);
      expect((await pa.beat()).statusCode).toBe(200);
      expect((await pb.beat()).statusCode).toBe(200);
    }
    await pa.close();
    await pb.close();
    const view = await progress(trainee);
    expect(view.creditedMinutes).toBe(10);
    expect(view.droppedMinutes).toEqual({ OVERLAP: 10 });
    expect(view.flags.map((f: { code: string }) => f.code)).toContain('OVERLAPPING_SESSIONS');

    const c = await start(trainee, 'laptop-0005');
    const ended = await t.app
      .get(SessionCloser)
      .close(c.sessionId, new Date('2020-04-05T00:00:00.000Z'), 'closed_by_player');
    expect(ended!.endedAt!.toISOString()).toBe(clock.at().toISOString());
    expect(ended!.endedAt! >= ended!.startedAt).toBe(true);
  });

  it('refuses to log learning in a class whose plan is not approved, and someone else’s enrolment', async () => {
    const { classId } = await learningClass(t.app, org, { planStatus: 'submitted' });
    const trainee = await enrolledTrainee(t.app, classId);
    const refused = await trainee.call('POST', `/api/training/enrolments/${trainee.enrolmentId}/sessions`, {
      module: '理论知识',
      deviceId: 'laptop-0006',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('CLASS_PLAN_NOT_APPROVED');

    const approved = await learningClass(t.app, org);
    const owner = await enrolledTrainee(t.app, approved.classId);
    const stranger = await enrolledTrainee(t.app, approved.classId);
    const notMine = await stranger.call('POST', `/api/training/enrolments/${owner.enrolmentId}/sessions`, {
      module: '理论知识',
      deviceId: 'laptop-0007',
    });
    expect(notMine.json().code).toBe('FORBIDDEN_NOT_OWNER');
    expect(
      (await stranger.call('GET', `/api/training/enrolments/${owner.enrolmentId}/progress`)).statusCode,
    ).toBe(403);
    expect((await org.call('GET', `/api/training/enrolments/${owner.enrolmentId}/progress`)).statusCode).toBe(
      200,
    );

    // Someone acting for the class's institution sees its trainees' progress.
    const staffer = await registerStaff(t.app, ['institution']);
    await db
      .insert(trainingInstitutionMembers)
      .values({ institutionId: approved.institutionId, userId: staffer.user.id });
    const asMember = caller(t.app, staffer.accessToken);
    expect((await asMember('GET', `/api/training/enrolments/${owner.enrolmentId}/progress`)).statusCode).toBe(
      200,
    );
  });
});

describe('random checks (随机验证 L7974) and retained stills (影像留存)', () => {
  it('TR-16 a check unanswered at minute 40 and passed at minute 80 drops minutes 40-80: 80 of 120 credited', async () => {
    const admin = await registerStaff(t.app, ['admin']);
    const policy = await caller(t.app, admin.accessToken)('POST', '/api/training/policies', {
      version: 'tr16-checks-40min',
      effectiveFrom: '2021-06-01T00:00:00.000Z',
      values: {
        minutesPerXueshi: 45,
        maxCreditedMinutesPerDay: 480,
        passMark: 60,
        minAttendanceRatio: 0.8,
        heartbeatSeconds: 30,
        idleTimeoutSeconds: 300,
        sessionTimeoutSeconds: 120,
        randomCheckMinSeconds: 2400,
        randomCheckMaxSeconds: 2400,
        checkAnswerSeconds: 60,
        imageRetentionJurisdictions: ['CQ'],
        programWindow: { from: '2020-01-01', to: '2021-12-31' },
      },
    });
    expect(policy.statusCode, policy.body).toBe(201);
    clock.set('2021-06-02T01:00:00.000Z');
    const { classId } = await learningClass(t.app, org);
    const trainee = await enrolledTrainee(t.app, classId);
    const { sessionId } = await start(trainee, 'laptop-0016');
    const p = player(trainee, sessionId, 'laptop-0016');

    const [missed] = await p.play(2400);
    expect(missed).toMatchObject({
      kind: 'random',
      issuedAt: '2021-06-02T01:40:00.000Z',
      requiresImage: false,
    });
    const passed = (await p.play(2400)).at(-1);
    expect(passed!.issuedAt).toBe('2021-06-02T02:20:00.000Z');
    clock.advance(10);
    const result = await answer(trainee, sessionId, passed!, { answer: solve(passed!.challenge) });
    expect(result.json()).toMatchObject({ result: 'passed' });
    await p.play(2390, 10);
    await p.close();

    const view = await progress(trainee);
    expect(view.creditedMinutes).toBe(80);
    expect(view.droppedMinutes).toEqual({ RANDOM_CHECK: 40 });
    expect(view.hours.onlineTheory).toBe(1);
    expect(view.policyVersion).toBe('tr16-checks-40min');
  });

  it('answers wrong or late count as failed or unanswered, whatever the answer', async () => {
    clock.set('2021-06-03T01:00:00.000Z');
    const { classId } = await learningClass(t.app, org);
    const trainee = await enrolledTrainee(t.app, classId);
    const { sessionId } = await start(trainee, 'laptop-0017');
    const p = player(trainee, sessionId, 'laptop-0017');
    const [first] = await p.play(2400);
    const wrong = await answer(trainee, sessionId, first!, { answer: 'not-it' });
    expect(wrong.json()).toMatchObject({ result: 'failed' });
    const again = await answer(trainee, sessionId, first!, { answer: solve(first!.challenge) });
    expect(again.json()).toMatchObject({ code: 'LEARNING_CHECK_NOT_PENDING', details: { result: 'failed' } });
    const [second] = await p.play(2400);
    clock.advance(61);
    const tooLate = await answer(trainee, sessionId, second!, { answer: solve(second!.challenge) });
    expect(tooLate.json()).toMatchObject({ result: 'unanswered' });
    clock.advance(-1);
    await p.close();
    const view = await progress(trainee);
    expect(view.droppedMinutes.RANDOM_CHECK).toBe(41);
    expect(view.creditedMinutes).toBe(40);
  });

  it('in CQ asks consent, takes a still at the start, and shows stills only to reviewers, audited', async () => {
    clock.set('2020-04-06T01:00:00.000Z');
    const { classId } = await learningClass(t.app, org, { jurisdiction: 'CQ' });
    const trainee = await enrolledTrainee(t.app, classId);
    const noConsent = await trainee.call('POST', `/api/training/enrolments/${trainee.enrolmentId}/sessions`, {
      module: '理论知识',
      deviceId: 'laptop-0018',
    });
    expect(noConsent.json().code).toBe('LEARNING_IMAGE_CONSENT_REQUIRED');

    const { sessionId, check } = await start(trainee, 'laptop-0018', { imageConsent: true });
    expect(check).toMatchObject({ kind: 'session_start', requiresImage: true });
    const p = player(trainee, sessionId, 'laptop-0018');
    const [reported] = await p.play(30);
    expect(reported!.id).toBe(check!.id);
    expect((await answer(trainee, sessionId, check!, { answer: solve(check!.challenge) })).json().code).toBe(
      'LEARNING_IMAGE_REQUIRED',
    );
    const disguised = await answer(trainee, sessionId, check!, {
      answer: solve(check!.challenge),
      image: { contentType: 'image/jpeg', base64: TINY_PNG_BASE64 },
    });
    expect(disguised.statusCode).toBe(415);
    const ok = await answer(trainee, sessionId, check!, {
      answer: solve(check!.challenge),
      image: { contentType: 'image/png', base64: TINY_PNG_BASE64 },
    });
    expect(ok.json()).toMatchObject({
      result: 'passed',
      faceVerifiedAtStart: true,
      mediaId: expect.any(String),
    });
    await p.play(570);
    await p.close();
    expect((await progress(trainee)).sessions[0]).toMatchObject({ rejected: null, creditedMinutes: 10 });

    // A session whose start still was never taken is not credited in CQ.
    const bare = await start(trainee, 'laptop-0018');
    await player(trainee, bare.sessionId, 'laptop-0018').play(300);
    const view = await progress(trainee);
    expect(view.sessions[1]).toMatchObject({ rejected: 'FACE_NOT_VERIFIED', creditedMinutes: 0 });

    const mediaId = ok.json().mediaId as string;
    expect((await trainee.call('GET', `/api/training/learning/media/${mediaId}`)).statusCode).toBe(403);
    const list = await org.call('GET', `/api/training/learning/sessions/${sessionId}/media`);
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: mediaId, contentType: 'image/png', sizeBytes: 70 }),
    ]);
    const still = await org.call('GET', `/api/training/learning/media/${mediaId}`);
    expect(still.statusCode).toBe(200);
    expect(still.headers['content-type']).toBe('image/png');
    expect(still.rawPayload.equals(Buffer.from(TINY_PNG_BASE64, 'base64'))).toBe(true);
    const audits = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, mediaId));
    expect(audits).toEqual([
      expect.objectContaining({ action: 'training.learning.media.read', actorId: org.user.id }),
    ]);
  });
});
