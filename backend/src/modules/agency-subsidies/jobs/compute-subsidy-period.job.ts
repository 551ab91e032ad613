import { Injectable } from '@nestjs/common';
import { ComputeSubsidyPeriodPayload, JobName } from '@platform/contracts';
import type { Job } from 'bullmq';
import { HandlesJob, JobHandler } from '../../../infra/queue/job-handler';
import { ChunkResult, SubsidyComputation } from '../subsidy-computation.service';

/** The parent of a period run's flow: runs once every chunk is computed and closes the run. */
@Injectable()
@HandlesJob(JobName.computeSubsidyPeriod)
export class ComputeSubsidyPeriodJob implements JobHandler<ComputeSubsidyPeriodPayload, unknown> {
  constructor(private readonly computation: SubsidyComputation) {}

  async handle(payload: ComputeSubsidyPeriodPayload, job: Job) {
    const children = Object.values(await job.getChildrenValues<ChunkResult>());
    return this.computation.finishRun(payload, children);
  }
}
