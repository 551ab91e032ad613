import { Inject, Injectable } from '@nestjs/common';
import { StartedSession, StartSessionInput } from '@platform/contracts';
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../common/auth/actor';
import { recordAudit } from '../../common/audit/audit-log';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import {
  learningSessions,
  trainingClasses,
  trainingCourses,
  trainingEnrolments,
} from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { TrainingPolicyService } from '../training/training-policy.service';
import { LearningChecksService } from './learning-checks.service';
import { SessionCloser } from './session-closer.service';
import { SessionFactsService } from './session-facts.service';

/** Starting and closing learning sessions (签到, 人脸识别 at start); heartbeats live in HeartbeatService. */
@Injectable()
export class LearningSessionsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly clock: Clock,
    private readonly policies: TrainingPolicyService,
    private readonly checks: LearningChecksService,
    private readonly closer: SessionCloser,
    private readonly facts: SessionFactsService,
  ) {}

  async start(actor: Actor, enrolmentId: string, input: StartSessionInput): Promise<StartedSession> {
    const now = this.clock.now();
    const [row] = await this.db
      .select({ enrolment: trainingEnrolments, cls: trainingClasses, course: trainingCourses })
      .from(trainingEnrolments)
      .innerJoin(trainingClasses, eq(trainingClasses.id, trainingEnrolments.classId))
      .innerJoin(trainingCourses, eq(trainingCourses.id, trainingClasses.courseId))
      .where(eq(trainingEnrolments.id, enrolmentId));
    if (!row) throw new AppError('NOT_FOUND', 'No such enrolment. 未找到报名记录。');
    const { enrolment, cls, course } = row;
    if (enrolment.userId !== actor.userId)
      throw new AppError('FORBIDDEN_NOT_OWNER', 'This enrolment is not yours. 这不是您的报名。');
    if (cls.planStatus !== 'approved')
      throw new AppError(
        'CLASS_PLAN_NOT_APPROVED',
        'The class plan is not approved yet; learning is not logged. 开班申请尚未审批，暂不能学习。',
      );
    if (!course.modules.some((m) => m.name === input.module))
      throw new AppError('LEARNING_MODULE_UNKNOWN', 'No such module in this course. 课程中没有该模块。', {
        modules: course.modules.map((m) => m.name),
      });
    const policy = await this.policies.effectiveAt(now);
    const imageRetention = policy.values.imageRetentionJurisdictions.includes(cls.jurisdiction);
    const consenting = imageRetention && !enrolment.imageConsentAt && input.imageConsent === true;
    if (imageRetention && !enrolment.imageConsentAt && !consenting)
      throw new AppError(
        'LEARNING_IMAGE_CONSENT_REQUIRED',
        'This class keeps webcam stills as evidence (影像留存); consent is required. 本班须留存学习影像，请先同意。',
      );

    return this.db.transaction(async (tx) => {
      await tx
        .update(trainingEnrolments)
        .set({
          signedInAt: sql`coalesce(${trainingEnrolments.signedInAt}, ${now.toISOString()}::timestamptz)`,
          ...(consenting ? { imageConsentAt: now } : {}),
        })
        .where(eq(trainingEnrolments.id, enrolment.id));
      const [session] = await tx
        .insert(learningSessions)
        .values({
          enrolmentId: enrolment.id,
          classId: cls.id,
          userId: actor.userId,
          module: input.module,
          deviceId: input.deviceId,
          startedAt: now,
          lastHeartbeatAt: now,
          policyVersion: policy.version,
          // Where a face still is due at start, the start check is the first one the beats report.
          nextCheckAt: imageRetention ? now : this.checks.nextCheckAfter(now, policy.values),
        })
        .returning();
      const check = imageRetention
        ? await this.checks.issue(
            tx,
            { id: session!.id, imageRetention },
            'session_start',
            now,
            policy.values,
          )
        : null;
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'training.learning.session.start',
        subjectType: 'learning_session',
        subjectId: session!.id,
        details: {
          enrolmentId: enrolment.id,
          module: input.module,
          deviceId: input.deviceId,
          signedIn: enrolment.signedInAt === null,
          imageConsent: consenting,
        },
      });
      const v = policy.values;
      return {
        sessionId: session!.id,
        startedAt: now.toISOString(),
        module: input.module,
        imageRetention,
        policy: {
          version: policy.version,
          heartbeatSeconds: v.heartbeatSeconds,
          idleTimeoutSeconds: v.idleTimeoutSeconds,
          sessionTimeoutSeconds: v.sessionTimeoutSeconds,
          checkAnswerSeconds: v.checkAnswerSeconds,
          minutesPerXueshi: v.minutesPerXueshi,
        },
        check,
      };
    });
  }

  /**
   * The player's close (tab closed, module finished). A session already past its timeout ends at
   * its last heartbeat instead: time the server did not see is never credited.
   */
  async close(actor: Actor, sessionId: string) {
    const now = this.clock.now();
    const facts = await this.facts.ownedBy(actor, sessionId);
    const [session] = await this.db.select().from(learningSessions).where(eq(learningSessions.id, sessionId));
    if (!session || session.status !== 'open')
      throw new AppError('SESSION_CLOSED', 'The session has already ended. 本次学习已结束。', {
        endReason: session?.endReason ?? null,
      });
    const timedOut =
      now.getTime() - session.lastHeartbeatAt.getTime() > facts.policy.sessionTimeoutSeconds * 1000;
    const closed = timedOut
      ? await this.closer.close(sessionId, session.lastHeartbeatAt, 'heartbeat_timeout')
      : await this.closer.close(sessionId, now, 'closed_by_player');
    if (!closed) throw new AppError('SESSION_CLOSED', 'The session has already ended. 本次学习已结束。');
    return { sessionId, endedAt: closed.endedAt!.toISOString(), endReason: closed.endReason! };
  }
}
