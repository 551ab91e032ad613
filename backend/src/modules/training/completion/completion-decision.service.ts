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
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../common/audit/audit-log';
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
    const [result] = await this.evaluateMany([enrolmentId], trigger, now);
    if (!result) throw new AppError('NOT_FOUND', 'No such enrolment. 未找到报名记录。');
    return result;
  }

  /**
   * Decides a batch of enrolments (the sweep's share of a class) in one transaction: inputs loaded
   * in one query per table, decisions and statuses written in one statement each, certificates
   * issued together. The decisions are exactly those `evaluate` would make one by one: the same
   * loader, engine and key. Results follow `enrolmentIds`; unknown enrolments are left out.
   */
  async evaluateMany(
    enrolmentIds: string[],
    trigger: string,
    now: Date = new Date(),
  ): Promise<EvaluationResult[]> {
    const ids = [...new Set(enrolmentIds)];
    if (!ids.length) return [];
    const policy = await this.policies.effectiveAt(now);
    const rules = completionPolicyOf(policy);
    return this.db.transaction(async (tx) => {
      await lockEnrolments(tx, ids);
      const inputs = await this.loader.loadMany(ids, now, tx);
      // In the order asked for, so callers can pair results with their ids.
      const decided = ids.flatMap((enrolmentId) => {
        const input = inputs.get(enrolmentId);
        if (!input) return [];
        const outcome = evaluateCompletion(input, rules);
        return [{ enrolmentId, input, outcome, inputHash: decisionHash(input, policy.version, outcome) }];
      });
      if (!decided.length) return [];
      const inserted = await tx
        .insert(completionDecisions)
        .values(
          decided.map((d) => ({
            enrolmentId: d.enrolmentId,
            inputHash: d.inputHash,
            policyVersion: policy.version,
            status: d.outcome.status,
            reasons: d.outcome.reasons,
            input: d.input,
            outcome: d.outcome,
            trigger,
            decidedAt: now,
          })),
        )
        .onConflictDoNothing()
        .returning();
      const rows = await withEarlierDecisions(tx, decided, inserted);
      await setCompletionStatuses(tx, decided);
      const toCertify = decided.filter((d) => CERTIFYING.has(d.outcome.status));
      const certificates = await this.certificates.issueMany(
        tx,
        toCertify.map((d) => ({ decision: rows.get(d.enrolmentId)!, outcome: d.outcome })),
        now,
      );
      const created = new Set(inserted.map((r) => r.id));
      return decided.map(({ enrolmentId }) => {
        const decision = rows.get(enrolmentId)!;
        return {
          decision,
          created: created.has(decision.id),
          certificate: certificates.get(enrolmentId) ?? null,
        };
      });
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

/**
 * One enrolment is decided by one transaction at a time. A batch takes its locks in key order, so
 * two batches never wait on each other in a circle; a single evaluation holds only one.
 */
async function lockEnrolments(tx: Executor, ids: string[]): Promise<void> {
  await tx.execute(sql`
    select pg_advisory_xact_lock(k) from (
      select distinct hashtextextended(id, 8) as k from unnest(${`{${ids.join(',')}}`}::text[]) as id
       order by k) as keys`);
}

/** The rows just inserted, plus the stored ones whose facts had been decided before. */
async function withEarlierDecisions(
  tx: Executor,
  decided: { enrolmentId: string; inputHash: string }[],
  inserted: DecisionRow[],
): Promise<Map<string, DecisionRow>> {
  const rows = new Map(inserted.map((r) => [r.enrolmentId, r]));
  const earlier = decided.filter((d) => !rows.has(d.enrolmentId));
  if (!earlier.length) return rows;
  const stored = await tx
    .select()
    .from(completionDecisions)
    .where(
      and(
        inArray(
          completionDecisions.enrolmentId,
          earlier.map((d) => d.enrolmentId),
        ),
        inArray(
          completionDecisions.inputHash,
          earlier.map((d) => d.inputHash),
        ),
      ),
    );
  const wanted = new Set(earlier.map((d) => `${d.enrolmentId}/${d.inputHash}`));
  for (const row of stored)
    if (wanted.has(`${row.enrolmentId}/${row.inputHash}`)) rows.set(row.enrolmentId, row);
  return rows;
}

/** One UPDATE per status (there are a handful), touching only rows whose status changes. */
async function setCompletionStatuses(
  tx: Executor,
  decided: { enrolmentId: string; outcome: CompletionOutcome }[],
): Promise<void> {
  const byStatus = new Map<string, string[]>();
  for (const d of decided)
    byStatus.set(d.outcome.status, [...(byStatus.get(d.outcome.status) ?? []), d.enrolmentId]);
  for (const [status, ids] of byStatus)
    await tx
      .update(trainingEnrolments)
      .set({ completionStatus: status })
      .where(
        and(
          inArray(trainingEnrolments.id, ids),
          sql`${trainingEnrolments.completionStatus} is distinct from ${status}`,
        ),
      );
}
