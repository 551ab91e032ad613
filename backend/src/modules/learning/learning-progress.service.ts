import { Inject, Injectable } from '@nestjs/common';
import { completionPolicyOf, evaluateCompletion, LearningProgress } from '@platform/contracts';
import { and, asc, eq } from 'drizzle-orm';
import { Actor, hasAnyRole, STAFF_ROLES } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import {
  learningSessions,
  trainingClasses,
  trainingCourses,
  trainingEnrolments,
  trainingInstitutionMembers,
} from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { CompletionInputLoader } from '../training/completion-input.loader';
import { TrainingPolicyService } from '../training/training-policy.service';

/**
 * The live progress a trainee sees: exactly what the §4.1 completion function credits today, from
 * the same loader a stored decision uses, so the bar and the decision never disagree.
 */
@Injectable()
export class LearningProgressService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly clock: Clock,
    private readonly loader: CompletionInputLoader,
    private readonly policies: TrainingPolicyService,
  ) {}

  async progress(actor: Actor, enrolmentId: string): Promise<LearningProgress> {
    const now = this.clock.now();
    const { courseId } = await this.assertMayRead(actor, enrolmentId);
    const [input, policy] = await Promise.all([
      this.loader.load(enrolmentId, now),
      this.policies.effectiveAt(now),
    ]);
    const outcome = evaluateCompletion(input, completionPolicyOf(policy));
    const mine = await this.db
      .select()
      .from(learningSessions)
      .where(eq(learningSessions.enrolmentId, enrolmentId))
      .orderBy(asc(learningSessions.startedAt));
    const byId = new Map(outcome.sessions.map((s) => [s.id, s]));

    const creditedByModule = new Map<string, number>();
    const droppedMinutes: Record<string, number> = {};
    for (const s of mine) {
      const o = byId.get(s.id);
      if (!o) continue;
      creditedByModule.set(s.module, (creditedByModule.get(s.module) ?? 0) + o.creditedMinutes);
      for (const d of o.dropped) droppedMinutes[d.reason] = (droppedMinutes[d.reason] ?? 0) + d.minutes;
    }
    const open = [...mine].reverse().find((s) => s.status === 'open') ?? null;
    return {
      enrolmentId,
      courseId,
      policyVersion: outcome.policyVersion,
      minutesPerXueshi: policy.values.minutesPerXueshi,
      status: outcome.status,
      reasons: outcome.reasons,
      flags: outcome.flags.map(({ code, sessionId, minutes }) => ({ code, sessionId, minutes })),
      modules: input.class.course.modules.map((m) => ({
        name: m.name,
        kind: m.kind,
        delivery: m.delivery,
        requiredXueshi: m.hours,
        creditedMinutes: creditedByModule.get(m.name) ?? 0,
      })),
      hours: outcome.hours,
      creditedMinutes: [...creditedByModule.values()].reduce((a, b) => a + b, 0),
      droppedMinutes,
      sessions: mine.map((s) => ({
        id: s.id,
        module: s.module,
        startedAt: s.startedAt.toISOString(),
        endedAt: s.endedAt?.toISOString() ?? null,
        status: s.status,
        endReason: s.endReason,
        rejected: byId.get(s.id)?.rejected ?? null,
        creditedMinutes: byId.get(s.id)?.creditedMinutes ?? 0,
        dropped: byId.get(s.id)?.dropped ?? [],
      })),
      openSession: open && {
        id: open.id,
        module: open.module,
        deviceId: open.deviceId,
        startedAt: open.startedAt.toISOString(),
        lastHeartbeatAt: open.lastHeartbeatAt.toISOString(),
        idleMinutes: open.idle.reduce((sum, i) => sum + (Date.parse(i.to) - Date.parse(i.from)) / 60_000, 0),
      },
    };
  }

  /** The trainee, staff, or someone acting for the class's institution. */
  private async assertMayRead(actor: Actor, enrolmentId: string): Promise<{ courseId: string }> {
    const [row] = await this.db
      .select({
        userId: trainingEnrolments.userId,
        member: trainingInstitutionMembers.userId,
        courseId: trainingClasses.courseId,
      })
      .from(trainingEnrolments)
      .innerJoin(trainingClasses, eq(trainingClasses.id, trainingEnrolments.classId))
      .innerJoin(trainingCourses, eq(trainingCourses.id, trainingClasses.courseId))
      .leftJoin(
        trainingInstitutionMembers,
        and(
          eq(trainingInstitutionMembers.institutionId, trainingClasses.institutionId),
          eq(trainingInstitutionMembers.userId, actor.userId),
        ),
      )
      .where(eq(trainingEnrolments.id, enrolmentId));
    if (!row) throw new AppError('NOT_FOUND', 'No such enrolment. 未找到报名记录。');
    if (row.userId === actor.userId || hasAnyRole(actor, STAFF_ROLES) || row.member)
      return { courseId: row.courseId };
    throw new AppError(
      'FORBIDDEN_NOT_OWNER',
      'You may not see this trainee’s progress. 无权查看该学员进度。',
    );
  }
}
