import { Injectable } from '@nestjs/common';
import { EvaluateClassCompletionsPayload, JobName } from '@platform/contracts';
import { HandlesJob, JobHandler } from '../../../../infra/queue/job-handler';
import { CompletionDecisions } from '../completion-decision.service';

export interface ClassBatchResult {
  classId: string;
  evaluated: number;
  created: number;
  byStatus: Record<string, number>;
  certificates: number;
}

/**
 * The sweep's child: decides a batch of one class's enrolments in one transaction. Safe to run any
 * number of times (each decision is keyed by its facts, a certificate is issued once); a worker
 * killed mid-batch rolls the whole batch back and the retry decides it again.
 */
@Injectable()
@HandlesJob(JobName.evaluateClassCompletions)
export class EvaluateClassCompletionsJob implements JobHandler<
  EvaluateClassCompletionsPayload,
  ClassBatchResult
> {
  constructor(private readonly decisions: CompletionDecisions) {}

  async handle(payload: EvaluateClassCompletionsPayload): Promise<ClassBatchResult> {
    const results = await this.decisions.evaluateMany(payload.enrolmentIds, payload.trigger);
    const byStatus: Record<string, number> = {};
    for (const { decision } of results) byStatus[decision.status] = (byStatus[decision.status] ?? 0) + 1;
    return {
      classId: payload.classId,
      evaluated: results.length,
      created: results.filter((r) => r.created).length,
      byStatus,
      certificates: results.filter((r) => r.certificate).length,
    };
  }
}
