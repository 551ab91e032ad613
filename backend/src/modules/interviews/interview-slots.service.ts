import { Inject, Injectable } from '@nestjs/common';
import { parseShanghaiTime, SLOT_MAX_MINUTES, SLOT_MIN_MINUTES, slotProblem } from '@platform/contracts';
import { and, eq, gt, inArray, SQL } from 'drizzle-orm';
import { Actor, hasAnyRole, STAFF_ROLES } from '../../common/auth/actor';
import { recordAudit } from '../../common/audit/audit-log';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { interviewers, interviews, interviewSlots } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { EmployersService } from '../employers/employers.service';
import { withConflictCodes } from './interview-errors';
import { InterviewViews } from './interview-views.service';

/** Interviewers of an employer and the slots each publishes (Asia/Shanghai times, no overlaps). */
@Injectable()
export class InterviewSlotsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly employers: EmployersService,
    private readonly views: InterviewViews,
    private readonly clock: Clock,
  ) {}

  async addInterviewer(actor: Actor, input: { name: string; title?: string }) {
    const employer = await this.employers.ownedBy(actor.userId);
    const [row] = await this.db
      .insert(interviewers)
      .values({ employerId: employer.id, name: input.name, title: input.title ?? null })
      .returning();
    return { id: row.id, employerId: row.employerId, name: row.name, title: row.title };
  }

  async myInterviewers(actor: Actor) {
    const employer = await this.employers.ownedBy(actor.userId);
    const rows = await this.db.select().from(interviewers).where(eq(interviewers.employerId, employer.id));
    return { items: rows.map((r) => ({ id: r.id, employerId: r.employerId, name: r.name, title: r.title })) };
  }

  /** Refuses a slot in the past or of the wrong length; the database refuses an overlapping one. */
  async addSlot(actor: Actor, interviewerId: string, input: { startsAt: string; endsAt: string }) {
    const interviewer = await this.ownInterviewer(actor, interviewerId);
    const startsAt = parseShanghaiTime(input.startsAt)!;
    const endsAt = parseShanghaiTime(input.endsAt)!;
    assertSlot(startsAt, endsAt, this.clock.now());
    const row = await withConflictCodes(
      () =>
        this.db.transaction(async (tx) => {
          const [slot] = await tx
            .insert(interviewSlots)
            .values({
              interviewerId,
              employerId: interviewer.employerId,
              startsAt,
              endsAt,
              createdBy: actor.userId,
            })
            .returning();
          await recordAudit(tx, {
            actorId: actor.userId,
            action: 'interview_slot.create',
            subjectType: 'interview_slot',
            subjectId: slot.id,
            details: { interviewerId, startsAt, endsAt },
          });
          return slot;
        }),
      () => ({ interviewerId, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() }),
    );
    const [view] = await this.views.slots(eq(interviewSlots.id, row.id));
    return view;
  }

  async slotsOf(actor: Actor, interviewerId: string) {
    await this.ownInterviewer(actor, interviewerId);
    return { items: await this.views.slots(eq(interviewSlots.interviewerId, interviewerId)) };
  }

  /** An unbooked slot may be withdrawn; a booked one is moved through a reschedule instead. */
  async removeSlot(actor: Actor, slotId: string): Promise<void> {
    const [slot] = await this.db.select().from(interviewSlots).where(eq(interviewSlots.id, slotId));
    if (!slot) throw new AppError('NOT_FOUND', 'No such slot. 时段不存在。');
    await this.ownInterviewer(actor, slot.interviewerId);
    const [held] = await this.db
      .select({ id: interviews.id })
      .from(interviews)
      .where(and(eq(interviews.slotId, slotId), inArray(interviews.status, ['scheduled', 'in_progress'])));
    if (held)
      throw new AppError(
        'SLOT_TAKEN',
        'A booked slot cannot be removed; reschedule it. 已预约的时段不能删除，请改期。',
      );
    await this.db.update(interviews).set({ slotId: null }).where(eq(interviews.slotId, slotId));
    await this.db.delete(interviewSlots).where(eq(interviewSlots.id, slotId));
  }

  /** Future free slots of an employer: what a booking link offers. */
  async freeSlots(employerId: string, only?: string[]) {
    const where: SQL[] = [
      eq(interviewSlots.employerId, employerId),
      gt(interviewSlots.startsAt, this.clock.now()),
    ];
    if (only)
      where.push(inArray(interviewSlots.id, only.length ? only : ['00000000-0000-0000-0000-000000000000']));
    return this.views.slots(and(...where)!, true);
  }

  async ownInterviewer(actor: Actor, interviewerId: string) {
    const [row] = await this.db.select().from(interviewers).where(eq(interviewers.id, interviewerId));
    if (!row) throw new AppError('NOT_FOUND', 'No such interviewer. 面试官不存在。');
    if (hasAnyRole(actor, STAFF_ROLES)) return row;
    const employer = await this.employers.ownedBy(actor.userId);
    if (employer.id !== row.employerId)
      throw new AppError(
        'FORBIDDEN_NOT_OWNER',
        'This interviewer belongs to another unit. 无权管理其他单位的面试官。',
      );
    return row;
  }
}

export function assertSlot(startsAt: Date, endsAt: Date, now: Date): void {
  const problem = slotProblem(startsAt, endsAt, now);
  if (problem === 'past')
    throw new AppError('SLOT_IN_PAST', 'A slot must start in the future. 面试时段必须晚于当前时间。', {
      startsAt: startsAt.toISOString(),
    });
  if (problem)
    throw new AppError(
      'SLOT_INVALID',
      `A slot ends after it starts and lasts ${SLOT_MIN_MINUTES}-${SLOT_MAX_MINUTES} minutes. 面试时段须为${SLOT_MIN_MINUTES}至${SLOT_MAX_MINUTES}分钟。`,
      { problem },
    );
}
