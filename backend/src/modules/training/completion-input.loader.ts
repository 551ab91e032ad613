import { Inject, Injectable } from '@nestjs/common';
import {
  ClassFacts,
  CompletionInput,
  LearningSession,
  listingCovers,
  RandomCheck,
} from '@platform/contracts';
import { and, asc, desc, eq } from 'drizzle-orm';
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
import { anyUuid } from '../../infra/database/any-uuid';

type ClassRow = typeof trainingClasses.$inferSelect;
type SessionRow = typeof learningSessions.$inferSelect;
type CheckRow = typeof learningChecks.$inferSelect;

/**
 * Gathers, from PostgreSQL, everything the §4.1 completion function needs for one enrolment:
 * the same facts the live progress bar shows and a stored decision replays. Every session of the
 * trainee is included, on every class, because one person has one timeline.
 *
 * `loadMany` gathers a whole batch (a class's enrolments) in one query per table; `load` is the
 * same code with a batch of one, so a single evaluation and the nightly sweep see identical facts.
 */
@Injectable()
export class CompletionInputLoader {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async load(enrolmentId: string, now: Date, db: Executor = this.db): Promise<CompletionInput> {
    const input = (await this.loadMany([enrolmentId], now, db)).get(enrolmentId);
    if (!input) throw new AppError('NOT_FOUND', 'No such enrolment. 未找到报名记录。');
    return input;
  }

  /** The inputs of the enrolments that exist, by enrolment id; unknown ids are left out. */
  async loadMany(
    enrolmentIds: string[],
    now: Date,
    db: Executor = this.db,
  ): Promise<Map<string, CompletionInput>> {
    const inputs = new Map<string, CompletionInput>();
    if (!enrolmentIds.length) return inputs;
    const rows = await db
      .select({ enrolment: trainingEnrolments, cls: trainingClasses, course: trainingCourses })
      .from(trainingEnrolments)
      .innerJoin(trainingClasses, eq(trainingClasses.id, trainingEnrolments.classId))
      .innerJoin(trainingCourses, eq(trainingCourses.id, trainingClasses.courseId))
      .where(anyUuid(trainingEnrolments.id, enrolmentIds));
    if (!rows.length) return inputs;
    const ids = rows.map((r) => r.enrolment.id);
    const userIds = [...new Set(rows.map((r) => r.enrolment.userId))];

    const verified = await this.verifiedUsers(db, userIds);
    const sessions = groupBy(
      await db
        .select()
        .from(learningSessions)
        .where(anyUuid(learningSessions.userId, userIds))
        .orderBy(asc(learningSessions.startedAt), asc(learningSessions.id)),
      (s) => s.userId,
    );
    const checks = await this.checksOf(db, userIds);
    const classes = await this.classesOf(db, [...sessions.values()].flat(), rows);
    const assessments = groupBy(
      await db
        .select()
        .from(trainingAssessments)
        .where(anyUuid(trainingAssessments.enrolmentId, ids))
        .orderBy(desc(trainingAssessments.recordedAt)),
      (a) => a.enrolmentId,
    );
    const attendance = groupBy(
      await db.select().from(offlineAttendance).where(anyUuid(offlineAttendance.enrolmentId, ids)),
      (a) => a.enrolmentId,
    );
    const catalogue = await this.cataloguesOn(db, rows);

    for (const { enrolment, cls, course } of rows) {
      const mine = sessions.get(enrolment.userId) ?? [];
      const mineAssessed = assessments.get(enrolment.id) ?? [];
      // Sorted, so the same facts always hash the same whatever order the rows came back in.
      const otherIds = [...new Set(mine.map((s) => s.classId))].filter((id) => id !== cls.id).sort();
      const exam = mineAssessed.find((a) => a.kind === 'exam');
      inputs.set(enrolment.id, {
        now: now.toISOString(),
        trainee: { realNameVerified: verified.has(enrolment.userId) },
        class: {
          ...classFacts(cls),
          course: { kind: course.kind, modules: course.modules },
          catalogue: catalogue(cls, course.platformId),
        },
        otherClasses: otherIds.flatMap((id) => {
          const other = classes.get(id);
          return other ? [classFacts(other)] : [];
        }),
        sessions: mine.map((s) => toSession(s, checks.get(s.id) ?? [], now)),
        offlineAttendance: (attendance.get(enrolment.id) ?? []).map((a) => ({
          module: a.module,
          xueshi: a.xueshi,
          verified: a.verifiedAt !== null,
        })),
        signedIn: enrolment.signedInAt !== null,
        hasQaOrTest: mineAssessed.some((a) => a.kind === 'qa' || a.kind === 'quiz'),
        attendanceRatio: attendanceRatio(mineAssessed),
        examScore: exam?.score ?? null,
        appraisalSuspended: false,
      });
    }
    return inputs;
  }

  private async verifiedUsers(db: Executor, userIds: string[]): Promise<Set<string>> {
    const rows = await db
      .select({ userId: seekerProfiles.userId, verifiedAt: seekerProfiles.verifiedAt })
      .from(seekerProfiles)
      .where(anyUuid(seekerProfiles.userId, userIds));
    return new Set(rows.filter((r) => r.verifiedAt).map((r) => r.userId));
  }

  /** The random checks of every session of these trainees, in issue order per session. */
  private async checksOf(db: Executor, userIds: string[]): Promise<Map<string, CheckRow[]>> {
    const rows = await db
      .select({ check: learningChecks })
      .from(learningChecks)
      .innerJoin(learningSessions, eq(learningSessions.id, learningChecks.sessionId))
      .where(and(anyUuid(learningSessions.userId, userIds), eq(learningChecks.kind, 'random')))
      .orderBy(asc(learningChecks.issuedAt));
    return groupBy(
      rows.map((r) => r.check),
      (c) => c.sessionId,
    );
  }

  /** Every class the trainees' sessions were logged on (their other classes, TR-7). */
  private async classesOf(
    db: Executor,
    sessions: SessionRow[],
    rows: { cls: ClassRow }[],
  ): Promise<Map<string, ClassRow>> {
    const known = new Map(rows.map((r) => [r.cls.id, r.cls]));
    const missing = [...new Set(sessions.map((s) => s.classId))].filter((id) => !known.has(id));
    if (missing.length)
      for (const cls of await db.select().from(trainingClasses).where(anyUuid(trainingClasses.id, missing)))
        known.set(cls.id, cls);
    return known;
  }

  /** The 两目录一系统 status on each class's first day (K1); the class's platform wins over the course's. */
  private async cataloguesOn(db: Executor, rows: { cls: ClassRow; course: { platformId: string | null } }[]) {
    const subjects = new Set<string>();
    for (const { cls, course } of rows) {
      subjects.add(cls.courseId).add(cls.institutionId);
      const platformId = cls.platformId ?? course.platformId;
      if (platformId) subjects.add(platformId);
    }
    const listings = groupBy(
      await db
        .select()
        .from(catalogueListings)
        .where(anyUuid(catalogueListings.subjectId, [...subjects])),
      (l) => l.subjectId,
    );
    return (cls: ClassRow, coursePlatformId: string | null) => {
      const platformId = cls.platformId ?? coursePlatformId;
      const listed = (catalogue: string, subjectId: string) =>
        (listings.get(subjectId) ?? []).some(
          (l) => l.catalogue === catalogue && listingCovers(l, cls.startsOn),
        );
      return {
        courseListed: listed('project', cls.courseId),
        institutionListed: listed('institution', cls.institutionId),
        platformSelected: platformId ? listed('platform', platformId) : null,
      };
    };
  }
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
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
