import { Inject, Injectable } from '@nestjs/common';
import {
  COMPLETION_STATUS_LABELS,
  CompletionDecisionView,
  CompletionInput,
  CompletionListQuery,
  CompletionOutcome,
  EnrolmentCompletion,
  explainCompletionReason,
  Ledger,
} from '@platform/contracts';
import { and, asc, count, desc, eq, inArray, SQL } from 'drizzle-orm';
import type { Actor } from '../../../common/auth/actor';
import { assertInDistrict, staffDistrictOf } from '../../../common/auth/staff-district';
import { AppError } from '../../../common/errors/app-error';
import {
  completionDecisions,
  seekerProfiles,
  trainingAssessments,
  trainingCertificates,
  trainingClasses,
  trainingCourses,
  trainingEnrolments,
} from '../../../database/schema';
import { DATABASE, Database } from '../../../infra/database/database';
import { assertMayRead } from './completion-access';
import { CompletionCertificates } from './completion-certificates.service';

type DecisionRow = typeof completionDecisions.$inferSelect;
type CertificateRow = typeof trainingCertificates.$inferSelect;

/**
 * What the trainee and the reviewers read about completion: the latest decision explained, the
 * learning ledger (台账, R2) and the evidence behind a decision (R4, scenario 47).
 */
@Injectable()
export class CompletionViews {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly certificates: CompletionCertificates,
  ) {}

  async completionOf(actor: Actor, enrolmentId: string): Promise<EnrolmentCompletion> {
    const enrolment = await this.enrolment(actor, enrolmentId);
    const [latest] = await this.decisionsOf([enrolmentId], 1);
    const certificate = await this.certificates.ofEnrolment(this.db, enrolmentId);
    return {
      enrolmentId,
      classId: enrolment.classId,
      className: enrolment.className,
      courseTitle: enrolment.courseTitle,
      decision: latest ? decisionView(latest) : null,
      certificate: certificate ? this.certificateSummary(certificate) : null,
    };
  }

  async ledgerOf(actor: Actor): Promise<Ledger> {
    const enrolments = await this.db
      .select({
        id: trainingEnrolments.id,
        className: trainingClasses.name,
        startsOn: trainingClasses.startsOn,
        endsOn: trainingClasses.endsOn,
        courseTitle: trainingCourses.title,
        courseCode: trainingCourses.code,
      })
      .from(trainingEnrolments)
      .innerJoin(trainingClasses, eq(trainingClasses.id, trainingEnrolments.classId))
      .innerJoin(trainingCourses, eq(trainingCourses.id, trainingClasses.courseId))
      .where(eq(trainingEnrolments.userId, actor.userId))
      .orderBy(desc(trainingClasses.startsOn));
    const ids = enrolments.map((e) => e.id);
    if (!ids.length) return { items: [] };
    const decisions = await this.decisionsOf(ids);
    const assessments = await this.db
      .select()
      .from(trainingAssessments)
      .where(inArray(trainingAssessments.enrolmentId, ids))
      .orderBy(asc(trainingAssessments.recordedAt));
    const certificates = await this.db
      .select()
      .from(trainingCertificates)
      .where(inArray(trainingCertificates.enrolmentId, ids));
    return {
      items: enrolments.map((e) => {
        const mine = decisions.filter((d) => d.enrolmentId === e.id);
        const latest = mine[0] ? (mine[0].outcome as CompletionOutcome) : null;
        const certificate = certificates.find((c) => c.enrolmentId === e.id);
        return {
          enrolmentId: e.id,
          className: e.className,
          courseTitle: e.courseTitle,
          courseCode: e.courseCode,
          classStartsOn: e.startsOn,
          classEndsOn: e.endsOn,
          creditedMinutes: latest ? creditedOnClass(latest, mine[0]!) : 0,
          hours: latest?.hours ?? null,
          assessments: assessments
            .filter((a) => a.enrolmentId === e.id)
            .map((a) => ({ kind: a.kind, score: a.score, recordedAt: a.recordedAt.toISOString() })),
          decisions: mine.map((d) => ({
            id: d.id,
            status: d.status as CompletionOutcome['status'],
            reasons: d.reasons,
            decidedAt: d.decidedAt.toISOString(),
            policyVersion: d.policyVersion,
          })),
          certificate: certificate ? this.certificateSummary(certificate) : null,
        };
      }),
    };
  }

  /** Reviewers: the latest decision of every enrolment, by class and status; a district's own only. */
  async list(actor: Actor, query: CompletionListQuery) {
    const district = await staffDistrictOf(this.db, actor);
    const where: SQL[] = [];
    if (district !== null) where.push(eq(trainingClasses.district, district));
    if (query.classId) where.push(eq(trainingEnrolments.classId, query.classId));
    if (query.status) where.push(eq(trainingEnrolments.completionStatus, query.status));
    const filter = where.length ? and(...where) : undefined;
    const rows = await this.db
      .select({
        enrolmentId: trainingEnrolments.id,
        classId: trainingEnrolments.classId,
        className: trainingClasses.name,
        traineeName: seekerProfiles.realName,
        status: trainingEnrolments.completionStatus,
      })
      .from(trainingEnrolments)
      .innerJoin(trainingClasses, eq(trainingClasses.id, trainingEnrolments.classId))
      .leftJoin(seekerProfiles, eq(seekerProfiles.userId, trainingEnrolments.userId))
      .where(filter)
      .orderBy(asc(trainingClasses.name), asc(trainingEnrolments.id))
      .limit(query.limit)
      .offset(query.offset);
    const [{ total }] = await this.db
      .select({ total: count() })
      .from(trainingEnrolments)
      .innerJoin(trainingClasses, eq(trainingClasses.id, trainingEnrolments.classId))
      .where(filter);
    const ids = rows.map((r) => r.enrolmentId);
    const latest = ids.length ? await this.latestByEnrolment(ids) : new Map<string, DecisionRow>();
    const certificates = ids.length
      ? await this.db
          .select()
          .from(trainingCertificates)
          .where(inArray(trainingCertificates.enrolmentId, ids))
      : [];
    const classes = await this.db
      .select({ id: trainingClasses.id, name: trainingClasses.name })
      .from(trainingClasses)
      .where(district === null ? undefined : eq(trainingClasses.district, district))
      .orderBy(asc(trainingClasses.name))
      .limit(500);
    return {
      total: total!,
      classes,
      items: rows.map((r) => {
        const d = latest.get(r.enrolmentId);
        return {
          ...r,
          status: (r.status as CompletionOutcome['status'] | null) ?? null,
          reasons: d?.reasons ?? [],
          decisionId: d?.id ?? null,
          decidedAt: d?.decidedAt.toISOString() ?? null,
          certificateCode:
            certificates.find((c) => c.enrolmentId === r.enrolmentId)?.verificationCode ?? null,
        };
      }),
    };
  }

  /** Scenario 47: sign-in, every session with its credited and dropped minutes, checks, assessments. */
  async evidence(actor: Actor, enrolmentId: string) {
    const enrolment = await this.enrolment(actor, enrolmentId);
    const [latest] = await this.decisionsOf([enrolmentId], 1);
    const input = latest ? (latest.input as CompletionInput) : null;
    const outcome = latest ? (latest.outcome as CompletionOutcome) : null;
    const assessments = await this.db
      .select()
      .from(trainingAssessments)
      .where(eq(trainingAssessments.enrolmentId, enrolmentId))
      .orderBy(asc(trainingAssessments.recordedAt));
    const certificate = await this.certificates.ofEnrolment(this.db, enrolmentId);
    return {
      enrolmentId,
      signedInAt: enrolment.signedInAt?.toISOString() ?? null,
      decision: latest ? decisionView(latest) : null,
      sessions: (input?.sessions ?? []).map((s) => {
        const o = outcome?.sessions.find((x) => x.id === s.id);
        return {
          id: s.id,
          classId: s.classId,
          module: s.module,
          start: s.start,
          end: s.end,
          faceVerifiedAtStart: s.faceVerifiedAtStart,
          hasRetainedMedia: s.hasRetainedMedia,
          rejected: o?.rejected ?? null,
          creditedMinutes: o?.creditedMinutes ?? 0,
          dropped: o?.dropped ?? [],
          checks: s.checks,
        };
      }),
      assessments: assessments.map((a) => ({
        kind: a.kind,
        score: a.score,
        recordedAt: a.recordedAt.toISOString(),
      })),
      certificate: certificate ? this.certificateSummary(certificate) : null,
    };
  }

  certificateSummary(c: CertificateRow) {
    return {
      id: c.id,
      verificationCode: c.verificationCode,
      issuedAt: c.issuedAt.toISOString(),
      revokedAt: c.revokedAt?.toISOString() ?? null,
      revokeReason: c.revokeReason,
      downloadUrl: `/api/training/certificates/${c.id}/pdf`,
      verifyUrl: this.certificates.verifyUrl(c.verificationCode),
    };
  }

  /** A reviewer's action on an enrolment (asking for a new evaluation) is for its district's staff. */
  async assertReviewerDistrict(actor: Actor, enrolmentId: string): Promise<void> {
    const scope = await staffDistrictOf(this.db, actor);
    if (scope === null) return;
    const [row] = await this.db
      .select({ district: trainingClasses.district })
      .from(trainingEnrolments)
      .innerJoin(trainingClasses, eq(trainingClasses.id, trainingEnrolments.classId))
      .where(eq(trainingEnrolments.id, enrolmentId));
    if (!row) throw new AppError('TRAINING_ENROLMENT_NOT_FOUND', 'No such enrolment. 未找到报名记录。');
    assertInDistrict(scope, row.district);
  }

  private async enrolment(actor: Actor, enrolmentId: string) {
    const [row] = await this.db
      .select({
        userId: trainingEnrolments.userId,
        classId: trainingEnrolments.classId,
        signedInAt: trainingEnrolments.signedInAt,
        className: trainingClasses.name,
        courseTitle: trainingCourses.title,
      })
      .from(trainingEnrolments)
      .innerJoin(trainingClasses, eq(trainingClasses.id, trainingEnrolments.classId))
      .innerJoin(trainingCourses, eq(trainingCourses.id, trainingClasses.courseId))
      .where(eq(trainingEnrolments.id, enrolmentId));
    if (!row) throw new AppError('TRAINING_ENROLMENT_NOT_FOUND', 'No such enrolment. 未找到报名记录。');
    assertMayRead(actor, row.userId);
    return row;
  }

  private decisionsOf(enrolmentIds: string[], limit?: number): Promise<DecisionRow[]> {
    const q = this.db
      .select()
      .from(completionDecisions)
      .where(inArray(completionDecisions.enrolmentId, enrolmentIds))
      .orderBy(desc(completionDecisions.decidedAt), desc(completionDecisions.id));
    return limit ? q.limit(limit) : q;
  }

  private async latestByEnrolment(ids: string[]): Promise<Map<string, DecisionRow>> {
    const rows = await this.db
      .selectDistinctOn([completionDecisions.enrolmentId])
      .from(completionDecisions)
      .where(inArray(completionDecisions.enrolmentId, ids))
      .orderBy(completionDecisions.enrolmentId, desc(completionDecisions.decidedAt));
    return new Map(rows.map((r) => [r.enrolmentId, r]));
  }
}

export function decisionView(row: DecisionRow): CompletionDecisionView {
  const outcome = row.outcome as CompletionOutcome;
  return {
    id: row.id,
    status: outcome.status,
    statusLabel: COMPLETION_STATUS_LABELS[outcome.status],
    policyVersion: row.policyVersion,
    trigger: row.trigger,
    decidedAt: row.decidedAt.toISOString(),
    reasons: outcome.reasons.map((code) => ({
      code,
      explanation: explainCompletionReason(code, outcome.hours),
    })),
    flags: outcome.flags,
    hours: outcome.hours,
    sessions: outcome.sessions,
  };
}

function creditedOnClass(outcome: CompletionOutcome, decision: DecisionRow): number {
  const classId = (decision.input as CompletionInput).class.id;
  return outcome.sessions.filter((s) => s.classId === classId).reduce((sum, s) => sum + s.creditedMinutes, 0);
}
