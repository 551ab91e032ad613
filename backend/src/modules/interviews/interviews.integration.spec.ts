import { getQueueToken } from '@nestjs/bullmq';
import {
  ExpireInterviewInvitationPayloadSchema,
  JobName,
  MarkInterviewNoShowPayloadSchema,
  QueueName,
  RemindInterviewPayloadSchema,
} from '@platform/contracts';
import { Job, Queue, Worker } from 'bullmq';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_POOL } from '../../infra/database/database';
import { redisConnection } from '../../infra/queue/queue.module';
import {
  Caller,
  daysFromToday,
  employer,
  organizer,
  publishedPosition,
} from '../../test-support/fair-fixtures';
import { readySeeker } from '../../test-support/seeker-fixtures';
import { startTestApp, TestApp } from '../../test-support/test-app';
import { InterviewLifecycle } from './interview-lifecycle.service';
import { invitationExpiryJobId } from './interview-timers.service';
import { ExpireInterviewInvitationJob } from './jobs/expire-interview-invitation.job';
import { MarkInterviewNoShowJob } from './jobs/mark-interview-no-show.job';
import { RemindInterviewJob } from './jobs/remind-interview.job';

let t: TestApp;
let org: Awaited<ReturnType<typeof organizer>>;
let pool: Pool;
let queue: Queue;
let worker: Worker | undefined;

/** Short delays so the timed jobs run within a test: a reminder 2 s before the start, no-show 2 s after. */
const GRACE_SECONDS = 2;
beforeAll(async () => {
  t = await startTestApp({
    INTERVIEW_REMINDER_OFFSETS_SECONDS: '86400,2',
    INTERVIEW_NO_SHOW_GRACE_SECONDS: String(GRACE_SECONDS),
  });
  org = await organizer(t.app);
  pool = t.app.get(PG_POOL);
  queue = t.app.get(getQueueToken(QueueName.interviews));
  worker = interviewsWorker();
});
afterAll(async () => {
  await worker?.close();
  await t.close();
});

/** A real BullMQ worker on the interviews queue running the real job classes, as the worker process does. */
function interviewsWorker(): Worker {
  const lifecycle = t.app.get(InterviewLifecycle);
  const expire = new ExpireInterviewInvitationJob(lifecycle);
  const remind = new RemindInterviewJob(lifecycle);
  const noShow = new MarkInterviewNoShowJob(lifecycle);
  return new Worker(
    QueueName.interviews,
    async (job: Job) => {
      if (job.name === JobName.expireInterviewInvitation)
        return expire.handle(ExpireInterviewInvitationPayloadSchema.parse(job.data));
      if (job.name === JobName.remindInterview)
        return remind.handle(RemindInterviewPayloadSchema.parse(job.data));
      return noShow.handle(MarkInterviewNoShowPayloadSchema.parse(job.data));
    },
    { connection: redisConnection(t.config.REDIS_URL), prefix: t.config.QUEUE_PREFIX, concurrency: 4 },
  );
}

/** Polls until `check` holds (a job runs at its own time); fails with the last value after `ms`. */
async function eventually<T>(read: () => Promise<T>, check: (v: T) => boolean, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  let value = await read();
  while (!check(value) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 200));
    value = await read();
  }
  return value;
}

/** "2026-12-08T10:00": a Beijing wall-clock time `days` from today. */
const at = (days: number, hhmm: string) => `${daysFromToday(days)}T${hhmm}`;

type Unit = Awaited<ReturnType<typeof employer>>;
type Seeker = Awaited<ReturnType<typeof readySeeker>>;

async function employerWithPosition() {
  const { fair, unit, positionId } = await publishedPosition(t.app, org);
  const interviewer = (
    await unit.call('POST', '/api/interviewers', { name: '王面试官', title: 'HR' })
  ).json();
  return { fair, unit, positionId, interviewerId: interviewer.id as string };
}

async function slot(unit: { call: Caller }, interviewerId: string, startsAt: string, endsAt: string) {
  const r = await unit.call('POST', `/api/interviewers/${interviewerId}/slots`, { startsAt, endsAt });
  if (r.statusCode !== 201) throw new Error(`slot: ${r.body}`);
  return r.json() as { id: string; label: string };
}

async function applied(positionId: string, seeker?: Seeker) {
  const s = seeker ?? (await readySeeker(t.app));
  const r = await s.call('POST', `/api/positions/${positionId}/applications`);
  if (r.statusCode !== 201) throw new Error(`apply: ${r.body}`);
  return { seeker: s, applicationId: r.json().id as string };
}

async function invite(unit: Unit, applicationId: string, body: object) {
  const r = await unit.call('POST', `/api/applications/${applicationId}/interview-invitations`, body);
  if (r.statusCode !== 201) throw new Error(`invite: ${r.body}`);
  return r.json() as { id: string; status: string };
}

async function booked(unit: Unit, positionId: string, slotId: string, seeker?: Seeker) {
  const a = await applied(positionId, seeker);
  const inv = await invite(unit, a.applicationId, { mode: 'slots', slotIds: [slotId] });
  const r = await a.seeker.call('POST', `/api/interview-invitations/${inv.id}/acceptance`, { slotId });
  if (r.statusCode !== 201) throw new Error(`accept: ${r.body}`);
  return { ...a, invitationId: inv.id, interview: r.json() };
}

describe('F. interview invitations and scheduling (recruitment.md §2.8)', () => {
  it('an invitation from the pipeline moves the application to interview and shows on both timelines', async () => {
    const e = await employerWithPosition();
    const a = await slot(e.unit, e.interviewerId, at(2, '09:00'), at(2, '09:30'));
    const { seeker, applicationId } = await applied(e.positionId);
    const inv = await invite(e.unit, applicationId, {
      mode: 'slots',
      slotIds: [a.id],
      message: '请准时参加',
    });
    expect(inv).toMatchObject({ status: 'invited', mode: 'slots', interviewId: null });
    const offered = (await seeker.call('GET', `/api/interview-invitations/${inv.id}/slots`)).json();
    expect(offered.items).toEqual([
      expect.objectContaining({ id: a.id, label: `${daysFromToday(2)} 09:00-09:30` }),
    ]);
    const app = (await seeker.call('GET', `/api/applications/${applicationId}`)).json();
    expect(app.status).toBe('interview');
    expect(app.timeline.at(-1).reason).toContain('面试邀约已发送');
    const note = (await seeker.call('GET', '/api/notifications')).json().items[0];
    expect(note.kind).toBe('interview.invitation');
    // A second open invitation for the same application is refused.
    const again = await e.unit.call('POST', `/api/applications/${applicationId}/interview-invitations`, {
      mode: 'link',
    });
    expect(again.json().code).toBe('INVITATION_PENDING');
  });

  it('AS-29: a seeker cannot accept an invitation that clashes with an accepted interview; the conflict lists it', async () => {
    const e1 = await employerWithPosition();
    const e2 = await employerWithPosition();
    const first = await slot(e1.unit, e1.interviewerId, at(3, '10:00'), at(3, '10:30'));
    const clashing = await slot(e2.unit, e2.interviewerId, at(3, '10:15'), at(3, '10:45'));
    const later = await slot(e2.unit, e2.interviewerId, at(3, '11:00'), at(3, '11:30'));
    const s = await booked(e1.unit, e1.positionId, first.id);
    const a2 = await applied(e2.positionId, s.seeker);
    const inv = await invite(e2.unit, a2.applicationId, { mode: 'slots', slotIds: [clashing.id, later.id] });

    const refused = await s.seeker.call('POST', `/api/interview-invitations/${inv.id}/acceptance`, {
      slotId: clashing.id,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'SEEKER_SCHEDULE_CONFLICT',
      details: { existing: [{ interviewId: s.interview.id, label: `${daysFromToday(3)} 10:00-10:30` }] },
    });
    expect(refused.json().message).toContain(`${daysFromToday(3)} 10:00-10:30`);
    // The invitation stays open: she picks another time.
    const ok = await s.seeker.call('POST', `/api/interview-invitations/${inv.id}/acceptance`, {
      slotId: later.id,
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ status: 'scheduled', label: `${daysFromToday(3)} 11:00-11:30` });
  });

  it('AS-29 under concurrency: one seeker accepting two clashing invitations at once keeps exactly one', async () => {
    const e1 = await employerWithPosition();
    const e2 = await employerWithPosition();
    const s1 = await slot(e1.unit, e1.interviewerId, at(4, '14:00'), at(4, '14:30'));
    const s2 = await slot(e2.unit, e2.interviewerId, at(4, '14:10'), at(4, '14:40'));
    const a1 = await applied(e1.positionId);
    const a2 = await applied(e2.positionId, a1.seeker);
    const i1 = await invite(e1.unit, a1.applicationId, { mode: 'slots', slotIds: [s1.id] });
    const i2 = await invite(e2.unit, a2.applicationId, { mode: 'slots', slotIds: [s2.id] });
    const results = await Promise.all([
      a1.seeker.call('POST', `/api/interview-invitations/${i1.id}/acceptance`, { slotId: s1.id }),
      a1.seeker.call('POST', `/api/interview-invitations/${i2.id}/acceptance`, { slotId: s2.id }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().code).toBe('SEEKER_SCHEDULE_CONFLICT');
  });

  it('parallel bookings of one slot by many seekers: exactly one wins, the others get SLOT_TAKEN', async () => {
    const e = await employerWithPosition();
    const only = await slot(e.unit, e.interviewerId, at(5, '09:00'), at(5, '09:30'));
    const candidates = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const a = await applied(e.positionId);
        return { ...a, invitation: await invite(e.unit, a.applicationId, { mode: 'link' }) };
      }),
    );
    const results = await Promise.all(
      candidates.map((c) =>
        c.seeker.call('POST', `/api/interview-invitations/${c.invitation.id}/acceptance`, {
          slotId: only.id,
        }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode !== 201).map((r) => r.json().code)).toEqual(
      Array(5).fill('SLOT_TAKEN'),
    );
    const { rows } = await pool.query(
      "select count(*)::int as n from interviews where interviewer_id = $1 and status = 'scheduled'",
      [e.interviewerId],
    );
    expect(rows[0].n).toBe(1);
    // The losers' invitations are still open, and the taken slot is no longer offered to them.
    const loser = candidates[results.findIndex((r) => r.statusCode !== 201)];
    expect(
      (await loser.seeker.call('GET', `/api/interview-invitations/${loser.invitation.id}/slots`)).json()
        .items,
    ).toEqual([]);
  });

  it('parallel overlapping slots of one interviewer: exactly one is published, the others get SLOT_OVERLAP', async () => {
    const e = await employerWithPosition();
    const starts = ['10:00', '10:05', '10:10', '10:15', '10:20'];
    const results = await Promise.all(
      starts.map((s) =>
        e.unit.call('POST', `/api/interviewers/${e.interviewerId}/slots`, {
          startsAt: at(6, s),
          endsAt: at(6, '10:40'),
        }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode !== 201).map((r) => r.json().code)).toEqual(
      Array(4).fill('SLOT_OVERLAP'),
    );
    // Back-to-back is not an overlap; another interviewer's slot at the same time is fine.
    const other = (await e.unit.call('POST', '/api/interviewers', { name: '李面试官' })).json();
    expect(
      (
        await e.unit.call('POST', `/api/interviewers/${e.interviewerId}/slots`, {
          startsAt: at(6, '10:40'),
          endsAt: at(6, '11:00'),
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await e.unit.call('POST', `/api/interviewers/${other.id}/slots`, {
          startsAt: at(6, '10:00'),
          endsAt: at(6, '10:40'),
        })
      ).statusCode,
    ).toBe(201);
  });

  it('bad input is refused with stable codes', async () => {
    const e = await employerWithPosition();
    const past = await e.unit.call('POST', `/api/interviewers/${e.interviewerId}/slots`, {
      startsAt: at(-1, '10:00'),
      endsAt: at(-1, '10:30'),
    });
    expect(past.json().code).toBe('SLOT_IN_PAST');
    const tooLong = await e.unit.call('POST', `/api/interviewers/${e.interviewerId}/slots`, {
      startsAt: at(2, '08:00'),
      endsAt: at(2, '18:00'),
    });
    expect(tooLong.json().code).toBe('SLOT_INVALID');
    const garbage = await e.unit.call('POST', `/api/interviewers/${e.interviewerId}/slots`, {
      startsAt: 'tomorrow',
      endsAt: at(2, '10:30'),
    });
    expect(garbage.json().code).toBe('VALIDATION_FAILED');
    const stranger = await employer(t.app, org);
    const foreign = await stranger.call('POST', `/api/interviewers/${e.interviewerId}/slots`, {
      startsAt: at(2, '10:00'),
      endsAt: at(2, '10:30'),
    });
    expect(foreign.json().code).toBe('FORBIDDEN_NOT_OWNER');

    const mine = await slot(e.unit, e.interviewerId, at(2, '15:00'), at(2, '15:30'));
    const notOffered = await slot(e.unit, e.interviewerId, at(2, '16:00'), at(2, '16:30'));
    const a = await applied(e.positionId);
    const inv = await invite(e.unit, a.applicationId, { mode: 'slots', slotIds: [mine.id] });
    const intruder = await readySeeker(t.app);
    const someoneElses = await intruder.call('POST', `/api/interview-invitations/${inv.id}/acceptance`, {
      slotId: mine.id,
    });
    expect(someoneElses.json().code).toBe('FORBIDDEN_NOT_OWNER');
    expect((await intruder.call('GET', `/api/interview-invitations/${inv.id}`)).json().code).toBe(
      'FORBIDDEN_NOT_OWNER',
    );
    const wrongSlot = await a.seeker.call('POST', `/api/interview-invitations/${inv.id}/acceptance`, {
      slotId: notOffered.id,
    });
    expect(wrongSlot.json().code).toBe('SLOT_NOT_OFFERED');
    const foreignSlots = await stranger.call(
      'POST',
      `/api/applications/${a.applicationId}/interview-invitations`,
      {
        mode: 'link',
      },
    );
    expect(foreignSlots.json().code).toBe('FORBIDDEN_NOT_OWNER');
    // Declined: it cannot be accepted afterwards.
    expect(
      (
        await a.seeker.call('POST', `/api/interview-invitations/${inv.id}/decline`, { reason: '已有安排' })
      ).json().status,
    ).toBe('declined');
    const late = await a.seeker.call('POST', `/api/interview-invitations/${inv.id}/acceptance`, {
      slotId: mine.id,
    });
    expect(late.json().code).toBe('INVITATION_NOT_OPEN');
  });

  it('reschedule without cancelling: the interview keeps its id and time until the other side confirms', async () => {
    const e = await employerWithPosition();
    const a = await slot(e.unit, e.interviewerId, at(7, '09:00'), at(7, '09:30'));
    const b = await slot(e.unit, e.interviewerId, at(7, '15:00'), at(7, '15:30'));
    const s = await booked(e.unit, e.positionId, a.id);
    const id = s.interview.id as string;
    const oldJobs = (await queue.getJobs(['delayed'])).map((j) => j.id).filter((j) => j?.includes(id));
    expect(oldJobs.sort()).toEqual([
      `interview_${id}_v1_no-show`,
      `interview_${id}_v1_remind-2s`,
      `interview_${id}_v1_remind-86400s`,
    ]);

    const proposed = await e.unit.call('POST', `/api/interviews/${id}/reschedules`, {
      slotId: b.id,
      reason: '面试官临时出差',
    });
    expect(proposed.statusCode).toBe(201);
    expect(proposed.json()).toMatchObject({
      id,
      status: 'scheduled',
      label: a.label,
      version: 1,
      pendingReschedule: { proposedBy: 'employer', label: b.label, status: 'pending' },
    });
    const rescheduleId = proposed.json().pendingReschedule.id;
    const own = await e.unit.call('POST', `/api/interviews/${id}/reschedules/${rescheduleId}/acceptance`);
    expect(own.json().code).toBe('RESCHEDULE_OWN_PROPOSAL');
    const second = await s.seeker.call('POST', `/api/interviews/${id}/reschedules`, {
      slotId: b.id,
      reason: '我也想改',
    });
    expect(second.json().code).toBe('RESCHEDULE_PENDING');
    expect((await s.seeker.call('GET', '/api/notifications')).json().items[0].kind).toBe(
      'interview.reschedule_proposed',
    );

    const confirmed = await s.seeker.call(
      'POST',
      `/api/interviews/${id}/reschedules/${rescheduleId}/acceptance`,
    );
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json()).toMatchObject({
      id,
      status: 'scheduled',
      label: b.label,
      version: 2,
      pendingReschedule: null,
    });
    // Old-version jobs gone, the new version's in place; slot A is free again.
    for (const jobId of oldJobs) expect(await queue.getJob(jobId!)).toBeUndefined();
    expect(await (await queue.getJob(`interview_${id}_v2_no-show`))?.getState()).toBe('delayed');
    const free = (await e.unit.call('GET', '/api/employers/me/interview-slots'))
      .json()
      .items.map((x: { id: string }) => x.id);
    expect(free).toContain(a.id);
    expect(free).not.toContain(b.id);
    // A late job of the old version changes nothing.
    expect(await t.app.get(InterviewLifecycle).markNoShow(id, 1)).toBe('skipped');
    const timeline = (await s.seeker.call('GET', `/api/applications/${s.applicationId}`)).json().timeline;
    expect(timeline.map((x: { reason: string }) => x.reason).join('\n')).toMatch(/申请改期[\s\S]*改期已确认/);
  });

  it('seeker-proposed reschedule the employer declines leaves the interview as it was; cancellation removes the jobs', async () => {
    const e = await employerWithPosition();
    const a = await slot(e.unit, e.interviewerId, at(8, '09:00'), at(8, '09:30'));
    const b = await slot(e.unit, e.interviewerId, at(8, '10:00'), at(8, '10:30'));
    const s = await booked(e.unit, e.positionId, a.id);
    const id = s.interview.id as string;
    const freeForHer = (await s.seeker.call('GET', `/api/interviews/${id}/free-slots`)).json().items;
    expect(freeForHer.map((x: { id: string }) => x.id)).toEqual([b.id]);
    const ownTime = await s.seeker.call('POST', `/api/interviews/${id}/reschedules`, {
      startsAt: at(8, '13:00'),
      endsAt: at(8, '13:30'),
      reason: '上午有课',
    });
    expect(ownTime.json().code).toBe('SLOT_NOT_OFFERED');
    const p = (
      await s.seeker.call('POST', `/api/interviews/${id}/reschedules`, { slotId: b.id, reason: '上午有课' })
    ).json();
    const declined = await e.unit.call(
      'POST',
      `/api/interviews/${id}/reschedules/${p.pendingReschedule.id}/decline`,
      {},
    );
    expect(declined.json()).toMatchObject({ id, label: a.label, version: 1, pendingReschedule: null });

    const noReason = await s.seeker.call('POST', `/api/interviews/${id}/cancellation`, {});
    expect(noReason.json().code).toBe('VALIDATION_FAILED');
    const cancelled = await s.seeker.call('POST', `/api/interviews/${id}/cancellation`, {
      reason: '已找到工作',
    });
    expect(cancelled.json()).toMatchObject({
      status: 'cancelled',
      cancelReason: '已找到工作',
      cancelledBy: 'seeker',
    });
    expect(await queue.getJob(`interview_${id}_v1_no-show`)).toBeUndefined();
    expect((await e.unit.call('GET', '/api/notifications')).json().items[0].kind).toBe('interview.cancelled');
    // The cancelled time no longer blocks the slot.
    expect(
      (await e.unit.call('GET', '/api/employers/me/interview-slots'))
        .json()
        .items.map((x: { id: string }) => x.id),
    ).toContain(a.id);
  });

  it('AS-31: an invitation not answered by its deadline becomes EXPIRED (the delayed job, real Redis)', async () => {
    const e = await employerWithPosition();
    const a = await slot(e.unit, e.interviewerId, at(9, '09:00'), at(9, '09:30'));
    const { seeker, applicationId } = await applied(e.positionId);
    const inv = await invite(e.unit, applicationId, {
      mode: 'slots',
      slotIds: [a.id],
      respondWithinHours: 24,
    });
    const job = await queue.getJob(invitationExpiryJobId(inv.id));
    expect(await job?.getState()).toBe('delayed');
    expect(job!.opts.delay).toBeGreaterThan(23 * 3_600_000);
    // The deadline passes: move it into the past and let the job run now.
    await pool.query(
      "update interview_invitations set respond_by = now() - interval '1 second' where id = $1",
      [inv.id],
    );
    await job!.promote();
    const after = await eventually(
      async () => (await seeker.call('GET', `/api/interview-invitations/${inv.id}`)).json(),
      (v) => v.status === 'expired',
    );
    expect(after.status).toBe('expired');
    const late = await seeker.call('POST', `/api/interview-invitations/${inv.id}/acceptance`, {
      slotId: a.id,
    });
    expect(late.json().code).toBe('INVITATION_NOT_OPEN');
    expect((await e.unit.call('GET', '/api/notifications')).json().items[0].kind).toBe(
      'interview.invitation_expired',
    );
  });

  it('AS-31: reminder before the start and NO_SHOW after start + grace, surviving a worker restart', async () => {
    const e = await employerWithPosition();
    const a = await applied(e.positionId);
    // The worker goes down before anything is scheduled; the delayed jobs wait in Redis meanwhile.
    await worker!.close();
    // Slots last at least 10 minutes; this one starts in 6 s (reminder at -2 s, no-show at +2 s).
    const start = new Date(Date.now() + 6_000);
    const iso = (d: Date) => d.toISOString().replace(/\.\d+Z$/, 'Z');
    const created = await e.unit.call('POST', `/api/interviewers/${e.interviewerId}/slots`, {
      startsAt: iso(start),
      endsAt: iso(new Date(start.getTime() + 15 * 60_000)),
    });
    const slotId = created.json().id as string;
    const inv = await invite(e.unit, a.applicationId, { mode: 'slots', slotIds: [slotId] });
    const accepted = await a.seeker.call('POST', `/api/interview-invitations/${inv.id}/acceptance`, {
      slotId,
    });
    expect(accepted.statusCode).toBe(201);
    const s = { seeker: a.seeker, interview: accepted.json() };
    const id = s.interview.id as string;
    expect(await (await queue.getJob(`interview_${id}_v1_remind-2s`))?.getState()).toBe('delayed');
    // A new worker picks them up at their time.
    worker = interviewsWorker();
    const reminded = await eventually(
      async () => (await s.seeker.call('GET', '/api/notifications')).json().items,
      (items) => items.some((n: { kind: string }) => n.kind === 'interview.reminder'),
    );
    expect(reminded.find((n: { kind: string }) => n.kind === 'interview.reminder').title).toContain(
      '面试提醒',
    );
    const missed = await eventually(
      async () => (await s.seeker.call('GET', `/api/interviews/${id}`)).json(),
      (v) => v.status === 'no_show',
    );
    expect(missed.status).toBe('no_show');
    const { rows } = await pool.query(
      "select count(*)::int as n from audit_events where action = 'interview.no_show' and subject_id = $1",
      [id],
    );
    expect(rows[0].n).toBe(1);
    // Running it again (a retried job) changes nothing.
    expect(await t.app.get(InterviewLifecycle).markNoShow(id, 1)).toBe('skipped');
  });

  it('the call feature moves an interview through in-progress to completed; a started one is never a no-show', async () => {
    const e = await employerWithPosition();
    const a = await slot(e.unit, e.interviewerId, at(10, '09:00'), at(10, '09:30'));
    const s = await booked(e.unit, e.positionId, a.id);
    const lifecycle = t.app.get(InterviewLifecycle);
    await lifecycle.markInProgress(s.interview.id);
    expect(await lifecycle.markNoShow(s.interview.id, 1)).toBe('skipped');
    await lifecycle.markCompleted(s.interview.id, 'pass');
    expect((await s.seeker.call('GET', `/api/interviews/${s.interview.id}`)).json()).toMatchObject({
      status: 'completed',
      outcome: 'pass',
    });
    await expect(lifecycle.markInProgress(s.interview.id)).rejects.toMatchObject({
      code: 'INTERVIEW_NOT_ACTIVE',
    });
  });

  it('AS-32: office staff book and host an interview for a registered poor laborer without online access', async () => {
    const e = await employerWithPosition();
    const a = await slot(e.unit, e.interviewerId, at(11, '09:00'), at(11, '09:30'));
    const laborer = await readySeeker(t.app, {
      flags: [{ flag: 'registered_poor', evidence: '建档立卡 渝北区扶贫办' }],
    });
    const staff = await organizer(t.app);
    const person = await staff.call('POST', '/api/assisted-interviews/lookup', {
      idNumber: laborer.idNumber,
    });
    expect(person.json()).toMatchObject({ seekerUserId: laborer.user.user.id, flags: ['registered_poor'] });
    expect(JSON.stringify(person.json())).not.toContain(laborer.idNumber);
    expect(person.json().maskedName).not.toBe('李明');

    const noConsent = await staff.call('POST', '/api/assisted-interviews', {
      idNumber: laborer.idNumber,
      positionId: e.positionId,
      slotId: a.id,
      office: '渝北区公共就业服务中心',
      consent: false,
      consentNote: '本人口头同意',
    });
    expect(noConsent.json().code).toBe('VALIDATION_FAILED');
    const offered = (await staff.call('GET', `/api/positions/${e.positionId}/interview-slots`)).json().items;
    expect(offered.map((x: { id: string }) => x.id)).toContain(a.id);
    const bookedByStaff = await staff.call('POST', '/api/assisted-interviews', {
      idNumber: laborer.idNumber,
      positionId: e.positionId,
      slotId: a.id,
      office: '渝北区公共就业服务中心',
      consent: true,
      consentNote: '本人到场，签字同意通过服务中心终端参加视频面试',
    });
    expect(bookedByStaff.statusCode).toBe(201);
    const interview = bookedByStaff.json();
    expect(interview).toMatchObject({
      status: 'scheduled',
      seekerUserId: laborer.user.user.id,
      assisted: {
        staffUserId: staff.user.id,
        office: '渝北区公共就业服务中心',
        consentNote: expect.stringContaining('同意'),
      },
    });
    // Recorded against L: her own list and the employer's show it as assisted.
    expect((await laborer.call('GET', '/api/interviews')).json().items[0].assisted.staffUserId).toBe(
      staff.user.id,
    );
    expect((await e.unit.call('GET', '/api/interviews')).json().items[0].assisted).not.toBeNull();
    const { rows } = await pool.query(
      "select actor_id, details from audit_events where action = 'interview.assisted_booking' and subject_id = $1",
      [interview.id],
    );
    expect(rows).toEqual([
      { actor_id: staff.user.id, details: expect.objectContaining({ office: '渝北区公共就业服务中心' }) },
    ]);
    // Only the assisting staff member hosts it.
    const otherStaff = await organizer(t.app);
    expect(
      (await otherStaff.call('POST', `/api/assisted-interviews/${interview.id}/start`)).json().code,
    ).toBe('FORBIDDEN_NOT_OWNER');
    const started = await staff.call('POST', `/api/assisted-interviews/${interview.id}/start`);
    expect(started.json().status).toBe('in_progress');
    expect(
      (await laborer.call('POST', '/api/assisted-interviews/lookup', { idNumber: laborer.idNumber })).json()
        .code,
    ).toBe('FORBIDDEN_ROLE');
  });

  it('AS-34: a postponed schedule notifies every affected candidate and is announced publicly on the fair', async () => {
    const e = await employerWithPosition();
    const a = await slot(e.unit, e.interviewerId, at(12, '09:00'), at(12, '09:30'));
    const b = await slot(e.unit, e.interviewerId, at(12, '09:30'), at(12, '10:00'));
    const unaffected = await slot(e.unit, e.interviewerId, at(12, '15:00'), at(12, '15:30'));
    const s1 = await booked(e.unit, e.positionId, a.id);
    const s2 = await booked(e.unit, e.positionId, b.id);
    const s3 = await booked(e.unit, e.positionId, unaffected.id);
    const postponed = await e.unit.call('POST', '/api/interview-postponements', {
      interviewerId: e.interviewerId,
      from: at(12, '08:00'),
      to: at(12, '12:00'),
      shiftMinutes: 120,
      reason: '疫情防控要求调整面试安排',
    });
    expect(postponed.statusCode).toBe(201);
    expect(postponed.json().proposals).toBe(2);
    for (const s of [s1, s2]) {
      const note = (await s.seeker.call('GET', '/api/notifications')).json().items[0];
      expect(note.kind).toBe('interview.postponed');
      const view = (await s.seeker.call('GET', `/api/interviews/${s.interview.id}`)).json();
      // Not cancelled: same interview, still at its time until the candidate confirms.
      expect(view).toMatchObject({
        status: 'scheduled',
        version: 1,
        pendingReschedule: { proposedBy: 'employer' },
      });
    }
    expect(
      (await s3.seeker.call('GET', `/api/interviews/${s3.interview.id}`)).json().pendingReschedule,
    ).toBeNull();
    const board = await t.app.inject({ method: 'GET', url: `/api/fairs/${e.fair.id}/announcements` });
    const announcement = board.json().items.find((x: { kind: string }) => x.kind === 'interview_schedule');
    expect(announcement.body).toContain(
      `${daysFromToday(12)} 09:00-09:30 → ${daysFromToday(12)} 11:00-11:30`,
    );
    expect(announcement.body).not.toContain('李明');
    // A candidate confirms: the interview moves to the announced time.
    const pending = (await s1.seeker.call('GET', `/api/interviews/${s1.interview.id}`)).json()
      .pendingReschedule;
    const moved = await s1.seeker.call(
      'POST',
      `/api/interviews/${s1.interview.id}/reschedules/${pending.id}/acceptance`,
    );
    expect(moved.json()).toMatchObject({ label: `${daysFromToday(12)} 11:00-11:30`, version: 2 });
  });
});
