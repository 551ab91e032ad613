import { Injectable } from '@nestjs/common';
import { ExpireInterviewInvitationPayload, JobName } from '@platform/contracts';
import { HandlesJob, JobHandler } from '../../../infra/queue/job-handler';
import { InterviewLifecycle } from '../interview-lifecycle.service';

/** At the response deadline: an invitation still unanswered becomes EXPIRED (AS-31). */
@Injectable()
@HandlesJob(JobName.expireInterviewInvitation)
export class ExpireInterviewInvitationJob implements JobHandler<ExpireInterviewInvitationPayload> {
  constructor(private readonly lifecycle: InterviewLifecycle) {}

  async handle(payload: ExpireInterviewInvitationPayload) {
    return { result: await this.lifecycle.expireInvitation(payload.invitationId) };
  }
}
