import { Injectable } from '@nestjs/common';
import { JobName, PushTargetedPositionPayload } from '@platform/contracts';
import { HandlesJob, JobHandler } from '../../../infra/queue/job-handler';
import { OutreachService } from '../outreach.service';

/** Idempotent: a seeker already told about the position is skipped (position_pushes). */
@Injectable()
@HandlesJob(JobName.pushTargetedPosition)
export class PushTargetedPositionJob implements JobHandler<
  PushTargetedPositionPayload,
  { notified: number }
> {
  constructor(private readonly outreach: OutreachService) {}

  handle(payload: PushTargetedPositionPayload): Promise<{ notified: number }> {
    return this.outreach.push(payload.positionId);
  }
}
