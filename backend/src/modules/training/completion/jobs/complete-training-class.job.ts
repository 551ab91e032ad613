import { Injectable } from '@nestjs/common';
import { CompleteTrainingClassPayload, JobName } from '@platform/contracts';
import type { Job } from 'bullmq';
import { HandlesJob, JobHandler } from '../../../../infra/queue/job-handler';
import type { EvaluationJobResult } from './evaluate-training-completion.job';

export interface ClassSweepSummary {
  classId: string;
  on: string;
  evaluated: number;
  byStatus: Record<string, number>;
  certificates: number;
}

/** The parent of a class's flow: runs once every enrolment of the class has been decided. */
@Injectable()
@HandlesJob(JobName.completeTrainingClass)
export class CompleteTrainingClassJob implements JobHandler<CompleteTrainingClassPayload, ClassSweepSummary> {
  async handle(payload: CompleteTrainingClassPayload, job: Job): Promise<ClassSweepSummary> {
    const results = Object.values(await job.getChildrenValues<EvaluationJobResult>());
    const byStatus: Record<string, number> = {};
    for (const r of results) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    return {
      classId: payload.classId,
      on: payload.on,
      evaluated: results.length,
      byStatus,
      certificates: results.filter((r) => r.certificateId).length,
    };
  }
}
