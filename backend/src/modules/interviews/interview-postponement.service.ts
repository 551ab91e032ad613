import { Inject, Injectable } from '@nestjs/common';
import { businessDate, parseShanghaiTime, slotLabel } from '@platform/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import { Actor } from '../../common/auth/actor';
import { recordAudit } from '../../common/audit/audit-log';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { announcements, applications, interviewReschedules } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { EmployersService } from '../employers/employers.service';
import { NotificationsService } from '../notifications/notifications.service';
import { InterviewSlotsService } from './interview-slots.service';
import { InterviewScheduleService } from './interview-schedule.service';
import { recordInterviewStep } from './interview-timeline';

export interface PostponementInput {
  interviewerId: string;
  from: string;
  to: string;
  shiftMinutes: number;
  reason: string;
}

/**
 * AS-34 (S3:2831-2835): an employer postpones a published interview schedule. Every affected
 * candidate gets a reschedule proposal (the interview is not cancelled) and a notification, and
 * the new times are announced publicly on the fair of each application, without names.
 */
@Injectable()
export class InterviewPostponementService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly employers: EmployersService,
    private readonly slots: InterviewSlotsService,
    private readonly schedule: InterviewScheduleService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async postpone(actor: Actor, input: PostponementInput) {
    const employer = await this.employers.ownedBy(actor.userId);
    const interviewer = await this.slots.ownInterviewer(actor, input.interviewerId);
    const from = parseShanghaiTime(input.from)!;
    const to = parseShanghaiTime(input.to)!;
    if (to <= from) throw new AppError('SLOT_INVALID', 'The window ends after it starts. 时间范围无效。');
    const affected = await this.schedule.activeOf(interviewer.id, from, to);
    if (!affected.length)
      throw new AppError(
        'NOT_FOUND',
        'No scheduled interview in this window. 该时间范围内没有已预约的面试。',
      );
    const shiftMs = input.shiftMinutes * 60_000;
    const fairOf = new Map(
      (
        await this.db
          .select({ id: applications.id, fairId: applications.fairId })
          .from(applications)
          .where(
            inArray(
              applications.id,
              affected.map((a) => a.applicationId),
            ),
          )
      ).map((a) => [a.id, a.fairId]),
    );
    const result = await this.db.transaction(async (tx) => {
      const ids = affected.map((a) => a.id);
      // A postponement supersedes any proposal still open on these interviews.
      await tx
        .update(interviewReschedules)
        .set({ status: 'withdrawn', decidedAt: this.clock.now(), decidedByUserId: actor.userId })
        .where(
          and(inArray(interviewReschedules.interviewId, ids), eq(interviewReschedules.status, 'pending')),
        );
      const notifies: (() => void)[] = [];
      const lines = new Map<string, string[]>();
      for (const row of affected) {
        const startsAt = new Date(row.startsAt.getTime() + shiftMs);
        const endsAt = new Date(row.endsAt.getTime() + shiftMs);
        const change = `${slotLabel(row.startsAt, row.endsAt)} → ${slotLabel(startsAt, endsAt)}`;
        await tx.insert(interviewReschedules).values({
          interviewId: row.id,
          proposedBy: 'employer',
          proposedByUserId: actor.userId,
          interviewerId: row.interviewerId,
          startsAt,
          endsAt,
          reason: input.reason,
        });
        await recordInterviewStep(tx, row.applicationId, {
          by: 'employer',
          actorId: actor.userId,
          text: `单位推迟面试，申请改期 ${change}（待确认）：${input.reason}`,
        });
        notifies.push(
          await this.notifications.store(
            tx,
            [row.seekerUserId, ...(row.assistedByUserId ? [row.assistedByUserId] : [])],
            {
              kind: 'interview.postponed',
              title: `${employer.name} 推迟面试：${change}，请确认`,
              body: input.reason,
              link: '/seeker/interviews',
            },
          ),
        );
        const fairId = fairOf.get(row.applicationId)!;
        lines.set(fairId, [...(lines.get(fairId) ?? []), change]);
      }
      const announcementIds: string[] = [];
      for (const [fairId, changes] of lines) {
        const [a] = await tx
          .insert(announcements)
          .values({
            fairId,
            kind: 'interview_schedule',
            title: `${employer.name} 面试时间调整公告`,
            body: `因${input.reason}，${employer.name}（面试官：${interviewer.name}）的面试时间调整如下（北京时间）：\n${changes.join('\n')}\n已逐一通知相关考生。`,
            effectiveOn: businessDate(this.clock.now()),
            publishedBy: actor.userId,
            change: {
              interviewerId: interviewer.id,
              shiftMinutes: input.shiftMinutes,
              interviews: changes.length,
            },
            notifiedCount: changes.length,
          })
          .returning({ id: announcements.id });
        announcementIds.push(a.id);
      }
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'interview.postponed',
        subjectType: 'interviewer',
        subjectId: interviewer.id,
        details: {
          shiftMinutes: input.shiftMinutes,
          interviews: affected.map((a) => a.id),
          announcementIds,
          reason: input.reason,
        },
      });
      return { notifies, announcementIds };
    });
    result.notifies.forEach((notify) => notify());
    return { proposals: affected.length, announcementIds: result.announcementIds };
  }
}
