import { Injectable } from '@nestjs/common';
import { JobName, MarkInterviewNoShowPayload } from '@platform/contracts';
import { HandlesJob, JobHandler } from '../../../infra/queue/job-handler';
import { InterviewLifecycle } from '../interview-lifecycle.service';

/** After the start and the grace period: an interview nobody started becomes NO_SHOW (AS-31). */
@Injectable()
@HandlesJob(JobName.markInterviewNoShow)
export class MarkInterviewNoShowJob implements JobHandler<MarkInterviewNoShowPayload> {
  constructor(private readonly lifecycle: InterviewLifecycle) {}

  async handle(payload: MarkInterviewNoShowPayload) {
    return { result: await this.lifecycle.markNoShow(payload.interviewId, payload.version) };
  }
}
