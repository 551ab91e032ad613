import { Injectable } from '@nestjs/common';
import { ComputeAgencySubsidyChunkPayload, JobName } from '@platform/contracts';
import { HandlesJob, JobHandler } from '../../../infra/queue/job-handler';
import { ChunkResult, SubsidyComputation } from '../subsidy-computation.service';

/** One agency's chunk of a period run; safe to run again (lines are upserted by period and key). */
@Injectable()
@HandlesJob(JobName.computeAgencySubsidyChunk)
export class ComputeAgencySubsidyChunkJob implements JobHandler<
  ComputeAgencySubsidyChunkPayload,
  ChunkResult
> {
  constructor(private readonly computation: SubsidyComputation) {}

  handle(payload: ComputeAgencySubsidyChunkPayload): Promise<ChunkResult> {
    return this.computation.computeChunk(payload);
  }
}
