import { Inject, Injectable } from '@nestjs/common';
import { slotLabel } from '@platform/contracts';
import { and, eq, gt, inArray, lt } from 'drizzle-orm';
import type { Executor } from '../../common/audit/audit-log';
import { AppError } from '../../common/errors/app-error';
import { interviews, interviewSlots } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { schedulingConflict } from './interview-errors';

type Slot = typeof interviewSlots.$inferSelect;
type InterviewInsert = typeof interviews.$inferInsert;

/**
 * Writes an interview into the schedule. The exclusion constraints decide who wins a race for a
 * time; this class turns the loser's error into SLOT_TAKEN or, for the seeker (AS-29), a conflict
 * that lists the seeker's interview already holding that time.
 */
@Injectable()
export class InterviewBooking {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async loadSlot(slotId: string): Promise<Slot> {
    const [slot] = await this.db.select().from(interviewSlots).where(eq(interviewSlots.id, slotId));
    if (!slot) throw new AppError('NOT_FOUND', 'No such slot. 时段不存在。');
    return slot;
  }

  /** Runs `write` (which inserts or moves an interview) and maps a lost race to its stable code. */
  async guarded<T>(
    write: () => Promise<T>,
    wanted: { seekerUserId: string; startsAt: Date; endsAt: Date; excludeInterviewId?: string },
  ): Promise<T> {
    try {
      return await write();
    } catch (error) {
      const mapped = schedulingConflict(error);
      if (!mapped) throw error;
      const label = slotLabel(wanted.startsAt, wanted.endsAt);
      if (mapped.code !== 'SEEKER_SCHEDULE_CONFLICT')
        throw new AppError(mapped.code, mapped.message, { wanted: label });
      const existing = await this.seekerClashes(wanted);
      const listed = existing.map((e) => e.label).join('；');
      throw new AppError(
        'SEEKER_SCHEDULE_CONFLICT',
        `You already have an interview at ${listed}; choose another time or propose one. 您在 ${listed} 已有面试，请选择其他时段或申请改期。`,
        { wanted: label, existing },
      );
    }
  }

  async insert(tx: Executor, values: InterviewInsert) {
    const [row] = await tx.insert(interviews).values(values).returning();
    return row;
  }

  /** The seeker's active interviews overlapping a time, as labels the conflict message lists. */
  private async seekerClashes(wanted: {
    seekerUserId: string;
    startsAt: Date;
    endsAt: Date;
    excludeInterviewId?: string;
  }) {
    const rows = await this.db
      .select({ id: interviews.id, startsAt: interviews.startsAt, endsAt: interviews.endsAt })
      .from(interviews)
      .where(
        and(
          eq(interviews.seekerUserId, wanted.seekerUserId),
          inArray(interviews.status, ['scheduled', 'in_progress']),
          lt(interviews.startsAt, wanted.endsAt),
          gt(interviews.endsAt, wanted.startsAt),
        ),
      );
    return rows
      .filter((r) => r.id !== wanted.excludeInterviewId)
      .map((r) => ({ interviewId: r.id, label: slotLabel(r.startsAt, r.endsAt) }));
  }
}
