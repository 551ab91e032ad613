import { Module } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { CompletionCoreModule } from '../training/completion/completion-core.module';
import { TrainingModule } from '../training/training.module';
import { HeartbeatLogService } from './heartbeat-log.service';
import { LearningChecksService } from './learning-checks.service';
import { SessionCloser } from './session-closer.service';
import { SessionFactsService } from './session-facts.service';

/** What both the api and the worker need to act on learning sessions. */
@Module({
  imports: [TrainingModule, CompletionCoreModule],
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
