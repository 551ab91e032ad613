import { Module } from '@nestjs/common';
import { ExpireInterviewInvitationJob } from './jobs/expire-interview-invitation.job';
import { MarkInterviewNoShowJob } from './jobs/mark-interview-no-show.job';
import { RemindInterviewJob } from './jobs/remind-interview.job';
import { InterviewsCoreModule } from './interviews-core.module';

/** The interview feature's job handlers; the worker process imports this module. */
@Module({
  imports: [InterviewsCoreModule],
  providers: [ExpireInterviewInvitationJob, RemindInterviewJob, MarkInterviewNoShowJob],
})
export class InterviewsJobsModule {}
