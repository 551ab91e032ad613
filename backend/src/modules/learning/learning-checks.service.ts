import { Inject, Injectable } from '@nestjs/common';
import { CheckAnswerInput, CheckResult, LearningCheck, TrainingPolicyValues } from '@platform/contracts';
import { and, desc, eq, sql } from 'drizzle-orm';
import { createHash, randomInt, randomUUID } from 'node:crypto';
import type { Actor } from '../../common/auth/actor';
import type { Executor } from '../../common/audit/audit-log';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { learningChecks, learningMedia, learningSessions } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { decodeStill } from './still';
import { SessionFacts, SessionFactsService } from './session-facts.service';

type CheckRow = typeof learningChecks.$inferSelect;

/**
 * 随机验证 (L7974) and the session-start face still: the server picks when a check falls due,
 * keeps only a hash of the answer and decides passed / failed / unanswered by its own clock.
 */
@Injectable()
export class LearningChecksService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly clock: Clock,
    private readonly facts: SessionFactsService,
  ) {}

  /** A random instant within [min, max] seconds after `from`. */
  nextCheckAfter(from: Date, policy: TrainingPolicyValues): Date {
    const seconds = randomInt(policy.randomCheckMinSeconds, policy.randomCheckMaxSeconds + 1);
    return new Date(from.getTime() + seconds * 1000);
  }

  async issue(
    tx: Executor,
    session: { id: string; imageRetention: boolean },
    kind: CheckRow['kind'],
    now: Date,
    policy: TrainingPolicyValues,
  ): Promise<LearningCheck | null> {
    const id = randomUUID();
    const { challenge, answer } = newChallenge();
    const [row] = await tx
      .insert(learningChecks)
      .values({
        id,
        sessionId: session.id,
        kind,
        issuedAt: now,
        dueBy: new Date(now.getTime() + policy.checkAnswerSeconds * 1000),
        challenge,
        answerHash: answerHash(id, answer),
      })
      .onConflictDoNothing()
      .returning();
    return row ? view(row, session.imageRetention) : null;
  }

  /**
   * The beat path once the session's next check time has come: the check awaiting an answer, a
   * new one, or (when the pending one ran out) nothing until the next is scheduled.
   */
  async due(facts: SessionFacts, now: Date): Promise<LearningCheck | null> {
    const pending = await this.pendingOf(facts.id);
    if (pending && pending.dueBy > now) return view(pending, facts.imageRetention);
    if (pending) {
      await this.db.transaction(async (tx) => {
        const [expired] = await tx
          .update(learningChecks)
          .set({ result: 'unanswered' })
          .where(and(eq(learningChecks.id, pending.id), eq(learningChecks.result, 'pending')))
          .returning();
        if (expired) await this.schedule(tx, facts, pending.issuedAt);
      });
      return null;
    }
    const issued = await this.issue(this.db, facts, 'random', now, facts.policy);
    return issued ?? this.pendingView(facts);
  }

  async answer(
    actor: Actor,
    sessionId: string,
    checkId: string,
    input: CheckAnswerInput,
  ): Promise<CheckResult> {
    const now = this.clock.now();
    const facts = await this.facts.ownedBy(actor, sessionId);
    const [row] = await this.db
      .select({ check: learningChecks, status: learningSessions.status })
      .from(learningChecks)
      .innerJoin(learningSessions, eq(learningSessions.id, learningChecks.sessionId))
      .where(and(eq(learningChecks.id, checkId), eq(learningChecks.sessionId, sessionId)));
    if (!row) throw new AppError('NOT_FOUND', 'No such check. 未找到验证。');
    const { check } = row;
    if (check.result !== 'pending')
      throw new AppError('LEARNING_CHECK_NOT_PENDING', 'This check is already decided. 该验证已有结果。', {
        result: check.result,
      });
    if (row.status !== 'open')
      throw new AppError('SESSION_CLOSED', 'The session has ended. 本次学习已结束。');
    if (facts.imageRetention && !input.image)
      throw new AppError('LEARNING_IMAGE_REQUIRED', 'A camera still is required. 需要拍摄一张照片。');
    const still = input.image ? decodeStill(input.image) : null;

    const result = now > check.dueBy ? 'unanswered' : correct(check, input.answer) ? 'passed' : 'failed';
    return this.db.transaction(async (tx) => {
      const [decided] = await tx
        .update(learningChecks)
        .set({ result, answeredAt: now })
        .where(and(eq(learningChecks.id, check.id), eq(learningChecks.result, 'pending')))
        .returning();
      if (!decided)
        throw new AppError('LEARNING_CHECK_NOT_PENDING', 'This check is already decided. 该验证已有结果。');
      const media = still
        ? (
            await tx
              .insert(learningMedia)
              .values({ sessionId, checkId, capturedAt: now, ...still })
              .returning({ id: learningMedia.id })
          )[0]!
        : null;
      // Face matching is out of scope: a captured still plus a passed start check is what we record.
      const faceVerified = check.kind === 'session_start' && result === 'passed' && media !== null;
      const [session] = await tx
        .update(learningSessions)
        .set({
          hasRetainedMedia: media ? true : sql`${learningSessions.hasRetainedMedia}`,
          faceVerifiedAtStart: faceVerified ? true : sql`${learningSessions.faceVerifiedAtStart}`,
          // The next check counts from this one's issue, whatever the answer: [min, max] apart.
          nextCheckAt: this.nextCheckAfter(check.issuedAt, facts.policy),
        })
        .where(eq(learningSessions.id, sessionId))
        .returning({ faceVerifiedAtStart: learningSessions.faceVerifiedAtStart });
      return {
        id: check.id,
        result,
        answeredAt: now.toISOString(),
        mediaId: media?.id ?? null,
        faceVerifiedAtStart: session!.faceVerifiedAtStart,
      };
    });
  }

  private async schedule(tx: Executor, facts: SessionFacts, from: Date): Promise<void> {
    await tx
      .update(learningSessions)
      .set({ nextCheckAt: this.nextCheckAfter(from, facts.policy) })
      .where(and(eq(learningSessions.id, facts.id), eq(learningSessions.status, 'open')));
  }

  private async pendingOf(sessionId: string): Promise<CheckRow | undefined> {
    const [row] = await this.db
      .select()
      .from(learningChecks)
      .where(and(eq(learningChecks.sessionId, sessionId), eq(learningChecks.result, 'pending')))
      .orderBy(desc(learningChecks.issuedAt))
      .limit(1);
    return row;
  }

  private async pendingView(facts: SessionFacts): Promise<LearningCheck | null> {
    const row = await this.pendingOf(facts.id);
    return row ? view(row, facts.imageRetention) : null;
  }
}

/** A question anyone can answer at a glance, and a bot driving a video player cannot fake without reading it. */
function newChallenge(): { challenge: string; answer: string } {
  if (randomInt(0, 2) === 0) {
    const a = randomInt(2, 20);
    const b = randomInt(2, 20);
    return { challenge: `${a} + ${b} = ?`, answer: String(a + b) };
  }
  const digits = String(randomInt(1000, 10000));
  return { challenge: `请输入数字 Enter the digits: ${digits}`, answer: digits };
}

/** Salted with the check id, so equal answers of different checks do not share a hash. */
function answerHash(checkId: string, answer: string): string {
  return createHash('sha256').update(`${checkId}:${answer.trim()}`).digest('hex');
}

function correct(check: CheckRow, answer: string): boolean {
  return answerHash(check.id, answer) === check.answerHash;
}

function view(row: CheckRow, requiresImage: boolean): LearningCheck {
  return {
    id: row.id,
    kind: row.kind,
    challenge: row.challenge,
    issuedAt: row.issuedAt.toISOString(),
    dueBy: row.dueBy.toISOString(),
    requiresImage,
  };
}
