import { Module } from '@nestjs/common';
import { HeartbeatPool } from './heartbeat-pool';
import { HeartbeatService } from './heartbeat.service';
import { LearningController } from './learning.controller';
import { LearningCoreModule } from './learning-core.module';
import { LearningMediaService } from './learning-media.service';
import { LearningProgressService } from './learning-progress.service';
import { LearningSessionsService } from './learning-sessions.service';
import { LearningSweepScheduler } from './learning-sweep.scheduler';

/** Learning logged by the server (training.md §2.4 L2-L5): the player's api. */
@Module({
  imports: [LearningCoreModule],
  controllers: [LearningController],
  providers: [
    LearningSessionsService,
    HeartbeatPool,
    HeartbeatService,
    LearningProgressService,
    LearningMediaService,
    LearningSweepScheduler,
  ],
})
export class LearningModule {}
