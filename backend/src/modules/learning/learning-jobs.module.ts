import { Module } from '@nestjs/common';
import { CloseStaleLearningSessionsJob } from './jobs/close-stale-learning-sessions.job';
import { LearningCoreModule } from './learning-core.module';

/** The learning feature's job handlers; the worker process imports this module. */
@Module({ imports: [LearningCoreModule], providers: [CloseStaleLearningSessionsJob] })
export class LearningJobsModule {}
