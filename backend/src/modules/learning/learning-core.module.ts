import { Module } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { TrainingModule } from '../training/training.module';
import { HeartbeatLogService } from './heartbeat-log.service';
import { LearningChecksService } from './learning-checks.service';
import { SessionCloser } from './session-closer.service';
import { SessionFactsService } from './session-facts.service';

/** What both the api and the worker need to act on learning sessions. */
@Module({
  // The training module brings the completion core (loader, policy, evaluation requests) with it.
  imports: [TrainingModule],
  providers: [Clock, SessionFactsService, SessionCloser, HeartbeatLogService, LearningChecksService],
  exports: [
    Clock,
    SessionFactsService,
    SessionCloser,
    HeartbeatLogService,
    LearningChecksService,
    TrainingModule,
  ],
})
export class LearningCoreModule {}
