import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import {
  ExpireInterviewInvitationPayload,
  interviewTimedJobs,
  JobName,
  MarkInterviewNoShowPayload,
  QueueName,
  RemindInterviewPayload,
} from '@platform/contracts';
import { Queue } from 'bullmq';
import { APP_CONFIG, AppConfig } from '../../config/config';

interface Timed {
  id: string;
  version: number;
  startsAt: Date;
}

export function invitationExpiryJobId(invitationId: string): string {
  return `invitation_${invitationId}_expire`;
}

/**
 * The delayed jobs of invitations and interviews. They live in Redis, so they survive a worker
 * restart; their ids are deterministic and carry the schedule version, so a move removes the old
 * ones by id and adds the new ones, and adding the same version twice adds nothing.
 */
@Injectable()
export class InterviewTimers {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(QueueName.interviews) private readonly queue: Queue,
  ) {}

  jobsFor(interview: Timed, now: Date) {
    return interviewTimedJobs(
      interview,
      this.config.INTERVIEW_REMINDER_OFFSETS_SECONDS,
      this.config.INTERVIEW_NO_SHOW_GRACE_SECONDS,
      now,
    );
  }

  async schedule(interview: Timed, now = new Date()): Promise<string[]> {
    const jobs = this.jobsFor(interview, now);
    await this.queue.addBulk(
      jobs.map((job) => {
        const opts = { jobId: job.jobId, delay: Math.max(0, job.runAt.getTime() - now.getTime()) };
        if (job.kind === 'remind') {
          const data: RemindInterviewPayload = {
            interviewId: interview.id,
            version: interview.version,
            offsetSeconds: job.offsetSeconds,
          };
          return { name: JobName.remindInterview, data, opts };
        }
        const data: MarkInterviewNoShowPayload = { interviewId: interview.id, version: interview.version };
        return { name: JobName.markInterviewNoShow, data, opts };
      }),
    );
    return jobs.map((j) => j.jobId);
  }

  /** Removes every job of that version (a job already running finishes and sees a stale version). */
  async clear(interview: Timed): Promise<void> {
    const all = this.jobsFor(interview, new Date(0));
    await Promise.all(all.map((job) => this.queue.remove(job.jobId)));
  }

  /** The old version's jobs out, the new version's in. */
  async replace(previous: Timed, next: Timed): Promise<void> {
    await this.clear(previous);
    await this.schedule(next);
  }

  async expireInvitationAt(invitationId: string, respondBy: Date, now = new Date()): Promise<void> {
    const data: ExpireInterviewInvitationPayload = { invitationId };
    await this.queue.add(JobName.expireInterviewInvitation, data, {
      jobId: invitationExpiryJobId(invitationId),
      delay: Math.max(0, respondBy.getTime() - now.getTime()),
    });
  }

  async dropInvitationExpiry(invitationId: string): Promise<void> {
    await this.queue.remove(invitationExpiryJobId(invitationId));
  }
}
