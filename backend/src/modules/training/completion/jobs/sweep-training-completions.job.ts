import { Injectable } from '@nestjs/common';
import { JobName, SweepTrainingCompletionsPayload } from '@platform/contracts';
import { HandlesJob, JobHandler } from '../../../../infra/queue/job-handler';
import { CompletionRequests, SweepReport } from '../completion-requests.service';

/** Nightly (02:30 Asia/Shanghai): queues one flow per open class; re-running the same day adds nothing. */
@Injectable()
@HandlesJob(JobName.sweepTrainingCompletions)
export class SweepTrainingCompletionsJob implements JobHandler<SweepTrainingCompletionsPayload, SweepReport> {
  constructor(private readonly requests: CompletionRequests) {}

  handle(payload: SweepTrainingCompletionsPayload): Promise<SweepReport> {
    return this.requests.sweep(payload);
  }
}
