import { Inject, Injectable } from '@nestjs/common';
import type { AssessmentKind, RosterEntry, WorkRelation } from '@platform/contracts';
import { and, asc, eq, inArray, sum } from 'drizzle-orm';
import type { Actor } from '../../common/auth/actor';
import { Executor, recordAudit } from '../../common/audit/audit-log';
import { AppError } from '../../common/errors/app-error';
import {
  offlineAttendance,
  seekerProfiles,
  trainingAssessments,
  trainingClasses,
  trainingCourses,
  trainingEnrolments,
} from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { CompletionRequests } from './completion/completion-requests.service';
import { assertInstitutionMember, notFound } from './institution-access';

/**
 * What an institution keeps per trainee of its class: the roster (名册, 身份证 masked only),
 * assessment scores and verified offline practical attendance. These are inputs of the
 * completion decision (§4.1), so each write is audited.
 */
@Injectable()
export class RostersService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly completion: CompletionRequests,
  ) {}

  async roster(actor: Actor, classId: string): Promise<RosterEntry[]> {
    const [cls] = await this.db.select().from(trainingClasses).where(eq(trainingClasses.id, classId));
    if (!cls) throw notFound('class');
    await assertInstitutionMember(this.db, actor, cls.institutionId);
    const rows = await this.db
      .select({
        enrolment: trainingEnrolments,
        realName: seekerProfiles.realName,
        masked: seekerProfiles.idNumberMasked,
      })
      .from(trainingEnrolments)
      .leftJoin(seekerProfiles, eq(seekerProfiles.userId, trainingEnrolments.userId))
      .where(eq(trainingEnrolments.classId, classId))
      .orderBy(asc(trainingEnrolments.enrolledAt));
    const ids = rows.map((r) => r.enrolment.id);
    const scores = ids.length
      ? await this.db
          .select()
          .from(trainingAssessments)
          .where(inArray(trainingAssessments.enrolmentId, ids))
          .orderBy(asc(trainingAssessments.recordedAt))
      : [];
    const offline = ids.length
      ? await this.db
          .select({ enrolmentId: offlineAttendance.enrolmentId, total: sum(offlineAttendance.xueshi) })
          .from(offlineAttendance)
          .where(inArray(offlineAttendance.enrolmentId, ids))
          .groupBy(offlineAttendance.enrolmentId)
      : [];
    const hours = new Map(offline.map((o) => [o.enrolmentId, Number(o.total ?? 0)]));
    return rows.map(({ enrolment, realName, masked }) => ({
      enrolmentId: enrolment.id,
      realName,
      idNumberMasked: masked,
      status: enrolment.status as RosterEntry['status'],
      sponsorKind: enrolment.sponsorKind,
      workRelation: enrolment.workRelation as WorkRelation | null,
      signedInAt: enrolment.signedInAt?.toISOString() ?? null,
      completionStatus: enrolment.completionStatus,
      assessments: scores
        .filter((s) => s.enrolmentId === enrolment.id)
        .map((s) => ({ kind: s.kind as AssessmentKind, score: s.score })),
      offlineXueshi: hours.get(enrolment.id) ?? 0,
    }));
  }

  /** A new score may complete the training: the decision is asked for once the record is committed. */
  async recordAssessment(actor: Actor, enrolmentId: string, input: { kind: AssessmentKind; score: number }) {
    const recorded = await this.db.transaction(async (tx) => {
      const { enrolment } = await this.ownEnrolment(tx, actor, enrolmentId);
      const [row] = await tx
        .insert(trainingAssessments)
        .values({ enrolmentId, kind: input.kind, score: input.score, recordedBy: actor.userId })
        .returning({ id: trainingAssessments.id });
      await audit(tx, actor, 'training.assessment.recorded', enrolment.id, {
        ...input,
        assessmentId: row.id,
      });
      return { id: row.id, enrolmentId, kind: input.kind, score: input.score };
    });
    await this.completion.requestEvaluation(enrolmentId, `assessment:${recorded.id}`);
    return recorded;
  }

  /** Offline practical 学时 of one module, verified by the institution; never beyond the module's hours. */
  async recordOfflineAttendance(
    actor: Actor,
    enrolmentId: string,
    input: { module: string; xueshi: number },
  ) {
    const recorded = await this.db.transaction(async (tx) => {
      const { enrolment, course } = await this.ownEnrolment(tx, actor, enrolmentId);
      const module = course.modules.find((m) => m.name === input.module);
      if (!module || module.kind !== 'practical' || module.delivery !== 'offline')
        throw new AppError(
          'ATTENDANCE_MODULE_NOT_OFFLINE_PRACTICAL',
          'Only an offline practical module of the course takes attendance. 仅线下实训模块可登记出勤。',
          { module: input.module },
        );
      const [{ total }] = await tx
        .select({ total: sum(offlineAttendance.xueshi) })
        .from(offlineAttendance)
        .where(
          and(eq(offlineAttendance.enrolmentId, enrolmentId), eq(offlineAttendance.module, input.module)),
        );
      const already = Number(total ?? 0);
      if (already + input.xueshi > module.hours)
        throw new AppError(
          'ATTENDANCE_HOURS_EXCEED_MODULE',
          `At most ${module.hours} 学时 for this module. 出勤学时超过模块学时。`,
          { module: input.module, moduleHours: module.hours, alreadyRecorded: already },
        );
      const now = new Date();
      const [row] = await tx
        .insert(offlineAttendance)
        .values({
          enrolmentId,
          module: input.module,
          xueshi: input.xueshi,
          verifiedBy: actor.userId,
          verifiedAt: now,
        })
        .returning({ id: offlineAttendance.id });
      await audit(tx, actor, 'training.offline_attendance.recorded', enrolment.id, {
        ...input,
        attendanceId: row.id,
      });
      return {
        id: row.id,
        enrolmentId,
        module: input.module,
        xueshi: input.xueshi,
        verifiedAt: now.toISOString(),
      };
    });
    await this.completion.requestEvaluation(enrolmentId, `attendance:${recorded.id}`);
    return recorded;
  }

  private async ownEnrolment(tx: Executor, actor: Actor, enrolmentId: string) {
    const [row] = await tx
      .select({ enrolment: trainingEnrolments, cls: trainingClasses, course: trainingCourses })
      .from(trainingEnrolments)
      .innerJoin(trainingClasses, eq(trainingClasses.id, trainingEnrolments.classId))
      .innerJoin(trainingCourses, eq(trainingCourses.id, trainingClasses.courseId))
      .where(eq(trainingEnrolments.id, enrolmentId));
    if (!row) throw notFound('enrolment');
    await assertInstitutionMember(tx, actor, row.cls.institutionId);
    return row;
  }
}

function audit(
  tx: Executor,
  actor: Actor,
  action: string,
  enrolmentId: string,
  details: Record<string, unknown>,
) {
  return recordAudit(tx, {
    actorId: actor.userId,
    action,
    subjectType: 'training_enrolment',
    subjectId: enrolmentId,
    details,
  });
}
