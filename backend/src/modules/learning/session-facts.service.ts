import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_TRAINING_POLICY, TrainingPolicyValues } from '@platform/contracts';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { learningSessions, trainingClasses } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { TrainingPolicyService } from '../training/training-policy.service';

/** What never changes about a session once started: safe to keep in memory on every api node. */
export interface SessionFacts {
  id: string;
  userId: string;
  enrolmentId: string;
  deviceId: string;
  startedAt: Date;
  policyVersion: string;
  policy: TrainingPolicyValues;
  imageRetention: boolean;
}

const MAX_CACHED = 50_000;

/**
 * Answers "whose session is this and under which policy" without a query per heartbeat: the
 * facts are immutable, so a bounded in-memory map is correct on any number of nodes.
 */
@Injectable()
export class SessionFactsService {
  private readonly sessions = new Map<string, SessionFacts>();
  private readonly policies = new Map<string, TrainingPolicyValues>();

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly trainingPolicies: TrainingPolicyService,
  ) {}

  /** The session's facts, refusing anyone but the trainee who started it. */
  async ownedBy(actor: Actor, sessionId: string): Promise<SessionFacts> {
    const facts = this.sessions.get(sessionId) ?? (await this.load(sessionId));
    if (facts.userId !== actor.userId)
      throw new AppError('FORBIDDEN_NOT_OWNER', 'This learning session is not yours. 这不是您的学习记录。');
    return facts;
  }

  async of(sessionId: string): Promise<SessionFacts> {
    return this.sessions.get(sessionId) ?? this.load(sessionId);
  }

  async policy(version: string | null): Promise<TrainingPolicyValues> {
    const key = version ?? DEFAULT_TRAINING_POLICY.version;
    const cached = this.policies.get(key);
    if (cached) return cached;
    // Versions are never edited, only superseded: caching one forever is safe.
    const { values } = await this.trainingPolicies.byVersion(key);
    this.policies.set(key, values);
    return values;
  }

  private async load(sessionId: string): Promise<SessionFacts> {
    const [row] = await this.db
      .select({ session: learningSessions, jurisdiction: trainingClasses.jurisdiction })
      .from(learningSessions)
      .innerJoin(trainingClasses, eq(trainingClasses.id, learningSessions.classId))
      .where(eq(learningSessions.id, sessionId));
    if (!row) throw new AppError('NOT_FOUND', 'No such learning session. 未找到学习记录。');
    const policy = await this.policy(row.session.policyVersion);
    const facts: SessionFacts = {
      id: row.session.id,
      userId: row.session.userId,
      enrolmentId: row.session.enrolmentId,
      deviceId: row.session.deviceId,
      startedAt: row.session.startedAt,
      policyVersion: row.session.policyVersion ?? DEFAULT_TRAINING_POLICY.version,
      policy,
      imageRetention: policy.imageRetentionJurisdictions.includes(row.jurisdiction),
    };
    if (this.sessions.size >= MAX_CACHED) this.sessions.delete(this.sessions.keys().next().value!);
    this.sessions.set(sessionId, facts);
    return facts;
  }
}
