import { Module } from '@nestjs/common';
import { CompletionCoreModule } from './completion-core.module';
import { CompleteTrainingClassJob } from './jobs/complete-training-class.job';
import { EvaluateClassCompletionsJob } from './jobs/evaluate-class-completions.job';
import { EvaluateTrainingCompletionJob } from './jobs/evaluate-training-completion.job';
import { SweepTrainingCompletionsJob } from './jobs/sweep-training-completions.job';

/** The completion job handlers; the worker process imports this module. */
@Module({
  imports: [CompletionCoreModule],
  providers: [
    EvaluateTrainingCompletionJob,
    EvaluateClassCompletionsJob,
    SweepTrainingCompletionsJob,
    CompleteTrainingClassJob,
  ],
})
export class CompletionJobsModule {}
