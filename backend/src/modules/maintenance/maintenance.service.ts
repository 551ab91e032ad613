import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JobName, QueueName } from '@platform/contracts';
import { Queue } from 'bullmq';
import { APP_CONFIG, AppConfig } from '../../config/config';

const HOURLY_SCHEDULER_ID = 'purge-expired-sessions-hourly';

@Injectable()
export class MaintenanceService implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.maintenance) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** upsertJobScheduler is idempotent, so every api node may call it at start. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.SCHEDULE_REPEATABLE_JOBS) return;
    await this.queue.upsertJobScheduler(
      HOURLY_SCHEDULER_ID,
      { every: 3_600_000 },
      { name: JobName.purgeExpiredSessions, data: { olderThanDays: 7 } },
    );
  }

  async enqueuePurge(olderThanDays: number): Promise<{ jobId: string }> {
    const job = await this.queue.add(JobName.purgeExpiredSessions, { olderThanDays });
    return { jobId: job.id! };
  }

  async jobState(
    jobId: string,
  ): Promise<{ jobId: string; state: string; result: unknown; failedReason?: string } | undefined> {
    const job = await this.queue.getJob(jobId);
    if (!job) return undefined;
    return {
      jobId,
      state: await job.getState(),
      result: job.returnvalue ?? null,
      failedReason: job.failedReason,
    };
  }
}
