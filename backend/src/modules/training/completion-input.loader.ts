import { Inject, Injectable } from '@nestjs/common';
import {
  ClassFacts,
  CompletionInput,
  LearningSession,
  listingCovers,
  RandomCheck,
} from '@platform/contracts';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../common/audit/audit-log';
import { AppError } from '../../common/errors/app-error';
import {
  catalogueListings,
  learningChecks,
  learningSessions,
  offlineAttendance,
  seekerProfiles,
  trainingAssessments,
  trainingClasses,
  trainingCourses,
  trainingEnrolments,
} from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';

type ClassRow = typeof trainingClasses.$inferSelect;
type SessionRow = typeof learningSessions.$inferSelect;
type CheckRow = typeof learningChecks.$inferSelect;

/**
 * Gathers, from PostgreSQL, everything the §4.1 completion function needs for one enrolment:
 * the same facts the live progress bar shows and a stored decision replays. Every session of the
 * trainee is included, on every class, because one person has one timeline.
 */
@Injectable()
export class CompletionInputLoader {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async load(enrolmentId: string, now: Date, db: Executor = this.db): Promise<CompletionInput> {
    const [row] = await db
      .select({ enrolment: trainingEnrolments, cls: trainingClasses, course: trainingCourses })
      .from(trainingEnrolments)
      .innerJoin(trainingClasses, eq(trainingClasses.id, trainingEnrolments.classId))
      .innerJoin(trainingCourses, eq(trainingCourses.id, trainingClasses.courseId))
      .where(eq(trainingEnrolments.id, enrolmentId));
    if (!row) throw new AppError('NOT_FOUND', 'No such enrolment. 未找到报名记录。');
    const { enrolment, cls, course } = row;

    const [profile] = await db
      .select({ verifiedAt: seekerProfiles.verifiedAt })
      .from(seekerProfiles)
      .where(eq(seekerProfiles.userId, enrolment.userId));
    const sessions = await db
      .select()
      .from(learningSessions)
      .where(eq(learningSessions.userId, enrolment.userId))
      .orderBy(asc(learningSessions.startedAt));
    const checks = await this.checksOf(
      db,
      sessions.map((s) => s.id),
    );
    const otherIds = [...new Set(sessions.map((s) => s.classId))].filter((id) => id !== cls.id);
    const others = otherIds.length
      ? await db.select().from(trainingClasses).where(inArray(trainingClasses.id, otherIds))
      : [];
    const assessments = await db
      .select()
      .from(trainingAssessments)
      .where(eq(trainingAssessments.enrolmentId, enrolmentId))
      .orderBy(desc(trainingAssessments.recordedAt));
    const attendance = await db
      .select()
      .from(offlineAttendance)
      .where(eq(offlineAttendance.enrolmentId, enrolmentId));
    const exam = assessments.find((a) => a.kind === 'exam');

    return {
      now: now.toISOString(),
      trainee: { realNameVerified: Boolean(profile?.verifiedAt) },
      class: {
        ...classFacts(cls),
        course: { kind: course.kind, modules: course.modules },
        catalogue: await this.catalogueOn(db, cls, course.platformId),
      },
      otherClasses: others.map(classFacts),
      sessions: sessions.map((s) => toSession(s, checks.get(s.id) ?? [], now)),
      offlineAttendance: attendance.map((a) => ({
        module: a.module,
        xueshi: a.xueshi,
        verified: a.verifiedAt !== null,
      })),
      signedIn: enrolment.signedInAt !== null,
      hasQaOrTest: assessments.some((a) => a.kind === 'qa' || a.kind === 'quiz'),
      attendanceRatio: attendanceRatio(assessments),
      examScore: exam?.score ?? null,
      appraisalSuspended: false,
    };
  }

  private async checksOf(db: Executor, sessionIds: string[]): Promise<Map<string, CheckRow[]>> {
    const byId = new Map<string, CheckRow[]>();
    if (!sessionIds.length) return byId;
    const rows = await db
      .select()
      .from(learningChecks)
      .where(and(inArray(learningChecks.sessionId, sessionIds), eq(learningChecks.kind, 'random')))
      .orderBy(asc(learningChecks.issuedAt));
    for (const check of rows) byId.set(check.sessionId, [...(byId.get(check.sessionId) ?? []), check]);
    return byId;
  }

  /** The 两目录一系统 status on the class's first day (K1); the class's platform wins over the course's. */
  private async catalogueOn(db: Executor, cls: ClassRow, coursePlatformId: string | null) {
    const platformId = cls.platformId ?? coursePlatformId;
    const subjects = [cls.courseId, cls.institutionId, ...(platformId ? [platformId] : [])];
    const listings = await db
      .select()
      .from(catalogueListings)
      .where(inArray(catalogueListings.subjectId, subjects));
    const listed = (catalogue: string, subjectId: string) =>
      listings.some(
        (l) => l.catalogue === catalogue && l.subjectId === subjectId && listingCovers(l, cls.startsOn),
      );
    return {
      courseListed: listed('project', cls.courseId),
      institutionListed: listed('institution', cls.institutionId),
      platformSelected: platformId ? listed('platform', platformId) : null,
    };
  }
}

function classFacts(cls: ClassRow): ClassFacts {
  return {
    id: cls.id,
    jurisdiction: cls.jurisdiction,
    planApproved: cls.planStatus === 'approved',
    approvedStart: cls.startsOn,
    approvedEnd: cls.endsOn,
  };
}

/** An open session ends, for now, at its last heartbeat: time the server has not seen is not credited. */
function toSession(s: SessionRow, checks: CheckRow[], now: Date): LearningSession {
  return {
    id: s.id,
    classId: s.classId,
    module: s.module,
    source: 'server',
    start: s.startedAt.toISOString(),
    end: (s.endedAt ?? s.lastHeartbeatAt).toISOString(),
    faceVerifiedAtStart: s.faceVerifiedAtStart,
    hasRetainedMedia: s.hasRetainedMedia,
    checks: checks.flatMap((c) => checkOf(c, now)),
    idle: s.idle,
  };
}

/** A pending check past its window is unanswered; one still inside it has not decided anything yet. */
function checkOf(c: CheckRow, now: Date): RandomCheck[] {
  const at = c.issuedAt.toISOString();
  if (c.result === 'passed' || c.result === 'failed' || c.result === 'unanswered')
    return [{ at, result: c.result }];
  return c.dueBy <= now ? [{ at, result: 'unanswered' }] : [];
}

/** 出勤考核 (P2, L7930) is the institution's: its latest 'attendance' record, as a percentage. */
function attendanceRatio(assessments: { kind: string; score: number | null }[]): number | null {
  const latest = assessments.find((a) => a.kind === 'attendance');
  return latest?.score == null ? null : latest.score / 100;
}
