import { Injectable, Logger } from '@nestjs/common';
import { CloseStaleLearningSessionsPayload, JobName } from '@platform/contracts';
import { Clock } from '../../../common/clock';
import { HandlesJob, JobHandler } from '../../../infra/queue/job-handler';
import { SessionCloser } from '../session-closer.service';

/** Ends sessions whose heartbeats stopped: at their last heartbeat, so running it twice changes nothing. */
@Injectable()
@HandlesJob(JobName.closeStaleLearningSessions)
export class CloseStaleLearningSessionsJob implements JobHandler<
  CloseStaleLearningSessionsPayload,
  { closed: number }
> {
  private readonly logger = new Logger(CloseStaleLearningSessionsJob.name);

  constructor(
    private readonly closer: SessionCloser,
    private readonly clock: Clock,
  ) {}

  async handle(payload: CloseStaleLearningSessionsPayload): Promise<{ closed: number }> {
    const closed = await this.closer.closeStale(this.clock.now(), payload.batchSize);
    if (closed) this.logger.log({ closed }, 'closed timed-out learning sessions');
    return { closed };
  }
}
