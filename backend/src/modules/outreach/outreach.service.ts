import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  businessDate,
  EducationLevel,
  JobName,
  matchScore,
  QueueName,
  TARGETED_PUSH_FLAGS,
} from '@platform/contracts';
import { Queue } from 'bullmq';
import { eq, sql } from 'drizzle-orm';
import { employers, positionPushes, positions } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { NotificationsService } from '../notifications/notifications.service';

/** A pushed position must fit at least this well (see contracts/src/matching). */
export const PUSH_MIN_SCORE = 60;

/**
 * Targeted push (S3:2549-2551, 3160-3163, 3217-3219; AS-47): when a position is published, the
 * flagged seekers (大龄/低技能, 建档立卡贫困, 就业困难) whose resume fits it get an in-app message
 * with its summary. The platform has no SMS gateway; the message is stored and pushed live.
 */
@Injectable()
export class OutreachService {
  private readonly logger = new Logger(OutreachService.name);

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @InjectQueue(QueueName.outreach) private readonly queue: Queue,
    private readonly notifications: NotificationsService,
  ) {}

  /** After a position is published; one job per position, however often it is asked. */
  enqueue(positionId: string): void {
    this.queue
      .add(
        JobName.pushTargetedPosition,
        { positionId },
        {
          jobId: `push-${positionId}`,
          attempts: 5,
          backoff: { type: 'exponential', delay: 2000 },
          removeOnComplete: 1000,
        },
      )
      .catch((error: Error) => this.logger.warn({ err: error }, 'could not enqueue a targeted push'));
  }

  async push(positionId: string): Promise<{ notified: number }> {
    const [row] = await this.db
      .select({ position: positions, employerName: employers.name })
      .from(positions)
      .innerJoin(employers, eq(employers.id, positions.employerId))
      .where(eq(positions.id, positionId));
    if (!row || row.position.status !== 'published') return { notified: 0 };
    const { position, employerName } = row;
    const candidates = await this.db.execute<{ user_id: string; content: never; cohort: number | null }>(sql`
      select r.user_id, r.content, sp.cohort from resumes r
        join seeker_profiles sp on sp.user_id = r.user_id
       where r.visibility <> 'hidden'
         and exists (select 1 from jsonb_array_elements(sp.flags) f where f->>'flag' = any(${`{${TARGETED_PUSH_FLAGS.join(',')}}`}::text[]))`);
    const year = Number(businessDate().slice(0, 4));
    const fitting = candidates.rows
      .map((c) => ({
        userId: c.user_id,
        score: matchScore(
          { ...position, education: position.education as EducationLevel },
          { ...(c.content as object), cohort: c.cohort } as never,
          year,
        ).score,
      }))
      .filter((c) => c.score >= PUSH_MIN_SCORE);
    if (!fitting.length) return { notified: 0 };
    const notify = await this.db.transaction(async (tx) => {
      const fresh = await tx
        .insert(positionPushes)
        .values(fitting.map((c) => ({ positionId, userId: c.userId, score: c.score })))
        .onConflictDoNothing()
        .returning();
      return this.notifications.store(
        tx,
        fresh.map((f) => f.userId),
        {
          kind: 'position.recommended',
          title: `为您推荐：${position.title}`,
          body: `${employerName} · ${position.district} · ${position.salaryMin}-${position.salaryMax}元/月 · 招${position.headcount}人`,
          link: `/positions/${positionId}`,
        },
      );
    });
    notify();
    return { notified: fitting.length };
  }
}
