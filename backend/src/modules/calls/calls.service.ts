import { Inject, Injectable } from '@nestjs/common';
import {
  CallJoined,
  CallNotesInput,
  type CallOutcome,
  type InterviewOutcome,
  CallOpenInput,
  CallPresence,
  callRoom,
  CallView,
} from '@platform/contracts';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { Actor, hasAnyRole, STAFF_ROLES } from '../../common/auth/actor';
import { recordAudit } from '../../common/audit/audit-log';
import { AppError } from '../../common/errors/app-error';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { iceServersOf } from '../../config/config.schema';
import {
  applications,
  callParticipants,
  callPresence,
  calls,
  employers,
  fairEmployerAgencies,
  interviews,
  users,
} from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { RealtimeServer } from '../../infra/realtime/realtime.server';
import { ApplicationsService } from '../applications/applications.service';
import { EmployersService } from '../employers/employers.service';
import { NotificationsService } from '../notifications/notifications.service';
import { InterviewLifecycle } from '../interviews/interview-lifecycle.service';
import { CallMinutesService } from './call-minutes.service';

type CallRow = typeof calls.$inferSelect;

/**
 * 1:1 interview calls (recruitment.md §2.8): opened for an application (or a scheduled
 * interview) or by a waiting-room call-in; who is in them lives in PostgreSQL, so any api
 * process can serve a participant who reconnects there.
 */
@Injectable()
export class CallsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly employers: EmployersService,
    private readonly applications: ApplicationsService,
    private readonly notifications: NotificationsService,
    private readonly minutes: CallMinutesService,
    private readonly realtime: RealtimeServer,
    private readonly lifecycle: InterviewLifecycle,
  ) {}

  async openForApplication(actor: Actor, input: CallOpenInput): Promise<CallView> {
    const employer = await this.employers.ownedBy(actor.userId);
    const [application] = await this.db
      .select()
      .from(applications)
      .where(eq(applications.id, input.applicationId));
    if (!application) throw new AppError('NOT_FOUND', 'No such application. 投递记录不存在。');
    if (application.employerId !== employer.id)
      throw new AppError(
        'FORBIDDEN_NOT_OWNER',
        'This application was sent to another unit. 无权处理其他单位的投递。',
      );
    if (!['shortlisted', 'interview'].includes(application.status))
      throw new AppError(
        'STATE_TRANSITION_INVALID',
        'Shortlist the application before interviewing. 请先将投递标记为初筛通过再面试。',
        { status: application.status },
      );
    const interview = input.interviewId ? await this.interviewOf(input.interviewId, application.id) : null;
    await this.minutes.assertQuota(employer.id, input.acceptOverQuota);
    const call = await this.create({
      origin: input.interviewId ? 'interview' : 'application',
      employerId: employer.id,
      fairId: application.fairId,
      applicationId: application.id,
      interviewId: input.interviewId ?? null,
      hostUserId: actor.userId,
      guestUserId: application.seekerUserId,
      // A scheduled interview keeps its lobby until its own start time.
      scheduledStartAt: input.scheduledStartAt
        ? new Date(input.scheduledStartAt)
        : (interview?.startsAt ?? null),
      callInExpiresAt: null,
      overQuotaAccepted: input.acceptOverQuota ?? false,
    });
    if (interview) await this.lifecycle.markInProgress(interview.id, actor.userId);
    await this.applications.interviewStarted(actor, application.id);
    const notify = await this.notifications.store(this.db, [application.seekerUserId], {
      kind: 'interview.call',
      title: `${employer.name} 邀请您进行视频面试`,
      link: `/interviews/call/${call.id}`,
    });
    notify();
    return this.view(actor, call.id);
  }

  /** A waiting-room call-in: the seeker must join before `expiresAt`. */
  async openCallIn(input: {
    employerId: string;
    fairId: string;
    hostUserId: string;
    guestUserId: string;
    expiresAt: Date;
    overQuotaAccepted: boolean;
  }): Promise<CallRow> {
    // A walk-in who also applied to this employer: the interview lands on that application.
    const [application] = await this.db
      .select({ id: applications.id })
      .from(applications)
      .where(
        and(
          eq(applications.seekerUserId, input.guestUserId),
          eq(applications.employerId, input.employerId),
          inArray(applications.status, ['submitted', 'viewed', 'shortlisted', 'interview']),
        ),
      )
      .limit(1);
    return this.create({
      origin: 'waiting_room',
      employerId: input.employerId,
      fairId: input.fairId,
      applicationId: application?.id ?? null,
      interviewId: null,
      hostUserId: input.hostUserId,
      guestUserId: input.guestUserId,
      scheduledStartAt: null,
      callInExpiresAt: input.expiresAt,
      overQuotaAccepted: input.overQuotaAccepted,
    });
  }

  async view(actor: Actor, callId: string): Promise<CallView> {
    const call = await this.load(callId);
    const me = this.roleOf(actor, call);
    if (!me && !hasAnyRole(actor, STAFF_ROLES)) throw notParticipant();
    const [employer] = await this.db
      .select({ name: employers.name })
      .from(employers)
      .where(eq(employers.id, call.employerId));
    const people = await this.db
      .select({
        userId: callParticipants.userId,
        role: callParticipants.role,
        displayName: users.displayName,
      })
      .from(callParticipants)
      .innerJoin(users, eq(users.id, callParticipants.userId))
      .where(eq(callParticipants.callId, callId));
    const ledger = call.status === 'ended' ? await this.minutes.usageLine(callId) : null;
    const host = me === 'host';
    return {
      id: call.id,
      status: call.status,
      origin: call.origin,
      employerId: call.employerId,
      employerName: employer.name,
      agencyId: call.agencyId,
      applicationId: call.applicationId,
      interviewId: call.interviewId,
      fairId: call.fairId,
      scheduledStartAt: call.scheduledStartAt?.toISOString() ?? null,
      callInExpiresAt: call.callInExpiresAt?.toISOString() ?? null,
      startedAt: call.startedAt?.toISOString() ?? null,
      endedAt: call.endedAt?.toISOString() ?? null,
      billedMinutes: ledger?.minutes ?? null,
      freeMinutes: ledger?.freeMinutes ?? null,
      notes: host ? call.notes : null,
      outcome: host ? call.outcome : null,
      me: me ?? 'host',
      participants: people,
      iceServers: iceServersOf(this.config),
    };
  }

  /** Someone enters the call (first time or after a blip); answers what the page needs to go on. */
  async join(actor: Actor, callId: string): Promise<CallJoined> {
    const call = await this.load(callId);
    const role = this.roleOf(actor, call);
    if (!role) throw notParticipant();
    if (call.status === 'ended' || call.status === 'missed')
      throw new AppError('CALL_ENDED', 'This interview has ended. 该面试已结束。');
    const now = new Date();
    if (
      role === 'guest' &&
      call.callInExpiresAt &&
      call.callInExpiresAt < now &&
      !(await this.everJoined(call, actor.userId))
    ) {
      await this.db.update(calls).set({ status: 'missed', updatedAt: now }).where(eq(calls.id, callId));
      throw new AppError('CALL_IN_EXPIRED', 'The call-in timed out. 叫号已超时。');
    }
    await this.openSegment(callId, actor.userId, now);
    const startsAt = call.scheduledStartAt && call.scheduledStartAt > now ? call.scheduledStartAt : null;
    const peers = await this.presence(callId);
    let status = call.status;
    if (!startsAt && status === 'lobby' && peers.filter((p) => p.present).length === 2) {
      await this.db
        .update(calls)
        .set({ status: 'live', startedAt: now, updatedAt: now })
        .where(and(eq(calls.id, callId), eq(calls.status, 'lobby')));
      status = 'live';
      this.realtime.server?.to(callRoom(callId)).emit('call:status', { callId, status });
    }
    return { callId, status, role, startsAt: startsAt?.toISOString() ?? null, peers };
  }

  /** The person's stretch in the call ends (leave button or a dropped connection). */
  async leave(userId: string, callId: string, at = new Date()): Promise<void> {
    await this.db
      .update(callPresence)
      .set({ leftAt: at })
      .where(
        and(eq(callPresence.callId, callId), eq(callPresence.userId, userId), isNull(callPresence.leftAt)),
      );
  }

  async setMedia(userId: string, callId: string, audio: boolean, video: boolean): Promise<void> {
    await this.db
      .update(callParticipants)
      .set({ audio, video })
      .where(and(eq(callParticipants.callId, callId), eq(callParticipants.userId, userId)));
  }

  async isParticipant(userId: string, callId: string): Promise<boolean> {
    const [row] = await this.db
      .select({ userId: callParticipants.userId })
      .from(callParticipants)
      .where(and(eq(callParticipants.callId, callId), eq(callParticipants.userId, userId)));
    return !!row;
  }

  /** The host ends the interview: presence closes and the minutes go to the ledger. */
  async end(actor: Actor, callId: string): Promise<CallView> {
    const call = await this.load(callId);
    if (call.hostUserId !== actor.userId) throw notParticipant();
    if (call.status !== 'ended') {
      const now = new Date();
      await this.db.transaction(async (tx) => {
        const [ended] = await tx
          .update(calls)
          .set({ status: 'ended', endedAt: now, updatedAt: now })
          .where(and(eq(calls.id, callId), inArray(calls.status, ['lobby', 'live'])))
          .returning();
        if (!ended) return;
        await tx
          .update(callPresence)
          .set({ leftAt: now })
          .where(and(eq(callPresence.callId, callId), isNull(callPresence.leftAt)));
        const line = await this.minutes.record(tx, ended);
        await recordAudit(tx, {
          actorId: actor.userId,
          action: 'interview.call.ended',
          subjectType: 'call',
          subjectId: callId,
          details: {
            minutes: line.minutes,
            freeMinutes: line.freeMinutes,
            policyVersion: line.policyVersion,
          },
        });
      });
      this.realtime.server?.to(callRoom(callId)).emit('call:status', { callId, status: 'ended' });
    }
    return this.view(actor, callId);
  }

  /** The interviewer's notes and outcome; with an application, the outcome moves its pipeline. */
  async saveNotes(actor: Actor, callId: string, input: CallNotesInput): Promise<CallView> {
    const call = await this.load(callId);
    if (call.hostUserId !== actor.userId) throw notParticipant();
    if (input.outcome === 'reject' && !input.reason)
      throw new AppError('REASON_REQUIRED', 'Say why the applicant is turned down. 请填写不通过的原因。');
    const firstOutcome = input.outcome && !call.outcome;
    await this.db
      .update(calls)
      .set({ notes: input.notes, outcome: input.outcome ?? call.outcome, updatedAt: new Date() })
      .where(eq(calls.id, callId));
    if (firstOutcome && call.interviewId)
      await this.lifecycle.markCompleted(
        call.interviewId,
        INTERVIEW_OUTCOME_OF[input.outcome!],
        actor.userId,
      );
    if (firstOutcome && call.applicationId) {
      const line = await this.minutes.usageLine(callId);
      await this.applications.interviewRecorded(actor, call.applicationId, {
        minutes: line?.minutes ?? 0,
        outcome: input.outcome,
        reason: input.reason,
      });
    }
    return this.view(actor, callId);
  }

  /** The scheduled interview a call is opened for must be this application's, and still on. */
  private async interviewOf(interviewId: string, applicationId: string) {
    const [row] = await this.db.select().from(interviews).where(eq(interviews.id, interviewId));
    if (!row || row.applicationId !== applicationId)
      throw new AppError('NOT_FOUND', 'No such interview for this application. 该投递没有此面试安排。');
    if (row.status !== 'scheduled' && row.status !== 'in_progress')
      throw new AppError('INTERVIEW_NOT_ACTIVE', 'This interview is no longer on. 该面试已结束或已取消。', {
        status: row.status,
      });
    return row;
  }

  async load(callId: string): Promise<CallRow> {
    const [call] = await this.db.select().from(calls).where(eq(calls.id, callId));
    if (!call) throw new AppError('CALL_NOT_FOUND', 'No such interview call. 面试不存在。');
    return call;
  }

  async presence(callId: string): Promise<CallPresence[]> {
    const people = await this.db.select().from(callParticipants).where(eq(callParticipants.callId, callId));
    const open = await this.db
      .select({ userId: callPresence.userId })
      .from(callPresence)
      .where(and(eq(callPresence.callId, callId), isNull(callPresence.leftAt)));
    const here = new Set(open.map((o) => o.userId));
    return people.map((p) => ({
      callId,
      userId: p.userId,
      role: p.role,
      present: here.has(p.userId),
      audio: p.audio,
      video: p.video,
    }));
  }

  private roleOf(actor: Actor, call: CallRow): 'host' | 'guest' | null {
    if (call.hostUserId === actor.userId) return 'host';
    if (call.guestUserId === actor.userId) return 'guest';
    return null;
  }

  /** A reconnect whose old stretch was never closed (its api process died) continues it. */
  private async openSegment(callId: string, userId: string, at: Date): Promise<void> {
    const [open] = await this.db
      .select({ id: callPresence.id })
      .from(callPresence)
      .where(
        and(eq(callPresence.callId, callId), eq(callPresence.userId, userId), isNull(callPresence.leftAt)),
      );
    if (!open) await this.db.insert(callPresence).values({ callId, userId, joinedAt: at });
  }

  private async everJoined(call: CallRow, userId: string): Promise<boolean> {
    const [row] = await this.db
      .select({ id: callPresence.id })
      .from(callPresence)
      .where(and(eq(callPresence.callId, call.id), eq(callPresence.userId, userId)))
      .orderBy(asc(callPresence.joinedAt))
      .limit(1);
    return !!row;
  }

  private async create(values: Omit<typeof calls.$inferInsert, 'id' | 'agencyId'>): Promise<CallRow> {
    // The minutes draw on the offer of the agency the employer chose first in this fair.
    const [agency] = values.fairId
      ? await this.db
          .select({ agencyId: fairEmployerAgencies.agencyId })
          .from(fairEmployerAgencies)
          .where(
            and(
              eq(fairEmployerAgencies.fairId, values.fairId),
              eq(fairEmployerAgencies.employerId, values.employerId),
            ),
          )
          .orderBy(asc(fairEmployerAgencies.selectedAt))
          .limit(1)
      : [];
    return this.db.transaction(async (tx) => {
      const [call] = await tx
        .insert(calls)
        .values({ ...values, agencyId: agency?.agencyId ?? null })
        .returning();
      await tx.insert(callParticipants).values([
        { callId: call.id, userId: values.hostUserId, role: 'host' },
        { callId: call.id, userId: values.guestUserId, role: 'guest' },
      ]);
      return call;
    });
  }
}

function notParticipant(): AppError {
  return new AppError('CALL_NOT_PARTICIPANT', 'You are not part of this interview. 您不是该面试的参与者。');
}

/** The interviewer's call outcome, as the interview records it. */
const INTERVIEW_OUTCOME_OF: Record<CallOutcome, InterviewOutcome> = {
  offer: 'pass',
  reject: 'fail',
  hold: 'pending',
};
