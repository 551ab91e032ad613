import { Injectable } from '@nestjs/common';
import { CompleteTrainingClassPayload, JobName } from '@platform/contracts';
import type { Job } from 'bullmq';
import { HandlesJob, JobHandler } from '../../../../infra/queue/job-handler';
import type { ClassBatchResult } from './evaluate-class-completions.job';

export interface ClassSweepSummary {
  classId: string;
  on: string;
  evaluated: number;
  byStatus: Record<string, number>;
  certificates: number;
}

/** The parent of a class's flow: runs once every batch of the class's enrolments has been decided. */
@Injectable()
@HandlesJob(JobName.completeTrainingClass)
export class CompleteTrainingClassJob implements JobHandler<CompleteTrainingClassPayload, ClassSweepSummary> {
  async handle(payload: CompleteTrainingClassPayload, job: Job): Promise<ClassSweepSummary> {
    const batches = Object.values(await job.getChildrenValues<ClassBatchResult>());
    const byStatus: Record<string, number> = {};
    for (const batch of batches)
      for (const [status, n] of Object.entries(batch.byStatus))
        byStatus[status] = (byStatus[status] ?? 0) + n;
    return {
      classId: payload.classId,
      on: payload.on,
      evaluated: batches.reduce((sum, b) => sum + b.evaluated, 0),
      byStatus,
      certificates: batches.reduce((sum, b) => sum + b.certificates, 0),
    };
  }
}
