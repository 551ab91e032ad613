import { Inject, Injectable, Logger } from '@nestjs/common';
import { InterviewOutcome, shanghaiLabel, slotLabel } from '@platform/contracts';
import { and, eq, lte } from 'drizzle-orm';
import { recordAudit } from '../../common/audit/audit-log';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { interviewInvitations, interviews } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { NotificationsService } from '../notifications/notifications.service';
import { employerOwner, recordInterviewStep } from './interview-timeline';
import { InterviewTimers } from './interview-timers.service';

type InterviewRow = typeof interviews.$inferSelect;

/**
 * What happens to an interview on its own or from the call: it starts, ends, is missed, and its
 * parties are reminded. The call feature (WebRTC rooms) calls markInProgress / markCompleted; the
 * delayed jobs call the rest. Every change is conditional on the state it expects, so a job that
 * runs twice, or late after a move, changes nothing.
 */
@Injectable()
export class InterviewLifecycle {
  private readonly logger = new Logger(InterviewLifecycle.name);

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
    private readonly timers: InterviewTimers,
    private readonly clock: Clock,
  ) {}

  /** The call opened: SCHEDULED → IN_PROGRESS (a second call is a no-op). */
  async markInProgress(id: string, actorId: string | null = null): Promise<InterviewRow> {
    const row = await this.load(id);
    if (row.status === 'in_progress') return row;
    if (row.status !== 'scheduled') throw notActive(row);
    return this.db.transaction(async (tx) => {
      const [moved] = await tx
        .update(interviews)
        .set({ status: 'in_progress', startedAt: this.clock.now(), updatedAt: new Date() })
        .where(and(eq(interviews.id, id), eq(interviews.status, 'scheduled')))
        .returning();
      if (!moved) throw notActive(row);
      await recordInterviewStep(tx, row.applicationId, {
        by: 'system',
        actorId,
        text: `视频面试开始 Interview started`,
      });
      return moved;
    });
  }

  /** The call ended with the interviewer's outcome: IN_PROGRESS (or SCHEDULED) → COMPLETED. */
  async markCompleted(
    id: string,
    outcome: InterviewOutcome,
    actorId: string | null = null,
  ): Promise<InterviewRow> {
    const row = await this.load(id);
    if (row.status === 'completed') return row;
    if (row.status !== 'in_progress' && row.status !== 'scheduled') throw notActive(row);
    const done = await this.db.transaction(async (tx) => {
      const [moved] = await tx
        .update(interviews)
        .set({ status: 'completed', outcome, endedAt: this.clock.now(), updatedAt: new Date() })
        .where(and(eq(interviews.id, id), eq(interviews.status, row.status)))
        .returning();
      if (!moved) throw notActive(row);
      await recordInterviewStep(tx, row.applicationId, {
        by: 'employer',
        actorId,
        text: `面试结束（${outcome}） Interview completed`,
      });
      return moved;
    });
    await this.timers.clear(done);
    return done;
  }

  /**
   * AS-31: nobody started the interview within the grace period. Only the version the job was
   * made for counts; an interview moved meanwhile has a newer version and its own job.
   */
  async markNoShow(id: string, version: number): Promise<'no_show' | 'skipped'> {
    const graceMs = this.config.INTERVIEW_NO_SHOW_GRACE_SECONDS * 1000;
    const latestStart = new Date(this.clock.now().getTime() - graceMs);
    const notify = await this.db.transaction(async (tx) => {
      const [missed] = await tx
        .update(interviews)
        .set({ status: 'no_show', updatedAt: new Date() })
        .where(
          and(
            eq(interviews.id, id),
            eq(interviews.version, version),
            eq(interviews.status, 'scheduled'),
            lte(interviews.startsAt, latestStart),
          ),
        )
        .returning();
      if (!missed) return null;
      await recordInterviewStep(tx, missed.applicationId, {
        by: 'system',
        actorId: null,
        text: `面试未进行，已记为未到场（${slotLabel(missed.startsAt, missed.endsAt)}） Marked no-show`,
      });
      await recordAudit(tx, {
        actorId: null,
        action: 'interview.no_show',
        subjectType: 'interview',
        subjectId: id,
        details: { version, startsAt: missed.startsAt.toISOString() },
      });
      return this.notifications.store(tx, [missed.seekerUserId, await employerOwner(tx, missed.employerId)], {
        kind: 'interview.no_show',
        title: `面试未进行，已记为未到场：${slotLabel(missed.startsAt, missed.endsAt)}`,
        link: '/seeker/interviews',
      });
    });
    if (!notify) return 'skipped';
    notify();
    return 'no_show';
  }

  /** A reminder of the current version to everyone taking part; stale or ended ones are dropped. */
  async remind(id: string, version: number, offsetSeconds: number): Promise<'sent' | 'skipped'> {
    const [row] = await this.db
      .select()
      .from(interviews)
      .where(and(eq(interviews.id, id), eq(interviews.version, version), eq(interviews.status, 'scheduled')));
    if (!row) return 'skipped';
    const before =
      offsetSeconds >= 3600
        ? `${Math.round(offsetSeconds / 3600)} 小时`
        : `${Math.round(offsetSeconds / 60)} 分钟`;
    const recipients = [row.seekerUserId, await employerOwner(this.db, row.employerId)];
    if (row.assistedByUserId) recipients.push(row.assistedByUserId);
    const notify = await this.notifications.store(this.db, recipients, {
      kind: 'interview.reminder',
      title: `面试提醒：${before}后开始（${shanghaiLabel(row.startsAt)}）`,
      body: `Interview reminder: starts at ${slotLabel(row.startsAt, row.endsAt)} (Asia/Shanghai).`,
      link: '/seeker/interviews',
    });
    notify();
    this.logger.log({ interviewId: id, version, offsetSeconds }, 'interview reminder sent');
    return 'sent';
  }

  /** AS-31: an invitation nobody answered by its deadline expires. */
  async expireInvitation(invitationId: string): Promise<'expired' | 'skipped'> {
    const notify = await this.db.transaction(async (tx) => {
      const [expired] = await tx
        .update(interviewInvitations)
        .set({ status: 'expired', respondedAt: this.clock.now() })
        .where(
          and(
            eq(interviewInvitations.id, invitationId),
            eq(interviewInvitations.status, 'invited'),
            lte(interviewInvitations.respondBy, this.clock.now()),
          ),
        )
        .returning();
      if (!expired) return null;
      await recordInterviewStep(tx, expired.applicationId, {
        by: 'system',
        actorId: null,
        text: '面试邀约已过期（未在期限内回复） Invitation expired',
      });
      return this.notifications.store(
        tx,
        [expired.seekerUserId, await employerOwner(tx, expired.employerId)],
        {
          kind: 'interview.invitation_expired',
          title: '面试邀约已过期 Interview invitation expired',
          link: '/seeker/interviews',
        },
      );
    });
    if (!notify) return 'skipped';
    notify();
    return 'expired';
  }

  private async load(id: string): Promise<InterviewRow> {
    const [row] = await this.db.select().from(interviews).where(eq(interviews.id, id));
    if (!row) throw new AppError('NOT_FOUND', 'No such interview. 面试不存在。');
    return row;
  }
}

export function notActive(row: { status: string }): AppError {
  return new AppError(
    'INTERVIEW_NOT_ACTIVE',
    `The interview is ${row.status}; it cannot change now. 面试当前状态不允许此操作。`,
    { status: row.status },
  );
}
