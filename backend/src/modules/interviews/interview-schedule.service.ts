import { Inject, Injectable } from '@nestjs/common';
import { InterviewParty, parseShanghaiTime, slotLabel } from '@platform/contracts';
import { and, eq, gte, lt, or } from 'drizzle-orm';
import { Actor } from '../../common/auth/actor';
import { recordAudit } from '../../common/audit/audit-log';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { interviewReschedules, interviews } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { EmployersService } from '../employers/employers.service';
import { NotificationsService } from '../notifications/notifications.service';
import { InterviewBooking } from './interview-booking.service';
import { withConflictCodes } from './interview-errors';
import { notActive } from './interview-lifecycle.service';
import { assertSlot, InterviewSlotsService } from './interview-slots.service';
import { employerOwner, recordInterviewStep } from './interview-timeline';
import { InterviewTimers } from './interview-timers.service';
import { InterviewViews } from './interview-views.service';

type InterviewRow = typeof interviews.$inferSelect;
type RescheduleRow = typeof interviewReschedules.$inferSelect;
/** Which side of the interview an actor speaks for; staff of an assisted interview speak for the seeker. */
type Side = 'seeker' | 'employer';

export interface RescheduleInput {
  slotId?: string;
  startsAt?: string;
  endsAt?: string;
  interviewerId?: string;
  reason: string;
}

/**
 * Scheduled interviews: reschedule by either side WITHOUT cancelling (a proposal the other side
 * confirms; until then the interview keeps its time and id), and cancellation with a reason.
 */
@Injectable()
export class InterviewScheduleService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly employers: EmployersService,
    private readonly slots: InterviewSlotsService,
    private readonly booking: InterviewBooking,
    private readonly timers: InterviewTimers,
    private readonly views: InterviewViews,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async mine(actor: Actor) {
    const owned = actor.roles.includes('employer')
      ? await this.employers.ownedBy(actor.userId).catch(() => null)
      : null;
    const conditions = [
      eq(interviews.seekerUserId, actor.userId),
      eq(interviews.assistedByUserId, actor.userId),
    ];
    if (owned) conditions.push(eq(interviews.employerId, owned.id));
    return { items: await this.views.interviews(or(...conditions)!) };
  }

  async get(actor: Actor, id: string) {
    await this.sideOf(actor, await this.load(id));
    return this.views.interview(id);
  }

  async propose(actor: Actor, id: string, input: RescheduleInput) {
    const row = await this.load(id);
    const side = await this.sideOf(actor, row);
    if (row.status !== 'scheduled') throw notActive(row);
    const target = await this.target(actor, side, row, input);
    const notify = await withConflictCodes(() =>
      this.db.transaction(async (tx) => {
        const [proposal] = await tx
          .insert(interviewReschedules)
          .values({
            interviewId: id,
            proposedBy: partyOf(actor, row, side),
            proposedByUserId: actor.userId,
            ...target,
            reason: input.reason,
          })
          .returning();
        const label = slotLabel(target.startsAt, target.endsAt);
        await recordInterviewStep(tx, row.applicationId, {
          by: side,
          actorId: actor.userId,
          text: `申请改期至 ${label}（原定 ${slotLabel(row.startsAt, row.endsAt)}，待对方确认）：${input.reason}`,
        });
        await recordAudit(tx, {
          actorId: actor.userId,
          action: 'interview.reschedule_proposed',
          subjectType: 'interview',
          subjectId: id,
          details: { rescheduleId: proposal.id, to: label, reason: input.reason },
        });
        return this.notifyOther(tx, row, side, {
          kind: 'interview.reschedule_proposed',
          title: `对方申请将面试改期至 ${label}，请确认`,
          body: `原定时间 ${slotLabel(row.startsAt, row.endsAt)} 保持有效直至您确认。${input.reason}`,
        });
      }),
    );
    notify();
    return this.views.interview(id);
  }

  /** The other side confirms: the same interview moves (version + 1) and its timed jobs follow. */
  async acceptProposal(actor: Actor, id: string, rescheduleId: string) {
    const row = await this.load(id);
    const side = await this.sideOf(actor, row);
    const proposal = await this.pendingProposal(id, rescheduleId, side);
    if (row.status !== 'scheduled') throw notActive(row);
    const { moved, notify } = await this.booking.guarded(
      () =>
        this.db.transaction(async (tx) => {
          const [moved] = await tx
            .update(interviews)
            .set({
              startsAt: proposal.startsAt,
              endsAt: proposal.endsAt,
              interviewerId: proposal.interviewerId,
              slotId: proposal.slotId,
              version: row.version + 1,
              updatedAt: new Date(),
            })
            .where(
              and(
                eq(interviews.id, id),
                eq(interviews.version, row.version),
                eq(interviews.status, 'scheduled'),
              ),
            )
            .returning();
          if (!moved) throw notActive({ status: 'changed' });
          await this.decide(tx, proposal, 'accepted', actor.userId);
          const label = slotLabel(moved.startsAt, moved.endsAt);
          await recordInterviewStep(tx, row.applicationId, {
            by: side,
            actorId: actor.userId,
            text: `改期已确认：${slotLabel(row.startsAt, row.endsAt)} → ${label}`,
          });
          const notify = await this.notifyOther(tx, row, side, {
            kind: 'interview.rescheduled',
            title: `面试改期已确认：${label}`,
          });
          return { moved, notify };
        }),
      {
        seekerUserId: row.seekerUserId,
        startsAt: proposal.startsAt,
        endsAt: proposal.endsAt,
        excludeInterviewId: id,
      },
    );
    notify();
    await this.timers.replace(row, moved);
    return this.views.interview(id);
  }

  async declineProposal(actor: Actor, id: string, rescheduleId: string, reason?: string) {
    const row = await this.load(id);
    const side = await this.sideOf(actor, row);
    const proposal = await this.pendingProposal(id, rescheduleId, side);
    const notify = await this.db.transaction(async (tx) => {
      await this.decide(tx, proposal, 'declined', actor.userId);
      await recordInterviewStep(tx, row.applicationId, {
        by: side,
        actorId: actor.userId,
        text: `改期未获同意，面试仍为 ${slotLabel(row.startsAt, row.endsAt)}${reason ? `：${reason}` : ''}`,
      });
      return this.notifyOther(tx, row, side, {
        kind: 'interview.reschedule_declined',
        title: `改期未获同意，面试仍为 ${slotLabel(row.startsAt, row.endsAt)}`,
      });
    });
    notify();
    return this.views.interview(id);
  }

  async cancel(actor: Actor, id: string, reason: string) {
    const row = await this.load(id);
    const side = await this.sideOf(actor, row);
    if (row.status !== 'scheduled') throw notActive(row);
    const notify = await this.db.transaction(async (tx) => {
      const [cancelled] = await tx
        .update(interviews)
        .set({
          status: 'cancelled',
          cancelReason: reason,
          cancelledBy: partyOf(actor, row, side),
          updatedAt: new Date(),
        })
        .where(and(eq(interviews.id, id), eq(interviews.status, 'scheduled')))
        .returning();
      if (!cancelled) throw notActive({ status: 'changed' });
      await tx
        .update(interviewReschedules)
        .set({ status: 'withdrawn', decidedAt: this.clock.now(), decidedByUserId: actor.userId })
        .where(and(eq(interviewReschedules.interviewId, id), eq(interviewReschedules.status, 'pending')));
      await recordInterviewStep(tx, row.applicationId, {
        by: side,
        actorId: actor.userId,
        text: `面试已取消（${slotLabel(row.startsAt, row.endsAt)}）：${reason}`,
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'interview.cancelled',
        subjectType: 'interview',
        subjectId: id,
        details: { reason, by: side },
      });
      return this.notifyOther(tx, row, side, {
        kind: 'interview.cancelled',
        title: `面试已取消（${slotLabel(row.startsAt, row.endsAt)}）：${reason}`,
      });
    });
    notify();
    await this.timers.clear(row);
    return this.views.interview(id);
  }

  /** Where a proposal goes: a free published slot (either side) or, for the employer, a time of its own. */
  private async target(actor: Actor, side: Side, row: InterviewRow, input: RescheduleInput) {
    if (input.slotId) {
      const slot = await this.booking.loadSlot(input.slotId);
      const free = await this.slots.freeSlots(row.employerId, [input.slotId]);
      if (slot.employerId !== row.employerId || !free.length)
        throw new AppError(
          'SLOT_NOT_OFFERED',
          'Choose a free future slot of this employer. 请选择该单位尚未预约的未来时段。',
          {
            slotId: input.slotId,
          },
        );
      return {
        interviewerId: slot.interviewerId,
        slotId: slot.id,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
      };
    }
    if (side !== 'employer')
      throw new AppError(
        'SLOT_NOT_OFFERED',
        "Choose one of the employer's free slots. 请从单位的空闲时段中选择。",
      );
    const interviewerId = input.interviewerId ?? row.interviewerId;
    await this.slots.ownInterviewer(actor, interviewerId);
    const startsAt = parseShanghaiTime(input.startsAt!)!;
    const endsAt = parseShanghaiTime(input.endsAt!)!;
    assertSlot(startsAt, endsAt, this.clock.now());
    return { interviewerId, slotId: null, startsAt, endsAt };
  }

  async pendingProposal(id: string, rescheduleId: string, side: Side): Promise<RescheduleRow> {
    const [proposal] = await this.db
      .select()
      .from(interviewReschedules)
      .where(and(eq(interviewReschedules.id, rescheduleId), eq(interviewReschedules.interviewId, id)));
    if (!proposal) throw new AppError('NOT_FOUND', 'No such reschedule proposal. 改期申请不存在。');
    if (proposal.status !== 'pending')
      throw new AppError('RESCHEDULE_NOT_PENDING', 'This proposal was already answered. 该改期申请已处理。', {
        status: proposal.status,
      });
    if (sideOfParty(proposal.proposedBy as InterviewParty) === side)
      throw new AppError(
        'RESCHEDULE_OWN_PROPOSAL',
        'The other side confirms a reschedule. 改期须由对方确认。',
      );
    return proposal;
  }

  private async decide(
    tx: Parameters<Parameters<Database['transaction']>[0]>[0],
    proposal: RescheduleRow,
    to: 'accepted' | 'declined',
    by: string,
  ) {
    const [decided] = await tx
      .update(interviewReschedules)
      .set({ status: to, decidedAt: this.clock.now(), decidedByUserId: by })
      .where(and(eq(interviewReschedules.id, proposal.id), eq(interviewReschedules.status, 'pending')))
      .returning();
    if (!decided)
      throw new AppError('RESCHEDULE_NOT_PENDING', 'This proposal was already answered. 该改期申请已处理。');
  }

  private async notifyOther(
    tx: Parameters<Parameters<Database['transaction']>[0]>[0],
    row: InterviewRow,
    side: Side,
    draft: { kind: string; title: string; body?: string },
  ) {
    const recipients =
      side === 'employer'
        ? [row.seekerUserId, ...(row.assistedByUserId ? [row.assistedByUserId] : [])]
        : [await employerOwner(tx, row.employerId)];
    return this.notifications.store(tx, recipients, {
      ...draft,
      link: side === 'employer' ? '/seeker/interviews' : '/employer/interviews',
    });
  }

  async sideOf(actor: Actor, row: InterviewRow): Promise<Side> {
    if (row.seekerUserId === actor.userId || row.assistedByUserId === actor.userId) return 'seeker';
    if ((await employerOwner(this.db, row.employerId)) === actor.userId) return 'employer';
    throw new AppError('FORBIDDEN_NOT_OWNER', 'You are not part of this interview. 您不是该面试的参与方。');
  }

  async load(id: string): Promise<InterviewRow> {
    const [row] = await this.db.select().from(interviews).where(eq(interviews.id, id));
    if (!row) throw new AppError('NOT_FOUND', 'No such interview. 面试不存在。');
    return row;
  }

  /** Active interviews of one interviewer starting in [from, to). */
  activeOf(interviewerId: string, from: Date, to: Date) {
    return this.db
      .select()
      .from(interviews)
      .where(
        and(
          eq(interviews.interviewerId, interviewerId),
          eq(interviews.status, 'scheduled'),
          gte(interviews.startsAt, from),
          lt(interviews.startsAt, to),
        ),
      );
  }
}

function partyOf(actor: Actor, row: InterviewRow, side: Side): InterviewParty {
  if (side === 'employer') return 'employer';
  return row.assistedByUserId === actor.userId ? 'staff' : 'seeker';
}

function sideOfParty(party: InterviewParty): Side | 'system' {
  if (party === 'staff') return 'seeker';
  return party;
}
