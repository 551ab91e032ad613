import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JobName, QueueName } from '@platform/contracts';
import { Queue } from 'bullmq';
import { APP_CONFIG, AppConfig } from '../../config/config';

const SWEEP_SCHEDULER_ID = 'close-stale-learning-sessions';
/** Often enough that an abandoned session shows as closed within a minute of its timeout. */
const SWEEP_EVERY_MS = 60_000;

@Injectable()
export class LearningSweepScheduler implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.maintenance) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** upsertJobScheduler is idempotent, so every api node may call it at start. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.SCHEDULE_REPEATABLE_JOBS) return;
    await this.queue.upsertJobScheduler(
      SWEEP_SCHEDULER_ID,
      { every: SWEEP_EVERY_MS },
      { name: JobName.closeStaleLearningSessions, data: { batchSize: 500 } },
    );
  }
}
