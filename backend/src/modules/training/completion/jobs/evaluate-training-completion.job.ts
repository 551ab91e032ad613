import { Injectable } from '@nestjs/common';
import { EvaluateTrainingCompletionPayload, JobName } from '@platform/contracts';
import { UnrecoverableError } from 'bullmq';
import { AppError } from '../../../../common/errors/app-error';
import { HandlesJob, JobHandler } from '../../../../infra/queue/job-handler';
import { CompletionDecisions } from '../completion-decision.service';

export interface EvaluationJobResult {
  enrolmentId: string;
  decisionId: string;
  status: string;
  created: boolean;
  certificateId: string | null;
}

/** Decides one enrolment; safe to run any number of times (the decision is keyed by its facts). */
@Injectable()
@HandlesJob(JobName.evaluateTrainingCompletion)
export class EvaluateTrainingCompletionJob implements JobHandler<
  EvaluateTrainingCompletionPayload,
  EvaluationJobResult
> {
  constructor(private readonly decisions: CompletionDecisions) {}

  async handle(payload: EvaluateTrainingCompletionPayload): Promise<EvaluationJobResult> {
    try {
      const { decision, created, certificate } = await this.decisions.evaluate(
        payload.enrolmentId,
        payload.trigger,
      );
      return {
        enrolmentId: payload.enrolmentId,
        decisionId: decision.id,
        status: decision.status,
        created,
        certificateId: certificate?.id ?? null,
      };
    } catch (error) {
      // An enrolment that does not exist will not exist on the next attempt either.
      if (error instanceof AppError && error.status === 404) throw new UnrecoverableError(error.message);
      throw error;
    }
  }
}
