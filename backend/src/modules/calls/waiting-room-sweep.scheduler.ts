import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JobName, QueueName } from '@platform/contracts';
import { Queue } from 'bullmq';
import { APP_CONFIG, AppConfig } from '../../config/config';

const SWEEP_SCHEDULER_ID = 'sweep-waiting-rooms';

/** Schedules the waiting-room sweeper (one repeatable job, whichever api node schedules it). */
@Injectable()
export class WaitingRoomSweepScheduler implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.interviews) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** upsertJobScheduler is idempotent, so every api node may call it at start. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.SCHEDULE_REPEATABLE_JOBS) return;
    await this.queue.upsertJobScheduler(
      SWEEP_SCHEDULER_ID,
      { every: this.config.QUEUE_SWEEP_SECONDS * 1000 },
      {
        name: JobName.sweepWaitingRooms,
        data: { batchSize: 1000 },
        // Thousands a day: keep only the recent ones, and never retry a sweep (the next one runs soon).
        opts: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
      },
    );
  }
}
