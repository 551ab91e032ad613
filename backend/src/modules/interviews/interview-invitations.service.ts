import { Inject, Injectable } from '@nestjs/common';
import { InvitationMode, shanghaiLabel, slotLabel } from '@platform/contracts';
import { and, eq, or } from 'drizzle-orm';
import { Actor } from '../../common/auth/actor';
import { recordAudit } from '../../common/audit/audit-log';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { applicationEvents, applications, interviewInvitations, positions } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { EmployersService } from '../employers/employers.service';
import { NotificationsService } from '../notifications/notifications.service';
import { InterviewBooking } from './interview-booking.service';
import { withConflictCodes } from './interview-errors';
import { InterviewSlotsService } from './interview-slots.service';
import { employerOwner, recordInterviewStep } from './interview-timeline';
import { InterviewTimers } from './interview-timers.service';
import { InterviewViews } from './interview-views.service';

type InvitationRow = typeof interviewInvitations.$inferSelect;
const INVITABLE = ['submitted', 'viewed', 'shortlisted', 'interview'];

/** Invitations (邀约): sent from the applicant pipeline, answered by the seeker (§2.8.2, AS-29, AS-31). */
@Injectable()
export class InterviewInvitationsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly employers: EmployersService,
    private readonly slots: InterviewSlotsService,
    private readonly booking: InterviewBooking,
    private readonly timers: InterviewTimers,
    private readonly views: InterviewViews,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async invite(
    actor: Actor,
    applicationId: string,
    input: { mode: InvitationMode; slotIds: string[]; respondWithinHours?: number; message?: string },
  ) {
    const [app] = await this.db.select().from(applications).where(eq(applications.id, applicationId));
    if (!app) throw new AppError('NOT_FOUND', 'No such application. 投递记录不存在。');
    const employer = await this.employers.ownedBy(actor.userId);
    if (employer.id !== app.employerId)
      throw new AppError(
        'FORBIDDEN_NOT_OWNER',
        'This application was sent to another unit. 无权处理其他单位的投递。',
      );
    if (!INVITABLE.includes(app.status))
      throw new AppError(
        'APPLICATION_NOT_INVITABLE',
        `An application that is ${app.status} cannot be invited. 该投递当前不能邀约面试。`,
        {
          status: app.status,
        },
      );
    const slotIds = input.mode === 'slots' ? [...new Set(input.slotIds)] : [];
    if (input.mode === 'slots') {
      const free = await this.slots.freeSlots(employer.id, slotIds);
      const missing = slotIds.filter((id) => !free.some((s) => s.id === id));
      if (missing.length)
        throw new AppError(
          'SLOT_NOT_OFFERED',
          'Propose free future slots of your own interviewers. 请选择本单位尚未预约的未来时段。',
          {
            slotIds: missing,
          },
        );
    }
    const now = this.clock.now();
    const respondBy = new Date(
      now.getTime() + (input.respondWithinHours ?? this.config.INVITATION_RESPONSE_HOURS) * 3_600_000,
    );
    const { row, notify } = await withConflictCodes(() =>
      this.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(interviewInvitations)
          .values({
            applicationId,
            employerId: employer.id,
            seekerUserId: app.seekerUserId,
            mode: input.mode,
            slotIds,
            respondBy,
            message: input.message ?? null,
            createdBy: actor.userId,
          })
          .returning();
        const text = `面试邀约已发送，请于 ${shanghaiLabel(respondBy)} 前回复 Interview invitation sent`;
        if (app.status === 'interview')
          await recordInterviewStep(tx, applicationId, { by: 'employer', actorId: actor.userId, text });
        else {
          await tx
            .update(applications)
            .set({ status: 'interview', updatedAt: new Date() })
            .where(eq(applications.id, applicationId));
          await tx.insert(applicationEvents).values({
            applicationId,
            fromStatus: app.status,
            toStatus: 'interview',
            reason: text,
            by: 'employer',
            actorId: actor.userId,
          });
        }
        await recordAudit(tx, {
          actorId: actor.userId,
          action: 'interview_invitation.create',
          subjectType: 'interview_invitation',
          subjectId: row.id,
          details: { applicationId, mode: input.mode, slotIds },
        });
        const [position] = await tx
          .select({ title: positions.title })
          .from(positions)
          .where(eq(positions.id, app.positionId));
        const notify = await this.notifications.store(tx, [app.seekerUserId], {
          kind: 'interview.invitation',
          title: `${employer.name} 邀请您参加视频面试：${position.title}`,
          body: `请于 ${shanghaiLabel(respondBy)}（北京时间）前回复。Please answer by ${shanghaiLabel(respondBy)} (Asia/Shanghai).`,
          link: '/seeker/interviews',
        });
        return { row, notify };
      }),
    );
    notify();
    await this.timers.expireInvitationAt(row.id, respondBy, now);
    return this.invitation(row.id);
  }

  async mine(actor: Actor) {
    const owned = actor.roles.includes('employer')
      ? await this.employers.ownedBy(actor.userId).catch(() => null)
      : null;
    const where = owned
      ? or(
          eq(interviewInvitations.seekerUserId, actor.userId),
          eq(interviewInvitations.employerId, owned.id),
        )!
      : eq(interviewInvitations.seekerUserId, actor.userId);
    return { items: await this.views.invitations(where) };
  }

  async get(actor: Actor, id: string) {
    const row = await this.load(id);
    await this.assertParty(actor, row);
    return this.invitation(id);
  }

  /** The slots the seeker may choose from: the proposed ones, or every free one for a booking link. */
  async offeredSlots(actor: Actor, id: string) {
    const row = await this.load(id);
    await this.assertParty(actor, row);
    return {
      items: await this.slots.freeSlots(row.employerId, row.mode === 'slots' ? row.slotIds : undefined),
    };
  }

  /** The seeker books one slot. Losing a race for it is SLOT_TAKEN; a clash with her own interview, AS-29. */
  async accept(actor: Actor, id: string, slotId: string) {
    const row = await this.load(id);
    if (row.seekerUserId !== actor.userId)
      throw new AppError(
        'FORBIDDEN_NOT_OWNER',
        'This invitation is addressed to someone else. 该邀约不属于您。',
      );
    this.assertOpen(row);
    const slot = await this.booking.loadSlot(slotId);
    const offered =
      slot.employerId === row.employerId && (row.mode === 'link' || row.slotIds.includes(slotId));
    if (!offered || slot.startsAt <= this.clock.now())
      throw new AppError(
        'SLOT_NOT_OFFERED',
        'This slot is not offered by the invitation. 该时段不在邀约可选范围内。',
        { slotId },
      );
    const { interview, notify } = await this.booking.guarded(
      () =>
        this.db.transaction(async (tx) => {
          const [accepted] = await tx
            .update(interviewInvitations)
            .set({ status: 'accepted', respondedAt: this.clock.now() })
            .where(and(eq(interviewInvitations.id, id), eq(interviewInvitations.status, 'invited')))
            .returning();
          if (!accepted) throw notOpen(row);
          const interview = await this.booking.insert(tx, {
            invitationId: id,
            applicationId: row.applicationId,
            employerId: row.employerId,
            seekerUserId: row.seekerUserId,
            interviewerId: slot.interviewerId,
            slotId,
            startsAt: slot.startsAt,
            endsAt: slot.endsAt,
          });
          const label = slotLabel(slot.startsAt, slot.endsAt);
          await recordInterviewStep(tx, row.applicationId, {
            by: 'seeker',
            actorId: actor.userId,
            text: `已预约面试：${label} Interview booked`,
          });
          const notify = await this.notifications.store(tx, [await employerOwner(tx, row.employerId)], {
            kind: 'interview.booked',
            title: `求职者已接受面试邀约：${label}`,
            link: '/employer/interviews',
          });
          return { interview, notify };
        }),
      { seekerUserId: row.seekerUserId, startsAt: slot.startsAt, endsAt: slot.endsAt },
    );
    notify();
    await this.timers.dropInvitationExpiry(id);
    await this.timers.schedule(interview);
    return this.views.interview(interview.id);
  }

  async decline(actor: Actor, id: string, reason?: string) {
    const row = await this.load(id);
    if (row.seekerUserId !== actor.userId)
      throw new AppError(
        'FORBIDDEN_NOT_OWNER',
        'This invitation is addressed to someone else. 该邀约不属于您。',
      );
    return this.close(row, 'declined', { by: 'seeker', actorId: actor.userId, reason, notifyEmployer: true });
  }

  async cancel(actor: Actor, id: string, reason: string) {
    const row = await this.load(id);
    const employer = await this.employers.ownedBy(actor.userId);
    if (employer.id !== row.employerId)
      throw new AppError(
        'FORBIDDEN_NOT_OWNER',
        'This invitation was sent by another unit. 无权处理其他单位的邀约。',
      );
    return this.close(row, 'cancelled', {
      by: 'employer',
      actorId: actor.userId,
      reason,
      notifyEmployer: false,
    });
  }

  private async close(
    row: InvitationRow,
    to: 'declined' | 'cancelled',
    how: { by: 'seeker' | 'employer'; actorId: string; reason?: string; notifyEmployer: boolean },
  ) {
    this.assertOpen(row);
    const notify = await this.db.transaction(async (tx) => {
      const [closed] = await tx
        .update(interviewInvitations)
        .set({ status: to, respondedAt: this.clock.now(), responseReason: how.reason ?? null })
        .where(and(eq(interviewInvitations.id, row.id), eq(interviewInvitations.status, 'invited')))
        .returning();
      if (!closed) throw notOpen(row);
      const what = to === 'declined' ? '求职者拒绝了面试邀约' : '单位取消了面试邀约';
      await recordInterviewStep(tx, row.applicationId, {
        by: how.by,
        actorId: how.actorId,
        text: `${what}${how.reason ? `：${how.reason}` : ''}`,
      });
      const to_ = how.notifyEmployer ? await employerOwner(tx, row.employerId) : row.seekerUserId;
      return this.notifications.store(tx, [to_], {
        kind: `interview.invitation_${to}`,
        title: `${what}${how.reason ? `：${how.reason}` : ''}`,
        link: how.notifyEmployer ? '/employer/interviews' : '/seeker/interviews',
      });
    });
    notify();
    await this.timers.dropInvitationExpiry(row.id);
    return this.invitation(row.id);
  }

  private assertOpen(row: InvitationRow): void {
    if (row.status !== 'invited' || row.respondBy <= this.clock.now()) throw notOpen(row);
  }

  private async assertParty(actor: Actor, row: InvitationRow): Promise<void> {
    if (row.seekerUserId === actor.userId) return;
    if ((await employerOwner(this.db, row.employerId)) === actor.userId) return;
    throw new AppError('FORBIDDEN_NOT_OWNER', 'This invitation is not yours. 无权查看该邀约。');
  }

  async load(id: string): Promise<InvitationRow> {
    const [row] = await this.db.select().from(interviewInvitations).where(eq(interviewInvitations.id, id));
    if (!row) throw new AppError('NOT_FOUND', 'No such invitation. 邀约不存在。');
    return row;
  }

  private async invitation(id: string) {
    const [view] = await this.views.invitations(eq(interviewInvitations.id, id));
    return view;
  }
}

function notOpen(row: InvitationRow): AppError {
  return new AppError(
    'INVITATION_NOT_OPEN',
    'This invitation can no longer be answered (answered, cancelled or past its deadline). 该邀约已回复、取消或已过期。',
    { status: row.status, respondBy: row.respondBy.toISOString() },
  );
}
