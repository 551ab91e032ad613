import { Injectable } from '@nestjs/common';
import { JobName, RemindInterviewPayload } from '@platform/contracts';
import { HandlesJob, JobHandler } from '../../../infra/queue/job-handler';
import { InterviewLifecycle } from '../interview-lifecycle.service';

/** Reminds the parties before the start (24 h and 15 min by default); stale versions do nothing. */
@Injectable()
@HandlesJob(JobName.remindInterview)
export class RemindInterviewJob implements JobHandler<RemindInterviewPayload> {
  constructor(private readonly lifecycle: InterviewLifecycle) {}

  async handle(payload: RemindInterviewPayload) {
    return {
      result: await this.lifecycle.remind(payload.interviewId, payload.version, payload.offsetSeconds),
    };
  }
}
