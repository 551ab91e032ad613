import { Inject, Injectable } from '@nestjs/common';
import {
  canonicalJson,
  completionDecisionKeySource,
  CompletionInput,
  CompletionOutcome,
  completionPolicyOf,
  DecisionReplay,
  evaluateCompletion,
} from '@platform/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { AppError } from '../../../common/errors/app-error';
import { completionDecisions, trainingEnrolments } from '../../../database/schema';
import { DATABASE, Database } from '../../../infra/database/database';
import { CompletionInputLoader } from '../completion-input.loader';
import { TrainingPolicyService } from '../training-policy.service';
import { CompletionCertificates, IssuedCertificate } from './completion-certificates.service';

export type DecisionRow = typeof completionDecisions.$inferSelect;

export interface EvaluationResult {
  decision: DecisionRow;
  /** False when the same facts had been decided before: nothing was added. */
  created: boolean;
  certificate: IssuedCertificate | null;
}

const CERTIFYING = new Set<CompletionOutcome['status']>(['COMPLETED', 'COMPLETED_PENDING_AUDIT']);

/**
 * Decides one enrolment's completion (§4.1) and records it: the whole input, the policy version
 * and the outcome, keyed by the hash of the facts so that a re-run on unchanged facts adds no row.
 * One enrolment is decided by one transaction at a time (an advisory lock), so a session-close
 * evaluation and the nightly sweep cannot issue two certificates.
 */
@Injectable()
export class CompletionDecisions {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly loader: CompletionInputLoader,
    private readonly policies: TrainingPolicyService,
    private readonly certificates: CompletionCertificates,
  ) {}

  async evaluate(enrolmentId: string, trigger: string, now: Date = new Date()): Promise<EvaluationResult> {
    const policy = await this.policies.effectiveAt(now);
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${enrolmentId}, 8))`);
      const input = await this.loader.load(enrolmentId, now, tx);
      const outcome = evaluateCompletion(input, completionPolicyOf(policy));
      const inputHash = decisionHash(input, policy.version, outcome);
      const inserted = await tx
        .insert(completionDecisions)
        .values({
          enrolmentId,
          inputHash,
          policyVersion: policy.version,
          status: outcome.status,
          reasons: outcome.reasons,
          input,
          outcome,
          trigger,
          decidedAt: now,
        })
        .onConflictDoNothing()
        .returning();
      const decision =
        inserted[0] ??
        (
          await tx
            .select()
            .from(completionDecisions)
            .where(
              and(
                eq(completionDecisions.enrolmentId, enrolmentId),
                eq(completionDecisions.inputHash, inputHash),
              ),
            )
        )[0]!;
      await tx
        .update(trainingEnrolments)
        .set({ completionStatus: outcome.status })
        .where(eq(trainingEnrolments.id, enrolmentId));
      const certificate = CERTIFYING.has(outcome.status)
        ? await this.certificates.issueOnce(tx, decision, outcome, now)
        : null;
      return { decision, created: inserted.length > 0, certificate };
    });
  }

  /** Re-runs a stored decision from its stored input under its stored policy version. */
  replay(decisionId: string): Promise<DecisionReplay> {
    return replayStoredDecision(this.db, this.policies, decisionId);
  }
}

/** Also used by `npm run training:evaluate -- --decision <id>`, outside Nest. */
export async function replayStoredDecision(
  db: Database,
  policies: TrainingPolicyService,
  decisionId: string,
): Promise<DecisionReplay> {
  const [row] = await db.select().from(completionDecisions).where(eq(completionDecisions.id, decisionId));
  if (!row)
    throw new AppError('TRAINING_DECISION_NOT_FOUND', 'No such completion decision. 未找到结业判定记录。');
  const policy = await policies.byVersion(row.policyVersion);
  const replayed = evaluateCompletion(row.input as CompletionInput, completionPolicyOf(policy));
  const stored = row.outcome as CompletionOutcome;
  return {
    decisionId: row.id,
    policyVersion: row.policyVersion,
    matches: canonicalJson(replayed) === canonicalJson(stored),
    stored: { status: stored.status, reasons: stored.reasons },
    replayed: { status: replayed.status, reasons: replayed.reasons },
  };
}

export function decisionHash(
  input: CompletionInput,
  policyVersion: string,
  outcome: CompletionOutcome,
): string {
  return createHash('sha256')
    .update(completionDecisionKeySource(input, policyVersion, outcome))
    .digest('hex');
}
